"""Training in a child process, driven like the in-process trainer.

Why a process: the trainer's inner loop is many small numpy calls, and CPython runs Python code
of one process one thread at a time (the GIL). In the same process as the GUI, every redraw
stalls training and every training step delays the redraw: measured on the course example,
training ran at 0.6 of its headless speed and the window froze for over a second at a time.
In a child process both run at full speed on their own core.

Nothing here is pickled. Messages are framed bytes over a
:mod:`multiprocessing.connection` (authenticated with a random key, local socket or pipe):
a JSON header plus optional arrays as an ``.npz`` blob, read back with ``allow_pickle=False``.

* parent -> child (control connection): ``start`` (config TOML, target epochs, optionally the
  parameters, optimiser state and history to continue from), ``pause``, ``resume``, ``step``,
  ``stop``, ``lr``, ``quit``;
* child -> parent (data connection): ``snapshot`` for every snapshot the trainer yields,
  ``done`` with the final parameters and optimiser state, or ``error``.
"""

from __future__ import annotations

import io
import json
import os
import queue
import secrets
import struct
import subprocess
import sys
import threading
import time
import tomllib
from multiprocessing.connection import Client, Listener

import numpy as np

from ..core.training import History, Identity, Snapshot

MAGIC = b"MLPS"
_FRAME = struct.Struct("<4sIQ")  # magic, JSON length, blob length
KEY_ENV = "MLPSTUDIO_WORKER_KEY"
WORKER_FLAG = "--training-worker"
CONNECT_TIMEOUT_S = 60.0

_SNAPSHOT_FIELDS = (
    "status", "message", "epoch", "total_epochs", "step", "batch_in_epoch",
    "batches_per_epoch", "elapsed", "samples_per_second", "eta", "learning_rate", "best_epoch",
    "batch_loss",
)  # fmt: skip


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


def unpack(data: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    if len(data) < _FRAME.size:
        raise RemoteError("truncated message")
    magic, n_json, n_blob = _FRAME.unpack_from(data)
    if magic != MAGIC or _FRAME.size + n_json + n_blob != len(data):
        raise RemoteError("malformed message")
    start = _FRAME.size
    header = json.loads(data[start : start + n_json].decode("utf-8"))
    arrays: dict[str, np.ndarray] = {}
    if n_blob:
        with np.load(io.BytesIO(data[start + n_json :]), allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    return header, arrays


def snapshot_message(snapshot: Snapshot) -> bytes:
    header = {"kind": "snapshot", **{f: getattr(snapshot, f) for f in _SNAPSHOT_FIELDS}}
    header["identity"] = snapshot.identity.to_dict() if snapshot.identity else None
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


def snapshot_from(header: dict, arrays: dict[str, np.ndarray]) -> Snapshot:
    history = {k[len("history.") :]: v for k, v in arrays.items() if k.startswith("history.")}
    for column in history.values():
        column.flags.writeable = False
    n_layers = sum(1 for k in arrays if k.startswith("W."))
    weights = tuple((arrays[f"W.{i}"], arrays[f"b.{i}"]) for i in range(n_layers))
    return Snapshot(
        **{f: header[f] for f in _SNAPSHOT_FIELDS},
        history=history,
        weights=weights,
        test_output=arrays.get("test_output"),
        plot_output=arrays.get("plot_output"),
        identity=Identity.from_dict(header.get("identity")),
        layers={k[len("layers.") :]: v for k, v in arrays.items() if k.startswith("layers.")}
        or None,
        unit_states=tuple(arrays[f"units.{i}"] for i in range(n_layers - 1))
        if "units.0" in arrays
        else None,
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


def serve(address: str) -> int:
    """Entry point of the child: connect back, then train whenever asked, until ``quit``."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(blas_threads()):
        return _serve(address)


def _serve(address: str) -> int:
    key = bytes.fromhex(os.environ.get(KEY_ENV, ""))
    address = _parse_address(address)
    control = Client(address, authkey=key)
    data = Client(address, authkey=key)
    requests: queue.Queue = queue.Queue()
    # The run being trained, and controls that arrived for a run whose trainer is still being
    # built (a Pause pressed right after Train); both guarded by the lock.
    current: dict = {"run": None, "trainer": None, "pending": []}
    lock = threading.Lock()

    def read_control():
        try:
            while True:
                header, arrays = unpack(control.recv_bytes())
                kind = header.get("kind")
                if kind in ("start", "quit"):
                    with lock:
                        if kind == "quit" and current["trainer"] is not None:
                            current["trainer"].stop()
                        if kind == "start":
                            current["run"], current["pending"] = header.get("run"), []
                    requests.put((header, arrays))
                    if kind == "quit":
                        return
                    continue
                with lock:
                    if header.get("run") != current["run"]:
                        continue  # a late control for a run that has ended
                    if current["trainer"] is None:
                        current["pending"].append(header)
                        continue
                    _apply_control(current["trainer"], header)
        except (EOFError, OSError, RemoteError):
            with lock:
                if current["trainer"] is not None:
                    current["trainer"].stop()
            requests.put(({"kind": "quit"}, {}))

    threading.Thread(target=read_control, name="control", daemon=True).start()
    while True:
        header, arrays = requests.get()
        if header["kind"] == "quit":
            return 0
        try:
            trainer = _build_trainer(header, arrays)
        except Exception as exc:  # bad config or data: report it, stay available
            data.send_bytes(pack({"kind": "error", "message": f"{type(exc).__name__}: {exc}"}))
            continue
        with lock:
            current["trainer"] = trainer
            for pending in current["pending"]:
                _apply_control(trainer, pending)
            current["pending"] = []
        try:
            for snapshot in trainer:
                data.send_bytes(snapshot_message(snapshot))
            final = {"kind": "done"}
            state = state_arrays(trainer.network.params_to_host(), trainer.optimizer.state(), None)
            data.send_bytes(pack(final, state))
        except (BrokenPipeError, EOFError, OSError):
            return 0  # the parent went away
        except Exception as exc:
            data.send_bytes(pack({"kind": "error", "message": f"{type(exc).__name__}: {exc}"}))
        finally:
            with lock:
                current["trainer"] = None


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
    elif kind == "lr":
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


def _parse_address(address: str):
    """A Unix socket path or Windows pipe name as given; ``host:port`` as a tuple."""
    if address.startswith(("/", "\\\\")) or os.sep in address:
        return address
    host, _, port = address.rpartition(":")
    return (host, int(port)) if host and port.isdigit() else address


# -- the parent --------------------------------------------------------------------------------
def worker_command(address: str) -> list[str]:
    """How to start the child: the frozen app itself, or this interpreter with ``-m``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG, address]
    return [sys.executable, "-m", "mlpstudio", WORKER_FLAG, address]


class TrainingProcess:
    """A child process that trains on request; reused for every run of a session.

    :meth:`start` returns a :class:`RemoteRun` at once: if the child is still starting, the
    request waits in a background thread, so the caller (the GUI thread) never blocks.
    """

    def __init__(self):
        self._proc: subprocess.Popen | None = None
        self._control = None
        self._data = None
        self._ready = threading.Event()
        self._failed: str | None = None
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._runs = 0

    # lifecycle
    def launch(self) -> None:
        """Start the child in the background (idempotent)."""
        with self._lock:
            if self._proc is not None and self._proc.poll() is None:
                return
            self._ready.clear()
            self._failed = None
            key = secrets.token_bytes(32)
            listener = Listener(authkey=key)
            address = listener.address
            if isinstance(address, tuple):
                address = f"{address[0]}:{address[1]}"
            env = dict(os.environ, **{KEY_ENV: key.hex()})
            flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
            self._proc = subprocess.Popen(
                worker_command(address), env=env, stdin=subprocess.DEVNULL,
                creationflags=flags,
            )  # fmt: skip
            threading.Thread(target=self._accept, args=(listener, self._proc), daemon=True).start()

    def _accept(self, listener, proc) -> None:
        def close_if_dead():
            deadline = time.monotonic() + CONNECT_TIMEOUT_S
            while not self._ready.is_set():
                if proc.poll() is not None or time.monotonic() > deadline:
                    listener.close()  # unblocks accept()
                    return
                time.sleep(0.05)

        threading.Thread(target=close_if_dead, daemon=True).start()
        try:
            control = listener.accept()
            data = listener.accept()
        except OSError as exc:
            self._failed = f"the training process did not start ({exc})"
            self._ready.set()
            return
        finally:
            listener.close()
        self._control, self._data = control, data
        self._ready.set()

    def wait_ready(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout) and self._failed is None

    @property
    def failure(self) -> str | None:
        return self._failed

    def is_alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def send(self, header: dict, arrays: dict | None = None) -> None:
        with self._send_lock:
            if self._control is not None:
                self._control.send_bytes(pack(header, arrays))

    def start(self, config_toml: str, epochs: int, state: dict | None = None,
              step: bool = False, snapshot_interval: float = 0.05,
              on_finished=None) -> RemoteRun:  # fmt: skip
        self.launch()
        self._runs += 1
        run = RemoteRun(self, self._runs, on_finished)
        header = {
            "kind": "start", "run": self._runs, "config": config_toml, "epochs": int(epochs),
            "step": step, "snapshot_interval": snapshot_interval,
        }  # fmt: skip
        run.begin(header, state)
        return run

    def shutdown(self, timeout: float = 1.0) -> None:
        """Ask the child to quit; kill it if it does not within ``timeout`` seconds."""
        proc = self._proc
        if proc is None:
            return
        try:
            if self._ready.is_set() and self._failed is None:
                self.send({"kind": "quit"})
        except OSError:
            pass
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        for conn in (self._control, self._data):
            if conn is not None:
                conn.close()
        self._proc = self._control = self._data = None


class RemoteRun:
    """One training run in the child: the latest snapshot, controls, and the final state."""

    def __init__(self, process: TrainingProcess, run_id: int, on_finished=None):
        self.process = process
        self.run_id = run_id
        self.on_finished = on_finished
        self._latest: Snapshot | None = None
        self.final_params: np.ndarray | None = None
        self.final_optimizer_state: dict | None = None
        self.error: str | None = None
        self.start_failed = False  # the child never connected: train in-process instead
        self.paused = False
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def begin(self, header: dict, state: dict | None) -> None:
        self.paused = bool(header.get("step"))
        self._thread = threading.Thread(
            target=self._run, args=(header, state), name="training-reader", daemon=True
        )
        self._thread.start()

    def _run(self, header, state) -> None:
        try:
            if not self.process.wait_ready(CONNECT_TIMEOUT_S):
                self.start_failed = True
                raise RemoteError(self.process.failure or "the training process did not start")
            self.process.send(header, state)
            data = self.process._data
            while True:
                message, arrays = unpack(data.recv_bytes())
                kind = message.get("kind")
                if kind == "snapshot":
                    self._latest = snapshot_from(message, arrays)
                elif kind == "done":
                    params, opt, _ = _split_state(arrays)
                    self.final_params, self.final_optimizer_state = params, opt
                    return
                elif kind == "error":
                    self.error = message.get("message", "unknown error")
                    return
        except (EOFError, OSError):
            self.error = "the training process ended unexpectedly"
        except RemoteError as exc:
            self.error = str(exc)
        finally:
            self._done.set()
            if self.on_finished is not None:
                self.on_finished()

    # the same interface as the in-process run
    def latest(self) -> Snapshot | None:
        return self._latest

    def is_running(self) -> bool:
        return not self._done.is_set()

    def wait(self, milliseconds: int = 1000) -> bool:
        return self._done.wait(milliseconds / 1000)

    def _control(self, kind: str, **values) -> None:
        if self.is_running():
            try:
                self.process.send({"kind": kind, "run": self.run_id, **values})
            except OSError:
                pass

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
