"""The activation probe (issue #12, item 2): one input followed through the network.

Clicking a point of the predictions plot (the 1-D fit or the 2-D region map) or an image of
the gallery chooses the input (and the backpropagation step-through's sample: the training
sample nearest to the point, or the clicked image); the Network view then colours every node
by its activation a_i^[l] for that input, its tooltip shows the sum behind the node with the
real numbers (``z_i = sum_j w_ij a_j + b_i``, the largest terms of a wide layer, then
``a_i = S(z_i)``), and for images a bar strip shows the first layer's activations. The numbers
come from :func:`mlpstudio.core.insight.probe` on the snapshot's own weights.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.insight import Probe, unit_terms
from ..style import Style, number

TOP_TERMS = 4  # a tooltip shows this many terms of a wider sum, then "…"
STRIP_MAX = 200  # the bar strip draws at most this many first-layer units


def network_input(dataset, raw) -> np.ndarray:
    """The flat float64 row the network sees for a raw input (an image is scaled as in
    training: ``(x - input_shift) * input_scale``)."""
    x = np.asarray(raw, dtype=np.float64).reshape(-1)
    return (x - dataset.input_shift) * dataset.input_scale


def value(v: float) -> str:
    """A probe number: three significant digits in the interface's language."""
    return number(v, significant=3)


def _factor(v: float) -> str:
    text = value(v)
    return f"({text})" if v < 0 else text


def function_of(name: str, z: str, unit: int) -> str:
    """``S(z_i)`` for the activation or head ``name``."""
    if name == "mse":
        return z
    if name == "softmax":
        return f"softmax(z)<sub>{unit}</sub>"
    return f"{name}({z})"


def unit_tooltip(probe: Probe, layer: int, unit: int, activation: str) -> str:
    """The rich-text tooltip of unit ``unit`` (0-based) of layer ``layer`` (0: the input)."""
    i = unit + 1
    if layer == 0:
        return QCoreApplication.translate(
            "Probe", "Input x<sub>{i}</sub> = a<sub>{i}</sub><sup>[0]</sup> = {v}"
        ).format(i=i, v=value(probe.a[0][unit]))
    t = unit_terms(probe, layer, unit, TOP_TERMS)
    sup = f"<sup>[{layer}]</sup>"
    prev = f"<sup>[{layer - 1}]</sup>"
    z = f"z<sub>{i}</sub>{sup}"
    more = " + …" if t.rest_count else ""
    names = " + ".join(f"w<sub>{i},{j + 1}</sub>a<sub>{j + 1}</sub>{prev}" for j, _, _ in t.terms)
    numbers = " + ".join(f"{_factor(w)}·{_factor(a)}" for _, w, a in t.terms)
    indent = "&nbsp;&nbsp;&nbsp;"
    lines = [
        f"{z} = Σ<sub>j</sub> w<sub>{i}j</sub> a<sub>j</sub>{prev} + b<sub>{i}</sub>",
        f"{indent}= {names}{more} + b<sub>{i}</sub>",
        f"{indent}= {numbers}{more} + {_factor(t.bias)}",
        f"{indent}= <b>{value(t.z)}</b>",
    ]
    if t.rest_count:
        lines.append(
            indent
            + QCoreApplication.translate("Probe", "(… = the other {n} terms, together {v})").format(
                n=number(t.rest_count), v=value(t.rest)
            )
        )
    lines.append(f"a<sub>{i}</sub>{sup} = {function_of(activation, z, i)} = <b>{value(t.a)}</b>")
    return "<br>".join(lines)


class ProbeStrip(QWidget):
    """The first layer's activations for a probed image, one bar per unit (red positive,
    blue negative, height |a| relative to the largest)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: np.ndarray | None = None
        self.cmap = pg.colormap.get("CET-D1")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def _fit_height(self) -> None:
        """Two lines of the current font (presentation mode enlarges it)."""
        self.setFixedHeight(int(self.fontMetrics().height() * 2 + 6))

    def set_values(self, values) -> None:
        self._fit_height()
        self.values = None if values is None else np.asarray(values, dtype=np.float64)
        self.setToolTip(
            ""
            if self.values is None
            else QCoreApplication.translate(
                "Probe", "First layer a<sup>[1]</sup> for this image: {n} units, from {lo} to {hi}"
            ).format(
                n=number(len(self.values)), lo=value(self.values.min()), hi=value(self.values.max())
            )  # fmt: skip
        )
        self.update()

    def bars(self) -> np.ndarray:
        """The values drawn (the first STRIP_MAX units)."""
        return np.zeros(0) if self.values is None else self.values[:STRIP_MAX]

    def paintEvent(self, event):  # noqa: N802 (Qt naming)
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        values = self.bars()
        metrics = painter.fontMetrics()
        label = QCoreApplication.translate("Probe", "a[1] per unit")
        left = metrics.horizontalAdvance(label) + 12  # the label sits left of the bars
        painter.setPen(QColor(40, 40, 40))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(4, 0, left, self.height()), align, label)
        if not values.size:
            return
        finite = np.where(np.isfinite(values), values, 0.0)
        bound = float(np.abs(finite).max()) or 1.0
        top, bottom = 3, self.height() - 3
        mid = (top + bottom) / 2 if finite.min() < 0 else bottom
        half = (mid - top) if finite.min() < 0 else (bottom - top)
        painter.setPen(QPen(QColor(160, 160, 160), 1))
        painter.drawLine(QPointF(left, mid), QPointF(self.width() - 4, mid))
        painter.setPen(Qt.PenStyle.NoPen)
        step = (self.width() - 4 - left) / len(values)
        for k, v in enumerate(finite):
            color = self.cmap.map(float(np.clip(0.5 + 0.5 * v / bound, 0, 1)), mode="qcolor")
            painter.setBrush(color)
            h = half * abs(v) / bound
            y = mid - h if v >= 0 else mid
            painter.drawRect(QRectF(left + k * step, y, max(1.0, step * 0.85), max(h, 0.5)))
        painter.end()


class PlotProbe:
    """Turns clicks on the predictions plot into probe inputs: a click at x (1-D) or at
    (x1, x2) (2-D region map), inside the data's domain, calls ``choose(row, label)``; a star
    marks the probed point. ``follow(point, label)``, if given, hears of the point too, in the
    data's own coordinates (the backpropagation step-through follows the nearest sample)."""

    def __init__(self, view, choose, follow=None):
        self.view = view
        self.choose = choose
        self.follow = follow
        self.marker = pg.ScatterPlotItem(symbol="star", brush=pg.mkBrush(255, 200, 0),
                                         pen=pg.mkPen(20, 20, 20, width=1.5))  # fmt: skip
        self.marker.setZValue(50)
        self._curve_x: float | None = None  # a 1-D star's x: it stays on the network's curve
        view.plot.scene().sigMouseClicked.connect(self._clicked)

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        box = self.view.plot.getPlotItem().vb
        if not box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = box.mapSceneToView(event.scenePos())
        self.probe_at(point.x(), point.y())

    def probe_at(self, x: float, y: float) -> bool:
        """Probe the input at plot coordinates (x, y); False when nothing applies there."""
        ds = self.view.dataset
        if ds is None or ds.is_image or not ds.domain or not self.view.show_network:
            return False
        if getattr(self.view, "network", None) is None:
            return False  # no network for this data (it changed; a rebuild is only offered)
        if len(ds.domain) == 1:
            ((lo, hi),) = ds.domain
            if not lo <= x <= hi:
                return False
            row = np.array([x])
            label = QCoreApplication.translate("Probe", "x = {x}").format(x=value(x))
        elif len(ds.domain) == 2:
            (lo1, hi1), (lo2, hi2) = ds.domain
            if not (lo1 <= x <= hi1 and lo2 <= y <= hi2):
                return False
            row = np.array([x, y])
            label = QCoreApplication.translate("Probe", "x1 = {x1}, x2 = {x2}").format(
                x1=value(x), x2=value(y)
            )
        else:
            return False
        output = self.choose(network_input(ds, row), label)
        if self.follow is not None:
            self.follow(row, label)
        on_curve = len(ds.domain) == 1
        if on_curve and output is not None and np.isfinite(output):
            y = output  # the star sits on the network's curve
        self.mark(x, y)
        self._curve_x = x if on_curve else None
        return True

    def follow_curve(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """The network's curve was redrawn (training went on, or the timeline replays another
        epoch): a 1-D star moves to the curve's height at its x, as drawn."""
        if self._curve_x is None or not len(xs) or self.marker.scene() is None:
            return
        self.marker.setData([self._curve_x], [float(np.interp(self._curve_x, xs, ys))])

    def mark(self, x: float | None, y: float | None) -> None:
        """Put the star at (x, y) (None: remove it). In 1-D it sits on the x-axis's data."""
        plot = self.view.plot.getPlotItem()
        if x is None:
            self._curve_x = None
            self.marker.setData([], [])
            return
        if self.marker.scene() is None:  # a new dataset cleared the plot
            plot.addItem(self.marker)
        size = 14 * (1.5 if Style.instance().presentation else 1.0)
        self.marker.setData([x], [y], size=size)


def install_probe(window) -> None:
    """Connect the probe's sources (predictions plot, gallery) to the Network view."""
    network_view = window.network_view

    def backprop():  # a click also chooses its sample (the main window builds it then)
        return getattr(window, "backprop_view", None)

    def follow(point, label) -> None:
        view = backprop()
        if view is not None:
            view.follow_point(point, label)

    plot_probe = PlotProbe(window.prediction_view, network_view.set_probe, follow)
    window.prediction_view.probe = plot_probe  # kept alive with the view

    def image_clicked(index: int) -> None:
        ds = window.gallery_view.dataset
        if ds is None or not ds.is_image or not 0 <= index < len(ds.x_test):
            return
        label = QCoreApplication.translate("Probe", "test image {n}").format(n=number(index + 1))
        network_view.set_probe(network_input(ds, ds.x_test[index]), label, image=True)
        window.gallery_view.mark_probed(index)
        view = backprop()
        if view is not None:
            view.follow_test_image(index, label)

    window.gallery_view.grid.clicked.connect(image_clicked)

    def cleared() -> None:
        plot_probe.mark(None, None)
        window.gallery_view.mark_probed(None)

    network_view.probe_cleared.connect(cleared)
