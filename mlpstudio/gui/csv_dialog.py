"""File > Import CSV...: a student's own table as the experiment's data (``data.kind = csv``).

The dialog shows the first rows, lets the user pick the target column, the input columns
(default: every other numeric column), the task, the separator and the decimal mark (detected,
editable), and reads the whole file with the same reader as the command line before it
accepts, so a refused file is reported here, in one paragraph, and nothing is half-imported.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..data.dataset import DataError
from ..data.tabular import CSV_TASKS, Preview, preview_csv
from ..experiment.build import csv_dataset
from ..experiment.config import DataConfig
from .style import number
from .widgets import message_label, size_for_fonts

PREVIEW_ROWS = 20


class CsvImportDialog(QDialog):
    """Choose the columns of a CSV file; ``data_config()`` is the result after OK."""

    def __init__(self, parent=None, base: DataConfig | None = None, path: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import CSV"))
        self._base = base or DataConfig()
        self._preview: Preview | None = None
        self._result: DataConfig | None = None
        self.dataset = None  # the dataset read on OK (for the caller's information)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.path_label, 1)
        self.choose_button = QPushButton(self.tr("Choose file..."))
        self.choose_button.clicked.connect(self.choose_file)
        top.addWidget(self.choose_button)
        layout.addLayout(top)

        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setToolTip(self.tr("The first rows of the file, as read."))
        layout.addWidget(self.table, 3)

        options = QHBoxLayout()
        form = QFormLayout()
        self.delimiter = QComboBox()
        for label, value in ((self.tr("Detect"), ""), (",", ","), (";", ";"),
                             (self.tr("Tab"), "\t"), ("|", "|")):  # fmt: skip
            self.delimiter.addItem(label, value)
        self.delimiter.setToolTip(self.tr("The character between the columns."))
        form.addRow(self.tr("Separator"), self.delimiter)
        self.decimal = QComboBox()
        for label, value in ((self.tr("Detect"), ""), (self.tr("Point: 1.5"), "."),
                             (self.tr("Comma: 1,5"), ",")):  # fmt: skip
            self.decimal.addItem(label, value)
        self.decimal.setToolTip(self.tr("How the file writes decimals (Spanish files: comma)."))
        form.addRow(self.tr("Decimal mark"), self.decimal)
        self.detected = QLabel()
        self.detected.setWordWrap(True)
        form.addRow("", self.detected)
        self.target = QComboBox()
        self.target.setToolTip(self.tr("The column the network learns to predict."))
        form.addRow(self.tr("Target column"), self.target)
        self.task = QComboBox()
        labels = {
            "auto": self.tr("Automatic (text or few whole numbers: classes)"),
            "regression": self.tr("Regression (predict a number)"),
            "classification": self.tr("Classification (predict a class)"),
        }
        for value in CSV_TASKS:
            self.task.addItem(labels[value], value)
        form.addRow(self.tr("Task"), self.task)
        self.standardize = QCheckBox(self.tr("Standardise the inputs (mean 0, std 1)"))
        self.standardize.setToolTip(
            self.tr("With the mean and standard deviation of the training rows only.")
        )
        form.addRow("", self.standardize)
        # what the box does depends on data.normalize_by: say the divisor that will be used
        if self._base.normalize_by == "max_abs":
            self.normalize = QCheckBox(self.tr("Scale a numeric target to [-1, 1]"))
            self.normalize.setToolTip(
                self.tr("Divide the target by its largest absolute value in the training rows; "
                        "the views show it in the file's units.")
            )  # fmt: skip
        else:
            self.normalize = QCheckBox(self.tr("Divide a numeric target by its maximum"))
            self.normalize.setToolTip(
                self.tr("Divide the target by its largest value in the training rows (the "
                        "course's y / y.max()); the views show it in the file's units.")
            )  # fmt: skip
        form.addRow("", self.normalize)
        options.addLayout(form, 3)
        inputs_box = QVBoxLayout()
        inputs_box.addWidget(QLabel(self.tr("Input columns")))
        self.inputs = QListWidget()
        self.inputs.setToolTip(self.tr("Tick the columns the network reads; they must be numbers."))
        inputs_box.addWidget(self.inputs)
        holder = QWidget()
        holder.setLayout(inputs_box)
        options.addWidget(holder, 2)
        layout.addLayout(options, 2)

        self.message = message_label()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        base = self._base
        self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(base.delimiter)))
        self.decimal.setCurrentIndex(max(0, self.decimal.findData(base.decimal)))
        self.task.setCurrentIndex(max(0, self.task.findData(base.task)))
        self.standardize.setChecked(base.standardize)
        self.normalize.setChecked(base.normalize)
        self.delimiter.currentIndexChanged.connect(lambda _: self._load())
        self.decimal.currentIndexChanged.connect(lambda _: self._load())
        self.target.currentIndexChanged.connect(self._target_changed)
        self.path = ""
        start = path or (base.path if base.kind == "csv" else "")
        self.set_path(start, keep_columns=base.kind == "csv" and start == base.path)
        size_for_fonts(self, 900, 620)

    # -- file --------------------------------------------------------------------------------
    def choose_file(self) -> None:
        folder = str(Path(self.path).parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import CSV"), folder,
            self.tr("CSV tables (*.csv *.txt *.tsv);;All files (*)"),
        )  # fmt: skip
        if path:
            self.set_path(path)

    def set_path(self, path: str, keep_columns: bool = False) -> None:
        self.path = path
        self.path_label.setText(path or self.tr("No file chosen yet."))
        self._load(keep_columns)

    def _load(self, keep_columns: bool = False) -> None:
        """Read the first rows with the chosen separator and decimal mark."""
        self._preview = None
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.target.blockSignals(True)
        self.target.clear()
        self.target.blockSignals(False)
        self.inputs.clear()
        self.detected.clear()
        self._show_message("")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        if not self.path:
            return
        try:
            preview = preview_csv(
                self.path, self.delimiter.currentData(), self.decimal.currentData(), PREVIEW_ROWS
            )
        except DataError as exc:
            self._show_message(str(exc))
            return
        self._preview = preview
        names = {",": ",", ";": ";", "\t": self.tr("Tab"), "|": "|"}
        marks = {".": self.tr("point"), ",": self.tr("comma")}
        self.detected.setText(
            self.tr("Read with separator “{sep}” and decimal {dec}; {n} columns.").format(
                sep=names.get(preview.delimiter, preview.delimiter),
                dec=marks.get(preview.decimal, preview.decimal),
                n=number(len(preview.columns)),
            )
        )
        self.table.setColumnCount(len(preview.columns))
        self.table.setHorizontalHeaderLabels(list(preview.columns))
        self.table.setRowCount(len(preview.rows))
        for i, row in enumerate(preview.rows):
            for j, cell in enumerate(row[: len(preview.columns)]):
                self.table.setItem(i, j, QTableWidgetItem(cell))
        self.table.resizeColumnsToContents()
        target = self._base.target if keep_columns else ""
        index = self._column(target) if target else len(preview.columns) - 1
        self.target.blockSignals(True)
        for name in preview.columns:
            self.target.addItem(name)
        self.target.setCurrentIndex(index if index is not None else len(preview.columns) - 1)
        self.target.blockSignals(False)
        chosen = None
        if keep_columns and self._base.inputs:
            chosen = {self._column(spec) for spec in self._base.inputs}
        self._fill_inputs(chosen)
        ok.setEnabled(True)

    def _column(self, spec: str) -> int | None:
        columns = self._preview.columns if self._preview else ()
        if spec.isdigit() and 1 <= int(spec) <= len(columns):
            return int(spec) - 1
        return columns.index(spec) if spec in columns else None

    def _fill_inputs(self, chosen: set | None = None) -> None:
        """One checkable row per column but the target; by default every numeric one."""
        preview = self._preview
        self.inputs.clear()
        if preview is None:
            return
        t = self.target.currentIndex()
        for j, name in enumerate(preview.columns):
            if j == t:
                continue
            item = QListWidgetItem(name if preview.numeric[j] else self.tr("{name} (text)")
                                   .format(name=name))  # fmt: skip
            item.setData(Qt.ItemDataRole.UserRole, j)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if not preview.numeric[j]:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            on = preview.numeric[j] if chosen is None else j in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.inputs.addItem(item)

    def _target_changed(self, _index: int) -> None:
        self._fill_inputs()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- result ------------------------------------------------------------------------------
    def checked_inputs(self) -> list[str]:
        columns = self._preview.columns if self._preview else ()
        out = []
        for i in range(self.inputs.count()):
            item = self.inputs.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(columns[item.data(Qt.ItemDataRole.UserRole)])
        return out

    def _config(self) -> DataConfig:
        """The base ``[data]`` with the dialog's choices. Inputs are written out only when
        they differ from the default (every other numeric column)."""
        preview = self._preview
        assert preview is not None
        target = preview.columns[self.target.currentIndex()]
        inputs = self.checked_inputs()
        default = [c for j, c in enumerate(preview.columns)
                   if preview.numeric[j] and c != target]  # fmt: skip
        return dataclasses.replace(
            self._base,
            kind="csv",
            path=self.path,
            target=target,
            inputs=[] if inputs == default else inputs,
            delimiter=self.delimiter.currentData(),
            decimal=self.decimal.currentData(),
            task=self.task.currentData(),
            standardize=self.standardize.isChecked(),
            normalize=self.normalize.isChecked(),
        )

    def accept(self) -> None:
        if self._preview is None:
            return
        if not self.checked_inputs():
            self._show_message(self.tr("Tick at least one input column."))
            return
        data = self._config()
        try:
            self.dataset = csv_dataset(data)  # the whole file, with the same reader as the CLI
        except DataError as exc:
            self._show_message(str(exc))
            return
        self._result = data
        super().accept()

    def data_config(self) -> DataConfig | None:
        """The ``[data]`` section to use, or None when the dialog was cancelled."""
        return self._result
