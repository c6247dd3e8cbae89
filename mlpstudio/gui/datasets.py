"""Getting image datasets from the GUI: download with progress and Cancel, import from a folder,
and a manager that shows what is on this computer.

The work itself is the Qt-free :mod:`mlpstudio.data.store`; here it runs in a background thread
(downloads can take minutes on a lab network) while a timer in the GUI thread shows progress,
so the window never freezes and Cancel always answers.
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..data import store
from ..data.catalog import INFO_SETS, SET_LABELS, SET_NAMES
from ..data.dataset import DataError
from ..i18n import translate
from .dataset_cards import DatasetCard
from .style import number


def size_text(n: int) -> str:
    """A byte count in the interface's language (48,7 MB in Spanish)."""
    return store.format_size(n, lambda value: number(value, 1))


def set_title(name: str) -> str:
    return translate("Datasets", SET_LABELS.get(name, name))


def status_text(widget: QWidget, status) -> str:
    """One translated line about a set in the store."""
    size = size_text(status.size)
    if status.state == "missing":
        return translate("Datasets", "Not on this computer yet.")
    if status.state == "ready":
        hashed = sum(1 for f in status.files if f.state == "verified")
        if hashed == len(status.files):
            return translate("Datasets", "Ready, {size}: every file verified by checksum.").format(
                size=size
            )
        text = translate(
            "Datasets",
            "Ready, {size}: {hashed} of {n} files verified by checksum, the others checked by "
            "size and labels.",
        )
        return text.format(size=size, hashed=hashed, n=len(status.files))
    if status.state == "corrupt":
        bad = ", ".join(f.path.name for f in status.files if f.state == "corrupt")
        text = translate("Datasets", "Damaged files: {files}. Download or import them again.")
        return text.format(files=bad)
    missing = ", ".join(f.name for f in status.files if f.state == "missing")
    return translate("Datasets", "Incomplete: {files} missing.").format(files=missing)


class _Job:
    """A function run in a thread, with progress the GUI reads and a cancel flag it sets."""

    def __init__(self, work):
        self.work = work
        self.file, self.done, self.total = "", 0, 0
        self.cancelled = False
        self.result = None
        self.error: BaseException | None = None
        self.finished = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            self.result = self.work(self)
        except BaseException as exc:  # reported in the GUI thread
            self.error = exc
        finally:
            self.finished.set()

    def progress(self, file: str, done: int, total: int) -> None:
        self.file, self.done, self.total = file, done, total

    def cancel_requested(self) -> bool:
        return self.cancelled


class JobDialog(QProgressDialog):
    """Runs a :class:`_Job` with a progress bar and Cancel; ``done`` says if it succeeded."""

    done = Signal(bool)

    def __init__(self, title: str, job: _Job, parent=None):
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setCancelButtonText(self.tr("Cancel"))
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)
        self.canceled.connect(self._cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self.job.thread.start()
        self._timer.start()
        self.show()

    def _cancel(self) -> None:
        self.job.cancelled = True
        self.setLabelText(self.tr("Cancelling..."))

    def _poll(self) -> None:
        job = self.job
        if job.total:
            self.setRange(0, 1000)
            self.setValue(int(1000 * job.done / job.total))
            self.setLabelText(self.tr("{file}: {done} of {total}").format(
                file=job.file, done=size_text(job.done),
                total=size_text(job.total)))  # fmt: skip
        if job.finished.is_set():
            self._timer.stop()
            self.hide()
            self.done.emit(job.error is None)
            self.deleteLater()


def download(parent: QWidget, name: str, on_done) -> JobDialog:
    """Download set ``name`` with a progress dialog; ``on_done(ok)`` afterwards."""
    job = _Job(lambda j: store.fetch(name, progress=j.progress, cancel=j.cancel_requested))
    dialog = JobDialog(
        translate("Datasets", "Downloading {name}").format(name=set_title(name)), job, parent
    )

    def finished(ok: bool) -> None:
        if not ok:
            if isinstance(job.error, store.DownloadCancelled):
                QMessageBox.information(
                    parent,
                    translate("Datasets", "Download cancelled"),
                    translate("Datasets", "Nothing was kept; you can start again."),
                )
            else:
                QMessageBox.warning(
                    parent, translate("Datasets", "Download failed"), str(job.error)
                )
        on_done(ok)

    dialog.done.connect(finished)
    dialog.start()
    return dialog


def import_from_folder(parent: QWidget, name: str, on_done, folder: str | None = None):
    """Ask for a folder, import set ``name`` from it (checked first), then report."""
    if folder is None:
        folder = QFileDialog.getExistingDirectory(
            parent,
            translate("Datasets", "Folder with the {name} files").format(name=set_title(name)),
        )
        if not folder:
            return None
    job = _Job(lambda j: store.import_folder(name, folder))
    dialog = JobDialog(
        translate("Datasets", "Importing {name}").format(name=set_title(name)), job, parent
    )

    def finished(ok: bool) -> None:
        report = job.result
        if not ok or report is None:
            QMessageBox.warning(parent, translate("Datasets", "Import failed"), str(job.error))
        elif report.ok:
            QMessageBox.information(parent, translate("Datasets", "Import finished"),
                                    "\n".join(report.lines()))  # fmt: skip
        else:
            QMessageBox.warning(
                parent, translate("Datasets", "Import incomplete"), "\n".join(report.lines())
            )
        on_done(ok and report is not None and report.ok)

    dialog.done.connect(finished)
    dialog.start()
    return dialog


class DatasetManager(QDialog):
    """Every image set: whether it is here, its size, how it was checked; get or check it."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Datasets"))
        self.resize(1000, 640)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and screen.width() > 0:  # a 1280x720 projector
            self.resize(min(1000, screen.width() - 40), min(640, screen.height() - 40))
        layout = QVBoxLayout(self)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        layout.addWidget(self.folder_label)
        self.table = QTableWidget(len(SET_NAMES) + len(INFO_SETS), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Dataset"), self.tr("Size"),
                                              self.tr("State")])  # fmt: skip
        header = self.table.horizontalHeader()
        for column in (0, 1):  # the set's name and size in full; the state takes the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per set; the whole state in the tooltip
        self.card = DatasetCard()
        split = QSplitter(Qt.Orientation.Vertical)  # a small screen shares the height
        split.addWidget(self.table)
        split.addWidget(self.card)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.download_button = QPushButton(self.tr("Download"))
        self.download_button.setToolTip(self.tr("Download the selected set and verify it."))
        self.import_button = QPushButton(self.tr("Import from folder..."))
        self.import_button.setToolTip(self.tr("Copy the selected set's files from a folder."))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setToolTip(self.tr("Read every file again and check it."))
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setToolTip(self.tr("Show the data folder in the file manager."))
        for button in (self.download_button, self.import_button, self.verify_button,
                       self.open_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.download_button.clicked.connect(lambda: download(self, self._selected(), self._after))
        self.import_button.clicked.connect(
            lambda: import_from_folder(self, self._selected(), self._after)
        )
        self.verify_button.clicked.connect(self._verify)
        self.open_button.clicked.connect(self._open_folder)
        self.table.currentCellChanged.connect(self._show_card)
        self.table.selectRow(0)
        self.refresh()

    def _selected(self) -> str:
        row = max(0, self.table.currentRow())
        return (SET_NAMES + tuple(INFO_SETS))[row]

    def _show_card(self, *_) -> None:
        """The selected set's card; the buttons apply only to sets MLP Studio can load."""
        name = self._selected()
        loadable = name not in INFO_SETS
        for button in (self.download_button, self.import_button, self.verify_button):
            button.setEnabled(loadable)
        self.card.show_set(name)

    def refresh(self) -> None:
        folder = store.data_dir()
        mirror = store.mirror_url()
        text = self.tr("Data folder: {folder}").format(folder=folder)
        if mirror:
            text += "\n" + self.tr("Downloads come from the mirror {url}").format(url=mirror)
        self.folder_label.setText(text)
        for row, name in enumerate(SET_NAMES):
            status = store.status(name)
            for col, value in enumerate(
                (
                    set_title(name),
                    size_text(status.size) if status.size else "–",
                    status_text(self, status),
                )
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
        for row, info in enumerate(INFO_SETS.values(), start=len(SET_NAMES)):
            for col, value in enumerate(
                (info.title, "–", self.tr("Information only: not loadable in MLP Studio."))
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.card.forget()
        self._show_card()

    def _after(self, ok: bool) -> None:
        self.refresh()
        self.changed.emit()

    def _verify(self) -> None:
        name = self._selected()
        try:
            (status,) = store.verify(name)
        except DataError as exc:
            QMessageBox.warning(self, self.tr("Verify"), str(exc))
            return
        QMessageBox.information(self, self.tr("Verify"),
                                "\n".join(f.describe() for f in status.files))  # fmt: skip
        self.refresh()
        self.changed.emit()

    def _open_folder(self) -> None:
        folder = store.data_dir()
        os.makedirs(folder, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
