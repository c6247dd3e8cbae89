"""The Data panel's controls for richer toys: the number of classes of a 2-D set, how y is
normalised, and the page of classes defined by a condition (``data.kind = "formula-class"``).

Every range and choice comes from the configuration's specs (``field_spec``); the panel
(:mod:`mlpstudio.gui.panels.data_panel`) places these controls and reads them back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...data.functions import MULTICLASS_TOYS
from ...experiment.config import CSV_KEYS, DataConfig, field_spec
from ..widgets import ElidingComboBox, message_label, wrap_long_rows
from .training_panel import spec_range

CONDITION_DELAY_MS = 200  # check the condition this long after the last keystroke


def classes_box() -> QSpinBox:
    """The number of classes of a 2-D set (2 to 5; more than 2 only for some sets)."""
    spin = QSpinBox()
    spec_range(spin, "data", "classes")
    spin.setKeyboardTracking(False)
    spin.setToolTip(
        QCoreApplication.translate(
            "DataPages",
            "How many classes of points (more than two: a softmax output, one unit per class).",
        )
    )
    return spin


def update_classes_box(spin: QSpinBox, toy: str, locks) -> None:
    """Only the sets that can draw more than two classes offer more than two (a lab's lock
    stays a lock)."""
    multi = toy in MULTICLASS_TOYS
    locks.enable(spin, multi)
    if not multi:
        spin.setValue(2)
    spin.setToolTip(
        QCoreApplication.translate(
            "DataPages",
            "How many classes of points (more than two: a softmax output, one unit per class).",
        )
        if multi
        else QCoreApplication.translate(
            "DataPages",
            "This set has two classes; Gaussians, Spiral and Blobs can have up to five.",
        )
    )


def normalize_by_box() -> ElidingComboBox:
    """What y is divided by: its maximum (the slide's y / y.max()) or its maximum |y|."""
    combo = ElidingComboBox()
    labels = {
        "max": QCoreApplication.translate("DataPages", "by max y (y / y.max(), the slide)"),
        "max_abs": QCoreApplication.translate("DataPages", "by max |y|"),
    }
    for name in field_spec("data", "normalize_by").choices:
        combo.addItem(labels[name], name)
    combo.setToolTip(
        QCoreApplication.translate(
            "DataPages",
            "The course divides y by y.max(), its largest value; dividing by the largest |y| "
            "puts every target in [-1, 1].",
        )
    )
    return combo


class FormulaClassPage(QWidget):
    """Two classes in the plane: class 1 where a condition in x1, x2 holds."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        wrap_long_rows(form)
        self.condition = QLineEdit()
        self.condition.setPlaceholderText("x1**2 + x2**2 < 0.5")
        self.condition.setToolTip(
            QCoreApplication.translate(
                "DataPages",
                "Class 1 where this condition holds, class 0 elsewhere: a comparison "
                "(< <= > >=) of formulas in x1 and x2, joined by 'and' / 'or'.",
            )
        )
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CONDITION_DELAY_MS)
        self.timer.timeout.connect(self.edited)
        self.condition.textEdited.connect(lambda _: self.timer.start())
        self.message = message_label()
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(self.condition)
        box.addWidget(self.message)
        form.addRow(QCoreApplication.translate("DataPages", "Class 1 if"), box)
        self.lo, self.hi = QDoubleSpinBox(), QDoubleSpinBox()
        row = QHBoxLayout()
        for spin in (self.lo, self.hi):
            spin.setRange(-1e6, 1e6)
            spin.setDecimals(3)
            spin.setSingleStep(0.5)
            spin.setKeyboardTracking(False)
            spin.setToolTip(
                QCoreApplication.translate(
                    "DataPages", "The interval of x1 and x2 in which the points are drawn."
                )
            )
            spin.valueChanged.connect(self.edited)
        row.addWidget(self.lo)
        row.addWidget(QLabel(QCoreApplication.translate("DataPages", "to")))
        row.addWidget(self.hi)
        form.addRow(QCoreApplication.translate("DataPages", "Domain"), row)
        self.points = QSpinBox()
        spec_range(self.points, "data", "points")
        self.points.setSingleStep(100)
        self.points.setKeyboardTracking(False)
        self.points.setToolTip(
            QCoreApplication.translate(
                "DataPages", "How many points, drawn uniformly in the domain."
            )
        )
        self.points.valueChanged.connect(self.edited)
        form.addRow(QCoreApplication.translate("DataPages", "Points"), self.points)
        self.noise = QDoubleSpinBox()
        spec_range(self.noise, "data", "noise")
        self.noise.setDecimals(3)
        self.noise.setSingleStep(0.01)
        self.noise.setKeyboardTracking(False)
        self.noise.setToolTip(
            QCoreApplication.translate(
                "DataPages",
                "Standard deviation of the noise that moves each point after it is labelled.",
            )
        )
        self.noise.valueChanged.connect(self.edited)
        form.addRow(QCoreApplication.translate("DataPages", "Noise"), self.noise)

    def load(self, data: DataConfig) -> None:
        self.condition.setText(data.condition)
        self.lo.setValue(data.domain[0])
        self.hi.setValue(data.domain[1])
        self.points.setValue(data.points)
        self.noise.setValue(data.noise if data.kind == "formula-class" else 0.0)

    def apply(self, data: DataConfig) -> None:
        """Write the page's values into ``data`` (a formula-class config)."""
        data.condition = self.condition.text()
        data.classes = 2  # a condition makes two classes (a toy set's count is not kept)
        data.domain = [self.lo.value(), self.hi.value()]  # one interval (the window refuses
        # to load a range per input, which this row cannot show: window_experiment.unshowable)
        data.points = self.points.value()
        data.noise = self.noise.value()

    def lockable(self) -> dict[str, list]:
        return {"data.condition": [self.condition]}

    def show_error(self, message: str | None, position: int | None = None) -> None:
        self.message.setVisible(bool(message))
        if message:
            if position is not None:
                text = self.condition.text()
                message = f"{message}\n{text[:position]} ▸{text[position:]}"
            self.message.setText(message)


class CsvPage(QWidget):
    """The student's own table: the chosen file and the Import CSV button (the dialog sets the
    csv keys; the page carries them in ``values``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.values: dict = {}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(QCoreApplication.translate("DataPages", "File"), self.summary)
        self.button = QPushButton(QCoreApplication.translate("DataPages", "Import CSV..."))
        self.button.setToolTip(
            QCoreApplication.translate(
                "DataPages", "Choose a CSV file, its target column and its input columns."
            )
        )
        form.addRow("", self.button)

    def show_config(self, data: DataConfig) -> None:
        self.values = {key: getattr(data, key) for key in CSV_KEYS + ("normalize", "normalize_by")}
        if not data.path:
            self.summary.setText(QCoreApplication.translate("DataPages", "No file chosen yet."))
            return
        target = data.target or QCoreApplication.translate("DataPages", "the last column")
        self.summary.setText(
            QCoreApplication.translate("DataPages", "{file}; target: {target}").format(
                file=Path(data.path).name, target=target
            )
        )
        self.summary.setToolTip(data.path)
