"""One neuron (issue #13): z = w^T a + b, a = S(z), with the network's current numbers.

Pick a layer, a unit and a test sample (or double-click a unit in the Network view: see
:func:`follow_network`); the drawing shows the unit's inputs a_j, weights w_j and bias b, the
sum z and the output a, and the plot shows S with the point (z, a) on it. The numbers are
:func:`mlpstudio.core.course.neuron` on the latest snapshot's weights.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from ...core.activations import ACTIVATIONS
from ...core.course import Neuron, neuron
from ...core.losses import get_head
from ...core.network import Network
from .. import style
from ..style import Style, number, plot_widget, prepare_plot
from .base import View

MAX_INPUTS = 6  # inputs drawn; the others are summed into one "..." line


def value(x: float) -> str:
    return number(x, significant=3)


class NeuronDiagram(QWidget):
    """Inputs a_j on the left, weights on the edges, the neuron, and a = S(z) on the right."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.neuron: Neuron | None = None
        self.setMinimumSize(260, 110)  # fewer inputs drawn when lower (paintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_neuron(self, cell: Neuron | None) -> None:
        self.neuron = cell
        self.update()

    def paintEvent(self, event):  # noqa: N802 (Qt naming)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        cell = self.neuron
        if cell is None:
            painter.end()
            return
        scale = 1.5 if Style.instance().presentation else 1.0
        metrics = painter.fontMetrics()
        w, h = self.width(), self.height()
        n = len(cell.w)
        # as many inputs as have a line of text each (a weight's label sits above its line):
        # in a low dock (presentation mode at 1280x720) six of them were written over each other
        fitting = int((h - 10) // (metrics.height() + 2)) - 1  # less the bias's row
        count = min(n, MAX_INPUTS, max(1, fitting - (1 if n > min(MAX_INPUTS, fitting) else 0)))
        shown = list(range(count))
        rows = len(shown) + (1 if n > count else 0) + 1  # + the bias
        step = (h - 10) / max(1, rows)
        x_in = 10 + metrics.horizontalAdvance("a₉₉ = −0.000")
        radius = max(14.0, min(24.0 * scale, h * 0.14))
        centre = QPointF(max(x_in + 120, w - radius - 22 * scale), h / 2 - metrics.height())
        bound = float(np.abs(cell.w).max()) or 1.0
        cmap = pg.colormap.get("CET-D1")
        lines = []
        for j in shown:
            lines.append(
                (
                    f"a{_sub(j + 1)} = {value(cell.a_in[j])}",
                    f"w{_sub(j + 1)} = {value(cell.w[j])}",
                    float(cell.w[j]),
                )
            )
        if n > count:
            rest = float(cell.terms[count:].sum())
            lines.append(
                (
                    self.tr("… {n} more").format(n=number(n - count)),
                    "Σ w·a = " + value(rest),
                    0.0,
                )
            )
        lines.append(("1", f"b = {value(cell.b)}", cell.b))
        for row, (left, weight_text, weight) in enumerate(lines):
            y = 5 + (row + 0.5) * step
            start = QPointF(x_in + 4, y)
            t = 0.5 + 0.5 * float(np.clip(weight / bound, -1, 1))
            colour = cmap.map(t, mode="qcolor")
            painter.setPen(QPen(colour, (0.8 + 2.5 * abs(weight) / bound) * scale))
            painter.drawLine(start, centre)
            painter.setPen(QColor(20, 20, 20))
            painter.drawText(
                QRectF(2, y - step / 2, x_in, step),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                left,
            )
            mid = start + (centre - start) * 0.12
            room = max(0.0, centre.x() - radius - mid.x() - 4)  # never under the neuron
            painter.drawText(
                QRectF(mid.x(), mid.y() - metrics.height() - 1, room, metrics.height()),
                Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(weight_text, Qt.TextElideMode.ElideRight, int(room)),
            )
        painter.setPen(QPen(QColor(40, 40, 40), 1.5 * scale))
        painter.setBrush(QColor(245, 245, 245))
        painter.drawEllipse(centre, radius, radius)
        painter.drawLine(
            QPointF(centre.x(), centre.y() - radius), QPointF(centre.x(), centre.y() + radius)
        )
        painter.drawText(
            QRectF(centre.x() - radius, centre.y() - radius, radius, 2 * radius),
            Qt.AlignmentFlag.AlignCenter,
            "Σ",
        )
        painter.drawText(
            QRectF(centre.x(), centre.y() - radius, radius, 2 * radius),
            Qt.AlignmentFlag.AlignCenter,
            "S",
        )
        end = QPointF(w - 6, centre.y())
        painter.drawLine(QPointF(centre.x() + radius, centre.y()), end)
        below = QRectF(centre.x() - 120, centre.y() + radius + 2, 240 - 4, 2.2 * metrics.height())
        below.setRight(min(below.right(), w - 2.0))
        painter.drawText(
            below,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            f"z = {value(cell.z)}\na = {value(cell.a)}",
        )
        painter.end()


def _sub(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


class NeuronView(View):
    export_name = "neuron"
    draws_layers = "all"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption.setText(self.tr("<b>One neuron</b>: z = w<sup>T</sup>a + b, a = S(z)"))
        self.caption.setToolTip(
            self.tr("Double-click a unit in the Network view (or right-click it) to show it here.")
        )
        picks = QHBoxLayout()
        picks.setContentsMargins(6, 2, 6, 2)
        self.layer = QSpinBox()
        self.unit = QSpinBox()
        self.sample = QSpinBox()
        self.layer.setToolTip(
            self.tr("Layer l (1 is the first hidden layer; the last is the output).")
        )
        self.unit.setToolTip(self.tr("Unit i of that layer (counted from 1)."))
        self.sample.setToolTip(self.tr("The test sample whose input a^[0] = x goes through."))
        for label, box in (
            (self.tr("layer"), self.layer),
            (self.tr("unit"), self.unit),
            (self.tr("test sample"), self.sample),
        ):
            box.setMinimum(1)
            if picks.count():
                picks.addSpacing(12)  # a label belongs to the box after it, not before
            picks.addWidget(QLabel(label))
            picks.addWidget(box)
            box.valueChanged.connect(self._picked)
        picks.addStretch(1)
        self.body.addLayout(picks)
        row = QHBoxLayout()
        self.diagram = NeuronDiagram()
        row.addWidget(self.diagram, 3)
        self.plot = plot_widget()
        self.plot.setLabel("bottom", "z")
        self.plot.setLabel("left", "S(z)")
        self.plot.setMouseEnabled(False, False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        prepare_plot(self.plot)
        self.curve = self.plot.plot([], [], pen=Style.instance().pen(style.TRAIN))
        self.point = pg.ScatterPlotItem(
            size=Style.instance().marker_size * 1.5, brush=style.PREDICTION, pen=None
        )
        self.plot.addItem(self.point)
        self.plot.setMinimumWidth(160)
        row.addWidget(self.plot, 2)
        self.body.addLayout(row, 1)
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.formula.setContentsMargins(6, 2, 6, 4)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the sum of many terms takes several lines (four in presentation mode): it scrolls
        # rather than squeeze the drawing above it, which then painted under the text
        self.formula_area = QScrollArea()
        self.formula_area.setWidgetResizable(True)
        self.formula_area.setFrameShape(QFrame.Shape.NoFrame)
        self.formula_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.formula_area.setWidget(self.formula)
        self.formula_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.body.addWidget(self.formula_area)
        self._fit_formula()
        self._weights = None
        self.cell: Neuron | None = None

    # -- choosing ---------------------------------------------------------------------------
    def set_network(self, network: Network | None) -> None:
        super().set_network(network)
        self._weights = None
        if network is not None:
            self.layer.setMaximum(network.n_layers)
            self._limit_unit()

    def set_dataset(self, dataset) -> None:
        super().set_dataset(dataset)
        if dataset is not None and len(dataset.x_test):
            self.sample.setMaximum(len(dataset.x_test))

    def show_unit(self, layer: int, unit: int) -> None:
        """Show unit ``unit`` (0-based) of layer ``layer`` (1-based, as in W^[l])."""
        self.layer.setValue(layer)
        self._limit_unit()
        self.unit.setValue(unit + 1)
        self._draw()

    def _limit_unit(self) -> None:
        if self.network is not None:
            self.unit.setMaximum(self.network.sizes[min(self.layer.value(), self.network.n_layers)])

    def _picked(self, *_):
        self._limit_unit()
        self._draw()

    # -- drawing ----------------------------------------------------------------------------
    def show_snapshot(self, snapshot) -> None:
        self._weights = snapshot.weights
        self._draw()

    def clear(self) -> None:
        self._weights = None
        self._draw()

    def _draw(self) -> None:
        net, data = self.network, self.dataset
        if self._weights is None or net is None or data is None or not len(data.x_test):
            self.cell = None
            self.diagram.set_neuron(None)
            self.curve.setData([], [])
            self.point.setData([], [])
            self.formula.setText(self.tr("Train or reset the network to see a neuron."))
            self._fit_formula()
            return
        k = min(self.sample.value(), len(data.x_test)) - 1
        x = np.asarray(data.x_test[k], dtype=np.float64).reshape(-1) - data.input_shift
        x = x * data.input_scale
        layer = min(self.layer.value(), net.n_layers)
        unit = min(self.unit.value(), net.sizes[layer]) - 1
        names = [net.layer_activation(i) for i in range(1, net.n_layers)]
        cell = neuron(self._weights, names, net.head.name, x, layer, unit)
        self.cell = cell
        self.diagram.set_neuron(cell)
        self._draw_function(cell)
        self.formula.setText(self._formula_text(cell))
        self._fit_formula()

    def _draw_function(self, cell: Neuron) -> None:
        span = max(4.0, abs(cell.z) * 1.3)
        zs = np.linspace(-span, span, 201)
        if cell.activation in ACTIVATIONS:
            ys = ACTIVATIONS[cell.activation].forward(np, zs[None, :].copy())[0]
            point = cell.a
        elif cell.activation == "softmax":  # couples the units: draw e^z and say so
            ys, point = np.full_like(zs, np.nan), np.nan
        else:
            ys = get_head(cell.activation).output(np, zs[:, None].copy())[:, 0]
            point = cell.a
        finite = np.isfinite(ys)
        self.curve.setData(zs[finite], ys[finite])
        self.point.setData([cell.z], [point] if np.isfinite(point) else [])
        self.curve.setPen(Style.instance().pen(style.TRAIN))

    def _formula_text(self, c: Neuron) -> str:
        shown = " + ".join(
            f"({value(w)})({value(a)})" for w, a in zip(c.w[:MAX_INPUTS], c.a_in[:MAX_INPUTS])
        )
        if len(c.w) > MAX_INPUTS:
            shown += " + " + self.tr("{n} more terms ({sum})").format(
                n=number(len(c.w) - MAX_INPUTS), sum=value(float(c.terms[MAX_INPUTS:].sum()))
            )
        name = {"mse": self.tr("identity")}.get(c.activation, c.activation)
        text = self.tr(
            "layer {l}, unit {i}: z = w^T a + b = {terms} + ({b}) = {z};  a = {S}(z) = {a}"
        ).format(
            l=number(c.layer),
            i=number(c.unit + 1),
            terms=shown,
            b=value(c.b),
            z=value(c.z),
            S=name,
            a=value(c.a),
        )
        if c.activation == "softmax":
            text += " " + self.tr("(softmax divides e^z by the sum over all output units.)")
        return text

    def _fit_formula(self) -> None:
        """The formula area: two lines at least, as many as the text needs at most."""
        line = self.formula.fontMetrics().lineSpacing()
        least = 2 * line + 8
        width = self.formula_area.viewport().width()
        needed = self.formula.heightForWidth(width) if width > 0 else -1
        self.formula_area.setMinimumHeight(least)
        self.formula_area.setMaximumHeight(max(least, needed if needed > 0 else 4 * line + 8))

    def restyle(self) -> None:
        self._fit_formula()
        self.curve.setPen(Style.instance().pen(style.TRAIN))
        self.point.setSize(Style.instance().marker_size * 1.5)
        self._fit()
        self.diagram.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._fit()
        self._fit_formula()

    def _fit(self) -> None:
        """A narrow dock (a projector's large fonts) gives the drawing the whole width; the
        formula line below still says a = S(z)."""
        scale = 1.5 if Style.instance().presentation else 1.0
        self.plot.setVisible(self.width() >= 420 * scale)

    def has_content(self) -> bool:
        """Drawn, or (in a dock behind another tab) holding a matching snapshot that is
        drawn the moment the tab is shown."""
        return self.cell is not None or self.accepts(self._pending)

    def plot_widget(self):
        return self


class NetworkHook(QObject):
    """Makes the Network view's units open this view: a double-click on a unit, or the
    context menu's "Show this neuron". Only public parts of the Network view are used: its
    ``unit_double_clicked`` signal where it has one (hidden and output units), else a
    double-click seen by an event filter and located with ``unit_at`` (hidden units)."""

    requested = Signal(int, int)  # layer (1-based), unit (0-based)

    def __init__(self, network_view, parent=None):
        super().__init__(parent)
        self.diagram = network_view.diagram
        self._locate = getattr(self.diagram, "node_at", self.diagram.unit_at)
        signal = getattr(network_view, "unit_double_clicked", None)
        if signal is not None:
            signal.connect(self._double_clicked)
        else:
            self.diagram.installEventFilter(self)
        self.diagram.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.diagram.customContextMenuRequested.connect(self._menu)
        self.menu = None

    def _double_clicked(self, column: int, unit: int) -> None:
        if column > 0:  # column 0 is the input layer: no neuron there
            self.requested.emit(column, unit)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.MouseButtonDblClick:
            hit = self._locate(event.position())
            if hit is not None:
                self._double_clicked(*hit)
        return False

    def _menu(self, pos) -> None:
        hit = self._locate(QPointF(pos))
        if hit is None or hit[0] == 0:
            return
        menu = QMenu(self.diagram)
        action = menu.addAction(self.tr("Show this neuron: z = w^T a + b, a = S(z)"))
        action.triggered.connect(lambda: self.requested.emit(hit[0], hit[1]))
        menu.popup(self.diagram.mapToGlobal(pos))
        self.menu = menu  # kept for tests
