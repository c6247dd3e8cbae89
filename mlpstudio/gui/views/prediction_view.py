"""The network's predictions against the data.

1-D: the target curve, the training points (blue dots), the test points (green circles), the
network's curve and its predictions at the test points (red crosses), as on the course slides.
2-D: the network's output over the input square as an image (the predicted surface, or the
probability of class 1), with the points on top coloured by their value or class.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from .. import style
from ..style import LocaleAxis, RangeKeeper, Style, plot_widget, prepare_plot
from . import parity, partial, regions
from .base import View, placeholder_label
from .text_legend import CROSS, DOT, RING, TextLegend

GRID_1D = 400


class PredictionView(View):
    export_name = "predictions"
    draws_outputs = True

    def __init__(self, parent=None, show_network: bool = True):
        """``show_network=False`` draws only the data (the data panel's preview)."""
        super().__init__(parent)
        self.show_network = show_network
        self.caption.setText(self.tr("<b>Predictions</b> against the data"))
        self.plot = plot_widget()
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        # a line above the plot: inside it, the legend hid the data in a small dock and in
        # presentation mode, or was cut at the plot's edge
        self.legend = TextLegend()
        prepare_plot(self.plot)
        self.plot.disableAutoRange()  # ranges follow the data, see _layout_1d and RangeKeeper
        self._y_range = RangeKeeper(margin=0.05)
        self.body.addWidget(self.legend)
        self.body.addWidget(self.plot)
        self.no_data = placeholder_label()
        self.no_data.setText(
            self.tr("No data to show: see the message in the Data panel.")
            if show_network
            else self.tr("No data to preview: see the message above.")  # (in the Data panel)
        )
        self.body.addWidget(self.no_data, 1)
        self.target_curve = pg.PlotDataItem()
        self.train_points = pg.ScatterPlotItem()
        self.test_points = pg.ScatterPlotItem()
        self.net_curve = pg.PlotDataItem()
        self.test_predictions = pg.ScatterPlotItem()
        self.image = pg.ImageItem()
        self.colorbar = None
        self._mode = None
        self._has_prediction = False
        self.probe = None  # the window's PlotProbe (views/probe.py), when it installs one

    # -- layout per kind of data -------------------------------------------------------------
    def set_dataset(self, dataset):
        super().set_dataset(dataset)
        self.plot.clear()
        self.legend.clear()
        if self.colorbar is not None:
            self.plot.getPlotItem().layout.removeItem(self.colorbar)
            self.colorbar.setParentItem(None)
            self.colorbar = None
        self._has_prediction = False
        parity.reset(self)
        partial.reset(self)
        # without data (a formula to fix, an image set not on this computer) the plot's axes
        # would be the previous data's: a line says why there is nothing instead
        self.no_data.setVisible(dataset is None)
        self.plot.setVisible(dataset is not None)
        if dataset is None or dataset.is_image:
            self._mode = None
            return
        if not dataset.domain or partial.wanted(dataset):  # a table, or 3-4 inputs: parity.py
            self._mode = "table"
            parity.layout(self, dataset)
            if partial.wanted(dataset) and self.show_network:
                partial.layout(self, dataset)
            return
        if dataset.n_inputs == 1:
            self._mode = "1d"
            self._layout_1d(dataset)
        else:
            self._mode = "2d"
            self._layout_2d(dataset)
        self.restyle()

    def _layout_1d(self, ds):
        self.plot.setAspectLocked(False)  # a 2-D set before it locked x and y together
        self.plot.setLabel("bottom", "x")
        self.plot.setLabel("left", "y")
        ((lo, hi),) = ds.domain
        xs = np.linspace(lo, hi, GRID_1D)
        items = [self.target_curve, self.train_points, self.test_points]
        self.legend.add(style.TARGET, self.tr("target"), dashed=True)
        self.legend.add(style.TRAIN, self.tr("train"), mark=DOT)
        self.legend.add(style.TEST, self.tr("test"), mark=RING)
        if self.show_network:
            items += [self.net_curve, self.test_predictions]
            self.legend.add(style.PREDICTION, self.tr("network"))
            self.legend.add(style.PREDICTION, self.tr("predictions (test)"), mark=CROSS)
        for item in items:
            self.plot.addItem(item)
        target = ds.target(xs)
        self.target_curve.setData(xs, target)
        self.plot.setXRange(lo, hi, padding=0.02)
        self._fit_y_to_data()
        self.train_points.setData(ds.x_train[:, 0], ds.y_train[:, 0])
        self.test_points.setData(ds.x_test[:, 0], ds.y_test[:, 0])
        self.net_curve.setData([], [])
        self.test_predictions.setData([], [])

    def _fit_y_to_data(self) -> None:
        """The y-range of the data alone (the network's curve may grow it, per run)."""
        ds = self.dataset
        ((lo, hi),) = ds.domain
        target = ds.target(np.linspace(lo, hi, GRID_1D))
        values = np.concatenate([target, ds.y_train[:, 0], ds.y_test[:, 0]])
        values = values[np.isfinite(values)]
        self._y_range.reset()
        if len(values):
            self.plot.setYRange(
                *self._y_range.update(float(values.min()), float(values.max())), padding=0
            )

    def clear(self):
        """A new network or experiment: drop the old network's drawing, and the y-range it
        grew, so that the range fits the data again."""
        self._has_prediction = False
        if self._mode == "1d":
            self.net_curve.setData([], [])
            self.test_predictions.setData([], [])
            self._fit_y_to_data()
        elif self._mode == "2d":
            self.image.clear()

    def _layout_2d(self, ds):
        self.plot.setLabel("bottom", "x1")
        self.plot.setLabel("left", "x2")
        self.plot.setAspectLocked(True)
        (lo1, hi1), (lo2, hi2) = ds.domain
        classification = ds.task == "classification"
        if self.show_network:
            self.plot.addItem(self.image)
            if not regions.many_classes(ds):  # many classes: a colour per class, no scale
                self._add_colorbar(classification)
            else:
                self.image.setLookupTable(None)
                self.image.setOpacity(0.6)
        for item in (self.train_points, self.test_points):
            self.plot.addItem(item)
        # the points take their class's colour: the legend tells train from test by the mark
        self.legend.add(style.TARGET, self.tr("train"), mark=DOT)
        self.legend.add(style.TARGET, self.tr("test"), mark=RING)
        self.plot.setRange(xRange=(lo1, hi1), yRange=(lo2, hi2), padding=0.02)
        self._points_2d()

    def _add_colorbar(self, classification: bool) -> None:
        cmap = pg.colormap.get("CET-D1" if classification else "viridis")
        self.image.setColorMap(cmap)
        self.image.setOpacity(0.6)  # lighter regions, so the points on them stay visible
        self.image.setImage(np.full((2, 2), 0.5), levels=(0, 1))
        (lo1, hi1), (lo2, hi2) = self.dataset.domain
        self.image.setRect(QRectF(lo1, lo2, hi1 - lo1, hi2 - lo2))
        self.colorbar = pg.ColorBarItem(
            values=(0, 1),
            colorMap=cmap,
            interactive=False,
            width=12,
            label=self.tr("P(class 1)") if classification else self.tr("network output"),
        )
        # the colour bar's numbers in the interface's language, like every other axis
        self.colorbar.axis.tickStrings = LocaleAxis.tickStrings.__get__(self.colorbar.axis)
        Style.instance().register_plot(self.colorbar)  # its label grows in presentation mode
        half_line = self.fontMetrics().height() / 2  # room for the end labels 0 and 1
        left, _, right, _ = self.colorbar.layout.getContentsMargins()
        self.colorbar.layout.setContentsMargins(left, half_line, right, half_line)
        self.colorbar.setImageItem(self.image, insert_in=self.plot.getPlotItem())

    def _points_2d(self):
        ds = self.dataset
        s = Style.instance()
        if ds.task == "classification":
            brushes = [pg.mkBrush(style.CLASS_COLORS[int(c) % 10]) for c in ds.y_train]
            pens = [pg.mkPen(style.CLASS_COLORS[int(c) % 10], width=2) for c in ds.y_test]
        else:
            values = np.concatenate([ds.y_train[:, 0], ds.y_test[:, 0]])
            cmap = pg.colormap.get("viridis")
            lo, hi = float(values.min()), float(values.max())
            scale = (lambda v: (v - lo) / (hi - lo)) if hi > lo else (lambda v: v * 0 + 0.5)
            brushes = [pg.mkBrush(cmap.map(scale(v), mode="qcolor")) for v in ds.y_train[:, 0]]
            pens = [pg.mkPen(cmap.map(scale(v), mode="qcolor"), width=2) for v in ds.y_test[:, 0]]
        self.train_points.setData(
            ds.x_train[:, 0],
            ds.x_train[:, 1],
            brush=brushes,
            pen=pg.mkPen((30, 30, 30), width=1),
            size=s.marker_size * 0.8,
            symbol="o",
        )
        self.test_points.setData(
            ds.x_test[:, 0],
            ds.x_test[:, 1],
            brush=None,
            pen=pens,
            size=s.marker_size * 1.1,
            symbol="o",
        )

    def restyle(self):
        s = Style.instance()
        if self._mode == "1d":
            self.target_curve.setPen(s.pen(style.TARGET, style=pg.QtCore.Qt.PenStyle.DashLine))
            self.train_points.setPen(None)
            self.train_points.setBrush(pg.mkBrush(style.TRAIN))
            self.train_points.setSize(s.marker_size * 0.7)
            self.test_points.setSymbol("o")
            self.test_points.setBrush(None)
            self.test_points.setPen(pg.mkPen(style.TEST, width=s.line_width))
            self.test_points.setSize(s.marker_size * 1.4)
            self.net_curve.setPen(s.pen(style.PREDICTION))
            self.test_predictions.setSymbol("x")
            self.test_predictions.setPen(None)
            self.test_predictions.setBrush(pg.mkBrush(style.PREDICTION))
            self.test_predictions.setSize(s.marker_size * 1.5)
        elif self._mode == "2d":
            self._points_2d()

    # -- live --------------------------------------------------------------------------------
    def show_snapshot(self, snapshot):
        ds = self.dataset
        if self._mode == "table" and self.show_network:
            self._has_prediction = parity.show(self, ds, snapshot.test_output, snapshot.plot_output)
            partial.show(self, ds, snapshot.plot_output)
            return
        if ds is None or self._mode is None or snapshot.plot_output is None:
            return
        if not self.show_network:
            return
        if self._mode == "1d":
            ((lo, hi),) = ds.domain
            xs = np.linspace(lo, hi, len(snapshot.plot_output))
            curve = snapshot.plot_output[:, 0]
            keep = np.isfinite(curve)
            self.net_curve.setData(xs[keep], curve[keep])
            if self.probe is not None:  # a probed point's star stays on the curve
                self.probe.follow_curve(xs[keep], curve[keep])
            if keep.any():
                lo, hi = self._y_range.range
                c_lo, c_hi = float(curve[keep].min()), float(curve[keep].max())
                if c_lo < lo or c_hi > hi:  # grow to show the network, never shrink below data
                    new = self._y_range.update(min(lo, c_lo), max(hi, c_hi))
                    if new is not None:
                        self.plot.setYRange(*new, padding=0)
            if snapshot.test_output is not None:
                pred = snapshot.test_output[:, 0]
                keep = np.isfinite(pred)
                self.test_predictions.setData(ds.x_test[keep, 0], pred[keep])
        else:
            side = int(round(np.sqrt(len(snapshot.plot_output))))
            grid = snapshot.plot_output[:, 0].reshape(side, side)
            if regions.many_classes(ds):  # one colour per class, paler where unsure
                self.image.setImage(regions.class_regions(snapshot.plot_output, side), levels=None)
            elif ds.task == "classification":
                self.image.setImage(np.nan_to_num(grid), levels=(0.0, 1.0), autoLevels=False)
            else:
                finite = grid[np.isfinite(grid)]
                lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0, 1)
                levels = (lo, hi if hi > lo else lo + 1)
                self.colorbar.setLevels(levels)
                self.image.setImage(np.nan_to_num(grid), levels=levels, autoLevels=False)
            # setRect maps the current image's pixels: it must follow setImage.
            (lo1, hi1), (lo2, hi2) = ds.domain
            self.image.setRect(QRectF(lo1, lo2, hi1 - lo1, hi2 - lo2))
        self._has_prediction = True

    def has_content(self):
        return self._has_prediction

    def plot_widget(self):
        return self  # the body: the plot with its legend line above it
