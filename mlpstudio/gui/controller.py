"""The experiment behind the window: config, dataset, network, and the training run.

Panels edit a :class:`~mlpstudio.experiment.config.Config` and hand it to
:meth:`ExperimentController.set_config`; the controller rebuilds what the change invalidates
(the dataset, the network) and tells the views through signals. Training happens in a
:class:`~mlpstudio.gui.worker.ProcessRun` (or, as a fallback, a
:class:`~mlpstudio.gui.worker.ThreadRun`); a timer in the GUI thread pulls the latest snapshot
and emits :attr:`ExperimentController.snapshotReady` only when a new one arrived.

The controller keeps its own copy of the network: the untrained network's snapshot is computed
here, and at the end of every run the final weights and optimiser state come back, so that a
run can be continued, saved or exported.
"""

from __future__ import annotations

import bisect
import dataclasses
import os

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..core.backend import BackendError, get_backend
from ..core.insight import TIMELINE_BUDGET, Timeline
from ..core.replay import Replayer
from ..core.training import FINAL_STATES, History, Trainer, identity_of
from ..data.dataset import DataError
from ..data.expr import FormulaError
from ..experiment.build import build_dataset, build_network, build_trainer
from ..experiment.config import Config, ConfigError
from ..experiment.frames import Needs
from ..experiment.remote import TrainingProcess, state_arrays
from .worker import ProcessRun, ThreadRun

REDRAW_INTERVAL_MS = 40  # at most 25 redraws per second
# Below this many multiply-adds (rows x parameters) the window evaluates a new network's
# first snapshot itself, in a few milliseconds; above, the training process does.
FIRST_SNAPSHOT_HERE_MACS = 2_000_000
MODE_ENV = "MLPSTUDIO_TRAINING"  # "process" (default) or "thread"


class ExperimentController(QObject):
    datasetChanged = Signal()
    networkChanged = Signal()
    statusChanged = Signal(str)
    snapshotReady = Signal(object)
    rebuildOffered = Signal(str)  # why the trained network no longer matches the settings
    errorOccurred = Signal(str)
    timelineChanged = Signal()  # epochs were kept, or the timeline was replaced
    replayChanged = Signal(object)  # the epoch the views show from the timeline, None: live

    def __init__(self, config: Config | None = None, parent=None, mode: str | None = None):
        super().__init__(parent)
        self.config = config or Config()
        self.mode = mode or os.environ.get(MODE_ENV, "process")
        self.process = TrainingProcess() if self.mode == "process" else None
        self.dataset = None
        self.data_error: str | None = None
        self.data_error_position: int | None = None  # where a formula error is, for a caret
        self.network = None
        self.network_dataset = None  # the data the network was built for
        self.network_error: str | None = None
        #: The setup panel whose settings caused ``network_error``: "training" for the device
        #: and number type, "architecture" for the rest (layers, head, memory).
        self.network_error_panel: str | None = None
        self.optimizer_state: dict | None = None
        self.run = None
        #: what the window's visible views draw: a run in the training process sends only
        #: that (the window updates it with :meth:`set_needs`)
        self.needs = Needs()
        self.preview = None  # the request for the network's first snapshot, while it is out
        self._runs = 0  # the id of the latest run: a signal from an older one is ignored
        self._launched_step = False  # whether the latest run began with one step (Step)
        self.run_error: str | None = None  # why the last run ended with status "error"
        self.snapshot = None
        self.status = "ready"
        self.pending_rebuild: str | None = None
        #: parameter copies of the network's training so far, epoch by epoch (thinned)
        self.timeline = Timeline()
        self.replay = None  # the past snapshot the views show, None while they follow training
        self._replayer = None
        self._timeline_seen = (0, None, None)
        #: (run id, epoch) asked of the training process for the replay, while it is on its way
        self._pending = None
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_INTERVAL_MS)
        self._timer.timeout.connect(self._poll)
        self._rebuild_data()
        self._rebuild_network()

    def prewarm(self) -> None:
        """Start the training process in the background, so the first Train is instant."""
        if self.process is not None:
            self.process.launch()

    # -- state -------------------------------------------------------------------------------
    @property
    def is_training(self) -> bool:
        return self.run is not None and self.run.is_running()

    @property
    def is_paused(self) -> bool:
        return self.is_training and self.run.paused

    @property
    def can_train(self) -> bool:
        return self.dataset is not None and self.network is not None

    @property
    def has_progress(self) -> bool:
        """Whether the network has been trained at all (so a rebuild would lose work)."""
        return self.snapshot is not None and len(self.snapshot.history["epoch"]) > 1

    @property
    def identity(self):
        """The experiment the views may show: the current data with the current network, or
        None while there is no network for this data (it failed, or the data changed after
        training and a rebuild is only offered). Snapshots of any other identity are stale."""
        if self.network is None or self.dataset is None or self.network_dataset is not self.dataset:
            return None
        return identity_of(self.network, self.dataset)

    @property
    def view_network(self):
        """The network the views may draw (None when it belongs to other data)."""
        return self.network if self.identity is not None else None

    def _set_status(self, status: str) -> None:
        self.status = status
        self.statusChanged.emit(status)

    # -- configuration -----------------------------------------------------------------------
    def set_config(self, config: Config) -> None:
        """Apply an edited configuration; rebuild only what the change invalidates."""
        old, self.config = self.config, config
        data_changed = old.data != config.data or self.dataset is None
        t_old, t_new = old.training, config.training
        init_changed = (t_old.seed, t_old.backend, t_old.dtype) != (
            t_new.seed,
            t_new.backend,
            t_new.dtype,
        )
        model_changed = old.model != config.model or init_changed
        if self.is_training and t_old.learning_rate != t_new.learning_rate:
            self.run.set_learning_rate(t_new.learning_rate)  # applies at once
        if not (data_changed or model_changed) or self.is_training:
            return  # (the panels are locked while training; stray edits wait for the end)
        if data_changed:
            self._rebuild_data()
        if self.has_progress and self.dataset is not None:
            what = self.tr("data") if data_changed else self.tr("architecture")
            self.pending_rebuild = what
            self.rebuildOffered.emit(what)
            return
        self._rebuild_network()

    def _rebuild_data(self) -> None:
        try:
            self.dataset = build_dataset(self.config.data)
            self.data_error, self.data_error_position = None, None
        except (FormulaError, DataError, ConfigError, ValueError) as exc:
            self.dataset = None
            self.data_error = str(exc)
            self.data_error_position = getattr(exc, "position", None)
        self.datasetChanged.emit()

    def _rebuild_network(self) -> None:
        """A fresh, untrained network for the current config, and its first snapshot."""
        self._discard_run()
        self.pending_rebuild = None
        self.snapshot = None
        self.network = None
        self.network_error = self.network_error_panel = None
        self.optimizer_state = None
        self._new_timeline(None)
        self.network_config = self.config.copy()
        if self.dataset is not None:
            try:
                backend = get_backend(self.config.training.backend, self.config.training.dtype)
                self.network = build_network(self.config, self.dataset, backend)
                self.network_dataset = self.dataset
            except BackendError as exc:
                self.network_error, self.network_error_panel = str(exc), "training"
            except (ConfigError, ValueError) as exc:
                self.network_error, self.network_error_panel = str(exc), "architecture"
        self.networkChanged.emit()
        self._set_status("ready" if self.can_train else "invalid")
        if self.network is not None:
            self._request_first_snapshot(None, self.config.training.epochs, None)

    def reset(self) -> None:
        """Stop any run and start over with a freshly initialised network."""
        self._rebuild_network()

    def adopt(self, config: Config, network, history: dict, optimizer_state: dict | None,
              dataset=None, timeline: Timeline | None = None) -> None:  # fmt: skip
        """Take over a trained network: an opened experiment file or a comparison's row.
        The views show it as a stopped run, so Train continues from it. ``dataset``: the data
        the caller already built for ``config`` (it is read again otherwise); ``timeline``:
        the epochs a saved experiment kept."""
        self._discard_run()
        self._new_timeline(timeline)
        self.config = config
        if dataset is None:
            self._rebuild_data()
        else:
            self.dataset, self.data_error, self.data_error_position = dataset, None, None
            self.datasetChanged.emit()
        self.pending_rebuild = None
        self.network, self.network_error, self.network_error_panel = network, None, None
        self.network_dataset = self.dataset
        self.network_config = config.copy()
        self.optimizer_state = optimizer_state
        self.networkChanged.emit()
        if self.dataset is None:
            self.snapshot = None
            self._set_status("invalid")
            return
        epochs = max(config.training.epochs, int(history["epoch"][-1]))
        self.snapshot = None
        self._set_status("stopped")
        self._request_first_snapshot(history, epochs, "stopped")

    def _request_first_snapshot(self, history: dict | None, epochs: int,
                                status: str | None) -> None:  # fmt: skip
        """The network's first snapshot (untrained, or adopted with its ``history``), shown
        as ``status`` if given. The training process computes it (on MNIST a third of a
        second of evaluation) while the window stays responsive; without one, it is
        computed here."""
        self._runs += 1
        self.preview = None  # (a replaced request's late signal is ignored)
        self._preview_request = (history, epochs, status)
        if self.process is None or self._first_snapshot_is_cheap():
            self._first_snapshot_here()
            return
        state = state_arrays(self.network.params_to_host(), self.optimizer_state, history)
        self.preview = ProcessRun(self._runs, self.process, self.config.to_toml(), epochs, state,
                                  False, network=self.network, preview=True,
                                  parent=self)  # fmt: skip
        self.preview.finished.connect(self._on_preview_finished,
                                      Qt.ConnectionType.QueuedConnection)  # fmt: skip
        self.preview.start()

    def _first_snapshot_is_cheap(self) -> bool:
        """Whether evaluating the network on every row takes this thread only milliseconds
        (the course example: 400 rows x 31 parameters). Then it is computed here, and the
        training process need not start before the window is shown (it is warmed after)."""
        ds = self.dataset
        rows = len(ds.x_train) + len(ds.x_test)
        return rows * self.network.n_params <= FIRST_SNAPSHOT_HERE_MACS

    def _first_snapshot_here(self) -> None:
        history, epochs, status = self._preview_request
        trainer = self._trainer(History.from_columns(history) if history else History(), epochs)
        self._show_first(next(iter(trainer)), status)

    def _on_preview_finished(self, run_id: int) -> None:
        preview = self.preview
        if preview is None or run_id != preview.run_id:
            return  # a network that was replaced before its snapshot came
        self.preview = None
        snapshot = preview.latest()
        if preview.error or snapshot is None:
            if preview.start_failed:  # train in a thread from now on, and say so
                self.process = None
                self.run_error = f"{preview.error} {self._fallback_note()}"
                self.errorOccurred.emit(self.run_error)
            self._first_snapshot_here()  # (an error here, if any, is the data's or config's)
            return
        self._show_first(snapshot, self._preview_request[2])

    def _show_first(self, snapshot, status: str | None) -> None:
        if status is not None:
            snapshot = dataclasses.replace(snapshot, status=status, message="")
        self.snapshot = snapshot
        self.snapshotReady.emit(snapshot)
        if status is not None:  # an adopted run: its buttons and status line read the snapshot
            self._set_status(status)

    def settle(self, timeout_ms: int = 30_000) -> bool:
        """Wait for the network's first snapshot if it is still being computed (Train, Save
        and the labs need it); True once it is there."""
        if self.preview is not None:
            self.preview.wait(timeout_ms)
            self._on_preview_finished(self.preview.run_id)
        return self.preview is None

    def saved_config(self) -> Config:
        """What a saved file describes: the data and model the weights were trained with (the
        panels may have changed since) and the current training settings."""
        config = self.network_config.copy()
        config.training = self.config.copy().training
        return config

    def results(self) -> dict:
        """The latest figures, named as in ``mlpstudio train --json`` (for labs and reports)."""
        snap, net = self.snapshot, self.network
        if snap is None or net is None:
            return {}
        out = {
            "params": net.n_params,
            "epochs": snap.epoch,
            "seconds": snap.elapsed,
            "train_loss": snap.last("train_loss"),
            "test_loss": snap.last("test_loss"),
        }
        if net.head.is_classification:
            out["train_accuracy"] = snap.last("train_metric")
            out["test_accuracy"] = snap.last("test_metric")
        else:
            out["test_mse"] = snap.last("test_loss")
            out["test_r2"] = snap.last("test_metric")
            out["train_r2"] = snap.last("train_metric")
        return out

    def reload_data(self) -> None:
        """Read the data again (files were downloaded or imported) and start over."""
        if self.is_training:
            return
        self._rebuild_data()
        self._rebuild_network()

    # -- training ----------------------------------------------------------------------------
    def _trainer(self, history: History, epochs: int | None = None,
                 timeline_budget: int | None = None) -> Trainer:  # fmt: skip
        return build_trainer(
            self.config,
            self.dataset,
            self.network,
            history,
            self.optimizer_state,
            epochs=epochs,
            snapshot_interval=0.05,
            timeline_budget=timeline_budget,
        )

    def start(self) -> None:
        """Train: from the untrained network, or continue after a stop or the end."""
        if self.is_training:
            self.resume()
            return
        self._launch(step=False)

    def step(self) -> None:
        """Train exactly one mini-batch, then stay paused."""
        if self.is_training:
            self.go_live()
            self.run.step_once()
            self._set_status("paused")
            return
        self._launch(step=True)

    def _launch(self, step: bool) -> None:
        if self.pending_rebuild:
            self._rebuild_network()
        self.settle()  # a run continues from what the views show
        if not self.can_train:
            return
        self.go_live()
        last = self.snapshot
        epochs = self.config.training.epochs
        history = None
        if self.has_progress:  # continue from where the last run ended
            history = last.history
            epochs = last.total_epochs
            if last.status != "stopped" or last.epoch >= epochs:
                epochs = last.epoch + self.config.training.epochs
        self._runs += 1
        self.run_error = None
        self._launched_step = step
        if self.process is not None:
            state = None
            if history is not None:
                state = state_arrays(self.network.params_to_host(), self.optimizer_state, history)
            self.run = ProcessRun(self._runs, self.process, self.config.to_toml(), epochs, state,
                                  step, network=self.network, reference=last,
                                  parent=self, timeline=self.timeline,
                                  needs=self.needs)  # fmt: skip
        else:
            trainer = self._trainer(History.from_columns(history) if history else History(),
                                    epochs, TIMELINE_BUDGET)  # fmt: skip
            snapshots = iter(trainer)
            first = next(snapshots)  # the first snapshot repeats what the views already show
            for epoch, params in first.epoch_params:
                self.timeline.add(epoch, params)
            if step:
                trainer.step_once()
            self.run = ThreadRun(self._runs, trainer, snapshots, parent=self,
                                 timeline=self.timeline)  # fmt: skip
        # Queued even when emitted in this thread (a child that died at once): the status set
        # below must come first. The id check in the slot drops a replaced run's signal.
        self.run.finished.connect(self._on_run_finished, Qt.ConnectionType.QueuedConnection)
        self.run.start()
        self._timer.start()
        self._set_status("paused" if step else "running")

    def set_needs(self, needs: Needs) -> None:
        """What the visible views draw changed (the window calls this): a run in the training
        process sends that from now on. Snapshots are whole whenever training stands still."""
        if needs == self.needs:
            return
        self.needs = needs
        if self.is_training and hasattr(self.run, "set_needs"):
            self.run.set_needs(needs)

    def pause(self) -> None:
        if self.is_training:
            self.run.pause()
            self._set_status("paused")

    def resume(self) -> None:
        if self.is_training:
            self.go_live()
            self.run.resume()
            self._set_status("running")

    def toggle_pause(self) -> None:
        if not self.is_training:
            self.start()
        elif self.run.paused:
            self.resume()
        else:
            self.pause()

    def stop(self, wait: bool = False) -> None:
        if self.is_training:
            self.run.stop()
            if wait:
                self.run.wait(5000)
                self._collect()

    def _discard_run(self) -> None:
        self.preview = None  # (its snapshot, when it comes, is ignored)
        if self.run is not None:
            self.run.finished.disconnect(self._on_run_finished)
            if self.run.is_running():
                self.run.stop()
                self.run.wait(5000)
            self.run = None
        self._timer.stop()

    def shutdown(self, timeout_ms: int = 1000) -> bool:
        """Stop training and the training process (the window is closing)."""
        ok = True
        if self.run is not None and self.run.is_running():
            self.run.stop()
            ok = self.run.wait(timeout_ms)
        self._timer.stop()
        if self.process is not None:
            self.process.shutdown(timeout=max(0.1, timeout_ms / 1000))
        return ok

    # -- snapshots ---------------------------------------------------------------------------
    def _poll(self) -> None:
        if self.run is None:
            return
        latest = self.run.latest()
        if latest is not None and latest is not self.snapshot:
            self.snapshot = latest
            if self.replay is None:  # (while replaying, the views keep the chosen epoch)
                self.snapshotReady.emit(latest)
        seen = (len(self.timeline), self.timeline.latest, getattr(self.run, "kept", None))
        if seen != self._timeline_seen:
            self._timeline_seen = seen
            self.timelineChanged.emit()
        if self._pending is not None:
            self._take_fetched()

    # -- the timeline ------------------------------------------------------------------------
    @property
    def shown(self):
        """The snapshot the views show: a past epoch while replaying, else the latest."""
        return self.replay if self.replay is not None else self.snapshot

    def _new_timeline(self, timeline: Timeline | None) -> None:
        self.replay, self._replayer, self._pending = None, None, None
        self.timeline = timeline if timeline is not None else Timeline()
        self._timeline_seen = (-1, None, None)
        self.timelineChanged.emit()
        self.replayChanged.emit(None)

    def _remote_run(self):
        """The run in the training process that keeps epochs there now (None if none)."""
        run = self.run
        if run is None or not hasattr(run, "kept_epochs") or not run.is_running():
            return None
        return run

    def timeline_epochs(self) -> list[int]:
        """The epochs the slider offers: those this window's timeline holds and, while a run
        in the training process goes on, those that process keeps (fetched when shown)."""
        local, run = self.timeline.epochs, self._remote_run()
        remote = run.kept_epochs() if run is not None else []
        if not remote:
            return local
        if not local or local[-1] <= remote[0]:  # (a continued run starts where local ends)
            return local + remote[1:] if local and local[-1] == remote[0] else local + remote
        return sorted(set(local).union(remote))

    def timeline_size(self) -> tuple[int, int]:
        """(epochs kept, bytes), here and in the training process."""
        run = self._remote_run()
        kept = run.kept if run is not None else None
        count, nbytes = len(self.timeline), self.timeline.nbytes
        if kept is None:
            return count, nbytes
        return len(self.timeline_epochs()), nbytes + kept[3]

    @property
    def replay_epoch(self) -> int | None:
        """The epoch the replay shows, or is about to show (fetched from the training
        process); None while the views follow training."""
        if self._pending is not None:
            return self._pending[1]
        return self.replay.epoch if self.replay is not None else None

    def show_epoch(self, epoch: int) -> int | None:
        """Show the kept epoch nearest ``epoch`` in every view; returns it (None when there is
        nothing to show: no timeline, or the network belongs to other data).

        An epoch that only the training process keeps (while it trains) is asked of it; the
        views show it when it comes (:meth:`_poll`), and this returns at once."""
        if self.snapshot is None or self.identity is None:
            return None
        epochs = self.timeline_epochs()
        if not epochs:
            return None
        i = bisect.bisect_left(epochs, epoch)
        near = epochs[max(0, i - 1) : i + 1]
        epoch = min(near, key=lambda e: (abs(e - epoch), e))
        params = self._params_of(epoch)
        if params is None:  # only the training process has it: ask, show it when it comes
            run = self._remote_run()
            self._pending = (run.run_id, epoch)
            run.fetch(epoch)
            return epoch
        self._pending = None
        self._show_params(epoch, params)
        return epoch

    def _params_of(self, epoch: int):
        try:
            return self.timeline.at(epoch)
        except KeyError:
            pass
        run = self._remote_run()
        return run.params_at(epoch) if run is not None else None

    def _show_params(self, epoch: int, params) -> None:
        if self._replayer is None:
            self._replayer = Replayer(self.network, self.dataset)
        self.replay = self._replayer.snapshot(self.snapshot, epoch, params)
        self.snapshotReady.emit(self.replay)
        self.replayChanged.emit(epoch)

    def _take_fetched(self) -> None:
        """Show the epoch asked of the training process if it came. Only the current run's
        answer counts (an older run's never shows); a run that ended meanwhile has handed
        its timeline over, so the epoch is shown from here."""
        run_id, asked = self._pending
        run = self.run
        if run is None or run.run_id != run_id or not hasattr(run, "answer"):
            self._pending = None
            return
        got = run.answer(asked)
        if got is None:
            if not run.is_running():  # it ended before answering: the window has it now
                self._pending = None
                self.show_epoch(asked)
            return
        self._pending = None
        epoch, params = got
        if params is not None and self.identity is not None and self.snapshot is not None:
            self._show_params(epoch, params)
        elif epoch is not None:  # thinned out since it came: the nearest one kept now
            self.show_epoch(asked)

    def go_live(self) -> None:
        """Leave the replay: the views follow training (or show the end of it) again."""
        self._pending = None  # (a fetched epoch that comes later is not shown)
        if self.replay is None:
            return
        self.replay = None
        if self.snapshot is not None:
            self.snapshotReady.emit(self.snapshot)
        self.replayChanged.emit(None)

    def _collect(self) -> None:
        """Take the final snapshot and state of a run that has ended."""
        if self.run is None:
            return
        self._poll()
        self._timer.stop()
        if self.run.final_params is not None and self.network is not None:
            self.network.set_params(self.run.final_params)
        if self.run.final_optimizer_state is not None:
            self.optimizer_state = self.run.final_optimizer_state
        elif isinstance(self.run, ThreadRun):
            self.optimizer_state = self.run.trainer.optimizer.state()

    def _on_run_finished(self, run_id: int) -> None:
        if self.run is None or run_id != self.run.run_id:
            return  # a run that was stopped and replaced (its signal was still queued)
        self._collect()
        error = self.run.error
        if error and self.run.start_failed:
            # The training process never started (found at the first Train when the window
            # computed the first snapshot itself): train in a thread from now on, beginning
            # with this very press of Train, and say so.
            self.process = None
            self.errorOccurred.emit(f"{error} {self._fallback_note()}")
            self._launch(self._launched_step)
            return
        if error:
            if self.run.final_params is None and isinstance(self.run, ProcessRun):
                self._keep_last_weights()
            self.run_error = error
            self.errorOccurred.emit(error)
            self._set_status("error")
            return
        status = self.snapshot.status if self.snapshot is not None else "stopped"
        self._set_status(status if status in FINAL_STATES or status == "ready" else "stopped")

    def _fallback_note(self) -> str:
        return self.tr("Training will run inside the app instead.")

    def _keep_last_weights(self) -> None:
        """A run in the child that failed: the network takes the weights the views show (its
        last valid snapshot), so that what is saved or continued is what was seen."""
        snap = self.snapshot
        if snap is None or self.network is None or not snap.weights:
            return
        weights = getattr(self.run, "whole_weights", None) or snap.weights  # one moment's
        try:
            self.network.set_weights([(w, b) for w, b in weights])
        except ValueError:
            pass  # (checked on arrival; the untrained network stays otherwise)
