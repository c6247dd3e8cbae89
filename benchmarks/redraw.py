"""The GUI's time to redraw after an architecture change on MNIST (issue 11).

For every run the first hidden layer's width is edited in the Architecture panel (as a user
does) and two figures are taken:

* redraw: from the edit to the Network view showing the new untrained network (its diagram
  has the new layer sizes and weights of those shapes);
* blocked: the longest time the GUI event loop could not run in that interval (the edit's own
  call and every ``processEvents`` turn, whichever is longest).

    MLPSTUDIO_DATA=STORE QT_QPA_PLATFORM=offscreen python benchmarks/redraw.py [--runs 5]

STORE holds MNIST (``mlpstudio data import mnist FOLDER --dir STORE``). Prints one line per
run, then the ranges.
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
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
