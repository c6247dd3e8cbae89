"""Stand-ins for PySide6's two OpenGL modules, so pyqtgraph loads without them.

pyqtgraph imports ``PySide6.QtOpenGL`` and ``PySide6.QtOpenGLWidgets`` whether or not OpenGL is
used (its OpenGL helpers subclass ``QOpenGLWidget``, and its curves test ``isinstance(widget,
QOpenGLWidget)``). MLP Studio never draws with OpenGL (pyqtgraph's ``useOpenGL`` stays False:
every plot paints with QPainter), so the frozen app leaves those bindings and libQt6OpenGL out
(9 MB, packaging/mlpstudio.spec). :func:`block_opengl` runs before the first pyqtgraph import
(from ``mlpstudio.gui``'s ``__init__``) in every run, frozen or not, so the tests exercise the
same path the installed app takes. Where a real OpenGL module is already loaded it does nothing.
"""

from __future__ import annotations

import sys
import types

MODULES = ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets")


class QOpenGLWidget:
    """Never instantiated: pyqtgraph only subclasses it and tests ``isinstance`` against it."""

    def __init__(self, *args, **kwargs):
        raise RuntimeError("MLP Studio draws without OpenGL (pyqtgraph useOpenGL is False)")


def block_opengl() -> None:
    if any(name in sys.modules for name in MODULES):
        return
    gl = types.ModuleType("PySide6.QtOpenGL", "stand-in: MLP Studio draws without OpenGL")
    widgets = types.ModuleType("PySide6.QtOpenGLWidgets", gl.__doc__)
    widgets.QOpenGLWidget = QOpenGLWidget  # type: ignore[attr-defined]
    sys.modules.update({"PySide6.QtOpenGL": gl, "PySide6.QtOpenGLWidgets": widgets})
