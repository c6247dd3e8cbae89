"""``mlpstudio explain backprop``: one training sample worked through with the engine's numbers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import (
    EXIT_OK,
    UsageError,
    _fixed_keys_changed,
    add_experiment_options,
    is_experiment_file,
    load_experiment,
    load_run,
)


def add_explain_command(subparsers) -> argparse.ArgumentParser:
    """Add ``mlpstudio explain`` (topic ``backprop``) to the command line's subparsers."""
    explain = subparsers.add_parser(
        "explain",
        help="worked examples with the engine's own numbers",
        description="Print a worked example for students' notes.",
    )
    topics = explain.add_subparsers(dest="topic", metavar="TOPIC", required=True)
    backprop = topics.add_parser(
        "backprop",
        help="one training sample through the forward pass, the loss, backpropagation and "
        "the update",
        description="Walk one training sample through the forward pass, the loss, delta^[L], "
        "every delta^[l], the gradients dL/dW^[l] and dL/db^[l], and the optimiser's update, "
        "with the real numbers (float64). --epochs N trains N epochs first.",
    )
    backprop.add_argument("config", nargs="?", help="experiment file (TOML)")
    add_experiment_options(backprop)
    backprop.add_argument(
        "--sample", type=int, default=0, metavar="I", help="index of the training sample (0)"
    )
    backprop.set_defaults(handler=cmd_explain_backprop)
    return explain


def cmd_explain_backprop(args) -> int:
    from ..experiment.archive import ArchiveError
    from ..experiment.explain import backprop_example, json_line, not_finite, worked_text
    from ..i18n import translate

    saved = None
    if is_experiment_file(args.config):
        # a saved run is explained with its own weights and optimiser state, not a fresh net
        if args.epochs is not None:
            raise UsageError(
                translate(
                    "Backprop",
                    "--epochs: {name} is worked through with its saved weights (after {done} "
                    "epochs), so --epochs does not apply; train it further first (mlpstudio "
                    "train {name} --epochs N --save FILE), or leave --epochs out.",
                ).format(name=Path(args.config).name, done=_saved_epochs(args))
            )
        config, saved = load_run(args, continuing=False)
        fixed = _fixed_keys_changed(saved.config, config)
        if fixed:
            raise UsageError(
                translate(
                    "Backprop",
                    "{name} is worked through with its saved weights, so {keys} cannot change: "
                    "the weights, optimiser state and data split belong to them. Leave them "
                    "out of --set.",
                ).format(name=Path(args.config).name, keys=", ".join(fixed))
            )
    else:
        config = load_experiment(args)
    epochs = config.training.epochs if args.epochs is not None else 0
    try:
        example = backprop_example(
            config,
            sample=args.sample,
            epochs=epochs,
            saved=saved,
            as_json=args.json,
            warn=lambda text: print(f"mlpstudio: warning: {text}", file=sys.stderr),
        )
    except ArchiveError as exc:
        raise UsageError(str(exc)) from None
    print(worked_text(example), end="")
    line, bad = json_line(example) if args.json else ("", not_finite(example))
    if bad:
        note = (
            translate(
                "Backprop",
                "note: {count} values of the example are not finite numbers (NaN or "
                "infinite); the JSON line writes them as null.",
            )
            if args.json
            else translate(
                "Backprop",
                "note: {count} values of the example are not finite numbers; they are "
                "shown as nan or inf.",
            )
        )
        print("mlpstudio: " + note.format(count=bad), file=sys.stderr)
    if args.json:
        print(line)
    return EXIT_OK


def _saved_epochs(args) -> str:
    from ..experiment.archive import ArchiveError
    from ..experiment.archive import load_experiment as open_experiment

    try:
        return str(open_experiment(args.config).epochs)
    except ArchiveError as exc:
        raise UsageError(str(exc)) from None
