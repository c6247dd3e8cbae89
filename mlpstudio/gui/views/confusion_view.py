"""The confusion matrix: how often each true class (row) is predicted as each class (column).

Colours show each row as shares of that class (so rare and common classes compare), the
numbers are counts. Clicking a cell shows the test images behind it in the gallery. For
CIFAR-100 trained on its 100 fine classes, the matrix can be folded into the 20 superclasses.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtWidgets import QCheckBox

from ..style import prepare_plot
from .base import View

MAX_NUMBERS = 12  # write counts in the cells up to this many classes
MAX_TICKS = 20


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
        self.plot = pg.PlotWidget()
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
        self._counts = None

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
                text.setText(str(int(counts[i, j])))
                text.setColor("k" if shares[i, j] > 0.6 else "w")
        self._counts = counts

    def _layout(self, n: int, names: tuple[str, ...]) -> None:
        self._n = n
        for text in self.texts:
            self.plot.removeItem(text)
        self.texts = []
        step = 1 if n <= MAX_TICKS else int(np.ceil(n / MAX_TICKS))
        ticks = [(i + 0.5, names[i] if n <= MAX_TICKS else str(i)) for i in range(0, n, step)]
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.getAxis("left").setTicks([ticks])
        self.plot.setRange(xRange=(0, n), yRange=(0, n), padding=0)
        if n <= MAX_NUMBERS:
            for i in range(n):
                for j in range(n):
                    text = pg.TextItem("", anchor=(0.5, 0.5))
                    text.setPos(j + 0.5, i + 0.5)
                    self.plot.addItem(text)
                    self.texts.append(text)

    def _clicked(self, true: int, predicted: int) -> None:
        if 0 <= true < self._n and 0 <= predicted < self._n:
            self.cellClicked.emit(true, predicted)

    def has_content(self):
        return self._counts is not None and self._counts.sum() > 0

    def plot_widget(self):
        return self.plot
