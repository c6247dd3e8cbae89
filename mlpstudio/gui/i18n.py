"""Choosing and loading the interface language (English is the source; Spanish is translated).

Loads the app's compiled translation (``resources/i18n/mlpstudio_<lang>.qm``) and Qt's own
(standard buttons and dialogs), and routes the Qt-free core's messages and their numbers
through Qt too (see :mod:`mlpstudio.i18n`). The choice comes from ``--lang``, then
Preferences, then the system.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import i18n
from ..paths import resource

LANGUAGES = i18n.LANGUAGES
_installed: list[QTranslator] = []


def resolve_language(choice: str | None) -> str:
    """``choice`` if it is a supported language, else the system's, else English."""
    if choice in LANGUAGES:
        return choice
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translators(app, choice: str | None) -> str:
    """Install the translators for ``choice`` (or the system language); return the language."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(choice)
    if language != "en":
        ours = QTranslator(app)
        if ours.load(str(resource("i18n", f"mlpstudio_{language}.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(language))
    i18n.install(QCoreApplication.translate)
    from .style import number  # the GUI's one number formatter, for the Qt-free messages too

    i18n.install_number(number)
    return language
