"""A gallery of test images with their true and predicted labels.

Each tile shows the image, its true class, the network's prediction and its confidence; wrong
predictions get a red frame, right ones a green frame. The gallery can show every test image,
only the mistakes, or the images of one confusion-matrix cell, page by page, and jump to the
next mistake.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QWidget,
)

from ..style import number, percent
from ..widgets import ElidingComboBox, WrappingRow
from .base import View
from .classes import label_names, test_labels

OK_COLOR = QColor(44, 160, 44)
WRONG_COLOR = QColor(214, 39, 40)
PROBE_COLOR = QColor(230, 170, 0)  # the activation probe's star is gold too


def to_qimage(image: np.ndarray) -> QImage:
    """A QImage sharing nothing with ``image`` (uint8, HxW grey or HxWx3 RGB)."""
    image = np.ascontiguousarray(image)
    h, w = image.shape[:2]
    if image.ndim == 2:
        return QImage(image.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    return QImage(image.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


MIN_SIDE = 40  # pixels: a page holds no more tiles than can be drawn at least this large


class ImageGrid(QWidget):
    """Paints tiles (image, caption, right/wrong) in a grid; reports clicks by index."""

    clicked = Signal(int)
    resized = Signal()

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.resized.emit()

    def capacity(self, most: int, caption_width: float) -> int:
        """How many tiles (up to ``most``) fit with images at least :data:`MIN_SIDE` pixels
        and captions ``caption_width`` wide not cut; at least one."""
        for n in range(most, 0, -1):
            for cols in range(1, n + 1):
                rows = int(np.ceil(n / cols))
                cw, ch = self.width() / cols, self.height() / rows
                if (
                    cw >= caption_width + 6
                    and min(cw - 8, ch - self._text_height() - 8) >= MIN_SIDE
                ):
                    return n
        return 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tiles: list[tuple[QImage, str, bool | None, int]] = []
        self.probed: int | None = None  # the test image the activation probe follows
        self.columns = 6
        self.setMinimumWidth(300)  # and a row of tiles high (minimumSizeHint)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """One row of tiles: the smallest image and its two caption lines. (A fixed 200 px
        was more than a short view had in Spanish presentation mode: the second row of
        tiles was cut at the view's edge; a lower grid holds fewer tiles instead.)"""
        return QSize(300, int(np.ceil(MIN_SIDE + self._text_height() + 16)))

    def set_tiles(self, tiles) -> None:
        self.tiles = tiles
        self.update()

    def _text_height(self) -> float:
        return 2 * QFontMetricsF(self.font()).height() + 6

    def best_columns(self) -> int:
        """The number of columns that draws the tiles' images largest in this size (captions
        keep two lines of text under each image)."""
        n = max(1, len(self.tiles))
        metrics = QFontMetricsF(self.font())
        text_w = 0.0
        for tile in self.tiles:
            parts = tile[1].split("→", 1)
            lines = [parts[0].strip()] + (["→ " + parts[1].strip()] if len(parts) > 1 else [])
            text_w = max(text_w, *(metrics.horizontalAdvance(line) for line in lines))
        best, best_key = 1, None
        for cols in range(1, n + 1):
            rows = int(np.ceil(n / cols))
            side = min(self.width() / cols - 8, self.height() / rows - self._text_height() - 8)
            readable = self.width() / cols >= text_w + 6  # captions not cut
            key = (readable, side)
            if best_key is None or key > best_key:
                best, best_key = cols, key
        return best

    def caption_lines(self, caption: str, width: float) -> list[str]:
        """The caption on one line if it fits, else split after the true label; each line
        elided to ``width`` (the full caption is the tile's tooltip)."""
        metrics = QFontMetricsF(self.font())
        if metrics.horizontalAdvance(caption) <= width or "→" not in caption:
            lines = [caption]
        else:
            head, tail = caption.split("→", 1)
            lines = [head.strip(), "→ " + tail.strip()]
        return [metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width) for line in lines]

    def _cells(self):
        n = max(1, len(self.tiles))
        cols = self.best_columns()
        rows = int(np.ceil(n / cols))
        cw, ch = self.width() / cols, self.height() / max(rows, 1)
        for k in range(len(self.tiles)):
            r, c = divmod(k, cols)
            yield k, QRectF(c * cw, r * ch, cw, ch)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if not self.tiles:
            painter.setPen(QColor(120, 120, 120))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No images"))
            return
        font = QFont(self.font())
        painter.setFont(font)
        text_h = self._text_height()
        for k, cell in self._cells():
            image, caption, ok, _ = self.tiles[k]
            side = max(8.0, min(cell.width() - 8, cell.height() - text_h - 8))
            x = cell.x() + (cell.width() - side) / 2
            y = cell.y() + 4
            target = QRect(int(x), int(y), int(side), int(side))
            painter.drawImage(target, image)  # nearest-neighbour: the pixels stay crisp
            if self.tiles[k][3] == self.probed:  # the probe's image: a gold frame outside
                painter.setPen(QPen(PROBE_COLOR, 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(target.adjusted(-5, -5, 5, 5))
            if ok is not None:
                painter.setPen(QPen(OK_COLOR if ok else WRONG_COLOR, 3 if not ok else 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(target.adjusted(-2, -2, 2, 2))
            painter.setPen(QColor(20, 20, 20) if ok is not False else WRONG_COLOR)
            painter.setFont(font)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(
                QRectF(cell.x(), y + side + 3, cell.width(), text_h),
                flags,
                "\n".join(self.caption_lines(caption, cell.width() - 4)),
            )

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            for k, cell in self._cells():
                if cell.contains(event.position() if hasattr(event, "position") else event.pos()):
                    QToolTip.showText(event.globalPos(), self.tiles[k][1], self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event):
        for k, cell in self._cells():
            if cell.contains(event.position()):
                self.clicked.emit(self.tiles[k][3])
                return


class GalleryView(View):
    """Test images with predictions; ``show_cell`` filters to one confusion-matrix cell."""

    export_name = "gallery"
    draws_outputs = True
    PAGE = 24

    def __init__(self, parent=None, preview: bool = False):
        """``preview=True``: just the images and their labels (the data panel's preview)."""
        super().__init__(parent)
        self.preview = preview
        self.caption.setText(
            self.tr("<b>Samples</b> of the data") if preview else
            self.tr("<b>Test images</b>: true label, prediction and confidence")
        )  # fmt: skip
        self.grid = ImageGrid()
        self.grid.columns = 8 if preview else 6
        self.body.addWidget(self.grid, 1)
        self.filter = ElidingComboBox()  # cut in a narrow view: the whole text in the tooltip
        self.filter.addItem(self.tr("All test images"), "all")
        self.filter.addItem(self.tr("Mistakes only"), "mistakes")
        self.filter.addItem(self.tr("Confusion cell"), "cell")
        self.filter.setToolTip(
            self.tr(
                "Which test images to show; click a cell of the confusion "
                "matrix to see the images behind it."
            )
        )
        self.filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter.setMinimumContentsLength(12)  # long Spanish entries elide, never widen
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(self.tr("Previous page"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next page"))
        self.mistake_button = QToolButton()
        self.mistake_button.setText(self.tr("Next mistake"))
        self.mistake_button.setToolTip(
            self.tr("Jump to the next test image the network gets wrong.")
        )
        self.page_label = QLabel()
        # The controls get a row of their own under the caption: on one row with it they made
        # the gallery, and so the window, wider than a projector in Spanish presentation mode.
        # ... and go on two rows when the view is narrower than they are side by side (the
        # gallery made the window wider than 1280 px in presentation mode)
        self.controls = WrappingRow(
            [
                [self.filter, self.mistake_button],
                [self.previous_button, self.page_label, self.next_button],
            ]
        )
        self.controls.setContentsMargins(4, 0, 4, 0)
        for widget in (
            self.filter,
            self.previous_button,
            self.page_label,
            self.next_button,
            self.mistake_button,
        ):
            widget.setVisible(not preview)
        self.controls.setVisible(not preview)
        self.body.insertWidget(0, self.controls)
        if preview:
            self.export_button.hide()
        self.grid.resized.connect(self._resized)
        self._page = self.PAGE
        self.previous_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(1))
        self.mistake_button.clicked.connect(self.next_mistake)
        self._predicted = None
        self._confidence = None
        self._cell: tuple[int, int] | None = None
        self._start = 0
        self._labels = None
        self._names: tuple[str, ...] = ()

    # -- data --------------------------------------------------------------------------------
    def set_dataset(self, dataset):
        super().set_dataset(dataset)
        self._predicted = self._confidence = None
        self._cell = None
        self._start = 0
        if dataset is not None and dataset.is_image:
            self._labels, self._names = test_labels(dataset), label_names(dataset)
        self._refresh()

    def clear(self):
        self.set_dataset(self.dataset)  # the images without predictions

    def show_results(self, results) -> None:
        """Predictions (a :class:`~mlpstudio.gui.views.classes.ClassResults`) to show."""
        if self.preview:
            return
        self._labels, self._names = results.true, results.names
        self._predicted, self._confidence = results.predicted, results.confidence
        self._refresh()

    # -- selection ---------------------------------------------------------------------------
    def _indices(self) -> np.ndarray:
        if self.dataset is None or self._labels is None:
            return np.empty(0, dtype=int)
        n = len(self._labels)
        mode = self.filter.currentData()
        if self._predicted is None or mode == "all" or self.preview:
            return np.arange(n)
        wrong = self._predicted != self._labels
        if mode == "mistakes":
            return np.flatnonzero(wrong)
        if self._cell is None:
            return np.empty(0, dtype=int)
        true, pred = self._cell
        return np.flatnonzero((self._labels == true) & (self._predicted == pred))

    def show_cell(self, true: int, predicted: int) -> None:
        self._cell = (true, predicted)
        self._start = 0
        self.filter.blockSignals(True)
        self.filter.setCurrentIndex(self.filter.findData("cell"))
        self.filter.blockSignals(False)
        self._refresh()

    def next_mistake(self) -> None:
        """Jump to the page holding the next wrong prediction after the current page."""
        if self._predicted is None:
            return
        if self.filter.currentData() != "all":
            self.filter.setCurrentIndex(0)
        wrong = np.flatnonzero(self._predicted != self._labels)
        after = wrong[wrong >= self._start + self._page]
        target = after[0] if after.size else (wrong[0] if wrong.size else None)
        if target is not None:
            self._start = int(target)
            self._refresh()

    def _turn(self, direction: int) -> None:
        n = len(self._indices())
        self._start = int(np.clip(self._start + direction * self._page, 0, max(0, n - 1)))
        self._refresh()

    def _filter_changed(self) -> None:
        self._start = 0
        self._refresh()

    def page_size(self) -> int:
        """Tiles per page: :attr:`PAGE`, or fewer when the view is too small to draw that many
        legibly (presentation mode, a small dock)."""
        return self._page

    def _caption_width(self) -> float:
        metrics = QFontMetricsF(self.grid.font())
        names = self._names or ("",)
        widest = max(metrics.horizontalAdvance(n) for n in names)
        if self.preview:
            return widest
        return metrics.horizontalAdvance("→  (100 %)") + widest

    def _resized(self) -> None:
        if self.grid.capacity(self.PAGE, self._caption_width()) != self._page:
            self._refresh()

    # -- drawing -----------------------------------------------------------------------------
    def _refresh(self) -> None:
        ds = self.dataset
        if ds is None or not ds.is_image:
            self.grid.set_tiles([])
            self.page_label.setText("")
            return
        self._page = self.grid.capacity(self.PAGE, self._caption_width())
        indices = self._indices()
        if self.filter.currentData() == "all" or self.preview:
            shown = indices[self._start : self._start + self._page]
        else:
            self._start = min(self._start, max(0, len(indices) - 1))
            shown = indices[self._start : self._start + self._page]
        tiles = []
        for i in shown:
            true = int(self._labels[i])
            name = self._names[true] if true < len(self._names) else str(true)
            if self._predicted is None:
                tiles.append((to_qimage(ds.x_test[i]), name, None, int(i)))
                continue
            pred = int(self._predicted[i])
            pred_name = self._names[pred] if pred < len(self._names) else str(pred)
            ok = pred == true
            caption = self.tr("{true} → {pred} ({conf})").format(
                true=name, pred=pred_name, conf=percent(float(self._confidence[i]))
            )
            tiles.append((to_qimage(ds.x_test[i]), caption, ok, int(i)))
        self.grid.set_tiles(tiles)
        total = len(indices)
        label = self.tr("{first}–{last} of {total}")
        # as wide as the widest page of these images, whatever this page is: a width that
        # followed the text would resize the grid, change the page and so the text, for ever
        widest = label.format(first=number(total), last=number(total), total=number(total))
        self.page_label.setFixedWidth(
            math.ceil(QFontMetricsF(self.page_label.font()).horizontalAdvance(widest)) + 4
        )
        self.page_label.setText(
            label.format(
                first=number(min(self._start + 1, total)),
                last=number(min(self._start + len(shown), total)),
                total=number(total),
            )
        )

    def mark_probed(self, index: int | None) -> None:
        """Frame test image ``index`` as the one the activation probe follows (None: none)."""
        self.grid.probed = index
        self.grid.update()

    def has_content(self):
        return bool(self.grid.tiles) and (self.preview or self._predicted is not None)

    def plot_widget(self):
        return self.grid
