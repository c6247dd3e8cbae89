"""The teacher's class board: every result submitted to a lab's folder, live.

The plot is the comparison window's (train and test error against parameters, log axes), one
pair of points per submitted result, the best fits named on the plot; the table lists the best
fits first. A timer re-reads the folder every :data:`REFRESH_MS` while "Live" is ticked; the
Qt-free :class:`~mlpstudio.experiment.board.BoardReader` re-reads only new or changed files.
Files that are not genuine results of this lab are listed under the table, one note each.
The folder is read in a thread: a slow or hung shared drive never freezes the window.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..experiment.board import BoardReader, ResultError
from .error_plot import ErrorPlot
from .style import number
from .widgets import size_for_fonts

#: How often a live board re-reads its folder (a shared drive: polling, not file events,
#: which network file systems do not deliver).
REFRESH_MS = 2000
#: How many of the best fits are named on the plot (more would cover each other).
NAMED_ON_PLOT = 5
READER_THREAD = "class-board-read"


class ClassBoard(QWidget):
    #: (the reader that read, a Board or the reason it could not): from the reading thread
    boardRead = Signal(object, object)

    def __init__(self, lab, folder, language: str, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self._reading = self._again = False
        self.boardRead.connect(self._show)
        self.lab, self.language = lab, language
        self.reader = BoardReader(lab, folder)
        self.board = None
        self.setWindowTitle(self.tr("Class board: {title}").format(title=lab.title_in(language)))
        size_for_fonts(self, 1100, 650)

        self.folder_label = QLabel()
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)  # a folder named <b>... too
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_label = QLabel()
        choose = QPushButton(self.tr("Folder..."))
        choose.setToolTip(self.tr("Read the results from another folder."))
        choose.clicked.connect(self.choose_folder)
        self.live = QCheckBox(self.tr("Live"))
        self.live.setToolTip(
            self.tr("Read the folder again every {seconds} seconds.").format(
                seconds=number(REFRESH_MS / 1000)
            )
        )
        self.live.setChecked(True)
        self.live.toggled.connect(self._live_toggled)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.count_label)
        for widget in (choose, self.live, refresh):
            top.addWidget(widget)

        self.plot = ErrorPlot()

        # two-line headers: the table fits beside the plot in presentation mode too
        headers = [
            self.tr("#"),
            self.tr("Student"),
            self.tr("Hidden\nlayers"),
            self.tr("Parameters"),
            self.tr("Train\nerror"),
            self.tr("Test\nerror"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # names elide, with a
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # tip
        self.notes_title = QLabel(self.tr("Skipped files"))
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Best fits (lowest test error first)")))
        side_layout.addWidget(self.table, 3)
        side_layout.addWidget(self.notes_title)
        side_layout.addWidget(self.notes, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.plot)
        splitter.addWidget(side)
        splitter.setSizes([520, 580])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.live.isChecked():
            self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt): a closed board reads nothing
        self.timer.stop()
        super().hideEvent(event)

    # -- reading -----------------------------------------------------------------------------
    def set_folder(self, folder) -> None:
        self.reader = BoardReader(self.lab, folder)
        self.refresh()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Results folder"), str(self.reader.folder)
        )
        if folder:
            self.set_folder(folder)

    def _live_toggled(self, on: bool) -> None:
        if on:
            self.timer.start()
            self.refresh()
        else:
            self.timer.stop()

    def refresh(self) -> None:
        """Read the folder in a thread (a shared drive may be slow or hang: the window never
        waits for it); the board is shown when the read ends. One read at a time; a refresh
        asked for meanwhile runs right after it."""
        self.folder_label.setText(self.tr("Folder: {folder}").format(folder=self.reader.folder))
        self.folder_label.setToolTip(str(self.reader.folder))
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        threading.Thread(
            target=self._read, args=(self.reader,), name=READER_THREAD, daemon=True
        ).start()

    def is_reading(self) -> bool:
        return self._reading

    def _read(self, reader) -> None:  # in the reading thread: no widgets here
        try:
            outcome = reader.read()
        except ResultError as exc:  # the drive went away
            outcome = str(exc)
        try:
            self.boardRead.emit(reader, outcome)
        except RuntimeError:  # the window was closed and deleted meanwhile
            pass

    def _show(self, reader, outcome) -> None:
        self._reading = False
        if reader is self.reader:  # not a read of a folder left meanwhile
            if isinstance(outcome, str):  # say so, keep the last board
                self.count_label.setText("")
                self.notes_title.show()
                self.notes.show()
                self.notes.clear()
                self.notes.addItem(outcome)
            else:
                self._show_board(outcome)
        if self._again or reader is not self.reader:
            self.refresh()

    def _show_board(self, board) -> None:
        self.board = board
        ranked = board.best()
        self.count_label.setText(self.tr("Results: {n}").format(n=number(len(ranked))))
        self._fill_table(ranked)
        self._plot(ranked)
        self.notes.clear()
        self.notes.addItems(board.notes)
        self.notes_title.setVisible(bool(board.notes))
        self.notes.setVisible(bool(board.notes))

    # -- showing -----------------------------------------------------------------------------
    def _fill_table(self, ranked) -> None:
        self.table.setRowCount(len(ranked))
        for r, e in enumerate(ranked):
            values = [
                number(r + 1),
                e.student,
                e.architecture,
                number(e.params),
                number(e.train_error, significant=3),
                number(e.test_error, significant=3),
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c in (0, 3, 4, 5):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c == 1:
                    item.setToolTip(
                        self.tr("{student}: {file}, submitted {when}").format(
                            student=e.student, file=e.file, when=e.submitted
                        )
                    )
                self.table.setItem(r, c, item)

    def _plot(self, ranked) -> None:
        """Everyone's train and test error against parameters, the best fits named."""
        classes = sum(e.task == "classification" for e in ranked) > len(ranked) / 2
        names = [e.student.split()[0] if i < NAMED_ON_PLOT else None for i, e in enumerate(ranked)]
        self.plot.show_errors(
            [e.params for e in ranked],
            [e.train_error for e in ranked],
            [e.test_error for e in ranked],
            classes=classes,
            names=names,
        )
