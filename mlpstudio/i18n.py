"""Translation hooks that the Qt-free core can call.

The core writes user-facing text as ``translate("Context", "Template {name}").format(...)``
and marks labels with ``QT_TRANSLATE_NOOP("Context", "Label")``. Without Qt (the command line,
the tests) both return the English text. The GUI calls :func:`install` with
``QCoreApplication.translate`` so the same calls return the user's language. Qt's
``pyside6-lupdate`` recognises both names, so the strings land in the ``.ts`` files.

Numbers in such messages go through :func:`number`: plain English (``2,701``, ``0.5``) without
Qt; the GUI installs its one locale-aware formatter (:func:`mlpstudio.gui.style.number`) with
:func:`install_number`, so the same message reads ``2.701`` and ``0,5`` in Spanish.
"""

from __future__ import annotations

import math
from collections.abc import Callable

LANGUAGES = {"en": "English", "es": "Español"}  # the interface languages (English is the source)
_translator: Callable[..., str] | None = None
_number: Callable[..., str] | None = None


def install(translator: Callable[..., str] | None) -> None:
    """Route :func:`translate` through ``translator(context, text)`` (None: English)."""
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    """``text`` in the user's language (the English text when no translator is installed)."""
    if _translator is None:
        return text
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name, for lupdate)
    """Marks ``text`` for translation without translating it now; translate it when shown."""
    return text


def install_number(formatter: Callable[..., str] | None) -> None:
    """Route :func:`number` through ``formatter`` (the GUI's locale-aware one; None: English)."""
    global _number
    _number = formatter


def number(value: float, decimals: int = 0, significant: int | None = None,
           percent: bool = False) -> str:  # fmt: skip
    """``value`` written for people, in the interface's language when the GUI installed its
    formatter, else in plain English: ``decimals`` fixed decimals (0: a whole number with group
    separators, 3,600,240,001), ``significant`` digits instead (0.0123), or ``percent`` (a
    share 0..1 as 80.0%). The same arguments as the GUI's formatter."""
    if _number is not None:
        return _number(value, decimals, significant, percent)
    value = float(value)
    if not math.isfinite(value):
        return "∞" if value > 0 else ("−∞" if value < 0 else "NaN")
    if percent:
        return f"{value * 100:.{decimals}f}%"
    if significant is not None:
        return f"{value:.{significant}g}"
    if decimals == 0:
        return f"{round(value):,}"
    return f"{value:,.{decimals}f}"
