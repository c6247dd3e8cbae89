"""Colours, pens and the presentation mode shared by every view.

The course slides draw training points as blue dots, test points as green circles and the
network's predictions as red crosses; the views keep those colours everywhere (loss curves
too: train blue, test green). Presentation mode (for projectors) enlarges fonts and thickens
lines; views listen to :attr:`Style.changed` and rebuild their pens.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

from .. import colours

TRAIN = QColor(colours.TRAIN)  # blue
TEST = QColor(colours.TEST)  # green
PREDICTION = QColor(colours.PREDICTION)  # red
TARGET = QColor(colours.TARGET)  # grey
VALIDATION = QColor(colours.VALIDATION)  # orange
CLASS_COLORS = [
    QColor(c)
    for c in (
        "#1f77b4",
        "#d62728",
        "#2ca02c",
        "#ff7f0e",
        "#9467bd",
        "#8c564b",
        "#e377c2",
        "#7f7f7f",
        "#bcbd22",
        "#17becf",
    )
]
DIVERGING = "CET-D1"  # blue - white - red, for weights (levels symmetric around 0)


def configure_pyqtgraph() -> None:
    """White background and black axes, like the course slides. Antialiasing is off: with it,
    Qt's raster engine takes several times longer per curve, and redraws compete with training
    for the interpreter."""
    pg.setConfigOptions(antialias=False, background="w", foreground="k", imageAxisOrder="row-major")


def prepare_plot(plot) -> None:
    """What every plot of the app needs from pyqtgraph.

    * Axes and grid render into cached pixmaps, redrawn only when the range changes: pyqtgraph
      replays their drawing on every repaint, which costs more than the data itself.
    * pyqtgraph's own right-click menus and auto-range button are off: they are English-only
      and full of options a student does not need; each view has its own Export button.
    """
    from PySide6.QtWidgets import QGraphicsItem

    for name in ("left", "bottom", "right", "top"):
        plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot
    item.setMenuEnabled(False)
    item.hideButtons()


class RangeKeeper:
    """Keeps a plot axis still while the data moves inside it.

    Auto-ranging every frame makes pyqtgraph rebuild the axis (ticks, labels, grid) on every
    redraw, which costs more than drawing the data. The range only changes when the data leaves
    it, or shrinks to less than a third of it, and then with a margin, so it rarely changes.
    """

    def __init__(self, margin: float = 0.08):
        self.margin = margin
        self.range: tuple[float, float] | None = None

    def update(self, lo: float, hi: float) -> tuple[float, float] | None:
        """The new range if it must change for data spanning [lo, hi], else None."""
        if not (lo == lo and hi == hi):  # NaN
            return None
        span = max(hi - lo, 1e-12)
        if self.range is not None:
            r_lo, r_hi = self.range
            inside = r_lo <= lo and hi <= r_hi
            if inside and span >= (r_hi - r_lo) / 3:
                return None
        pad = span * self.margin
        self.range = (lo - pad, hi + pad)
        return self.range

    def reset(self) -> None:
        self.range = None


def number(value: float, decimals: int = 0) -> str:
    """A number written as the interface's language writes it (2,701 in English, 2.701 in
    Spanish)."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    if decimals == 0:
        return locale.toString(int(round(value)))
    return locale.toString(float(value), "f", decimals)


class Style(QObject):
    """The app-wide visual scale: normal, or presentation mode for projectors."""

    changed = Signal()
    _instance: Style | None = None

    def __init__(self):
        super().__init__()
        self.presentation = False
        self._base_point_size: float | None = None

    @classmethod
    def instance(cls) -> Style:
        if cls._instance is None:
            cls._instance = Style()
        return cls._instance

    @property
    def line_width(self) -> float:
        return 3.0 if self.presentation else 1.0

    @property
    def marker_size(self) -> float:
        return 11.0 if self.presentation else 7.0

    def pen(self, color: QColor, width: float | None = None, style=None) -> pg.mkPen:
        kwargs = {"color": color, "width": self.line_width if width is None else width}
        if style is not None:
            kwargs["style"] = style
        return pg.mkPen(**kwargs)

    def set_presentation(self, on: bool) -> None:
        if on == self.presentation:
            return
        self.presentation = on
        app = QApplication.instance()
        if app is not None:
            font = QFont(app.font())
            if self._base_point_size is None:
                self._base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
            font.setPointSizeF(self._base_point_size * (1.6 if on else 1.0))
            app.setFont(font)
        self.changed.emit()
