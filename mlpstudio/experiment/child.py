"""The training process itself: it says hello, then trains, compares or takes a network's
first snapshot whenever the app asks, until ``quit`` (see :mod:`mlpstudio.experiment.remote`).

It moves its stdout pipe to a private descriptor and points ``sys.stdout`` (and fd 1) at
stderr, so a stray ``print`` cannot corrupt a frame.
"""

from __future__ import annotations

import dataclasses
import os
import queue
import sys
import threading
import tomllib

from ..core.insight import TIMELINE_BUDGET, Timeline
from ..core.training import History
from .frames import (
    Needs,
    RemoteError,
    SnapshotEncoder,
    epoch_message,
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
                closing = _run_job(run, header, job, send)
            except (BrokenPipeError, OSError):
                raise
            except Exception as exc:
                closing = pack({"kind": "error", "run": run,
                                "message": f"{type(exc).__name__}: {exc}"})  # fmt: skip
            finally:
                # From here on no ``fetch`` is answered (the control reader answers under
                # the lock, and only for the active job): nothing for this run can follow
                # its closing message, after which the window no longer knows the run.
                with lock:
                    state["active"] = None
            for frame in getattr(job, "rest", tuple)():  # its timeline, then done or error
                send(frame)
            send(closing)
            job = closing = None  # (its timeline is the app's now: free it before the next)
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
    elif kind == "fetch":  # one epoch of the run's timeline, for the slider
        epoch = header.get("epoch")
        if isinstance(epoch, bool) or not isinstance(epoch, int):
            return
        args = (epoch,)
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
    return _build_trainer(header, arrays, config, dataset, send)


def _run_job(run: int, header: dict, job, send) -> bytes:
    """Run a trainer (every snapshot, or only the first for a preview) or a comparison (a
    row as each architecture ends); returns the closing ``done`` message."""
    if header["kind"] == "compare":
        for row in job:
            send(row_message(run, row))
        return pack({"kind": "done", "run": run})
    for frame in job.messages(run):
        send(frame)
        if header.get("preview"):
            break  # the network's first snapshot is all that was asked for
    final = state_arrays(job.network.params_to_host(), job.optimizer.state(), None)
    return pack({"kind": "done", "run": run}, final)


def _build_trainer(header: dict, arrays: dict, config, dataset, send=None):
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
    held = header.get("timeline_held")
    return TrainerJob(
        trainer, SnapshotEncoder(Needs.from_header(header)),
        run=header.get("run"), send=send,
        timeline=None if header.get("preview") else Timeline(TIMELINE_BUDGET),
        held=held if isinstance(held, int) and not isinstance(held, bool) else None,
    )  # fmt: skip


class TrainerJob:
    """A trainer and the encoder of its snapshot stream: the trainer's controls, plus
    ``set_needs`` (the window's visible views changed) and ``fetch`` (one epoch of the
    timeline).

    The run's timeline lives here, not in the window (issue 14, item 3): on MNIST every
    epoch's parameters were 3.7 of the 5.7 MB a second the window received, for a slider that
    shows one epoch at a time. Snapshots name the epochs kept (see
    :func:`~mlpstudio.experiment.frames.timeline_fields`); :meth:`fetch` answers the window's
    request for one of them; :meth:`rest` hands over, when the run ends, every epoch the
    window does not have yet. ``held``: the latest epoch the window's own timeline holds
    (where a continued run starts), never sent again."""

    def __init__(self, trainer, encoder: SnapshotEncoder, run=None, send=None,
                 timeline: Timeline | None = None, held: int | None = None):  # fmt: skip
        self.trainer, self.encoder = trainer, encoder
        self.run, self.send = run, send
        self.timeline, self.held = timeline, held
        self._answered: set[int] = set()  # epochs the window was sent (it keeps them)

    def __getattr__(self, name):
        return getattr(self.trainer, name)

    def __iter__(self):
        return iter(self.trainer)

    def messages(self, run: int):
        """The run's snapshot stream: each epoch's parameters go to the timeline here, and
        the message names the epochs it holds instead of carrying them."""
        for snapshot in self.trainer:
            if self.timeline is not None:
                for epoch, params in snapshot.epoch_params:
                    self.timeline.add(epoch, params)
                snapshot = dataclasses.replace(snapshot, epoch_params=())
            yield self.encoder.message(run, snapshot, self.timeline)

    def set_needs(self, needs: Needs) -> None:
        self.encoder.set_needs(needs)

    def fetch(self, epoch: int) -> None:
        """Send the window the parameters of the kept epoch nearest ``epoch`` (none if the
        timeline is empty). Called by the control reader, under its lock, only while this
        job is the active one."""
        kept = params = None
        if self.timeline is not None:
            try:
                kept = self.timeline.nearest(epoch)
                params = self.timeline.at(kept)
            except (LookupError, KeyError):  # empty, or thinned out meanwhile
                kept = params = None
        if kept is not None:
            self._answered.add(kept)
        self.send(epoch_message(self.run, epoch, kept, params))

    def rest(self):
        """The ``epoch`` messages of every kept epoch the window lacks (the run has ended)."""
        if self.timeline is None:
            return
        for epoch, params in self.timeline.items():
            if epoch != self.held and epoch not in self._answered:
                yield epoch_message(self.run, None, epoch, params)
