"""What every view shares: a header with options and an export button, and the update API."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..style import Style


class View(QWidget):
    """A live view. Subclasses fill :attr:`body` and implement the ``set_*``/``show_*`` hooks.

    * :meth:`set_dataset` when the data changes (static content: targets, points);
    * :meth:`set_network` when the architecture changes (layout of per-layer content);
    * :meth:`show_snapshot` for every new training snapshot (update items in place).

    Snapshots reach a view only through :meth:`update_snapshot`, which draws a snapshot only
    if its :class:`~mlpstudio.core.training.Identity` (data and architecture) is the one the
    view was bound to with :meth:`set_identity`; a new identity clears the view. So a view
    never receives arrays of another experiment. A hidden view keeps the latest snapshot and
    draws it when it is shown.
    """

    title = "View"
    export_name = "view"
    #: what the view draws from snapshots while it is visible, so that the training process
    #: sends only that (see :class:`~mlpstudio.experiment.frames.Needs`): the weights of
    #: these layers ("all", or 0-based indices), and the predictions (test and plot outputs)
    draws_layers: tuple[int, ...] | str = ()
    draws_outputs = False

    def __init__(self, parent=None):
        super().__init__(parent)
        self.header = QHBoxLayout()
        self.header.setContentsMargins(4, 2, 4, 0)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.header.addWidget(self.caption, 1)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export..."))
        self.export_button.setToolTip(self.tr("Save this view as a PNG image or an SVG drawing."))
        self.export_button.clicked.connect(self.export_dialog)
        self.header.addWidget(self.export_button)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self.header)
        layout.addLayout(self.body, 1)
        self.dataset = None
        self.network = None
        self.identity = None  # the experiment this view shows (None: no snapshot matches)
        self._pending = None  # the latest matching snapshot, not drawn while hidden
        Style.instance().changed.connect(self.restyle)

    # -- hooks -------------------------------------------------------------------------------
    def set_dataset(self, dataset) -> None:
        self.dataset = dataset

    def set_network(self, network) -> None:
        self.network = network

    def show_snapshot(self, snapshot) -> None:
        pass

    def clear(self) -> None:
        """Forget what was drawn from snapshots or results (the identity changed)."""

    # -- identity ----------------------------------------------------------------------------
    def set_identity(self, identity) -> None:
        """Bind the view to the experiment it shows; a different one clears it."""
        if identity != self.identity:
            self.identity = identity
            self._pending = None
            self.clear()

    def accepts(self, snapshot) -> bool:
        """Whether ``snapshot`` belongs to the experiment this view shows."""
        return (
            snapshot is not None
            and self.identity is not None
            and getattr(snapshot, "identity", None) == self.identity
        )

    def update_snapshot(self, snapshot) -> bool:
        """Draw ``snapshot`` if it belongs here (now if visible, else when shown)."""
        if not self.accepts(snapshot):
            return False
        if self.isVisible() and not self.visibleRegion().isEmpty():
            self._pending = None
            self.show_snapshot(snapshot)
        else:
            self._pending = snapshot
        return True

    def _draw_pending(self) -> None:
        pending, self._pending = self._pending, None
        if self.accepts(pending):
            self.show_snapshot(pending)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self._draw_pending()

    def resizeEvent(self, event) -> None:  # noqa: N802 (a dock squeezed to nothing grows)
        super().resizeEvent(event)
        if self._pending is not None and not self.visibleRegion().isEmpty():
            self._draw_pending()

    def restyle(self) -> None:
        """Presentation mode changed: rebuild pens and markers."""

    def has_content(self) -> bool:
        """Whether the view currently draws data (used by tests and the smoke mode)."""
        return False

    def plot_widget(self) -> QWidget:
        """The widget that an export saves (the whole view by default)."""
        return self

    def figure_png(self) -> bytes:
        """The view's plot as PNG bytes, without its header (options, Export button)."""
        widget = self.plot_widget()
        if widget is self:
            return png_bytes(self, self.body.geometry())
        return png_bytes(widget)

    # -- export ------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        png, svg = self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)")
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export view"), f"{self.export_name}.png", f"{png};;{svg}"
        )
        if not path:
            return
        as_svg = path.lower().endswith(".svg") or (chosen == svg and not path.endswith(".png"))
        try:
            if as_svg:
                self.export_svg(path if path.lower().endswith(".svg") else path + ".svg")
            else:
                self.export_png(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))

    def export_svg(self, path: str | Path) -> Path:
        """Save the view as an SVG drawing: lines and text stay sharp at any size (images
        inside it, such as heatmaps, are embedded as pixels)."""
        from PySide6.QtCore import QBuffer, QIODevice, QPoint
        from PySide6.QtGui import QPainter, QRegion
        from PySide6.QtSvg import QSvgGenerator

        from ...experiment.files import atomic_write

        widget = self.plot_widget()
        # the plot, without the header (options, Export button) when the view is its own plot
        area = self.body.geometry() if widget is self else widget.rect()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(area.size())
        generator.setViewBox(area.translated(-area.topLeft()))
        generator.setTitle(f"MLP Studio: {self.export_name}")
        painter = QPainter(generator)
        if isinstance(widget, QGraphicsView):  # pyqtgraph: draw the scene, as vectors
            widget.render(painter)
        else:
            QWidget.render(widget, painter, QPoint(0, 0), QRegion(area))
        painter.end()
        data = bytes(buffer.data())
        if b"<svg" not in data:
            raise OSError(f"could not draw {Path(path).name} as SVG")
        return atomic_write(path, lambda f: f.write(data))

    def export_png(self, path: str | Path) -> Path:
        """Save the view's plot as a PNG (written to a temporary file, then renamed)."""
        from ...experiment.files import atomic_write

        data = self.figure_png()
        return atomic_write(path, lambda handle: handle.write(data))


def placeholder_label() -> QLabel:
    """A centred, wrapped line that stands in for a view's plot while there is nothing it
    could draw (no data, or no network for these data), instead of empty axes whose range
    belongs to another experiment."""
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setContentsMargins(12, 12, 12, 12)
    label.setStyleSheet("color: #555;")
    label.hide()
    return label


def png_bytes(widget, rect=None) -> bytes:
    """A widget's current picture (or the part ``rect`` of it), PNG-encoded (for exports
    and reports)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture = widget.grab(rect) if rect is not None else widget.grab()
    if not picture.save(buffer, "PNG"):
        raise OSError("could not encode the picture as PNG")
    return bytes(data)


def finite_xy(x, y):
    """Drop non-finite points: pyqtgraph mishandles NaN/Inf, which a diverging loss produces."""
    import numpy as np

    keep = np.isfinite(x) & np.isfinite(y)
    if keep.all():
        return x, y
    return x[keep], y[keep]


class TwoPlotsView(View):
    """A view with two plots in ``self.plots`` (a QBoxLayout; ``self.plot`` the first): one
    above the other, or side by side once the view is more than :attr:`SIDE_BY_SIDE` times
    wider than high (a wide, low dock: presentation mode at 1280x720)."""

    SIDE_BY_SIDE = 1.5

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        wide = self.width() > self.SIDE_BY_SIDE * self.height()
        self.plots.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """No wider than one plot's: side by side, the two plots would ask for twice the
        width, and the main window lays out its hidden dock tabs (with a stray tab bar that
        shows on screen) from that."""
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.plot.sizeHint().width()), hint.height())
