"""Where the app's own files are, from a source checkout, a pip install or a PyInstaller bundle.

The ``resources/`` folder of the repository is installed as the package
``mlpstudio.resources``; PyInstaller copies it to ``<bundle>/mlpstudio/resources``. Importing the
package finds it in every case, so nothing here depends on the current directory.
"""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    from . import resources  # noqa: PLC0415 (resources is a data package)

    return Path(resources.__file__).resolve().parent


def resource(*parts: str) -> Path:
    """The path of a bundled file, e.g. ``resource("icons", "mlpstudio.svg")``."""
    return resources_dir().joinpath(*parts)
