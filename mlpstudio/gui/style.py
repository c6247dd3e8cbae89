"""Colours, pens and the presentation mode shared by every view.

The course slides draw training points as blue dots, test points as green circles and the
network's predictions as red crosses; the views keep those colours everywhere (loss curves
too: train blue, test green). Presentation mode (for projectors) enlarges fonts and thickens
lines; views listen to :attr:`Style.changed` and rebuild their pens.
"""

from __future__ import annotations

import math
import weakref

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF
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


#: How much larger presentation mode makes the interface's font.
PRESENTATION_SCALE = 1.6


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
    * Tick labels, axis titles and the legend follow the interface's font size, so that
      presentation mode enlarges them too (see :meth:`Style.register_plot`); a horizontal
      axis leaves room at its right end for the last tick label.
    """
    from PySide6.QtWidgets import QGraphicsItem

    for name in ("left", "bottom", "right", "top"):
        plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot
    item.setMenuEnabled(False)
    item.hideButtons()
    Style.instance().register_plot(item)


def plot_axes() -> dict:
    """Axis items for a new plot: tick labels in the interface's language, never overlapping."""
    return {name: LocaleAxis(name) for name in ("left", "bottom")}


def plot_widget(**kwargs) -> pg.PlotWidget:
    """A ``pg.PlotWidget`` with the app's axes (:class:`LocaleAxis`), built without pyqtgraph's
    right-click menus (:func:`prepare_plot` turns them off anyway; building a dozen of them
    cost about a twentieth of the app's start)."""
    kwargs.setdefault("enableMenu", False)
    return pg.PlotWidget(axisItems=plot_axes(), **kwargs)


def add_legend(plot, **kwargs):
    """A legend whose entries follow the interface's font size (presentation mode too)."""
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot
    legend = item.addLegend(labelTextSize=f"{font_points():.1f}pt", **kwargs)
    return legend


def font_points() -> float:
    """The interface's font size in points (1.6 times larger in presentation mode)."""
    app = QApplication.instance()
    size = app.font().pointSizeF() if app is not None else -1.0
    return size if size > 0 else 9.0


def significant(value: float, digits: int = 3) -> str:
    """``value`` with ``digits`` significant digits (0.0012 / 0,0012): :func:`number`."""
    return number(value, significant=digits)


def percent(share: float, decimals: int = 0) -> str:
    """A share (0.38) as a percentage (38% / 38 %): :func:`number`."""
    return number(share, decimals, percent=True)


def tick_label(value: float, step: float) -> str:
    """A linear-axis tick label for ticks ``step`` apart, in the interface's language."""
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= 1e6 or magnitude < 1e-4 or step < 1e-4 and magnitude < 1:
        return significant(value, 2 if abs(step / value) > 0.05 else 4)
    decimals = max(0, int(math.ceil(-math.log10(step) - 1e-9))) if step > 0 else 0
    return number(value, decimals) if decimals else number(value)


def power_labels(exponents) -> list[str]:
    """Log-axis tick labels (see :func:`power_label`) with as many significant digits as it
    takes for neighbours to differ: a narrow range reads 0.255, 0.26, 0.265, not 0.26 twice."""
    for digits in range(2, 7):
        labels = [power_label(e, digits) for e in exponents]
        if all(a != b for a, b in zip(labels, labels[1:])):
            return labels
    return labels


def power_label(exponent: float, digits: int = 2) -> str:
    """A log-axis tick label for 10**exponent: 0.01, 1, 100 or 10⁻⁵ for small and large;
    between decades, ``digits`` significant digits."""
    value = 10.0**exponent
    rounded = round(exponent)
    if abs(exponent - rounded) < 1e-9 and (rounded < -3 or rounded > 4):
        powers = str(int(rounded)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
        return "10" + powers
    if abs(exponent - rounded) >= 1e-9:
        magnitude = math.floor(exponent + 1e-9)
        if digits - 1 <= magnitude <= 4:  # 200, 2500: whole numbers, not 2e+02 (as decades)
            return number(round(value, digits - 1 - magnitude))
        return significant(value, digits)
    decimals = max(0, int(math.ceil(-math.floor(exponent + 1e-9))))
    return number(value, decimals) if decimals else number(value)


def _nice_step(raw: float) -> float:
    """The smallest of 1, 2, 5 times a power of ten that is at least ``raw``."""
    if not raw > 0 or not math.isfinite(raw):
        return 1.0
    base = 10.0 ** math.floor(math.log10(raw))
    for k in (1.0, 2.0, 5.0, 10.0):
        if k * base >= raw * (1 - 1e-9):
            return k * base
    return 10.0 * base


class LocaleAxis(pg.AxisItem):
    """An axis whose tick labels are written in the interface's language (decimal comma in
    Spanish) and spaced so that they never overlap, at any font size.

    Ticks are chosen from the font's real label sizes: on a horizontal axis each label's width
    plus a gap must fit between two ticks, on a vertical one its height. In log mode labels go
    on decades (or 1-2-5 within less than two decades); the other decade steps are unlabelled
    minor ticks. The last label of a horizontal axis may reach half its width past the end, for
    which :func:`prepare_plot` leaves room.
    """

    GAP_EM = 1.2  # gap between two labels, in widths of "0"

    def __init__(self, orientation, **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)
        self.setStyle(maxTextLevel=0)

    def boundingRect(self):  # noqa: N802 (Qt's name)
        """pyqtgraph ignores ``hideOverlappingLabels`` on an axis with a grid; the end labels
        of a horizontal axis may still reach that far past its ends (into the room left)."""
        rect = super().boundingRect()
        room = self.style.get("hideOverlappingLabels")
        if self.grid is not False and self.orientation in ("bottom", "top"):
            if not isinstance(room, bool) and isinstance(room, int):
                rect = rect.adjusted(-room, 0, room, 0)
        return rect

    def labelString(self) -> str:  # noqa: N802 (pyqtgraph's name)
        """The axis title, elided to the axis's length (the full title is its tooltip), so a
        long title such as "loss (binary cross-entropy)" is never cut off by the widget."""
        from html import escape

        from PySide6.QtCore import Qt

        text = self.labelText
        length = self.height() if self.orientation in ("left", "right") else self.width()
        if text and "<" not in text and length > 0:
            size = self.labelStyle.get("font-size", "")
            font = QFont(QApplication.font())
            if size.endswith("pt"):
                font.setPointSizeF(float(size[:-2]))
            elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, length - 4)
            if self.label is not None:
                self.label.setToolTip(text if elided != text else "")
            text = escape(elided)
        style = ";".join(f"{k}: {v}" for k, v in self.labelStyle.items())
        return f"<span style='{style}'>{text}</span>"

    def resizeEvent(self, ev=None):  # noqa: N802 (Qt's name)
        if self.label is not None and self.labelText:
            html = self.labelString()
            if html != getattr(self, "_label_html", None):
                self._label_html = html
                self.label.setHtml(html)
        super().resizeEvent(ev)

    def _metrics(self) -> QFontMetricsF:
        font = self.style.get("tickFont") or QFont(QApplication.font())
        return QFontMetricsF(font)

    def _fits(self, labels: list[str], spacing_px: float) -> bool:
        metrics = self._metrics()
        if self.orientation in ("bottom", "top"):
            widest = max((metrics.horizontalAdvance(t) for t in labels), default=0.0)
            return spacing_px >= widest + self.GAP_EM * metrics.horizontalAdvance("0")
        return spacing_px >= metrics.height() * 1.5

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803 (pyqtgraph's names)
        if self._tickLevels is not None:  # ticks set by hand (setTicks)
            return super().tickValues(minVal, maxVal, size)
        lo, hi = sorted((float(minVal), float(maxVal)))
        if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo or size <= 0:
            return []
        per_unit = size / (hi - lo)
        if self.logMode:
            return self._log_ticks(lo, hi, per_unit)
        metrics = self._metrics()
        step = _nice_step((hi - lo) / max(1.0, size / (metrics.height() * 2)))
        for _ in range(40):
            values = _arange(lo, hi, step)
            labels = [tick_label(v, step) for v in values]
            if self._fits(labels, step * per_unit):
                break
            step = _nice_step(step * 1.01)
        minor = _nice_step(step / 5.0) if step * per_unit > 40 else None
        levels = [(step, values)]
        if minor is not None and minor < step:
            levels.append((minor, [v for v in _arange(lo, hi, minor) if not _on_grid(v, step)]))
        return levels

    def _log_ticks(self, lo: float, hi: float, per_unit: float):
        """Labelled ticks (exponents) from densest to sparsest, the first whose labels fit."""
        first, last = int(math.floor(lo)), int(math.ceil(hi))

        def within(mantissas):
            values = [d + math.log10(k) for d in range(first, last + 1) for k in mantissas]
            return [v for v in values if lo - 1e-9 <= v <= hi + 1e-9]

        decades = within((1,))
        candidates = [within(range(1, 10)), within((1, 2, 3, 5)), within((1, 2, 5))]
        if hi - lo < 1.0:  # a fraction of a decade: evenly spaced values as well
            v_lo, v_hi = 10.0**lo, 10.0**hi
            step = _nice_step((v_hi - v_lo) / 8)
            for _ in range(6):
                candidates.insert(0, [math.log10(v) for v in _arange(v_lo, v_hi, step) if v > 0])
                step = _nice_step(step * 1.01)
            candidates[:6] = candidates[:6][::-1]
        candidates += [[d for d in decades if round(d) % every == 0]
                       for every in (1, 2, 3, 5, 10, 20, 50, 100)]  # fmt: skip
        chosen = None
        for values in candidates:
            if len(values) >= 2 and self._fits(
                power_labels(values), float(np.diff(values).min()) * per_unit
            ):
                chosen = values
                break
        if chosen is None:  # not even two labels fit: label one decade, or the middle
            chosen = decades[:1] or [v for v in candidates[0][:1]]
        minor = [v for v in within(range(1, 10)) if not any(abs(v - c) < 1e-9 for c in chosen)]
        if len(minor) * 4 > (hi - lo) * per_unit:  # too dense to draw: decades only
            minor = [d for d in decades if not any(abs(d - c) < 1e-9 for c in chosen)]
        return [(None, chosen), (None, minor)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        if self._tickLevels is not None:
            return super().tickStrings(values, scale, spacing)
        if self.logMode:
            return power_labels(values)
        step = spacing if spacing else 1.0
        return [tick_label(v, step) for v in values]


def _arange(lo: float, hi: float, step: float) -> list[float]:
    start = math.ceil(lo / step - 1e-9)
    stop = math.floor(hi / step + 1e-9)
    if stop - start > 10_000:
        return []
    return [k * step for k in range(start, stop + 1)]


def _on_grid(value: float, step: float) -> bool:
    ratio = value / step
    return abs(ratio - round(ratio)) < 1e-6


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


def number(value: float, decimals: int = 0, significant: int | None = None,
           percent: bool = False) -> str:  # fmt: skip
    """A number written as the interface's language writes it: the one formatter of the GUI
    (2,701 and 0.5 in English, 2.701 and 0,5 in Spanish).

    ``decimals``: fixed decimals (0: a whole number with group separators); ``significant``:
    that many significant digits instead, without group separators (0.0123, 1.5e-05);
    ``percent``: a share 0..1 written as a percentage with ``decimals`` decimals (80.0% in
    English, 80,0 % in Spanish). Infinities and NaN read as such."""
    value = float(value)
    if not math.isfinite(value):
        return "∞" if value > 0 else ("−∞" if value < 0 else "NaN")
    locale = QLocale()
    if percent:
        spanish = locale.language() == QLocale.Language.Spanish
        return locale.toString(value * 100, "f", decimals) + ("\u00a0%" if spanish else "%")
    if significant is not None:
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        return locale.toString(value, "g", significant)
    if decimals == 0 and abs(value) < 2**53:  # beyond, no whole number Qt's int can hold
        return locale.toString(int(round(value)))
    if decimals == 0:
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        return locale.toString(value, "g", 6)
    return locale.toString(value, "f", decimals)


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

    def register_plot(self, item) -> None:
        """Keep ``item``'s tick labels, axis titles and legend at the interface's font size,
        now and whenever presentation mode changes."""
        if not hasattr(self, "_plots"):
            self._plots = weakref.WeakSet()
        self._plots.add(item)
        apply_plot_fonts(item)

    def set_presentation(self, on: bool) -> None:
        if on == self.presentation:
            return
        self.presentation = on
        app = QApplication.instance()
        if app is not None:
            font = QFont(app.font())
            if self._base_point_size is None:
                self._base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
            font.setPointSizeF(self._base_point_size * (PRESENTATION_SCALE if on else 1.0))
            app.setFont(font)
        for item in list(getattr(self, "_plots", ())):
            try:
                apply_plot_fonts(item)
            except RuntimeError:  # its window was closed (the C++ object is gone)
                self._plots.discard(item)
        self.changed.emit()


def apply_plot_fonts(item) -> None:
    """Tick labels, axis titles and legend entries of a plot at the interface's font size."""
    size = font_points()
    font = QFont(QApplication.font()) if QApplication.instance() is not None else QFont()
    font.setPointSizeF(size)
    right_room = 0.0
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setTickFont(font)
        axis.labelStyle = {**axis.labelStyle, "font-size": f"{size:.1f}pt"}
        if axis.labelText or axis.labelUnits:  # redrawn in the new size, through its API
            axis.setLabel(axis.labelText, axis.labelUnits, axis.labelUnitPrefix,
                          unitPower=axis.unitPower, **axis.labelStyle)  # fmt: skip
        if name == "bottom" and axis.isVisible():
            right_room = QFontMetricsF(font).horizontalAdvance("000000") / 2
            # the last label may reach into the room left for it, no further
            axis.setStyle(hideOverlappingLabels=max(1, int(right_room)))
    # room for the last label of the x axis, which is centred on the right end
    left, top, _, bottom = item.layout.getContentsMargins()
    item.layout.setContentsMargins(left, top, right_room, bottom)
    legend = getattr(item, "legend", None)
    if legend is not None:
        legend.setLabelTextSize(f"{size:.1f}pt")
        for _, label in legend.items:  # pyqtgraph stores the size but does not redraw
            label.setText(label.text, size=f"{size:.1f}pt")
        legend.updateSize()
