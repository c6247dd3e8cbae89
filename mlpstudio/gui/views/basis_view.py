"""What each last-hidden unit adds to a 1-D fit (issue #12, "see inside the network").

For a network with one input and one output, z^[L](x) = sum_j a_j^[L-1](x) W_j^[L] + b^[L]:
every last-hidden unit draws a thin coloured curve, its contribution a_j(x) W_j; the output
bias is a dashed line; their sum is the network's curve, red, on top (the numbers come from
:func:`mlpstudio.core.insight.basis_contributions`). Clicking a unit's curve, here or in the
Network view, highlights that unit in both.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel

from ...core.insight import basis_contributions
from .. import style
from ..style import Style, number, plot_widget, prepare_plot
from .base import View
from .text_legend import TextLegend, entries, entry

GRID = 400
MAX_CURVES = 100  # wider layers draw their first MAX_CURVES units (the sum uses all of them)


class BasisView(View):
    export_name = "hidden_units"
    draws_layers = "all"
    #: a last-hidden unit was clicked here (its index), or -1 for none
    unit_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption.setText(
            self.tr("<b>Hidden units</b>: a<sub>j</sub>(x)·W<sub>j</sub> + bias = network")
        )
        self.caption.setToolTip(
            self.tr(
                "Each thin curve is one last-hidden unit's contribution a_j(x)·W_j to the output; "
                "with the output bias (dashed) they add up to the network's curve (red). Click a "
                "curve, or a unit in the Network view, to highlight it in both."
            )
        )
        self.plot = plot_widget()
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setLabel("bottom", "x")
        self.plot.setLabel("left", self.tr("contribution"))
        self.legend = TextLegend()  # a line above the plot: never over the curves
        prepare_plot(self.plot)
        #: why nothing is drawn (2-D tasks, images, tables): a wrapped line in the interface's
        #: size instead of the plot, whose axes would frame an empty square
        self.inactive = QLabel()
        self.inactive.setWordWrap(True)
        self.inactive.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.inactive.hide()
        self.body.addWidget(self.legend)
        self.body.addWidget(self.plot, 1)
        self.body.addWidget(self.inactive, 1)
        self.unit_curves: list[pg.PlotDataItem] = []
        self.bias_curve = pg.PlotDataItem()
        self.total_curve = pg.PlotDataItem()
        self.xs = None
        self.basis = None  # the latest insight.Basis drawn (None: nothing drawn)
        self.selected: int | None = None
        self._active = False
        self._activations: list[str] = []

    # -- layout ------------------------------------------------------------------------------
    def set_dataset(self, dataset):
        super().set_dataset(dataset)
        self._rebuild()

    def set_network(self, network):
        super().set_network(network)
        self._rebuild()

    def _rebuild(self) -> None:
        self.plot.clear()
        self.legend.setText("")
        self.unit_curves, self.basis, self.selected = [], None, None
        ds, net = self.dataset, self.network
        self._active = (
            ds is not None and not ds.is_image and ds.n_inputs == 1
            and net is not None and net.sizes[-1] == 1
            and len(getattr(ds, "domain", None) or ()) == 1
        )  # fmt: skip
        self.plot.setVisible(self._active)
        self.inactive.setVisible(not self._active)
        if not self._active:
            self.inactive.setText(self.tr("Only for functions of one input with one output."))
            return
        self._activations = list(net.activation_names)
        ((lo, hi),) = ds.domain
        self.xs = np.linspace(lo, hi, GRID)
        units = net.sizes[-2]
        for j in range(min(units, MAX_CURVES)):
            curve = pg.PlotDataItem()
            curve.setCurveClickable(True, width=8)
            curve.sigClicked.connect(lambda _item, _ev=None, j=j: self._clicked(j))
            self.plot.addItem(curve)
            self.unit_curves.append(curve)
        self.plot.addItem(self.bias_curve)
        self.plot.addItem(self.total_curve)
        self._units = units
        self.plot.setXRange(lo, hi, padding=0.02)
        self.restyle()

    def clear(self):
        self.basis = None
        for curve in [*self.unit_curves, self.bias_curve, self.total_curve]:
            curve.setData([], [])

    def restyle(self):
        s = Style.instance()
        n = max(1, len(self.unit_curves))
        for j, curve in enumerate(self.unit_curves):
            color = pg.intColor(j, hues=n, values=1, maxValue=200)
            if self.selected is None:
                width, alpha = 0.6 * s.line_width + 0.4, 200
            elif j == self.selected:
                width, alpha = 2.5 * s.line_width, 255
            else:
                width, alpha = 0.6 * s.line_width, 60
            color.setAlpha(alpha)
            curve.setPen(pg.mkPen(color, width=width))
            curve.setZValue(5 if j == self.selected else 0)
        self.bias_curve.setPen(s.pen(style.TARGET, style=Qt.PenStyle.DashLine))
        self.total_curve.setPen(s.pen(style.PREDICTION, width=2 * s.line_width))
        self.total_curve.setZValue(10)
        if self.unit_curves:
            hues = [pg.intColor(j, hues=n, values=1, maxValue=200) for j in range(min(n, 3))]
            units = self.tr("units ({n})").format(n=number(self._units))
            self.legend.setText(entries([
                entry(hues, units),
                entry(style.TARGET, self.tr("output bias"), dashed=True),
                entry(style.PREDICTION, self.tr("network")),
            ]))  # fmt: skip

    # -- selection ---------------------------------------------------------------------------
    def _clicked(self, unit: int) -> None:
        self.highlight(None if unit == self.selected else unit)
        self.unit_selected.emit(-1 if self.selected is None else self.selected)

    def highlight(self, unit: int | None) -> None:
        """Highlight last-hidden unit ``unit`` (None: none); no signal."""
        if unit is not None and not 0 <= unit < len(self.unit_curves):
            unit = None
        self.selected = unit
        self.restyle()

    # -- live --------------------------------------------------------------------------------
    def show_snapshot(self, snapshot):
        if not self._active or not snapshot.weights:
            return
        with np.errstate(over="ignore", invalid="ignore"):
            basis = basis_contributions(snapshot.weights, self._activations, self.xs[:, None])
        self.basis = basis
        for j, curve in enumerate(self.unit_curves):
            y = basis.contributions[:, j]
            keep = np.isfinite(y)
            curve.setData(self.xs[keep], y[keep])
        if np.isfinite(basis.bias):
            self.bias_curve.setData(self.xs[[0, -1]], [basis.bias, basis.bias])
        keep = np.isfinite(basis.total)
        self.total_curve.setData(self.xs[keep], basis.total[keep])
        values = np.concatenate([basis.contributions.ravel(), basis.total, [basis.bias]])
        values = values[np.isfinite(values)]
        if values.size:
            lo, hi = float(values.min()), float(values.max())
            pad = 0.05 * (hi - lo) if hi > lo else 1.0
            self.plot.setYRange(lo - pad, hi + pad, padding=0)

    def has_content(self):
        """Drawn, or (in a dock behind another tab) holding a matching snapshot that is
        drawn the moment the tab is shown."""
        return self.basis is not None or self.accepts(self._pending)

    def plot_widget(self):
        return self  # the body: the plot with its legend line above it
