"""Train and test error against the parameter count: the course's closing plot.

Both axes are logarithmic, so under- and over-fitting show side by side: the Compare window
plots one pair of points per architecture, the class board one pair per submitted result.
Both use :class:`ErrorPlot`, so the axes, the markers, the floor under a zero error and the
names beside the points are set up in one place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from . import style
from .style import Style, add_legend, plot_axes, prepare_plot

#: A zero error (a perfect fit) is drawn at this height: a log axis has no zero.
FLOOR = 1e-12
#: Two names closer than this (decades of parameters, decades of error) would overlap.
NEAR = (0.4, 0.3)


class ErrorPlot(pg.PlotWidget):
    """A plot widget with a train and a test scatter on log axes; :meth:`show_errors` fills it."""

    def __init__(self, parent=None):
        super().__init__(parent, axisItems=plot_axes())
        self.setLogMode(x=True, y=True)
        self.setLabel("bottom", QCoreApplication.translate("ErrorPlot", "parameters (log scale)"))
        self.setLabel("left", QCoreApplication.translate("ErrorPlot", "error"))
        self.showGrid(x=True, y=True, alpha=0.2)
        for axis in ("left", "bottom"):
            self.getAxis(axis).enableAutoSIPrefix(False)
        prepare_plot(self)
        # bottom left at first: small nets have large errors and large nets overfit (the
        # test error rises at the right); show_errors moves it to a corner the points leave
        self.legend = add_legend(self, offset=(10, -10))
        # points, not lines: neighbours in parameter count may differ in depth and width
        size = Style.instance().marker_size * 1.4
        self.train_points = self.plot(
            name=QCoreApplication.translate("ErrorPlot", "train error"), pen=None, symbol="o",
            symbolSize=size, symbolBrush=style.TRAIN, symbolPen=None,
        )  # fmt: skip
        self.test_points = self.plot(
            name=QCoreApplication.translate("ErrorPlot", "test error"), pen=None, symbol="s",
            symbolSize=size, symbolBrush=style.TEST, symbolPen=None,
        )  # fmt: skip
        self.names: list[pg.TextItem] = []

    def _place_legend(self, lx: np.ndarray, ly: np.ndarray) -> None:
        box = _LEGEND_BOX
        view = self.getViewBox().sceneBoundingRect()
        size = self.legend.boundingRect()
        if view.width() > 0 and view.height() > 0 and size.width() > 0:  # laid out: measure
            box = (
                min(1.0, (size.width() + 15) / view.width()),
                min(1.0, (size.height() + 15) / view.height()),
            )
        item_anchor, parent_anchor, offset = _CORNERS[_free_corner(lx, ly, box)]
        self.legend.anchor(item_anchor, parent_anchor, offset)

    def show_errors(
        self,
        params: Sequence[float],
        train: Sequence[float],
        test: Sequence[float],
        *,
        classes: bool,
        names: Sequence[str | None] = (),
    ) -> None:
        """One train and one test point per entry at its parameter count; ``classes``: the
        errors are 1 - accuracy, else MSE (the vertical axis says which). ``names[i]``, when
        given and not None, is written above entry i's test point."""
        for item in self.names:
            self.removeItem(item)
        self.names = []
        self.setLabel(
            "left",
            QCoreApplication.translate("ErrorPlot", "error (1 - accuracy, log scale)")
            if classes
            else QCoreApplication.translate("ErrorPlot", "error (MSE, log scale)"),
        )
        if len(params) == 0:
            self.train_points.setData([], [])
            self.test_points.setData([], [])
            return
        x = np.maximum(np.asarray(params, dtype=float), 1.0)
        train = np.maximum(np.asarray(train, dtype=float), FLOOR)  # NaN stays NaN: not drawn
        test = np.maximum(np.asarray(test, dtype=float), FLOOR)
        self.train_points.setData(x, train)
        self.test_points.setData(x, test)
        # the ticks are the axes' own (LocaleAxis, as on every log plot of the app): decades,
        # 1-2-5 within less than two decades, evenly spaced values within a fraction of one,
        # as many as fit without overlapping (decades only, set by hand, left an error axis
        # from 0.34 to 0.36 without a single label)
        errors = np.concatenate([train, test])
        errors = errors[np.isfinite(errors)]
        self._place_legend(
            np.log10(np.concatenate([x, x])), np.log10(np.concatenate([train, test]))
        )
        highest = np.log10(errors) if errors.size else np.zeros(1)
        top, span = float(highest.max()), float(np.ptp(highest)) or 1.0
        left, width = float(np.log10(x.min())), float(np.ptp(np.log10(x))) or 1.0
        above: list[tuple[float, float]] = []  # where names already sit above their point
        for name, px, py in zip(names, x, test):
            if name is None or not math.isfinite(py):
                continue
            lx, ly = math.log10(px), math.log10(py)
            # a name next to one already written above its point goes below its own
            crowded = any(abs(lx - ax) < NEAR[0] and abs(ly - ay) < NEAR[1] for ax, ay in above)
            crowded = crowded or ly > top - 0.1 * span  # above the highest: cut by the frame
            # a name at either end of the axis leans inwards rather than past the frame
            side = (lx - left) / width
            ax = 0.9 if side > 0.9 else 0.1 if side < 0.1 else 0.5
            item = pg.TextItem(name, anchor=(ax, -0.2 if crowded else 1.2), color=(60, 60, 60))
            item.setPos(lx, ly)
            if not crowded:
                above.append((lx, ly))
            self.addItem(item)
            self.names.append(item)


#: Where the legend may go, in order of preference: (item anchor, parent anchor, offset).
_CORNERS = (
    ((0, 1), (0, 1), (10, -10)),  # bottom left
    ((0, 0), (0, 0), (10, 10)),  # top left
    ((1, 1), (1, 1), (-10, -10)),  # bottom right
    ((1, 0), (1, 0), (-10, 10)),  # top right
)
#: The share of the plot's width and height a legend covers from its corner (about).
_LEGEND_BOX = (0.45, 0.35)


def _free_corner(lx: np.ndarray, ly: np.ndarray, box: tuple[float, float] = _LEGEND_BOX) -> int:
    """The first corner of :data:`_CORNERS` with no point under the legend (the one with
    the fewest points if none is free); ``lx`` and ``ly``: the points' log10 positions;
    ``box``: the legend's share of the plot's width and height."""
    keep = np.isfinite(lx) & np.isfinite(ly)
    lx, ly = lx[keep], ly[keep]
    if not lx.size:
        return 0
    fx = (lx - lx.min()) / (np.ptp(lx) or 1.0)
    fy = (ly - ly.min()) / (np.ptp(ly) or 1.0)  # 0: bottom
    counts = []
    for (ax, ay), _, _ in _CORNERS:
        near_x = fx <= box[0] if ax == 0 else fx >= 1 - box[0]
        near_y = fy <= box[1] if ay == 1 else fy >= 1 - box[1]
        counts.append(int(np.sum(near_x & near_y)))
    return counts.index(min(counts))
