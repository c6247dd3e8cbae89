"""The confusion matrix: how often each true class (row) is predicted as each class (column).

Colours show each row as shares of that class (so rare and common classes compare), the
numbers are counts. Class names that do not fit under their column are abbreviated, or replaced
by the class's number (the rows then show "number name"); hovering a cell names both classes
in full with its count. Clicking a cell shows the test images behind it in the gallery. For
CIFAR-100 trained on its 100 fine classes, the matrix can be folded into the 20 superclasses.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QCheckBox, QToolTip

from ..style import font_points, number, percent, plot_widget, prepare_plot
from .base import View

MAX_NUMBERS = 12  # write counts in the cells up to this many classes
MAX_TICKS = 20
MAX_ROW_LABEL = 22  # characters of a row's class name before it is elided


def column_labels(names, cell_px: float, width_of) -> list[str]:
    """Labels under the columns that fit in ``cell_px`` pixels each: the names, else the
    names cut to the longest common length that fits (with a "."), else the class numbers."""
    gap = width_of("0")
    if all(width_of(n) + gap <= cell_px for n in names):
        return list(names)
    for length in range(max(len(n) for n in names) - 1, 2, -1):
        cut = [n if len(n) <= length + 1 else n[:length].rstrip() + "." for n in names]
        if all(width_of(c) + gap <= cell_px for c in cut) and len(set(cut)) == len(cut):
            return cut
    return [str(i + 1) for i in range(len(names))]


def row_label(index: int, name: str, numbered: bool) -> str:
    name = name if len(name) <= MAX_ROW_LABEL else name[: MAX_ROW_LABEL - 1].rstrip() + "…"
    return f"{index + 1} {name}" if numbered else name


class _ClickableImage(pg.ImageItem):
    def __init__(self, on_click):
        super().__init__()
        self._on_click = on_click

    def mouseClickEvent(self, event):
        pos = event.pos()
        self._on_click(int(np.floor(pos.y())), int(np.floor(pos.x())))
        event.accept()


class ConfusionView(View):
    export_name = "confusion"
    draws_outputs = True
    cellClicked = Signal(int, int)  # true class, predicted class
    foldChanged = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption.setText(self.tr("<b>Confusion matrix</b>: rows true, columns predicted"))
        self.fold = QCheckBox(self.tr("Superclasses"))
        self.fold.setToolTip(
            self.tr(
                "Fold the 100 CIFAR-100 classes into their 20 superclasses: a mistake "
                "between two kinds of tree counts as right."
            )
        )
        self.fold.toggled.connect(self.foldChanged)
        self.fold.hide()
        self.header.insertWidget(1, self.fold)
        self.plot = plot_widget()
        self.plot.setLabel("left", self.tr("true class"))
        self.plot.setLabel("bottom", self.tr("predicted class"))
        self.plot.invertY(True)
        self.plot.setMouseEnabled(False, False)
        self.plot.setAspectLocked(False)
        prepare_plot(self.plot)
        self.image = _ClickableImage(self._clicked)
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.plot.addItem(self.image)
        self.body.addWidget(self.plot)
        self.texts: list[pg.TextItem] = []
        self._n = 0
        self._names: tuple[str, ...] = ()
        self._counts = None
        self.plot.getViewBox().sigResized.connect(self._label_axes)
        self.plot.scene().sigMouseMoved.connect(self._hover)

    def set_dataset(self, dataset):
        super().set_dataset(dataset)
        self._counts = None
        self.fold.setVisible(dataset is not None and dataset.coarse_of is not None)

    def clear(self):
        self.image.clear()
        for text in self.texts:
            text.setText("")
        self._counts = None

    def show_results(self, results) -> None:
        counts = results.confusion()
        n = results.n_classes
        if n != self._n:
            self._layout(n, results.names)
        totals = counts.sum(axis=1, keepdims=True)
        shares = counts / np.maximum(totals, 1)
        self.image.setImage(shares, levels=(0.0, 1.0), autoLevels=False)
        # setRect maps the current image's pixels: it must follow setImage, not precede it.
        self.image.setRect(QRectF(0, 0, n, n))
        if self.texts:
            for k, text in enumerate(self.texts):
                i, j = divmod(k, n)
                text.setText(number(int(counts[i, j])))
                text.setColor("k" if shares[i, j] > 0.6 else "w")
        self._counts = counts

    def _layout(self, n: int, names: tuple[str, ...]) -> None:
        self._n = n
        self._names = tuple(names)
        for text in self.texts:
            self.plot.removeItem(text)
        self.texts = []
        self.plot.setRange(xRange=(0, n), yRange=(0, n), padding=0)
        self._label_axes()
        if n <= MAX_NUMBERS:
            for i in range(n):
                for j in range(n):
                    text = pg.TextItem("", anchor=(0.5, 0.5))
                    font = text.textItem.font()
                    font.setPointSizeF(font_points())
                    text.setFont(font)
                    text.setPos(j + 0.5, i + 0.5)
                    self.plot.addItem(text)
                    self.texts.append(text)

    def restyle(self) -> None:
        for text in self.texts:
            font = text.textItem.font()
            font.setPointSizeF(font_points())
            text.setFont(font)
        self._label_axes()

    def _label_axes(self, *_) -> None:
        """Tick labels that fit the cells' current size (called on resize and new classes)."""
        n = self._n
        if not n:
            return
        bottom, left = self.plot.getAxis("bottom"), self.plot.getAxis("left")
        font = bottom.style.get("tickFont") or self.font()
        metrics = QFontMetricsF(font)
        vb = self.plot.getViewBox()
        cell_w = vb.width() / n if vb.width() > 0 else 0.0
        cell_h = vb.height() / n if vb.height() > 0 else 0.0
        if n > MAX_TICKS:
            step = int(np.ceil(n / MAX_TICKS))
            ticks = [(i + 0.5, str(i + 1)) for i in range(0, n, step)]
            bottom.setTicks([ticks])
            left.setTicks([ticks])
            return
        cols = column_labels(self._names, cell_w, metrics.horizontalAdvance)
        numbered = cols[0] == "1" and self._names[0] != "1"
        every = 1
        if numbered:  # even numbers may not fit under narrow cells: label every 2nd, 5th...
            need = metrics.horizontalAdvance(str(n)) + metrics.horizontalAdvance("0")
            every = next((k for k in (1, 2, 5, 10) if k * cell_w >= need), 10)
        bottom.setTicks([[(i + 0.5, cols[i]) for i in range(0, n, every)]])
        step = 1 if cell_h >= metrics.height() * 0.9 or cell_h == 0 else 2
        rows = [row_label(i, self._names[i], numbered) for i in range(n)]
        # the row names get the room they need, up to 40 % of the plot; longer ones are elided
        room = min(max(metrics.horizontalAdvance(r) for r in rows), 0.4 * self.plot.width())
        rows = [metrics.elidedText(r, Qt.TextElideMode.ElideRight, room) for r in rows]
        left.setWidth(int(room + metrics.horizontalAdvance("00")) + 2)
        left.setTicks([[(i + 0.5, rows[i]) for i in range(0, n, step)]])

    def _hover(self, pos) -> None:
        if self._counts is None or not self._n:
            return
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(pos):
            return
        point = vb.mapSceneToView(pos)
        i, j = int(np.floor(point.y())), int(np.floor(point.x()))
        if not (0 <= i < self._n and 0 <= j < self._n):
            return
        count = int(self._counts[i, j])
        total = int(self._counts[i].sum())
        text = self.tr("True {true}, predicted {predicted}: {count} of {total} ({share})").format(
            true=self._names[i],
            predicted=self._names[j],
            count=number(count),
            total=number(total),
            share=percent(count / total if total else 0.0),
        )
        self.plot.setToolTip(text)
        QToolTip.showText(self.plot.mapToGlobal(self.plot.mapFromScene(pos)), text, self.plot)

    def cell_text(self, i: int, j: int) -> str:
        return self.texts[i * self._n + j].toPlainText() if self.texts else ""

    def _clicked(self, true: int, predicted: int) -> None:
        if 0 <= true < self._n and 0 <= predicted < self._n:
            self.cellClicked.emit(true, predicted)

    def has_content(self):
        return self._counts is not None and self._counts.sum() > 0

    def plot_widget(self):
        return self.plot
