"""The training timeline under the loss plot: a slider over the epochs kept, Play and Live.

Dragging the slider shows the kept epoch nearest to it in every view (predictions, weights,
network, basis, confusion matrix, gallery: the controller computes that epoch's snapshot, see
:mod:`mlpstudio.core.replay`) and marks it on the loss curves; Play steps through the kept
epochs; Live (or training again) returns to the latest state. While the views replay, training
goes on and the slider's range keeps growing. While a run trains in the training process, the
epochs it keeps stay there: the slider's range comes from its snapshots, and an epoch shown is
fetched from it (the views show it a moment later; the window never waits).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from .style import number

PLAY_INTERVAL_MS = 120  # one kept epoch per tick while playing
DRAG_DELAY_MS = 15  # slider moves are coalesced: one redraw per burst of events
RANGE_INTERVAL_MS = 250  # while training, the slider's range follows at most 4 times a second


class TimelineBar(QWidget):
    def __init__(self, controller, loss_view=None, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.loss_view = loss_view
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 2)
        icon = self.style().standardIcon
        self.play = QToolButton()  # an icon only: the slider keeps its room in a narrow dock
        self.play.setIcon(icon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play.setCheckable(True)
        self.play.toggled.connect(self._toggle_play)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip(
            self.tr("Drag to see the network as it was at an earlier epoch: predictions, "
                    "weights, network, basis, confusion matrix and gallery follow")
        )  # fmt: skip
        self.slider.valueChanged.connect(self._moved)
        self.live = QPushButton(self.tr("Live"))
        self.live.setToolTip(self.tr("Return to the latest epoch and follow training"))
        self.live.clicked.connect(self.go_live)
        self.label = QLabel()
        self.label.installEventFilter(self)
        for widget, stretch in ((self.play, 0), (self.slider, 1), (self.label, 0), (self.live, 0)):
            layout.addWidget(widget, stretch)
        self._fit_label()  # in the font it inherits from the bar
        self._play_timer = QTimer(self)
        self._play_timer.setInterval(PLAY_INTERVAL_MS)
        self._play_timer.timeout.connect(self._play_step)
        self._drag_timer = QTimer(self)
        self._drag_timer.setSingleShot(True)
        self._drag_timer.setInterval(DRAG_DELAY_MS)
        self._drag_timer.timeout.connect(self._show_slider_epoch)
        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(RANGE_INTERVAL_MS)
        self._range_timer.timeout.connect(self._timeline_changed)
        controller.timelineChanged.connect(self._timeline_grew)
        # new data with the old network only offered a rebuild: nothing to replay for it
        controller.datasetChanged.connect(self._timeline_changed)
        controller.networkChanged.connect(self._timeline_changed)
        controller.replayChanged.connect(self._replay_changed)
        self._toggle_play(False)
        self._timeline_changed()
        self._replay_changed(None)

    def _fit_label(self) -> None:
        """Room for the label's widest text (the last kept epoch, or "live") in its font of
        the moment, so that it neither jumps while dragging nor widens the dock for epochs
        that do not exist (presentation mode at 1280x720 has no pixel to spare)."""
        metrics = self.label.fontMetrics()
        texts = (self.tr("epoch {epoch}").format(epoch=number(self.slider.maximum())),
                 self.tr("live"))  # fmt: skip
        self.label.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in texts) + 4)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.label and event.type() == QEvent.Type.FontChange:
            self._fit_label()  # presentation mode: larger text
        return super().eventFilter(watched, event)

    # -- what the controller says ----------------------------------------------------------
    def _timeline_grew(self) -> None:
        if self.controller.is_training:
            if not self._range_timer.isActive():
                self._range_timer.start()
        else:
            self._range_timer.stop()
            self._timeline_changed()

    def _timeline_changed(self) -> None:
        epochs = self.controller.timeline_epochs()
        self.setEnabled(len(epochs) > 1 and self.controller.identity is not None)
        self.slider.blockSignals(True)
        self.slider.setRange(epochs[0] if epochs else 0, epochs[-1] if epochs else 0)
        if self.controller.replay is None:
            self.slider.setValue(self.slider.maximum())
        self.slider.blockSignals(False)
        self._fit_label()
        self._write_label()

    def _replay_changed(self, epoch) -> None:
        if epoch is None:
            self.play.setChecked(False)
            self.slider.blockSignals(True)
            self.slider.setValue(self.slider.maximum())
            self.slider.blockSignals(False)
        self.live.setEnabled(epoch is not None)
        if self.loss_view is not None:
            self.loss_view.set_marker(epoch)
        self._write_label()

    def _write_label(self) -> None:
        replay = self.controller.replay
        kept, nbytes = self.controller.timeline_size()
        if replay is not None:
            text = self.tr("epoch {epoch}").format(epoch=number(replay.epoch))
        else:
            text = self.tr("live")
        self.label.setText(text)
        self.label.setToolTip(
            self.tr("{count} epochs kept ({size} MB): every epoch at first, later ones sparser")
            .format(count=number(kept), size=number(nbytes / 2**20, 1))
        )  # fmt: skip

    # -- the user's moves -----------------------------------------------------------------
    def _moved(self, _value: int) -> None:
        self._drag_timer.start()

    def _show_slider_epoch(self) -> None:
        shown = self.controller.show_epoch(self.slider.value())
        if shown is not None and shown != self.slider.value() and not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(shown)  # snap to the epoch shown
            self.slider.blockSignals(False)

    def show_epoch(self, epoch: int) -> int | None:
        """Show ``epoch`` (snapped to a kept one) now, as a drag there would."""
        self.slider.blockSignals(True)
        self.slider.setValue(epoch)
        self.slider.blockSignals(False)
        return self.controller.show_epoch(epoch)

    def go_live(self) -> None:
        self.play.setChecked(False)
        self.controller.go_live()

    def _toggle_play(self, on: bool) -> None:
        icon = self.style().standardIcon
        sp = QStyle.StandardPixmap
        self.play.setIcon(icon(sp.SP_MediaPause if on else sp.SP_MediaPlay))
        self.play.setToolTip(
            self.tr("Pause the replay") if on
            else self.tr("Play: replay training epoch by epoch in every view")
        )  # fmt: skip
        if not on:
            self._play_timer.stop()
            return
        epochs = self.controller.timeline_epochs()
        if not epochs:
            self.play.setChecked(False)
            return
        current = self.controller.replay_epoch
        if current is None or current >= epochs[-1]:
            self.show_epoch(epochs[0])  # from the start
        self._play_timer.start()

    def _play_step(self) -> None:
        epochs = self.controller.timeline_epochs()
        current = self.controller.replay_epoch  # (one asked of the training process counts)
        later = [e for e in epochs if current is None or e > current]
        if not later:
            self.play.setChecked(False)
            return
        self.show_epoch(later[0])
