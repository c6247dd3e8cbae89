"""How the main window shows the controller's state: views bound to the current experiment,
snapshots, the status line and the buttons, problems (a part of
:class:`~mlpstudio.gui.main_window.MainWindow`).
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QStyle

from ..core.insight import learning_verdict_text
from ..experiment.config import IMAGE_KINDS, ConfigError
from ..experiment.frames import Needs
from ..experiment.shape import experiment_shape
from .style import number
from .views.classes import class_results
from .window_layout import class_table

CLASS_VIEWS_INTERVAL = 0.2  # seconds between confusion/gallery updates while training
# While training, the window's thread spends at most this share of one core between view
# turns (drawing and painting): the rest of the machine trains. A view that costs more to
# draw is redrawn less often, and the window still answers at once (input never waits).
DRAW_SHARE = 0.2


class Presenter:
    """The controller's signals, shown (mixed into MainWindow)."""

    def _connect(self) -> None:
        c = self.controller
        # while training, views are drawn one per event-loop turn (_draw_views_in_turns)
        self._turn_snapshot = None
        self._views_to_draw: list = []
        self._turn_cursor = 0  # where the next round of turns starts
        self._judged = None  # the ended run's snapshot whose learning verdict is shown
        self._verdict = ""  # that verdict's text, while the message bar shows it
        self._turn_began = (0.0, 0.0)  # the last drawn turn: (wall clock, this thread's CPU)
        self._turn_timer = QTimer(self)
        self._turn_timer.setSingleShot(True)
        self._turn_timer.setInterval(0)
        self._turn_timer.timeout.connect(self._draw_next_view)
        c.datasetChanged.connect(self._on_dataset_changed)
        c.networkChanged.connect(self._on_network_changed)
        c.snapshotReady.connect(self._on_snapshot)
        c.statusChanged.connect(self._on_status)
        c.rebuildOffered.connect(self._offer_reset)
        c.errorOccurred.connect(self._on_error)
        self.data_panel.changed.connect(self._apply_panels)
        self.data_panel.presetChosen.connect(self.load_preset)
        self.data_panel.downloadRequested.connect(self.download_dataset)
        self.data_panel.importRequested.connect(self.import_dataset)
        self.data_panel.manageRequested.connect(self.manage_datasets)
        self.data_panel.csvRequested.connect(lambda: self.import_csv())
        self.architecture_panel.changed.connect(self._apply_panels)
        self.training_panel.changed.connect(self._apply_panels)

    def _show_data_problem(self) -> None:
        c = self.controller
        self.data_panel.show_data_error(c.data_error, c.data_error_position)
        self._show_image_status()

    def _show_image_status(self) -> None:

        kind = self.controller.config.data.kind
        if kind not in IMAGE_KINDS:
            return
        from ..data import store
        from .datasets import status_text

        root = self.controller.config.data.root
        if root:
            self.data_panel.show_image_status(
                QCoreApplication.translate("MainWindow", "Files from the folder {folder}").format(
                    folder=root
                ),
                True,
            )
            return
        status = store.status(kind)
        self.data_panel.show_image_status(status_text(self, status), status.state != "missing")

    def _refresh_structure(self) -> None:
        c = self.controller
        if c.dataset is None:
            self.architecture_panel.show_structure(None, [], "mse")
            return
        config = c.config
        try:
            shape = experiment_shape(config, c.dataset)
            sizes, head = list(shape.sizes), shape.head
        except (ConfigError, ValueError):
            self.architecture_panel.show_structure(None, [], "mse")
            return
        self.architecture_panel.show_structure(sizes, config.model.activations(), head)

    def _bind_views(self) -> None:
        """Give every view the current data, the network that belongs to it (or none) and
        their identity: the one place views learn what they show. A view then draws only
        snapshots of that identity, so nothing of a previous experiment can reach it."""
        c = self.controller
        dataset, network, identity = c.dataset, c.view_network, c.identity
        for view in self.all_views:
            takes_data = view is not self.weights_view and view is not self.network_view
            new_data = takes_data and view.dataset is not dataset
            new_network = view.network is not network or view.identity != identity
            if new_network and view.network is not None and (new_data or network is None):
                view.set_network(None)  # never a network with data it does not belong to
            if new_data:
                view.set_dataset(dataset)
            if new_network and network is not None:
                view.set_network(network)
            if new_network and view.identity == identity:
                view.clear()  # the same kind of experiment, but a new network: a new run
            view.set_identity(identity)  # (clears the view if the identity changed)

    def _on_dataset_changed(self) -> None:
        dataset = self.controller.dataset
        self.data_panel.set_dataset(dataset)
        self._bind_views()
        self._arrange_for(dataset)
        self._show_data_problem()
        self._refresh_structure()

    def _on_network_changed(self) -> None:
        network = self.controller.network
        self._bind_views()
        offers_reset = self.message_bar.offers(self._reset)
        if self.controller.pending_rebuild is None and offers_reset:
            self.message_bar.hide()  # an offer to rebuild is void once the network is new
        if network is not None:
            self.backend_label.setText(
                QCoreApplication.translate("MainWindow", "GPU (CuPy)")
                if network.backend.is_gpu
                else QCoreApplication.translate("MainWindow", "CPU (NumPy)")
            )
        self.training_panel.show_progress(None)
        self._refresh_structure()
        if self.controller.network_error:
            self._on_error(self.controller.network_error)

    def _on_snapshot(self, snapshot) -> None:
        self._update_needs()
        if snapshot.status == "running" and snapshot.step > 0 and self.controller.is_training:
            self._draw_views_in_turns(snapshot)
        else:  # paused, stepped or ended: every view at once, so it is all there when shown
            self._views_to_draw = []
            for view in self.views:
                view.update_snapshot(snapshot)  # drawn only if it belongs to what it shows
        self._show_class_results(force=snapshot.is_final or snapshot.step == 0)
        self._show_learning_verdict(snapshot)
        self.training_panel.show_progress(snapshot)
        if self.controller.status in ("running", "paused"):
            self.status_label.setText(self._status_text(self.controller.status))

    def _show_learning_verdict(self, snapshot) -> None:
        """When a run ends having hardly learned (core.insight.learning_verdict), say so once
        in the message bar, with what to try; the message goes when another run starts."""
        c = self.controller
        if snapshot.status == "running" and self._verdict:
            if self.message_bar.isVisible() and self.message_bar.label.text() == self._verdict:
                self.message_bar.hide()
            self._verdict = ""
        if snapshot is not c.snapshot or snapshot is self._judged:
            return  # a replayed epoch, or a verdict already given
        self._judged = snapshot
        text = learning_verdict_text(
            snapshot.status, snapshot.history["train_loss"], c.config.training.learning_rate
        )
        if text is None:
            return
        self._verdict = text
        self.message_bar.show_message(self._verdict)

    def _draw_views_in_turns(self, snapshot) -> None:
        """While training, draw one view per turn of the event loop, so that no turn paints
        every view at once (the window answers within a view's drawing time, not the sum).
        The turns go round the views: a snapshot that comes before all have drawn the last
        one is drawn from where the previous round stopped, so no view waits for ever."""
        self._turn_snapshot = snapshot
        views = list(self.views)
        start = self._turn_cursor % max(1, len(views))
        self._views_to_draw = views[start:] + views[:start]
        if not self._turn_timer.isActive():
            self._turn_timer.start(0)

    def _draw_next_view(self) -> None:
        wait = self._turn_wait()
        if wait > 0:
            self._turn_timer.start(max(1, round(wait * 1000)))
            return
        self._turn_began = (time.perf_counter(), time.thread_time())
        while self._views_to_draw:
            view, views = self._views_to_draw.pop(0), self.views
            if view not in views:  # the experiment changed kind since: not shown any more
                continue
            self._turn_cursor = (views.index(view) + 1) % len(views)
            if view.update_snapshot(self._turn_snapshot) and view.isVisible():
                break  # one drawn view per turn; hidden ones only keep it for later
        if self._views_to_draw:
            self._turn_timer.start(0)

    def _turn_wait(self) -> float:
        """Seconds to wait before the next view's turn, so that this thread's CPU time since
        the last turn (its drawing, then its painting) is at most DRAW_SHARE of the time."""
        began_wall, began_cpu = self._turn_began
        spent = time.thread_time() - began_cpu
        return spent / DRAW_SHARE - (time.perf_counter() - began_wall)

    def _update_needs(self) -> None:
        """Tell the controller what the visible views draw (the training process sends only
        that while training): the weights of which layers, and whether the predictions."""
        layers: set[int] = set()
        every_layer = outputs = False
        for view in self.views:
            if not view.isVisible() or view.visibleRegion().isEmpty():
                continue
            if view.draws_layers == "all":
                every_layer = True
            else:
                layers.update(view.draws_layers)
            outputs = outputs or view.draws_outputs
        self.controller.set_needs(Needs(None if every_layer else tuple(sorted(layers)), outputs))

    def _show_class_results(self, force: bool = False) -> None:
        """Confusion matrix, gallery and per-class accuracy, at most every 0.2 s."""
        c = self.controller
        snap, dataset = c.shown, c.dataset  # (a past epoch while the timeline replays)
        if snap is None or dataset is None or snap.test_output is None:
            return
        if not (dataset.is_image or class_table(dataset)):
            return
        if c.identity is None or snap.identity != c.identity:
            return  # the predictions of another experiment (the views were cleared)
        now = time.perf_counter()
        if not force and (
            now - self._class_views_drawn < CLASS_VIEWS_INTERVAL
            or snap.test_output is self._class_views_output  # the same predictions
        ):
            return
        self._class_views_drawn, self._class_views_output = now, snap.test_output
        results = class_results(dataset, snap.test_output, self.confusion_view.fold.isChecked())
        for view in (self.gallery_view, self.confusion_view, self.class_accuracy_view):
            if view is not self.gallery_view or dataset.is_image:
                view.show_results(results)

    def _refresh_view(self, view) -> None:
        self._update_needs()
        if self.controller.shown is not None:
            view.update_snapshot(self.controller.shown)
            if view in self.image_views:
                self._show_class_results(force=True)

    def _on_status(self, status: str) -> None:
        c = self.controller
        training = c.is_training
        paused = c.is_paused
        icon = self.style().standardIcon
        sp = QStyle.StandardPixmap
        if training and not paused:
            self.act_start.setText(QCoreApplication.translate("MainWindow", "Pause"))
            self.act_start.setIcon(icon(sp.SP_MediaPause))
            self.act_start.setToolTip(
                QCoreApplication.translate("MainWindow", "Pause training (Space).")
            )
        else:
            final = c.snapshot is not None and c.snapshot.is_final and not c.pending_rebuild
            text = (
                QCoreApplication.translate("MainWindow", "Resume")
                if paused
                else (
                    QCoreApplication.translate("MainWindow", "Continue")
                    if final
                    else QCoreApplication.translate("MainWindow", "Train")
                )
            )
            self.act_start.setText(text)
            self.act_start.setIcon(icon(sp.SP_MediaPlay))
            self.act_start.setToolTip(
                QCoreApplication.translate("MainWindow", "{action} (Space).").format(action=text)
            )
        self.act_start.setEnabled(c.can_train)
        self.act_step.setEnabled(c.can_train)
        self.act_stop.setEnabled(training)
        self.act_reset.setEnabled(c.dataset is not None)
        self.data_panel.setEnabled(not training)
        self.architecture_panel.setEnabled(not training)
        self.training_panel.set_training_locked(training)
        for action in self.files.busy_actions + [self.act_open_lab]:
            action.setEnabled(not training)
        self._update_lab()
        self.status_label.setText(self._status_text(status))

    def _status_text(self, status: str) -> str:
        c = self.controller
        snap = c.snapshot
        if c.dataset is not None and c.network_error and c.network_error_panel == "training":
            return QCoreApplication.translate(
                "MainWindow",
                "Fix the training settings to train: see the message above the views "
                "(Training panel).",
            )
        if c.dataset is not None and c.network_error:
            return QCoreApplication.translate(
                "MainWindow",
                "Fix the architecture to train: see the message above the views "
                "(Architecture panel).",
            )
        if status == "invalid" or c.dataset is None:
            return QCoreApplication.translate(
                "MainWindow", "Fix the data to train: see the message in the Data panel."
            )
        if status == "ready":
            return QCoreApplication.translate(
                "MainWindow", "Ready: {train} training and {test} test points. Press Train (Space)."
            ).format(train=number(len(c.dataset.x_train)), test=number(len(c.dataset.x_test)))
        if snap is None:
            return ""
        if c.pending_rebuild and status not in ("running", "paused"):
            # the last run's result belongs to the network before the change: never shown
            # as if it were this experiment's (the message bar offers the reset)
            return QCoreApplication.translate(
                "MainWindow",
                "The {what} changed: the last result no longer applies. Press Train (Space) "
                "to build and train the new network.",
            ).format(what=c.pending_rebuild)
        if status == "running":
            return QCoreApplication.translate(
                "MainWindow", "Training: epoch {epoch} of {total}."
            ).format(epoch=number(snap.epoch), total=number(snap.total_epochs))
        if status == "paused":
            text = QCoreApplication.translate(
                "MainWindow",
                "Paused at epoch {epoch}, step {step}. Space resumes, S takes one more step.",
            ).format(epoch=number(snap.epoch), step=number(snap.step))
            if math.isfinite(snap.batch_loss):  # inside an epoch: the loss of its batches
                text += " " + QCoreApplication.translate(
                    "MainWindow",
                    "Mean mini-batch loss so far in this epoch: {loss} ({n} of {total} batches).",
                ).format(
                    loss=number(snap.batch_loss, significant=4),
                    n=number(snap.batch_in_epoch),
                    total=number(snap.batches_per_epoch),
                )
            return text
        result = self._result_text(snap)
        if status == "finished":
            return QCoreApplication.translate(
                "MainWindow", "Finished {epochs} epochs in {seconds} s. {result}"
            ).format(epochs=number(snap.epoch), seconds=number(snap.elapsed, 1), result=result)
        if status == "early_stopped":
            return QCoreApplication.translate(
                "MainWindow",
                "Stopped early at epoch {epoch}: the validation loss stopped "
                "improving; the best weights (epoch {best}) were kept. {result}",
            ).format(epoch=number(snap.epoch), best=number(snap.best_epoch), result=result)
        if status == "stopped":
            return QCoreApplication.translate(
                "MainWindow", "Stopped at epoch {epoch}. {result}"
            ).format(epoch=number(snap.epoch), result=result)
        if status == "error":
            return QCoreApplication.translate(
                "MainWindow", "Training ended with an error at epoch {epoch}: {message}"
            ).format(epoch=snap.epoch, message=c.run_error or "")
        if status == "diverged":
            return QCoreApplication.translate(
                "MainWindow",
                "The loss became NaN or infinite: the learning rate ({lr}) is "
                "probably too high. Training stopped and the weights from epoch "
                "{epoch} were kept; lower the learning rate and reset.",
            ).format(
                lr=number(c.config.training.learning_rate, significant=6), epoch=number(snap.epoch)
            )
        return ""

    def _result_text(self, snap) -> str:
        loss, metric = snap.last("test_loss"), snap.last("test_metric")
        if not (math.isfinite(loss) and math.isfinite(metric)):
            return ""
        if self.controller.network is not None and self.controller.network.head.is_classification:
            return QCoreApplication.translate(
                "MainWindow", "Test loss {loss}, test accuracy {acc}."
            ).format(loss=number(loss, significant=4), acc=number(metric, 1, percent=True))
        return QCoreApplication.translate("MainWindow", "Test MSE {loss}, test R² {r2}.").format(
            loss=number(loss, significant=4), r2=number(metric, 4)
        )

    def _offer_reset(self, what: str) -> None:
        self.message_bar.show_message(
            QCoreApplication.translate(
                "MainWindow",
                "The {what} changed, so the trained network no longer matches it. Reset to "
                "build and train the new network (Train also resets).",
            ).format(what=what),
            QCoreApplication.translate("MainWindow", "Reset now"),
            self._reset,
        )
        if self.controller.identity is None:  # new data: the views dropped the old run's
            self.training_panel.show_progress(None)  # drawing, and its progress goes too
        self._on_status(self.controller.status)

    def _on_error(self, message: str) -> None:
        self.message_bar.show_message(
            QCoreApplication.translate("MainWindow", "Problem: {message}").format(message=message)
        )
        self.status_label.setText(message)

    def _reset(self) -> None:
        self.message_bar.hide()
        self.controller.reset()
