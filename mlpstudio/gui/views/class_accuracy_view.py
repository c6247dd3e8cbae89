"""Accuracy per class: which classes the network has learned and which it still confuses."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ...core.metrics import per_class_accuracy
from .. import style
from ..style import plot_widget, prepare_plot
from .base import View
from .confusion_view import row_label

MAX_TICKS = 25


class ClassAccuracyView(View):
    export_name = "class_accuracy"
    draws_outputs = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption.setText(self.tr("<b>Accuracy per class</b> on the test set"))
        self.plot = plot_widget()
        self.plot.setLabel("bottom", self.tr("accuracy"))
        self.plot.invertY(True)
        self.plot.setMouseEnabled(False, False)
        self.plot.setXRange(0, 1, padding=0.02)
        prepare_plot(self.plot)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brush=style.TRAIN)
        self.plot.addItem(self.bars)
        self.body.addWidget(self.plot)
        self._n = 0
        self._accuracy = None

    def show_results(self, results) -> None:
        n = results.n_classes
        accuracy = np.nan_to_num(per_class_accuracy(results.confusion()))
        if n != self._n:
            self._n = n
            step = 1 if n <= MAX_TICKS else int(np.ceil(n / MAX_TICKS))
            self.plot.getAxis("left").setTicks(
                [[(i, row_label(i, results.names[i], False)) for i in range(0, n, step)]]
            )
            self.plot.setYRange(-0.5, n - 0.5, padding=0)
        self.bars.setOpts(x0=np.zeros(n), y=np.arange(n), width=accuracy, height=0.7)
        self._accuracy = accuracy

    def clear(self):
        self.bars.setOpts(x0=[], y=[], width=[], height=0.7)
        self._accuracy = None

    def has_content(self):
        return self._accuracy is not None

    def plot_widget(self):
        return self.plot
