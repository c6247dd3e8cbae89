"""The training process itself: it says hello, then trains, compares or takes a network's
first snapshot whenever the app asks, until ``quit`` (see :mod:`mlpstudio.experiment.remote`).

It moves its stdout pipe to a private descriptor and points ``sys.stdout`` (and fd 1) at
stderr, so a stray ``print`` cannot corrupt a frame.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import tomllib

from ..core.insight import TIMELINE_BUDGET
from ..core.training import History
from .frames import (
    Needs,
    RemoteError,
    SnapshotEncoder,
    pack,
    progress_message,
    read_frame,
    row_message,
    split_state,
    state_arrays,
)


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
    # Under the lock: the job being run (id, trainer or comparison), and for every job whose
    # request has arrived but which is not built yet, the controls sent for it so far (in order).
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
                    if kind in REQUESTS:
                        stop_all()  # one job at a time: a new request supersedes the others
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
                job = _build_job(header, arrays, lambda frame: send(frame))
            except Exception as exc:  # bad config or data: report it, stay available
                with lock:
                    state["queued"].pop(run, None)
                send(pack({"kind": "error", "run": run, "message": f"{type(exc).__name__}: {exc}"}))
                continue
            with lock:
                for control in state["queued"].pop(run, []):
                    _apply_control(job, control)
                state["active"] = (run, job)
            try:
                send(_run_job(run, header, job, send))
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


REQUESTS = ("start", "compare")  # what starts a job; every other kind controls one
CONTROLS = {"pause": "pause", "resume": "resume", "step": "step_once", "stop": "stop"}


def _apply_control(job, header: dict) -> None:
    """A control for a trainer or a comparison (a comparison can only be stopped)."""
    kind = header.get("kind")
    if kind == "lr" and isinstance(header.get("value"), int | float):
        kind, args = "set_learning_rate", (float(header["value"]),)
    elif kind == "views":  # what the window's visible views draw
        kind, args = "set_needs", (Needs.from_header(header),)
    else:
        kind, args = CONTROLS.get(kind, ""), ()
    method = getattr(job, kind, None) if kind else None
    if method is not None:
        method(*args)


_DATA: dict = {}  # the last dataset built, by its [data] section: every run reuses it


def _dataset(config):
    from .build import build_dataset

    key = repr(config.data)
    if key not in _DATA:
        _DATA.clear()
        _DATA[key] = build_dataset(config.data)
    return _DATA[key]


def _build_job(header: dict, arrays: dict, send):
    from .config import config_from_dict

    config = config_from_dict(tomllib.loads(header["config"]))
    dataset = _dataset(config)
    if header["kind"] == "compare":
        from .compare import Comparison, parse_architectures

        run = header.get("run")
        architectures = parse_architectures(str(header["architectures"]).split(";"))

        def progress(index, hidden, snapshot):
            send(progress_message(run, index, snapshot))

        comparison = Comparison(
            config,
            architectures,
            dataset=dataset,
            progress=progress,
            snapshot_interval=float(header.get("snapshot_interval", 0.25)),
        )
        comparison.prepare()  # fmt: skip
        return comparison
    return _build_trainer(header, arrays, config, dataset)


def _run_job(run: int, header: dict, job, send) -> bytes:
    """Run a trainer (every snapshot, or only the first for a preview) or a comparison (a
    row as each architecture ends); returns the closing ``done`` message."""
    if header["kind"] == "compare":
        for row in job:
            send(row_message(run, row))
        return pack({"kind": "done", "run": run})
    for snapshot in job:
        send(job.encoder.message(run, snapshot))
        if header.get("preview"):
            break  # the network's first snapshot is all that was asked for
    final = state_arrays(job.network.params_to_host(), job.optimizer.state(), None)
    return pack({"kind": "done", "run": run}, final)


def _build_trainer(header: dict, arrays: dict, config, dataset):
    from .build import build_network, build_trainer

    network = build_network(config, dataset)
    params, optimizer_state, history = split_state(arrays)
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
        timeline_budget=None if header.get("preview") else TIMELINE_BUDGET,
    )
    if header.get("step"):
        trainer.step_once()
    layers_of = network.layers_of if header.get("by_epoch") is True else None
    return TrainerJob(trainer, SnapshotEncoder(Needs.from_header(header), layers_of))


class TrainerJob:
    """A trainer and the encoder of its snapshot stream: the trainer's controls, plus
    ``set_needs`` (the window's visible views changed)."""

    def __init__(self, trainer, encoder: SnapshotEncoder):
        self.trainer, self.encoder = trainer, encoder

    def __getattr__(self, name):
        return getattr(self.trainer, name)

    def __iter__(self):
        return iter(self.trainer)

    def set_needs(self, needs: Needs) -> None:
        self.encoder.set_needs(needs)
