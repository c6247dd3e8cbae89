"""Translation hooks that the Qt-free core can call.

The core writes user-facing text as ``translate("Context", "Template {name}").format(...)``
and marks labels with ``QT_TRANSLATE_NOOP("Context", "Label")``. Without Qt (the command line,
the tests) both return the English text. The GUI calls :func:`install` with
``QCoreApplication.translate`` so the same calls return the user's language. Qt's
``pyside6-lupdate`` recognises both names, so the strings land in the ``.ts`` files.
"""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = {"en": "English", "es": "Español"}  # the interface languages (English is the source)
_translator: Callable[..., str] | None = None


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
