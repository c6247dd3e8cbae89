"""``mlpstudio train``: train an experiment headless, print a summary, write a results folder."""

from __future__ import annotations

import argparse
import json
import math
import sys
import textwrap
import time
from pathlib import Path

from .. import __version__
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    ProgressBar,
    UsageError,
    add_experiment_options,
    check_file_target,
    check_out_given,
    load_run,
)


def add_train_command(subparsers) -> argparse.ArgumentParser:
    """Add ``mlpstudio train`` to the command line's subparsers."""
    train = subparsers.add_parser(
        "train",
        help="train an experiment headless",
        description=textwrap.fill(
            "Train an experiment without the GUI. The configuration is the course "
            "example unless a file or preset says otherwise; --set changes single keys. "
            "Given a saved experiment (.mlpx), training continues from its weights, optimiser "
            "state and history: --epochs N trains N more epochs (without it, up to the epochs "
            "its configuration asks for).",
            78,
        ),
    )
    train.add_argument(
        "config", nargs="?", metavar="FILE", help="configuration (TOML) or saved experiment (.mlpx)"
    )
    add_experiment_options(train)
    train.add_argument("--out", metavar="DIR", help="write history.csv, model.npz, model.json")
    train.add_argument(
        "--save", metavar="FILE.mlpx", help="save the trained run as an experiment file"
    )
    train.set_defaults(handler=cmd_train)
    return train


def run_training(
    config, out: str | None, show_progress: bool = True, saved=None, save: str | None = None
) -> tuple[dict, object]:
    """Train ``config`` to the end (from the saved run ``saved``, an ExperimentFile, when
    given: to ``config.training.epochs`` in all); return the summary dict and the final
    snapshot. ``save``: write the trained run there as an experiment file (.mlpx)."""
    from ..core import metrics
    from ..core.insight import TIMELINE_FILE_BUDGET, Timeline
    from ..experiment.archive import ArchiveError, restore
    from ..experiment.build import build_dataset, build_network, build_trainer

    dataset = build_dataset(config.data)
    for warning in dataset.warnings:
        print(f"mlpstudio: warning: {warning}", file=sys.stderr)
    # a saved run keeps its timeline (what the file can hold of it; see archive_timeline)
    timeline = None
    if save:
        timeline = getattr(saved, "timeline", None) or Timeline(TIMELINE_FILE_BUDGET)
    keep = {"timeline_budget": TIMELINE_FILE_BUDGET} if save else {}
    if saved is None:
        network = build_network(config, dataset)
        trainer = build_trainer(config, dataset, network, snapshot_interval=0.1, **keep)
    else:
        try:
            network, history, state = restore(saved, dataset)
        except ArchiveError as exc:
            raise UsageError(str(exc)) from None
        trainer = build_trainer(config, dataset, network, history, state, snapshot_interval=0.1,
                                **keep)  # fmt: skip
    metric_name = "acc" if network.head.is_classification else "R2"
    progress = ProgressBar(config.training.epochs, show_progress)
    started = time.perf_counter()
    snapshot = None
    try:
        for snapshot in trainer:
            progress.update(snapshot, metric_name)
            for epoch, params in snapshot.epoch_params if timeline is not None else ():
                timeline.add(epoch, params)
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
    if out and snapshot.status != "diverged":  # a failed run leaves earlier results whole
        summary["out"] = str(write_outputs(Path(out), config, network, snapshot, summary))
    if save and snapshot.status != "diverged":
        from ..experiment.archive import save_experiment

        results = {k: v for k, v in summary.items() if k not in ("out", "saved")}
        state = trainer.optimizer.state()
        saved_path = save_experiment(save, config, network, snapshot.history, state, results,
                                     timeline=timeline)  # fmt: skip
        summary["saved"] = str(saved_path)
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
    config, saved = load_run(args)
    if saved is not None:
        config = continued_config(config, saved, args.epochs, args.config)
    check_out_given(args.out)
    if args.out:  # refused before training, not after
        from ..experiment.files import TRAIN_OUT_FILES, check_output_folder

        check_output_folder(args.out, TRAIN_OUT_FILES)
    check_save_target(args.save)
    summary, snapshot = run_training(config, args.out, True, saved=saved, save=args.save)
    print(_human_summary(summary))
    # the window's message bar says the same when a run ends without having learned
    from ..core.insight import learning_verdict_text

    lr = config.training.learning_rate
    verdict = learning_verdict_text(snapshot.status, snapshot.history["train_loss"], lr)
    if verdict is not None:
        print(f"mlpstudio: note: {verdict}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary))
    if snapshot.status == "diverged":
        print(f"mlpstudio: {snapshot.message}", file=sys.stderr)
        if args.out:
            print(f"mlpstudio: nothing was written to {args.out}.", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def continued_config(config, saved, epochs: int | None, name: str):
    """The config that continues ``saved``: ``epochs`` more epochs than it has (without
    ``epochs``, up to its configuration's target); refused when nothing is left to train."""
    done = saved.epochs
    target = done + epochs if epochs is not None else config.training.epochs
    if epochs is not None and epochs < 1:
        raise UsageError(f"--epochs must be at least 1 (the epochs to add), not {epochs}.")
    if target <= done:
        raise UsageError(
            f"{Path(name).name} has already trained {done} epochs of the "
            f"{config.training.epochs} its configuration asks for; give --epochs N to train "
            "N more."
        )
    return config.with_overrides([f"training.epochs={target}"])


def check_save_target(save: str | None) -> None:
    """--save FILE: refused before training when it cannot be written as a plain file (it may
    be the experiment being continued: the file is replaced whole, at the end)."""
    if save is not None:
        check_file_target("--save", save)


def _human_summary(s: dict) -> str:
    from ..core.training import kept_weights  # (loaded by then: the run has trained)

    if s["status"] == "diverged":  # "epochs" is then the epoch of the weights kept
        run = f"diverged in {s['seconds']:.2f} s; {kept_weights(s['epochs'])} were kept"
    else:
        run = f"{s['status']} after {s['epochs']} epochs in {s['seconds']:.2f} s"
    parts = [run, f"{s['params']} parameters"]
    if "test_accuracy" in s:
        parts.append(f"test accuracy {s['test_accuracy']:.4f}")
    else:
        parts.append(f"test MSE {s['test_mse']:.4g}, test R2 {s['test_r2']:.4f}")
    if "out" in s:
        parts.append(f"written to {s['out']}")
    if "saved" in s:
        parts.append(f"saved as {s['saved']}")
    return "; ".join(parts)
