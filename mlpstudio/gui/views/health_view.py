"""Gradient flow and unit health per layer over the epochs (issue #12, "see inside").

Top: the mean |dL/dW^[l]| of every layer per epoch, on a log axis: a layer whose gradient
falls by orders of magnitude has stopped learning. Bottom: the share of each hidden layer's
units that are dead (ReLU output 0 on every sample, solid) or saturated (tanh/sigmoid stuck
at their limits, dashed). A one-line diagnosis appears when most units of a layer are dead or
saturated. The numbers are measured by the trainer on at most 1,000 training rows per epoch
(:class:`mlpstudio.core.training.LayerHistory`).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout

from ...core.insight import diagnosis, health_of
from ..style import Style, font_points, percent, plot_widget, prepare_plot
from .base import TwoPlotsView, finite_xy
from .text_legend import TextLegend, entries, entry

#: the plots' "epoch" titles show when the view is at least this many lines of text high
LINES_FOR_TITLES = 16


class HealthView(TwoPlotsView):
    SIDE_BY_SIDE = 1.4

    export_name = "gradients_and_units"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption.setText(self.tr("<b>Gradients</b> and idle units"))
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("color: #b00020; padding: 2px 6px;")
        self.verdict.hide()
        self.body.addWidget(self.verdict)
        # the legends are lines of text above the plots, never over the curves
        self.legend = TextLegend()
        self.units_legend = TextLegend()
        self.plot = plot_widget()
        self.plot.setLogMode(y=True)
        self.plot.setLabel("bottom", self.tr("epoch"))
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        prepare_plot(self.plot)
        self.units_plot = plot_widget()
        self.units_plot.setLabel("bottom", self.tr("epoch"))
        self.units_plot.setYRange(0, 100, padding=0.04)
        self.units_plot.getAxis("left").setTicks(
            [[(v, percent(v / 100)) for v in (0, 50, 100)], []]
        )
        self.units_plot.showGrid(x=True, y=True, alpha=0.15)
        self.units_plot.setXLink(self.plot)
        prepare_plot(self.units_plot)
        #: the two plots side by side in a wide, low dock, one above the other in a tall one
        self.plots = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.plots.setSpacing(4)
        for legend, plot, stretch in (
            (self.legend, self.plot, 3),
            (self.units_legend, self.units_plot, 2),
        ):
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(legend)
            column.addWidget(plot, 1)
            self.plots.addLayout(column, stretch)
        self.body.addLayout(self.plots, 1)
        self.gradient_curves: list[pg.PlotDataItem] = []
        self.dead_curves: list[pg.PlotDataItem] = []
        self.saturated_curves: list[pg.PlotDataItem] = []
        self.layers = None  # the latest LayerHistory columns drawn
        self._kinds: list[str] = []
        #: the newest epoch a snapshot of this experiment brought; an older one is the
        #: timeline's replay, marked on both plots (the curves show the whole run)
        self._latest_epoch: int | None = None
        self.markers: list[pg.InfiniteLine] = []
        self._add_markers()

    def _add_markers(self) -> None:
        pen = pg.mkPen(QColor(90, 90, 90), width=1, style=Qt.PenStyle.DashLine)
        self.markers = []
        for plot in (self.plot, self.units_plot):
            marker = pg.InfiniteLine(angle=90, movable=False, pen=pen)
            marker.setZValue(20)
            marker.hide()
            plot.addItem(marker)
            self.markers.append(marker)

    def set_network(self, network):
        super().set_network(network)
        for plot in (self.plot, self.units_plot):
            plot.clear()
        self._add_markers()
        self.gradient_curves, self.dead_curves, self.saturated_curves = [], [], []
        self.layers, self._latest_epoch = None, None
        self.verdict.hide()
        if network is None:
            self.legend.setText("")
            self.units_legend.setText("")
            return
        self._kinds = list(network.activation_names)
        n = network.n_layers
        for layer in range(1, n + 1):
            name = self.tr("output") if layer == n else self.tr("layer {l}").format(l=layer)
            curve = self.plot.plot()
            curve.legend_name = name
            self.gradient_curves.append(curve)
        for _ in range(1, n):
            dead, saturated = pg.PlotDataItem(), pg.PlotDataItem()
            self.units_plot.addItem(dead)
            self.units_plot.addItem(saturated)
            self.dead_curves.append(dead)
            self.saturated_curves.append(saturated)
        self.restyle()

    def _color(self, layer: int):
        return pg.intColor(layer, hues=max(3, len(self.gradient_curves)), maxValue=210)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # a low dock (presentation mode at 1280x720) gives the curves the line "epoch" takes
        roomy = self.height() >= LINES_FOR_TITLES * self.fontMetrics().height()
        for plot in (self.plot, self.units_plot):
            plot.getAxis("bottom").showLabel(roomy)
        super().resizeEvent(event)

    def _legends(self) -> None:
        """The legend lines: a stroke in each layer's colour, then what it stands for."""
        self.legend.setToolTip(
            self.tr(
                "The mean |dL/dW| of each layer per epoch (log scale): "
                "a layer far below the others has stopped learning."
            )
        )
        self.units_legend.setToolTip(
            self.tr(
                "The share of each hidden layer's units that are dead (ReLU output 0 on every "
                "sample, solid) or saturated (tanh or sigmoid stuck at their limits, dashed), in %."
            )
        )
        layers = entries(
            entry(self._color(i), curve.legend_name) for i, curve in enumerate(self.gradient_curves)
        )
        quantity = "" if Style.instance().presentation else "|dL/dW|: "  # large: one line
        self.legend.setText(f"{quantity}{layers}" if layers else "")
        grey = QColor(90, 90, 90)
        dead, saturated = self.tr("dead"), self.tr("saturated")
        self.units_legend.setText(
            entries([entry(grey, dead), entry(grey, saturated, dashed=True)])
            if self.dead_curves else ""
        )  # fmt: skip

    def restyle(self):
        s = Style.instance()
        font = QFont(self.font())
        font.setPointSizeF(font_points())
        font.setBold(True)
        self.verdict.setFont(font)  # the diagnosis: bold, at the interface's size
        for k, stretch in enumerate((1, 1) if s.presentation else (3, 2)):
            self.plots.setStretch(k, stretch)  # large text: the units legend needs the room
        self._legends()
        for i, curve in enumerate(self.gradient_curves):
            curve.setPen(s.pen(self._color(i)))
        for i, (dead, sat) in enumerate(zip(self.dead_curves, self.saturated_curves)):
            dead.setPen(s.pen(self._color(i)))
            sat.setPen(s.pen(self._color(i), style=Qt.PenStyle.DashLine))

    def clear(self):
        self.layers, self._latest_epoch = None, None
        for marker in self.markers:
            marker.hide()
        for curve in [*self.gradient_curves, *self.dead_curves, *self.saturated_curves]:
            curve.setData([], [])
        self.verdict.hide()

    def show_snapshot(self, snapshot):
        layers = snapshot.layers
        if not layers or not len(layers["epoch"]) or not self.gradient_curves:
            return
        self.layers = layers
        epochs = np.asarray(layers["epoch"], dtype=float)
        epoch = int(snapshot.epoch)
        if self._latest_epoch is None or epoch >= self._latest_epoch:
            self._latest_epoch = epoch
        for marker in self.markers:  # a replayed epoch: where it sits on the curves
            marker.setValue(epoch)
            marker.setVisible(epoch < self._latest_epoch)
        for i, curve in enumerate(self.gradient_curves):
            g = layers["gradient"][:, i]
            x, y = finite_xy(epochs, g)
            keep = y > 0  # a log axis has no place for 0
            curve.setData(x[keep], y[keep])
        for i, (dead, sat) in enumerate(zip(self.dead_curves, self.saturated_curves)):
            dead.setData(*finite_xy(epochs, 100 * layers["dead"][:, i]))
            sat.setData(*finite_xy(epochs, 100 * layers["saturated"][:, i]))
        text = None
        if snapshot.unit_states is not None:
            health = health_of(snapshot.unit_states, self._kinds)
            # the gradients of the snapshot's own epoch: a replayed epoch (the timeline) comes
            # with the whole run's history, whose last row is another epoch's
            row = int(np.searchsorted(epochs, snapshot.epoch, side="right")) - 1
            text = diagnosis(health, layers["gradient"][max(0, row)])
        self.verdict.setText(text or "")
        self.verdict.setVisible(bool(text))

    def has_content(self):
        """Drawn, or (in a dock behind another tab) holding a matching snapshot that is
        drawn the moment the tab is shown."""
        return self.layers is not None or self.accepts(self._pending)

    def plot_widget(self):
        return self
