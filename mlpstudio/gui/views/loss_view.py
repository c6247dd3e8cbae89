"""Loss curves for the training and test sets per epoch (log-y toggle), and for classification
the accuracy curves below them.

Drawn for speed and legibility: the x axis follows the epochs trained so far with headroom
(:func:`x_end_for`, ending on round numbers), so a 100,000-epoch budget does not squeeze the
curve into a sliver, and it changes only when the curve reaches its end; the y axis changes
only when the loss leaves its range (:class:`~mlpstudio.gui.style.RangeKeeper`). Tick labels
use the interface's language and never overlap (:class:`~mlpstudio.gui.style.LocaleAxis`).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QBoxLayout, QCheckBox

from ...i18n import translate
from .. import style
from ..style import RangeKeeper, Style, plot_widget, prepare_plot
from .base import TwoPlotsView, finite_xy, placeholder_label
from .text_legend import TextLegend

HEADROOM = 1.5  # the x axis reaches this many times the epochs trained when it grows
MIN_EPOCHS_SHOWN = 10
#: Before the first epoch ends each curve is one point (the untrained network's loss): the y
#: axis then spans this many decades around it (log scale), or 0 to twice it (linear), not
#: the few thousandths between the train and test losses.
FIRST_POINT_DECADES = 1.0


def x_end_for(epoch: int, total: int, current: float | None) -> float | None:
    """The new right end of the epoch axis when the curve reaches ``epoch`` of ``total``, or
    None to keep ``current``. The axis grows by :data:`HEADROOM` (so it changes a few times per
    run, not every epoch), never beyond the run's budget unless training continues past it."""
    epoch = max(int(epoch), 0)
    if current is not None and epoch <= current:
        return None
    wanted = round_up_nicely(max(MIN_EPOCHS_SHOWN, epoch * HEADROOM))
    if total >= epoch:  # within the budget: never past its end
        wanted = min(wanted, total)
    return float(max(wanted, epoch, 1))


def round_up_nicely(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten not below ``value`` (the axis then ends
    on a round number and grows a few times per run: 10, 20, 50, 100, ...)."""
    power = 10.0 ** np.floor(np.log10(max(value, 1.0)))
    for k in (1, 2, 5, 10):
        if k * power >= value:
            return float(k * power)
    return float(10 * power)


class LossView(TwoPlotsView):
    SIDE_BY_SIDE = 1.8  # (the accuracy plot shows only for classification)

    export_name = "loss"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption.setText(self.tr("<b>Loss</b> per epoch"))
        self.log_y = QCheckBox(self.tr("Log scale"))
        self.log_y.setToolTip(
            self.tr("Show the loss on a logarithmic axis: late, small improvements stay visible.")
        )
        self.log_y.setChecked(True)
        self.log_y.toggled.connect(self._set_log)
        self.header.insertWidget(1, self.log_y)
        self.plot = plot_widget()
        self.plot.setLabel("bottom", self.tr("epoch"))
        self.plot.setLabel("left", self.tr("loss"))
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        # one line above both plots (the same colours on each): inside them, a legend hid the
        # curves or was cut at their edge in a small dock and in presentation mode
        self.legend = TextLegend()
        self.body.addWidget(self.legend)
        prepare_plot(self.plot)
        self.plot.disableAutoRange()
        self.plot.setMouseEnabled(x=True, y=True)
        self.train_curve = self.plot.plot(name=self.tr("train"))
        self.test_curve = self.plot.plot(name=self.tr("test"))
        # shown, and named in the legend, when the run holds out a validation set (early
        # stopping); it lives in the plot from the start: an item outside any plot cannot
        # take data while it clips to a view (pyqtgraph asks the view for its range)
        self.val_curve = self.plot.plot()
        self.val_curve.hide()
        self._val_shown = False
        for curve in (self.train_curve, self.test_curve, self.val_curve):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
        # loss and accuracy one above the other, or side by side in a wide, low dock (the
        # classification plots in presentation mode at 1280x720 were two strips of 60 px)
        self.plots = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.plots.setSpacing(4)
        self.plots.addWidget(self.plot, 3)
        self.body.addLayout(self.plots, 1)
        self.no_network = placeholder_label()
        self.no_network.setText(
            self.tr("No network for the current data yet: its curves appear here when it trains.")
        )
        self.body.addWidget(self.no_network, 1)
        self.accuracy_plot = plot_widget()
        self.accuracy_plot.setLabel("bottom", self.tr("epoch"))
        self.accuracy_plot.setLabel("left", self.tr("accuracy"))
        self.accuracy_plot.showGrid(x=True, y=True, alpha=0.15)
        self.accuracy_plot.disableAutoRange()
        self.accuracy_plot.setYRange(0, 1, padding=0.02)
        prepare_plot(self.accuracy_plot)
        self.train_accuracy = self.accuracy_plot.plot(name=self.tr("train"))
        self.test_accuracy = self.accuracy_plot.plot(name=self.tr("test"))
        self.accuracy_plot.hide()
        self.plots.addWidget(self.accuracy_plot, 2)
        # the epoch the timeline shows (gui/timeline.py), on both plots
        self.markers = [pg.InfiniteLine(angle=90, movable=False) for _ in range(2)]
        for plot, marker in zip((self.plot, self.accuracy_plot), self.markers):
            marker.setZValue(10)
            marker.hide()
            plot.addItem(marker, ignoreBounds=True)
        self._y_range = RangeKeeper()
        self._x_end = None
        self._last = None
        # until the first epoch ends there is no curve to draw: a hint says when there will be
        self.hint = pg.TextItem(anchor=(0.5, 0))
        self.hint.setParentItem(self.plot.getViewBox())
        self.hint.hide()
        self._hint_wanted = False
        self.plot.getViewBox().sigResized.connect(self._place_hint)
        self._dots = False  # whether the curves are drawn as dots (one point each)
        self._set_log(True)
        self._write_legend()
        self.restyle()

    def _write_legend(self) -> None:
        self.legend.clear()
        self.legend.add(style.TRAIN, self.tr("train"))
        self.legend.add(style.TEST, self.tr("test"))
        if self._val_shown:
            self.legend.add(style.VALIDATION, self.tr("validation"), dashed=True)

    def restyle(self):
        s = Style.instance()
        self.train_curve.setPen(s.pen(style.TRAIN))
        self.test_curve.setPen(s.pen(style.TEST))
        self.train_accuracy.setPen(s.pen(style.TRAIN))
        self.test_accuracy.setPen(s.pen(style.TEST))
        self.val_curve.setPen(s.pen(style.VALIDATION, style=pg.QtCore.Qt.PenStyle.DashLine))
        for marker in self.markers:
            marker.setPen(s.pen(style.TARGET, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.hint.setText(
            self.tr("One point per epoch: the curves start when the first epoch ends."),
            color=(90, 90, 90),
        )
        font = self.hint.textItem.font()
        font.setPointSizeF(style.font_points())
        self.hint.setFont(font)
        self._place_hint()
        self._draw_dots(self._dots, force=True)

    def _show_hint(self, on: bool) -> None:
        self._hint_wanted = on
        self._place_hint()

    def _place_hint(self, *_) -> None:
        """The hint at the top of the plot, shown only where it fits whole (a plot squeezed
        by presentation mode at 1280x720 is a strip of a few lines)."""
        box = self.plot.getViewBox()
        self.hint.setTextWidth(max(80.0, box.width() - 16))
        self.hint.setPos(box.width() / 2, 6)
        fits = self.hint.textItem.boundingRect().height() <= 0.7 * box.height()
        self.hint.setVisible(self._hint_wanted and fits)

    def _draw_dots(self, on: bool, force: bool = False) -> None:
        """One point per curve (epoch 0) is drawn as a dot: a line through one point is
        nothing."""
        if on == self._dots and not force:
            return
        self._dots = on
        s = Style.instance()
        for curve, colour in ((self.train_curve, style.TRAIN), (self.test_curve, style.TEST),
                              (self.train_accuracy, style.TRAIN),
                              (self.test_accuracy, style.TEST)):  # fmt: skip
            if on:
                curve.setSymbol("o")
                curve.setSymbolSize(s.marker_size)
                curve.setSymbolPen(s.pen(colour))
                curve.setSymbolBrush(colour)
            else:
                curve.setSymbol(None)

    def add_footer(self, widget) -> None:
        """A widget under the plots (the timeline bar)."""
        self.body.addWidget(widget, 0)

    def set_marker(self, epoch) -> None:
        """Mark ``epoch`` on the curves (the timeline shows it), or none for None."""
        for marker in self.markers:
            marker.setVisible(epoch is not None)
            if epoch is not None:
                marker.setValue(float(epoch))

    def _set_log(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self._y_range.reset()
        if self._last is not None:
            self.show_snapshot(self._last)

    def set_network(self, network):
        super().set_network(network)
        for curve in (
            self.train_curve,
            self.test_curve,
            self.val_curve,
            self.train_accuracy,
            self.test_accuracy,
        ):
            curve.setData([], [])
        self._y_range.reset()
        self._x_end = None
        self._last = None
        self._show_hint(network is not None)
        # no network for these data (data to fix, or changed after training): no axes whose
        # range is the previous network's losses
        self.no_network.setVisible(network is None)
        self.plot.setVisible(network is not None)
        self.legend.setVisible(network is not None)
        self._draw_dots(False)
        classification = network is not None and network.head.is_classification
        self.accuracy_plot.setVisible(classification)
        # the loss is named in the caption, which wraps: as the axis title it was cut short
        # in a small dock and in presentation mode
        loss = translate("Heads", network.head.loss_name) if network is not None else ""
        self.caption.setToolTip(self.tr("The loss: {loss}.").format(loss=loss) if loss else "")
        if classification:  # two plots share the dock: a one-line caption leaves them room
            self.caption.setText(self.tr("<b>Loss</b> and <b>accuracy</b> per epoch"))
        elif loss:
            self.caption.setText(self.tr("<b>Loss</b> per epoch: {loss}").format(loss=loss))
        else:
            self.caption.setText(self.tr("<b>Loss</b> per epoch"))

    def show_snapshot(self, snapshot):
        self._last = snapshot
        h = snapshot.history
        epochs = h["epoch"]
        log = self.log_y.isChecked()
        lows, highs = [], []
        for curve, column in (
            (self.train_curve, "train_loss"),
            (self.test_curve, "test_loss"),
            (self.val_curve, "val_loss"),
        ):
            x, y = finite_xy(epochs, h[column])
            if log:
                x, y = x[y > 0], y[y > 0]
            curve.setData(x, y)
            if len(y):
                shown = np.log10(y) if log else y
                lows.append(float(shown.min()))
                highs.append(float(shown.max()))
        has_val = bool(np.isfinite(h["val_loss"]).any())
        if has_val != self._val_shown:
            self.val_curve.setVisible(has_val)
            self._val_shown = has_val
            self._write_legend()
        last = int(epochs[-1]) if len(epochs) else 0
        x_end = x_end_for(last, int(snapshot.total_epochs), self._x_end)
        if x_end is not None:
            self._x_end = x_end
            self.plot.setXRange(0, x_end, padding=0.02)
            self.accuracy_plot.setXRange(0, x_end, padding=0.02)
        if self.accuracy_plot.isVisible():
            for curve, column in ((self.train_accuracy, "train_metric"),
                                  (self.test_accuracy, "test_metric")):  # fmt: skip
                curve.setData(*finite_xy(epochs, h[column]))
        first = len(epochs) < 2  # the curves are one point each (the epoch-0 losses)
        self._show_hint(first)
        self._draw_dots(first)
        if lows:
            lo, hi = min(lows), max(highs)
            if first:  # a range around the point, not the thousandths between train and test
                if log:
                    lo, hi = lo - FIRST_POINT_DECADES / 2, hi + FIRST_POINT_DECADES / 2
                else:
                    lo, hi = min(lo, 0.0), 2 * hi if hi > 0 else 1.0
            new = self._y_range.update(lo, hi)
            if new is not None:
                self.plot.setYRange(*new, padding=0)

    def has_content(self):
        return self.train_curve.xData is not None and len(self.train_curve.xData) > 1
