"""The shapes panel, the one-neuron view (and how the Network view opens it) and the dataset
cards of the Datasets dialog (issue #13, item 5)."""

import gzip
import math
import shutil

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QPoint, Qt

from mlpstudio.core.training import Snapshot
from mlpstudio.experiment.build import build_dataset, build_network
from mlpstudio.experiment.config import Config


@pytest.fixture(autouse=True)
def _pyqtgraph(qapp):
    from mlpstudio.gui.style import Style, configure_pyqtgraph

    configure_pyqtgraph()
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    Style.instance().set_presentation(False)


def course(hidden=(10,), batch=16):
    config = Config()
    config.model.hidden = list(hidden)
    config.training.batch_size = batch
    dataset = build_dataset(config.data)
    return config, dataset, build_network(config, dataset)


def snap(weights):
    return Snapshot(
        status="finished", message="", epoch=1, total_epochs=1, step=0, batch_in_epoch=0,
        batches_per_epoch=1, elapsed=0.0, samples_per_second=0.0, eta=None, learning_rate=0.01,
        history={}, weights=weights, test_output=None, plot_output=None,
    )  # fmt: skip


def cells(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]  # fmt: skip


def test_shapes_panel_by_hand_for_a_1_10_5_1_net(qtbot):
    from mlpstudio.gui.views.shapes_view import ShapesView

    config, dataset, network = course(hidden=(10, 5), batch=16)
    batch = {"b": 16}
    view = ShapesView(lambda: batch["b"])
    qtbot.addWidget(view)
    view.set_dataset(dataset)
    view.set_network(network)
    rows = cells(view.table)
    assert len(rows) == 1 + 3 * 3  # X, then W, b, Z/A for each of the 3 layers
    assert rows[0][1:3] == ["1 × 16", "16 × 1"]
    assert rows[1] == ["W^[1]", "10 × 1", "10 × 1", "10"]
    assert rows[3][1:3] == ["10 × 16", "16 × 10"]
    assert rows[4] == ["W^[2]", "5 × 10", "5 × 10", "50"]
    assert rows[7] == ["W^[3]", "1 × 5", "1 × 5", "5"]
    # hand count: 10*1 + 5*10 + 1*5 = 65 per sample; 10*2 + 5*11 + 1*6 = 81 parameters
    text = view.summary.text()
    assert "<b>65</b>" in text and "1,040" in text and "<b>81</b>" in text
    assert network.n_params == 81
    # the batch size follows the training's, capped at the training rows
    batch["b"] = 100_000
    view.refresh()
    n = len(dataset.x_train)
    assert view.shapes.batch == n and cells(view.table)[0][1] == f"1 × {n:,}"
    view.set_network(None)
    assert view.table.rowCount() == 0 and not view.has_content()


def test_the_shapes_panel_writes_spanish_numbers(qtbot):
    from mlpstudio.gui.views.shapes_view import ShapesView

    QLocale.setDefault(QLocale("es"))
    try:
        config, dataset, network = course(hidden=(12000,), batch=1)
        view = ShapesView(lambda: 1)
        qtbot.addWidget(view)
        view.set_dataset(dataset)
        view.set_network(network)
        assert cells(view.table)[1][3] == "12.000"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English))


def test_neuron_view_shows_z_and_a_of_the_chosen_unit(qtbot):
    from mlpstudio.gui.views.neuron_view import NeuronView

    config, dataset, network = course(hidden=(3,))
    rng = np.random.default_rng(1)
    weights = ((rng.normal(size=(3, 1)), rng.normal(size=3)),
               (rng.normal(size=(1, 3)), rng.normal(size=1)))  # fmt: skip
    view = NeuronView()
    qtbot.addWidget(view)
    view.set_dataset(dataset)
    view.set_network(network)
    view.show_snapshot(snap(weights))
    view.sample.setValue(5)
    view.show_unit(1, 2)
    x = float(dataset.x_test[4, 0])
    z = weights[0][0][2, 0] * x + weights[0][1][2]
    assert view.cell.z == pytest.approx(z) and view.cell.a == pytest.approx(math.tanh(z))
    assert view.unit.value() == 3 and view.layer.value() == 1
    # the output unit: identity on the MSE head
    view.show_unit(2, 0)
    hidden = np.tanh(weights[0][0][:, 0] * x + weights[0][1])
    out = float(weights[1][0][0] @ hidden + weights[1][1][0])
    assert view.cell.z == pytest.approx(out) and view.cell.a == pytest.approx(out)
    assert "= " in view.formula.text() and view.has_content()
    view.clear()
    assert not view.has_content()


def test_double_click_on_a_unit_of_the_network_view_opens_the_neuron(qtbot, make_window):
    window = make_window()
    diagram = window.network_view.diagram
    window.view_docks["network"].raise_()
    qtbot.waitUntil(lambda: diagram.isVisible() and bool(diagram.sizes))
    diagram.grab()  # painted, as on a screen: the units have their places
    hit = next(
        (QPoint(x, y) for x in range(0, diagram.width(), 3) for y in range(0, diagram.height(), 3)
         if diagram.unit_at(QPoint(x, y)) == (1, 4)),
        None,
    )  # fmt: skip
    assert hit is not None
    qtbot.mouseDClick(diagram, Qt.MouseButton.LeftButton, pos=hit)
    qtbot.waitUntil(lambda: window.neuron_view.has_content())
    assert window.view_docks["neuron"].isVisible()
    assert (window.neuron_view.layer.value(), window.neuron_view.unit.value()) == (1, 5)
    assert "shapes" in window.view_docks
    # the context menu of a unit offers the same
    window.network_hook._menu(hit + QPoint(0, 0))
    (action,) = window.network_hook.menu.actions()
    window.neuron_view.show_unit(1, 0)
    action.trigger()
    assert window.neuron_view.unit.value() == 5
    # the output unit too, where the Network view tells of double-clicks on every unit
    if hasattr(window.network_view, "unit_double_clicked"):
        out = next(
            QPoint(x, y)
            for x in range(0, diagram.width(), 3)
            for y in range(0, diagram.height(), 3)
            if diagram.node_at(QPoint(x, y)) == (2, 0)
        )
        qtbot.mouseDClick(diagram, Qt.MouseButton.LeftButton, pos=out)
        assert (window.neuron_view.layer.value(), window.neuron_view.unit.value()) == (2, 1)
        assert window.neuron_view.cell.activation == "mse"


def test_dataset_cards_count_the_real_labels(qtbot, shared_datasets, tmp_path, monkeypatch):
    from mlpstudio.data.catalog import INFO_SETS, SET_NAMES
    from mlpstudio.gui.datasets import DatasetManager

    (tmp_path / "mnist").mkdir()
    for name in ("train-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        shutil.copy(shared_datasets / "mnist" / name, tmp_path / "mnist" / name)
    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path))
    dialog = DatasetManager()
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    balance = dialog.card.balance
    assert balance is not None and balance.name == "mnist"
    with gzip.open(shared_datasets / "mnist" / "train-labels-idx1-ubyte.gz") as handle:
        labels = np.frombuffer(handle.read(), np.uint8, offset=8)
    np.testing.assert_array_equal(balance.splits[0].counts, np.bincount(labels))
    heights = dialog.card.train_bars.opts["height"]
    np.testing.assert_array_equal(heights, np.bincount(labels))
    assert "60,000 training" in dialog.card.chart_title.text()
    assert "Published splits: training 60,000, test 10,000 images." in dialog.card.text.text()
    # a set that is not here: facts, no chart; ImageNet and COCO: information only
    dialog.table.selectRow(SET_NAMES.index("cifar10"))
    assert dialog.card.balance is None and dialog.download_button.isEnabled()
    for row, name in enumerate(INFO_SETS, start=len(SET_NAMES)):
        dialog.table.selectRow(row)
        assert dialog._selected() == name
        assert not dialog.download_button.isEnabled() and not dialog.import_button.isEnabled()
        assert "Why not an MLP?" in dialog.card.text.text()
        assert dialog.card.chart.isHidden()


def test_neuron_view_feeds_images_as_the_trainer_does(qtbot):
    """uint8 pixels, shifted and scaled as the trainer does per batch: z of an output unit
    equals the engine's logits for that image."""
    from mlpstudio.core.network import Network
    from mlpstudio.data.dataset import Dataset
    from mlpstudio.gui.views.neuron_view import NeuronView

    rng = np.random.default_rng(3)
    images = rng.integers(0, 256, size=(6, 2, 2), dtype=np.uint8)
    labels = np.array([0, 1, 2, 0, 1, 2])
    dataset = Dataset("tiny", "classification", images, labels, images, labels, (2, 2),
                      ("a", "b", "c"), input_shift=100.0, input_scale=1 / 50)  # fmt: skip
    network = Network([4, 3, 3], ["relu"], head="softmax")
    view = NeuronView()
    qtbot.addWidget(view)
    view.set_dataset(dataset)
    view.set_network(network)
    view.show_snapshot(snap(tuple(network.weights_to_host())))
    view.sample.setValue(4)
    view.show_unit(2, 1)
    x = (images[3].reshape(1, 4).astype(np.float64) - 100.0) / 50
    logits = np.asarray(network.logits(x.astype(network.params.dtype)))[0]
    assert view.cell.z == pytest.approx(float(logits[1]), rel=1e-5)
    assert view.cell.a == pytest.approx(float(np.exp(logits[1]) / np.exp(logits).sum()), rel=1e-5)
    assert "softmax" in view.formula.text()


@pytest.mark.parametrize("presentation", [False, True])
def test_the_datasets_dialog_fits_a_1280x720_projector(qtbot, presentation, tmp_path, monkeypatch):
    from mlpstudio.data.catalog import SET_NAMES
    from mlpstudio.gui.datasets import DatasetManager
    from mlpstudio.gui.style import Style

    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path))
    Style.instance().set_presentation(presentation)
    dialog = DatasetManager()
    qtbot.addWidget(dialog)
    dialog.table.selectRow(SET_NAMES.index("cifar100"))
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720, hint
    assert "20 superclasses of 5 classes each" in dialog.card.text.text()
