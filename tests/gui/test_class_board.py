"""Labs that travel in the app: Paste lab opens the lab a text holds and refuses a changed one
in one dialog; Submit result writes a signed result that the class board shows; the board
ranks, plots, refreshes and notes the files it skipped."""

import json

import numpy as np
import pytest

from .conftest import wait_for_status

LAB = """
[lab]
title = { en = "Board lab", es = "Práctica del panel" }
results = "results"
[experiment]
preset = "course-sine"
lock = ["data"]
[experiment.training]
epochs = 5
"""


@pytest.fixture
def lab(tmp_path):
    from mlpstudio.experiment.labs import load_lab

    (tmp_path / "lab.toml").write_text(LAB, encoding="utf-8")
    (tmp_path / "results").mkdir()
    return load_lab(tmp_path / "lab.toml")


def fill(lab, results):
    """Five results (params, test error) and two foreign files."""
    from mlpstudio.experiment.board import make_result, submit
    from mlpstudio.experiment.config import Config

    folder = lab.results_folder()
    for name, params, test in results:
        figures = {"params": params, "train_loss": test / 2, "test_loss": test}
        submit(lab, folder, make_result(lab, name, Config(), figures, {}))
    (folder / "essay.docx").write_bytes(b"PK\x03\x04")
    (folder / "forged.json").write_text(json.dumps({"format": "mlpstudio-result"}))


FIVE = [("Ana", 10, 0.05), ("Bo", 31, 0.02), ("Cy", 481, 0.0004), ("Di", 16, 0.03),
        ("Ed", 10401, 0.0009)]  # fmt: skip


def test_board_ranks_plots_and_notes(qtbot, lab, locale_of):
    from mlpstudio.gui.class_board import ClassBoard
    from mlpstudio.gui.style import configure_pyqtgraph

    locale_of("en")
    configure_pyqtgraph()
    fill(lab, FIVE)
    board = ClassBoard(lab, lab.results_folder(), "en")
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.board is not None)  # read in a thread
    table = board.table
    students = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert students == ["Cy", "Ed", "Bo", "Di", "Ana"]
    assert [table.item(r, 3).text() for r in range(5)] == ["481", "10,401", "31", "16", "10"]
    x, y = board.plot.test_points.getOriginalDataset()
    order = np.argsort(x)
    assert x[order].tolist() == [10, 16, 31, 481, 10401]
    assert y[order].tolist() == [0.05, 0.03, 0.02, 0.0004, 0.0009]
    assert [label.toPlainText() for label in board.plot.names] == students  # the 5 best, named
    notes = [board.notes.item(i).text() for i in range(board.notes.count())]
    assert len(notes) == 2 and notes[0].startswith("essay.docx") and "forged.json" in notes[1]
    assert board.notes.isVisible()

    # live: the timer runs while Live is ticked; a new file appears on the next read
    assert board.timer.isActive()
    fill(lab, [("Fy", 7, 0.001)])
    board.refresh()
    qtbot.waitUntil(lambda: not board.is_reading())
    assert table.rowCount() == 6 and table.item(2, 1).text() == "Fy"
    board.live.setChecked(False)
    assert not board.timer.isActive()
    board.close()
    assert not board.timer.isActive()  # a closed board reads nothing


def test_board_numbers_follow_the_language(qtbot, lab, locale_of):
    from mlpstudio.gui.class_board import ClassBoard

    locale_of("es")
    fill(lab, FIVE)
    board = ClassBoard(lab, lab.results_folder(), "es")
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.board is not None)
    assert board.table.item(0, 5).text() == "0,0004"
    assert board.table.item(1, 3).text() == "10.401"


def test_paste_lab_opens_it_and_a_flipped_character_is_one_dialog(make_window, lab, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from mlpstudio.experiment.lab_text import pack_lab

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window = make_window()
    text = pack_lab(lab)
    flipped = text[:30] + ("Q" if text[30] != "Q" else "R") + text[31:]
    assert not window.lab_actions.paste_lab(flipped)
    assert len(shown) == 1 and "checksum" in shown[0] and "\n" not in shown[0]
    assert window.lab is None
    assert window.lab_actions.paste_lab(text)
    assert window.lab is not None and window.lab.text == LAB
    assert not window.data_panel.formula.isEnabled()  # the pasted lab's locks hold
    assert window.lab_actions.copy.isEnabled() and window.lab_actions.submit.isEnabled()


def test_submit_result_from_the_window_reaches_the_board(make_window, qtbot, lab, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from mlpstudio.experiment.board import read_board
    from mlpstudio.gui import lab_actions

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window = make_window()
    assert window.open_lab(str(lab.source))
    accept = []

    def fake_exec(dialog):
        dialog.name.setText(accept[0])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(lab_actions.SubmitDialog, "exec", fake_exec)
    accept.append("Ana")
    assert not window.lab_actions.submit_result()  # nothing trained yet
    assert len(shown) == 1 and "train" in shown[0]
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    assert window.lab_actions.submit_result()
    board = read_board(window.lab, lab.results_folder())
    (entry,) = board.entries
    results = window.controller.results()
    assert entry.student == "Ana" and entry.params == results["params"]
    assert entry.test_error == results["test_loss"] and entry.epochs == 5
    accept[0] = "   "
    assert not window.lab_actions.submit_result()
    assert "name" in shown[-1]
    assert len(read_board(window.lab, lab.results_folder()).entries) == 1


def test_a_hung_drive_never_blocks_the_window(qtbot, lab, monkeypatch):
    """The read waits on an event the test holds: the window is built and answers while the
    read is stuck, and shows the board once the drive comes back."""
    import threading

    from mlpstudio.experiment.board import BoardReader
    from mlpstudio.gui.class_board import READER_THREAD, ClassBoard

    fill(lab, FIVE)
    drive_back = threading.Event()
    real = BoardReader.read

    def hung(reader):
        assert drive_back.wait(60)
        return real(reader)

    monkeypatch.setattr(BoardReader, "read", hung)
    board = ClassBoard(lab, lab.results_folder(), "en")  # returns while the read hangs
    qtbot.addWidget(board)
    board.show()
    assert board.is_reading() and board.table.rowCount() == 0
    board.refresh()  # asked again meanwhile: queued, not a second thread
    readers = [t for t in threading.enumerate() if t.name == READER_THREAD]
    assert len(readers) == 1 and board.is_reading()
    drive_back.set()
    qtbot.waitUntil(lambda: board.table.rowCount() == 5 and not board.is_reading())
