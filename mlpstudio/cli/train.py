"""``mlpstudio train``: train an experiment headless, print a summary, write a results folder."""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

from .. import __version__
from .common import EXIT_FAILED, EXIT_OK, ProgressBar, add_experiment_options, load_experiment


def add_train_command(subparsers) -> argparse.ArgumentParser:
    """Add ``mlpstudio train`` to the command line's subparsers."""
    train = subparsers.add_parser(
        "train",
        help="train an experiment headless",
        description="Train an experiment without the GUI. The configuration is the course "
        "example unless a file or preset says otherwise; --set changes single keys.",
    )
    train.add_argument("config", nargs="?", help="experiment file (TOML)")
    add_experiment_options(train)
    train.add_argument("--out", metavar="DIR", help="write history.csv, model.npz, model.json")
    train.set_defaults(handler=cmd_train)
    return train


def run_training(config, out: str | None, show_progress: bool = True) -> tuple[dict, object]:
    """Train ``config`` to the end; return the summary dict and the final snapshot."""
    from ..core import metrics
    from ..experiment.build import build_dataset, build_network, build_trainer

    dataset = build_dataset(config.data)
    for warning in dataset.warnings:
        print(f"mlpstudio: warning: {warning}", file=sys.stderr)
    network = build_network(config, dataset)
    trainer = build_trainer(config, dataset, network, snapshot_interval=0.1)
    metric_name = "acc" if network.head.is_classification else "R2"
    progress = ProgressBar(config.training.epochs, show_progress)
    started = time.perf_counter()
    snapshot = None
    try:
        for snapshot in trainer:
            progress.update(snapshot, metric_name)
    except KeyboardInterrupt:
        trainer.stop()
        raise
    finally:
        progress.close()
    seconds = time.perf_counter() - started

    import numpy as np

    summary = {
        "status": snapshot.status,
        "message": snapshot.message,
        "params": network.n_params,
        "layers": network.sizes,
        "epochs": snapshot.epoch,
        "seconds": round(seconds, 4),
        "samples_per_second": round(snapshot.samples_per_second, 1),
        "backend": network.backend.name,
        "train_loss": _finite(snapshot.last("train_loss")),
        "test_loss": _finite(snapshot.last("test_loss")),
    }
    output = snapshot.test_output
    if network.head.is_classification:
        summary["train_accuracy"] = _finite(snapshot.last("train_metric"))
        summary["test_accuracy"] = metrics.accuracy(np, output, np.asarray(dataset.y_test))
    else:
        y = np.asarray(dataset.y_test, dtype=np.float64)
        summary["test_mse"] = metrics.mse(np, output.astype(np.float64), y)
        summary["test_r2"] = metrics.r2_score(np, output.astype(np.float64), y)
        summary["train_r2"] = _finite(snapshot.last("train_metric"))
    if out:
        summary["out"] = str(write_outputs(Path(out), config, network, snapshot, summary))
    return summary, snapshot


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def write_outputs(out: Path, config, network, snapshot, summary: dict) -> Path:
    """The results folder, written whole or not at all (the earlier results stay otherwise)."""
    from ..experiment.files import (
        TRAIN_OUT_FILES,
        atomic_write_text,
        history_csv,
        model_description,
        save_model,
        write_json,
        write_output_folder,
    )

    def write(folder: Path) -> None:
        atomic_write_text(folder / "history.csv", history_csv(snapshot.history))
        save_model(folder / "model.npz", network)
        atomic_write_text(folder / "config.toml", config.to_toml())
        write_json(
            folder / "model.json",
            {
                "mlpstudio": __version__,
                "model": model_description(network),
                "config": config.to_dict(),
                "results": {k: v for k, v in summary.items() if k != "out"},
            },
        )

    return write_output_folder(out, TRAIN_OUT_FILES, write)


def cmd_train(args) -> int:
    config = load_experiment(args)
    if args.out:  # refused before training, not after
        from ..experiment.files import TRAIN_OUT_FILES, check_output_folder

        check_output_folder(args.out, TRAIN_OUT_FILES)
    summary, snapshot = run_training(config, args.out, show_progress=True)
    print(_human_summary(summary))
    if args.json:
        print(json.dumps(summary))
    if snapshot.status == "diverged":
        print(f"mlpstudio: {snapshot.message}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _human_summary(s: dict) -> str:
    parts = [
        f"{s['status']} after {s['epochs']} epochs in {s['seconds']:.2f} s",
        f"{s['params']} parameters",
    ]
    if "test_accuracy" in s:
        parts.append(f"test accuracy {s['test_accuracy']:.4f}")
    else:
        parts.append(f"test MSE {s['test_mse']:.4g}, test R2 {s['test_r2']:.4f}")
    if "out" in s:
        parts.append(f"written to {s['out']}")
    return "; ".join(parts)
