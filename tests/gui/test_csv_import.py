"""File > Import CSV...: the dialog (preview, columns, refusals in one paragraph) and a
window that trains on the table and draws its predictions without a domain."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mlpstudio.experiment.config import Config
from mlpstudio.gui.csv_dialog import CsvImportDialog

from .conftest import wait_for_status


@pytest.fixture
def houses(tmp_path):
    rng = np.random.default_rng(1)
    rows = ["Zona;Metros;Habitaciones;Precio"]
    for i in range(60):
        m, h = rng.uniform(40, 160), int(rng.integers(1, 6))
        rows.append(
            f"{'norte' if i % 2 else 'sur'};{m:.1f};{h};{3 * m + 20 * h:.2f}".replace(".", ",")
        )
    path = tmp_path / "pisos.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_dialog_detects_previews_and_defaults_to_numeric_inputs(qtbot, houses):
    dialog = CsvImportDialog(None, Config().data, str(houses))
    qtbot.addWidget(dialog)
    assert dialog.table.columnCount() == 4 and dialog.table.rowCount() == 20
    assert dialog.table.item(0, 1).text().count(",") == 1  # cells shown as written
    assert "Tab" not in dialog.detected.text() and ";" in dialog.detected.text()
    assert dialog.target.currentText() == "Precio"  # the last column by default
    assert dialog.checked_inputs() == ["Metros", "Habitaciones"]  # text column left out
    dialog.accept()
    data = dialog.data_config()
    assert data.kind == "csv" and data.path == str(houses) and data.target == "Precio"
    assert data.inputs == []  # the default stays implicit
    assert dialog.dataset.task == "regression" and dialog.dataset.n_inputs == 2


def test_dialog_target_change_and_explicit_inputs(qtbot, houses):
    dialog = CsvImportDialog(None, Config().data, str(houses))
    qtbot.addWidget(dialog)
    dialog.target.setCurrentIndex(0)  # Zona: text labels -> classification
    names = [dialog.inputs.item(i).text() for i in range(dialog.inputs.count())]
    assert names == ["Metros", "Habitaciones", "Precio"]
    dialog.inputs.item(2).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    data = dialog.data_config()
    assert data.target == "Zona" and data.inputs == ["Metros", "Habitaciones"]
    assert dialog.dataset.class_names == ("norte", "sur")


def test_dialog_shows_refusals_in_one_paragraph_and_imports_nothing(qtbot, tmp_path, houses):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,c\n1,2,3\n4,x,6\n5,6,7\n", encoding="utf-8")
    dialog = CsvImportDialog(None, Config().data, str(bad))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.data_config() is None and dialog.result() == 0
    assert dialog.message.isVisibleTo(dialog) and "line 3" in dialog.message.text()
    assert "\n" not in dialog.message.text()
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\x01\x02")
    dialog = CsvImportDialog(None, Config().data, str(binary))
    qtbot.addWidget(dialog)
    assert "binary" in dialog.message.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    # no input ticked: refused, not imported
    dialog = CsvImportDialog(None, Config().data, str(houses))
    qtbot.addWidget(dialog)
    for i in range(dialog.inputs.count()):
        dialog.inputs.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    assert dialog.data_config() is None and "input" in dialog.message.text()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("x,y\n", "header but no data rows"),
        ("x,y\n\n\n", "header but no data rows"),
        ("x;y\n1;2\n3;4\n", "only one column"),  # with the separator chosen as ","
        ("a,a,y\n1,2,3\n", 'the same name "a"'),
    ],
)
def test_the_preview_refuses_with_the_readers_words(qtbot, tmp_path, text, needle):
    """A file no dataset can come from is refused when it is chosen, in the words the
    reader (and the command line) use, not with a greyed "x (text)" column and a request to
    tick an input."""
    from mlpstudio.data.tabular import DataError, preview_csv, read_table

    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    sep = "," if "only one" in needle else ""
    with pytest.raises(DataError, match=needle):
        read_table(path, delimiter=sep)
    with pytest.raises(DataError, match=needle):
        preview_csv(path, delimiter=sep)
    dialog = CsvImportDialog(None, Config().data, None)
    qtbot.addWidget(dialog)
    if sep:
        dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(sep))
    dialog.set_path(str(path))
    assert needle in dialog.message.text() and dialog.message.isVisibleTo(dialog)
    assert dialog.inputs.count() == 0 and dialog.target.count() == 0
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert dialog.data_config() is None and "Tick" not in dialog.message.text()


@pytest.mark.parametrize("target", ["Precio", "Zona"])
def test_window_trains_a_csv_and_draws_predicted_against_true(make_window, qtbot, houses, target):
    window = make_window(epochs=40)
    dialog = CsvImportDialog(window, window.current_config().data, str(houses))
    dialog.target.setCurrentIndex(dialog.target.findText(target))
    dialog.accept()
    window.use_data(dialog.data_config())
    c = window.controller
    assert c.config.data.kind == "csv" and c.dataset is not None
    assert window.data_panel.kind.currentData() == "csv"
    assert "pisos.csv" in window.data_panel.csv_summary.text()
    c.start()
    wait_for_status(qtbot, window, "finished")
    view = window.prediction_view
    assert view._mode == "table" and view.has_content()
    x, y = view.test_predictions.getData()
    assert len(x) == len(c.dataset.y_test)
    if target == "Precio":  # parity plot: x is the true value of every test row
        ds = c.dataset  # in the file's units: the normalised targets times the divisor
        np.testing.assert_allclose(np.sort(x), np.sort(ds.y_test[:, 0] * ds.y_divisor))
        assert x.max() > 100  # prices, not values in [-1, 1]
    else:  # true class (jittered) on x; the class views show the table's classes
        np.testing.assert_array_equal(np.round(x), c.dataset.y_test)
        assert window.view_docks["confusion"].isVisible()
        assert window.confusion_view in window.views
        for view in window.views:
            assert view.has_content(), type(view).__name__
        assert window.confusion_view._counts.sum() == len(c.dataset.y_test)
    # the data panel keeps the csv keys when another control changes
    window.data_panel.seed.setValue(3)
    assert c.config.data.path == str(houses) and c.config.data.seed == 3


def test_opening_a_saved_csv_experiment_without_the_file_uses_the_stored_copy(
    make_window, qtbot, houses, tmp_path, monkeypatch
):
    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path / "data"))
    window = make_window(epochs=5)
    window.use_data(Config().with_overrides(["data.kind=csv", f"data.path={houses}"]).data)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    saved = tmp_path / "pisos.mlpx"
    assert window.files._write(saved)
    original = houses.read_bytes()
    houses.unlink()
    other = make_window(epochs=5)
    assert other.files.open(str(saved))
    other.controller.settle()  # the opened network's first snapshot, from the worker
    path = other.controller.config.data.path
    assert path.startswith(str(tmp_path / "data")) and open(path, "rb").read() == original
    assert other.controller.dataset is not None and other.controller.snapshot.epoch == 5
    assert "pisos.csv" in other.message_bar.label.text()


def test_saving_a_csv_over_the_cap_says_it_is_referenced_by_path(
    make_window, qtbot, houses, tmp_path, monkeypatch
):
    from mlpstudio.experiment import archive

    monkeypatch.setattr(archive, "CSV_EMBED_MAX_BYTES", 100)
    window = make_window(epochs=3)
    window.use_data(Config().with_overrides(["data.kind=csv", f"data.path={houses}"]).data)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    assert window.files._write(tmp_path / "big.mlpx")
    assert window.message_bar.isVisibleTo(window)
    assert "pisos.csv" in window.message_bar.label.text()
    assert archive.load_experiment(tmp_path / "big.mlpx").embedded_csv is None
