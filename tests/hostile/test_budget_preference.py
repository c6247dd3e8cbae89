"""The memory budget as a preference: validated in the dialog, exported like the data folder."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from mlpstudio.gui import preferences
from mlpstudio.memory import budget


def test_the_budget_preference_is_refused_when_invalid_and_exported_when_valid(
    sandbox, qtbot, monkeypatch
):
    monkeypatch.delenv("MLPSTUDIO_MEMORY_BUDGET")
    monkeypatch.setitem(preferences._FROM_ENVIRONMENT, "MLPSTUDIO_MEMORY_BUDGET", None)
    warnings = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text))
    )
    settings = QSettings(str(sandbox.root / "settings.ini"), QSettings.Format.IniFormat)
    dialog = preferences.PreferencesDialog(settings)
    qtbot.addWidget(dialog)

    dialog.budget.setText("plenty")
    dialog.accept()  # refused: the dialog stays open and nothing is stored
    assert dialog.result() == 0 and len(warnings) == 1 and "plenty" in warnings[0]
    assert settings.value("memory/budget", "") == ""

    dialog.budget.setText("300M")
    dialog.accept()
    assert dialog.result() == 1
    dialog.save()
    assert settings.value("memory/budget") == "300M"
    assert os.environ["MLPSTUDIO_MEMORY_BUDGET"] == "300M" and budget()[0] == 300 << 20

    dialog.budget.setText("")  # empty: back to the default from the available memory
    dialog.save()
    assert "MLPSTUDIO_MEMORY_BUDGET" not in os.environ
