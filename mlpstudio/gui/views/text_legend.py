"""Legends as a line of text above a plot, never over its curves.

A pyqtgraph legend sits inside the plot: in a small dock, and in presentation mode with its
large text, it hides the curves it explains or is cut off at the plot's edge. A text line
wraps instead, and follows the interface's font by itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel


def stroke(colors, dashed: bool = False) -> str:
    """A short line in ``colors`` (one QColor, or several: one stroke each), solid or dashed,
    as rich text for a legend entry."""
    colors = [colors] if isinstance(colors, QColor) else list(colors)
    mark = "╍" if dashed else "━"
    return "".join(f"<span style='color:{QColor(c).name()}'><b>{mark}</b></span>" for c in colors)


#: Scatter marks, as the plots draw them: a filled dot, a ring, a cross.
DOT, RING, CROSS = "●", "○", "✕"


def entry(colors, text: str, dashed: bool = False, mark: str | None = None) -> str:
    """One legend entry: the stroke (or ``mark``, a point symbol such as :data:`DOT`), then
    ``text`` (escaped), kept on one line."""
    from html import escape

    if mark is None:
        symbol = stroke(colors, dashed)
    else:
        symbol = f"<span style='color:{QColor(colors).name()}'><b>{mark}</b></span>"
    return f"{symbol}&nbsp;{escape(text).replace(' ', '&nbsp;')}"


class TextLegend(QLabel):
    """A legend line above a plot: rich text, wrapped, with the plots' left margin. Built
    entry by entry like a pyqtgraph legend (:meth:`add`), or given all its entries at once
    (``setText(entries([...]))``)."""

    def __init__(self):
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setContentsMargins(6, 0, 4, 0)
        self._entries: list[str] = []

    def clear(self) -> None:
        self._entries = []
        self.setText("")

    def add(self, colors, text: str, dashed: bool = False, mark: str | None = None) -> None:
        self._entries.append(entry(colors, text, dashed, mark))
        self.setText(entries(self._entries))


def entries(items) -> str:
    """Entries (each from :func:`entry`) separated so that a line breaks between them."""
    return " &nbsp; ".join(items)
