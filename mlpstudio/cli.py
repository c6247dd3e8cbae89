"""The ``mlpstudio`` command: the desktop app by default, and headless subcommands.

Exit status: 0 on success, 1 when training itself failed (the loss diverged), 2 on bad input
(configuration, formula, data), with a short message on stderr and no traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: printed as one paragraph, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mlpstudio",
        description="MLP Studio: build, train and compare multilayer perceptrons. "
        "Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"MLP Studio {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    train = commands.add_parser(
        "train",
        help="train an experiment headless",
        description="Train an experiment without the GUI. The configuration is the course "
        "example unless a file or preset says otherwise; --set changes single keys.",
    )
    train.add_argument("config", nargs="?", help="experiment file (TOML)")
    _add_experiment_options(train)
    train.add_argument("--out", metavar="DIR", help="write history.csv, model.npz, model.json")
    train.set_defaults(handler=cmd_train)

    from .data.commands import add_data_commands
    from .experiment.compare import add_compare_command

    add_data_commands(commands)
    add_compare_command(commands)
    return parser


def _add_experiment_options(parser: argparse.ArgumentParser) -> None:
    from .experiment.presets import PRESETS

    parser.add_argument(
        "--preset", choices=sorted(PRESETS), help="start from a named preset (default: course-sine)"
    )
    parser.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="change one key, e.g. --set model.hidden=[50,50] --set training.optimizer=sgd",
    )
    parser.add_argument("--epochs", type=int, help="shortcut for --set training.epochs=N")
    parser.add_argument("--seed", type=int, help="seed of the data split and of training")
    parser.add_argument(
        "--backend", choices=("auto", "numpy", "cupy"), help="array backend (default: numpy)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON summary as the last line")


def load_experiment(args) -> object:
    """The Config described by a file or preset plus --set/--epochs/--seed/--backend."""
    from .experiment.config import Config, load_config
    from .experiment.presets import preset_config

    if args.config and args.preset:
        raise UsageError("Give either a configuration file or --preset, not both.")
    if args.config:
        config = load_config(args.config)
    elif args.preset:
        config = preset_config(args.preset)
    else:
        config = Config()
    assignments = list(args.assignments)
    if args.epochs is not None:
        assignments.append(f"training.epochs={args.epochs}")
    if args.seed is not None:
        assignments += [f"training.seed={args.seed}", f"data.seed={args.seed}"]
    if args.backend is not None:
        assignments.append(f'training.backend="{args.backend}"')
    return config.with_overrides(assignments) if assignments else config


class ProgressBar:
    """An epoch progress bar on a terminal (tqdm), silent when stderr is not one."""

    def __init__(self, total: int, enabled: bool):
        self.bar = None
        if enabled and sys.stderr is not None and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="epoch", dynamic_ncols=True, file=sys.stderr)

    def update(self, snapshot, metric_name: str) -> None:
        if self.bar is None:
            return
        self.bar.n = snapshot.epoch
        self.bar.set_postfix_str(
            f"loss={snapshot.last('train_loss'):.4g} test={snapshot.last('test_loss'):.4g} "
            f"{metric_name}={snapshot.last('test_metric'):.4f}",
            refresh=False,
        )
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_training(config, out: str | None, show_progress: bool = True) -> tuple[dict, object]:
    """Train ``config`` to the end; return the summary dict and the final snapshot."""
    from .core import metrics
    from .experiment.build import build_dataset, build_network, build_trainer

    dataset = build_dataset(config.data)
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
    from .experiment.files import (
        atomic_write_text,
        history_csv,
        model_description,
        save_model,
        write_json,
    )

    out.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out / "history.csv", history_csv(snapshot.history))
    save_model(out / "model.npz", network)
    atomic_write_text(out / "config.toml", config.to_toml())
    write_json(
        out / "model.json",
        {
            "mlpstudio": __version__,
            "model": model_description(network),
            "config": config.to_dict(),
            "results": {k: v for k, v in summary.items() if k != "out"},
        },
    )
    return out


def cmd_train(args) -> int:
    config = load_experiment(args)
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


def bad_input_types() -> tuple[type[BaseException], ...]:
    """Errors that mean the user's input is wrong (exit status 2)."""
    from .core.backend import BackendError
    from .data.dataset import DataError
    from .data.expr import FormulaError
    from .experiment.config import ConfigError
    from .memory import MemoryBudgetError

    return (UsageError, ConfigError, FormulaError, DataError, BackendError, MemoryBudgetError)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--training-worker"] and len(argv) == 2:  # the GUI's training process
        from .experiment.remote import serve

        return serve(argv[1])
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001 (argparse API)
    if not argv or (argv[0] not in commands and argv[0] not in ("-h", "--help", "--version")):
        from .gui.app import run_gui

        return run_gui(argv)
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except bad_input_types() as exc:
        print(f"mlpstudio: error: {_one_paragraph(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("mlpstudio: interrupted", file=sys.stderr)
        return 130


def _one_paragraph(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(lines) if len(lines) == 1 else "; ".join(lines)
