"""File menu actions for labs that travel: Copy lab as text, Paste lab, Submit result, Class
board. The work is the Qt-free :mod:`mlpstudio.experiment.lab_text` and
:mod:`mlpstudio.experiment.board`; this module asks and shows. Every refusal is one dialog of
one paragraph."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..experiment.lab_text import MAX_TEXT_CHARS, PREFIX, pack_lab, unpack_lab
from ..experiment.labs import LabError
from .i18n import resolve_language
from .settings import app_settings
from .style import number

STUDENT_KEY = "labs/student"


def _language() -> str:
    return resolve_language(QLocale().name().split("_")[0])


def _refuse(parent, title: str, exc: Exception) -> None:
    problems = getattr(exc, "problems", None) or [str(exc)]
    QMessageBox.warning(parent, title, "; ".join(str(p).rstrip(".") for p in problems) + ".")


class LabTextDialog(QDialog):
    """The lab as one line of text (read-only, with Copy), or a box to paste one into."""

    def __init__(self, text: str | None, parent=None):
        super().__init__(parent)
        pasting = text is None
        self.setWindowTitle(self.tr("Paste lab") if pasting else self.tr("Lab as text"))
        self.resize(640, 320)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr("Paste the text of a lab (it starts with {prefix}).").format(prefix=PREFIX)
            if pasting
            else self.tr(
                "Send this text in a chat or put it on a slide; students open it with "
                "File > Paste lab. A checksum at its end refuses a text changed on the way."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.edit = QPlainTextEdit()
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.edit.setWordWrapMode(self.edit.wordWrapMode().WrapAnywhere)
        layout.addWidget(self.edit, 1)
        if pasting:
            clip = QGuiApplication.clipboard().text()[:MAX_TEXT_CHARS]
            if clip.lstrip().startswith(PREFIX):
                self.edit.setPlainText(clip.strip())
            buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
            )
            buttons.accepted.connect(self.accept)
        else:
            self.edit.setPlainText(text)
            self.edit.setReadOnly(True)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            copy = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.edit.toPlainText()


class SubmitDialog(QDialog):
    """The student's name and the results folder, and what will be sent."""

    def __init__(self, lab, results: dict, parent=None):
        from ..experiment.board import errors_of  # (the class board: on use)

        super().__init__(parent)
        self.setWindowTitle(self.tr("Submit result"))
        form = QFormLayout(self)
        self.name = QLineEdit(str(app_settings().value(STUDENT_KEY, "") or ""))
        self.name.setMaxLength(80)
        self.name.setPlaceholderText(self.tr("First name and surname"))
        form.addRow(self.tr("Your name"), self.name)
        folder = lab.results_folder()
        self.folder = QLineEdit("" if folder is None else str(folder))
        browse = QPushButton(self.tr("Choose..."))
        browse.clicked.connect(self._browse)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.folder, 1)
        row_layout.addWidget(browse)
        form.addRow(self.tr("Results folder"), row)
        task, train, test = errors_of(results)
        what = self.tr("1 - accuracy") if task == "classification" else self.tr("MSE")
        summary = QLabel(
            self.tr(
                "{params} parameters; train error {train}, test error {test} ({what}); "
                "with the settings and the loss history."
            ).format(
                params=number(results["params"]),
                train=number(train, significant=3),
                test=number(test, significant=3),
                what=what,
            )  # fmt: skip
        )
        summary.setWordWrap(True)
        form.addRow(self.tr("Sends"), summary)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Submit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # wide enough for the folder, and tall enough for the wrapped summary at any font size
        width = self.fontMetrics().averageCharWidth() * 70
        self.setMinimumWidth(width)
        self.resize(width, form.totalHeightForWidth(width))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Results folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)


class LabActions:
    """The four actions, added to ``menu`` of the main ``window`` (which has ``lab``,
    ``controller`` and ``adopt_lab``); their enabled state follows the open lab."""

    def __init__(self, window, menu):
        self.window = window
        self.board = None
        self.copy = menu.addAction(QCoreApplication.translate("LabActions", "Copy lab as text"))
        self.copy.setToolTip(
            QCoreApplication.translate(
                "LabActions", "The open lab as one line of text, for a chat or a slide."
            )
        )
        self.copy.triggered.connect(self.copy_lab)
        self.paste = menu.addAction(QCoreApplication.translate("LabActions", "Paste lab..."))
        self.paste.setToolTip(
            QCoreApplication.translate("LabActions", "Open a lab from the text your teacher sent.")
        )
        self.paste.triggered.connect(self.paste_lab)
        self.submit = menu.addAction(QCoreApplication.translate("LabActions", "Submit result..."))
        self.submit.setToolTip(
            QCoreApplication.translate(
                "LabActions", "Send your network's result to the lab's results folder."
            )
        )
        self.submit.triggered.connect(self.submit_result)
        window.lab_view.submit.clicked.connect(self.submit_result)
        self.class_board = menu.addAction(
            QCoreApplication.translate("LabActions", "Class board...")
        )
        self.class_board.setToolTip(
            QCoreApplication.translate(
                "LabActions",
                "Everyone's submitted results for a lab: test error against parameters.",
            )
        )
        self.class_board.triggered.connect(self.show_board)
        # "Close lab" is enabled exactly while a lab is open: follow it
        window.act_close_lab.changed.connect(self.update)
        self.update()

    def update(self) -> None:
        has_lab = self.window.lab is not None
        self.copy.setEnabled(has_lab)
        self.submit.setEnabled(has_lab)

    def copy_lab(self) -> None:
        try:
            text = pack_lab(self.window.lab)
        except LabError as exc:
            _refuse(
                self.window, QCoreApplication.translate("LabActions", "Cannot copy the lab"), exc
            )
            return
        QGuiApplication.clipboard().setText(text)
        LabTextDialog(text, self.window).exec()

    def paste_lab(self, text: str | None = None) -> bool:
        if text is None:
            dialog = LabTextDialog(None, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            text = dialog.text()
        try:
            lab = unpack_lab(text)
        except LabError as exc:
            _refuse(
                self.window, QCoreApplication.translate("LabActions", "Cannot open the lab"), exc
            )
            return False
        return self.window.adopt_lab(lab)

    def submit_result(self) -> bool:
        from ..experiment.board import ResultError, errors_of, make_result, submit

        window = self.window
        results = window.controller.results()
        snapshot = window.controller.snapshot
        title = QCoreApplication.translate("LabActions", "Cannot submit the result")
        try:
            errors_of(results)
        except ResultError as exc:
            _refuse(window, title, exc)
            return False
        dialog = SubmitDialog(window.lab, results, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            if not dialog.folder.text().strip():
                raise ResultError(
                    QCoreApplication.translate(
                        "LabActions", "Choose the results folder your teacher gave."
                    )
                )
            body = make_result(
                window.lab, dialog.name.text(), window.controller.saved_config(), results,
                snapshot.history,
            )  # fmt: skip
            path = submit(window.lab, Path(dialog.folder.text().strip()).expanduser(), body)
        except ResultError as exc:
            _refuse(window, title, exc)
            return False
        app_settings().setValue(STUDENT_KEY, body["student"])
        window.statusBar().showMessage(
            QCoreApplication.translate("LabActions", "Result submitted as {file}.").format(
                file=path.name
            )
        )
        return True

    def show_board(self) -> None:
        from ..experiment.labs import load_lab
        from .class_board import ClassBoard

        lab = self.window.lab
        if lab is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                QCoreApplication.translate("LabActions", "Class board: choose the lab"),
                "",
                QCoreApplication.translate("LabActions", "Lab files (*.toml)"),
            )
            if not path:
                return
            try:
                lab = load_lab(path)
            except LabError as exc:
                _refuse(
                    self.window,
                    QCoreApplication.translate("LabActions", "Cannot open the lab"),
                    exc,
                )
                return
        folder = lab.results_folder()
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self.window, QCoreApplication.translate("LabActions", "Results folder")
            )
            if not chosen:
                return
            folder = Path(chosen)
        if self.board is not None:  # one board at a time
            self.board.close()
            self.board.deleteLater()
        self.board = ClassBoard(lab, folder, _language(), self.window)
        self.board.show()
        self.board.raise_()
