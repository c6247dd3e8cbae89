"""What ``mlpstudio.gui`` does before pyqtgraph loads: no OpenGL, and Qt classes on demand.

**No OpenGL.** pyqtgraph imports ``PySide6.QtOpenGL`` and ``PySide6.QtOpenGLWidgets`` whether or
not OpenGL is used (its OpenGL helpers subclass ``QOpenGLWidget``, and its curves test
``isinstance(widget, QOpenGLWidget)``). MLP Studio never draws with OpenGL (pyqtgraph's
``useOpenGL`` stays False: every plot paints with QPainter), so the frozen app leaves those
bindings and libQt6OpenGL out (9 MB, packaging/mlpstudio.spec), and :func:`block_opengl` gives
pyqtgraph two stand-in modules instead, in every run, frozen or not, so the tests exercise the
path the installed app takes. Where a real OpenGL module is already loaded it does nothing.

**Qt classes on demand.** pyqtgraph mirrors QtCore, QtGui and QtWidgets into its own modules
(``pyqtgraph.Qt.QtCore``...) by copying every name across at import (``_copy_attrs``), which makes
PySide6 build all of its ~1,500 classes and ~650 enums, most of which the app never touches:
about a tenth of the app's start. :func:`lazy_qt_mirrors` gives pyqtgraph mirror modules that
answer that copy with "already here" and fetch each name from PySide6 when it is first used, so
every name still resolves to the same PySide6 object. Should pyqtgraph rename the copy function,
the mirrors simply copy everything as before.
"""

from __future__ import annotations

import importlib
import sys
import types

OPENGL_MODULES = ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets")
MIRRORED = ("QtCore", "QtGui", "QtWidgets")
COPY_FUNCTION = "_copy_attrs"  # pyqtgraph/Qt/__init__.py (0.13, 0.14)


class QOpenGLWidget:
    """Never instantiated: pyqtgraph only subclasses it and tests ``isinstance`` against it."""

    def __init__(self, *args, **kwargs):
        raise RuntimeError("MLP Studio draws without OpenGL (pyqtgraph useOpenGL is False)")


def block_opengl() -> None:
    if any(name in sys.modules for name in OPENGL_MODULES):
        return
    gl = types.ModuleType("PySide6.QtOpenGL", "stand-in: MLP Studio draws without OpenGL")
    widgets = types.ModuleType("PySide6.QtOpenGLWidgets", gl.__doc__)
    widgets.QOpenGLWidget = QOpenGLWidget  # type: ignore[attr-defined]
    sys.modules.update({"PySide6.QtOpenGL": gl, "PySide6.QtOpenGLWidgets": widgets})


class LazyMirror(types.ModuleType):
    """pyqtgraph's mirror of one PySide6 module, filled in as names are used."""

    def __init__(self, name: str, source: str):
        super().__init__(name, f"pyqtgraph's mirror of {source}, filled in on use")
        self.__dict__["_source"] = source

    def __getattr__(self, name: str):
        if sys._getframe(1).f_code.co_name == COPY_FUNCTION:
            return None  # the copy's "is it here?": yes, on first use (never stored)
        value = getattr(importlib.import_module(self.__dict__["_source"]), name)
        if not name.startswith("__"):
            setattr(self, name, value)  # looked up once
        return value


def lazy_qt_mirrors() -> None:
    if "pyqtgraph" in sys.modules:
        return
    for part in MIRRORED:
        name = f"pyqtgraph.Qt.{part}"
        sys.modules.setdefault(name, LazyMirror(name, f"PySide6.{part}"))


def prepare() -> None:
    """Run once, before the first pyqtgraph import (``mlpstudio.gui``'s ``__init__``)."""
    block_opengl()
    lazy_qt_mirrors()
