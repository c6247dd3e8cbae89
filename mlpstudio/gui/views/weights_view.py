"""Every layer's weight matrix W^[l] and bias vector b^[l] as a heatmap, with a colour bar and a
histogram of the values.

Heatmaps use a diverging colormap with levels symmetric around 0 (blue negative, white zero,
red positive), so the sign and size of each weight read at a glance; the colour bar beside each
layer gives the scale, and hovering shows the value. Cells are square whatever the matrix's
shape, so a 50x50 matrix stays a square and is not squashed into a strip. The biases are the
last column, after a white gap. After a divergence (NaN or infinite weights) the histogram is
replaced by a note that says so.
"""

from __future__ import annotations

import re
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication, QGraphicsItem

from .. import style
from ..style import LocaleAxis, RangeKeeper, Style, font_points, prepare_plot, significant
from .base import View

MIN_INTERVAL = 0.1  # seconds between redraws: big matrices cost milliseconds each
BAR_STEPS = 256


def heatmap_of(w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The picture drawn for one layer: W, a gap column (white, i.e. 0), then b."""
    rows = w.shape[0]
    return np.hstack([w, np.zeros((rows, 1), dtype=w.dtype), b.reshape(rows, 1)])


def scale_bound(bound: float) -> float:
    """``bound`` rounded up to two significant digits: the colour bar's end labels are exact,
    and the scale (and its redraw) changes only when the weights' range really does."""
    if not np.isfinite(bound) or bound <= 0:
        return 1.0
    power = 10.0 ** (np.floor(np.log10(bound)) - 1)
    rounded = float(np.ceil(bound / power * (1 - 1e-12)) * power)
    return rounded if np.isfinite(rounded) and rounded > 0 else bound


def symmetric_bound(values: np.ndarray) -> float:
    """The largest finite |value| (1 when there is none), for levels symmetric around 0."""
    finite = values[np.isfinite(values)]
    bound = float(np.abs(finite).max()) if finite.size else 1.0
    return bound if bound > 0 else 1.0


class ColumnTitle(pg.LabelItem):
    """A title over a column of a graphics layout that takes more lines rather than widen it.

    A LabelItem asks for its whole text's width as its minimum: a row of them made the layout
    wider than its view (presentation mode at 1280x720, three layers or more), and the last
    columns, titles and plots, were cut at the view's edge. This one is drawn on one line when
    it fits; else broken where the text has two spaces (a layer's shape, then its activation);
    else also after each ": " (``W[2]:``, the shape, the activation). Its minimum width is
    that of its widest line so broken, and its tooltip is the whole text on one line."""

    def __init__(self, text: str = " ", **args):
        self._layouts: list[tuple[list[str], float]] = []  # (lines, width), widest first
        self._lines: list[str] | None = None
        super().__init__(" ", **args)
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        self.item.document().setDefaultTextOption(option)
        self.setText(text)

    def setText(self, text, **args):  # noqa: N802 (pyqtgraph naming)
        self.opts.update(args)
        self.full_text = text
        pieces = [piece.strip() for piece in text.split("  ") if piece.strip()] or [" "]
        finest = [part for piece in pieces for part in re.split(r"(?<=:) ", piece)]
        self._layouts = []
        for lines in ([" ".join(pieces)], pieces, finest):
            if not any(lines == known for known, _ in self._layouts):
                self._layouts.append((lines, self._width_of(lines)))
        self._lines = None
        self._show(self._layouts[0][0])
        plain = QTextDocument()
        plain.setHtml(" ".join(pieces))
        self.setToolTip(plain.toPlainText())

    @staticmethod
    def _html(lines: list[str]) -> str:
        return "<br>".join(line.replace(" ", "&nbsp;") for line in lines)

    def _width_of(self, lines: list[str]) -> float:
        """The width ``lines`` take, margins included, at this title's font size."""
        document = QTextDocument()
        font = QFont(self.item.font())
        size = str(self.opts.get("size", ""))
        if size.endswith("pt"):
            font.setPointSizeF(float(size[:-2]))
        document.setDefaultFont(font)
        document.setHtml(self._html(lines))
        return document.idealWidth()

    def _show(self, lines: list[str]) -> None:
        if lines != self._lines:
            self._lines = lines
            super().setText(self._html(lines))

    def line_count(self) -> int:
        """How many lines the title takes now."""
        return len(self._lines or ())

    def one_line_width(self) -> float:
        return self._layouts[0][1]

    def narrowest_width(self) -> float:
        return self._layouts[-1][1]

    def resizeEvent(self, ev):  # noqa: N802 (Qt naming)
        width = self.size().width()
        if width > 0 and self._layouts:
            fitting = [lines for lines, need in self._layouts if need <= width + 0.5]
            self._show(fitting[0] if fitting else self._layouts[-1][0])
        super().resizeEvent(ev)

    def updateMin(self):  # noqa: N802 (pyqtgraph naming)
        if not self._layouts:
            return super().updateMin()
        height = self.itemRect().height()
        narrowest, one_line = self.narrowest_width(), self.one_line_width()
        self.setMinimumWidth(narrowest)
        self.setMinimumHeight(height)
        self._sizeHint = {
            Qt.SizeHint.MinimumSize: (narrowest, height),
            Qt.SizeHint.PreferredSize: (one_line, height),
            Qt.SizeHint.MaximumSize: (-1, -1),
            Qt.SizeHint.MinimumDescent: (0, 0),
        }
        self.updateGeometry()


class _Layer:
    """The items drawn for one layer."""

    def __init__(self, title, title_text, vb, image, bar, bar_image, hist, curve, note):
        self.title, self.title_text = title, title_text
        self.vb, self.image = vb, image
        self.bar, self.bar_image = bar, bar_image
        self.hist, self.curve, self.note = hist, curve, note
        self.levels = (-1.0, 1.0)
        self.note_shown = False
        self.x_range, self.y_range = RangeKeeper(0.05), RangeKeeper(0.05)


class WeightsView(View):
    export_name = "weights"
    draws_layers = "all"

    def __init__(self, parent=None):
        super().__init__(parent)
        self._default_caption = self.tr(
            "<b>Weights</b> W<sup>[l]</sup> and biases b<sup>[l]</sup> (last column) per layer"
        )
        self.caption.setText(self._default_caption)
        self.graphics = pg.GraphicsLayoutWidget()
        self.body.addWidget(self.graphics)
        self.cmap = pg.colormap.get(style.DIVERGING)
        self.layers: list[_Layer] = []
        self._weights = None
        self._last_draw = 0.0
        self.graphics.scene().sigMouseMoved.connect(self._hover)

    @property
    def rows(self):
        """(viewbox, image, histogram curve, title) per layer (kept for callers and tests)."""
        return [(lay.vb, lay.image, lay.curve, lay.title) for lay in self.layers]

    def _title(self, network, layer: int, count) -> str:
        act = network.layer_activation(layer)
        return self.tr("W<sup>[{l}]</sup>: {rows} x {cols}  ({act})").format(
            l=layer,
            rows=count.units,
            cols=count.inputs,
            act={"mse": self.tr("linear")}.get(act, act),
        )

    def set_network(self, network):
        super().set_network(network)
        self._weights = None
        if network is not None and len(self.layers) == network.n_layers:
            self._reuse(network)  # as many layers as before: new titles, empty plots
            return
        self.graphics.clear()
        self.layers = []
        if network is None:
            return
        grid = self.graphics.ci.layout
        # one column per layer, side by side: title, heatmap with its colour bar, histogram
        for layer, count in enumerate(network.counts, start=1):
            text = self._title(network, layer, count)
            col = 2 * (layer - 1)
            title = ColumnTitle(text, size=f"{font_points():.1f}pt")
            self.graphics.addItem(title, row=0, col=col, colspan=2)
            vb = self.graphics.addViewBox(row=1, col=col, enableMenu=False)
            vb.invertY(True)
            vb.setAspectLocked(True)  # square cells
            vb.setMenuEnabled(False)
            vb.setMouseEnabled(False, False)
            image = pg.ImageItem()
            image.setColorMap(self.cmap)
            vb.addItem(image)
            bar = self.graphics.addPlot(
                row=1, col=col + 1, axisItems={"right": LocaleAxis("right")}, enableMenu=False
            )
            bar.hideAxis("left")
            bar.hideAxis("bottom")
            bar.showAxis("right")
            bar.setMouseEnabled(False, False)
            bar_image = pg.ImageItem()
            bar_image.setColorMap(self.cmap)
            # drawn once into a pixmap: the gradient changes only with the scale
            bar_image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            bar.addItem(bar_image)
            prepare_plot(bar)
            hist = self.graphics.addPlot(
                row=2,
                col=col,
                colspan=2,
                axisItems={"bottom": LocaleAxis("bottom")},
                enableMenu=False,
            )
            hist.hideAxis("left")
            hist.setMouseEnabled(False, False)
            prepare_plot(hist)
            curve = hist.plot(stepMode="center", fillLevel=0, brush=(120, 120, 120, 120))
            note = pg.TextItem(color=(170, 20, 20), anchor=(0, 0))
            note.setParentItem(hist.vb)
            note.setPos(4, 4)
            note.hide()
            stretch = int(np.clip(round(4 * (count.inputs + 2) / count.units), 1, 8))
            grid.setColumnStretchFactor(col, stretch)
            grid.setColumnStretchFactor(col + 1, 0)
            self.layers.append(_Layer(title, text, vb, image, bar, bar_image, hist, curve, note))
        grid.setRowStretchFactor(0, 0)
        grid.setRowStretchFactor(1, 3)
        grid.setRowStretchFactor(2, 1)
        self.restyle()

    def _reuse(self, network) -> None:
        """The plots of a network with as many layers, emptied and titled for ``network``
        (building them again takes a fifth of a second after every architecture edit)."""
        grid = self.graphics.ci.layout
        for layer, (lay, count) in enumerate(zip(self.layers, network.counts), start=1):
            lay.title_text = self._title(network, layer, count)
            lay.image.clear()
            lay.curve.setData([], [])
            lay.note.hide()
            stretch = int(np.clip(round(4 * (count.inputs + 2) / count.units), 1, 8))
            grid.setColumnStretchFactor(2 * (layer - 1), stretch)
        self.restyle()

    def restyle(self):
        size = f"{font_points():.1f}pt"
        metrics = QFontMetricsF(QApplication.font())
        axis_width = int(metrics.horizontalAdvance("−0.00") + 14)  # labels and ticks
        for lay in self.layers:
            lay.bar.getAxis("right").setWidth(axis_width)
            lay.bar.setFixedWidth(axis_width + 14)  # and the gradient
            lay.curve.setPen(Style.instance().pen(style.TARGET, width=1))
            lay.title.setText(lay.title_text, size=size)
            font = lay.note.textItem.font()
            font.setPointSizeF(font_points())
            lay.note.setFont(font)
            if lay.image.image is not None:
                self._scale(lay, lay.levels[1])  # the colour bar's labels in the new size

    def show_snapshot(self, snapshot):
        if snapshot.weights is self._weights:
            return  # the same weights (a lean snapshot repeats the ones it has)
        now = time.perf_counter()
        if now - self._last_draw < MIN_INTERVAL and not snapshot.is_final:
            return
        self._last_draw = now
        self._weights = snapshot.weights
        for lay, (w, b) in zip(self.layers, snapshot.weights):
            values = np.concatenate([np.ravel(w), np.ravel(b)])
            bound = scale_bound(symmetric_bound(values))
            picture = heatmap_of(np.asarray(w), np.asarray(b))
            first = lay.image.image is None
            if (-bound, bound) != lay.levels or first:
                self._scale(lay, bound)
            lay.image.setImage(np.nan_to_num(picture), levels=lay.levels, autoLevels=False)
            if first:
                lay.vb.autoRange(padding=0.02)
            self._histogram(lay, values)

    def _scale(self, lay: _Layer, bound: float) -> None:
        """Levels and colour bar for weights within +-bound (redrawn only when it changes)."""
        lay.levels = (-bound, bound)
        gradient = np.linspace(-bound, bound, BAR_STEPS).reshape(BAR_STEPS, 1)
        lay.bar_image.setImage(gradient, levels=lay.levels, autoLevels=False)
        lay.bar_image.setRect(QRectF(0, -bound, 1, 2 * bound))
        lay.bar.setRange(xRange=(0, 1), yRange=(-bound, bound), padding=0)
        label = significant(bound, 2)
        axis = lay.bar.getAxis("right")
        axis.setTicks([[(-bound, "−" + label), (0.0, "0"), (bound, label)], []])
        metrics = QFontMetricsF(axis.style.get("tickFont") or QApplication.font())
        # room for its own labels: a wider default took the heatmaps' room with many layers
        width = int(metrics.horizontalAdvance("−" + label) + 14)
        if width != int(axis.width()):  # room for the labels, however large the scale
            axis.setWidth(width)
            lay.bar.setFixedWidth(width + 14)

    def _histogram(self, lay: _Layer, values: np.ndarray) -> None:
        finite = np.isfinite(values)
        bad = int(values.size - finite.sum())
        if bad:
            lay.curve.setData([], [])
            lay.hist.getAxis("bottom").setStyle(showValues=False)
            lay.note.setText(
                self.tr("Diverged: {bad} of {total} values are infinite or NaN").format(
                    bad=style.number(bad), total=style.number(values.size)
                )
            )
            lay.note.setTextWidth(max(80.0, lay.hist.vb.width() - 8))
            lay.note.show()
            lay.note_shown = True
            return
        if lay.note_shown:
            lay.note_shown = False
            lay.note.hide()
            lay.hist.getAxis("bottom").setStyle(showValues=True)
        counts, edges = np.histogram(values, bins=40)
        lay.curve.setData(edges, counts)
        # the axes move only when the values leave their range or shrink well inside it
        x_new = lay.x_range.update(float(edges[0]), float(edges[-1]))
        y_new = lay.y_range.update(0.0, float(max(1, counts.max())))
        if x_new is not None:
            lay.hist.setXRange(*x_new, padding=0)
        if y_new is not None:
            lay.hist.setYRange(0.0, y_new[1], padding=0)

    def _hover(self, pos):
        if self._weights is None:
            return
        for layer, lay in enumerate(self.layers, start=1):
            if not lay.vb.sceneBoundingRect().contains(pos):
                continue
            point = lay.vb.mapSceneToView(pos)
            i, j = int(np.floor(point.y())), int(np.floor(point.x()))
            w, b = self._weights[layer - 1]
            if 0 <= i < w.shape[0] and 0 <= j < w.shape[1]:
                self.caption.setText(
                    self.tr(
                        "W<sup>[{l}]</sup><sub>{i},{j}</sub> = {v}  (unit {i} of layer "
                        "{l}, input {j})"
                    ).format(l=layer, i=i + 1, j=j + 1, v=significant(float(w[i, j]), 4))
                )
                return
            if 0 <= i < w.shape[0] and j == w.shape[1] + 1:
                self.caption.setText(
                    self.tr("b<sup>[{l}]</sup><sub>{i}</sub> = {v}  (bias of unit {i})").format(
                        l=layer, i=i + 1, v=significant(float(np.ravel(b)[i]), 4)
                    )
                )
                return
        self.caption.setText(self._default_caption)

    def has_content(self):
        return self._weights is not None and all(lay.image.image is not None for lay in self.layers)

    def plot_widget(self):
        return self.graphics
