"""The comparison window shows the parsed architectures as you type and refuses ambiguous text."""

import pytest


@pytest.fixture
def compare(make_window):
    window = make_window()
    window.show_comparison()
    return window.compare_window


def test_architectures_are_shown_as_typed(compare):
    compare.list_edit.setText("10; 50; 50,50")
    assert compare.architectures() == [[10], [50], [50, 50]]
    assert "(3)" in compare.parsed.text()
    assert "(10); (50); (50, 50)" in compare.parsed.text()
    compare.list_edit.setText("0\n20,30")
    assert compare.architectures() == [[], [20, 30]]
    assert "(none); (20, 30)" in compare.parsed.text()


@pytest.mark.parametrize("text", ["10 50", "10; 20 30", "5,10 20"])
def test_numbers_separated_only_by_spaces_are_refused(compare, monkeypatch, text):
    from PySide6.QtWidgets import QMessageBox

    from mlpstudio.experiment.config import ConfigError

    compare.list_edit.setText(text)
    with pytest.raises(ConfigError):
        compare.architectures()
    assert "ambiguous" in compare.parsed.text()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    compare.run()
    assert len(shown) == 1 and "ambiguous" in shown[0] and "\n" not in shown[0]
    assert compare.comparison is None  # nothing was started


def test_a_bad_grid_number_is_named(compare):
    from mlpstudio.experiment.config import ConfigError

    compare.by_grid.setChecked(True)
    compare.depths.setText("1, x")
    with pytest.raises(ConfigError, match="'x' is not a whole number"):
        compare.architectures()
    compare.depths.setText("1, 2")
    compare.widths.setText("5 10")
    assert compare.architectures() == [[5], [10], [5, 5], [10, 10]]


def test_log_axis_labels_only_the_decades_in_the_interface_format(qtbot, locale_of):
    from mlpstudio.gui.error_plot import decade_text, log_ticks

    locale_of("en")
    decades, steps = log_ticks(31, 2701)
    assert [value for value, _ in decades] == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert [text for _, text in decades] == ["1", "10", "100", "1,000", "10,000", "100,000"]
    assert all(text == "" for _, text in steps) and len(steps) == 8 * len(decades)
    assert decade_text(-2) == "0.01"
    locale_of("es")
    assert decade_text(-2) == "0,01" and decade_text(4) == "10.000"
