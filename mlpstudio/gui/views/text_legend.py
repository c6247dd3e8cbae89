"""Legends as a line of text above a plot, never over its curves.

A pyqtgraph legend sits inside the plot: in a small dock, and in presentation mode with its
large text, it hides the curves it explains or is cut off at the plot's edge. A text line
wraps instead, and follows the interface's font by itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel


def legend_label() -> QLabel:
    """A rich-text label for :func:`stroke` entries, wrapped, with the plots' left margin."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setContentsMargins(6, 0, 4, 0)
    return label


def stroke(colors, dashed: bool = False) -> str:
    """A short line in ``colors`` (one QColor, or several: one stroke each), solid or dashed,
    as rich text for a legend entry."""
    colors = [colors] if isinstance(colors, QColor) else list(colors)
    mark = "╍" if dashed else "━"
    return "".join(f"<span style='color:{QColor(c).name()}'><b>{mark}</b></span>" for c in colors)


def entry(colors, text: str, dashed: bool = False) -> str:
    """One legend entry: the stroke, then ``text`` (escaped), kept on one line."""
    from html import escape

    return f"{stroke(colors, dashed)}&nbsp;{escape(text).replace(' ', '&nbsp;')}"


def entries(items) -> str:
    """Entries (each from :func:`entry`) separated so that a line breaks between them."""
    return " &nbsp; ".join(items)
