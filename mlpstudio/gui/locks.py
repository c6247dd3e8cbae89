"""Controls a teacher's lab file locks: disabled, with a tooltip that says why.

Each panel maps config keys to its widgets (``lockable()``); :class:`Locks` disables the widgets
of the locked keys and remembers them, so that code re-enabling controls (after training, when
the optimiser changes) leaves them alone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class Locks:
    def __init__(self):
        self.widgets: set = set()
        self._tips: dict = {}

    def apply(self, lockable: dict[str, list], keys) -> None:
        """Lock the widgets of ``keys`` (``section.key``) and unlock every other one."""
        self.release()
        note = QCoreApplication.translate("Locks", "Locked by the lab file.")
        for key, widgets in lockable.items():
            if key in keys:
                for widget in widgets:
                    self.widgets.add(widget)
                    self._tips[widget] = widget.toolTip()
                    widget.setEnabled(False)
                    widget.setToolTip(f"{widget.toolTip()}\n{note}".strip())

    def release(self) -> None:
        for widget in self.widgets:
            widget.setEnabled(True)
            widget.setToolTip(self._tips.get(widget, ""))
        self.widgets.clear()
        self._tips.clear()

    def enable(self, widget, on: bool) -> None:
        """``widget.setEnabled(on)`` unless the lab locks it."""
        widget.setEnabled(on and widget not in self.widgets)
