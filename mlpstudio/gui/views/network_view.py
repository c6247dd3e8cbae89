"""The network drawn as neurons and connections, coloured by the current weights.

Connections are red for positive and blue for negative weights, thicker and more opaque the
larger |w| is relative to the layer's largest weight; neurons are filled by their bias in the
same colours. Layers wider than a dozen units are drawn collapsed: the first and last few
units, and a count of those not drawn. With an activation probe (see :mod:`.probe`) the
neurons are filled by their activation a_i for the probed input instead, and hovering one shows
the sum behind it with the real numbers.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QToolTip, QWidget

from ...core.activations import ACTIVATIONS
from ...core.insight import HEALTHY, probe
from ..style import Style, number
from .base import View
from .probe import ProbeStrip, unit_tooltip

MAX_DRAWN = 12  # a layer wider than this is collapsed
KEEP_EACH_END = 5
MIN_INTERVAL = 0.1
BOUNDED_HEADS = ("sigmoid", "softmax")  # heads whose outputs lie in [0, 1]
IDLE_UNIT = QColor(150, 150, 150)  # a dead or saturated unit is drawn grey


def shown_units(width: int) -> tuple[list[int], int]:
    """Indices of the units drawn for a layer of ``width`` units, and how many are hidden."""
    if width <= MAX_DRAWN:
        return list(range(width)), 0
    return (
        list(range(KEEP_EACH_END)) + list(range(width - KEEP_EACH_END, width)),
        width - 2 * KEEP_EACH_END,
    )


@dataclass
class ColumnLabel:
    """Where a layer's column stands and what its label says (lines), within ``room``."""

    x: float
    room: float
    lines: list[str]


class NetworkDiagram(QWidget):
    #: (column, unit) of a clicked hidden unit; column 1 is the first hidden layer
    unit_clicked = Signal(int, int)
    #: (column, unit) of a double-clicked hidden or output unit (for a one-neuron view)
    unit_double_clicked = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sizes: list[int] = []
        self.labels: list[str] = []
        self.weights = None
        self.unit_states = None  # per hidden layer, insight.HEALTHY/DEAD/SATURATED per unit
        self.selected: tuple[int, int] | None = None
        self.probe = None  # an insight.Probe: nodes filled by their activation for its input
        self.functions: list[str] = []  # per column: S^[l]'s name (the head's for the output)
        self._centres: list[tuple[int, int, QPointF]] = []
        self._radius = 0.0
        self.cmap = pg.colormap.get("CET-D1")
        self.setMinimumSize(240, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_structure(self, sizes: list[int], labels: list[str]) -> None:
        self.sizes, self.labels, self.weights = list(sizes), list(labels), None
        self.unit_states, self.selected, self.probe = None, None, None
        self.update()

    def set_unit_states(self, states) -> None:
        self.unit_states = states
        self.update()

    def select(self, selected: tuple[int, int] | None) -> None:
        self.selected = selected
        self.update()

    def node_at(self, pos) -> tuple[int, int] | None:
        """The unit drawn at widget position ``pos`` (column, unit), or None."""
        for col, unit, centre in self._centres:
            if (centre - QPointF(pos)).manhattanLength() <= 2 * self._radius + 2:
                return col, unit
        return None

    def unit_at(self, pos) -> tuple[int, int] | None:
        """The hidden unit drawn at widget position ``pos`` (column, unit), or None."""
        hit = self.node_at(pos)
        return hit if hit is not None and 0 < hit[0] < len(self.sizes) - 1 else None

    def set_probe(self, value) -> None:
        self.probe = value
        self.update()

    def probe_tooltip(self, col: int, unit: int) -> str:
        """The sum behind unit ``unit`` of column ``col`` for the probed input ("" without)."""
        if self.probe is None or col >= len(self.probe.a):
            return ""
        name = self.functions[col] if col < len(self.functions) else ""
        return unit_tooltip(self.probe, col, unit, name)

    def activation_bound(self, col: int) -> float:
        """The |a| that fills a node fully: 1 for a bounded S (tanh, sigmoid, softmax), so
        that a lone output unit is not always at full colour; else the layer's largest |a|."""
        name = self.functions[col] if col < len(self.functions) else ""
        entry = ACTIVATIONS.get(name)
        if name in BOUNDED_HEADS or (entry is not None and entry.saturation is not None):
            return 1.0
        values = self.probe.a[col]
        finite = np.abs(values[np.isfinite(values)])
        return float(finite.max()) if finite.size and finite.max() > 0 else 1.0

    def node_value(self, col: int, unit: int) -> float | None:
        """The probed activation a_unit^[col] a node is filled by (None: no probe)."""
        if self.probe is None or col >= len(self.probe.a):
            return None
        return float(self.probe.a[col][unit])

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            hit = self.node_at(event.pos())
            text = self.probe_tooltip(*hit) if hit is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event):  # noqa: N802 (Qt naming)
        hit = self.unit_at(event.position())
        if hit is not None:
            self.unit_clicked.emit(*hit)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event):  # noqa: N802 (Qt naming)
        hit = self.node_at(event.position())
        if hit is not None and hit[0] > 0:
            self.unit_double_clicked.emit(*hit)
        super().mouseDoubleClickEvent(event)

    def set_weights(self, weights) -> None:
        self.weights = weights
        self.update()

    def _color(self, value: float, bound: float, alpha: int = 255) -> QColor:
        t = 0.5 + 0.5 * (value / bound if bound > 0 else 0.0)
        color = self.cmap.map(float(np.clip(t, 0, 1)), mode="qcolor")
        color.setAlpha(alpha)
        return color

    def paintEvent(self, event):
        if not self.sizes:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        scale = 1.5 if Style.instance().presentation else 1.0
        metrics = painter.fontMetrics()
        width, height = self.width(), self.height()
        n_cols = len(self.sizes)
        columns = self.column_labels(metrics, width)
        top = metrics.height() * max((len(c.lines) for c in columns), default=2) + 8
        bottom = metrics.height() + 8
        xs = [c.x for c in columns] or [width / 2]
        layouts = []
        for size in self.sizes:
            units, hidden = shown_units(size)
            slots = len(units) + (1 if hidden else 0)
            step = (height - top - bottom) / max(1, slots)
            ys, slot = [], 0
            for k, _ in enumerate(units):
                if hidden and k == KEEP_EACH_END:
                    slot += 1  # leave a slot for the "..." marker
                ys.append(top + (slot + 0.5) * step)
                slot += 1
            layouts.append((units, ys, hidden, step))
        radius = max(3.0, min(12.0 * scale, min(layout[3] for layout in layouts) * 0.35))

        # connections
        for layer in range(1, n_cols):
            units_out, ys_out, _, _ = layouts[layer]
            units_in, ys_in, _, _ = layouts[layer - 1]
            w = self.weights[layer - 1][0] if self.weights is not None else None
            bound = float(np.abs(w).max()) if w is not None and w.size else 1.0
            for i, y_out in zip(units_out, ys_out):
                for j, y_in in zip(units_in, ys_in):
                    if w is None:
                        pen = QPen(QColor(180, 180, 180, 120), 1.0)
                    else:
                        value = float(w[i, j]) if np.isfinite(w[i, j]) else 0.0
                        strength = abs(value) / bound if bound > 0 else 0.0
                        pen = QPen(
                            self._color(value, bound, int(40 + 215 * strength)),
                            (0.5 + 3.0 * strength) * scale,
                        )
                    painter.setPen(pen)
                    painter.drawLine(QPointF(xs[layer - 1], y_in), QPointF(xs[layer], y_out))

        # neurons and labels
        self._centres, self._radius = [], radius
        for col, (units, ys, hidden, step) in enumerate(layouts):
            biases = None
            if self.weights is not None and col > 0:
                biases = self.weights[col - 1][1]
                bound = float(np.abs(biases).max()) if biases.size else 1.0
            probed = self.probe is not None and col < len(self.probe.a)
            if probed:
                a_bound = self.activation_bound(col)
            for k, (unit, y) in enumerate(zip(units, ys)):
                state = HEALTHY
                if self.unit_states is not None and 0 < col <= len(self.unit_states):
                    states = self.unit_states[col - 1]
                    state = int(states[unit]) if unit < len(states) else HEALTHY
                if probed and np.isfinite(self.probe.a[col][unit]):
                    brush = self._color(float(self.probe.a[col][unit]), a_bound)
                elif col == 0:
                    brush = QColor(230, 230, 230)
                elif state != HEALTHY:
                    brush = IDLE_UNIT
                elif biases is not None and np.isfinite(biases[unit]):
                    brush = self._color(float(biases[unit]), bound)
                else:
                    brush = QColor(255, 255, 255)
                chosen = self.selected == (col, unit)
                pen = QPen(QColor(0, 0, 0) if chosen else QColor(60, 60, 60),
                           (3.0 if chosen else 1.2) * scale)  # fmt: skip
                if state != HEALTHY:
                    pen.setStyle(Qt.PenStyle.DotLine)
                painter.setPen(pen)
                painter.setBrush(brush)
                painter.drawEllipse(QPointF(xs[col], y), radius, radius)
                self._centres.append((col, unit, QPointF(xs[col], y)))
                if hidden and k == KEEP_EACH_END - 1:
                    gap = y + step
            if hidden:  # after the nodes: legible over them when they sit close
                text = f"⋮ +{number(hidden)}"
                box = QRectF(metrics.boundingRect(text)).adjusted(-3, 0, 3, 0)
                box.moveCenter(QPointF(xs[col], gap))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(255, 255, 255, 230))
                painter.drawRoundedRect(box, 3, 3)
                painter.setPen(QColor(60, 60, 60))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            painter.setPen(QColor(20, 20, 20))
            column = columns[col]
            painter.drawText(
                QRectF(column.x - column.room / 2, 2, column.room, top - 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                "\n".join(column.lines),
            )
        painter.end()

    def column_labels(self, metrics, width: float) -> list[ColumnLabel]:
        """Each column's x and its label's lines, within the room between columns: "layer 1"
        over "16 sigmoid" when that fits, else one word a line ("16" over "sigmoid"), elided
        if even a word is wider. Side by side, wide labels once ran into each other."""
        n_cols = len(self.sizes)
        labels = [self.labels[c] if c < len(self.labels) else "" for c in range(n_cols)]
        for compact in (False, True):
            lines = [label.split("\n") for label in labels]
            if compact:
                lines = [[word for line in col for word in line.split(" ", 1)] for col in lines]
            widest = max((metrics.horizontalAdvance(t) for col in lines for t in col), default=0)
            margin = max(40.0, width * 0.08, widest / 2 + 4)  # "10 softmax" not cut at the edge
            room = (width - 2 * margin) / max(1, n_cols - 1) - 8 if n_cols > 1 else width
            if widest <= room or compact:
                break
        room = max(room, 8.0)
        xs = [margin + i * (width - 2 * margin) / max(1, n_cols - 1) for i in range(n_cols)]
        if n_cols == 1:
            xs = [width / 2]
        elide = Qt.TextElideMode.ElideRight
        return [
            ColumnLabel(x, room, [metrics.elidedText(t, elide, room) for t in col])
            for x, col in zip(xs, lines)
        ]


class NetworkView(View):
    export_name = "network"
    draws_layers = "all"
    #: the probe was cleared (its marker on the predictions plot goes too)
    probe_cleared = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # no line break inside "width = |w|" (non-breaking spaces, word joiners around w)
        self.caption.setText(self.tr("<b>Network</b>: red positive, blue negative weights; width&nbsp;=&nbsp;|&#8288;w&#8288;|"))  # noqa: E501  # fmt: skip
        self.caption.setToolTip(
            self.tr(
                "Grey units with a dotted ring are dead (ReLU output 0 on every sample) or "
                "saturated (tanh or sigmoid stuck at its limits). Click a unit to highlight it. "
                "Click a point of the predictions plot or a test image to probe it: every unit "
                "then shows its activation for that input."
            )
        )
        self.diagram = NetworkDiagram()
        self.unit_clicked = self.diagram.unit_clicked
        self.unit_double_clicked = self.diagram.unit_double_clicked
        self.probe_row = QWidget()
        row = QHBoxLayout(self.probe_row)
        row.setContentsMargins(4, 0, 4, 0)
        self.probe_label = QLabel()
        self.probe_label.setTextFormat(Qt.TextFormat.RichText)
        self.probe_label.setWordWrap(True)
        self.probe_clear = QToolButton()
        self.probe_clear.setText(self.tr("Clear probe"))
        self.probe_clear.setToolTip(self.tr("Colour the units by their bias again."))
        self.probe_clear.clicked.connect(self.clear_probe)
        row.addWidget(self.probe_label, 1)
        row.addWidget(self.probe_clear)
        self.probe_row.hide()
        self.strip = ProbeStrip()
        self.strip.hide()
        self.body.addWidget(self.probe_row)
        self.body.addWidget(self.diagram, 1)
        self.body.addWidget(self.strip)
        self._probe_input = None  # the probed input row as the network sees it
        self._probe_image = False
        self._last_draw = 0.0

    def set_network(self, network):
        super().set_network(network)
        if network is None:
            self.clear_probe()
            self.diagram.set_structure([], [])
            return
        self.diagram.functions = [""] + [
            network.layer_activation(layer) for layer in range(1, network.n_layers + 1)
        ]
        labels = [self.tr("input\n{n}").format(n=number(network.sizes[0]))]
        for layer in range(1, network.n_layers + 1):
            kind = (
                self.tr("output")
                if layer == network.n_layers
                else self.tr("layer {l}").format(l=layer)
            )
            act = network.layer_activation(layer)
            act = {"mse": self.tr("linear")}.get(act, act)
            labels.append(f"{kind}\n{number(network.sizes[layer])} {act}")
        self.diagram.set_structure(network.sizes, labels)
        self._reprobe()  # the same input through the new network (refused if it does not fit)

    def set_identity(self, identity):
        if identity != self.identity:
            self.clear_probe()  # an input of another experiment's data
        super().set_identity(identity)

    def show_snapshot(self, snapshot):
        states = getattr(snapshot, "unit_states", None)
        if snapshot.weights is self.diagram.weights and states is self.diagram.unit_states:
            return  # nothing new to draw (a lean snapshot repeats the arrays it has)
        now = time.perf_counter()
        if now - self._last_draw < MIN_INTERVAL and not snapshot.is_final:
            return
        self._last_draw = now
        self.diagram.unit_states = getattr(snapshot, "unit_states", None)
        self.diagram.set_weights(snapshot.weights)
        self._reprobe()

    def clear(self):
        """A new run: its weights go; a probed input stays and is followed through the
        new run's weights when they come."""
        self.diagram.unit_states = None
        self.diagram.set_weights(None)
        self._reprobe()

    # -- activation probe --------------------------------------------------------------------
    def set_probe(self, x, label: str, image: bool = False) -> float | None:
        """Follow input row ``x`` (as the network sees it) through the current weights; the
        nodes show its activations, and for an ``image`` the first layer's are drawn as a
        bar strip. Returns the network's first output for it (None when there are no
        weights yet)."""
        self._probe_input = np.asarray(x, dtype=np.float64)
        self._probe_image = bool(image)
        self.probe_label.setText(
            self.tr("<b>Probe</b> {input}: colour = activation a").format(input=label)
        )
        self.probe_label.setToolTip(
            self.tr("Hover a unit to see the sum behind its activation, with the numbers.")
        )
        self.probe_row.show()
        self._reprobe()
        p = self.diagram.probe
        return None if p is None else float(p.a[-1][0])

    def clear_probe(self) -> None:
        had = self._probe_input is not None
        self._probe_input = None
        self.diagram.set_probe(None)
        self.probe_row.hide()
        self.strip.set_values(None)
        self.strip.hide()
        if had:
            self.probe_cleared.emit()

    def _reprobe(self) -> None:
        net, weights, x = self.network, self.diagram.weights, self._probe_input
        if x is None or net is None or not weights:
            self.diagram.set_probe(None)
            return
        try:
            with np.errstate(all="ignore"):
                p = probe(weights, net.activation_names, net.head.name, x)
        except ValueError:  # another architecture's input: forget it
            self.clear_probe()
            return
        self.diagram.set_probe(p)
        image = self._probe_image and len(p.a) > 2
        self.strip.set_values(p.a[1] if image else None)
        self.strip.setVisible(image)

    def highlight_last_hidden(self, unit: int) -> None:
        """Ring unit ``unit`` of the last hidden layer (-1: none), as the basis view asks."""
        col = len(self.diagram.sizes) - 2
        self.diagram.select((col, unit) if unit >= 0 and col > 0 else None)

    def has_content(self):
        return self.diagram.weights is not None

    def plot_widget(self):
        return self.diagram
