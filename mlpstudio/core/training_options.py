"""How to train: the training loop's option specs and ``TrainingOptions``, derived from them.

``TRAINING_SPECS`` describes the loop's own settings (optimiser, learning rate, batch size,
epochs, ...); the optimisers' and schedules' options come from their registry entries. The
configuration's ``[training]`` section, the Training panel and ``TrainingOptions`` are all
built from these specs, so every default and limit is written once, here or in its entry.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from ..i18n import QT_TRANSLATE_NOOP
from . import optimizers, schedules
from .options import OptionSpec, merge_specs

MAX_SEED = 2**31 - 1  # the largest seed a spin box can hold

TRAINING_SPECS: tuple[OptionSpec, ...] = (
    OptionSpec(
        "optimizer",
        QT_TRANSLATE_NOOP("Options", "Optimiser"),
        "adam",
        kind="choice",
        choices=tuple(optimizers.OPTIMIZERS),
        help="update rule",
        tooltip=QT_TRANSLATE_NOOP(
            "Options",
            "The rule that updates the weights from the gradient. SGD: w -= lr * gradient; "
            "momentum adds a velocity that smooths the steps; Adam adapts the step of "
            "every weight.",
        ),
    ),
    OptionSpec(
        "learning_rate",
        QT_TRANSLATE_NOOP("Options", "Learning rate"),
        0.01,
        0.0,
        100.0,
        decimals=5,
        low_open=True,
        log=True,
        help="step size",
        tooltip=QT_TRANSLATE_NOOP(
            "Options",
            "The learning rate: how big a step the weights take along the negative "
            "gradient. Too small: slow; too large: the loss jumps or diverges. It can "
            "be changed while training.",
        ),
    ),
    # 16, not 32: with 32 the course's 10 tanh units sometimes stall with a few of them at
    # w = v = 0 (seed 7: R^2 0.94); twice the updates per epoch escape it (README, "Presets").
    OptionSpec(
        "batch_size",
        QT_TRANSLATE_NOOP("Options", "Batch size"),
        16,
        1,
        1_000_000,
        help="samples per mini-batch",
        tooltip=QT_TRANSLATE_NOOP(
            "Options",
            "Mini-batch size: how many training samples are averaged for each gradient "
            "step. One epoch is one pass over the training set, N/batch steps.",
        ),
    ),
    OptionSpec(
        "epochs",
        QT_TRANSLATE_NOOP("Options", "Epochs"),
        3000,
        1,
        1_000_000,
        100,
        help="passes over the training set",
        tooltip=QT_TRANSLATE_NOOP(
            "Options", "Epochs: how many times the network sees the whole training set."
        ),
    ),
    OptionSpec(
        "weight_decay",
        QT_TRANSLATE_NOOP("Options", "L2 penalty"),
        0.0,
        0.0,
        10.0,
        0.0001,
        5,
        help="L2 penalty",
        tooltip=QT_TRANSLATE_NOOP(
            "Options",
            "L2 regularisation lambda: adds lambda/2 * sum(W^2) to the loss, which keeps "
            "the weights small and can reduce overfitting.",
        ),
    ),
    OptionSpec(
        "schedule",
        QT_TRANSLATE_NOOP("Options", "Schedule"),
        "constant",
        kind="choice",
        choices=tuple(schedules.SCHEDULES),
        help="learning-rate schedule",
        tooltip=QT_TRANSLATE_NOOP(
            "Options",
            "How the learning rate changes over the epochs: constant, halved every few "
            "epochs (step), or decreasing smoothly to zero (cosine).",
        ),
    ),
    OptionSpec(
        "early_stopping",
        QT_TRANSLATE_NOOP("Options", "Early stopping"),
        False,
        text=QT_TRANSLATE_NOOP("Options", "Stop when validation stops improving"),
        help="stop when validation stops improving",
        tooltip=QT_TRANSLATE_NOOP(
            "Options",
            "Early stopping: hold out part of the training data for validation and stop "
            "when its loss has not improved for 'patience' epochs, keeping the best "
            "weights.",
        ),
    ),
    OptionSpec(
        "patience",
        QT_TRANSLATE_NOOP("Options", "Patience"),
        200,
        1,
        1_000_000,
        10,
        depends="early_stopping",
        help="epochs without improvement",
        tooltip=QT_TRANSLATE_NOOP("Options", "Epochs without improvement before stopping."),
    ),
    OptionSpec(
        "validation_fraction",
        QT_TRANSLATE_NOOP("Options", "Validation"),
        0.1,
        0.0,
        0.5,
        0.01,
        2,
        low_open=True,
        percent=True,
        depends="early_stopping",
        help="share of train used for validation",
        tooltip=QT_TRANSLATE_NOOP(
            "Options", "Share of the training data held out to decide when to stop."
        ),
    ),
    OptionSpec(
        "restore_best",
        "",
        True,
        depends="early_stopping",
        text=QT_TRANSLATE_NOOP("Options", "Keep the best validation weights"),
        help="restore the best validation weights",
        tooltip=QT_TRANSLATE_NOOP(
            "Options", "When training stops early, go back to the weights of the best epoch."
        ),
    ),
    OptionSpec(
        "seed",
        QT_TRANSLATE_NOOP("Options", "Seed"),
        0,
        0,
        MAX_SEED,
        help="seed of initialisation and shuffling",
        tooltip=QT_TRANSLATE_NOOP(
            "Options",
            "Seed of the initial weights and of the shuffling: the same seed repeats the same run.",
        ),
    ),
)


def all_training_specs() -> dict[str, OptionSpec]:
    """The loop's specs, then every optimiser's and every schedule's options, by name."""
    return merge_specs(
        [TRAINING_SPECS]
        + [o.options for o in optimizers.OPTIMIZERS.values()]
        + [s.options for s in schedules.SCHEDULES.values()]
    )


def entry_options(options, entry) -> dict[str, Any]:
    """The values in ``options`` of a registry entry's own options, by name."""
    return {s.name: getattr(options, s.name) for s in entry.options}


_TYPES = {"bool": bool, "int": int, "float": float, "choice": str}

if TYPE_CHECKING:

    class TrainingOptions:
        """Typed loosely for mypy: one attribute per spec of :func:`all_training_specs`."""

        def __init__(self, **values: Any) -> None: ...
        def __getattr__(self, name: str) -> Any: ...

else:
    #: How to train: the Qt-free mirror of the ``[training]`` section of a config, a frozen
    #: dataclass with one field per spec and the spec's default.
    TrainingOptions = dataclasses.make_dataclass(
        "TrainingOptions",
        [
            (s.name, _TYPES[s.kind], dataclasses.field(default=s.default))
            for s in all_training_specs().values()
        ],
        frozen=True,
    )
    TrainingOptions.__module__ = __name__
