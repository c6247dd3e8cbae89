"""The activation probe: a clicked input followed through the Network view's weights. The
numbers are checked against the layer sums computed here from the snapshot's weights."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QLocale, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from mlpstudio.core.backend import numpy_backend
from mlpstudio.core.network import Network
from mlpstudio.core.training import Trainer, TrainingOptions, identity_of
from mlpstudio.data.dataset import Dataset
from mlpstudio.data.functions import COURSE_FORMULA, function_dataset, toy_dataset


@pytest.fixture(autouse=True)
def _pyqtgraph(qapp):
    from mlpstudio.gui.style import Style, configure_pyqtgraph

    configure_pyqtgraph()
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English))
    Style.instance().set_presentation(False)


def run(ds, sizes, activations, head):
    net = Network(sizes, activations, head=head, seed=3, backend=numpy_backend("float64"))
    final = Trainer(net, ds, TrainingOptions(epochs=3, learning_rate=0.05),
                    snapshot_interval=0.0).run()  # fmt: skip
    return net, final


def bound(qtbot, view, ds, net, final):
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.set_dataset(ds)
    view.set_network(net)
    view.set_identity(identity_of(net, ds))
    assert view.update_snapshot(final)
    return view


def by_hand(weights, x):
    """tanh hidden layers and a linear (mse) output: the sums written out per unit."""
    a, acts = list(x), [list(x)]
    for layer, (w, b) in enumerate(weights, start=1):
        z = [sum(w[i][j] * a[j] for j in range(len(a))) + b[i] for i in range(len(b))]
        a = z if layer == len(weights) else [float(np.tanh(v)) for v in z]
        acts.append(a)
    return acts


def test_probe_colours_nodes_by_activation_and_explains_the_sum(qtbot, qapp, locale_of):
    from mlpstudio.gui.style import number
    from mlpstudio.gui.views.network_view import NetworkView
    from mlpstudio.gui.views.prediction_view import PredictionView
    from mlpstudio.gui.views.probe import PlotProbe

    ds = function_dataset(COURSE_FORMULA, domain=(-1, 1), step=0.02, seed=0)
    net, final = run(ds, [1, 6, 6, 1], ["tanh", "tanh"], "mse")
    view = bound(qtbot, NetworkView(), ds, net, final)
    plot = bound(qtbot, PredictionView(), ds, net, final)
    probe = PlotProbe(plot, view.set_probe)
    assert view.diagram.node_value(1, 0) is None  # no probe: nodes show their biases
    assert not probe.probe_at(1.5, 0.0)  # outside the domain: nothing
    assert probe.probe_at(0.3, 0.0)
    weights = [(w.tolist(), b.tolist()) for w, b in final.weights]
    expected = by_hand(weights, [0.3])
    for col, layer in enumerate(expected):
        for unit, a in enumerate(layer):
            assert abs(view.diagram.node_value(col, unit) - a) < 1e-9
    # the star sits on the network's curve at x = 0.3
    (mx,), (my,) = probe.marker.getData()
    assert mx == pytest.approx(0.3) and my == pytest.approx(expected[-1][0], abs=1e-9)
    assert not view.probe_row.isHidden() and view.strip.isHidden()  # no strip for functions
    # the tooltip of hidden unit 2 of layer 2: the sum with its real numbers, then tanh
    text = view.diagram.probe_tooltip(2, 1)
    z = sum(weights[1][0][1][j] * expected[1][j] for j in range(6)) + weights[1][1][1]
    assert "z<sub>2</sub><sup>[2]</sup>" in text and "tanh(" in text
    assert f"= <b>{number(z, significant=3)}</b>" in text
    assert f"= <b>{number(np.tanh(z), significant=3)}</b>" in text
    assert abs(np.tanh(z) - expected[2][1]) < 1e-12
    assert "the other 2 terms" in text  # 6 inputs: the 4 largest shown, then the rest
    # the numbers are written in the interface's language
    locale_of("es")
    spanish = number(np.tanh(z), significant=3)
    assert "," in spanish and f"= <b>{spanish}</b>" in view.diagram.probe_tooltip(2, 1)
    locale_of("en")
    # painted: the node's fill follows a, not the bias
    image = view.diagram.grab().toImage()
    col, unit, centre = next(c for c in view.diagram._centres if c[0] == 2 and c[1] == 1)
    # tanh units are full colour at |a| = 1; the linear output at its own largest |a|
    assert view.diagram.activation_bound(2) == 1.0
    assert view.diagram.activation_bound(3) == pytest.approx(abs(expected[3][0]))
    painted = image.pixelColor(centre.toPoint()).rgb()
    assert painted == view.diagram._color(expected[2][1], 1.0).rgb()
    # a double click reports the unit (the hook for a one-neuron view)
    doubled = []
    view.unit_double_clicked.connect(lambda c, u: doubled.append((c, u)))
    qtbot.mouseDClick(view.diagram, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert doubled == [(2, 1)]
    # hovering that node shows the tooltip
    assert view.diagram.node_at(centre.toPoint()) == (2, 1)
    hover = QHelpEvent(
        QEvent.Type.ToolTip, centre.toPoint(), view.diagram.mapToGlobal(centre.toPoint())
    )
    qapp.sendEvent(view.diagram, hover)
    assert QToolTip.isVisible() and "tanh(" in QToolTip.text()
    QToolTip.hideText()
    # a new snapshot re-follows the same input through its weights
    net2, final2 = run(ds, [1, 6, 6, 1], ["tanh", "tanh"], "mse")
    net2.W[0][...] *= -1
    final2 = Trainer(net2, ds, TrainingOptions(epochs=1, learning_rate=0.0),
                     snapshot_interval=0.0).run()  # fmt: skip
    view.update_snapshot(final2)
    again = by_hand([(w.tolist(), b.tolist()) for w, b in final2.weights], [0.3])
    assert abs(view.diagram.node_value(1, 0) - again[1][0]) < 1e-9
    # clearing: the star goes, the nodes show biases again
    view.probe_cleared.connect(lambda: probe.mark(None, None))
    qtbot.mouseClick(view.probe_clear, Qt.MouseButton.LeftButton)
    assert view.diagram.node_value(1, 0) is None and view.probe_row.isHidden()
    assert len(probe.marker.getData()[0]) == 0


def test_a_click_on_the_region_map_probes_that_point(qtbot, qapp):
    from mlpstudio.gui.views.network_view import NetworkView
    from mlpstudio.gui.views.prediction_view import PredictionView
    from mlpstudio.gui.views.probe import PlotProbe

    ds = toy_dataset("spiral", seed=0)
    net, final = run(ds, [2, 5, 1], ["tanh"], "sigmoid")
    view = bound(qtbot, NetworkView(), ds, net, final)
    plot = bound(qtbot, PredictionView(), ds, net, final)
    keep = PlotProbe(plot, view.set_probe)  # noqa: F841 (the connection lives with it)
    qtbot.waitExposed(plot)
    qapp.processEvents()  # the plot's final layout, which maps data to pixels
    (lo1, hi1), (lo2, hi2) = ds.domain
    target = QPointF(lo1 + 0.3 * (hi1 - lo1), lo2 + 0.6 * (hi2 - lo2))
    box = plot.plot.getPlotItem().vb
    pos = plot.plot.mapFromScene(box.mapViewToScene(target))
    qtbot.mouseClick(plot.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    x = view._probe_input
    assert x is not None and x.shape == (2,)
    assert abs(x[0] - target.x()) < 0.05 * (hi1 - lo1) and abs(x[1] - target.y()) < 0.05 * (
        hi2 - lo2
    )
    (w1, b1), (w2, b2) = final.weights
    z1 = w1 @ x + b1
    z2 = float(w2[0] @ np.tanh(z1) + b2[0])
    assert abs(view.diagram.node_value(2, 0) - 1 / (1 + np.exp(-z2))) < 1e-9
    assert "sigmoid(" in view.diagram.probe_tooltip(2, 0)


def tiny_images(n=12, side=4, classes=3):
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, size=(n, side, side), dtype=np.uint8)
    y = np.arange(n) % classes
    names = tuple(f"c{k}" for k in range(classes))
    return Dataset("tiny", "classification", x, y, x.copy(), y.copy(), (side, side), names,
                   input_shift=0.0, input_scale=1 / 255)  # fmt: skip


def test_a_clicked_gallery_image_is_probed_with_a_first_layer_strip(qtbot):
    from types import SimpleNamespace

    from mlpstudio.gui.views.gallery_view import GalleryView
    from mlpstudio.gui.views.network_view import NetworkView
    from mlpstudio.gui.views.prediction_view import PredictionView
    from mlpstudio.gui.views.probe import install_probe

    ds = tiny_images()
    net, final = run(ds, [16, 7, 3], ["relu"], "softmax")
    view = bound(qtbot, NetworkView(), ds, net, final)
    gallery = GalleryView()
    qtbot.addWidget(gallery)
    gallery.resize(600, 400)
    gallery.show()
    gallery.set_dataset(ds)
    prediction = PredictionView()  # an image set: nothing to click there
    qtbot.addWidget(prediction)
    prediction.set_dataset(ds)
    install_probe(SimpleNamespace(network_view=view, gallery_view=gallery,
                                  prediction_view=prediction))  # fmt: skip
    k, cell = next(iter(gallery.grid._cells()))
    index = gallery.grid.tiles[k][3]
    qtbot.mouseClick(gallery.grid, Qt.MouseButton.LeftButton, pos=cell.center().toPoint())
    x = ds.x_test[index].reshape(-1) / 255.0
    (w1, b1), (w2, b2) = final.weights
    a1 = np.maximum(w1 @ x + b1, 0.0)
    z2 = w2 @ a1 + b2
    p = np.exp(z2 - z2.max()) / np.exp(z2 - z2.max()).sum()
    assert not view.strip.isHidden()
    assert np.allclose(view.strip.bars(), a1, rtol=0, atol=1e-9)
    assert all(abs(view.diagram.node_value(2, i) - p[i]) < 1e-9 for i in range(3))
    assert "softmax(z)<sub>2</sub>" in view.diagram.probe_tooltip(2, 1)
    assert "the other 12 terms" in view.diagram.probe_tooltip(1, 0)  # 16 inputs, 4 shown
    assert "test image" in view.probe_label.text()
    assert gallery.grid.probed == index  # the probed image is framed
    qtbot.mouseClick(view.probe_clear, Qt.MouseButton.LeftButton)
    assert gallery.grid.probed is None and view.strip.isHidden()


def test_the_window_wires_probe_and_unit_highlight_both_ways(make_window, qtbot, qapp):
    """In the real window: a click on the predictions plot probes the Network view (the
    numbers are the trained snapshot's), a unit clicked in the Network view is highlighted in
    the basis view, and a curve clicked in the basis view rings the unit in the Network view."""
    from .conftest import wait_for_status

    window = make_window(epochs=30)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    qtbot.wait(200)
    window.view_docks["network"].raise_()
    window.view_docks["basis"].raise_()
    qapp.processEvents()
    snap = window.controller.snapshot
    plot = window.prediction_view.plot
    box = plot.getPlotItem().vb
    pos = plot.mapFromScene(box.mapViewToScene(QPointF(-0.4, 0.0)))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    diagram = window.network_view.diagram
    x = float(window.network_view._probe_input[0])
    assert abs(x + 0.4) < 0.02
    weights = [(w.tolist(), b.tolist()) for w, b in snap.weights]
    expected = by_hand(weights, [x])
    assert abs(diagram.node_value(2, 0) - expected[2][0]) < 1e-6
    assert all(abs(diagram.node_value(1, j) - a) < 1e-6 for j, a in enumerate(expected[1]))
    # Network view -> basis view
    window.network_view.unit_clicked.emit(1, 4)
    assert diagram.selected == (1, 4) and window.basis_view.selected == 4
    # basis view -> Network view
    curve = window.basis_view.unit_curves[2]
    curve.sigClicked.emit(curve, None)
    assert window.basis_view.selected == 2 and diagram.selected == (1, 2)


def test_a_click_on_the_plot_or_an_image_chooses_the_backprop_sample(make_window, qtbot, qapp):
    """A click on the predictions plot follows the nearest training sample in the
    step-through (its index in the spin box, its x in a^[0]); a clicked gallery image is
    followed itself (a test image); the spin box returns to training samples."""
    from mlpstudio.gui.views.backprop_view import BackpropView
    from mlpstudio.gui.views.probe import network_input

    from .conftest import wait_for_status

    window = make_window(epochs=5)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    window.view_docks["backprop"].raise_()
    qapp.processEvents()
    view, ds = window.backprop_view, window.controller.dataset
    plot = window.prediction_view.plot
    box = plot.getPlotItem().vb
    pos = plot.mapFromScene(box.mapViewToScene(QPointF(0.37, 0.0)))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    clicked = float(window.network_view._probe_input[0])  # where the click landed, in x
    xs = np.asarray(ds.x_train, dtype=float).reshape(-1)
    nearest = int(np.argmin(np.abs(xs - clicked)))
    assert view.sample.value() == nearest and view.test_image is None
    assert view.example.sample == nearest and view.example.split == "train"
    assert np.allclose(view.example.trace.a[0], network_input(ds, ds.x_train[nearest]))
    assert "nearest" in view.title.text()
    view.sample.setValue((nearest + 1) % len(xs))  # the spin box: a training sample again
    assert view.example.sample == (nearest + 1) % len(xs) and "nearest" not in view.title.text()

    # an image set: the clicked test image itself
    from types import SimpleNamespace

    from mlpstudio.experiment.config import Config
    from mlpstudio.gui.views.gallery_view import GalleryView
    from mlpstudio.gui.views.network_view import NetworkView
    from mlpstudio.gui.views.prediction_view import PredictionView
    from mlpstudio.gui.views.probe import install_probe

    images = tiny_images()
    net, final = run(images, [16, 7, 3], ["relu"], "softmax")
    network = bound(qtbot, NetworkView(), images, net, final)
    backprop = bound(qtbot, BackpropView(), images, net, final)
    backprop.context = lambda: (Config(), None, True)
    gallery = GalleryView()
    qtbot.addWidget(gallery)
    gallery.resize(600, 400)
    gallery.show()
    gallery.set_dataset(images)
    prediction = PredictionView()
    qtbot.addWidget(prediction)
    prediction.set_dataset(images)
    install_probe(SimpleNamespace(network_view=network, gallery_view=gallery,
                                  prediction_view=prediction, backprop_view=backprop))  # fmt: skip
    k, cell = list(gallery.grid._cells())[3]
    index = gallery.grid.tiles[k][3]
    qtbot.mouseClick(gallery.grid, Qt.MouseButton.LeftButton, pos=cell.center().toPoint())
    assert backprop.test_image == index and backprop.example.split == "test"
    x = images.x_test[index].reshape(-1) / 255.0
    assert np.allclose(backprop.example.trace.a[0], x, rtol=0, atol=1e-12)
    assert int(backprop.example.trace.y) == int(images.y_test[index])
    assert "test image" in backprop.title.text()
    backprop.go(len(backprop.steps) - 1)
    assert "test image" in backprop.note.text().lower()  # its update is a what-if


def test_the_probe_star_stays_on_the_curve_of_the_epoch_shown(make_window, qtbot, qapp):
    """A 1-D probe's star marks the network's output at the clicked x; when the timeline
    replays another epoch, or Live returns, it moves with the curve (the oracle: the network
    of that epoch, evaluated by hand at x; the star sits on the drawn curve, which joins
    the plot's samples, so it agrees to the curve's sampling)."""
    from .conftest import wait_for_status

    window = make_window(epochs=30, mode="thread")
    c, bar = window.controller, window.timeline_bar
    c.start()
    wait_for_status(qtbot, window, "finished")
    qtbot.waitUntil(lambda: bar.slider.maximum() == 30, timeout=10_000)
    plot = window.prediction_view.plot
    box = plot.getPlotItem().vb
    pos = plot.mapFromScene(box.mapViewToScene(QPointF(-0.4, 0.0)))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    star = window.prediction_view.probe.marker
    x = float(window.network_view._probe_input[0])

    def star_y() -> float:
        (y,) = star.data["y"]
        return float(y)

    def output(snapshot) -> float:
        weights = [(w.tolist(), b.tolist()) for w, b in snapshot.weights]
        return by_hand(weights, [x])[-1][0]

    final = output(c.snapshot)
    assert abs(star_y() - final) < 1e-6
    assert bar.show_epoch(0) == 0
    early = output(c.replay)
    assert abs(early - final) > 0.01  # the curve moved: the star must move with it
    assert abs(star_y() - early) < 1e-3
    bar.live.click()
    assert abs(star_y() - final) < 1e-3
