"""The desktop application. This package is the only one that imports Qt (PySide6, pyqtgraph)."""

from .no_opengl import block_opengl

block_opengl()  # before any module of this package imports pyqtgraph
