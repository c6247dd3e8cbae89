"""The last line of defence: a crash report for an error nobody expected.

The command line (exit status 3) and the app's "Unexpected error" dialog both save the
traceback, the version, the platform and the command line to a text file in the user's log
folder (``MLPSTUDIO_LOG_DIR`` when set), written atomically, and tell the user where it is.
This never replaces fixing the error; it makes sure the user can report it.
"""

from __future__ import annotations

import os
import platform
import sys
import time
import traceback
from pathlib import Path

from . import __version__

LOG_DIR_ENV = "MLPSTUDIO_LOG_DIR"


def log_dir() -> Path:
    """Where crash reports go: ``MLPSTUDIO_LOG_DIR``, else the user's log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_log_dir

    return Path(user_log_dir("MLP Studio", appauthor=False))


def report_text(exc: BaseException, argv: list[str] | None = None) -> str:
    """The report: version, platform, command line, then the traceback."""
    lines = [
        f"MLP Studio {__version__} crash report",
        f"time: {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"python: {sys.version.split()[0]} ({platform.python_implementation()})",
        f"platform: {platform.platform()}",
        f"frozen: {bool(getattr(sys, 'frozen', False))}",
        f"argv: {list(sys.argv if argv is None else argv)!r}",
        "",
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip(),
        "",
    ]
    return "\n".join(lines)


def save_crash_report(exc: BaseException, argv: list[str] | None = None) -> Path | None:
    """Write the report for ``exc`` atomically; its path, or None when it could not be written
    (a crash report must never raise a second error)."""
    try:
        from .atomic import atomic_write_text

        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = log_dir() / f"crash-{stamp}-{os.getpid()}.txt"
        return atomic_write_text(path, report_text(exc, argv))
    except Exception:  # noqa: BLE001 (the report is best effort by design)
        return None
