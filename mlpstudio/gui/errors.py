"""The app's last line of defence: an unexpected error in a slot shows :class:`ErrorDialog`
(one paragraph, the details, "Copy details") and saves a crash report (:mod:`mlpstudio.crash`).

Apart from :mod:`.app` so that the smoke modes (:mod:`.smoke`), which watch this dialog, and
the app that starts them do not import each other.
"""

from __future__ import annotations

import sys
import traceback


class ErrorDialog:
    """The app's "Unexpected error" dialog: one paragraph, the details, "Copy details", and
    where the crash report was saved. Built on demand (Qt widgets), shown one at a time."""

    _open = None  # the dialog on screen, so that an error repeated by a timer opens only one

    @classmethod
    def show_error(cls, parent, exc: BaseException) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import (
            QApplication,
            QDialog,
            QDialogButtonBox,
            QLabel,
            QPlainTextEdit,
            QPushButton,
            QVBoxLayout,
        )

        from ..crash import save_crash_report
        from ..i18n import translate

        if cls._open is not None:
            return  # the same error again (a timer), or a consequence of the first: one dialog
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        print(details, file=sys.stderr)
        path = save_crash_report(exc)
        dialog = QDialog(parent)
        dialog.setWindowTitle(translate("ErrorDialog", "Unexpected error"))
        where = (
            translate("ErrorDialog", "A crash report was saved to {path}.").format(path=path)
            if path is not None
            else translate("ErrorDialog", "The crash report could not be saved.")
        )
        text = translate(
            "ErrorDialog",
            "Something went wrong; your work is still here. This is a bug in MLP Studio: "
            "please send the details (Copy details) or the crash report to whoever gave you "
            "the app. {where}",
        ).format(where=where)
        label = QLabel(f"{text}\n\n{type(exc).__name__}: {exc}")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        box.setMinimumHeight(120)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(translate("ErrorDialog", "Copy details"))
        copy.setObjectName("copyDetails")
        copy.setToolTip(translate("ErrorDialog", "Copy the technical details to the clipboard."))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(label)
        layout.addWidget(box, 1)
        layout.addWidget(buttons)
        dialog.details, dialog.report_path = details, path
        dialog.resize(640, 360)
        cls._open = dialog
        dialog.finished.connect(lambda _: setattr(cls, "_open", None))
        dialog.open()  # window-modal, without a nested event loop in the failing slot


def install_error_dialog(parent) -> None:
    """Unexpected errors in slots are shown (``parent()``: the window of the moment) instead of
    vanishing or crashing."""

    def hook(kind, value, tb):
        if value is None:
            value = kind()
        if value.__traceback__ is None:
            value = value.with_traceback(tb)
        try:
            ErrorDialog.show_error(parent(), value)
        except Exception:  # noqa: BLE001 (never let the hook itself raise)
            traceback.print_exception(kind, value, tb)

    sys.excepthook = hook
