"""Starting the desktop app, and its smoke mode for packaging and CI.

``mlpstudio --smoke [--screenshot FILE.png]`` opens the window on the course example, trains a
few hundred epochs with every view live, checks that every view drew data, optionally saves a
screenshot of the main window, and exits 0 (1 on any error or empty view, 2 on a timeout).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback

SMOKE_EPOCHS = 300
SMOKE_TIMEOUT_S = 120


def parse_gui_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="mlpstudio", add_help=False)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--screenshot", metavar="FILE")
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--lang", metavar="CODE", help="interface language (en, es)")
    parser.add_argument("config", nargs="?", help="experiment file (TOML) to open")
    return parser.parse_known_args(argv)


def run_gui(argv: list[str]) -> int:
    started = time.perf_counter()
    args, qt_args = parse_gui_args(argv)
    if args.smoke or args.exit_when_shown:
        # Never touch the user's settings from an automated run.
        os.environ["MLPSTUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="mlpstudio-smoke-")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .. import __version__

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("MLP Studio")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("MLP Studio")

    from ..experiment.config import Config, ConfigError, load_config
    from .controller import ExperimentController
    from .i18n import install_translators
    from .main_window import MainWindow, restored_config
    from .preferences import apply_data_preferences
    from .settings import app_settings
    from .style import configure_pyqtgraph

    file_config = None
    if args.config and not args.smoke:  # a refused file leaves no trace (no settings folder)
        try:
            file_config = load_config(args.config)
        except ConfigError as exc:
            print(f"mlpstudio: error: {'; '.join(exc.problems)}", file=sys.stderr)
            return 2

    configure_pyqtgraph()
    settings = app_settings()
    apply_data_preferences(settings)
    language = install_translators(app, args.lang or settings.value("ui/language", "", type=str))
    if args.smoke:
        config = Config()
        config.training.epochs = SMOKE_EPOCHS
    elif file_config is not None:
        config = file_config
    else:
        config = restored_config(settings)

    controller = ExperimentController(config)
    window = MainWindow(controller, settings=None if args.smoke else settings)
    window.setWindowIcon(app_icon())
    app.setWindowIcon(app_icon())
    window.show()
    shell = WindowShell(app, window, settings)  # keeps the window alive across language changes
    QTimer.singleShot(0, controller.prewarm)

    if args.exit_when_shown:

        def shown():
            icon = "missing" if window.windowIcon().isNull() else "loaded"
            print(
                f"window shown after {time.perf_counter() - started:.3f} s in-process; "
                f"language {language}; train button '{window.act_start.text()}'; icon {icon}",
                flush=True,
            )
            window.close()
            app.quit()

        QTimer.singleShot(0, shown)
        return app.exec()
    if args.smoke:
        return SmokeRun(app, window, args.screenshot).run()
    _install_excepthook(window)
    code = app.exec()
    del shell
    return code


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


class SmokeRun:
    """Trains the course example through the real window and checks every view."""

    def __init__(self, app, window, screenshot: str | None):
        self.app, self.window, self.screenshot = app, window, screenshot
        self.code = 1
        self.errors: list[str] = []

    def run(self) -> int:
        from PySide6.QtCore import QTimer

        sys.excepthook = self._excepthook
        controller = self.window.controller
        controller.statusChanged.connect(self._status)
        QTimer.singleShot(100, controller.start)
        QTimer.singleShot(SMOKE_TIMEOUT_S * 1000, self._timeout)
        self.app.exec()
        for error in self.errors:
            print(error, file=sys.stderr)
        return self.code if not self.errors else 1

    def _status(self, status: str) -> None:
        from PySide6.QtCore import QTimer

        if status in ("finished", "stopped", "early_stopped", "diverged"):
            QTimer.singleShot(300, lambda: self._finish(status))

    def _finish(self, status: str) -> None:
        w = self.window
        empty = [type(v).__name__ for v in w.views if not v.has_content()]
        snapshot = w.controller.snapshot
        history = snapshot.history if snapshot is not None else None
        fell = history is not None and history["train_loss"][-1] < history["train_loss"][0]
        print(
            f"smoke: status {status}, {snapshot.epoch if snapshot else 0} epochs, "
            f"loss {history['train_loss'][0]:.4g} -> {history['train_loss'][-1]:.4g}"
            if history is not None
            else "smoke: no snapshot"
        )
        if status != "finished":
            self.errors.append(f"smoke: training ended as {status}")
        if empty:
            self.errors.append(f"smoke: views without data: {', '.join(empty)}")
        if not fell:
            self.errors.append("smoke: the training loss did not fall")
        if self.screenshot:
            if w.grab().save(self.screenshot):
                print(f"smoke: screenshot saved to {self.screenshot}")
            else:
                self.errors.append(f"smoke: could not save {self.screenshot}")
        self.code = 0 if not self.errors else 1
        w.close()
        self.app.quit()

    def _timeout(self) -> None:
        self.errors.append(f"smoke: no result after {SMOKE_TIMEOUT_S} s")
        self.code = 2
        self.window.close()
        self.app.quit()

    def _excepthook(self, kind, value, tb) -> None:
        self.errors.append("smoke: " + "".join(traceback.format_exception(kind, value, tb)))
        self.window.close()
        self.app.quit()


def _install_excepthook(window) -> None:
    """Unexpected errors in slots are shown to the user instead of vanishing or crashing."""
    from PySide6.QtWidgets import QMessageBox

    from ..i18n import translate

    def hook(kind, value, tb):
        text = "".join(traceback.format_exception(kind, value, tb))
        print(text, file=sys.stderr)
        QMessageBox.critical(
            window,
            translate("MainWindow", "Unexpected error"),
            translate(
                "MainWindow", "Something went wrong; your work is still here.\n\n{error}"
            ).format(error=f"{kind.__name__}: {value}"),
        )

    sys.excepthook = hook
