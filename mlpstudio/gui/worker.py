"""Training runs as the GUI sees them: the latest snapshot, controls, and a ``finished`` signal.

Two interchangeable kinds:

* :class:`ProcessRun` (the default) trains in a child process
  (:mod:`mlpstudio.experiment.remote`), so redraws and training never compete for the Python
  interpreter. A reader thread keeps only the latest snapshot; nothing queues up.
* :class:`ThreadRun` trains in a QThread of this process: the fallback when a child process
  cannot be started, and simple to reason about in tests.

Neither touches a widget: the GUI pulls :meth:`latest` on a timer, and ``finished`` reaches the
GUI thread as a queued signal.
"""

from __future__ import annotations

import threading
import time
import traceback

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from threadpoolctl import threadpool_limits

from ..experiment.remote import TrainingProcess, blas_threads


class ProcessRun(QObject):
    """A run in the shared training process; see :class:`~mlpstudio.experiment.remote.RemoteRun`.
    ``finished`` carries ``run_id``, so that a receiver can ignore a run it has replaced."""

    finished = Signal(int)

    def __init__(self, run_id: int, process: TrainingProcess, config_toml: str, epochs: int,
                 state: dict | None, step: bool, network=None, reference=None,
                 preview: bool = False, parent=None, timeline=None,
                 needs=None):  # fmt: skip
        """``network`` and ``reference`` (a snapshot of it): what every message from the child
        must match (weight shapes, parameter count, output shapes). ``timeline`` receives the
        run's epochs when it ends (the child keeps them meanwhile: :meth:`kept_epochs`,
        :meth:`fetch`, :meth:`answer`). ``needs``: what the visible views draw
        (:class:`~mlpstudio.experiment.frames.Needs`; everything if None)."""
        super().__init__(parent)
        self.run_id = run_id
        shapes = n_params = None
        if network is not None:
            shapes = [(w.shape, b.shape) for w, b in network.weights_to_host()]
            n_params = network.n_params
        outputs = {}
        for name in ("test_output", "plot_output"):
            if getattr(reference, name, None) is not None:
                outputs[name] = getattr(reference, name).shape
        self._request = (process, config_toml, epochs, state, step)
        self._options = dict(layer_shapes=shapes, n_params=n_params, output_shapes=outputs,
                             preview=preview, timeline=timeline, needs=needs)  # fmt: skip
        self._run = None

    def start(self) -> None:
        """Send the request (connect ``finished`` first: it may fire at once)."""
        process, config_toml, epochs, state, step = self._request
        # The reader thread calls back; emitting from there queues the signal to the GUI thread.
        self._run = process.start(config_toml, epochs, state, step=step,
                                  on_finished=lambda: self.finished.emit(self.run_id),
                                  **self._options)  # fmt: skip

    def latest(self):
        return self._run.latest()

    def is_running(self) -> bool:
        return self._run.is_running()

    def wait(self, milliseconds: int = 1000) -> bool:
        return self._run.wait(milliseconds)

    @property
    def paused(self) -> bool:
        return self._run.paused

    @property
    def error(self) -> str | None:
        return self._run.error

    @property
    def start_failed(self) -> bool:
        return self._run.start_failed

    @property
    def final_params(self):
        return self._run.final_params

    @property
    def final_optimizer_state(self):
        return self._run.final_optimizer_state

    def pause(self):
        self._run.pause()

    def resume(self):
        self._run.resume()

    def step_once(self):
        self._run.step_once()

    def stop(self):
        self._run.stop()

    def set_learning_rate(self, lr: float):
        self._run.set_learning_rate(lr)

    def set_needs(self, needs) -> None:
        """The visible views changed: the child sends what they draw from now on."""
        self._run.set_needs(needs)

    @property
    def whole_weights(self):
        return self._run.whole_weights

    # the run's timeline, kept in the training process while it trains
    @property
    def kept(self):
        """(first, latest, dense, bytes) of the child's timeline (None before it keeps any)."""
        return self._run.kept if self._run is not None else None

    def kept_epochs(self) -> list[int]:
        return self._run.kept_epochs() if self._run is not None else []

    def fetch(self, epoch: int) -> None:
        """Ask for one epoch's parameters; :meth:`answer` has them when they came."""
        self._run.fetch(epoch)

    def answer(self, asked: int):
        return self._run.answer(asked)

    def params_at(self, epoch: int):
        return self._run.params_at(epoch) if self._run is not None else None


class _ThreadWorker(QObject):
    """Lives in the training thread; ``run`` drives the trainer to its end."""

    done = Signal()

    def __init__(self, snapshots, timeline=None):
        super().__init__()
        self._snapshots = snapshots
        self._timeline = timeline
        self.latest = None
        self.error: str | None = None
        self.ended = threading.Event()  # waitable without holding the GIL

    @Slot()
    def run(self) -> None:
        try:
            with threadpool_limits(blas_threads()):
                for snapshot in self._snapshots:
                    if self._timeline is not None:
                        for epoch, params in snapshot.epoch_params:
                            self._timeline.add(epoch, params)
                    self.latest = snapshot  # a reference swap: atomic under the GIL
        except Exception:
            self.error = traceback.format_exc().strip().splitlines()[-1]
        finally:
            self.ended.set()
            self.done.emit()


class ThreadRun(QObject):
    """A run of an in-process trainer in a QThread; ``finished`` carries ``run_id``."""

    finished = Signal(int)

    def __init__(self, run_id: int, trainer, snapshots, parent=None, timeline=None):
        super().__init__(parent)
        self.run_id = run_id
        self.trainer = trainer
        self.thread = QThread()
        self.thread.setObjectName("mlpstudio-training")
        self.worker = _ThreadWorker(snapshots, timeline)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # Direct: quit from the worker thread itself, so that the thread ends even while the
        # GUI thread is blocked in wait() and cannot process a queued call.
        self.worker.done.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.thread.finished.connect(self._on_thread_finished)

    def start(self) -> None:
        self.thread.start()

    @Slot()
    def _on_thread_finished(self) -> None:
        self.finished.emit(self.run_id)

    final_params = None  # the trainer updated the GUI's own network in place
    final_optimizer_state = None
    start_failed = False

    def latest(self):
        return self.worker.latest

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def wait(self, milliseconds: int = 1000) -> bool:
        # QThread.wait would hold the GIL that the training thread needs to finish: wait on
        # the worker's event first (which releases it), then for the thread's last moments.
        started = time.monotonic()
        if not self.worker.ended.wait(milliseconds / 1000):
            return False
        remaining = milliseconds - (time.monotonic() - started) * 1000
        return self.thread.wait(max(1, int(remaining)))

    @property
    def paused(self) -> bool:
        return self.trainer.paused

    @property
    def error(self) -> str | None:
        return self.worker.error

    def pause(self):
        self.trainer.pause()

    def resume(self):
        self.trainer.resume()

    def step_once(self):
        self.trainer.step_once()

    def stop(self):
        self.trainer.stop()

    def set_learning_rate(self, lr: float):
        self.trainer.set_learning_rate(lr)


class ThreadComparison:
    """A comparison in a thread of this process, with the interface of
    :class:`~mlpstudio.experiment.remote.RemoteComparison` (``rows``, ``progress``,
    ``error``, ``is_running``, ``wait``, ``stop``): the fallback without a training process."""

    def __init__(self, config, architectures: list[list[int]]):
        from ..experiment.compare import Comparison

        self.architectures = [list(a) for a in architectures]
        self.progress: tuple[int, int, int] | None = None
        self.error: str | None = None
        self.start_failed = False
        self._comparison = Comparison(config, self.architectures, progress=self._on_progress)
        self._ended = threading.Event()
        threading.Thread(target=self._work, name="comparison", daemon=True).start()

    @property
    def rows(self) -> list:
        return list(self._comparison.rows)

    def _on_progress(self, index: int, hidden, snapshot) -> None:
        self.progress = (index, snapshot.epoch, snapshot.total_epochs)

    def _work(self) -> None:
        try:
            with threadpool_limits(blas_threads()):
                self._comparison.run()
        except Exception as exc:  # shown in the window, never a crash
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self._ended.set()

    def is_running(self) -> bool:
        return not self._ended.is_set()

    def wait(self, milliseconds: int = 1000) -> bool:
        return self._ended.wait(milliseconds / 1000)

    def stop(self) -> None:
        self._comparison.stop()
