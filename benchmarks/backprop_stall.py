"""How long the window freezes while the backpropagation step-through works out its example.

The view (alone, 1280x720) is fed a snapshot of a 3072-1024-1024-100 network (4.3 M parameters,
CIFAR-shaped: 32x32x3 images, 100 classes; random weights and images, the numbers do not
matter, the sizes do), then the sample is changed ``--runs`` times. A 5 ms timer ticks all the
while; for each change two figures are taken:

* stall: the longest gap between two ticks, from the change to the example on screen (what
  the user feels: the window cannot repaint or answer a click for that long);
* ready: from the change to the example on screen.

Each run is done twice: "gui-thread" forces the computation onto the GUI thread (the view's
``instant_params`` set above the network's size: what the view did before it had a worker),
"worker" is the view as shipped (a worker thread, "Computing..." meanwhile).

    QT_QPA_PLATFORM=offscreen python benchmarks/backprop_stall.py [--runs 3] [--hidden 1024,1024]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MLPSTUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="mlpstudio-bench-")

TICK_MS = 5


def cifar_shaped(n_train: int = 64, n_test: int = 16, classes: int = 100):
    import numpy as np

    from mlpstudio.data.dataset import Dataset

    rng = np.random.default_rng(0)
    return Dataset(
        name="cifar-shaped",
        task="classification",
        x_train=rng.integers(0, 256, (n_train, 32, 32, 3), dtype=np.uint8),
        y_train=rng.integers(0, classes, n_train),
        x_test=rng.integers(0, 256, (n_test, 32, 32, 3), dtype=np.uint8),
        y_test=rng.integers(0, classes, n_test),
        input_shape=(32, 32, 3),
        class_names=tuple(f"class {i}" for i in range(classes)),
        input_shift=127.5,
        input_scale=1 / 64,
    )


def measure(view, sample: int) -> tuple[float, float]:
    """(the longest gap between 5 ms ticks, the time to the example shown), in ms."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    view.exampleShown.connect(loop.quit)
    started: list[float] = []

    def change():
        started.append(time.perf_counter())
        ticks.append(started[0])
        view.sample.setValue(sample)

    timer.start()
    QTimer.singleShot(50, change)
    loop.exec()
    ready = time.perf_counter()
    ticks.append(ready)
    timer.stop()
    view.exampleShown.disconnect(loop.quit)
    after = [t for t in ticks if t >= started[0]]
    stall = max(b - a for a, b in zip(after, after[1:]))
    return 1000 * stall, 1000 * (ready - started[0])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hidden", default="1024,1024", help="hidden widths, comma-separated")
    args = parser.parse_args(argv)
    hidden = [int(h) for h in args.hidden.split(",")]

    from PySide6.QtWidgets import QApplication

    from mlpstudio.core.backend import numpy_backend
    from mlpstudio.core.network import Network
    from mlpstudio.experiment.config import Config
    from mlpstudio.gui.style import configure_pyqtgraph
    from mlpstudio.gui.views.backprop_view import INSTANT_PARAMS, BackpropView

    app = QApplication.instance() or QApplication([])
    configure_pyqtgraph()
    data = cifar_shaped()
    sizes = [3072, *hidden, 100]
    network = Network(sizes, ["relu"] * len(hidden), head="softmax",
                      backend=numpy_backend("float32"))  # fmt: skip
    config = Config().with_overrides([f"model.hidden={hidden}", 'training.optimizer="sgd"'])
    snapshot = SimpleNamespace(status="paused", epoch=0, identity="bench",
                               weights=tuple(network.weights_to_host()))  # fmt: skip
    view = BackpropView()
    view.resize(1280, 720)
    view.show()
    view.context = lambda: (config, None, True)
    view.set_dataset(data)
    view.set_network(network)
    view.identity = "bench"
    print(f"network {'-'.join(map(str, sizes))}: {network.n_params:,} parameters "
          f"(instant up to {INSTANT_PARAMS:,})")  # fmt: skip
    view.instant_params = network.n_params  # the first example: not measured
    view.show_snapshot(snapshot)
    sample = 0
    for mode, instant in (("gui-thread", network.n_params), ("worker", INSTANT_PARAMS)):
        view.instant_params = instant
        stalls, readies = [], []
        for _ in range(args.runs):
            sample = (sample + 1) % len(data.x_train)
            stall, ready = measure(view, sample)
            stalls.append(stall)
            readies.append(ready)
            print(f"{mode:>10}: stall {stall:7.1f} ms   ready {ready:7.1f} ms")
        print(f"{mode:>10}: stall {min(stalls):.0f}-{max(stalls):.0f} ms, "
              f"ready {min(readies):.0f}-{max(readies):.0f} ms over {args.runs} runs")  # fmt: skip
    view.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
