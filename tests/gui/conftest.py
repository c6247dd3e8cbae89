"""GUI test fixtures: an offscreen main window on the course example with private settings."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def settings_dir(tmp_path, monkeypatch):
    path = tmp_path / "settings"
    monkeypatch.setenv("MLPSTUDIO_CONFIG_DIR", str(path))
    return path


@pytest.fixture
def make_window(qtbot, settings_dir):
    """Build main windows; every one is closed (and its training process shut) afterwards."""
    from mlpstudio.experiment.config import Config
    from mlpstudio.gui.controller import ExperimentController
    from mlpstudio.gui.main_window import MainWindow
    from mlpstudio.gui.style import configure_pyqtgraph

    configure_pyqtgraph()
    windows = []

    def make(config=None, epochs=300, mode=None, settings=None):
        if config is None:
            config = Config()
            config.training.epochs = epochs
        controller = ExperimentController(config, mode=mode)
        window = MainWindow(controller, settings=settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        controller.settle()  # the untrained network's snapshot, computed by the worker
        return window

    yield make
    for window in windows:
        window.close()


def wait_for_status(qtbot, window, *statuses, timeout=60_000):
    qtbot.waitUntil(lambda: window.controller.status in statuses, timeout=timeout)


@pytest.fixture
def locale_of():
    """Set the interface's number format for a test (``locale_of("es")``); English after."""
    from PySide6.QtCore import QLocale

    yield lambda language: QLocale.setDefault(QLocale(language))
    QLocale.setDefault(QLocale("en"))
