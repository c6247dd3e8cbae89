"""The app's last line of defence (error dialog with Copy details, crash report) and the tour."""

import contextlib
import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    path = tmp_path / "logs"
    monkeypatch.setenv("MLPSTUDIO_LOG_DIR", str(path))
    return path


def _raise(message):
    try:
        raise ZeroDivisionError(message)
    except ZeroDivisionError as exc:
        return exc


def test_unexpected_error_dialog_copies_details_and_saves_a_report(make_window, qtbot, log_dir,
                                                                    monkeypatch):  # fmt: skip
    from mlpstudio.gui.app import ErrorDialog, install_error_dialog

    window = make_window(epochs=5)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_dialog(lambda: window)
    exc = _raise("a slot failed")
    sys.excepthook(type(exc), exc, exc.__traceback__)
    dialog = ErrorDialog._open
    assert dialog is not None and dialog.isVisible()
    # a repeat while it is open (a timer) does not stack dialogs or reports
    sys.excepthook(type(exc), exc, exc.__traceback__)
    assert ErrorDialog._open is dialog
    reports = list(log_dir.iterdir())
    assert len(reports) == 1 and "ZeroDivisionError: a slot failed" in reports[0].read_text()
    assert str(reports[0]) in " ".join(label.text() for label in dialog.findChildren(QLabel))
    QApplication.clipboard().clear()
    copy = dialog.findChild(QPushButton, "copyDetails")
    copy.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("Traceback") and "ZeroDivisionError: a slot failed" in copied
    assert dialog.isVisible()  # copying does not close it
    dialog.reject()
    qtbot.waitUntil(lambda: ErrorDialog._open is None)


def test_a_short_tour_walks_presets_tasks_and_the_comparison(make_window, qtbot, tmp_path,
                                                            monkeypatch):  # fmt: skip
    from mlpstudio.gui.smoke import SMOKE_VIEWS, Tour

    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path / "empty-store"))  # MNIST absent
    window = make_window()
    shots = tmp_path / "shots"
    # The window's size is checked by the layout tests; here everything else is.
    tour = Tour(QApplication.instance(), window, str(shots), presets=["xor", "mnist"],
                kinds=["function"], train_s=0.2, max_shot=None)  # fmt: skip
    hook = sys.excepthook
    assert tour.run() == 0, tour.errors
    assert sys.excepthook is hook  # the tour puts the app's hooks back
    names = sorted(p.name for p in shots.iterdir())
    views = [f"{6 + i:02d}-view-{name}.png" for i, name in enumerate(SMOKE_VIEWS)]
    assert names == ["01-start.png", "02-xor.png", "03-mnist-download.png",
                     "04-task-function.png", "05-views.png", *views,
                     f"{6 + len(views):02d}-comparison.png"]  # fmt: skip
    for path in shots.iterdir():
        assert path.read_bytes()[:4] == b"\x89PNG"


def test_the_tour_reports_errors_and_dialogs_and_carries_on(make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from mlpstudio.gui import main_window
    from mlpstudio.gui.smoke import Tour

    window = make_window()
    calls = []

    def broken(self, name):
        calls.append(name)
        if name == "xor":
            raise RuntimeError(f"cannot load {name}")
        QMessageBox.warning(self, "Cannot load", f"the preset {name} is damaged")  # modal

    monkeypatch.setattr(main_window.MainWindow, "load_preset", broken)
    window.data_panel.presetChosen.disconnect()
    window.data_panel.presetChosen.connect(lambda n: window.load_preset(n))
    tour = Tour(QApplication.instance(), window, str(tmp_path), presets=["xor", "circle"],
                kinds=[], train_s=0.2, max_shot=None)  # fmt: skip
    assert tour.run() == 1
    assert calls[:2] == ["xor", "circle"]  # it went on to the next preset
    assert any("RuntimeError: cannot load xor" in e for e in tour.errors)
    assert any("dialog 'Cannot load': the preset circle is damaged" in e for e in tour.errors)
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets())  # dialog closed


def test_smoke_view_grabs_only_that_view(make_window, tmp_path):
    from PySide6.QtGui import QImage

    from mlpstudio.gui.smoke import SmokeRun

    window = make_window(epochs=20)
    path = tmp_path / "backprop.png"
    run = SmokeRun(QApplication.instance(), window, str(path), view="backprop")
    assert run.run() == 0, run.errors
    image = QImage(str(path))
    size = (image.width(), image.height())
    assert size == (window.backprop_view.width(), window.backprop_view.height())
    assert size[0] < window.width()  # the view, not the window


def test_an_unknown_smoke_view_exits_2_and_lists_the_names(capsys):
    from mlpstudio.cli import main as cli_main
    from mlpstudio.gui.smoke import SMOKE_VIEWS

    assert cli_main(["--smoke", "--view", "nope", "--screenshot", "x.png"]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and all(name in err for name in SMOKE_VIEWS)
    assert "Traceback" not in err
    assert cli_main(["--smoke", "--view", "basis"]) == 2  # nowhere to save it
    assert "--screenshot" in capsys.readouterr().err
    with contextlib.suppress(SystemExit):
        cli_main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert all(name in text for name in SMOKE_VIEWS), text[-800:]
