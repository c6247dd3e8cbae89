"""Comparing architectures: the course's closing question, answered with a table and a plot.

Which architecture fits well (low training error), is efficient (few parameters) and
generalises (test error close to training error)? Every architecture is trained on the same
data, with the same seed and training settings, by the Qt-free
:class:`~mlpstudio.experiment.compare.Comparison` in a training process of the window's own:
rows and progress come back as checked messages, so the window stays responsive and Stop acts
within a mini-batch. The window polls them, fills the table row by row and plots train and test
error against the parameter count on a log axis, where under- and over-fitting are visible.
Any row opens as an experiment.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..experiment.compare import (
    COMPARISON_CASES,
    Comparison,
    check_count,
    grid,
    parse_architecture,
    rows_csv,
)
from ..experiment.config import Config, ConfigError
from ..experiment.files import atomic_write_text
from ..experiment.presets import preset_config
from ..experiment.remote import TrainingProcess
from ..experiment.shape import experiment_shape
from ..i18n import translate
from .controller import MODE_ENV
from .error_plot import ErrorPlot
from .style import number
from .widgets import size_for_fonts
from .worker import ThreadComparison


class CompareWindow(QWidget):
    """A separate window; ``openRequested(config, row)`` asks the main window to adopt a row."""

    openRequested = Signal(object, object)

    def __init__(self, config_source, parent=None):
        """``config_source()`` returns the experiment to compare on (the main window's)."""
        super().__init__(parent, Qt.WindowType.Window)
        self.config_source = config_source
        self.setWindowTitle(self.tr("Compare architectures"))
        size_for_fonts(self, 1100, 700)
        self.comparison = None  # the job: in the training process, or a thread as a fallback
        self.config: Config | None = None
        self.process: TrainingProcess | None = None  # started by the first Run
        self._shown_rows = 0
        #: Why the typed architectures cannot be trained (shown in red under the form; Run is
        #: disabled meanwhile), or None when they can.
        self.list_problem: str | None = None

        form = QFormLayout()
        self.case = QComboBox()
        self.case.addItem(self.tr("The main window's experiment"), "")
        for name, (label, _) in COMPARISON_CASES.items():
            self.case.addItem(translate("Compare", label), name)
        self.case.setToolTip(
            self.tr(
                "Compare on the main window's data, or on a ready-made case whose answers differ."
            )
        )
        form.addRow(self.tr("Data"), self.case)
        self.by_list = QRadioButton(self.tr("List"))
        self.by_grid = QRadioButton(self.tr("Depth x width grid"))
        self.by_list.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_list)
        group.addButton(self.by_grid)
        mode = QHBoxLayout()
        mode.addWidget(self.by_list)
        mode.addWidget(self.by_grid)
        mode.addStretch(1)
        form.addRow(self.tr("Architectures"), mode)
        self.list_edit = QLineEdit("10; 50; 50,50")
        self.list_edit.setToolTip(
            self.tr(
                "Hidden layers of each architecture, separated by ';'. '50,50' is two "
                "hidden layers of 50 units; '0' is no hidden layer."
            )
        )
        form.addRow(self.tr("Hidden layers"), self.list_edit)
        self.parsed = QLabel()  # what will be trained, as the user types
        self.parsed.setWordWrap(True)
        self.parsed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.depths = QLineEdit("1, 2")
        self.depths.setToolTip(self.tr("Numbers of hidden layers, e.g. 1, 2, 3."))
        self.widths = QLineEdit("5, 10, 50")
        self.widths.setToolTip(self.tr("Units per hidden layer, e.g. 5, 10, 50."))
        grid_row = QHBoxLayout()
        grid_row.addWidget(QLabel(self.tr("depths")))
        grid_row.addWidget(self.depths)
        grid_row.addWidget(QLabel(self.tr("widths")))
        grid_row.addWidget(self.widths)
        form.addRow(self.tr("Grid"), grid_row)
        self._form, self._grid_row = form, grid_row
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 1_000_000)
        self.epochs.setToolTip(
            self.tr("Epochs for every architecture (the same for all, so the comparison is fair).")
        )
        form.addRow(self.tr("Epochs"), self.epochs)

        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Train every architecture on the same data and seed."))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the architecture being trained."))
        self.open_button = QPushButton(self.tr("Open as experiment"))
        self.open_button.setToolTip(self.tr("Continue with the selected row in the main window."))
        self.csv_button = QPushButton(self.tr("Export CSV..."))
        self.csv_button.setToolTip(self.tr("Save the table as a CSV file."))
        for button in (self.run_button, self.stop_button, self.open_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.progress_label = QLabel()

        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels([
            self.tr("Hidden layers"), self.tr("Network"), self.tr("Parameters"),
            self.tr("Train loss"), self.tr("Test loss"), self.tr("Train metric"),
            self.tr("Test metric"), self.tr("Epochs"), self.tr("Seconds"),
        ])  # fmt: skip
        header = self.table.horizontalHeader()
        # the columns share the window's width (no sideways scrolling on a small screen); a
        # header cut short says its whole name in its tooltip
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column in range(self.table.columnCount()):
            item = self.table.horizontalHeaderItem(column)
            item.setToolTip(item.text())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _: self.open_selected())

        self.plot = ErrorPlot()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addLayout(form)
        # under the form, not in a row of it: a wrapping label in a form row was given room
        # for several lines, pushing the plot down
        top_layout.addWidget(self.parsed)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.progress_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.plot)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)  # the plot is what a class looks at
        self._splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(splitter, 1)

        self.run_button.clicked.connect(self.run)
        self.stop_button.clicked.connect(self.stop)
        self.open_button.clicked.connect(self.open_selected)
        self.csv_button.clicked.connect(self.export_csv)
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._poll)
        self.epochs.setValue(config_source().training.epochs)
        self.case.currentIndexChanged.connect(self._case_chosen)
        for edit in (self.list_edit, self.depths, self.widths):
            edit.textChanged.connect(self._show_parsed)
        self.by_list.toggled.connect(self._show_parsed)
        self.by_list.toggled.connect(self._mode_changed)
        self._mode_changed()
        self._show_parsed()
        self._update_buttons()

    # -- running -----------------------------------------------------------------------------
    def architectures(self) -> list[list[int]]:
        """The hidden layers of every architecture; ambiguous or invalid text raises
        :class:`ConfigError` with one message.

        Architectures are separated by ';' (or new lines) and the layers of one architecture
        by ',': "10; 50" is two networks, "10,50" one network with two hidden layers. Numbers
        separated only by spaces ("10 50") could mean either, so they are refused."""
        if self.by_list.isChecked():
            specs = [s.strip() for s in re.split(r"[;\n]", self.list_edit.text()) if s.strip()]
            if not specs:
                raise ConfigError([self.tr("Write at least one architecture, e.g. 10; 50,50.")])
            for spec in specs:
                if re.search(r"\d\s+\d", spec):
                    numbers = spec.split()
                    raise ConfigError([
                        self.tr(
                            "'{spec}' is ambiguous: write {separate} for separate networks, "
                            "or {layers} for one network with these hidden layers."
                        ).format(spec=spec, separate="; ".join(numbers),
                                 layers=",".join(numbers))
                    ])  # fmt: skip
            return [parse_architecture(s) for s in specs]
        return grid(self._numbers(self.depths, self.tr("depths")),
                    self._numbers(self.widths, self.tr("widths")))  # fmt: skip

    def _numbers(self, edit: QLineEdit, what: str) -> list[int]:
        values = []
        for part in re.split(r"[,;\s]+", edit.text().strip()):
            if not part:
                continue
            if not part.isdigit():
                raise ConfigError([
                    self.tr("{what}: '{part}' is not a whole number; write numbers separated "
                            "by commas, e.g. 1, 2, 3.").format(what=what, part=part)
                ])  # fmt: skip
            values.append(int(part))
        return values

    def _mode_changed(self, *_) -> None:
        """Only the rows of the chosen way of listing architectures (room for the plot)."""
        listing = self.by_list.isChecked()
        self._form.setRowVisible(self.list_edit, listing)
        self._form.setRowVisible(self._grid_row, not listing)

    def _show_parsed(self, *_) -> None:
        """Show, as the user types, the networks a run would train, or what is wrong (and
        Run is disabled until it is fixed)."""
        try:
            architectures = self.architectures()
            check_count(architectures)
        except (ConfigError, ValueError) as exc:
            self.list_problem = str(exc)
            self.parsed.setStyleSheet("color: #b00020;")
            self.parsed.setText(self.list_problem)
            self._update_buttons()
            return
        self.list_problem = None
        self._update_buttons()
        self.parsed.setStyleSheet("")
        shown = [
            "(" + ", ".join(number(w) for w in widths) + ")" if widths else self.tr("(none)")
            for widths in architectures
        ]
        self.parsed.setText(
            self.tr("Networks to train ({n}), hidden layers: {list}").format(
                n=number(len(architectures)), list="; ".join(shown)
            )
        )

    def _case_chosen(self) -> None:
        """A ready-made case sets its architectures and its preset's epochs."""
        case = self.case.currentData()
        if not case:
            self.epochs.setValue(self.config_source().training.epochs)
            return
        self.by_list.setChecked(True)
        self.list_edit.setText("; ".join(",".join(map(str, a)) for a in COMPARISON_CASES[case][1]))
        self.epochs.setValue(preset_config(case).training.epochs)

    def is_running(self) -> bool:
        return self.comparison is not None and self.comparison.is_running()

    def run(self) -> None:
        if self.is_running():
            return
        try:
            architectures = self.architectures()
            case = self.case.currentData()
            config = preset_config(case) if case else self.config_source().copy()
            config.training.epochs = self.epochs.value()
            Comparison(config, architectures)  # refuses what it cannot compare
            experiment_shape(config)  # and a head that cannot learn the data (reads no images)
        except (ConfigError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Cannot compare"), str(exc))
            return
        self.config = config
        self._shown_rows = 0
        self.table.setRowCount(0)
        self.progress_label.setText(self.tr("Starting..."))
        self.comparison = self._start(config, architectures)
        self._timer.start()
        self._update_buttons()

    def _start(self, config: Config, architectures: list[list[int]]):
        """The comparison in the window's training process (the data is read there), or in a
        thread when there is none (``MLPSTUDIO_TRAINING=thread``, or it failed to start)."""
        if os.environ.get(MODE_ENV, "process") == "process":
            if self.process is None:
                self.process = TrainingProcess()
            job = self.process.compare(config.to_toml(), architectures)
            if not job.start_failed:
                return job
            self.process = None
        return ThreadComparison(config, architectures)

    def stop(self) -> None:
        if self.comparison is not None:
            self.comparison.stop()

    def _poll(self) -> None:
        job = self.comparison
        if job is None:
            return
        if job.start_failed:  # the process never started: compare in a thread instead
            self.process = None
            self.comparison = ThreadComparison(self.config, job.architectures)
            return
        rows = job.rows
        for row in rows[self._shown_rows :]:
            self._add_row(row)
        self._shown_rows = len(rows)
        if rows:
            self._plot(rows)
        n = len(job.architectures)
        if job.is_running() and job.progress is not None:
            index, epoch, total = job.progress
            hidden = ",".join(map(str, job.architectures[index])) or "0"
            self.progress_label.setText(
                self.tr("Training {i} of {n}: hidden layers {hidden}, epoch {epoch} of {total}")
                .format(i=index + 1, n=n, hidden=hidden, epoch=number(epoch),
                        total=number(total)))  # fmt: skip
        elif not job.is_running():
            self._timer.stop()
            done = self.tr("Done: {k} of {n} architectures.").format(k=len(rows), n=n)
            self.progress_label.setText(f"{done} {job.error or ''}".strip())
            self._update_buttons()

    def _add_row(self, row) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        metric = self.tr("R²") if row.metric == "r2" else self.tr("accuracy")
        values = [
            ",".join(map(str, row.hidden)) or "0",
            row.label,
            number(row.params),
            number(row.train_loss, significant=4),
            number(row.test_loss, significant=4),
            f"{metric} {number(row.train_metric, 4)}",
            f"{metric} {number(row.test_metric, 4)}",
            number(row.epochs),
            number(row.seconds, 1),
        ]
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, c, item)

    def _plot(self, rows) -> None:
        """Train and test error against parameters: MSE for regression, 1 - accuracy for
        classes (the metric the course plots), each point named by its layer sizes."""
        if not rows:
            return
        if rows[0].metric == "r2":
            train = [r.train_loss for r in rows]
            test = [r.test_loss for r in rows]
        else:
            train = [1 - r.train_metric for r in rows]
            test = [1 - r.test_metric for r in rows]
        self.plot.show_errors(
            [r.params for r in rows],
            train,
            test,
            classes=rows[0].metric != "r2",
            names=[r.label for r in rows],
        )

    # -- results -----------------------------------------------------------------------------
    def _selected_row(self):
        r = self.table.currentRow()
        if self.comparison is None or not 0 <= r < len(self.comparison.rows):
            return None
        return self.comparison.rows[r]

    def open_selected(self) -> None:
        row = self._selected_row()
        if row is None or row.final_params is None:
            return
        if not row.hidden:
            QMessageBox.information(
                self,
                self.tr("Open as experiment"),
                self.tr(
                    "A network without hidden layers cannot be opened "
                    "as an experiment; give it at least one."
                ),
            )
            return
        config = self.config.copy()
        activations = config.model.activations()  # (one name: a comparison refuses a list)
        config.model.activation = activations[0] if activations else config.model.activation
        config.model.hidden = list(row.hidden)
        self.openRequested.emit(config, row)

    def export_csv(self) -> None:
        if self.comparison is None or not self.comparison.rows:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export comparison"), "comparison.csv", self.tr("CSV table (*.csv)")
        )
        if path:
            try:
                atomic_write_text(path, rows_csv(self.comparison.rows))
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Export failed"), str(exc))

    def _update_buttons(self) -> None:
        running = self.is_running()
        self.run_button.setEnabled(not running and self.list_problem is None)
        self.run_button.setToolTip(  # (a disabled button still shows its tooltip)
            self.list_problem or self.tr("Train every architecture on the same data and seed.")
        )
        self.stop_button.setEnabled(running)
        has_rows = self.comparison is not None and bool(self.comparison.rows)
        self.open_button.setEnabled(has_rows and not running)
        self.csv_button.setEnabled(has_rows)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """The first time: a third of the height for the table, the rest for the plot."""
        super().showEvent(event)
        if not getattr(self, "_split_done", False):
            self._split_done = True
            total = sum(self._splitter.sizes()) or self._splitter.height()
            self._splitter.setSizes([total // 3, total - total // 3])

    def closeEvent(self, event) -> None:  # noqa: N802
        self.stop()
        if self.comparison is not None:
            self.comparison.wait(2000)
        if self.process is not None:
            self.process.shutdown(timeout=1)
            self.process = None
        super().closeEvent(event)
