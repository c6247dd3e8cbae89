"""The training child: how it is started, its channels, controls sent early, bad messages from
it, and run identity in the controller. Every run here uses the course example; one child
process serves each controller, so the suite stays fast."""

import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from mlpstudio.core.training import History
from mlpstudio.experiment import remote
from mlpstudio.experiment.build import build_dataset, build_network
from mlpstudio.experiment.config import Config
from mlpstudio.experiment.frames import epoch_message
from mlpstudio.gui.controller import ExperimentController

BUDGET = 1_000_000  # epochs no run here can reach


def config(epochs=BUDGET) -> Config:
    c = Config()
    c.training.epochs = epochs
    return c


@pytest.fixture
def controllers(qtbot):
    made = []

    def make(mode="process", epochs=BUDGET):
        c = ExperimentController(config(epochs), mode=mode)
        made.append(c)
        return c

    yield make
    for c in made:
        c.shutdown(2000)


def settle(qtbot, c, timeout=20_000):
    """Wait until the run has ended and its (queued) finished signal was handled."""
    qtbot.waitUntil(lambda: not c.is_training and c.status not in ("running", "paused"),
                    timeout=timeout)  # fmt: skip


def live_workers() -> set[int]:
    """Pids of this process's live children that run the training worker (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, ppid = fields[0], int(fields[1])
        if ppid == os.getpid() and state != "Z" and b"import serve" in cmdline:
            found.add(int(entry.name))
    return found


# -- how the child starts ----------------------------------------------------------------------
@pytest.mark.parametrize("pythonpath", [None, ".", os.pathsep + "."])
def test_planted_modules_in_the_working_folder_do_not_run(tmp_path, monkeypatch, pythonpath):
    marker = tmp_path / "planted-ran"
    for name in ("numpy", "threadpoolctl", "mlpstudio"):
        (tmp_path / f"{name}.py").write_text(
            f"open({str(marker)!r}, 'a').write({name!r})\nraise SystemExit(7)\n"
        )
    monkeypatch.chdir(tmp_path)
    if pythonpath is None:
        monkeypatch.delenv("PYTHONPATH", raising=False)
    else:
        monkeypatch.setenv("PYTHONPATH", pythonpath)
    process = remote.TrainingProcess()
    try:
        run = process.start(config(3).to_toml(), 3)
        assert run.wait(60_000)
        assert run.error is None, run.error
        assert run.final_params is not None and run.latest().status == "finished"
        fds = Path(f"/proc/{process._proc.pid}/fd")
        links = [os.readlink(fd) for fd in fds.iterdir()]
        assert not [link for link in links if link.startswith("socket:")]  # pipes only
    finally:
        process.shutdown()
    assert not marker.exists(), marker.read_text()


def test_stray_prints_in_the_child_do_not_reach_the_channel():
    script = (
        "import os, sys\n"
        "from mlpstudio.experiment.remote import private_pipes\n"
        "inp, out = private_pipes()\n"
        "print('stray print'); sys.stdout.flush(); os.write(1, b'stray write')\n"
        "out.write(b'FRAME'); out.flush()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"FRAME"
    assert b"stray print" in result.stderr and b"stray write" in result.stderr


def test_frames_round_trip_and_refuse_oversize_lengths():
    header, arrays = remote.unpack(remote.pack({"kind": "x", "a": 1.5}, {"v": np.arange(4.0)}))
    assert header == {"kind": "x", "a": 1.5} and np.array_equal(arrays["v"], np.arange(4.0))
    huge = remote._FRAME.pack(remote.MAGIC, remote.MAX_JSON + 1, 0)
    with pytest.raises(remote.RemoteError, match="too large"):
        remote.unpack(huge)  # refused from the lengths, before reading a body


# -- controls sent before the child is ready ---------------------------------------------------
@pytest.mark.parametrize("delay_ms", [0, 5, 10, 50, 100])
def test_stop_right_after_train_is_honoured(qtbot, controllers, delay_ms):
    c = controllers()
    c.start()
    time.sleep(delay_ms / 1000)
    c.stop()
    settle(qtbot, c)
    assert c.status == "stopped", (c.status, c.run_error)
    assert c.snapshot.status == "stopped" and c.snapshot.epoch < BUDGET


@pytest.mark.parametrize("delay_ms", [0, 5, 10, 50, 100])
def test_pause_right_after_train_is_honoured(qtbot, controllers, delay_ms):
    c = controllers()
    c.start()
    time.sleep(delay_ms / 1000)
    c.pause()
    # The child's own snapshot says paused: the trainer received the control.
    qtbot.waitUntil(lambda: c.snapshot is not None and c.snapshot.status == "paused",
                    timeout=20_000)  # fmt: skip
    assert c.is_training and c.is_paused and c.status == "paused"
    step = c.snapshot.step
    qtbot.wait(300)
    assert c.snapshot.status == "paused" and c.snapshot.step == step  # no training while paused
    c.stop()
    settle(qtbot, c)
    assert c.status == "stopped" and c.snapshot.epoch < BUDGET


def test_rapid_start_stop_cycles_leave_one_child_and_a_consistent_state(qtbot, controllers):
    c = controllers()
    for cycle in range(100):
        c.start()
        if cycle % 3 == 0:
            qtbot.wait(1)  # sometimes let queued signals through between the clicks
        c.stop()
        if cycle % 10 == 0:
            c.reset()  # discards the run (and its queued finished signal)
    settle(qtbot, c)
    assert live_workers() == {c.process._proc.pid}
    assert not c.is_training and c.status in ("stopped", "ready")
    assert c.snapshot.status in ("stopped", "running")  # running: reset's untrained snapshot
    # still usable: one more run trains, then stops
    c.start()
    qtbot.waitUntil(lambda: c.snapshot.epoch > 0, timeout=20_000)
    c.stop()
    settle(qtbot, c)
    assert c.status == "stopped" and live_workers() == {c.process._proc.pid}


# -- run identity ------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["process", "thread"])
def test_a_replaced_runs_finished_signal_is_ignored(qtbot, controllers, mode):
    c = controllers(mode)
    c.start()
    qtbot.waitUntil(lambda: c.snapshot.epoch > 0, timeout=20_000)
    # One event-loop turn: the old run's finished signal is still queued when the new starts.
    c.pause()
    c.stop(wait=True)
    c.reset()
    c.start()
    new_run = c.run
    qtbot.wait(300)  # the stale signal is delivered now
    assert c.run is new_run and c.is_training and c.status == "running"
    assert c._timer.isActive()
    epoch = c.snapshot.epoch
    qtbot.waitUntil(lambda: c.snapshot.epoch > epoch + 1, timeout=20_000)  # views follow it
    c.stop()
    settle(qtbot, c)
    assert c.status == "stopped"


def test_learning_rate_change_reaches_the_child(qtbot, controllers):
    c = controllers()
    c.start()
    qtbot.waitUntil(lambda: c.snapshot.epoch > 0, timeout=20_000)
    edited = c.config.copy()
    edited.training.learning_rate = c.config.training.learning_rate / 4
    c.set_config(edited)
    qtbot.waitUntil(lambda: c.snapshot.learning_rate == edited.training.learning_rate,
                    timeout=20_000)  # fmt: skip
    c.stop()
    settle(qtbot, c)


# -- bad messages from the child ---------------------------------------------------------------
def _frame(header: bytes, blob: bytes = b"") -> bytes:
    return remote._FRAME.pack(remote.MAGIC, len(header), len(blob)) + header + blob


def _npz(compress=False, **arrays) -> bytes:
    buffer = io.BytesIO()
    (np.savez_compressed if compress else np.savez)(buffer, **arrays)
    return buffer.getvalue()


RUN = 1  # the fake child's run: the first request it gets is Train's (see FAKE_CHILD)


def _snapshot_header(**changes) -> dict:
    header = {"kind": "snapshot", "run": RUN, "status": "running", "message": "", "epoch": 1,
              "total_epochs": 10, "step": 1, "batch_in_epoch": 0, "batches_per_epoch": 1,
              "elapsed": 0.1, "samples_per_second": 1.0, "eta": 1.0, "learning_rate": 0.1,
              "best_epoch": None}  # fmt: skip
    header.update(changes)
    return header


def _good_history(drop=()) -> dict:
    return {f"history.{c}": np.ones(2) for c in History.COLUMNS if c not in drop}


def _bad_frames() -> dict[str, bytes]:
    snapshot = json.dumps(_snapshot_header()).encode()
    missing = _snapshot_header()
    del missing["epoch"]
    done = json.dumps({"kind": "done", "run": RUN}).encode()
    bomb, deflated = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_BZIP2) as z:
        z.writestr("params.npy", b"\0" * 100_000)
    with zipfile.ZipFile(deflated, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("params.npy", np.random.default_rng(0).bytes(1000))  # no smaller deflated
    c = config()
    weights = {}  # the course network's true weights: only the named fault is wrong
    for layer, (w, b) in enumerate(build_network(c, build_dataset(c.data)).weights_to_host()):
        weights[f"W.{layer}"], weights[f"b.{layer}"] = w, b
    n = sum(a.size for a in weights.values())
    kept = _frame(  # a valid snapshot whose run keeps epochs 0 and 1 in the child
        json.dumps(_snapshot_header(timeline_first=0, timeline_latest=1, timeline_dense=64,
                                    timeline_nbytes=16 * n, batch_loss=0.0)).encode(),
        _npz(**_good_history(), **weights),
    )  # fmt: skip
    return {
        "object npz": _frame(snapshot, _npz(**_good_history(), W=np.array([{}, 1], dtype=object))),
        "text array": _frame(snapshot, _npz(**_good_history(), x=np.array(["a"]))),
        "missing field": _frame(json.dumps(missing).encode(), _npz(**_good_history())),
        "wrong field type": _frame(
            json.dumps(_snapshot_header(epoch="1")).encode(), _npz(**_good_history())
        ),  # fmt: skip
        "missing history column": _frame(snapshot, _npz(**_good_history(drop=("val_loss",)))),
        "ragged history": _frame(
            snapshot, _npz(**{**_good_history(), "history.epoch": np.ones(3)})
        ),
        "wrong test output shape": _frame(
            snapshot, _npz(**_good_history(), **weights, test_output=np.ones((3, 7)))
        ),
        "unknown status": _frame(
            json.dumps(_snapshot_header(status="won")).encode(), _npz(**_good_history())
        ),  # fmt: skip
        "bad utf-8": _frame(b'{"kind": "error", "run": 1, "message": "\xff\xfe"}'),
        "deep json": _frame(b"[" * 100_000 + b"]" * 100_000),
        "nested field": _frame(b'{"kind": "error", "run": 1, "message": {"a": [1]}}'),
        "not json": _frame(b"{kind: done"),
        "wrong weight shapes": _frame(
            snapshot, _npz(**_good_history(), **{"W.0": np.ones((1, 1)), "b.0": np.ones(1)})
        ),
        "short final vector": _frame(done, _npz(params=np.zeros(3))),
        "no final vector": _frame(done, _npz(**{"optimizer.m": np.zeros(3)})),
        "bzip2 bomb member": _frame(done, bomb.getvalue()),
        "deflated member": _frame(done, deflated.getvalue()),
        # the timeline kept in the child (issue 14): its fields and epochs are checked too
        "timeline span out of range": _frame(
            json.dumps(
                _snapshot_header(
                    timeline_first=5,
                    timeline_latest=2,
                    timeline_dense=64,
                    timeline_nbytes=8,
                    batch_loss=0.0,
                )
            ).encode(),
            _npz(**_good_history(), **weights),
        ),  # fmt: skip
        "timeline epoch before any snapshot": epoch_message(RUN, None, 0, np.zeros(n)),
        "timeline epoch of the wrong size": kept + epoch_message(RUN, None, 1, np.zeros(3)),
        "timeline answer not asked for": kept + epoch_message(RUN, 1, 1, np.zeros(n)),
        "timeline epoch not kept": kept + epoch_message(RUN, None, 7, np.zeros(n)),
        "unknown kind": _frame(json.dumps({"kind": "exec", "run": RUN}).encode()),
        "unknown run": _frame(json.dumps({"kind": "error", "run": 99, "message": "x"}).encode()),
        "bad magic": b"XXXX" + _frame(done)[4:],
        "oversize": remote._FRAME.pack(remote.MAGIC, 10, 1 << 62),
        "truncated": _frame(done)[:-3],
    }


BAD_FRAMES = _bad_frames()

FAKE_CHILD = """\
import sys, time
from mlpstudio.experiment.remote import pack, private_pipes, read_frame
inp, out = private_pipes()
out.write(pack({"kind": "hello"})); out.flush()
read_frame(inp)  # the start request (the window computed the first snapshot itself)
out.write(open(sys.argv[1], "rb").read()); out.flush()
if sys.argv[2] == "hold":
    time.sleep(60)  # the parent must not wait for us to exit
"""


@pytest.mark.parametrize("kind", sorted(BAD_FRAMES))
def test_a_bad_message_ends_the_run_with_a_visible_error(qtbot, controllers, tmp_path,
                                                         monkeypatch, kind):  # fmt: skip
    path = tmp_path / "frame.bin"
    path.write_bytes(BAD_FRAMES[kind])
    hold = "exit" if kind == "truncated" else "hold"
    command = [sys.executable, "-c", FAKE_CHILD, str(path), hold]
    monkeypatch.setattr(remote, "worker_command", lambda: command)
    c = controllers()
    c.start()
    settle(qtbot, c)
    assert c.status == "error"
    assert c.run_error and "training process" in c.run_error
    assert kind == "unknown run" or "for no run" not in c.run_error  # the fault named, not the id
    assert c.run.start_failed is False and c.process is not None  # no silent fallback
    qtbot.waitUntil(lambda: c.process._proc.poll() is not None, timeout=5_000)  # replaced


def test_a_bad_message_is_shown_in_the_window(qtbot, controllers, tmp_path, monkeypatch):
    from mlpstudio.gui.main_window import MainWindow

    monkeypatch.setenv("MLPSTUDIO_CONFIG_DIR", str(tmp_path / "settings"))
    path = tmp_path / "frame.bin"
    path.write_bytes(BAD_FRAMES["short final vector"])
    command = [sys.executable, "-c", FAKE_CHILD, str(path), "hold"]
    monkeypatch.setattr(remote, "worker_command", lambda: command)
    window = MainWindow(controllers())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.controller.start()
    settle(qtbot, window.controller)
    assert "3 parameters" in window.status_label.text()
    assert window.message_bar.isVisible()
    assert window.act_start.isEnabled() and not window.act_stop.isEnabled()


@pytest.mark.parametrize("script", ["raise SystemExit(3)", "import time; time.sleep(60)"])
def test_a_child_that_never_starts_falls_back_to_a_thread(qtbot, controllers, monkeypatch,
                                                          script):  # fmt: skip
    monkeypatch.setattr(remote, "worker_command", lambda: [sys.executable, "-c", script])
    monkeypatch.setattr(remote, "HELLO_TIMEOUT_S", 0.5)  # the silent one is killed by then
    c = controllers(epochs=5)
    errors = []
    c.errorOccurred.connect(errors.append)
    assert c.snapshot.epoch == 0  # the window computed the first snapshot: no child asked
    c.start()  # the child never starts: this same press trains in a thread, and finishes
    settle(qtbot, c)
    assert len(errors) == 1 and "Training will run inside the app" in errors[0]
    assert c.process is None and c.status == "finished" and c.snapshot.epoch == 5


def test_a_late_control_for_an_ended_run_does_not_touch_the_next(qtbot):
    process = remote.TrainingProcess()
    try:
        first = process.start(config(2).to_toml(), 2)
        assert first.wait(60_000) and first.error is None
        second = process.start(config().to_toml(), BUDGET)
        first.child.send(remote.pack({"kind": "stop", "run": first.run_id}))  # stale
        first.child.send(remote.pack({"kind": "pause", "run": first.run_id}))
        qtbot.waitUntil(lambda: second.latest() is not None and second.latest().epoch > 2,
                        timeout=20_000)  # fmt: skip
        step = second.latest().step
        qtbot.waitUntil(lambda: second.latest().step > step, timeout=20_000)  # still training
        assert second.is_running() and second.latest().status == "running"
        second.stop()
        assert second.wait(20_000) and second.latest().status == "stopped"
    finally:
        process.shutdown()
