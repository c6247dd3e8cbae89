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


def _shown_labels(plot, axis_name):
    """The labelled ticks the axis draws for the plot's current range."""
    axis = plot.getAxis(axis_name)
    view = plot.getViewBox().viewRange()[0 if axis_name == "bottom" else 1]
    size = axis.width() if axis_name == "bottom" else axis.height()
    levels = axis.tickValues(view[0], view[1], size)
    return axis.tickStrings(levels[0][1], 1, 1) if levels else []


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_error_axes_are_readable_over_less_than_a_decade(qtbot, locale_of, language):
    """50 epochs of the course example: every test error between 0.34 and 0.36. Labelled on
    the decades only, the error axis had no label at all (one, 0.001, over 0.0002-0.0012)."""
    from mlpstudio.gui.error_plot import ErrorPlot

    locale_of(language)
    plot = ErrorPlot()
    qtbot.addWidget(plot)
    plot.resize(1000, 320)
    plot.show()
    qtbot.waitExposed(plot)
    plot.show_errors([31, 151, 2701], [0.3425, 0.364, 0.3638], [0.34, 0.3588, 0.3596],
                     classes=False)  # fmt: skip
    plot.getViewBox().autoRange()
    errors = _shown_labels(plot, "left")
    assert len(errors) >= 3 and len(set(errors)) == len(errors)
    comma = "," if language == "es" else "."
    assert all(label.startswith("0" + comma + "3") for label in errors)
    params = _shown_labels(plot, "bottom")
    assert "100" in params and ("1000" if language == "es" else "1,000") in params
    assert not any("e+" in label for label in params)  # 200, not 2e+02
    plot.show_errors([31, 151, 2701], [1.9e-4, 4.6e-4, 1.1e-3], [1.7e-4, 5.3e-4, 1e-3],
                     classes=False)  # fmt: skip
    plot.getViewBox().autoRange()
    assert len(_shown_labels(plot, "left")) >= 3


def test_the_error_plot_draws_a_perfect_fit_and_keeps_its_legend_off_the_points(qtbot):
    """The one scatter of the Compare window and the class board: a zero error sits at the
    floor of the log axis, a failed run (NaN) gets no name, the legend takes a free corner."""
    import numpy as np

    from mlpstudio.gui.error_plot import _CORNERS, FLOOR, ErrorPlot, _free_corner

    plot = ErrorPlot()
    qtbot.addWidget(plot)
    plot.show_errors([31, 151, 40801], [0.05, 0.0, 1e-4], [0.1, np.nan, 0.5], classes=False,
                     names=["1-10-1", "1-50-1", "1-200-200-1"])  # fmt: skip
    x, y = plot.train_points.getOriginalDataset()
    assert x.tolist() == [31, 151, 40801] and y[1] == FLOOR
    assert [item.toPlainText() for item in plot.names] == ["1-10-1", "1-200-200-1"]
    assert "MSE" in plot.getAxis("left").labelText
    # the few-noisy-points case: bottom left is free; a point there sends the legend away
    lx, ly = np.log10([31, 40801, 31, 40801]), np.log10([0.057, 0.0034, 0.139, 0.47])
    assert _CORNERS[_free_corner(lx, ly)][1] == (0, 1)
    lx, ly = np.log10([10, 40801, 10, 40801]), np.log10([0.001, 0.1, 0.002, 0.5])
    assert _CORNERS[_free_corner(lx, ly)][1] == (0, 0)  # top left


def test_log_axis_of_a_huge_span_labels_a_few_decades_and_never_overflows(qtbot, locale_of):
    """A signed result may state an error of 1e308 (attack 2): the axis spans 310 decades."""
    from mlpstudio.gui.error_plot import ErrorPlot

    locale_of("en")
    plot = ErrorPlot()
    qtbot.addWidget(plot)
    plot.resize(800, 400)
    plot.show()
    qtbot.waitExposed(plot)
    plot.show_errors([31, 151], [0.01, 1e308], [0.02, 1e308], classes=False)
    plot.getViewBox().autoRange()
    labels = _shown_labels(plot, "left")
    assert 2 <= len(labels) <= 12 and all(labels)
    assert any("³" in label for label in labels)  # 10³⁰⁰: a power, not 308 digits


@pytest.mark.parametrize("text", ["10; 50; 50,50,", "10; abc", "100000", "", "10 50"])
def test_run_is_disabled_while_the_list_is_invalid_and_the_reason_is_shown(compare, text):
    compare.list_edit.setText(text)
    assert not compare.run_button.isEnabled()
    assert compare.parsed.isVisibleTo(compare) and compare.parsed.text() == compare.list_problem
    assert compare.run_button.toolTip() == compare.list_problem  # said on the button too
    compare.list_edit.setText("10; 50,50")
    assert compare.run_button.isEnabled() and compare.list_problem is None


def test_a_bad_list_is_refused_in_the_interfaces_numbers(qtbot, compare, locale_of):
    """The parser's refusal (shared with the command line, which stays English) reads
    65.536 in the Spanish interface: the GUI installs its formatter for the Qt-free code."""
    from PySide6.QtWidgets import QApplication

    from mlpstudio import i18n
    from mlpstudio.gui.i18n import install_translators

    app = QApplication.instance()
    try:
        install_translators(app, "es")
        compare.list_edit.setText("100000")
        assert "65.536" in compare.parsed.text() and "100.000" in compare.parsed.text()
        assert not compare.run_button.isEnabled()
        install_translators(app, "en")
        compare.list_edit.setText("10; 200000")
        assert "65,536" in compare.parsed.text() and "200,000" in compare.parsed.text()
    finally:
        install_translators(app, "en")
        i18n.install(None)
        i18n.install_number(None)
