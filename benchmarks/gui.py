"""Desktop-app figures, on the course example (or --preset NAME):

(a) training throughput with every view live in the main window against the same experiment
    trained headless (same thread arrangement: a worker thread), as a ratio;
(b) GUI event-loop delay while training, from a 10 ms timer probe: p50 and p99 lateness;
(c) process start to window shown (a fresh interpreter each time);
(d) peak memory (max RSS) of the process that ran the GUI;
(e) the training timeline the window kept (epochs, MB), recorded while the views are live.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui.py [--repeats 3] [--preset NAME]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MLPSTUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="mlpstudio-bench-")


def experiment(preset: str | None):
    from mlpstudio.experiment.config import Config
    from mlpstudio.experiment.presets import preset_config

    return preset_config(preset) if preset else Config()


def headless_rate(config) -> float:
    """Samples per second of training in a worker thread, no GUI (what the worker does)."""
    from threadpoolctl import threadpool_limits

    from mlpstudio.experiment.build import build_trainer
    from mlpstudio.experiment.remote import blas_threads

    result = {}

    def work():
        with threadpool_limits(blas_threads()):
            result["last"] = build_trainer(config, snapshot_interval=0.05).run()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    return result["last"].samples_per_second


def loop_for(ms: int) -> None:
    """Let the event loop run for ``ms`` milliseconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def make_all_views_visible(window) -> None:
    """Tabbed docks show one view at a time: float the hidden ones so that every view is live
    (views behind a tab are otherwise built only when first shown)."""
    window.build_views()
    docks = {dock.widget(): dock for dock in window.view_docks.values()}
    for view in window.views:
        if view.visibleRegion().isEmpty() and view in docks:
            docks[view].setFloating(True)
            docks[view].resize(480, 360)
            docks[view].show()
    loop_for(300)
    hidden = [type(v).__name__ for v in window.views if v.visibleRegion().isEmpty()]
    assert not hidden, f"views not visible: {hidden}"


def gui_run(app, config):
    """Train in the real main window with every view visible; returns (samples/s, delays)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from mlpstudio.gui.controller import ExperimentController
    from mlpstudio.gui.main_window import MainWindow

    controller = ExperimentController(config)
    window = MainWindow(controller)
    window.show()
    loop_for(300)
    make_all_views_visible(window)

    delays = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setInterval(10)
    last = [0]

    def tick():
        now = clock.elapsed()
        delays.append(max(0, now - last[0] - 10))
        last[0] = now

    probe.timeout.connect(tick)
    done = QEventLoop()
    controller.statusChanged.connect(
        lambda s: s in ("finished", "stopped", "diverged", "early_stopped") and done.quit()
    )
    clock.start()
    probe.start()
    controller.start()
    done.exec()
    probe.stop()
    rate = controller.snapshot.samples_per_second
    child = controller.process._proc if controller.process is not None else None
    if child is not None:
        CHILD_PEAKS.append(peak_of(child.pid))
    TIMELINES.append((len(controller.timeline), controller.timeline.nbytes / 2**20))
    window.close()
    return rate, delays[1:]


CHILD_PEAKS: list[float] = []
TIMELINES: list[tuple[int, float]] = []


def peak_of(pid: int) -> float:
    """Peak resident memory (MB) of a running process, from /proc (Linux); NaN elsewhere."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def start_to_window(repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "mlpstudio", "--exit-when-shown"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
        )
        for line in proc.stdout:
            if line.startswith("window shown"):
                times.append(time.perf_counter() - started)
                break
        proc.wait()
    return times


def percentile(values, q):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, int(round(q / 100 * (len(ordered) - 1)))))
    return ordered[k]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--preset", default=None)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from mlpstudio.gui.style import configure_pyqtgraph

    app = QApplication.instance() or QApplication([])
    configure_pyqtgraph()
    config = experiment(args.preset)
    print(
        f"experiment: {args.preset or 'course example'}, {config.training.epochs} epochs, "
        f"hidden {config.model.hidden}"
    )

    headless, live, all_delays = [], [], []
    for i in range(args.repeats):
        headless.append(headless_rate(config))
        rate, delays = gui_run(app, config)
        live.append(rate)
        all_delays += delays
        print(
            f"  run {i + 1}: headless {headless[-1]:,.0f} samples/s, "
            f"GUI {live[-1]:,.0f} samples/s, ratio {live[-1] / headless[-1]:.3f}"
        )
    ratio = statistics.median(live) / statistics.median(headless)
    print(f"(a) throughput, views live / headless (medians): {ratio:.3f}")
    print(
        f"(b) event-loop delay while training: p50 {percentile(all_delays, 50):.1f} ms, "
        f"p99 {percentile(all_delays, 99):.1f} ms, max {max(all_delays):.0f} ms "
        f"({len(all_delays)} probes)"
    )
    starts = start_to_window(max(3, args.repeats))
    print(
        f"(c) process start to window shown: median {statistics.median(starts):.3f} s "
        f"(min {min(starts):.3f}, max {max(starts):.3f}, {len(starts)} launches)"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"(d) peak memory: this process (GUI, and the headless runs) {peak:.0f} MB; "
        f"the training process {max(CHILD_PEAKS, default=float('nan')):.0f} MB"
    )
    print("(e) timeline kept: " + ", ".join(f"{n} epochs in {mb:.2f} MB" for n, mb in TIMELINES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
