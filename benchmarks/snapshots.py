"""What the training process sends the window, and what the window costs, while training with
every view visible (issue 14, item 3):

(a) bytes from the training process to the window (every frame, counted where the window's
    reader thread reads it), in two parts: the stream while training (MB/s, and per snapshot),
    and the one-off transfer when the run ends (MB: the final whole snapshot, the timeline's
    epochs the window does not have yet, the final parameters and optimiser state); and the
    total over the run's wall time; with the largest arrays by name in each part;
(b) the GUI process's CPU share: its ``time.process_time`` (all its threads: drawing and the
    reader that decodes frames) over the wall time of the training;
(c) training throughput with every view live against the same experiment trained headless in
    a thread of this process, as a ratio;
(d) GUI event-loop delay while training, from a 10 ms timer probe: p50 and p99 lateness.

    MLPSTUDIO_DATA=STORE QT_QPA_PLATFORM=offscreen python benchmarks/snapshots.py \
        [--preset mnist] [--repeats 3] [--epochs N]

STORE holds MNIST (``mlpstudio data import mnist FOLDER --dir STORE``). The default is the MNIST
preset (784-256-128-10, 10,000 training images); ``--preset`` names another.
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MLPSTUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="mlpstudio-bench-")

from benchmarks.gui import (  # noqa: E402
    headless_rate,
    loop_for,
    make_all_views_visible,
    percentile,
)


class Counted:
    """A binary stream that counts the bytes read through it."""

    def __init__(self, stream, tally):
        self.stream, self.tally = stream, tally

    def read(self, n=-1):
        data = self.stream.read(n)
        self.tally["bytes"] += len(data)
        return data


TALLY: collections.Counter = collections.Counter()
ARRAYS: collections.Counter = collections.Counter()  # the stream while training
END_ARRAYS: collections.Counter = collections.Counter()  # the transfer when the run ends
ENDED: dict = {}  # when the first frame of the run's end arrived (perf_counter)


def _ends_run(header: dict) -> bool:
    """Whether a frame belongs to the run's end: its final (whole) snapshot, the timeline's
    epochs sent then (an ``epoch`` answering no request), ``done`` or ``error``."""
    from mlpstudio.core.training import FINAL_STATES

    kind = header.get("kind")
    return (
        (kind == "snapshot" and header.get("status") in FINAL_STATES)
        or (kind == "epoch" and header.get("asked") is None)
        or kind in ("done", "error")
    )


def count_frames() -> None:
    """Count every frame the window's reader thread reads from the training process."""
    from mlpstudio.experiment import remote

    original = remote.read_frame

    def read_frame(stream):
        frame: collections.Counter = collections.Counter()  # (the tallies may be cleared
        header, arrays = original(Counted(stream, frame))  # while this read waits)
        TALLY["bytes"] += frame["bytes"]
        end = _ends_run(header) or "at" in ENDED
        if end:
            ENDED.setdefault("at", time.perf_counter())
        if header.get("kind") in ("done", "error"):
            ENDED.setdefault("done", time.perf_counter())
        part = "end" if end else "stream"
        TALLY[f"{part}.bytes"] += frame["bytes"]
        TALLY[f"{part}.frames.{header.get('kind')}"] += 1
        for name, array in arrays.items():
            (END_ARRAYS if end else ARRAYS)[name.split(".")[0]] += array.nbytes
        return header, arrays

    remote.read_frame = read_frame


def gui_run(config) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from mlpstudio.gui.controller import ExperimentController
    from mlpstudio.gui.main_window import MainWindow

    controller = ExperimentController(config)
    window = MainWindow(controller)
    window.show()
    loop_for(300)
    controller.settle()
    make_all_views_visible(window)
    loop_for(300)

    delays, clock, last = [], QElapsedTimer(), [0]
    probe = QTimer()
    probe.setInterval(10)

    def tick():
        now = clock.elapsed()
        delays.append(max(0, now - last[0] - 10))
        last[0] = now

    probe.timeout.connect(tick)
    done = QEventLoop()
    ended = ("finished", "stopped", "diverged", "early_stopped", "error")
    controller.statusChanged.connect(lambda s: s in ended and done.quit())
    shown = collections.Counter()
    controller.snapshotReady.connect(lambda _: shown.update(["snapshots"]))
    TALLY.clear()
    ARRAYS.clear()
    END_ARRAYS.clear()
    ENDED.clear()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    clock.start()
    probe.start()
    controller.start()
    done.exec()
    probe.stop()
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    snap = controller.snapshot
    result = {
        "rate": snap.samples_per_second,
        "wall": wall,
        "bytes": TALLY["bytes"],
        "stream_bytes": TALLY["stream.bytes"],
        "stream_wall": ENDED.get("at", wall0 + wall) - wall0,
        "end_bytes": TALLY["end.bytes"],
        "end_arrays": dict(END_ARRAYS),
        "end_seconds": ENDED.get("done", 0.0) - ENDED.get("at", 0.0),
        "snapshots": TALLY["stream.frames.snapshot"],
        "cpu_share": cpu / wall,
        "cpu": cpu,
        "delays": delays[1:],
        "arrays": dict(ARRAYS),
        "epochs": snap.epoch,
        "status": snap.status,
    }
    window.close()
    loop_for(100)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--preset", default="mnist")
    parser.add_argument("--epochs", type=int, default=None)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from mlpstudio.experiment.presets import preset_config
    from mlpstudio.gui.style import configure_pyqtgraph

    app = QApplication.instance() or QApplication([])  # noqa: F841
    configure_pyqtgraph()
    config = preset_config(args.preset)
    if args.epochs:
        config.training.epochs = args.epochs
    count_frames()
    print(f"experiment: preset {args.preset}, {config.training.epochs} epochs, "
          f"hidden {config.model.hidden}; cores here: {os.cpu_count()}")  # fmt: skip
    runs, headless = [], []
    for i in range(args.repeats):
        headless.append(headless_rate(config))
        r = gui_run(config)
        runs.append(r)
        top = sorted(r["arrays"].items(), key=lambda kv: -kv[1])[:4]
        end_top = sorted(r["end_arrays"].items(), key=lambda kv: -kv[1])[:4]
        print(
            f"  run {i + 1}: {r['wall']:.1f} s, {r['status']} at epoch {r['epochs']}; "
            f"while training {r['stream_bytes'] / r['stream_wall'] / 1e6:.2f} MB/s "
            f"({r['snapshots']} snapshots, "
            f"{r['stream_bytes'] / max(1, r['snapshots']) / 1e6:.3f} MB each), at the end "
            f"{r['end_bytes'] / 1e6:.2f} MB (in {1000 * r['end_seconds']:.0f} ms), "
            f"in all {r['bytes'] / r['wall'] / 1e6:.2f} MB/s; "
            f"GUI CPU {100 * r['cpu_share']:.0f}% of a core ({r['cpu']:.1f} s); "
            f"speed {r['rate'] / headless[-1]:.3f} of headless "
            f"({r['rate']:,.0f} vs {headless[-1]:,.0f} samples/s); "
            f"p99 {percentile(r['delays'], 99):.0f} ms\n"
            f"         largest arrays while training (MB): "
            + ", ".join(f"{k} {v / 1e6:.1f}" for k, v in top)
            + "; at the end: "
            + ", ".join(f"{k} {v / 1e6:.1f}" for k, v in end_top)
        )
    mbs = [r["bytes"] / r["wall"] / 1e6 for r in runs]
    stream = [r["stream_bytes"] / r["stream_wall"] / 1e6 for r in runs]
    end = [r["end_bytes"] / 1e6 for r in runs]
    end_ms = [1000 * r["end_seconds"] for r in runs]
    # epoch parameters in the stream (the timeline's, before it stayed in the training process)
    timeline = [r["arrays"].get("params", 0) / r["stream_wall"] / 1e6 for r in runs]
    cpu = [100 * r["cpu_share"] for r in runs]
    ratios = [r["rate"] / h for r, h in zip(runs, headless)]
    delays = [d for r in runs for d in r["delays"]]
    print(f"(a) worker->window while training: {min(stream):.2f}-{max(stream):.2f} MB/s "
          f"(median {statistics.median(stream):.2f}; of which epoch parameters "
          f"{min(timeline):.2f}-{max(timeline):.2f} MB/s); once at the run's end "
          f"{min(end):.2f}-{max(end):.2f} MB (in {min(end_ms):.0f}-{max(end_ms):.0f} ms); "
          f"in all {min(mbs):.2f}-{max(mbs):.2f} MB/s "
          f"(median {statistics.median(mbs):.2f}) over the run")  # fmt: skip
    seconds = [r["cpu"] for r in runs]
    print(f"(b) GUI process CPU: {min(cpu):.0f}-{max(cpu):.0f}% of a core "
          f"(median {statistics.median(cpu):.0f}%); {min(seconds):.1f}-{max(seconds):.1f} "
          f"CPU seconds per run")  # fmt: skip
    print(f"(c) training speed, views live / headless: {min(ratios):.3f}-{max(ratios):.3f} "
          f"(median {statistics.median(ratios):.3f})")  # fmt: skip
    print(f"(d) event-loop delay while training: p50 {percentile(delays, 50):.1f} ms, "
          f"p99 {percentile(delays, 99):.1f} ms, max {max(delays, default=0):.0f} ms "
          f"({len(delays)} probes)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
