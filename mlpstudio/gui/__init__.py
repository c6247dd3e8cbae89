"""The desktop application. This package is the only one that imports Qt (PySide6, pyqtgraph)."""

from .qt_setup import prepare

prepare()  # before any module of this package imports pyqtgraph (see qt_setup)
