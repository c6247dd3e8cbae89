"""Small widgets shared by the panels."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from .style import number


class ScientificSpinBox(QDoubleSpinBox):
    """A spin box for tiny numbers (an optimiser's epsilon): shows 1e-08, not 0.00000001,
    through the GUI's one number formatter, and reads what it shows."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt naming)
        return number(value, significant=3)

    def valueFromText(self, text: str) -> float:  # noqa: N802
        value, ok = QLocale().toDouble(text.strip())
        return value if ok else self.value()

    def validate(self, text: str, position: int):
        _, ok = QLocale().toDouble(text.strip())
        state = QValidator.State.Acceptable if ok else QValidator.State.Intermediate
        return state, text, position


class OneBasedSpinBox(QSpinBox):
    """A spin box over 0-based indices that shows them counted from 1, as people count (and
    as every "test image {n}" of the GUI does): value() stays the index, the text is
    index + 1, and what is typed is read back as text - 1."""

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt naming)
        return number(value + 1)

    def _typed(self, text: str) -> int | None:
        locale = QLocale()
        value, ok = locale.toInt(text.strip().replace(locale.groupSeparator(), ""))
        return value if ok else None

    def valueFromText(self, text: str) -> int:  # noqa: N802
        typed = self._typed(text)
        return self.value() if typed is None else typed - 1

    def validate(self, text: str, position: int):
        """Typed text within 1..maximum + 1 (the base class checks it against 0..maximum)."""
        typed = self._typed(text)
        if typed is None:
            state = QValidator.State.Intermediate if not text.strip() else QValidator.State.Invalid
        elif self.minimum() + 1 <= typed <= self.maximum() + 1:
            state = QValidator.State.Acceptable
        else:
            state = QValidator.State.Intermediate
        return state, text, position


class LogSpinSlider(QWidget):
    """A number on a logarithmic slider with an exact spin box beside it (learning rates)."""

    valueChanged = Signal(float)
    STEPS_PER_DECADE = 20

    def __init__(
        self, minimum: float, maximum: float, decimals: int = 5, parent=None,
        scientific: bool = False,
    ):  # fmt: skip
        super().__init__(parent)
        self._lo, self._hi = math.log10(minimum), math.log10(maximum)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, int(round((self._hi - self._lo) * self.STEPS_PER_DECADE)))
        self.spin = ScientificSpinBox() if scientific else QDoubleSpinBox()
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

    def offers(self, callback) -> bool:
        """Whether the message shown offers ``callback`` on its button."""
        return self._callback == callback

    def _run(self) -> None:
        callback = self._callback
        self.hide()
        if callback is not None:
            callback()


ERROR_COLOUR = "#b00020"  # a message that stops the action
WARNING_COLOUR = "#8a5a00"  # a message about something that still works


def message_label(colour: str = ERROR_COLOUR) -> QLabel:
    """A hidden, wrapped, selectable one-paragraph message under an input (shown on error)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def error_style(widget: QWidget, on: bool) -> None:
    """Mark an input as invalid with a red frame (or clear the mark)."""
    widget.setStyleSheet("border: 2px solid #d62728; border-radius: 3px;" if on else "")


class CurrentPageStack(QWidget):
    """Pages shown one at a time (like QStackedWidget), but as large as the *current* page
    only: the hidden pages are left out of the layout, so a wide or tall hidden page (the
    image gallery while a function is shown) does not widen the window or leave a gap."""

    currentChanged = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> int:  # noqa: N802 (QStackedWidget's names)
        self._pages.append(page)
        self._layout.addWidget(page)
        if self._current < 0:
            self._current = 0
        else:
            page.hide()
        return len(self._pages) - 1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget | None:
        return self._pages[index] if 0 <= index < len(self._pages) else None

    def currentIndex(self) -> int:  # noqa: N802
        return self._current

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self.widget(self._current)

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        if index == self._current or not 0 <= index < len(self._pages):
            return
        self._current = index
        for i, page in enumerate(self._pages):
            page.setVisible(i == index)
        self.currentChanged.emit(index)

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        self.setCurrentIndex(self._pages.index(page))


class ElidingComboBox(QComboBox):
    """A combo box that may be narrower than its longest item (Qt then cuts the text with
    "…"); its tooltip then starts with the whole current text."""

    def is_elided(self) -> bool:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option,
            QStyle.SubControl.SC_ComboBoxEditField, self,
        )  # fmt: skip
        return self.fontMetrics().horizontalAdvance(self.currentText()) > field.width()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.is_elided():
            tip = self.toolTip()
            QToolTip.showText(event.globalPos(), f"{self.currentText()}\n\n{tip}".strip(), self)
            return True
        return super().event(event)


class ElidingCheckBox(QCheckBox):
    """A check box whose long text ends in "…" when the panel is narrow; the tooltip then
    starts with the whole text."""

    MIN_CHARS = 12

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self._full = text
        policy = self.sizePolicy()  # a check box does not shrink below its text by default
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text
        self._elide()

    def fullText(self) -> str:  # noqa: N802
        return self._full

    def is_elided(self) -> bool:
        return super().text() != self._full

    def _indicator(self) -> int:
        """The width of the box and the spacing (everything but the text)."""
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(super().text())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        short = min(metrics.horizontalAdvance(self._full),
                    metrics.horizontalAdvance(self._full[: self.MIN_CHARS] + "…"))  # fmt: skip
        return QSize(self._indicator() + short, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self._indicator() + self.fontMetrics().horizontalAdvance(self._full)
        return QSize(width, super().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        room = self.width() - self._indicator()
        text = self._full
        if metrics.horizontalAdvance(text) > room > 0:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        if text != super().text():
            QCheckBox.setText(self, text)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.is_elided():
            tip = self.toolTip()
            QToolTip.showText(event.globalPos(), f"{self._full}\n\n{tip}".strip(), self)
            return True
        return super().event(event)


def wrap_long_rows(form: QFormLayout) -> None:
    """Rows whose label and field do not fit side by side put the field under the label."""
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)


class PanelScrollArea(QScrollArea):
    """Scrolls a panel vertically only: it is at least as wide as the panel needs, so the
    panel never gets a horizontal scroll bar (the panel reflows instead)."""

    def __init__(self, panel: QWidget, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(panel)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = super().minimumSizeHint()
        panel = self.widget()
        if panel is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = panel.minimumSizeHint().width() + bar + 2 * self.frameWidth() + 2
        return QSize(max(hint.width(), width), hint.height())


def wrap_captions(view: QWidget) -> None:
    """Let the captions of a view wrap, so that a long caption (in Spanish, in presentation
    mode) does not make the view, and so the window, wider than a lecturer's screen."""
    for label in view.findChildren(QLabel):
        if not label.wordWrap():
            label.setWordWrap(True)


def size_for_fonts(widget, width: int, height: int) -> None:
    """Resize a dialog or window to ``width`` x ``height`` at the normal font, grown with the
    font in presentation mode (a dialog that kept its normal size was cramped there), but
    never beyond its screen."""
    from .style import PRESENTATION_SCALE, Style

    scale = PRESENTATION_SCALE if Style.instance().presentation else 1.0
    w, h = int(width * scale), int(height * scale)
    screen = widget.screen().availableGeometry() if widget.screen() is not None else None
    if screen is not None and screen.width() > 0:
        w, h = min(w, screen.width() - 20), min(h, screen.height() - 20)
    widget.resize(w, h)


class WrappingRow(QWidget):
    """Groups of controls on one line when they fit, else one group per line.

    A view's row of controls asked for the width of all of them side by side: the gallery's
    (the filter, the pages, Next mistake) made the window wider than a 1280 px projector in
    presentation mode. Here the groups go under one another when the row is narrower than
    they need side by side, so its least width is its widest group's."""

    def __init__(self, groups: list[list[QWidget]], parent=None):
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(4)
        # the least width is the widest group's (minimumSizeHint), not the whole line's
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._boxes = []
        for group in groups:
            box = QWidget()
            line = QHBoxLayout(box)
            line.setContentsMargins(0, 0, 0, 0)
            for widget in group:
                line.addWidget(widget)
            line.addStretch(1)
            self._boxes.append(box)
        self._stacked: bool | None = None
        self._arrange(stacked=False)

    def is_stacked(self) -> bool:
        return bool(self._stacked)

    def side_by_side_width(self) -> int:
        widths = [box.minimumSizeHint().width() for box in self._boxes]
        return sum(widths) + self._grid.spacing() * (len(widths) - 1)

    def _arrange(self, stacked: bool) -> None:
        if stacked == self._stacked:
            return
        self._stacked = stacked
        for box in self._boxes:
            self._grid.removeWidget(box)
        for k, box in enumerate(self._boxes):
            self._grid.addWidget(box, k if stacked else 0, 0 if stacked else k)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        widest = max((box.minimumSizeHint().width() for box in self._boxes), default=0)
        return QSize(widest, self._grid.minimumSize().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(self.side_by_side_width(), self._grid.sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._arrange(stacked=event.size().width() < self.side_by_side_width())
