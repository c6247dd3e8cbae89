"""Training in a child process, driven like the in-process trainer.

Why a process: the trainer's inner loop is many small numpy calls, and CPython runs Python code
of one process one thread at a time (the GIL). In the same process as the GUI, every redraw
stalls training and every training step delays the redraw: measured on the course example,
training ran at 0.6 of its headless speed and the window froze for over a second at a time.
In a child process both run at full speed on their own core.

The channels are the child's own stdin and stdout pipes, which only the parent holds: no
listener, nothing another local process can connect to. Nothing is pickled. A message is a
frame: a 16-byte header (magic, JSON length, blob length), a flat JSON object and optionally
arrays as an uncompressed ``.npz`` read back with ``allow_pickle=False``. Every frame the parent
reads is checked (sizes, JSON shape, member kinds, dtypes, field types, array shapes); a bad
one ends the run with an error and the child is replaced.

* parent -> child (stdin): ``start`` (run id, config TOML, target epochs, optionally the
  parameters, optimiser state and history to continue from), then ``pause``, ``resume``,
  ``step``, ``stop`` and ``lr`` for a run id, and ``quit``. The pipe itself queues whatever
  the parent sends before the child is ready, so no control is ever dropped; the child keeps
  the controls for a run whose trainer is still being built and applies them in order.
* child -> parent (stdout): ``hello`` once, then for a run id ``snapshot`` for every snapshot
  the trainer yields, and finally ``done`` (final parameters and optimiser state) or ``error``.

The child moves its stdout pipe to a private descriptor and points ``sys.stdout`` (and fd 1)
at stderr, so a stray ``print`` cannot corrupt a frame. It is started so that the folder the
app was started from is not on its import path (see :func:`worker_command`).
"""

from __future__ import annotations

import io
import json
import os
import queue
import struct
import subprocess
import sys
import threading
import tomllib
import zipfile
from pathlib import Path

import numpy as np

from ..core.training import FINAL_STATES, History, Identity, Snapshot
from ..i18n import translate

MAGIC = b"MLPS"
_FRAME = struct.Struct("<4sIQ")  # magic, JSON length, blob length
WORKER_FLAG = "--training-worker"
HELLO_TIMEOUT_S = 60.0  # a child that has not said hello by then is killed (start failed)
MAX_JSON = 16 << 20  # a header is a flat object; the config TOML is its largest field
MAX_BLOB = 16 << 30  # arrays: far above any network the memory budget admits
MAX_TEXT = 64 << 10  # an error message or a snapshot message

_SNAPSHOT_FIELDS = (
    "status", "message", "epoch", "total_epochs", "step", "batch_in_epoch",
    "batches_per_epoch", "elapsed", "samples_per_second", "eta", "learning_rate", "best_epoch",
    "batch_loss",
)  # fmt: skip
_INT_FIELDS = ("epoch", "total_epochs", "step", "batch_in_epoch", "batches_per_epoch")
_FLOAT_FIELDS = ("elapsed", "samples_per_second", "learning_rate", "batch_loss")
_STATUSES = ("running", "paused", *FINAL_STATES)
_CONTROLS = ("pause", "resume", "step", "stop", "lr")


class RemoteError(RuntimeError):
    """The training process failed or sent something that is not a valid message."""


# -- framing -----------------------------------------------------------------------------------
def pack(header: dict, arrays: dict[str, np.ndarray] | None = None) -> bytes:
    """One message: the JSON header and, if given, the arrays as an uncompressed .npz."""
    body = json.dumps(header, allow_nan=True).encode("utf-8")
    blob = b""
    if arrays:
        buffer = io.BytesIO()
        np.savez(buffer, **{k: np.asarray(v) for k, v in arrays.items()})
        blob = buffer.getvalue()
    return _FRAME.pack(MAGIC, len(body), len(blob)) + body + blob


def _read_exactly(stream, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = stream.read(min(left, 1 << 24))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_frame(stream) -> tuple[dict, dict[str, np.ndarray]]:
    """The next message from a binary stream. EOFError at a clean end; RemoteError for
    anything that is not a valid frame (the lengths are checked before reading)."""
    head = stream.read(_FRAME.size)
    if not head:
        raise EOFError
    if len(head) < _FRAME.size:
        head += _read_exactly(stream, _FRAME.size - len(head))
    magic, n_json, n_blob = _FRAME.unpack(head)
    if magic != MAGIC:
        raise RemoteError("not a message (bad magic bytes)")
    if n_json > MAX_JSON or n_blob > MAX_BLOB:
        raise RemoteError(f"message too large ({n_json} + {n_blob} bytes)")
    body = _read_exactly(stream, n_json)
    blob = _read_exactly(stream, n_blob) if n_blob else b""
    return unpack_parts(body, blob)


def unpack(data: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    """A whole frame held in memory (see :func:`read_frame`)."""
    return read_frame(io.BytesIO(data))


def unpack_parts(body: bytes, blob: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    try:
        header = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RemoteError(f"header is not UTF-8 ({exc.reason})") from None
    except RecursionError:
        raise RemoteError("header nested too deeply") from None
    except ValueError as exc:
        raise RemoteError(f"header is not JSON ({exc})") from None
    if not isinstance(header, dict) or not isinstance(header.get("kind"), str):
        raise RemoteError("header is not an object with a kind")
    for key, value in header.items():
        if value is not None and not isinstance(value, str | int | float | bool):
            raise RemoteError(f"header field {key!r} is not a plain value")
    return header, (_read_arrays(blob) if blob else {})


def _read_arrays(blob: bytes) -> dict[str, np.ndarray]:
    """Numeric arrays from an uncompressed .npz: stored members only (no decompression
    bomb), no pickles, no object, text or structured dtypes."""
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > len(blob):
                raise RemoteError("arrays larger than their message")
            for info in infos:
                if info.compress_type != zipfile.ZIP_STORED or not info.filename.endswith(".npy"):
                    raise RemoteError(f"unexpected array member {info.filename!r}")
        with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except RemoteError:
        raise
    except Exception as exc:  # a damaged archive or array header, an object array
        raise RemoteError(f"unreadable arrays ({type(exc).__name__}: {exc})") from None
    for name, array in arrays.items():
        if array.dtype.kind not in "biuf":
            raise RemoteError(f"array {name!r} has dtype {array.dtype}, not a number")
    return arrays


def snapshot_message(run: int, snapshot: Snapshot) -> bytes:
    header = {"kind": "snapshot", "run": run,
              **{f: getattr(snapshot, f) for f in _SNAPSHOT_FIELDS},
              **_identity_fields(snapshot.identity)}  # fmt: skip
    arrays = {f"history.{k}": v for k, v in snapshot.history.items()}
    for layer, (w, b) in enumerate(snapshot.weights):
        arrays[f"W.{layer}"] = w
        arrays[f"b.{layer}"] = b
    if snapshot.test_output is not None:
        arrays["test_output"] = snapshot.test_output
    if snapshot.plot_output is not None:
        arrays["plot_output"] = snapshot.plot_output
    for k, v in (snapshot.layers or {}).items():
        arrays[f"layers.{k}"] = v
    for layer, states in enumerate(snapshot.unit_states or ()):
        arrays[f"units.{layer}"] = states
    return pack(header, arrays)


def _identity_fields(identity: Identity | None) -> dict:
    """A snapshot's identity as flat header fields (headers hold plain values only)."""
    if identity is None:
        return {"identity_data": None}
    return {
        "identity_data": identity.data,
        "identity_sizes": ",".join(str(n) for n in identity.sizes),
        "identity_activations": ",".join(identity.activations),
        "identity_head": identity.head,
    }


def _identity_from(header: dict) -> Identity | None:
    data = header.get("identity_data")
    if data is None:
        return None
    sizes, activations, head = (
        header.get("identity_sizes"),
        header.get("identity_activations"),
        header.get("identity_head"),
    )
    if not all(isinstance(v, str) for v in (data, sizes, activations, head)):
        raise RemoteError("snapshot identity is missing or not text")
    try:
        numbers = tuple(int(n) for n in sizes.split(","))
    except ValueError:
        raise RemoteError(f"snapshot identity sizes {sizes[:40]!r} are not numbers") from None
    return Identity(data, numbers, tuple(activations.split(",")) if activations else (), head)


def _number(header: dict, name: str, kind) -> float | int:
    value = header.get(name)
    if isinstance(value, bool) or not isinstance(value, kind):
        raise RemoteError(f"snapshot field {name!r} is missing or not a number")
    return value


def snapshot_from(header: dict, arrays: dict[str, np.ndarray],
                  layer_shapes: list[tuple[tuple, tuple]] | None = None,
                  output_shapes: dict[str, tuple] | None = None) -> Snapshot:  # fmt: skip
    """The snapshot a message describes, every field checked. ``layer_shapes``: the shapes of
    (W, b) per layer that the network has; ``output_shapes``: the shapes ``test_output`` and
    ``plot_output`` must have where they are sent."""
    if header.get("status") not in _STATUSES:
        raise RemoteError(f"snapshot status {header.get('status')!r} is unknown")
    message = header.get("message")
    if not isinstance(message, str) or len(message) > MAX_TEXT:
        raise RemoteError("snapshot message is missing or not text")
    values = {f: _number(header, f, int) for f in _INT_FIELDS}
    values.update({f: float(_number(header, f, int | float)) for f in _FLOAT_FIELDS})
    for name, kind in (("eta", int | float), ("best_epoch", int)):
        values[name] = None if header.get(name) is None else _number(header, name, kind)
    history = {k[len("history.") :]: v for k, v in arrays.items() if k.startswith("history.")}
    if set(history) != set(History.COLUMNS):
        raise RemoteError(f"snapshot history has the columns {sorted(history)}")
    length = len(history["epoch"])
    for name, column in history.items():
        if column.ndim != 1 or len(column) != length:
            raise RemoteError(f"history column {name!r} has shape {column.shape}")
        column.flags.writeable = False
    n_layers = sum(1 for k in arrays if k.startswith("W."))
    try:
        weights = tuple((arrays[f"W.{i}"], arrays[f"b.{i}"]) for i in range(n_layers))
    except KeyError as exc:
        raise RemoteError(f"snapshot lacks the array {exc}") from None
    if layer_shapes is not None:
        got = [(w.shape, b.shape) for w, b in weights]
        if got != [(tuple(w), tuple(b)) for w, b in layer_shapes]:
            raise RemoteError(f"snapshot weights have shapes {got}, not the network's")
    for name, shape in (output_shapes or {}).items():
        if name in arrays and arrays[name].shape != tuple(shape):
            raise RemoteError(f"snapshot {name} has shape {arrays[name].shape}, not {shape}")
    layers = {k[len("layers.") :]: v for k, v in arrays.items() if k.startswith("layers.")}
    if layers:
        rows = len(layers.get("epoch", ()))
        widths = {"epoch": None, "gradient": n_layers, "dead": n_layers - 1,
                  "saturated": n_layers - 1}  # fmt: skip
        if set(layers) != set(widths) or any(
            layers[k].shape != ((rows,) if w is None else (rows, w)) for k, w in widths.items()
        ):
            raise RemoteError("snapshot layer records do not match the network")
    unit_states = None
    if "units.0" in arrays:
        try:
            unit_states = tuple(arrays[f"units.{i}"] for i in range(n_layers - 1))
        except KeyError as exc:
            raise RemoteError(f"snapshot lacks the array {exc}") from None
        if any(s.shape != (w.shape[0],) for s, (w, _) in zip(unit_states, weights)):
            raise RemoteError("snapshot unit states do not match the network")
    return Snapshot(
        status=header["status"],
        message=message,
        **values,
        history=history,
        weights=weights,
        test_output=arrays.get("test_output"),
        plot_output=arrays.get("plot_output"),
        identity=_identity_from(header),
        layers=layers or None,
        unit_states=unit_states,
    )


def state_arrays(params: np.ndarray, optimizer_state: dict | None, history: dict | None) -> dict:
    """The arrays a ``start`` message carries to continue a run."""
    arrays = {"params": np.asarray(params)}
    for k, v in (optimizer_state or {}).items():
        arrays[f"optimizer.{k}"] = v
    for k, v in (history or {}).items():
        arrays[f"history.{k}"] = v
    return arrays


def _split_state(arrays: dict) -> tuple[np.ndarray | None, dict | None, dict | None]:
    params = arrays.get("params")
    opt = {k[len("optimizer.") :]: v for k, v in arrays.items() if k.startswith("optimizer.")}
    hist = {k[len("history.") :]: v for k, v in arrays.items() if k.startswith("history.")}
    return params, opt or None, hist or None


# -- the child ---------------------------------------------------------------------------------
def blas_threads() -> int:
    """BLAS threads for training beside the GUI (see :mod:`mlpstudio.threads`)."""
    from ..threads import blas_threads as threads

    return threads(beside_gui=True)


def private_pipes():
    """The child's channels: its stdin and stdout moved to descriptors only this module uses.
    fd 0 then reads nothing and fd 1 (with ``sys.stdout``) writes to stderr, so a stray print
    from any library cannot corrupt a frame."""
    inp_fd, out_fd = os.dup(0), os.dup(1)
    if sys.platform == "win32":  # frames are bytes: no newline translation
        import msvcrt

        for fd in (inp_fd, out_fd):
            msvcrt.setmode(fd, os.O_BINARY)
    inp, out = os.fdopen(inp_fd, "rb"), os.fdopen(out_fd, "wb")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    try:
        os.dup2(2, 1)
    except OSError:  # no stderr (a windowed app): prints go nowhere
        os.dup2(null, 1)
    os.close(null)
    sys.stdin = open(os.devnull)  # noqa: SIM115 (lives as long as the process)
    sys.stdout = sys.stderr if sys.stderr is not None else open(os.devnull, "w")  # noqa: SIM115
    return inp, out


def serve() -> int:
    """Entry point of the child: say hello, then train whenever asked, until ``quit``."""
    inp, out = private_pipes()
    from threadpoolctl import threadpool_limits

    with threadpool_limits(blas_threads()):
        return _serve(inp, out)


def _serve(inp, out) -> int:
    send_lock = threading.Lock()

    def send(frame: bytes) -> None:
        with send_lock:
            out.write(frame)
            out.flush()

    requests: queue.Queue = queue.Queue()
    # Under the lock: the run being trained (id, trainer), and for every run whose start has
    # arrived but whose trainer is not built yet, the controls sent for it so far (in order).
    lock = threading.Lock()
    state: dict = {"active": None, "queued": {}}

    def stop_all() -> None:
        if state["active"] is not None:
            state["active"][1].stop()
        for controls in state["queued"].values():
            controls.append({"kind": "stop"})

    def read_control() -> None:
        try:
            while True:
                header, arrays = read_frame(inp)
                kind, run = header["kind"], header.get("run")
                with lock:
                    if kind == "start":
                        stop_all()  # one run at a time: a new start supersedes the others
                        state["queued"][run] = []
                        requests.put((header, arrays))
                    elif kind == "quit":
                        break
                    elif state["active"] is not None and state["active"][0] == run:
                        _apply_control(state["active"][1], header)
                    elif run in state["queued"]:
                        state["queued"][run].append(header)
                    # else: a late control for a run that has ended
        except (EOFError, OSError, RemoteError):
            pass  # the parent went away or spoke nonsense: quit
        with lock:
            stop_all()
        requests.put(({"kind": "quit"}, {}))

    threading.Thread(target=read_control, name="control", daemon=True).start()
    try:
        send(pack({"kind": "hello"}))
        while True:
            header, arrays = requests.get()
            if header["kind"] == "quit":
                return 0
            run = header.get("run")
            try:
                trainer = _build_trainer(header, arrays)
            except Exception as exc:  # bad config or data: report it, stay available
                with lock:
                    state["queued"].pop(run, None)
                send(pack({"kind": "error", "run": run, "message": f"{type(exc).__name__}: {exc}"}))
                continue
            with lock:
                for control in state["queued"].pop(run, []):
                    _apply_control(trainer, control)
                state["active"] = (run, trainer)
            try:
                for snapshot in trainer:
                    send(snapshot_message(run, snapshot))
                state_ = state_arrays(trainer.network.params_to_host(), trainer.optimizer.state(),
                                      None)  # fmt: skip
                send(pack({"kind": "done", "run": run}, state_))
            except (BrokenPipeError, OSError):
                raise
            except Exception as exc:
                send(pack({"kind": "error", "run": run,
                           "message": f"{type(exc).__name__}: {exc}"}))  # fmt: skip
            finally:
                with lock:
                    state["active"] = None
    except (BrokenPipeError, OSError):
        return 0  # the parent went away


def _apply_control(trainer, header: dict) -> None:
    kind = header.get("kind")
    if kind == "pause":
        trainer.pause()
    elif kind == "resume":
        trainer.resume()
    elif kind == "step":
        trainer.step_once()
    elif kind == "stop":
        trainer.stop()
    elif kind == "lr" and isinstance(header.get("value"), int | float):
        trainer.set_learning_rate(float(header["value"]))


def _build_trainer(header: dict, arrays: dict):
    from .build import build_dataset, build_network, build_trainer
    from .config import config_from_dict

    config = config_from_dict(tomllib.loads(header["config"]))
    dataset = build_dataset(config.data)
    network = build_network(config, dataset)
    params, optimizer_state, history = _split_state(arrays)
    if params is not None:
        network.set_params(params)
    trainer = build_trainer(
        config,
        dataset,
        network,
        history=History.from_columns(history) if history else None,
        optimizer_state=optimizer_state,
        epochs=int(header["epochs"]),
        snapshot_interval=float(header.get("snapshot_interval", 0.05)),
    )
    if header.get("step"):
        trainer.step_once()
    return trainer


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
from mlpstudio.experiment.remote import serve
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
              output_shapes: dict | None = None) -> RemoteRun:  # fmt: skip
        """Queue a run. ``layer_shapes``, ``n_params`` and ``output_shapes``, when given, are
        what every snapshot's weights and outputs and the final parameter vector must match."""
        self.launch()
        with self._lock:
            self._runs += 1
            run_id, child = self._runs, self._child
        run = RemoteRun(child, run_id, on_finished, layer_shapes, n_params, output_shapes)
        run.paused = bool(step)
        if not child.add(run):  # it died between launch and now
            run.fail(child.failure, start_failed=not child.hello.is_set())
            return run
        header = {
            "kind": "start", "run": run_id, "config": config_toml, "epochs": int(epochs),
            "step": step, "snapshot_interval": snapshot_interval,
        }  # fmt: skip
        child.send(pack(header, state))
        return run

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


class RemoteRun:
    """One training run in the child: the latest snapshot, controls, and the final state."""

    def __init__(self, child: _Child, run_id: int, on_finished=None, layer_shapes=None,
                 n_params: int | None = None, output_shapes: dict | None = None):  # fmt: skip
        self.child = child
        self.run_id = run_id
        self.on_finished = on_finished
        self.layer_shapes = layer_shapes
        self.n_params = n_params
        self.output_shapes = output_shapes
        self._latest: Snapshot | None = None
        self.final_params: np.ndarray | None = None
        self.final_optimizer_state: dict | None = None
        self.error: str | None = None
        self.start_failed = False  # the child never said hello: train in-process instead
        self.paused = False
        self._done = threading.Event()
        self._end_lock = threading.Lock()

    def deliver(self, header: dict, arrays: dict) -> bool:
        """Take one message for this run (the reader thread); True when the run has ended.
        Raises RemoteError for a message that is not valid."""
        kind = header["kind"]
        if kind == "snapshot":
            self._latest = snapshot_from(header, arrays, self.layer_shapes, self.output_shapes)
            return False
        if kind == "done":
            params, opt, _ = _split_state(arrays)
            if params is None or params.ndim != 1 or params.dtype.kind != "f":
                raise RemoteError("the final state has no parameter vector")
            if self.n_params is not None and len(params) != self.n_params:
                raise RemoteError(
                    f"the final state has {len(params)} parameters, not {self.n_params}"
                )
            self.final_params, self.final_optimizer_state = params, opt
            self._end(None)
            return True
        if kind == "error":
            message = header.get("message")
            if not isinstance(message, str) or len(message) > MAX_TEXT:
                raise RemoteError("an error message that is not text")
            self._end(message)
            return True
        raise RemoteError(f"unknown message kind {kind!r}")

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

    # the same interface as the in-process run
    def latest(self) -> Snapshot | None:
        return self._latest

    def is_running(self) -> bool:
        return not self._done.is_set()

    def wait(self, milliseconds: int = 1000) -> bool:
        return self._done.wait(milliseconds / 1000)

    def _control(self, kind: str, **values) -> None:
        if self.is_running():
            self.child.send(pack({"kind": kind, "run": self.run_id, **values}))

    def pause(self) -> None:
        self.paused = True
        self._control("pause")

    def resume(self) -> None:
        self.paused = False
        self._control("resume")

    def step_once(self) -> None:
        self.paused = True
        self._control("step")

    def stop(self) -> None:
        self._control("stop")

    def set_learning_rate(self, lr: float) -> None:
        self._control("lr", value=float(lr))
