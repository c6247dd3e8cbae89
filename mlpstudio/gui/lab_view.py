"""A teacher's lab: its title and instructions, and its goals as a checklist that ticks itself
as the student's run meets them. It sits above the settings, so the goals stay in sight while
the student changes them."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..experiment.labs import COUNT_METRICS, SHARE_METRICS, evaluate_goals
from .style import number

MET, NOT_MET = "✔", "✘"


class LabView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.lab = None
        self.language = "en"
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        layout.addWidget(self.title)
        layout.addWidget(QLabel(self.tr("Goals")))
        self.goals = QListWidget()
        self.goals.setWordWrap(True)  # long goals wrap instead of scrolling sideways
        self.goals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.goals.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.goals.setToolTip(self.tr("Ticked when the current network meets the goal."))
        layout.addWidget(self.goals, 1)
        self.instructions = QTextBrowser()
        self.instructions.setOpenExternalLinks(False)
        self.instructions.setMinimumHeight(40)
        layout.addWidget(self.instructions, 1)
        # File > Submit result..., in sight where the goals are (lab_actions connects it)
        self.submit = QPushButton(self.tr("Submit result..."))
        self.submit.setToolTip(self.tr("Send your network's result to the lab's results folder."))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.submit)
        layout.addLayout(row)
        self.results: list = []

    def set_lab(self, lab, language: str) -> None:
        self.lab, self.language = lab, language
        self.title.setText(lab.title_in(language))
        self.instructions.setPlainText(lab.instructions_in(language).strip())
        self.show_results({})

    def show_results(self, results: dict) -> None:
        """Tick the goals that ``results`` (controller.results()) meets."""
        if self.lab is None:
            return
        self.results = evaluate_goals(self.lab, results, self.language)
        self.goals.clear()
        for result in self.results:
            value = result.value
            shown = ""
            if value is not None and not math.isnan(value):
                shown = "  " + self.tr("(now {value})").format(
                    value=current_value(result.goal.metric, value)
                )
            item = QListWidgetItem(f"{MET if result.met else NOT_MET}  {result.text}{shown}")
            item.setForeground(QColor(44, 130, 44) if result.met else QColor(160, 40, 40))
            self.goals.addItem(item)


def current_value(metric: str, value: float) -> str:
    """The run's result in the goal's own unit and the interface's number format: a share as
    a percentage (80 %), a count as a whole number, anything else with three significant
    digits."""
    if metric in SHARE_METRICS:
        return number(value, 1, percent=True)
    if metric in COUNT_METRICS:
        return number(value)
    return number(value, significant=3)
