"""``mlpstudio explain backprop``: one training sample worked through with the engine's numbers."""

from __future__ import annotations

import argparse
import json

from .common import EXIT_OK, add_experiment_options, load_experiment


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
    from ..experiment.explain import backprop_example, worked_text

    config = load_experiment(args)
    epochs = config.training.epochs if args.epochs is not None else 0
    example = backprop_example(config, sample=args.sample, epochs=epochs)
    print(worked_text(example), end="")
    if args.json:
        print(json.dumps(example.to_dict()))
    return EXIT_OK
