"""The training timeline on MNIST: memory against its budget, epochs kept, and its cost.

Trains the MNIST preset (784-256-128-10 on a 10,000-image subset, or --hidden) for --epochs
epochs as the app's training process does (a trainer that hands out each epoch's parameters)
and feeds a Timeline as that process does (it keeps the run's timeline, and hands it to the
window at the end); reports per run the largest size the
timeline reached, the epochs it kept (and its widest gap), the bytes the snapshots carried
at most, and seconds per epoch against the same run without a timeline.

    python benchmarks/timeline.py [--epochs 100] [--budget-mb 200] [--repeats 3]
                                  [--baselines 1] [--data DIR]

The image files come from the data store (``MLPSTUDIO_DATA`` or ``--data DIR``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def one_run(config, dataset, budget: int | None):
    from mlpstudio.core.insight import Timeline
    from mlpstudio.experiment.build import build_trainer

    trainer = build_trainer(config, dataset, snapshot_interval=0.05, timeline_budget=budget)
    timeline = Timeline(budget) if budget is not None else None
    largest = carried = 0
    started = time.perf_counter()
    for snapshot in trainer:
        if timeline is None:
            continue
        carried = max(carried, sum(p.nbytes for _, p in snapshot.epoch_params))
        for epoch, params in snapshot.epoch_params:
            timeline.add(epoch, params)
            largest = max(largest, timeline.nbytes)
    seconds = time.perf_counter() - started
    return trainer, timeline, largest, carried, seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--budget-mb", type=float, default=None, help="default: the app's")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baselines", type=int, default=1, help="runs also timed without")
    parser.add_argument("--hidden", default=None, help="e.g. [1024,1024] (default: the preset's)")
    parser.add_argument("--data", help="data store holding MNIST (else MLPSTUDIO_DATA)")
    args = parser.parse_args(argv)
    if args.data:
        os.environ["MLPSTUDIO_DATA"] = str(Path(args.data).resolve())

    from mlpstudio.core.insight import TIMELINE_BUDGET
    from mlpstudio.experiment.build import build_dataset
    from mlpstudio.experiment.presets import preset_config

    config = preset_config("mnist")
    overrides = [f"training.epochs={args.epochs}"]
    if args.hidden:
        overrides.append(f"model.hidden={args.hidden}")
    config = config.with_overrides(overrides)
    budget = int(args.budget_mb * 2**20) if args.budget_mb else TIMELINE_BUDGET
    dataset = build_dataset(config.data)
    print(
        f"MNIST ({len(dataset.x_train):,} training images), hidden {config.model.hidden}, "
        f"{args.epochs} epochs, budget {budget / 2**20:.0f} MB"
    )
    one_run(config.with_overrides(["training.epochs=1"]), dataset, budget)  # warm-up
    for i in range(args.repeats):
        trainer, timeline, largest, carried, with_s = one_run(config, dataset, budget)
        without_s = float("nan")
        if i < args.baselines:
            _, _, _, _, without_s = one_run(config, dataset, None)
        epochs = timeline.epochs
        gaps = [b - a for a, b in zip(epochs, epochs[1:])] or [0]
        copy_mb = trainer.network.n_params * trainer.network.backend.dtype.itemsize / 2**20
        print(
            f"  run {i + 1}: {trainer.network.n_params:,} parameters ({copy_mb:.2f} MB a copy); "
            f"timeline at most {largest / 2**20:.1f} MB of {budget / 2**20:.0f} "
            f"({'within' if largest <= budget else 'OVER'}), {len(epochs)} epochs kept "
            f"(0..{epochs[-1]}, widest gap {max(gaps)}), at most {carried / 2**20:.1f} MB in "
            f"one snapshot; {with_s / args.epochs:.3f} s/epoch with it, "
            f"{without_s / args.epochs:.3f} without"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
