"""Preferences: interface language, where datasets live, a lab's download mirror, and the
memory budget.

Stored in QSettings. The data folder, mirror and memory budget reach the Qt-free layers (and
the training process, which inherits the environment) as ``MLPSTUDIO_DATA``,
``MLPSTUDIO_MIRROR`` and ``MLPSTUDIO_MEMORY_BUDGET``; a value already set in the environment by
an administrator wins and is shown read-only.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ..memory import ENV_VAR as MEMORY_ENV
from ..memory import MemoryBudgetError, parse_budget
from .i18n import LANGUAGES

DATA_ENV, MIRROR_ENV = "MLPSTUDIO_DATA", "MLPSTUDIO_MIRROR"
_FROM_ENVIRONMENT = {k: os.environ.get(k) for k in (DATA_ENV, MIRROR_ENV, MEMORY_ENV)}
#: Settings key -> environment variable, for every preference the Qt-free layers read.
_EXPORTED = (("data/folder", DATA_ENV), ("data/mirror", MIRROR_ENV), ("memory/budget", MEMORY_ENV))


def apply_data_preferences(settings) -> None:
    """Export the data folder, mirror and memory budget preferences unless the environment
    already set them."""
    for key, env in _EXPORTED:
        if _FROM_ENVIRONMENT.get(env):
            continue
        value = settings.value(key, "", type=str) if settings is not None else ""
        if value:
            os.environ[env] = value
        else:
            os.environ.pop(env, None)


class PreferencesDialog(QDialog):
    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout()

        self.language = QComboBox()
        self.language.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setToolTip(self.tr("The language of the interface (applies at once)."))
        current = settings.value("ui/language", "", type=str)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form.addRow(self.tr("Language"), self.language)

        self.data_folder = QLineEdit(settings.value("data/folder", "", type=str))
        self.data_folder.setPlaceholderText(self.tr("(your user cache folder)"))
        self.data_folder.setToolTip(
            self.tr(
                "A folder for the image datasets, for example one shared by every PC of a "
                "lab. Empty: a folder in your user account."
            )
        )
        browse = QPushButton(self.tr("Browse..."))
        browse.setToolTip(self.tr("Choose the folder."))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.data_folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Data folder"), row)

        self.mirror = QLineEdit(settings.value("data/mirror", "", type=str))
        self.mirror.setPlaceholderText("http://server.lab/datasets/")
        self.mirror.setToolTip(
            self.tr(
                "A web server of your lab that holds the same dataset files: every download "
                "comes from there instead of the internet. Checksums are verified anyway."
            )
        )
        form.addRow(self.tr("Download mirror"), self.mirror)

        self.budget = QLineEdit(settings.value("memory/budget", "", type=str))
        self.budget.setPlaceholderText(self.tr("(75% of the available memory)"))
        self.budget.setToolTip(
            self.tr(
                "The most memory one network, optimiser state, dataset or opened file may "
                "take, for example 2G or 512M. Larger requests are refused before anything is "
                "allocated. Empty: 75% of the memory available at the time."
            )
        )
        form.addRow(self.tr("Memory budget"), self.budget)

        notes = []
        widgets = (
            (DATA_ENV, self.data_folder),
            (MIRROR_ENV, self.mirror),
            (MEMORY_ENV, self.budget),
        )
        for env, widget in widgets:
            if _FROM_ENVIRONMENT.get(env):
                widget.setText(_FROM_ENVIRONMENT[env])
                widget.setEnabled(False)
                notes.append(self.tr("{name} is set by the environment.").format(name=env))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if notes:
            layout.addWidget(QLabel(" ".join(notes)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Data folder"),
                                                  self.data_folder.text())  # fmt: skip
        if folder:
            self.data_folder.setText(folder)

    def accept(self) -> None:
        """Refuse an invalid memory budget (the dialog stays open) instead of storing it."""
        text = self.budget.text().strip()
        if self.budget.isEnabled() and text:
            try:
                parse_budget(text)
            except MemoryBudgetError as exc:
                QMessageBox.warning(self, self.tr("Memory budget"), str(exc))
                self.budget.setFocus()
                return
        super().accept()

    def save(self) -> bool:
        """Store the choices; return whether the language changed."""
        s = self.settings
        old_language = s.value("ui/language", "", type=str)
        s.setValue("ui/language", self.language.currentData())
        if self.data_folder.isEnabled():
            s.setValue("data/folder", self.data_folder.text().strip())
        if self.mirror.isEnabled():
            s.setValue("data/mirror", self.mirror.text().strip())
        if self.budget.isEnabled():
            s.setValue("memory/budget", self.budget.text().strip())
        s.sync()
        apply_data_preferences(s)
        return old_language != self.language.currentData()
