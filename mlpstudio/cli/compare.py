"""``mlpstudio compare``: train several architectures on the same data and print a table.

The comparison itself (:class:`~mlpstudio.experiment.compare.Comparison`) lives in the
experiment package and is shared with the GUI; this module only parses and prints."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..experiment.compare import (
    DEFAULT_ARCHITECTURES,
    Comparison,
    grid,
    parse_architectures,
    summary,
    table_header,
    table_line,
    write_outputs,
)
from .common import (
    EXIT_OK,
    ProgressBar,
    UsageError,
    add_experiment_options,
    check_out_given,
    load_experiment,
)


def add_compare_command(subparsers) -> argparse.ArgumentParser:
    """Add ``mlpstudio compare`` to the command line's subparsers."""
    parser = subparsers.add_parser(
        "compare",
        help="train several architectures on the same data and compare them",
        description="Train each architecture on the same data with the same seed and training "
        "options, and print one row per architecture: parameters, train and test loss, test "
        "R2 or accuracy, time. Without --hidden or a grid it compares 10, 50 and 50,50.",
    )
    parser.add_argument("config", nargs="?", help="experiment file (TOML)")
    add_experiment_options(parser)
    parser.add_argument(
        "--hidden",
        action="append",
        default=[],
        metavar="WIDTHS",
        help='hidden layers of one architecture, e.g. 10 or 50,50 ("0" for none); repeat it',
    )
    parser.add_argument(
        "--grid-depths", type=int, nargs="+", metavar="D", help="numbers of hidden layers"
    )
    parser.add_argument(
        "--grid-widths", type=int, nargs="+", metavar="W", help="widths for every grid depth"
    )
    parser.add_argument("--out", metavar="DIR", help="write compare.csv, compare.json, config.toml")
    parser.set_defaults(handler=cmd_compare)
    return parser


def architectures_from_args(args) -> list[list[int]]:
    architectures = parse_architectures(list(args.hidden))
    depths, widths = args.grid_depths, args.grid_widths
    if (depths is None) != (widths is None):
        raise UsageError("Give --grid-depths and --grid-widths together.")
    if depths is not None:
        for candidate in grid(depths, widths):
            if candidate not in architectures:
                architectures.append(candidate)
    return architectures or [list(a) for a in DEFAULT_ARCHITECTURES]


def cmd_compare(args) -> int:
    architectures = architectures_from_args(args)
    # The experiment's own hidden layers are not compared: check its keys (a per-layer
    # activation list) against the first architecture compared instead.
    args.assignments = [f"model.hidden={architectures[0]}", *args.assignments]
    config = load_experiment(args)
    check_out_given(args.out)
    if args.out:  # refused before any training, not after
        from ..experiment.files import COMPARE_OUT_FILES, check_output_folder

        check_output_folder(args.out, COMPARE_OUT_FILES)
    comparison = Comparison(config, architectures)
    comparison.prepare()  # bad data or an impossible head fails before any output
    metric = "accuracy" if comparison.dataset.task == "classification" else "r2"
    bars: dict[int, ProgressBar] = {}

    def progress(index, hidden, snapshot):
        bar = bars.get(index)
        if bar is None:
            for old in bars.values():
                old.close()
            bar = bars[index] = ProgressBar(config.training.epochs, enabled=True)
        bar.update(snapshot, "acc" if metric == "accuracy" else "R2")

    comparison.progress = progress
    print(table_header(metric), flush=True)
    try:
        for row in comparison:
            for bar in bars.values():
                bar.close()
            print(table_line(row), flush=True)
    except KeyboardInterrupt:
        comparison.stop()
        raise
    finally:
        for bar in bars.values():
            bar.close()
    result = summary(config, comparison.rows)
    if args.out:
        out = write_outputs(Path(args.out), config, comparison.rows)
        print(f"written to {out}")
    if args.json:
        print(json.dumps(result))
    return EXIT_OK
