"""What every command shares: exit codes, :class:`UsageError`, the experiment options
(file, --preset, --set, --epochs, --seed, --backend, --json), loading the Config they describe,
and the terminal's progress bar.

Heavy modules (numpy, the experiment package, tqdm) are imported inside the functions, so
``mlpstudio --help`` stays quick.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    """The Config described by a file (a TOML configuration, or a saved experiment's) or a
    preset, plus --set/--epochs/--seed/--backend."""
    from ..experiment.config import Config, load_config
    from ..experiment.presets import preset_config

    if args.config and args.preset:
        raise UsageError("Give either a configuration file or --preset, not both.")
    if is_experiment_file(args.config):  # a saved experiment: its configuration
        config, _ = load_run(args, continuing=False)
        return config.with_overrides([f"training.epochs={args.epochs}"]) if args.epochs else config
    if args.config:
        config = load_config(args.config)
    elif args.preset:
        config = preset_config(args.preset)
    else:
        config = Config()
    assignments = _assignments(args, epochs=True)
    config = config.with_overrides(assignments) if assignments else config
    check_options_apply(config, args.assignments)
    return config


def check_options_apply(config, assignments: list[str]) -> None:
    """Refuse a --set of an optimiser's or schedule's option that the chosen one does not have
    (``training.momentum`` with Adam): it would be stored but change nothing."""
    from ..core.optimizers import OPTIMIZERS
    from ..core.schedules import SCHEDULES

    chosen = {"optimizer": config.training.optimizer, "schedule": config.training.schedule}
    for assignment in assignments:
        key = assignment.split("=", 1)[0].strip()
        section, _, name = key.partition(".")
        if section != "training":
            continue
        for kind, registry in (("optimizer", OPTIMIZERS), ("schedule", SCHEDULES)):
            owners = [n for n, e in registry.items() if any(o.name == name for o in e.options)]
            if owners and chosen[kind] not in owners:
                raise UsageError(
                    f"--set {key}: is an option of the {kind} {' and '.join(owners)}, but "
                    f"training.{kind} is {chosen[kind]}, so it would change nothing. Choose "
                    f"that {kind} too (--set training.{kind}={owners[0]}), or leave {key} out."
                )


def _assignments(args: argparse.Namespace, epochs: bool) -> list[str]:
    """--set, and the shortcuts --epochs (when ``epochs``), --seed and --backend, as keys."""
    assignments = list(args.assignments)
    if epochs and args.epochs is not None:
        assignments.append(f"training.epochs={args.epochs}")
    if args.seed is not None:
        assignments += [f"training.seed={args.seed}", f"data.seed={args.seed}"]
    if args.backend is not None:
        assignments.append(f'training.backend="{args.backend}"')
    return assignments


def is_experiment_file(path: str | None) -> bool:
    """Whether a command's FILE names a saved experiment (``.mlpx``) rather than a TOML file."""
    from ..experiment.archive import SUFFIX

    return bool(path) and str(path).lower().endswith(SUFFIX)


def load_run(args: argparse.Namespace, continuing: bool = True) -> tuple[object, object | None]:
    """(config, saved run) for a command whose FILE may be a TOML file or a saved experiment
    (``.mlpx``). For a saved experiment, the run is its :class:`ExperimentFile` and the
    config is its own with --set/--seed/--backend applied; --epochs is left to the caller
    (more epochs of that run); when ``continuing``, changes that the saved state cannot follow
    (FIXED_WHEN_CONTINUING) are refused. Otherwise the run is None and the config is
    :func:`load_experiment`'s."""
    if not is_experiment_file(args.config):
        return load_experiment(args), None
    from ..experiment.archive import ArchiveError, use_embedded_csv
    from ..experiment.archive import load_experiment as open_experiment

    if args.preset:
        raise UsageError("Give either an experiment file or --preset, not both.")
    try:
        saved = open_experiment(args.config)
        note = use_embedded_csv(saved)
    except ArchiveError as exc:
        raise UsageError(str(exc)) from None
    if note:
        print(f"mlpstudio: {note}", file=sys.stderr)
    assignments = _assignments(args, epochs=False)
    config = saved.config.with_overrides(assignments) if assignments else saved.config
    check_options_apply(config, args.assignments)
    fixed = _fixed_keys_changed(saved.config, config) if continuing else []
    if fixed:
        raise UsageError(
            f"{Path(args.config).name} continues its own run, so {', '.join(fixed)} cannot "
            "change: the saved weights, optimiser state and data split belong to them. Start a "
            "new run from its configuration (mlpstudio train CONFIG.toml) to change them."
        )
    return config, saved


#: What a saved run cannot change when it continues: the data and its split, the network, and
#: the optimiser, seed, precision and backend its saved state was made with. The rest of
#: [training] (learning rate, batch size, schedule, ...) may change between sessions.
FIXED_WHEN_CONTINUING = (
    "data.",
    "model.",
    "training.optimizer",
    "training.seed",
    "training.dtype",
    "training.backend",
)


def _fixed_keys_changed(before, after) -> list[str]:
    """The keys of FIXED_WHEN_CONTINUING whose value differs between two configs."""
    old, new = before.to_dict(), after.to_dict()
    return [
        f"{section}.{key}"
        for section, values in new.items()
        for key, value in values.items()
        if old.get(section, {}).get(key) != value
        and f"{section}.{key}".startswith(FIXED_WHEN_CONTINUING)
    ]


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


def check_file_target(option: str, value: str | None, input_file: str | None = None) -> Path:
    """The file an option writes (``--out FILE``, ``--save FILE``), refused before any work
    when it is missing or empty, a folder (or ends like one), a link, a device or pipe, or a
    folder that does not exist; and, with ``input_file``, when it is the command's own input
    (which the output would replace)."""
    if value is None or not value.strip():
        raise UsageError(f"{option} needs the name of the file to write.")
    path = Path(value)
    if value.endswith(("/", "\\")) or path.is_dir():
        raise UsageError(f"{option} {value}: names a folder; give the name of a file.")
    if path.is_symlink():
        raise UsageError(f"{option} {value}: is a link; give the name of a plain file.")
    if path.exists() and not path.is_file():
        raise UsageError(f"{option} {value}: is not a plain file (a device or a pipe).")
    if not path.parent.is_dir():
        what = "is a file, not a folder" if path.parent.exists() else "does not exist"
        raise UsageError(f"{option} {value}: the folder {path.parent} {what}.")
    from ..atomic import unwritable_beside

    problem = unwritable_beside(path)
    if problem:
        raise UsageError(f"{option} {value}: the folder {path.parent} cannot be written "
                         f"({problem}).")  # fmt: skip
    if input_file and path.exists() and Path(input_file).exists():
        if path.samefile(input_file):
            raise UsageError(
                f"{option} {value}: is the input file itself, which it would replace; "
                "write to another file."
            )
    return path
