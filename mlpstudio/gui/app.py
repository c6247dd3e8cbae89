"""Starting the desktop app, its smoke modes, and its last line of defence.

The command line (:mod:`mlpstudio.cli`) parses every option; :func:`run_gui` checks that a
window can open here at all, then starts Qt. ``--smoke`` and ``--smoke --tour`` are in
:mod:`mlpstudio.gui.smoke`. An unexpected error in a slot shows :class:`ErrorDialog` (with
"Copy details", in :mod:`mlpstudio.gui.errors`) and saves a crash report (:mod:`mlpstudio.crash`).
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import time

from .errors import ErrorDialog, install_error_dialog

__all__ = ["ErrorDialog", "WindowShell", "app_icon", "install_error_dialog", "run_gui"]


def run_gui(args, qt_args: list[str]) -> int:
    """Open the window; ``args`` from :func:`mlpstudio.cli.parse_gui_args`."""
    started = time.perf_counter()
    from .display import display_problem

    problem = display_problem(qt_args)
    if problem:
        print(f"mlpstudio: {problem}", file=sys.stderr)
        return 2
    automated = args.smoke or args.exit_when_shown
    if automated:
        # Never touch the user's settings from an automated run.
        folder = tempfile.mkdtemp(prefix="mlpstudio-smoke-")
        os.environ["MLPSTUDIO_CONFIG_DIR"] = folder
        atexit.register(shutil.rmtree, folder, True)  # nothing left behind in /tmp

    if args.smoke:
        from .smoke import use_lecture_screen

        use_lecture_screen(qt_args)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .. import __version__
    from ..threads import limit_blas_threads

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("MLP Studio")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("MLP Studio")
    blas = limit_blas_threads(beside_gui=True)  # noqa: F841 (in force while the app runs)

    from ..experiment.config import ConfigError, load_config
    from ..experiment.presets import preset_config
    from .controller import ExperimentController
    from .i18n import install_translators
    from .main_window import MainWindow, restored_config
    from .preferences import apply_data_preferences
    from .settings import app_settings
    from .style import configure_pyqtgraph

    file_config = None
    if args.config:  # read first: a refused file leaves no trace (no settings folder)
        try:
            file_config = load_config(args.config)
        except (ConfigError, OSError, ValueError) as exc:
            print(f"mlpstudio: error: {' '.join(str(exc).split())}", file=sys.stderr)
            return 2

    configure_pyqtgraph()
    settings = app_settings()
    apply_data_preferences(settings)
    language = install_translators(app, args.lang or settings.value("ui/language", "", type=str))
    try:
        if file_config is not None:
            config = file_config
        elif args.preset:
            config = preset_config(args.preset)
        elif args.smoke:
            from .smoke import smoke_config

            config = smoke_config()
        else:
            config = restored_config(settings)
    except (ConfigError, OSError, ValueError) as exc:
        print(f"mlpstudio: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2

    controller = ExperimentController(config)
    window = MainWindow(controller, settings=None if automated else settings)
    window.setWindowIcon(app_icon())
    app.setWindowIcon(app_icon())
    if args.preset and file_config is None:  # the Preset box names what is loaded
        window.name_preset(args.preset)
    if args.presentation:
        window.act_presentation.setChecked(True)
    if args.smoke:
        from .smoke import fit_to_screen

        fit_to_screen(window)
    from ..startup import resume

    if args.exit_when_shown:
        on_first_expose(app, window, lambda: report_shown(app, window, started, language))
    else:  # the training process starts once the window is up, not competing with its start
        on_first_expose(app, window, lambda: QTimer.singleShot(0, controller.prewarm))
    on_first_expose(app, window, resume)  # the collector paused for the start (startup.py)
    window.show()
    QTimer.singleShot(2000, resume)  # in case the window is never exposed
    shell = WindowShell(app, window, settings)  # keeps the window alive across language changes
    if args.exit_when_shown:
        return app.exec()
    if args.smoke:
        from .smoke import SmokeRun, Tour

        if args.tour:
            return Tour(app, window, args.screenshot_dir).run()
        timed = bool(args.config or args.preset)
        return SmokeRun(app, window, args.screenshot, timed=timed, view=args.view).run()
    install_error_dialog(lambda: shell.window)  # the window of the moment (languages rebuild it)
    return app.exec()


def process_age() -> float | None:
    """Seconds since this process was created (Linux: /proc/self/stat, 10 ms resolution), so a
    start time includes the interpreter's own start and every import; None elsewhere."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        ticks = int(fields[19])  # field 22, starttime, in clock ticks after boot
        return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def on_first_expose(app, window, callback) -> None:
    """Call ``callback()`` once, at the main window's first expose event: the moment it can be
    seen (after its first layout, before its first paint reaches the screen). The filter sits on
    the window, then on its native window once shown: no Python filter on every event."""
    from PySide6.QtCore import QEvent, QObject

    class FirstExpose(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            kind, handle = event.type(), window.windowHandle()
            if kind == QEvent.Type.Show and obj is window:
                window.removeEventFilter(self)
                if handle is None:  # (no native window: shown is all we can know)
                    callback()
                else:
                    handle.installEventFilter(self)
            elif kind == QEvent.Type.Expose and obj is handle and handle.isExposed():
                handle.removeEventFilter(self)
                callback()
            return False

    window.installEventFilter(FirstExpose(window))


def report_shown(app, window, started: float, language: str) -> None:
    """``--exit-when-shown``: print one line with the start time, then quit (read by
    benchmarks/startup.py, benchmarks/frozen.py and the frozen app's test)."""
    from PySide6.QtCore import QTimer

    age = process_age()
    since = "" if age is None else f", {age:.3f} s since process start"
    icon = "missing" if window.windowIcon().isNull() else "loaded"
    print(
        f"window shown after {time.perf_counter() - started:.3f} s in-process{since} "
        f"(cpu {time.process_time():.3f} s); "
        f"language {language}; train button '{window.act_start.text()}'; icon {icon}",
        flush=True,
    )
    window.close()
    QTimer.singleShot(0, app.quit)


def app_icon():
    from PySide6.QtGui import QIcon

    from ..paths import resource

    return QIcon(str(resource("icons", "mlpstudio.svg")))


class WindowShell:
    """Rebuilds the main window when the language changes, keeping the experiment running.

    Every string is translated when a widget is built, so the simplest complete way to switch
    language is a new window on the same controller, with the old window's layout."""

    def __init__(self, app, window, settings):
        self.app, self.window, self.settings = app, window, settings
        window.languageChangeRequested.connect(self.change_language)

    def change_language(self, language: str) -> None:
        from .i18n import install_translators
        from .main_window import MainWindow

        old = self.window
        geometry, state = old.saveGeometry(), old.saveState()
        install_translators(self.app, language)
        new = MainWindow(old.controller, settings=self.settings)
        new.restoreGeometry(geometry)
        new.restoreState(state)
        new.setWindowIcon(app_icon())
        old.detach()
        old.close()
        old.deleteLater()
        new.show()
        new.languageChangeRequested.connect(self.change_language)
        self.window = new
