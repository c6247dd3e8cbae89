"""The Data panel's richer toys, region maps for many classes, the parity plot with
partial-dependence curves for 3-4 inputs, and the Compare window's ready-made case."""

from __future__ import annotations

import numpy as np
import pytest

from mlpstudio.core.training import Snapshot
from mlpstudio.experiment.build import build_dataset
from mlpstudio.experiment.config import Config, DataConfig


@pytest.fixture(autouse=True)
def _pyqtgraph(qapp):
    from mlpstudio.gui.style import configure_pyqtgraph

    configure_pyqtgraph()


def test_the_data_panel_round_trips_the_new_keys(qtbot):
    from mlpstudio.gui.panels.data_panel import DataPanel

    panel = DataPanel()
    qtbot.addWidget(panel)
    for data in (
        DataConfig(
            kind="formula-class", condition="x1 > x2**2", domain=[-2.0, 2.0], points=300, noise=0.05
        ),  # fmt: skip
        DataConfig(kind="toy", toy="blobs", classes=5, noise=0.2),
        DataConfig(kind="function", normalize_by="max_abs"),
        DataConfig(kind="function", normalize_by="max"),
    ):
        panel.load(data)
        assert panel.data_config(DataConfig()) == data
    panel.load(DataConfig(kind="toy", toy="circle"))
    assert not panel.classes.isEnabled()  # a two-class set offers no more classes
    panel.toy.setCurrentIndex(panel.toy.findData("spiral"))
    assert panel.classes.isEnabled()


def test_a_bad_condition_is_shown_beside_it(qtbot):
    from mlpstudio.gui.panels.data_panel import DataPanel

    panel = DataPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.load(DataConfig(kind="formula-class"))
    panel.show_data_error("A condition needs a comparison", 3)
    assert panel.condition_page.message.isVisible()
    assert not panel.data_message.isVisible()
    panel.show_data_error(None)
    assert not panel.condition_page.message.isVisible()


def _snapshot(test_output, plot_output):
    return Snapshot(
        status="finished", message="", epoch=1, total_epochs=1, step=0, batch_in_epoch=0,
        batches_per_epoch=1, elapsed=0.0, samples_per_second=0.0, eta=None, learning_rate=0.01,
        history={}, weights=(), test_output=test_output, plot_output=plot_output,
    )  # fmt: skip


def test_four_inputs_show_parity_and_partial_dependence(qtbot):
    from mlpstudio.gui.views.prediction_view import PredictionView

    config = Config().with_overrides(["data.formula=x1*x2 + sin(x3) - x4", "data.step=0"])
    ds = build_dataset(config.data)
    view = PredictionView()
    qtbot.addWidget(view)
    view.set_dataset(ds)
    assert view._mode == "table" and len(view.partial_curves) == 4
    rows = ds.plot_inputs()  # partial-dependence rows, then the parity plot's train rows
    output = (rows[:, 0] - rows[:, 3])[:, None]  # a stand-in network: x1 - x4
    view.show_snapshot(_snapshot(ds.y_test * 0.5, output))
    xs, ys = view.partial_curves[3].getData()
    sample = ds.x_train[:32]
    assert np.allclose(ys, sample[:, 0].mean() - xs)  # d/dx4 = -1, the rest averaged
    px, py = view.test_predictions.getData()
    assert np.allclose(py, 0.5 * px)  # predicted against true, in the data's units
    tx, ty = view.train_points.getData()  # train rows: true target against x1 - x4
    n = len(ds.parity_train_inputs())
    assert n == min(len(ds.x_train), 1000) and len(tx) == n
    assert np.allclose(tx, ds.y_train[:n, 0] * ds.y_divisor)
    assert np.allclose(ty, (ds.x_train[:n, 0] - ds.x_train[:n, 3]) * ds.y_divisor)
    view.set_dataset(build_dataset(Config().data))  # back to one input: the curves go
    assert not view.partial_plot.isVisibleTo(view)


def test_many_classes_paint_each_region_in_its_class_colour():
    from mlpstudio.gui import style
    from mlpstudio.gui.views.regions import DEEPEST, PALEST, class_regions

    side, k = 4, 3
    sure = np.zeros((side * side, k))
    sure[np.arange(side * side), np.arange(side * side) % k] = 1.0
    image = class_regions(sure, side)
    assert image.shape == (side, side, 4) and image.dtype == np.uint8
    for pixel in range(side * side):
        colour = style.CLASS_COLORS[pixel % k]
        rgb = np.array([colour.red(), colour.green(), colour.blue()], float)
        expected = np.round(255 + (rgb - 255) * DEEPEST)
        assert np.array_equal(image.reshape(-1, 4)[pixel, :3], expected)
    unsure = class_regions(np.full((side * side, k), 1 / k), side)
    colour = style.CLASS_COLORS[0]  # a tie goes to the first class, at its palest
    rgb = np.array([colour.red(), colour.green(), colour.blue()], float)
    assert np.array_equal(unsure[0, 0, :3], np.round(255 + (rgb - 255) * PALEST))


def test_the_compare_window_offers_the_few_noisy_points_case(make_window):
    window = make_window()
    window.show_comparison()
    compare = window.compare_window
    compare.case.setCurrentIndex(compare.case.findData("few-noisy-points"))
    from mlpstudio.experiment.presets import preset_config

    assert compare.architectures() == [[10], [200, 200]]
    assert compare.epochs.value() == preset_config("few-noisy-points").training.epochs == 5000
    assert compare._grid_row.itemAt(0).widget().isHidden()  # a list: the grid row is hidden
    compare.case.setCurrentIndex(0)  # back to the main window's experiment and its epochs
    assert compare.epochs.value() == window.controller.config.training.epochs
