"""``mlpstudio export``: the File menu's exports from the command line.

``mlpstudio export {numpy,pytorch,report,csv} [FILE] [--preset NAME] [--set K=V] [--epochs N]
--out FILE``. FILE is a configuration (TOML) or a saved experiment (``.mlpx``). The scripts
need only the configuration; the report and the history CSV need a trained run: a saved
experiment's own history, or, for a configuration, a run trained first (said on stderr). The
file is written whole or not at all (:mod:`mlpstudio.atomic`).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from .common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    add_experiment_options,
    check_file_target,
    load_run,
)

FORMATS = ("numpy", "pytorch", "report", "csv")


def add_export_command(subparsers) -> argparse.ArgumentParser:
    """Add ``mlpstudio export`` to the command line's subparsers."""
    parser = subparsers.add_parser(
        "export",
        help="write a NumPy or PyTorch script, an HTML report or the history CSV",
        description=textwrap.fill(
            "Export an experiment. numpy: a stand-alone script that needs only numpy, "
            "reruns the experiment the way MLP Studio does and prints the JSON summary of "
            "`mlpstudio train --json` as its last line, with the same values. pytorch: the same "
            "experiment written with torch.nn and torch.optim. report: one self-contained HTML "
            "page. csv: the per-epoch history. report and csv need a trained run: given a saved "
            "experiment (.mlpx) they use its history; given a configuration (or none: the course "
            "example) they train it first, which takes as long as `mlpstudio train`.",
            78,
        ),
    )
    parser.add_argument("format", choices=FORMATS, help="what to write")
    parser.add_argument(
        "config", nargs="?", metavar="FILE", help="configuration (TOML) or saved experiment (.mlpx)"
    )
    add_experiment_options(parser)
    parser.add_argument("--out", metavar="FILE", help="the file to write (required)")
    parser.set_defaults(handler=cmd_export)
    return parser


def cmd_export(args) -> int:
    from ..atomic import atomic_write_text

    out = check_file_target("--out", args.out, input_file=args.config)
    config, saved = load_run(args, continuing=False)
    if args.format in ("numpy", "pytorch"):
        if saved is not None and args.epochs is not None:
            config = config.with_overrides([f"training.epochs={args.epochs}"])
        text = _script(args.format, config)
    else:
        if saved is not None and (args.epochs is not None or args.assignments):
            raise UsageError(
                f"The {args.format} shows the run saved in {Path(args.config).name}; --epochs "
                "and --set would describe another run. Continue it first with mlpstudio train "
                f"{args.config} --epochs N --save FILE.mlpx, then export that file."
            )
        history, summary, status = _trained_run(config, saved)
        if status == "diverged":
            print("mlpstudio: the loss diverged; nothing was written.", file=sys.stderr)
            return EXIT_FAILED
        text = _document(args.format, config, summary, history)
    written = atomic_write_text(out, text)
    print(f"mlpstudio: wrote {written}", file=sys.stderr)
    if args.json:
        print(json.dumps({"format": args.format, "out": str(written)}))
    return EXIT_OK


def _script(kind: str, config) -> str:
    from ..experiment.exports import numpy_script, pytorch_script

    return numpy_script(config) if kind == "numpy" else pytorch_script(config)


def _trained_run(config, saved) -> tuple[dict, dict, str]:
    """(history, summary, status): the saved run's, or those of a run trained now."""
    if saved is not None:
        if not len(saved.history.get("epoch", ())):
            raise UsageError("The experiment file holds no history: train it first.")
        return saved.history, dict(saved.results), "saved"
    from .train import run_training

    print(
        "mlpstudio: training the experiment first (a report needs a trained run)...",
        file=sys.stderr,
    )
    summary, snapshot = run_training(config, None, show_progress=True)
    return snapshot.history, summary, snapshot.status


def _document(kind: str, config, summary: dict, history: dict) -> str:
    from ..experiment.exports import html_report
    from ..experiment.files import history_csv

    if kind == "csv":
        return history_csv(history)
    return html_report(config, summary, history)
