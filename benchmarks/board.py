"""The class board's cost on a big class: N signed results (each with a 400-point history)
in a temporary folder, then the first read (every file parsed and verified) and a live refresh
(nothing changed: only the folder listed), and the size of one result file.

    python benchmarks/board.py [--results 1000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mlpstudio.experiment.board import BoardReader, make_result, submit  # noqa: E402
from mlpstudio.experiment.config import Config  # noqa: E402
from mlpstudio.experiment.labs import load_lab, shipped_labs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", type=int, default=1000)
    n = parser.parse_args().results
    lab = load_lab(next(p for p in shipped_labs() if p.name == "course_sine.toml"))
    epochs = 1000
    history = {
        "epoch": list(range(1, epochs + 1)),
        "train_loss": [1 / k for k in range(1, epochs + 1)],
        "test_loss": [1.1 / k for k in range(1, epochs + 1)],
    }
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        for i in range(n):
            figures = {"params": 10 + i, "epochs": epochs, "train_loss": 0.01, "test_loss": 0.02}
            path = submit(lab, folder, make_result(lab, f"S{i}", Config(), figures, history))
        written = time.perf_counter() - started
        reader = BoardReader(lab, folder)
        started = time.perf_counter()
        board = reader.read()
        cold = time.perf_counter() - started
        started = time.perf_counter()
        reader.read()
        warm = time.perf_counter() - started
        print(f"{n} results, one file {path.stat().st_size:,} bytes")
        print(f"submit: {written / n * 1000:.2f} ms each")
        print(f"first read: {cold:.3f} s ({len(board.entries)} accepted, {len(board.notes)} notes)")
        print(f"live refresh, nothing new: {warm * 1000:.1f} ms")


if __name__ == "__main__":
    main()
