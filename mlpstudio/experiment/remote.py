"""Training in a child process, driven like the in-process trainer (the app's side; the
child is :mod:`mlpstudio.experiment.child`, the messages :mod:`mlpstudio.experiment.frames`).

Why a process: the trainer's inner loop is many small numpy calls, and CPython runs Python code
of one process one thread at a time (the GIL). In the same process as the GUI, every redraw
stalls training and every training step delays the redraw: measured on the course example,
training ran at 0.6 of its headless speed and the window froze for over a second at a time.
In a child process both run at full speed on their own core. The child owns the data (it keeps
its last dataset) and the networks it trains; the app receives snapshots and final states.

The channels are the child's own stdin and stdout pipes, which only the parent holds: no
listener, nothing another local process can connect to. Nothing is pickled. Every frame the
parent reads is checked; a bad one ends the job with an error and the child is replaced.

* parent -> child (stdin): ``start`` (job id, config TOML, target epochs, optionally the
  parameters, optimiser state and history to continue from; ``preview``: only the first
  snapshot; what the visible views draw), ``compare`` (job id, config TOML, architectures),
  then ``pause``, ``resume``, ``step``, ``stop``, ``lr`` and ``views`` (what the visible views
  draw now, see :class:`~mlpstudio.experiment.frames.Needs`), ``fetch`` (one epoch of the
  run's timeline, which the child keeps) for a job id, and ``quit``. The
  pipe itself queues whatever the parent sends before the child is ready, so no control is
  ever dropped; the child keeps the controls for a job that is still being built and applies
  them in order. One job runs at a time: a new request stops the one before.
* child -> parent (stdout): ``hello`` once, then for a job id: ``snapshot`` for every snapshot
  the trainer yields (a lean stream: what changed and what the visible views draw, see
  :class:`~mlpstudio.experiment.frames.SnapshotEncoder`; it names the timeline's epochs),
  ``epoch`` (one epoch's parameters: the answer to a ``fetch``, or, when the run ends, each
  epoch the app lacks) and finally ``done`` (final parameters and optimiser state); or, for
  a comparison, ``progress`` and a ``row`` (results, parameters, optimiser state, history) as
  each architecture ends, then ``done``; or ``error``.

The child is started so that the folder the app was started from is not on its import path
(see :func:`worker_command`).
"""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np

from ..core.insight import TIMELINE_BUDGET, Timeline
from ..core.training import Snapshot
from ..i18n import translate
from .child import blas_threads, private_pipes, serve
from .frames import FRAME as _FRAME
from .frames import (
    MAGIC,
    MAX_BLOB,
    MAX_JSON,
    MAX_TEXT,
    Needs,
    RemoteError,
    SnapshotAssembler,
    epoch_from,
    fetch_message,
    pack,
    progress_from,
    read_frame,
    row_from,
    snapshot_from,
    snapshot_message,
    split_state,
    state_arrays,
    timeline_span_from,
    unpack,
    unpack_parts,
)

# the message format and the child's entry points are named here for their users too
__all__ = [
    "_FRAME", "MAGIC", "MAX_BLOB", "MAX_JSON", "MAX_TEXT", "RemoteError", "pack", "read_frame",
    "snapshot_from", "snapshot_message", "state_arrays", "unpack", "unpack_parts",
    "blas_threads", "private_pipes", "serve", "TrainingProcess", "RemoteRun",
    "RemoteComparison", "worker_command", "package_root",
]  # fmt: skip

WORKER_FLAG = "--training-worker"
HELLO_TIMEOUT_S = 60.0  # a child that has not said hello by then is killed (start failed)


# -- the parent --------------------------------------------------------------------------------
# The child's first lines, run with -P (no script folder on sys.path): drop the working folder
# from sys.path too (PYTHONPATH may name it, or "."), unless the package itself lives there,
# and put the folder this very package was imported from first, so the child runs the same
# code as the parent (an editable install, a PYTHONPATH checkout or site-packages).
_BOOT = """\
import os, sys
root = sys.argv[1]
try:
    cwd = os.getcwd()
except OSError:
    cwd = None
sys.path[:] = [p for p in sys.path if p == root or (p and os.path.abspath(p) != cwd)]
if root not in sys.path:
    sys.path.insert(0, root)
from mlpstudio.experiment.child import serve
sys.exit(serve())
"""


def package_root() -> str:
    """The folder that holds the ``mlpstudio`` package this process imported."""
    return str(Path(__file__).resolve().parents[2])


def worker_command() -> list[str]:
    """How to start the child: the frozen app itself (PyInstaller sets sys.path to the
    bundle only; the working folder is never on it), or this interpreter with -P and a
    bootstrap that keeps the working folder off sys.path."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-P", "-c", _BOOT, package_root()]


def _message(text: str) -> str:
    return translate("Training", text)


class _Child:
    """One child process, its writer queue and the runs it has been asked to train."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = proc
        self.outbox: queue.Queue = queue.Queue()
        self.runs: dict[int, RemoteRun] = {}
        self.lock = threading.Lock()
        self.hello = threading.Event()
        self.closed = False  # (under the lock) no run can be added: the reader has ended
        self.ended = threading.Event()  # ... and every run's callback has returned
        self.failure: str | None = None

    def send(self, frame: bytes) -> None:
        if not self.closed:
            self.outbox.put(frame)

    def add(self, run: RemoteRun) -> bool:
        """Register ``run`` for its messages; False if this child's reader has ended."""
        with self.lock:
            if not self.closed:
                self.runs[run.run_id] = run
            return not self.closed

    def write_loop(self) -> None:
        """Writes queued frames in order; the GUI thread never blocks on a full pipe."""
        stdin = self.proc.stdin
        try:
            while (frame := self.outbox.get()) is not None:
                stdin.write(frame)
                stdin.flush()
        except (OSError, ValueError):
            pass  # the child ended: the reader reports it
        finally:
            try:
                stdin.close()
            except OSError:
                pass

    def read_loop(self) -> None:
        reason = None
        try:
            while True:
                header, arrays = read_frame(self.proc.stdout)
                if header["kind"] == "hello":
                    self.hello.set()
                    continue
                with self.lock:
                    run = self.runs.get(header.get("run"))
                if run is None:
                    raise RemoteError(f"a {header['kind']!r} message for no run")
                if run.deliver(header, arrays):
                    with self.lock:
                        self.runs.pop(run.run_id, None)
        except EOFError:
            reason = _message("the training process ended unexpectedly")
        except Exception as exc:  # any bad message ends the run, never the app
            reason = _message("the training process sent an invalid message ({reason})").format(
                reason=exc
            )
        self.failure = reason
        with self.lock:
            self.closed = True
            runs, self.runs = list(self.runs.values()), {}
        self.outbox.put(None)
        if self.proc.poll() is None:
            self.proc.kill()  # the stream is out of step: this child is done
        for run in runs:
            run.fail(reason, start_failed=not self.hello.is_set())
        self.ended.set()  # last: shutdown() waits for it, so no callback outlives the owner

    def watch_hello(self) -> None:
        """A child that never says hello (it hangs on start) is killed: the start failed."""
        if not self.hello.wait(HELLO_TIMEOUT_S) and self.proc.poll() is None:
            self.proc.kill()


class TrainingProcess:
    """A child process that trains on request; reused for every run of a session.

    :meth:`start` returns a :class:`RemoteRun` at once; the request and every later control
    are queued to the child's stdin in order, so the caller (the GUI thread) never blocks and
    nothing sent before the child is ready is lost.
    """

    def __init__(self):
        self._child: _Child | None = None
        self._lock = threading.Lock()
        self._runs = 0

    # lifecycle
    def launch(self) -> None:
        """Start the child in the background (idempotent)."""
        with self._lock:
            child = self._child
            if child is not None and child.proc.poll() is None and not child.closed:
                return
            flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
            proc = subprocess.Popen(
                worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                creationflags=flags,
            )  # fmt: skip
            self._child = child = _Child(proc)
            for target in (child.write_loop, child.read_loop, child.watch_hello):
                threading.Thread(target=target, name="training-io", daemon=True).start()

    @property
    def _proc(self) -> subprocess.Popen | None:
        return self._child.proc if self._child is not None else None

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Whether the child said hello within ``timeout`` seconds."""
        child = self._child
        return child is not None and child.hello.wait(timeout)

    def is_alive(self) -> bool:
        return self._child is not None and self._child.proc.poll() is None

    def start(self, config_toml: str, epochs: int, state: dict | None = None,
              step: bool = False, snapshot_interval: float = 0.05, on_finished=None,
              layer_shapes=None, n_params: int | None = None,
              output_shapes: dict | None = None, preview: bool = False,
              timeline=None, needs: Needs | None = None) -> RemoteRun:  # fmt: skip
        """Queue a run. ``layer_shapes``, ``n_params`` and ``output_shapes``, when given, are
        what every snapshot's weights and outputs and the final parameter vector must match;
        ``preview``: only the network's first snapshot (then ``done``), no training.
        ``needs``: what the visible views draw (everything if not given)."""
        run = RemoteRun(
            self._next_id(), on_finished, layer_shapes, n_params, output_shapes, timeline
        )
        run.paused = bool(step)
        header = {
            "kind": "start", "run": run.run_id, "config": config_toml, "epochs": int(epochs),
            "step": step, "snapshot_interval": snapshot_interval, "preview": preview,
            **(needs or Needs()).fields(),
            # the epoch the app's timeline ends with (a continued run starts there): the
            # child never sends it again
            "timeline_held": None if timeline is None else timeline.latest,
        }  # fmt: skip
        return self._submit(run, header, state)

    def compare(self, config_toml: str, architectures: list[list[int]],
                snapshot_interval: float = 0.25, on_finished=None) -> RemoteComparison:  # fmt: skip
        """Queue a comparison of ``architectures`` (lists of hidden widths) on the config's
        data; rows and progress stream back (see :class:`RemoteComparison`)."""
        job = RemoteComparison(self._next_id(), architectures, on_finished)
        header = {
            "kind": "compare", "run": job.run_id, "config": config_toml,
            "architectures": ";".join(",".join(map(str, a)) or "0" for a in architectures),
            "snapshot_interval": snapshot_interval,
        }  # fmt: skip
        return self._submit(job, header, None)

    def _next_id(self) -> int:
        self.launch()
        with self._lock:
            self._runs += 1
            return self._runs

    def _submit(self, job, header: dict, arrays: dict | None):
        with self._lock:
            child = self._child
        job.child = child
        if not child.add(job):  # it died between launch and now
            job.fail(child.failure, start_failed=not child.hello.is_set())
            return job
        child.send(pack(header, arrays))
        return job

    def shutdown(self, timeout: float = 1.0) -> None:
        """Ask the child to quit; kill it if it does not within ``timeout`` seconds."""
        with self._lock:
            child, self._child = self._child, None
        if child is None:
            return
        child.send(pack({"kind": "quit"}))
        child.outbox.put(None)  # then close its stdin
        try:
            child.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            child.proc.kill()
            child.proc.wait(5)
        child.ended.wait(5)  # every run's finished callback has returned
        child.proc.stdout.close()


class _Job:
    """One request to the child (a run or a comparison): its end, its error and its controls.
    ``deliver`` (in the reader thread) takes every message for it."""

    def __init__(self, run_id: int, on_finished=None):
        self.child: _Child | None = None
        self.run_id = run_id
        self.on_finished = on_finished
        self.error: str | None = None
        self.start_failed = False  # the child never said hello: train in-process instead
        self._done = threading.Event()
        self._end_lock = threading.Lock()

    def deliver(self, header: dict, arrays: dict) -> bool:
        raise NotImplementedError

    def _closing(self, header: dict) -> bool:
        """Take an ``error`` message (True); anything else unknown is invalid."""
        if header["kind"] != "error":
            raise RemoteError(f"unknown message kind {header['kind']!r}")
        message = header.get("message")
        if not isinstance(message, str) or len(message) > MAX_TEXT:
            raise RemoteError("an error message that is not text")
        self._end(message)
        return True

    def fail(self, reason: str | None, start_failed: bool = False) -> None:
        self.start_failed = start_failed
        self._end(reason or _message("the training process ended unexpectedly"))

    def _end(self, error: str | None) -> None:
        with self._end_lock:
            if self._done.is_set():
                return
            self.error = error
            self._done.set()
        if self.on_finished is not None:
            try:
                self.on_finished()
            except RuntimeError:
                pass  # its receiver is gone (the window closed): nobody is waiting

    def is_running(self) -> bool:
        return not self._done.is_set()

    def wait(self, milliseconds: int = 1000) -> bool:
        return self._done.wait(milliseconds / 1000)

    def _control(self, kind: str, **values) -> None:
        if self.is_running() and self.child is not None:
            self.child.send(pack({"kind": kind, "run": self.run_id, **values}))

    def stop(self) -> None:
        self._control("stop")


class RemoteRun(_Job):
    """One training run in the child: the latest snapshot, controls, and the final state.

    The run's timeline stays in the child while it trains (see
    :class:`~mlpstudio.experiment.child.TrainerJob`): :meth:`kept_epochs` are the epochs it
    holds, :meth:`fetch` asks for one of them and :meth:`answer` has it once it came (the
    caller never waits). When the run ends (``done``, or ``error`` with the state so far),
    the epochs fetched and those the child sends last go to ``timeline`` in epoch order,
    before ``on_finished``: the app's timeline is then whole, as if the run had been local."""

    def __init__(self, run_id: int, on_finished=None, layer_shapes=None,
                 n_params: int | None = None, output_shapes: dict | None = None,
                 timeline=None):  # fmt: skip
        """``timeline``: the app's :class:`~mlpstudio.core.insight.Timeline`, which receives
        the run's epochs when it ends."""
        super().__init__(run_id, on_finished)
        self.timeline = timeline
        self.layer_shapes = layer_shapes
        self.n_params = n_params
        self.output_shapes = output_shapes
        self.snapshots = SnapshotAssembler(layer_shapes, output_shapes)
        self._latest: Snapshot | None = None
        self.final_params: np.ndarray | None = None
        self.final_optimizer_state: dict | None = None
        self.paused = False
        #: (first, latest, dense, bytes) of the child's timeline (None: it keeps none yet)
        self.kept: tuple[int, int, int, int] | None = None
        self._kept_epochs: tuple = (None, [])  # (kept, its epochs), computed when asked
        self._epochs_lock = threading.Lock()
        self._asked: set[int] = set()  # fetches not answered yet
        self._answers: dict[int, int | None] = {}  # fetched epoch -> the kept one sent
        self._fetched: dict[int, np.ndarray] = {}  # epoch -> parameters (answers)
        self._rest: dict[int, np.ndarray] = {}  # epoch -> parameters (sent at the end)
        self._rest_bytes = 0
        self._merged = False

    def deliver(self, header: dict, arrays: dict) -> bool:
        """Take one message for this run (the reader thread); True when the run has ended.
        Raises RemoteError for a message that is not valid."""
        kind = header["kind"]
        if kind == "snapshot":
            snapshot = self.snapshots.add(header, arrays)
            kept = timeline_span_from(header, snapshot.total_epochs)
            with self._epochs_lock:
                self.kept = kept
                for epoch in [e for e in self._fetched if not _keeps(kept, e)]:
                    del self._fetched[epoch]  # thinned out there: gone here too
            self._latest = snapshot
            return False
        if kind == "epoch":
            self._take_epoch(header, arrays)
            return False
        if kind == "done":
            params, opt, _ = split_state(arrays)
            if params is None or params.ndim != 1 or params.dtype.kind != "f":
                raise RemoteError("the final state has no parameter vector")
            if self.n_params is not None and len(params) != self.n_params:
                raise RemoteError(
                    f"the final state has {len(params)} parameters, not {self.n_params}"
                )
            self.final_params, self.final_optimizer_state = params, opt
            self._end(None)
            return True
        return self._closing(header)

    def _take_epoch(self, header: dict, arrays: dict) -> None:
        """An ``epoch`` message: the answer to a fetch, or one of the epochs sent at the end
        (each one the child keeps, all of them within the size its snapshots named)."""
        if self._latest is None:
            raise RemoteError("a timeline epoch before any snapshot")
        n_params = self.n_params
        if n_params is None:  # the network's size, as its snapshots' weights have it
            n_params = sum(w.size + b.size for w, b in self._latest.weights)
        asked, epoch, params = epoch_from(header, arrays, n_params, self._latest.total_epochs)
        with self._epochs_lock:
            if asked is not None:
                if asked not in self._asked:
                    raise RemoteError(f"a timeline epoch for {asked}, which was not asked for")
                self._asked.discard(asked)
                self._answers[asked] = epoch
                if epoch is not None:
                    self._fetched[epoch] = params
                return
            kept = self.kept
            if kept is None or not kept[0] <= epoch <= kept[1] or epoch in self._rest:
                raise RemoteError(f"a timeline epoch {epoch} that the run does not keep")
            self._rest_bytes += params.nbytes
            # within what its snapshots said it keeps, and what any timeline may keep
            if self._rest_bytes > min(kept[3], max(TIMELINE_BUDGET, params.nbytes)):
                raise RemoteError("more timeline epochs than the run said it keeps")
            self._rest[epoch] = params

    def _end(self, error: str | None) -> None:
        self._merge()
        super()._end(error)

    def _merge(self) -> None:
        """The run's epochs to the app's timeline, in order (once, when the run ends)."""
        with self._epochs_lock:
            if self._merged or self.timeline is None:
                return
            self._merged = True
            kept = self.kept
            epochs = {e: p for e, p in self._fetched.items() if _keeps(kept, e)}
            epochs.update(self._rest)
            self._rest, self._fetched = {}, {}
        for epoch in sorted(epochs):
            self.timeline.add(epoch, epochs[epoch])

    # the timeline kept in the child (any thread)
    def kept_epochs(self) -> list[int]:
        """The epochs the child's timeline holds, as its latest snapshot named them."""
        with self._epochs_lock:
            kept, epochs = self._kept_epochs
            if kept != self.kept:
                epochs = [] if self.kept is None else Timeline.schedule(*self.kept[:3])
                self._kept_epochs = (self.kept, epochs)
            return epochs

    def fetch(self, epoch: int) -> None:
        """Ask the child for the parameters of ``epoch`` (the answer comes to :meth:`answer`);
        nothing while one for it is on its way or after the run has ended."""
        epoch = int(epoch)
        with self._epochs_lock:
            if epoch in self._asked or not self.is_running():
                return
            self._asked.add(epoch)
            self._answers.pop(epoch, None)
        if self.child is not None:
            self.child.send(fetch_message(self.run_id, epoch))

    def answer(self, asked: int):
        """(epoch, parameters) the child sent for a fetch of ``asked``: the kept epoch nearest
        to it (parameters None when it keeps none); None while the answer is on its way."""
        with self._epochs_lock:
            if asked not in self._answers:
                return None
            epoch = self._answers[asked]
            return epoch, self._fetched.get(epoch) if epoch is not None else None

    def params_at(self, epoch: int):
        """The parameters of ``epoch`` fetched before (None if none were)."""
        with self._epochs_lock:
            return self._fetched.get(epoch)

    # the same interface as the in-process run
    def latest(self) -> Snapshot | None:
        return self._latest

    def pause(self) -> None:
        self.paused = True
        self._control("pause")

    def resume(self) -> None:
        self.paused = False
        self._control("resume")

    def step_once(self) -> None:
        self.paused = True
        self._control("step")

    def set_learning_rate(self, lr: float) -> None:
        self._control("lr", value=float(lr))

    def set_needs(self, needs: Needs) -> None:
        """What the visible views draw changed: the child sends that from now on."""
        self._control("views", **needs.fields())

    @property
    def whole_weights(self):
        """The latest weights received for every layer at one moment (None before any)."""
        return self.snapshots.whole_weights


def _keeps(kept, epoch: int) -> bool:
    """Whether a timeline of span ``kept`` (first, latest, dense, bytes) holds ``epoch``."""
    if kept is None:
        return False
    first, latest, dense, _ = kept
    return epoch == latest or (first <= epoch < latest and Timeline(0, dense).wanted(epoch))


class RemoteComparison(_Job):
    """A comparison in the child: ``rows`` grows as each architecture ends (every row checked
    against the architecture asked for), ``progress`` is (index, epoch, total epochs) of the
    one being trained. :meth:`stop` ends the one being trained and starts no other."""

    def __init__(self, run_id: int, architectures: list[list[int]], on_finished=None):
        super().__init__(run_id, on_finished)
        self.architectures = [list(a) for a in architectures]
        self.rows: list = []
        self.progress: tuple[int, int, int] | None = None

    def deliver(self, header: dict, arrays: dict) -> bool:
        kind = header["kind"]
        if kind == "progress":
            self.progress = progress_from(header, len(self.architectures))
            return False
        if kind == "row":
            if len(self.rows) >= len(self.architectures):
                raise RemoteError("more comparison rows than architectures")
            row = row_from(header, arrays, self.architectures[len(self.rows)])
            self.rows = [*self.rows, row]  # a new list: a reader never sees it half-built
            return False
        if kind == "done":
            self._end(None)
            return True
        return self._closing(header)
