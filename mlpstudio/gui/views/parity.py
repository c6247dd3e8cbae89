"""Predictions for a table (a CSV file) that has no input domain to draw over.

Regression: the parity plot, predicted against true value for every test row, with the line
y = x where a perfect network would put every point. Classification: true class against
predicted class (jittered a little so that rows of the same pair stay visible); points on the
diagonal are right. Values are shown in the file's units (times ``Dataset.y_divisor``). In the
data panel's preview (no network) it shows the target of every row, train and test. The
prediction view delegates here when its dataset has no domain.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from .. import style
from ..style import Style
from .classes import class_results, label_names
from .text_legend import DOT, RING

JITTER = 0.15  # classification: spread of the points around each (true, predicted) pair


def reset(view) -> None:
    """Undo what :func:`layout` set on the shared plot (before another kind of data)."""
    view.plot.getAxis("bottom").setTicks(None)
    view.plot.getAxis("left").setTicks(None)
    view.plot.setAspectLocked(False)


def layout(view, ds) -> None:
    """Set up ``view.plot`` (a PredictionView's) for the table ``ds``."""
    plot = view.plot
    s = Style.instance()
    if not view.show_network:
        _layout_rows(view, ds)
        return
    if ds.task == "classification":
        n = len(ds.class_names)
        plot.setLabel("bottom", QCoreApplication.translate("ParityPlot", "true class"))
        plot.setLabel("left", QCoreApplication.translate("ParityPlot", "predicted class"))
        ticks = [list(enumerate(label_names(ds)))]
        plot.getAxis("bottom").setTicks(ticks)
        plot.getAxis("left").setTicks(ticks)
        plot.setRange(xRange=(-0.5, n - 0.5), yRange=(-0.5, n - 0.5), padding=0.02)
        line = np.array([-0.5, n - 0.5])
    else:
        plot.setLabel("bottom", QCoreApplication.translate("ParityPlot", "true value"))
        plot.setLabel("left", QCoreApplication.translate("ParityPlot", "predicted"))  # short:
        # the plot shares its dock with the partial-dependence curves
        values = np.concatenate([ds.y_train[:, 0], ds.y_test[:, 0]]) * ds.y_divisor
        lo, hi = float(values.min()), float(values.max())
        if hi <= lo:
            lo, hi = lo - 1.0, hi + 1.0
        plot.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0.05)
        line = np.array([lo, hi])
    view.target_curve.setData(line, line)
    view.target_curve.setVisible(True)
    view.target_curve.setPen(s.pen(style.TARGET, style=pg.QtCore.Qt.PenStyle.DashLine))
    view.test_predictions.setData([], [])
    view.test_predictions.setSymbol("o")
    view.test_predictions.setPen(pg.mkPen(style.PREDICTION, width=1))
    view.test_predictions.setBrush(pg.mkBrush(style.PREDICTION))
    view.test_predictions.setSize(s.marker_size * 0.8)
    plot.addItem(view.target_curve)
    view.legend.add(
        style.TARGET, QCoreApplication.translate("ParityPlot", "perfect prediction"), dashed=True
    )
    if view.show_network:
        if ds.task != "classification":  # regression: train rows (a sample) beside the test rows
            view.train_points.setData([], [], pen=None, brush=pg.mkBrush(style.TRAIN),
                                      size=s.marker_size * 0.6, symbol="o")  # fmt: skip
            plot.addItem(view.train_points)
            view.legend.add(
                style.TRAIN, QCoreApplication.translate("ParityPlot", "train rows"), mark=DOT
            )
        plot.addItem(view.test_predictions)
        view.legend.add(
            style.PREDICTION, QCoreApplication.translate("ParityPlot", "test rows"), mark=DOT
        )


def show(view, ds, test_output: np.ndarray | None, plot_output: np.ndarray | None) -> bool:
    """Draw the network's test predictions, and for regression its predictions on the train
    rows that end ``plot_output`` (``Dataset.parity_train_inputs``); False when there is
    nothing to draw yet."""
    if test_output is None or len(test_output) != len(ds.y_test):
        return False
    if ds.task == "classification":
        results = class_results(ds, test_output)
        rng = np.random.default_rng(0)  # the same jitter every frame: points do not dance
        dx = rng.uniform(-JITTER, JITTER, len(results.true))
        dy = rng.uniform(-JITTER, JITTER, len(results.true))
        view.test_predictions.setData(results.true + dx, results.predicted + dy)
        return True
    true, predicted = ds.y_test[:, 0] * ds.y_divisor, test_output[:, 0] * ds.y_divisor
    keep = np.isfinite(predicted)
    view.test_predictions.setData(true[keep], predicted[keep])
    partial_rows, n_train = ds.table_plot_rows()
    if plot_output is not None and len(plot_output) == partial_rows + n_train and n_train:
        true = ds.y_train[:n_train, 0] * ds.y_divisor
        predicted = plot_output[-n_train:, 0] * ds.y_divisor
        keep = np.isfinite(predicted)
        view.train_points.setData(true[keep], predicted[keep])
    return True


def _layout_rows(view, ds) -> None:
    """The data alone: the target of every row (train dots, test circles) by row number."""
    plot, s = view.plot, Style.instance()
    n_train = len(ds.y_train)
    if ds.task == "classification":
        y_train, y_test = ds.y_train.astype(float), ds.y_test.astype(float)
        plot.getAxis("left").setTicks([list(enumerate(label_names(ds)))])
    else:
        y_train, y_test = ds.y_train[:, 0] * ds.y_divisor, ds.y_test[:, 0] * ds.y_divisor
    plot.setLabel("bottom", QCoreApplication.translate("ParityPlot", "row (train, then test)"))
    plot.setLabel("left", QCoreApplication.translate("ParityPlot", "target"))
    view.train_points.setData(np.arange(n_train), y_train, pen=None,
                              brush=pg.mkBrush(style.TRAIN), size=s.marker_size * 0.6,
                              symbol="o")  # fmt: skip
    view.test_points.setData(np.arange(n_train, n_train + len(y_test)), y_test,
                             pen=pg.mkPen(style.TEST, width=1), brush=None,
                             size=s.marker_size * 0.8, symbol="o")  # fmt: skip
    plot.addItem(view.train_points)
    plot.addItem(view.test_points)
    view.legend.add(style.TRAIN, QCoreApplication.translate("ParityPlot", "train"), mark=DOT)
    view.legend.add(style.TEST, QCoreApplication.translate("ParityPlot", "test"), mark=RING)
    values = np.concatenate([y_train, y_test])
    lo, hi = float(values.min()), float(values.max())
    plot.setRange(xRange=(0, len(values)), yRange=(lo, hi if hi > lo else lo + 1), padding=0.05)
