"""Small widgets shared by the panels."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)


class LogSpinSlider(QWidget):
    """A number on a logarithmic slider with an exact spin box beside it (learning rates)."""

    valueChanged = Signal(float)
    STEPS_PER_DECADE = 20

    def __init__(self, minimum: float, maximum: float, decimals: int = 5, parent=None):
        super().__init__(parent)
        self._lo, self._hi = math.log10(minimum), math.log10(maximum)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, int(round((self._hi - self._lo) * self.STEPS_PER_DECADE)))
        self.spin = QDoubleSpinBox()
        self.spin.setDecimals(decimals)
        self.spin.setRange(minimum, maximum)
        self.spin.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.spin.setKeyboardTracking(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        self.slider.valueChanged.connect(self._from_slider)
        self.spin.valueChanged.connect(self._from_spin)

    def value(self) -> float:
        return self.spin.value()

    def setValue(self, value: float) -> None:  # noqa: N802 (Qt naming)
        self.spin.setValue(value)

    def setToolTip(self, text: str) -> None:  # noqa: N802
        super().setToolTip(text)
        self.slider.setToolTip(text)
        self.spin.setToolTip(text)

    def _from_slider(self, position: int) -> None:
        value = 10 ** (self._lo + position / self.STEPS_PER_DECADE)
        digits = max(0, 2 - int(math.floor(math.log10(value))))
        value = round(value, digits)
        if not math.isclose(value, self.spin.value(), rel_tol=1e-9):
            self.spin.setValue(value)

    def _from_spin(self, value: float) -> None:
        position = int(round((math.log10(max(value, 1e-12)) - self._lo) * self.STEPS_PER_DECADE))
        self.slider.blockSignals(True)
        self.slider.setValue(position)
        self.slider.blockSignals(False)
        self.valueChanged.emit(value)


class MessageBar(QFrame):
    """An inline banner with a message and an optional action button, hidden when idle."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setStyleSheet(
            "#messageBar { background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.close_button = QPushButton("×")
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button)
        self._callback = None
        self.button.clicked.connect(self._run)
        self.hide()

    def show_message(self, text: str, button_text: str | None = None, callback=None) -> None:
        self.label.setText(text)
        self._callback = callback
        self.button.setVisible(bool(button_text))
        if button_text:
            self.button.setText(button_text)
        self.show()

    def _run(self) -> None:
        callback = self._callback
        self.hide()
        if callback is not None:
            callback()


def error_style(widget: QWidget, on: bool) -> None:
    """Mark an input as invalid with a red frame (or clear the mark)."""
    widget.setStyleSheet("border: 2px solid #d62728; border-radius: 3px;" if on else "")
