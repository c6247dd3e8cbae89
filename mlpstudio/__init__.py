"""MLP Studio: build, train and compare multilayer perceptrons.

The package is split so that everything numerical can be used without Qt:

* :mod:`mlpstudio.core`: backend (numpy or cupy), network, losses, optimisers, trainer.
* :mod:`mlpstudio.data`: formula parser, target functions, 2-D toys, image sets.
* :mod:`mlpstudio.experiment`: configuration (TOML), saving and loading.
* :mod:`mlpstudio.gui`: the desktop application (the only package that imports Qt).
"""

__version__ = "0.1.0"
