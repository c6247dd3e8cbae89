"""Experiments in the app: save and open, labs with goals and locks, comparisons, exports."""

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from .conftest import wait_for_status


@pytest.fixture
def messages(monkeypatch):
    """Message boxes are recorded instead of shown (they would block the test)."""
    shown = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind,
            staticmethod(lambda parent, title, text, *a, k=kind: shown.append((k, title, text))),
        )  # fmt: skip
    return shown


def answer_dialogs(monkeypatch, path):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_save_open_round_trip_and_continue(make_window, qtbot, tmp_path, monkeypatch, messages):
    window = make_window(epochs=40)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    trained = window.controller.network.params_to_host()
    history = window.controller.snapshot.history
    path = tmp_path / "run.mlpx"
    answer_dialogs(monkeypatch, path)
    assert window.files.save_as()
    assert path.exists() and "run.mlpx" in window.windowTitle()

    other = make_window(epochs=10)
    assert other.files.open(str(path))
    c = other.controller
    c.settle()  # the opened network's first snapshot, from the worker
    np.testing.assert_array_equal(c.network.params_to_host(), trained)
    for column in ("epoch", "train_loss", "test_loss"):
        np.testing.assert_array_equal(c.snapshot.history[column], history[column])
    assert other.act_start.text() == "Continue"
    assert other.data_panel.formula.text() == window.data_panel.formula.text()
    c.start()
    wait_for_status(qtbot, other, "finished")
    assert c.snapshot.epoch == 80  # 40 more epochs on top of the saved 40
    assert messages == []


def test_a_damaged_file_is_refused_and_changes_nothing(make_window, tmp_path, messages):
    window = make_window(epochs=10)
    before = window.controller.network.params_to_host()
    bad = tmp_path / "bad.mlpx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert not window.files.open(str(bad))
    assert messages and messages[0][0] == "warning" and "bad.mlpx" in messages[0][2]
    np.testing.assert_array_equal(window.controller.network.params_to_host(), before)
    assert window.files.path is None


def test_course_lab_shows_goals_and_locks_the_data(make_window, qtbot):
    from mlpstudio.paths import resource

    window = make_window()
    assert window.open_lab(str(resource("labs", "course_sine.toml")))
    assert window.lab_dock.isVisible()
    goals = [window.lab_view.goals.item(i).text() for i in range(window.lab_view.goals.count())]
    assert len(goals) == 3
    assert not window.data_panel.formula.isEnabled()  # data is locked
    assert not window.data_panel.preset.isEnabled()
    assert not window.training_panel.seed.isEnabled()  # training.seed is locked
    assert window.training_panel.optimizer.isEnabled()  # the optimiser is the student's
    assert window.architecture_panel.table.cellWidget(0, 0).value() == 3
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    assert not window.training_panel.seed.isEnabled()  # still locked after training
    results = {r.goal.metric: r.met for r in window.lab_view.results}
    assert results["params"] is True  # 1-3-1 has 10 parameters
    assert results["test_mse"] is False  # the starting point does not fit (the lab's point)
    # the locked values win even if a control were changed behind the lock
    window.data_panel.formula.setText("x")
    assert window.current_config().data.formula == "sin(3*pi*x) + cos(2*pi*x)"


def test_comparison_of_three_architectures(make_window, qtbot):
    window = make_window()
    window.show_comparison()
    compare = window.compare_window
    compare.list_edit.setText("10; 50; 50,50")
    compare.epochs.setValue(30)
    compare.run()
    qtbot.waitUntil(lambda: not compare.is_running(), timeout=60_000)
    compare._poll()
    assert compare.table.rowCount() == 3
    params = [compare.table.item(r, 2).text() for r in range(3)]
    digits = [p.replace(",", "").replace(".", "").replace("\xa0", "") for p in params]
    assert digits == ["31", "151", "2701"]  # grouping follows the interface's locale
    assert len(compare.plot.test_points.xData) == 3
    compare.table.selectRow(1)
    compare.open_selected()
    assert window.controller.network.sizes == [1, 50, 1]
    np.testing.assert_array_equal(
        window.controller.network.params_to_host(), compare.comparison.rows[1].final_params
    )
    window.controller.settle()  # the adopted network's first snapshot, from the worker
    assert window.act_start.text() == "Continue"
    compare.close()


def test_numpy_script_export_runs(make_window, qtbot, tmp_path, monkeypatch, messages):
    import json
    import subprocess
    import sys

    window = make_window(epochs=5)
    path = tmp_path / "experiment.py"
    answer_dialogs(monkeypatch, path)
    window.files.export_script("numpy")
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])  # train --json's summary
    assert summary["epochs"] == 5 and summary["test_mse"] > 0
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    report = tmp_path / "report.html"
    answer_dialogs(monkeypatch, report)
    window.files.export_report()
    html = report.read_text()
    assert "<img" in html and "sin(3*pi*x)" in html
    csv = tmp_path / "history.csv"
    answer_dialogs(monkeypatch, csv)
    window.files.export_csv()
    assert len(csv.read_text().splitlines()) == 1 + 6
    assert messages == []


def test_the_report_is_written_in_the_interfaces_language(
    make_window, qtbot, tmp_path, monkeypatch, messages
):
    """In Spanish the HTML report's words are Spanish, its numbers are written as the window
    writes them (decimal comma), and the page says lang="es"; the TOML stays as typed."""
    import re

    from PySide6.QtWidgets import QApplication

    from mlpstudio.gui.i18n import install_translators
    from mlpstudio.gui.style import number

    app = QApplication.instance()
    assert install_translators(app, "es") == "es"
    try:
        window = make_window(epochs=5)
        window.controller.start()
        wait_for_status(qtbot, window, "finished")
        report = tmp_path / "informe.html"
        answer_dialogs(monkeypatch, report)
        window.files.export_report()
        html = report.read_text(encoding="utf-8")
        r2 = number(window.controller.results()["test_r2"], significant=6)  # in Spanish
    finally:
        install_translators(app, "en")
    assert '<html lang="es">' in html
    for spanish in ("Informe del experimento", "Resultados", "Parámetros", "Configuración",
                    "R2 de test", "pesos", "Escrito por MLP Studio"):  # fmt: skip
        assert spanish in html, spanish
    for english in ("<h2>Results", "<h2>Parameters", "Written by", ">weights<"):
        assert english not in html, english
    row = re.search(r"<th>R2 de test</th><td>([^<]*)</td>", html)
    assert row and row.group(1) == r2 and "," in r2
    assert "formula = &quot;sin(3*pi*x) + cos(2*pi*x)&quot;" in html  # the TOML, as typed
    assert messages == []


def test_views_export_svg(make_window, qtbot, tmp_path):
    window = make_window(epochs=5)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    for view in window.views:
        path = view.export_svg(tmp_path / f"{view.export_name}.svg")
        text = path.read_text()
        assert text.lstrip().startswith("<?xml") and "<svg" in text


def test_download_dialog_fetches_and_cancel_leaves_nothing(make_window, qtbot, tmp_path,
                                                           monkeypatch, messages,
                                                           shared_datasets):  # fmt: skip
    """The Data panel's Download... against a local server holding the official files."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from mlpstudio.data import store
    from mlpstudio.gui import datasets

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(shared_datasets))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path / "store"))
        monkeypatch.setenv("MLPSTUDIO_MIRROR", f"http://127.0.0.1:{server.server_port}/")
        window = make_window()
        results = []
        # Cancel at once: the download stops and leaves no file in the store.
        dialog = datasets.download(window, "fashion-mnist", results.append)
        dialog.canceled.emit()  # what the Cancel button does
        qtbot.waitUntil(lambda: bool(results), timeout=30_000)
        assert results == [False]
        assert messages and messages[-1][1] == "Download cancelled"
        assert store.status("fashion-mnist").state == "missing"
        assert not [p for p in (tmp_path / "store").rglob("*") if p.is_file()
                    and not p.name.startswith(".verified")]  # fmt: skip
        # A full download: verified, and the data panel says so.
        datasets.download(window, "fashion-mnist", results.append)
        qtbot.waitUntil(lambda: len(results) == 2, timeout=60_000)
        assert results[1] is True
        assert store.status("fashion-mnist").ready
    finally:
        server.shutdown()
