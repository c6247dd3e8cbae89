"""What every command shares: exit codes, :class:`UsageError`, the experiment options
(file, --preset, --set, --epochs, --seed, --backend, --json), loading the Config they describe,
and the terminal's progress bar.

Heavy modules (numpy, the experiment package, tqdm) are imported inside the functions, so
``mlpstudio --help`` stays quick.
"""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_CRASH = 0, 1, 2, 3


class UsageError(Exception):
    """Bad input from the user: printed as one paragraph, exit status 2."""


def add_experiment_options(parser: argparse.ArgumentParser) -> None:
    """The options that describe an experiment, shared by train, compare and explain."""
    from ..experiment.presets import PRESETS

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
    parser.epilog = registry_epilog()
    parser.formatter_class = argparse.RawDescriptionHelpFormatter


def registry_epilog() -> str:
    """The names --set accepts, listed from the registries (with each optimiser's and
    schedule's options, their ranges and defaults from the option specs)."""
    from ..core.activations import ACTIVATIONS
    from ..core.inits import INIT_CHOICES
    from ..core.losses import HEADS
    from ..core.optimizers import OPTIMIZERS
    from ..core.schedules import SCHEDULES
    from ..experiment.config import field_spec

    def entries(registry) -> str:
        return ", ".join(
            f"{name} ({', '.join(s.name for s in e.options)})" if e.options else name
            for name, e in registry.items()
        )

    lines = [
        "names for --set:",
        f"  model.activation   {', '.join(ACTIVATIONS)}",
        f"  model.head         auto, {', '.join(HEADS)}",
        f"  model.init         {', '.join(INIT_CHOICES)}",
        f"  training.optimizer {entries(OPTIMIZERS)}",
        f"  training.schedule  {entries(SCHEDULES)}",
        "their options:",
    ]
    seen = set()
    for entry in [*OPTIMIZERS.values(), *SCHEDULES.values()]:
        for spec in entry.options:
            if spec.name not in seen:
                seen.add(spec.name)
                allowed = field_spec("training", spec.name).allowed()
                lines.append(f"  training.{spec.name}: {allowed} (default {spec.default:g})")
    return "\n".join(lines)


def load_experiment(args: argparse.Namespace) -> object:
    """The Config described by a file or preset plus --set/--epochs/--seed/--backend."""
    from ..experiment.config import Config, load_config
    from ..experiment.presets import preset_config

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


def one_paragraph(exc: BaseException) -> str:
    """An error's message as one line (several lines joined with '; ')."""
    text = str(exc).strip() or type(exc).__name__
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(lines) if len(lines) == 1 else "; ".join(lines)


def check_out_given(out: str | None) -> None:
    """``--out ''`` names no folder: refused, rather than silently writing nothing."""
    if out is not None and not out.strip():
        raise UsageError("--out needs the name of a folder for the results.")
