"""Image sets end to end: full MNIST and Fashion-MNIST, 784-256-128-10, Adam, batch 128,
10 epochs (the app's presets), and the CIFAR-10 subset in ../shared/datasets.

For each: test accuracy, seconds per epoch and the peak resident memory of the training process
(`mlpstudio train ... --json` in a child process, so the figure is the whole app's). Then the
time to load MNIST from the data store (the cache), decompression and checks included.

The store is a temporary folder filled with `mlpstudio data import` from ../shared/datasets, so
the benchmark exercises the same verified path as a teacher's import.

    python benchmarks/datasets.py [--epochs 10] [--only mnist fashion-mnist cifar10]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"


def run(args: list[str], env: dict) -> tuple[dict, float]:
    """Run `python -m mlpstudio ARGS --json` in a child; its JSON summary and peak RSS (MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([sys.executable, "-m", "mlpstudio", *args, "--json"],
                            capture_output=True, text=True, env=env, cwd=ROOT)  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{result.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: report it only if this one raised it
    return json.loads(result.stdout.strip().splitlines()[-1]), max(peak, before) / 1024


def cifar10_subset_root(tmp: Path) -> Path:
    """The shared CIFAR-10 subset under the official file names (one training batch)."""
    root = tmp / "cifar10-subset"
    root.mkdir()
    source = SHARED / "cifar10-subset"
    (root / "data_batch_1.bin").symlink_to(source / "data_batch_1_first4000.bin")
    (root / "test_batch.bin").symlink_to(source / "test_batch_first1000.bin")
    return root


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--only", nargs="+", default=["mnist", "fashion-mnist", "cifar10"])
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED} is missing: this benchmark needs the genuine datasets")
        return 1
    with tempfile.TemporaryDirectory(prefix="mlpstudio-bench-") as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, MLPSTUDIO_DATA=str(tmp / "store"))
        for name in ("mnist", "fashion-mnist"):
            if name in args.only:
                subprocess.run([sys.executable, "-m", "mlpstudio", "data", "import", name,
                                str(SHARED / name)], check=True, env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL)  # fmt: skip
        print(
            f"{'set':<15} {'train/test':>13} {'epochs':>6} {'test acc':>9} {'s/epoch':>8} "
            f"{'peak RSS':>9}"
        )
        for name in args.only:
            extra = []
            if name == "cifar10":
                extra = ["--set", f'data.root="{cifar10_subset_root(tmp)}"']
            summary, peak = run(["train", "--preset", name, "--epochs", str(args.epochs),
                                 *extra], env)  # fmt: skip
            sizes = "-".join(map(str, summary["layers"]))
            per_epoch = summary["seconds"] / summary["epochs"]
            print(
                f"{name:<15} {sizes:>13} {summary['epochs']:>6} "
                f"{summary['test_accuracy']:9.2%} {per_epoch:8.2f} {peak:7.0f} MB"
            )
        if "mnist" in args.only:
            code = ("import time; t = time.perf_counter(); "
                    "from mlpstudio.data.images import image_dataset; "
                    "d = image_dataset('mnist'); "
                    "print(time.perf_counter() - t, len(d.x_train), len(d.x_test))")  # fmt: skip
            times = []
            for _ in range(3):
                out = subprocess.run([sys.executable, "-c", code], capture_output=True,
                                     text=True, env=env, cwd=ROOT, check=True)  # fmt: skip
                times.append(float(out.stdout.split()[0]))
            print(
                f"MNIST from the cache (import + read + checks): best {min(times):.3f} s, "
                f"median {sorted(times)[1]:.3f} s over 3 fresh processes"
            )
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"benchmark wall time {time.perf_counter() - started:.0f} s")
    sys.exit(code)
