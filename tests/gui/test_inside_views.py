"""The "see inside" views: the hidden-unit basis (its curves add up to the network) and the
gradient/unit-health view; both draw real trainer snapshots and clear on another identity."""

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from mlpstudio.core.backend import numpy_backend
from mlpstudio.core.network import Network
from mlpstudio.core.training import Trainer, TrainingOptions, identity_of
from mlpstudio.data.functions import COURSE_FORMULA, function_dataset


@pytest.fixture(autouse=True)
def _pyqtgraph(qapp):
    from mlpstudio.gui.style import Style, configure_pyqtgraph

    configure_pyqtgraph()
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    Style.instance().set_presentation(False)


def trained(activation="tanh", lr=0.01, epochs=5, hidden=8):
    ds = function_dataset(COURSE_FORMULA, domain=(-1, 1), step=0.02, seed=0)
    net = Network([1, hidden, 1], [activation], head="mse", seed=1,
                  backend=numpy_backend("float64"))  # fmt: skip
    final = Trainer(net, ds, TrainingOptions(epochs=epochs, learning_rate=lr),
                    snapshot_interval=0.0).run()  # fmt: skip
    return ds, net, final


def bound(qtbot, view, ds, net):
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.set_dataset(ds)
    view.set_network(net)
    view.set_identity(identity_of(net, ds))
    return view


def test_basis_view_curves_add_up_to_the_network(qtbot):
    from mlpstudio.gui.views.basis_view import BasisView

    ds, net, final = trained()
    view = bound(qtbot, BasisView(), ds, net)
    assert view.update_snapshot(final) and view.has_content()
    assert len(view.unit_curves) == 8
    # the drawn curves, read back from the plot items, add up to the red curve and to the
    # engine's own output on the same inputs
    ys = np.array([c.getData()[1] for c in view.unit_curves])
    bias = view.bias_curve.getData()[1][0]
    x, total = view.total_curve.getData()
    assert np.max(np.abs(ys.sum(axis=0) + bias - total)) < 1e-6
    assert np.max(np.abs(total - net.forward(x[:, None])[:, 0])) < 1e-6
    # clicking a curve selects that unit (and tells the Network view); again: none
    seen = []
    view.unit_selected.connect(seen.append)
    view.unit_curves[3].sigClicked.emit(view.unit_curves[3], None)
    assert view.selected == 3 and seen == [3]
    assert view.unit_curves[3].opts["pen"].widthF() > view.unit_curves[0].opts["pen"].widthF()
    view.unit_curves[3].sigClicked.emit(view.unit_curves[3], None)
    assert view.selected is None and seen == [3, -1]
    # another experiment's identity clears it, and its snapshots are refused
    other = dataclasses.replace(final.identity, data="other")
    view.set_identity(other)
    assert not view.has_content() and len(view.total_curve.getData()[0] or []) == 0
    assert not view.update_snapshot(final)


def test_health_view_draws_the_recorded_layers_and_diagnoses_a_saturated_run(qtbot):
    from mlpstudio.gui.views.health_view import HealthView

    ds, net, final = trained(activation="sigmoid", lr=1.0, epochs=2)
    net.W[0][...], net.b[0][...] = 40.0, 60.0  # every sigmoid unit pinned at 1: saturated
    final = Trainer(net, ds, TrainingOptions(epochs=1, learning_rate=0.0),
                    snapshot_interval=0.0).run()  # fmt: skip
    view = bound(qtbot, HealthView(), ds, net)
    assert view.update_snapshot(final) and view.has_content()
    x, y = view.gradient_curves[0].getOriginalDataset()  # (getData is log10 on a log axis)
    assert np.allclose(x, final.layers["epoch"]) and np.allclose(y, final.layers["gradient"][:, 0])
    assert np.allclose(view.saturated_curves[0].getData()[1], 100 * final.layers["saturated"][:, 0])
    assert final.layers["saturated"][-1, 0] > 0.5
    assert not view.verdict.isHidden() and "saturated" in view.verdict.text()
    view.set_identity(dataclasses.replace(final.identity, data="other"))
    assert not view.has_content() and view.verdict.isHidden()


def test_network_view_greys_idle_units_and_rings_the_clicked_one(qtbot):
    from mlpstudio.core.insight import DEAD
    from mlpstudio.gui.views.network_view import NetworkView

    ds, net, final = trained(activation="relu")
    view = bound(qtbot, NetworkView(), ds, net)
    states = (np.array([DEAD] + [0] * 7, dtype=np.int8),)
    view.update_snapshot(dataclasses.replace(final, unit_states=states))
    healthy = view.diagram.grab().toImage()
    view.diagram.grab()  # paint, so that the unit centres are known
    col, unit, centre = next(c for c in view.diagram._centres if c[0] == 1 and c[1] == 0)
    assert view.diagram.unit_at(centre.toPoint()) == (1, 0)
    color = healthy.pixelColor(centre.toPoint())
    assert abs(color.red() - color.blue()) < 10 and abs(color.red() - 150) < 10  # grey
    seen = []
    view.unit_clicked.connect(lambda c, u: seen.append((c, u)))
    from PySide6.QtCore import Qt

    qtbot.mouseClick(view.diagram, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert seen == [(1, 0)]
    view.highlight_last_hidden(2)
    assert view.diagram.selected == (1, 2)


def test_health_view_legends_sit_beside_the_curves_and_the_plots_follow_the_dock(qtbot):
    from mlpstudio.gui.views.health_view import HealthView

    ds, net, final = trained(activation="tanh", epochs=2)
    view = bound(qtbot, HealthView(), ds, net)
    assert view.update_snapshot(final)

    def rect(widget):
        top_left = widget.mapTo(view, widget.rect().topLeft())
        return widget.rect().translated(top_left)

    for shape, side_by_side in (((900, 300), True), ((400, 700), False)):
        view.resize(*shape)
        qtbot.waitUntil(lambda w=shape[0]: view.size().width() == w)
        view.layout().activate()
        plots = [rect(view.plot), rect(view.units_plot)]
        for legend in (view.legend, view.units_legend):  # never over a curve
            assert not any(rect(legend).intersects(p) for p in plots)
        if side_by_side:
            assert plots[0].right() < plots[1].left()
        else:
            assert plots[0].bottom() < plots[1].top()
    from PySide6.QtGui import QTextDocument

    def plain(label):
        doc = QTextDocument()
        doc.setHtml(label.text())
        return doc.toPlainText().replace("\xa0", " ")

    assert "layer 1" in plain(view.legend) and "output" in plain(view.legend)
    assert "dead" in plain(view.units_legend) and "saturated" in plain(view.units_legend)
    ticks = view.units_plot.getAxis("left")._tickLevels[0]
    assert [v for v, _ in ticks] == [0, 50, 100]  # the shares' axis is labelled in any size


def test_health_view_asks_for_no_more_width_than_one_plot(qtbot):
    """Side by side, its plots would ask for twice the width; the main window lays out its
    hidden dock tabs from size hints, and a stray tab bar then showed inside the window."""
    from mlpstudio.gui.views.health_view import HealthView

    ds, net, final = trained(activation="tanh", epochs=1)
    view = bound(qtbot, HealthView(), ds, net)
    assert view.sizeHint().width() <= view.plot.sizeHint().width()
