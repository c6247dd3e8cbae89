"""Export parity over the whole registry product: for every activation x optimiser x head, the
exported NumPy script's summary against `mlpstudio train --json` (same values expected), and the
PyTorch script's (close values expected).

For each combination: the course data (mse) or the XOR set (sigmoid, softmax), two hidden
layers, 10 epochs, weight decay on. Prints one table row per combination: the engine's test
loss, the largest relative difference of the numpy script over every number of the summary
(timings aside), and the PyTorch script's relative difference in the test loss and in the test
MSE or accuracy.

    python benchmarks/export_parity.py [--epochs 10] [--no-torch]
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlpstudio.cli.train import run_training  # noqa: E402
from mlpstudio.core.activations import ACTIVATIONS  # noqa: E402
from mlpstudio.core.losses import HEADS  # noqa: E402
from mlpstudio.core.optimizers import OPTIMIZERS  # noqa: E402
from mlpstudio.experiment.config import Config  # noqa: E402
from mlpstudio.experiment.exports import numpy_script, pytorch_script  # noqa: E402

TIMING = {"seconds", "samples_per_second"}


def config_for(activation: str, optimizer: str, head: str, epochs: int) -> Config:
    data = (
        ["data.step=0", "data.points=200"]
        if head == "mse"
        else ["data.kind=toy", "data.toy=xor", "data.points=200", f"model.head={head}"]
    )
    return Config().with_overrides(
        [
            *data,
            "model.hidden=[8,6]",
            f"model.activation={activation}",
            f"training.optimizer={optimizer}",
            "training.learning_rate=0.02",
            "training.weight_decay=0.001",
            f"training.epochs={epochs}",
        ]
    )


def run_script(source: str, folder: Path) -> dict:
    path = folder / "script.py"
    path.write_text(source, encoding="utf-8")
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def rel(a, b) -> float:
    if a is None or b is None:
        return 0.0 if a is b else float("inf")
    return abs(a - b) / max(abs(b), 1e-12)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--no-torch", action="store_true")
    args = parser.parse_args(argv)
    torch = not args.no_torch and importlib.util.find_spec("torch") is not None
    print("| activation | optimizer | head | engine test loss | numpy max rel diff "
          "| torch rel diff (test loss) | torch rel diff (MSE / accuracy) |")  # fmt: skip
    print("| --- | --- | --- | ---: | ---: | ---: | ---: |")
    worst_numpy = worst_torch = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for activation, optimizer, head in itertools.product(ACTIVATIONS, OPTIMIZERS, HEADS):
            config = config_for(activation, optimizer, head, args.epochs)
            engine, _ = run_training(config, None, show_progress=False)
            ours = run_script(numpy_script(config), folder)
            numpy_diff = max(
                rel(ours[k], v)
                for k, v in engine.items()
                if isinstance(v, float) and k not in TIMING
            )
            if set(ours) != set(engine) or any(
                ours[k] != v for k, v in engine.items() if not isinstance(v, float | type(None))
                and k not in TIMING
            ):  # fmt: skip
                numpy_diff = float("inf")
            worst_numpy = max(worst_numpy, numpy_diff)
            metric = "test_mse" if "test_mse" in engine else "test_accuracy"
            torch_loss = torch_metric = "not run"
            if torch:
                theirs = run_script(pytorch_script(config), folder)
                d_loss, d_metric = (
                    rel(theirs["test_loss"], engine["test_loss"]),
                    rel(theirs[metric], engine[metric]),
                )
                worst_torch = max(worst_torch, d_loss, d_metric)
                torch_loss, torch_metric = f"{d_loss:.1e}", f"{d_metric:.1e}"
            print(
                f"| {activation} | {optimizer} | {head} | {engine['test_loss']:.6g} | "
                f"{numpy_diff:.1e} | {torch_loss} | {torch_metric} |",
                flush=True,
            )
    print(f"\nlargest relative difference: numpy {worst_numpy:.1e}" + (
        f", PyTorch {worst_torch:.1e}" if torch else ""))  # fmt: skip
    return 0 if worst_numpy <= 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main())
