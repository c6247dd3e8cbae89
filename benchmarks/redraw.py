"""The GUI's time to redraw after an architecture change on MNIST (issue 11).

For every run the first hidden layer's width is edited in the Architecture panel (as a user
does) and two figures are taken:

* redraw: from the edit to the Network view showing the new untrained network (its diagram
  has the new layer sizes and weights of those shapes);
* blocked: the longest time the GUI event loop could not run in that interval (the edit's own
  call and every ``processEvents`` turn, whichever is longest).

    MLPSTUDIO_DATA=STORE QT_QPA_PLATFORM=offscreen python benchmarks/redraw.py [--runs 5]

STORE holds MNIST (``mlpstudio data import mnist FOLDER --dir STORE``). Prints one line per
run, then the ranges. Then the event loop's turns while the Compare window trains MNIST
architectures for ``--compare-seconds``; then, for ``--cancel-runs`` comparisons on MNIST in
the training process (as the Compare window runs them), the time from Stop to their end.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MLPSTUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="mlpstudio-bench-")


def shown(window, sizes: list[int]) -> bool:
    diagram = window.network_view.diagram
    weights = diagram.weights
    if list(diagram.sizes) != sizes or weights is None:
        return False
    return [w.shape for w, _ in weights] == [(a, b) for a, b in zip(sizes, sizes[1:])] or [
        w.shape for w, _ in weights
    ] == [(b, a) for a, b in zip(sizes, sizes[1:])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--cancel-runs", type=int, default=3)
    parser.add_argument("--compare-seconds", type=float, default=6.0)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication, QSpinBox

    from mlpstudio.experiment.presets import preset_config
    from mlpstudio.gui.controller import ExperimentController
    from mlpstudio.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    config = preset_config("mnist")
    started = time.perf_counter()
    controller = ExperimentController(config)
    controller.prewarm()
    window = MainWindow(controller)
    window.resize(1280, 720)
    window.show()
    window.view_docks["network"].raise_()  # (a hidden view does not draw)
    n_inputs, n_outputs = controller.dataset.n_inputs, 10
    deadline = time.perf_counter() + args.timeout
    first = [n_inputs, *config.model.hidden, n_outputs]
    while not shown(window, first) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    print(f"window with the first network: {time.perf_counter() - started:.2f} s")
    spin = window.architecture_panel.table.cellWidget(0, 0)
    if not isinstance(spin, QSpinBox):
        spin = window.architecture_panel.table.findChildren(QSpinBox)[0]
    redraws, blocks = [], []
    for run in range(args.runs):
        width = spin.value() + 1
        sizes = [n_inputs, width, *config.model.hidden[1:], n_outputs]
        t0 = time.perf_counter()
        spin.setValue(width)  # the edit: the panel's signal runs synchronously
        blocked = time.perf_counter() - t0
        while not shown(window, sizes):
            if time.perf_counter() > t0 + args.timeout:
                print(f"run {run + 1}: not shown within {args.timeout} s")
                return 1
            turn = time.perf_counter()
            app.processEvents()
            blocked = max(blocked, time.perf_counter() - turn)
            time.sleep(0.001)
        redraw = time.perf_counter() - t0
        redraws.append(redraw)
        blocks.append(blocked)
        print(f"run {run + 1}: hidden {width}: redraw {redraw * 1000:.0f} ms, "
              f"event loop blocked at most {blocked * 1000:.0f} ms")  # fmt: skip
    print(f"redraw after an architecture change: {min(redraws) * 1000:.0f}-"
          f"{max(redraws) * 1000:.0f} ms over {len(redraws)} runs")  # fmt: skip
    print(f"longest event-loop block: {min(blocks) * 1000:.0f}-{max(blocks) * 1000:.0f} ms")
    if args.compare_seconds:
        comparing(app, window, args.compare_seconds)
    window.close()
    if args.cancel_runs:
        cancel(config, args.cancel_runs)
    return 0


def comparing(app, window, seconds: float) -> None:
    """The GUI's longest event-loop turn while the Compare window trains on MNIST."""
    window.show_comparison()
    compare = window.compare_window
    compare.list_edit.setText("256,128; 512,256")
    compare.epochs.setValue(1000)
    compare.run()
    end = time.perf_counter() + 30
    while compare.table.rowCount() == 0 and not compare.progress_label.text().startswith(
        ("Training", "Entrenando")
    ) and time.perf_counter() < end:  # fmt: skip
        app.processEvents()
        time.sleep(0.005)
    turns, last = [], time.perf_counter()
    end = last + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)
        now = time.perf_counter()
        turns.append(now - last - 0.005)
        last = now
    compare.stop()
    compare.close()
    turns.sort()
    print(f"while comparing: event-loop turn p50 {turns[len(turns) // 2] * 1000:.1f} ms, "
          f"p99 {turns[int(len(turns) * 0.99)] * 1000:.1f} ms, max {turns[-1] * 1000:.0f} ms "
          f"({compare.progress_label.text()})")  # fmt: skip


def cancel(config, runs: int) -> None:
    """Stop a comparison on MNIST while its first architecture trains; time until it ends."""
    from mlpstudio.experiment.remote import TrainingProcess

    process = TrainingProcess()
    config = config.copy()
    config.training.epochs = 1000
    times = []
    try:
        for run in range(runs):
            job = process.compare(config.to_toml(), [list(config.model.hidden), [64]])
            while job.progress is None and job.is_running():
                job.wait(20)
            time.sleep(0.5)  # well inside an epoch
            t0 = time.perf_counter()
            job.stop()
            job.wait(60_000)
            times.append(time.perf_counter() - t0)
            print(f"cancel {run + 1}: comparison ended {times[-1] * 1000:.0f} ms after Stop "
                  f"({len(job.rows)} row, {job.error or 'no error'})")  # fmt: skip
    finally:
        process.shutdown(timeout=5)
    print(f"comparison Stop to end: {min(times) * 1000:.0f}-{max(times) * 1000:.0f} ms")


if __name__ == "__main__":
    sys.exit(main())
