"""Vectorisation: the shapes of a forward pass for the current batch size (issue #13).

For a batch of B samples the course writes one sample per column: X = A^[0] is N_0 x B and
Z^[l] = W^[l] A^[l-1] + b^[l], A^[l] = S^[l](Z^[l]) are N_l x B. The code stores one sample
per row (B x N_l, ``Z = A @ W.T + b``): the table shows both. Below it, the multiplications a
sample costs, sum N_l N_{l-1}, beside the parameter count sum N_l (N_{l-1} + 1). The numbers
come from :func:`mlpstudio.core.course.batch_shapes`; nothing here depends on training.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.course import BatchShapes, batch_shapes
from ..style import number
from .base import View

COLUMNS = 4  # name, course shape, code shape, multiplications per sample


def shape_text(shape: tuple[int, ...]) -> str:
    """``(10, 16)`` written ``10 × 16`` with the interface's numbers."""
    return " × ".join(number(n) for n in shape)


class ShapesView(View):
    export_name = "shapes"

    def __init__(self, batch_size: Callable[[], int] | None = None, parent=None):
        super().__init__(parent)
        self._batch_size = batch_size  # the training batch size, read when drawing
        self.caption.setText(
            self.tr("<b>Shapes</b> of one mini-batch: a column per sample, as in the course")
        )
        # the lines and the whole table scroll together: a short dock (presentation mode)
        # squeezed the table to one visible row under the lines
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        self.body.addWidget(self.scroll, 1)
        self.batch_label = QLabel()
        self.batch_label.setWordWrap(True)
        self.batch_label.setContentsMargins(6, 2, 6, 2)
        self.content_layout.addWidget(self.batch_label)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                "",
                self.tr("course (columns)"),
                self.tr("code (rows)"),
                self.tr("multiplications per sample"),
            ]
        )
        self.table.horizontalHeaderItem(1).setToolTip(
            self.tr("One sample per column: Z^[l] = W^[l] A^[l-1] + b^[l] is N_l × B.")
        )
        self.table.horizontalHeaderItem(2).setToolTip(
            self.tr("MLP Studio stores one sample per row and computes Z = A W^T + b (B × N_l).")
        )
        self.table.horizontalHeaderItem(3).setToolTip(
            self.tr("W^[l] a^[l-1] costs N_l × N_{l-1} multiplications for each sample.")
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setContentsMargins(6, 2, 6, 4)
        self.content_layout.addWidget(self.summary)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content_layout.addWidget(self.table, 1)
        self.shapes: BatchShapes | None = None

    # -- what it shows ---------------------------------------------------------------------
    def batch(self) -> int:
        """B: the training batch size, at most the training rows (one batch holds them all)."""
        wanted = self._batch_size() if self._batch_size is not None else 1
        rows = len(self.dataset.x_train) if self.dataset is not None else 0
        return max(1, min(int(wanted), rows) if rows else int(wanted))

    def set_dataset(self, dataset) -> None:
        super().set_dataset(dataset)
        self.refresh()

    def set_network(self, network) -> None:
        super().set_network(network)
        self.refresh()

    def show_snapshot(self, snapshot) -> None:
        if self.shapes is None or self.shapes.batch != self.batch():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Redraw for the current network and batch size (cheap: a few table cells)."""
        if self.network is None:
            self.shapes = None
            self.table.setRowCount(0)
            self.batch_label.setText(self.tr("No network yet."))
            self.summary.setText("")
            return
        shapes = batch_shapes(self.network.sizes, self.batch())
        if shapes == self.shapes:
            return
        self.shapes = shapes
        self._fill(shapes)

    def _fill(self, s: BatchShapes) -> None:
        rows = [("X = A^[0]", s.x_course, s.x_code, None)]
        for layer in s.layers:
            lbl = number(layer.layer)
            rows += [
                (f"W^[{lbl}]", layer.w, layer.w, layer.multiplications),
                (f"b^[{lbl}]", layer.b, (1, layer.units), None),
                (f"Z^[{lbl}], A^[{lbl}]", layer.course, layer.code, None),
            ]
        self.table.setToolTip(
            "\n".join(f"{name}: {shape_text(course)}" for name, course, _, _ in rows)
        )
        self.table.setRowCount(len(rows))
        for row, (name, course, code, mults) in enumerate(rows):
            values = (name, shape_text(course), shape_text(code),
                      number(mults) if mults is not None else "")  # fmt: skip
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        self._fit_table()
        rows_total = len(self.dataset.x_train) if self.dataset is not None else 0
        text = self.tr("Batch size B = {b} (Training panel).").format(b=number(s.batch))
        if rows_total and rows_total % s.batch:
            text += " " + self.tr("The last batch of an epoch has {n} samples.").format(
                n=number(rows_total % s.batch)
            )
        self.batch_label.setText(text)
        terms = " + ".join(f"{number(x.units)}×{number(x.inputs)}" for x in s.layers)
        self.summary.setText(
            self.tr(
                "Multiplications per sample: Σ N<sub>l</sub> N<sub>l−1</sub> = {terms} = "
                "<b>{per_sample}</b>; per batch: {per_batch}.<br>Parameters: "
                "Σ N<sub>l</sub> (N<sub>l−1</sub> + 1) = <b>{params}</b>."
            ).format(
                terms=terms,
                per_sample=number(s.multiplications_per_sample),
                per_batch=number(s.multiplications_per_batch),
                params=number(s.params),
            )
        )

    def _fit_table(self) -> None:
        """The table tall enough for all its rows (the scroll area scrolls, not the table)."""
        table = self.table
        table.resizeRowsToContents()  # presentation mode's larger font too
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        height += table.horizontalScrollBar().sizeHint().height()  # when the columns scroll
        table.setMinimumHeight(height)

    def restyle(self) -> None:
        self._fit_table()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """The interface's font changed (presentation mode): the rows grow with it, once
        the table has the new font."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self._fit_table)

    def has_content(self) -> bool:
        return self.shapes is not None
