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
from PySide6.QtWidgets import QLabel

from ...core.insight import diagnosis, health_of
from ..style import Style, add_legend, plot_widget, prepare_plot
from .base import View, finite_xy


class HealthView(View):
    export_name = "gradients_and_units"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption.setText(self.tr("<b>Gradients</b> and idle units"))
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("color: #b00020; font-weight: bold; padding: 2px 6px;")
        self.verdict.hide()
        self.body.addWidget(self.verdict)
        self.plot = plot_widget()
        self.plot.setLogMode(y=True)
        self.plot.setLabel("left", self.tr("mean |dL/dW|"))
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.legend = add_legend(self.plot, offset=(-10, 4), brush=(255, 255, 255, 200), colCount=2)
        prepare_plot(self.plot)
        self.body.addWidget(self.plot, 3)
        self.units_plot = plot_widget()
        self.units_plot.setLabel("bottom", self.tr("epoch"))
        self.units_plot.setLabel("left", "%")
        self.units_plot.setYRange(0, 100, padding=0.02)
        self.units_plot.showGrid(x=True, y=True, alpha=0.15)
        self.units_plot.setXLink(self.plot)
        self.units_legend = add_legend(
            self.units_plot, offset=(-10, 4), brush=(255, 255, 255, 200), colCount=2
        )
        prepare_plot(self.units_plot)
        self.body.addWidget(self.units_plot, 2)
        self.gradient_curves: list[pg.PlotDataItem] = []
        self.dead_curves: list[pg.PlotDataItem] = []
        self.saturated_curves: list[pg.PlotDataItem] = []
        self.layers = None  # the latest LayerHistory columns drawn
        self._kinds: list[str] = []

    def set_network(self, network):
        super().set_network(network)
        for plot, legend in ((self.plot, self.legend), (self.units_plot, self.units_legend)):
            plot.clear()
            legend.clear()
        self.gradient_curves, self.dead_curves, self.saturated_curves = [], [], []
        self.layers = None
        self.verdict.hide()
        if network is None:
            return
        self._kinds = list(network.activation_names)
        n = network.n_layers
        for layer in range(1, n + 1):
            name = self.tr("output") if layer == n else self.tr("layer {l}").format(l=layer)
            curve = self.plot.plot(name=name)
            self.gradient_curves.append(curve)
        for _ in range(1, n):
            dead, saturated = pg.PlotDataItem(), pg.PlotDataItem()
            self.units_plot.addItem(dead)
            self.units_plot.addItem(saturated)
            self.dead_curves.append(dead)
            self.saturated_curves.append(saturated)
        if self.dead_curves:
            self.units_legend.addItem(self.dead_curves[0], self.tr("dead"))
            self.units_legend.addItem(self.saturated_curves[0], self.tr("saturated"))
        self.restyle()

    def _color(self, layer: int):
        return pg.intColor(layer, hues=max(3, len(self.gradient_curves)), maxValue=210)

    def restyle(self):
        s = Style.instance()
        for i, curve in enumerate(self.gradient_curves):
            curve.setPen(s.pen(self._color(i)))
        for i, (dead, sat) in enumerate(zip(self.dead_curves, self.saturated_curves)):
            dead.setPen(s.pen(self._color(i)))
            sat.setPen(s.pen(self._color(i), style=Qt.PenStyle.DashLine))

    def clear(self):
        self.layers = None
        for curve in [*self.gradient_curves, *self.dead_curves, *self.saturated_curves]:
            curve.setData([], [])
        self.verdict.hide()

    def show_snapshot(self, snapshot):
        layers = snapshot.layers
        if not layers or not len(layers["epoch"]) or not self.gradient_curves:
            return
        self.layers = layers
        epochs = np.asarray(layers["epoch"], dtype=float)
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
            text = diagnosis(health, layers["gradient"][-1])
        self.verdict.setText(text or "")
        self.verdict.setVisible(bool(text))

    def has_content(self):
        """Drawn, or (in a dock behind another tab) holding a matching snapshot that is
        drawn the moment the tab is shown."""
        return self.layers is not None or self.accepts(self._pending)

    def plot_widget(self):
        return self
