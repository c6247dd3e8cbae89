"""The training loop, as a plain iterator of immutable snapshots.

The same loop serves the command line, the tests and the GUI worker thread::

    trainer = Trainer(network, dataset, TrainingOptions(epochs=100))
    for snapshot in trainer:      # yields at most every `snapshot_interval` seconds
        show(snapshot)            # plus on pause, single steps and at the end

Another thread may call :meth:`Trainer.pause`, :meth:`~Trainer.resume`,
:meth:`~Trainer.step_once`, :meth:`~Trainer.stop` and :meth:`~Trainer.set_learning_rate` at
any time. While paused, the iterator blocks inside ``next()`` until it is resumed, asked for a
step or stopped (a step asked for *before* ``next()`` is taken without blocking, so a single
thread can drive the loop one step at a time).

A :class:`Snapshot` holds host (numpy) copies, never arrays the trainer keeps writing to, so
any thread can read it at leisure.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from . import cuda_graph, insight, kernels, metrics, parallel
from .history import History, LayerHistory
from .identity import Identity, data_fingerprint, identity_of
from .network import Network
from .optimizers import get_optimizer, make_optimizer
from .schedules import get_schedule
from .training_options import TrainingOptions, entry_options

__all__ = [
    "History",
    "Identity",
    "LayerHistory",
    "Snapshot",
    "Trainer",
    "TrainingOptions",
    "data_fingerprint",
    "identity_of",
]

EVAL_SUBSET = 10_000  # rows of the train set evaluated per epoch on large sets
#: rows of the evaluation subset on which gradients and unit health are measured per epoch
INSIGHT_ROWS = 1000
STATUS_TEXT = {
    "ready": "Ready",
    "running": "Training",
    "paused": "Paused",
    "finished": "Finished",
    "stopped": "Stopped",
    "early_stopped": "Stopped early",
    "diverged": "Diverged",
}
FINAL_STATES = ("finished", "stopped", "early_stopped", "diverged")


def diverged_message(failed_epoch: int, kept_epoch: int, learning_rate: float) -> str:
    """What a diverged run says: the epoch during which the loss stopped being finite (1 is
    the first epoch) and the epoch whose weights were kept (0: the untrained network). The
    exported scripts' ``run_common.diverged_message`` says the same words."""
    return (
        f"The loss became NaN or infinite during epoch {failed_epoch}: the learning rate "
        f"({learning_rate:g}) is probably too high. Training stopped and {kept_weights(kept_epoch)}"
        " were kept; lower the learning rate and reset."
    )


def kept_weights(epoch: int) -> str:
    """'the weights of epoch 3', or of 'epoch 0 (untrained)': what a diverged run kept."""
    return f"the weights of epoch {epoch}" + (" (untrained)" if epoch == 0 else "")


@dataclass(frozen=True, eq=False)
class Snapshot:
    """What the views need at one moment of training; every array is a private host copy."""

    status: str
    message: str
    epoch: int  # completed epochs
    total_epochs: int
    step: int  # optimiser steps so far
    batch_in_epoch: int
    batches_per_epoch: int
    elapsed: float  # seconds spent training (pauses excluded)
    samples_per_second: float
    eta: float | None
    learning_rate: float
    history: dict[str, np.ndarray] = field(repr=False)
    weights: tuple[tuple[np.ndarray, np.ndarray], ...] = field(repr=False)
    test_output: np.ndarray | None = field(repr=False)  # f_theta on the test inputs
    plot_output: np.ndarray | None = field(repr=False)  # f_theta on dataset.plot_inputs()
    best_epoch: int | None = None
    #: the experiment (data and architecture) these arrays belong to; None matches no view
    identity: Identity | None = None
    #: mean loss of the mini-batches trained so far in the current epoch (NaN if none): what
    #: a single step shows before the epoch ends
    batch_loss: float = math.nan
    #: :class:`LayerHistory` columns (gradients, dead and saturated shares per layer)
    layers: dict[str, np.ndarray] | None = field(default=None, repr=False)
    #: per hidden layer, each unit's state at the latest epoch (insight.HEALTHY/DEAD/SATURATED)
    unit_states: tuple[np.ndarray, ...] | None = field(default=None, repr=False)
    #: (epoch, flat parameters at that epoch's end) for the epochs ended since the previous
    #: snapshot that the timeline schedule keeps (only when the trainer records a timeline)
    epoch_params: tuple[tuple[int, np.ndarray], ...] = field(default=(), repr=False)
    #: whether this run's full batches replay as a CUDA graph: None while they do, else why
    #: not (a reason key of :mod:`.cuda_graph`, with its detail); the Device row shows it
    graph_reason: str | None = "cpu"
    graph_detail: str = ""

    @property
    def progress(self) -> float:
        """Share of the run done, 0 to 1."""
        if self.total_epochs <= 0:
            return 1.0
        done = self.epoch + self.batch_in_epoch / max(1, self.batches_per_epoch)
        return min(1.0, done / self.total_epochs)

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATES

    def last(self, column: str) -> float:
        values = self.history[column]
        return float(values[-1]) if len(values) else math.nan


def validation_split(rng, n: int, fraction: float) -> tuple[np.ndarray, np.ndarray]:
    """(the validation rows, the training rows) of a training set of ``n`` rows under early
    stopping: a share ``fraction`` (at least one row) held out, drawn by ``rng``. The trainer
    draws it first from the run's seed (``default_rng(options.seed)``), so
    :func:`validation_rows` finds the same rows again without training."""
    n_val = max(1, int(round(fraction * n)))
    if n_val >= n:
        raise ValueError("The validation fraction leaves no training data.")
    order = rng.permutation(n)
    return order[:n_val], order[n_val:]


def validation_rows(options: TrainingOptions, n: int) -> np.ndarray:
    """The rows of a training set of ``n`` rows that a run with ``options`` holds out for
    validation and never trains on (empty without early stopping, and where the share would
    leave no training rows: such a run is refused)."""
    if options.early_stopping:
        with contextlib.suppress(ValueError):
            rng = np.random.default_rng(options.seed)
            return validation_split(rng, n, options.validation_fraction)[0]
    return np.zeros(0, dtype=np.int64)


class Trainer:
    """Trains ``network`` on ``dataset`` with ``options``; iterate over it to run."""

    def __init__(
        self,
        network: Network,
        dataset,
        options: TrainingOptions,
        snapshot_interval: float = 0.05,
        plot_resolution: int | None = None,
        history: History | None = None,
        optimizer_state: dict | None = None,
        timeline_budget: int | None = None,
    ):
        """``timeline_budget``: hand out each epoch's parameters in the snapshots
        (:attr:`Snapshot.epoch_params`), at most this many bytes of them between two
        snapshots, thinned as :class:`~mlpstudio.core.insight.Timeline` thins."""
        self.network = network
        self.dataset = dataset
        self.options = options
        self.snapshot_interval = snapshot_interval
        self.backend = network.backend
        xp = self.backend.xp
        #: threads for the elementwise work, as many as BLAS has (see :mod:`.parallel`)
        self.pool = parallel.engine_pool(xp)
        self.history = history or History()
        self.identity = identity_of(network, dataset)
        seconds = self.history.view()["seconds"]
        #: training time of the runs that built the history so far (a continued or reopened
        #: experiment reports its total time, not the time since it was reopened)
        self.previous_seconds = (
            float(seconds[-1]) if len(seconds) and math.isfinite(seconds[-1]) else 0.0
        )
        self.start_epoch = int(self.history.view()["epoch"][-1]) if len(self.history) else 0

        head = network.head
        self._classification = head.is_classification
        rng = np.random.default_rng(options.seed)
        x_train, y_train = dataset.x_train, dataset.y_train
        self._x_val = self._y_val = None
        if options.early_stopping:
            val, train = validation_split(rng, len(x_train), options.validation_fraction)
            self._x_val = self._to_device(x_train[val])
            self._y_val = head.prepare_targets(xp, y_train[val], self.backend.dtype)
            x_train, y_train = x_train[train], y_train[train]
        self._x = self._to_device(x_train)
        self._y = head.prepare_targets(xp, y_train, self.backend.dtype)
        self._x_test = self._to_device(dataset.x_test)
        self._y_test = head.prepare_targets(xp, dataset.y_test, self.backend.dtype)
        if len(x_train) > EVAL_SUBSET:
            pick = np.sort(rng.choice(len(x_train), EVAL_SUBSET, replace=False))
            self._x_eval, self._y_eval = self._x[xp.asarray(pick)], self._y[xp.asarray(pick)]
        else:
            self._x_eval, self._y_eval = self._x, self._y
        self.layers = LayerHistory(network.n_layers)
        self._unit_states: tuple[np.ndarray, ...] | None = None
        self._x_insight = self._inputs(self._x_eval[:INSIGHT_ROWS])
        self._y_insight = self._y_eval[:INSIGHT_ROWS]
        self._x_insight_host = np.asarray(self.backend.to_host(self._x_insight), np.float64)
        plot_inputs = dataset.plot_inputs(plot_resolution) if not dataset.is_image else None
        self._x_plot = (
            self.backend.asarray(plot_inputs, dtype=self.backend.dtype)
            if plot_inputs is not None and len(plot_inputs)
            else None
        )
        self._shuffle_rng = rng
        self.n_train = len(x_train)
        self.batch_size = max(1, min(int(options.batch_size), self.n_train))
        self.batches_per_epoch = math.ceil(self.n_train / self.batch_size)

        self.optimizer = make_optimizer(
            options.optimizer,
            xp,
            network.n_params,
            network.n_weights,
            network.backend.dtype,
            weight_decay=options.weight_decay,
            pool=self.pool,
            **entry_options(options, get_optimizer(options.optimizer)),
        )
        self._schedule = get_schedule(options.schedule)
        self._schedule_options = entry_options(options, self._schedule)
        if optimizer_state:
            self.optimizer.load_state(optimizer_state)

        self._lock = threading.Condition()
        self._paused = False
        self._pending_steps = 0
        self._stop = False
        self._base_lr = float(options.learning_rate)
        self.status = "ready"
        self._timeline_budget = timeline_budget
        self._epoch_params = None if timeline_budget is None else insight.Timeline(timeline_budget)
        # issue 14 (P2): full batches on the GPU replay one CUDA graph (core/cuda_graph.py)
        self.step_graph = cuda_graph.StepGraph(self)

    # -- controls (any thread) ---------------------------------------------------------------
    def pause(self) -> None:
        with self._lock:
            self._paused = True

    def resume(self) -> None:
        with self._lock:
            self._paused = False
            self._lock.notify_all()

    def step_once(self) -> None:
        """Pause (if running) and train exactly one more mini-batch."""
        with self._lock:
            self._paused = True
            self._pending_steps += 1
            self._lock.notify_all()

    def stop(self) -> None:
        with self._lock:
            self._stop = True
            self._lock.notify_all()

    def set_learning_rate(self, lr: float) -> None:
        """Change the base learning rate; it applies from the next mini-batch."""
        if not (lr > 0 and math.isfinite(lr)):
            raise ValueError("The learning rate must be a positive number.")
        self._base_lr = float(lr)

    @property
    def learning_rate(self) -> float:
        return self._base_lr

    @property
    def paused(self) -> bool:
        return self._paused

    # -- data --------------------------------------------------------------------------------
    def _to_device(self, x):
        """Rows on the backend: floats in the compute dtype, or images kept as uint8."""
        x = x.reshape(len(x), -1)
        if x.dtype == np.uint8:
            return self.backend.asarray(x)
        return self.backend.asarray(x, dtype=self.backend.dtype)

    def _inputs(self, rows):
        """A float batch from stored rows (converts uint8 images: (x - shift) * scale)."""
        if rows.dtype == self.backend.dtype:
            return rows
        if self.backend.is_gpu:  # one fused kernel instead of three passes
            t = self.backend.dtype.type
            out = self.backend.xp.empty(rows.shape, dtype=self.backend.dtype)
            return kernels.convert_kernel()(
                rows, t(self.dataset.input_shift), t(self.dataset.input_scale), out
            )
        x = self.backend.xp.empty(rows.shape, dtype=self.backend.dtype)
        shift, scale = self.dataset.input_shift, self.dataset.input_scale

        def block(start: int, stop: int) -> None:  # elementwise: any split, the same bits
            part = x[start:stop]
            part[...] = rows[start:stop]
            if shift:
                part -= shift
            if scale != 1.0:
                part *= scale

        self.pool.run(block, len(rows), rows.size // max(1, len(rows)))
        return x

    def _logits(self, x_rows, chunk: int = 8192):
        xp = self.backend.xp
        parts = [
            self.network.logits(self._inputs(x_rows[i : i + chunk]), self.pool)
            for i in range(0, len(x_rows), chunk)
        ]
        return parts[0] if len(parts) == 1 else xp.concatenate(parts)

    def _evaluate(self, x_rows, y):
        """(mean loss, metric, head output) on a whole set, chunked."""
        xp, head = self.backend.xp, self.network.head
        # A diverging network gives inf/NaN here; the loop detects that and stops, so numpy's
        # RuntimeWarnings would only repeat what the message says.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            z = self._logits(x_rows)
            loss = float(head.loss(xp, z, y))
            output = head.output(xp, z)
            if self._classification:
                metric = metrics.accuracy(xp, output, y)
            else:
                metric = metrics.r2_score(xp, output, y)
        return loss, metric, output

    # -- the loop ----------------------------------------------------------------------------
    def train_step(self, indices, lr: float):
        """One mini-batch: forward, backward and update on the training rows ``indices``.
        Returns the batch loss as a 0-d backend array."""
        # -- issue 14 (P2) hook: a full batch on the GPU replays the captured step; None means
        # the graph cannot run here (core/cuda_graph.py says why) and the plain step follows
        if self.step_graph.active and len(indices) == self.batch_size:
            loss = self.step_graph.step(indices, lr)
            if loss is not None:
                return loss
        # -- end of the issue-14 hook
        net, opt = self.network, self.optimizer
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is handled by the loop
            x, y = self._inputs(self._x[indices]), self._y[indices]
            loss = net.loss_and_grad(x, y, pool=self.pool)
            opt.step(net.params, net.grads, lr)
        return loss

    def epoch_order(self):
        """A fresh random order of the training rows, on the backend."""
        return self.backend.xp.asarray(self._shuffle_rng.permutation(self.n_train))

    def __iter__(self):
        return self._run()

    def run(self, callback=None) -> Snapshot:
        """Train to the end; call ``callback(snapshot)`` for each snapshot; return the last."""
        last: Snapshot | None = None
        for snapshot in self:
            last = snapshot
            if callback is not None:
                callback(snapshot)
        if last is None:  # the loop always yields at least its final snapshot
            raise RuntimeError("training yielded no snapshot")
        return last

    def _run(self):
        opts, net, xp = self.options, self.network, self.backend.xp
        self.status = "running"
        self._elapsed = 0.0
        self._samples = 0
        self._step = 0
        self._best = None  # (validation loss, epoch, parameters)
        self._running, self._batches = None, 0  # this epoch's summed batch losses, count
        good_params, good_epoch = xp.array(net.params, copy=True), self.start_epoch
        epochs_without_progress = 0
        epoch, batch = self.start_epoch, 0
        final_status, message = "finished", ""
        pause_announced = False
        if len(self.history) == 0:
            self._record_epoch(epoch=0, lr=self._lr(0))  # the untrained network, for the curves
        else:
            self._refresh_test_output()
        yield self._snapshot(0, epoch)
        clock = last_yield = time.perf_counter()  # after the yield: idle time is not training

        while epoch < opts.epochs and final_status == "finished":
            order = self.epoch_order()
            running = xp.zeros((), dtype=xp.float64)
            self._running, self._batches = running, 0
            batch = 0
            while batch < self.batches_per_epoch:
                with self._lock:
                    must_wait = self._paused and self._pending_steps == 0 and not self._stop
                if must_wait:
                    self._elapsed += time.perf_counter() - clock
                    if not pause_announced:
                        self.status = "paused"
                        pause_announced = True
                        yield self._snapshot(batch, epoch)
                    with self._lock:
                        while self._paused and self._pending_steps == 0 and not self._stop:
                            self._lock.wait()
                    clock = time.perf_counter()
                with self._lock:
                    if self._stop:
                        final_status = "stopped"
                        break
                    single = self._paused and self._pending_steps > 0
                    if single:
                        self._pending_steps -= 1
                if not single:
                    self.status, pause_announced = "running", False

                idx = order[batch * self.batch_size : (batch + 1) * self.batch_size]
                running += self.train_step(idx, self._lr(epoch))
                batch += 1
                self._running, self._batches = running, batch
                self._step += 1
                self._samples += len(idx)

                now = time.perf_counter()
                due = self.snapshot_interval > 0 and now - last_yield >= self.snapshot_interval
                if single or (due and batch < self.batches_per_epoch):
                    if not math.isfinite(float(running)):
                        final_status, failed_epoch = "diverged", epoch + 1  # (one under way)
                        break
                    self._elapsed += now - clock
                    if single:
                        self.status, pause_announced = "paused", True
                    yield self._snapshot(batch, epoch)
                    clock = last_yield = time.perf_counter()
            if final_status != "finished":
                break

            # End of an epoch: evaluate, record, check for divergence and early stopping.
            epoch += 1
            now = time.perf_counter()  # the history's seconds: training time up to here
            self._elapsed += now - clock
            clock = now
            train_loss, val_loss = self._record_epoch(epoch, self._lr(epoch - 1))
            if not (math.isfinite(train_loss) and math.isfinite(float(running))):
                final_status, failed_epoch = "diverged", epoch  # (the one just ended)
                break
            good_params[...] = net.params
            good_epoch = epoch
            if self._x_val is not None:
                if self._best is None or val_loss < self._best[0]:
                    self._best = (val_loss, epoch, xp.array(net.params, copy=True))
                    epochs_without_progress = 0
                else:
                    epochs_without_progress += 1
                    if epochs_without_progress >= opts.patience:
                        final_status = "early_stopped"
                        message = (
                            f"Stopped early at epoch {epoch}: the validation loss has not "
                            f"improved for {opts.patience} epochs."
                        )
            now = time.perf_counter()
            due = self.snapshot_interval <= 0 or now - last_yield >= self.snapshot_interval
            if due and final_status == "finished" and epoch < opts.epochs:
                self._elapsed += now - clock
                yield self._snapshot(0, epoch)
                clock = last_yield = time.perf_counter()
            batch = 0

        self._elapsed += time.perf_counter() - clock
        if final_status == "diverged":
            net.params[...] = good_params
            message = diverged_message(failed_epoch, good_epoch, self._base_lr)
            epoch, batch = good_epoch, 0
            self._refresh_test_output()
        elif self._best is not None and opts.restore_best:
            net.params[...] = self._best[2]
            message = (message or "Training finished.") + (
                f" The weights of the best validation epoch ({self._best[1]}) were restored."
            )
            self._refresh_test_output()
        self.status = final_status
        yield self._snapshot(batch, epoch, message)

    def _lr(self, epoch: int) -> float:
        factor = self._schedule.factor(epoch, self.options.epochs, **self._schedule_options)
        return self._base_lr * factor

    def _record_epoch(self, epoch: int, lr: float) -> tuple[float, float]:
        """Evaluate and append a history row; (train loss, validation loss or NaN)."""
        train_loss, train_metric, _ = self._evaluate(self._x_eval, self._y_eval)
        test_loss, test_metric, output = self._evaluate(self._x_test, self._y_test)
        self._test_output = output
        val_loss = math.nan
        if self._x_val is not None:
            val_loss, _, _ = self._evaluate(self._x_val, self._y_val)
        self.history.append(
            epoch=epoch,
            train_loss=train_loss,
            test_loss=test_loss,
            val_loss=val_loss,
            train_metric=train_metric,
            test_metric=test_metric,
            learning_rate=lr,
            seconds=self.previous_seconds + self._elapsed,
        )
        self._record_layers(epoch)
        if self._epoch_params is not None:
            self._epoch_params.add(epoch, self.network.params_to_host())
        return train_loss, val_loss

    def _record_layers(self, epoch: int) -> None:
        """Gradients and unit health on the insight rows (the optimiser has already stepped:
        the gradient buffer is free until the next mini-batch)."""
        net = self.network
        with np.errstate(over="ignore", invalid="ignore"):
            net.loss_and_grad(self._x_insight, self._y_insight, 1.0)
            gradient = insight.mean_abs_gradients(net)
            states = insight.unit_states(
                net.weights_to_host(), net.activation_names, self._x_insight_host
            )
        self._unit_states = tuple(states)
        health = insight.health_of(states, net.activation_names)
        self.layers.append(
            epoch, gradient, [h.dead_share for h in health], [h.saturated_share for h in health]
        )

    def _refresh_test_output(self) -> None:
        _, _, self._test_output = self._evaluate(self._x_test, self._y_test)

    def _snapshot(self, batch: int, epoch: int, message: str = "") -> Snapshot:
        net, backend = self.network, self.backend
        if batch > 0 and self.status in ("paused", "stopped"):
            # Mid-epoch and standing still (a pause, a step, a stop): the test predictions
            # are those of the weights shown, not of the last epoch's end. While running they
            # wait for the epoch's end, which keeps snapshots cheap.
            self._refresh_test_output()
        total_steps = (self.options.epochs - self.start_epoch) * self.batches_per_epoch
        steps_done = (epoch - self.start_epoch) * self.batches_per_epoch + batch
        eta = None
        if self._step > 0 and self._elapsed > 0:
            eta = max(0.0, (total_steps - steps_done) * self._elapsed / self._step)
        batch_loss = math.nan
        if batch > 0 and self._running is not None and self._batches == batch:
            batch_loss = float(self._running) / batch
        epoch_params: tuple = ()
        if self._epoch_params is not None and len(self._epoch_params):
            epoch_params = tuple(self._epoch_params.items())
            self._epoch_params = insight.Timeline(self._timeline_budget or 0)
        plot_output = None
        if self._x_plot is not None:
            plot_output = backend.to_host(net.forward(self._x_plot))
        return Snapshot(
            status=self.status,
            message=message or STATUS_TEXT.get(self.status, self.status),
            epoch=epoch,
            total_epochs=self.options.epochs,
            step=self._step,
            batch_in_epoch=batch,
            batches_per_epoch=self.batches_per_epoch,
            elapsed=self.previous_seconds + self._elapsed,
            samples_per_second=self._samples / self._elapsed if self._elapsed > 0 else 0.0,
            eta=self._eta(eta),
            learning_rate=self._lr(min(epoch, max(0, self.options.epochs - 1))),
            history=self.history.view(),
            weights=tuple(net.weights_to_host()),
            test_output=None if self._test_output is None else backend.to_host(self._test_output),
            plot_output=plot_output,
            best_epoch=None if self._best is None else self._best[1],
            identity=self.identity,
            batch_loss=batch_loss,
            layers=self.layers.view(),
            unit_states=self._unit_states,
            epoch_params=epoch_params,
            graph_reason=self.step_graph.reason,
            graph_detail=self.step_graph.detail,
        )

    def _eta(self, estimate: float | None) -> float | None:
        """Time left: none after a stop (the run is over but not done), 0 when finished."""
        if self.status == "finished":
            return 0.0
        if self.status in FINAL_STATES:
            return None
        return estimate
