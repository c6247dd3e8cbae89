"""The desktop application. This package is the only one that imports Qt (PySide6, pyqtgraph)."""
