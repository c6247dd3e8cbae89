"""Where the app keeps its preferences, window layout and last experiment (QSettings).

An INI file in the user's configuration folder (platformdirs), or in ``MLPSTUDIO_CONFIG_DIR``
when that is set: tests and the smoke mode point it at a temporary folder so that they never
touch a user's settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir
from PySide6.QtCore import QSettings


def config_dir() -> Path:
    override = os.environ.get("MLPSTUDIO_CONFIG_DIR")
    return Path(override) if override else Path(user_config_dir("MLP Studio", appauthor=False))


def app_settings() -> QSettings:
    path = config_dir() / "mlpstudio.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)
