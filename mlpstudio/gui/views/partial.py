"""Partial-dependence curves for a formula of 3 or 4 inputs (shown under the parity plot).

For each input x_i, the network's mean output over a sample of training rows when only x_i
changes over its domain (``Dataset.partial_dependence``), beside the same average of the true
target (dashed). The prediction view calls :func:`layout`, :func:`reset` and :func:`show`; the
curves live in a plot of their own added under the view's plot.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel

from .. import style
from ..style import Style, add_legend, plot_widget, prepare_plot


class OneLineLabel(QLabel):
    """A label of one line that a narrow view may cut short ("..."): it never widens the
    view, and never takes a second line of height from the plots under it."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(self.alignment()), text)


def wanted(ds) -> bool:
    """Partial dependence is drawn for formulas of more than two inputs."""
    return ds is not None and bool(ds.domain) and len(ds.domain) > 2


def reset(view) -> None:
    """Hide the curves (another kind of data)."""
    plot = getattr(view, "partial_plot", None)
    if plot is not None:
        plot.hide()
        view.partial_caption.hide()


def layout(view, ds) -> None:
    """Add (once) and fill the curves' plot for ``ds``: the true partial dependence, dashed,
    and an empty network curve per input (solid, in that input's colour)."""
    if getattr(view, "partial_plot", None) is None:
        view.partial_plot = plot_widget()
        prepare_plot(view.partial_plot)
        view.partial_plot.showGrid(x=True, y=True, alpha=0.15)
        # no background: a wide legend strip must not hide the curves under it
        view.partial_legend = add_legend(view.partial_plot, offset=(10, 5), colCount=4)
        # what the dashes mean, in a line of its own: a fifth legend entry did not fit one
        # row of a small plot and covered the curves
        text = QCoreApplication.translate(
            "PartialDependence", "Partial dependence (dashed: the target)"
        )
        view.partial_caption = OneLineLabel(text)  # one line: the plots need the height
        view.partial_caption.setToolTip(text)
        view.body.addWidget(view.partial_caption)
        view.body.addWidget(view.partial_plot)
    plot, legend, s = view.partial_plot, view.partial_legend, Style.instance()
    plot.clear()
    legend.clear()
    plot.show()
    view.partial_caption.show()
    plot.setLabel(
        "bottom",
        QCoreApplication.translate(
            "PartialDependence", "input value x_i (the others as in the data)"
        ),
    )
    plot.setLabel("left", QCoreApplication.translate("PartialDependence", "mean output"))
    rows = ds.partial_inputs()
    truth = ds.partial_dependence(ds.target(*rows.T)[:, None])
    view.partial_curves = []
    for i, (xs, mean) in enumerate(truth):
        colour = style.CLASS_COLORS[i % len(style.CLASS_COLORS)]
        dashed = pg.PlotDataItem(xs, mean, pen=s.pen(colour, style=pg.QtCore.Qt.PenStyle.DashLine))
        curve = pg.PlotDataItem([], [], pen=s.pen(colour))
        plot.addItem(dashed)
        plot.addItem(curve)
        legend.addItem(curve, f"x{i + 1}")
        view.partial_curves.append(curve)


def show(view, ds, plot_output) -> None:
    """The network's partial dependence from its output on ``ds.partial_inputs()``."""
    curves = getattr(view, "partial_curves", None)
    if not wanted(ds) or not curves or plot_output is None:
        return
    if len(plot_output) != sum(ds.table_plot_rows()):
        return
    for curve, (xs, mean) in zip(curves, ds.partial_dependence(plot_output)):
        keep = np.isfinite(mean)
        curve.setData(xs[keep], mean[keep])
