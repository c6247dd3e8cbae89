"""The few-noisy-points case on several seeds: does the big net fit the noise on every one?

For each seed (the data split and noise, the initialisation and the shuffling, exactly as
``mlpstudio train --preset few-noisy-points --seed S`` and the Compare window's case), trains
the case's architectures (``COMPARISON_CASES``: the preset's 1-10-1 against 1-200-200-1) with
the preset's own settings and prints one row per seed: train and test R^2 of each net and the
test R^2 gap. The case is meant to show overfitting on every seed: the big net near a perfect
train fit, and a clearly worse test R^2 than the small one.

    python benchmarks/overfit.py [--seeds 10 | --seed S ...]

On a shared machine set ``OPENBLAS_NUM_THREADS=1``: these nets are tiny, and BLAS threads
that wait for busy cores make a run many times slower.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlpstudio.experiment.compare import COMPARISON_CASES, Comparison  # noqa: E402
from mlpstudio.experiment.presets import preset_config  # noqa: E402

CASE = "few-noisy-points"


def run_seed(seed: int):
    """(rows of the comparison, seconds) for one seed."""
    config = preset_config(CASE).with_overrides([f"training.seed={seed}", f"data.seed={seed}"])
    started = time.perf_counter()
    rows = Comparison(config, list(COMPARISON_CASES[CASE][1])).run()
    return rows, time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10, help="seeds 0 .. N-1")
    parser.add_argument("--seed", type=int, nargs="+", help="these seeds only")
    args = parser.parse_args(argv)
    seeds = args.seed if args.seed is not None else list(range(args.seeds))
    small, big = ("-".join(map(str, [1, *a, 1])) for a in COMPARISON_CASES[CASE][1])
    print(f"| seed | {small} train R2 | {small} test R2 | {big} train R2 | {big} test R2 "
          "| test R2 gap | s |")  # fmt: skip
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    gaps = []
    for seed in seeds:
        (a, b), seconds = run_seed(seed)
        gap = a.test_metric - b.test_metric
        gaps.append(gap)
        print(f"| {seed} | {a.train_metric:.3f} | {a.test_metric:.3f} | {b.train_metric:.4f} | "
              f"{b.test_metric:.3f} | {gap:+.3f} | {seconds:.0f} |", flush=True)  # fmt: skip
    print(f"\nsmallest gap {min(gaps):+.3f} over {len(gaps)} seeds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
