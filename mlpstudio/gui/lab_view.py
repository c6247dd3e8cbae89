"""A teacher's lab: its title and instructions, and its goals as a checklist that ticks itself
as the student's run meets them."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..experiment.labs import evaluate_goals

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
        self.goals.setToolTip(self.tr("Ticked when the current network meets the goal."))
        layout.addWidget(self.goals, 1)
        self.instructions = QTextBrowser()
        self.instructions.setOpenExternalLinks(False)
        layout.addWidget(self.instructions, 2)
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
            shown = "" if value is None or (isinstance(value, float) and math.isnan(value)) \
                else f"  ({value:.4g})"  # fmt: skip
            item = QListWidgetItem(f"{MET if result.met else NOT_MET}  {result.text}{shown}")
            item.setForeground(QColor(44, 130, 44) if result.met else QColor(160, 40, 40))
            self.goals.addItem(item)
