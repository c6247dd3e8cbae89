"""Every preset, trained with its own settings on several seeds, against its bar.

For each seed the data split (and the subset of images), the initialisation and the shuffling
change, exactly as ``mlpstudio train --preset NAME --seed S`` does. Prints one row per preset:
the median and the smallest test score over the seeds (accuracy for classes, R^2 for
functions), the preset's bar (``PRESET_BARS``), whether every seed reached it, and the median
seconds per run. Image presets run only where their files are found: in the data store that
``MLPSTUDIO_DATA`` or ``--data DIR`` names (``mlpstudio data import NAME FOLDER --dir DIR``).

    python benchmarks/presets.py [--seeds 10] [--data DIR] [--only NAME ...] [--markdown]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from mlpstudio.core import metrics  # noqa: E402
from mlpstudio.experiment.build import build_trainer  # noqa: E402
from mlpstudio.experiment.config import IMAGE_KINDS  # noqa: E402
from mlpstudio.experiment.presets import PRESET_BARS, PRESETS, preset_config  # noqa: E402


@dataclass
class Row:
    name: str
    metric: str  # "accuracy" or "R2"
    scores: list[float]
    seconds: list[float]
    bar: float

    @property
    def passed(self) -> bool:
        return bool(self.scores) and min(self.scores) >= self.bar


def score_preset(name: str, seed: int) -> tuple[str, float, float]:
    """Train preset ``name`` with seed ``seed``: (metric name, test score, seconds)."""
    config = preset_config(name).with_overrides([f"training.seed={seed}", f"data.seed={seed}"])
    started = time.perf_counter()
    trainer = build_trainer(config)
    final = trainer.run()
    seconds = time.perf_counter() - started
    output = np.asarray(final.test_output, dtype=np.float64)
    target = np.asarray(trainer.dataset.y_test)
    if trainer.network.head.is_classification:
        return "accuracy", metrics.accuracy(np, output, target), seconds
    return "R2", metrics.r2_score(np, output, target.astype(np.float64)), seconds


def image_data_present(kind: str) -> bool:
    from mlpstudio.data import store

    return store.status(kind).state != "missing"


def run(names, seeds: int, progress=None) -> list[Row]:
    rows = []
    for name in names:
        scores, seconds, metric = [], [], ""
        for seed in range(seeds):
            metric, value, took = score_preset(name, seed)
            scores.append(value)
            seconds.append(took)
            if progress:
                progress(f"{name} seed {seed}: {metric} {value:.4f} in {took:.1f} s")
        rows.append(Row(name, metric, scores, seconds, PRESET_BARS[name]))
    return rows


def table(rows: list[Row], seeds: int) -> str:
    lines = [
        f"| preset | score | median ({seeds} seeds) | min | bar | pass | s per run |",
        "| --- | --- | ---: | ---: | ---: | --- | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.name} | {r.metric} | {statistics.median(r.scores):.3f} | "
            f"{min(r.scores):.3f} | {r.bar:.2f} | {'yes' if r.passed else 'NO'} | "
            f"{statistics.median(r.seconds):.1f} |"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--data", help="data store holding the image sets (else MLPSTUDIO_DATA)")
    parser.add_argument("--only", nargs="+", choices=sorted(PRESETS), help="these presets only")
    parser.add_argument("--quiet", action="store_true", help="no line per run")
    args = parser.parse_args(argv)
    if args.data:
        os.environ["MLPSTUDIO_DATA"] = str(Path(args.data).resolve())
    names, skipped = [], []
    for name in args.only or list(PRESETS):
        kind = preset_config(name).data.kind
        if kind in IMAGE_KINDS and not image_data_present(kind):
            skipped.append(name)
        else:
            names.append(name)
    progress = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    rows = run(names, args.seeds, progress)
    print(table(rows, args.seeds))
    if skipped:
        print(f"\nnot run (data not found): {', '.join(skipped)}")
    return 0 if all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
