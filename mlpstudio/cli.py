"""The ``mlpstudio`` command: the desktop app by default, and headless subcommands.

Exit status: 0 on success, 1 when training itself failed (the loss diverged), 2 on bad input
(configuration, formula, data), with a short message on stderr and no traceback, 3 on an
unexpected error (one paragraph and the path of a saved crash report).

Every option of the app and of the commands is parsed here (Qt-free), so ``--help`` documents
them all and never starts the GUI; :func:`mlpstudio.gui.app.run_gui` receives the parsed options.
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

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_CRASH = 0, 1, 2, 3


class UsageError(Exception):
    """Bad input from the user: printed as one paragraph, exit status 2."""


USAGE = """mlpstudio [--lang CODE] [--presentation] [--preset NAME] [--threads N] [FILE]
       mlpstudio --smoke [FILE | --preset NAME] [--lang CODE] [--presentation] [--screenshot PNG]
       mlpstudio --smoke --tour [--lang CODE] [--presentation] [--screenshot-dir DIR]
       mlpstudio [--threads N] COMMAND [options]   (mlpstudio COMMAND --help for its options)"""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: the app's options (without a COMMAND) and every command."""
    parser = argparse.ArgumentParser(
        prog="mlpstudio",
        usage=USAGE,
        description="MLP Studio: build, train and compare multilayer perceptrons. "
        "Without a COMMAND, opens the desktop app, on FILE (an experiment file, TOML) if given. "
        "Exit status: 0 success, 1 training failed (or a smoke check failed), 2 bad input or "
        "no usable display, 3 unexpected error (a crash report is saved).",
    )
    parser.add_argument("--version", action="version", version=f"MLP Studio {__version__}")
    add_gui_options(parser.add_argument_group("the desktop app (without a COMMAND)"))
    _add_threads_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="mlpstudio")

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
    _add_explain_command(commands)
    _add_threads_everywhere(commands)
    return parser


def _add_threads_everywhere(subparsers) -> None:
    """--threads on every command and sub-command (``mlpstudio data fetch --threads 2``)."""
    for command in subparsers.choices.values():
        _add_threads_option(command, default=argparse.SUPPRESS)
        for action in command._actions:  # noqa: SLF001 (argparse API)
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                _add_threads_everywhere(action)


def add_gui_options(group) -> None:
    """The desktop app's options (``group``: a parser or an argument group)."""
    from .experiment.presets import PRESETS
    from .i18n import LANGUAGES

    group.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        metavar="CODE",
        help="interface language: en or es (default: Preferences, else the system's)",
    )
    group.add_argument(
        "--presentation",
        action="store_true",
        help="start in presentation mode (large fonts, thick lines; F5)",
    )
    group.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        metavar="NAME",
        help="start from a named preset instead of the last experiment: " + ", ".join(PRESETS),
    )
    group.add_argument(
        "--smoke",
        action="store_true",
        help="check the app: train FILE, --preset or the course example through "
        "the real window for a bounded time, then exit 0 (1 on any unexpected "
        "error or empty view)",
    )
    group.add_argument("--screenshot", metavar="PNG", help="with --smoke: save the window here")
    group.add_argument(
        "--tour",
        action="store_true",
        help="with --smoke: walk one window through every preset and task as a "
        "lecturer would, training briefly in each and opening the comparison; "
        "exit 1 on any unexpected error",
    )
    group.add_argument(
        "--screenshot-dir",
        metavar="DIR",
        help="with --tour: save one PNG per step of the tour here",
    )
    group.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)


def _add_threads_option(parser, default=None) -> None:
    parser.add_argument(
        "--threads",
        type=_thread_count,
        metavar="N",
        default=default,
        help="BLAS threads for training (default: the physical cores, one "
        "fewer while the window is open; env MLPSTUDIO_THREADS)",
    )


def _thread_count(text: str) -> int:
    from .threads import ThreadsError, check_threads

    try:
        return check_threads(int(text))
    except ValueError as exc:  # ThreadsError is a ValueError
        message = str(exc) if isinstance(exc, ThreadsError) else f"not a whole number: {text!r}"
        raise argparse.ArgumentTypeError(message) from None


def gui_parser() -> argparse.ArgumentParser:
    """The options of the desktop app alone (no commands); unknown single-dash options are Qt's."""
    parser = argparse.ArgumentParser(prog="mlpstudio", usage=USAGE, add_help=False)
    add_gui_options(parser)
    _add_threads_option(parser)
    parser.add_argument("config", nargs="?", metavar="FILE")
    return parser


def parse_gui_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The app's options and the arguments left for Qt (``-platform offscreen``, ...).

    Raises :class:`UsageError` for an unknown ``--option`` or options that do not go together."""
    parser = gui_parser()
    parser.error = _raise_usage  # type: ignore[method-assign]
    args, rest = parser.parse_known_args(argv)
    unknown = [a for a in rest if a.startswith("--")]
    if unknown:
        raise UsageError(f"unknown option {unknown[0]} (see mlpstudio --help).")
    if args.tour and not args.smoke:
        raise UsageError("--tour goes with --smoke: mlpstudio --smoke --tour.")
    if args.screenshot_dir and not args.tour:
        raise UsageError("--screenshot-dir goes with --smoke --tour.")
    if args.screenshot and not args.smoke:
        raise UsageError("--screenshot goes with --smoke.")
    if args.tour and (args.config or args.preset or args.screenshot):
        raise UsageError("--tour walks every preset: it takes no FILE, --preset or --screenshot.")
    if args.config and args.preset:
        raise UsageError("Give either an experiment file or --preset, not both.")
    return args, rest


def _raise_usage(message: str):
    raise UsageError(message)


def _command_index(argv: list[str], commands) -> int | None:
    """Where a COMMAND starts in ``argv``, or None when the app is meant (FILE or no command)."""
    takes_value = {
        option
        for action in gui_parser()._actions  # noqa: SLF001 (argparse API)
        if action.nargs != 0
        for option in action.option_strings
    }
    skip = False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg == "--":
            return None
        elif arg.startswith("-"):
            skip = arg in takes_value
        else:
            return index if arg in commands else None
    return None


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
    """The results folder, written whole or not at all (the earlier results stay otherwise)."""
    from .experiment.files import (
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
        from .experiment.files import TRAIN_OUT_FILES, check_output_folder

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


def bad_input_types() -> tuple[type[BaseException], ...]:
    """Errors that mean the user's input is wrong (exit status 2)."""
    from .core.backend import BackendError
    from .data.dataset import DataError
    from .data.expr import FormulaError
    from .experiment.config import ConfigError
    from .experiment.files import OutputError

    return (UsageError, ConfigError, FormulaError, DataError, BackendError, OutputError)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--training-worker"] and len(argv) == 2:  # the GUI's training process
        from .experiment.remote import serve

        return serve(argv[1])
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        print("mlpstudio: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: nothing else expected this error
        return report_crash(exc, argv)


def report_crash(exc: BaseException, argv: list[str]) -> int:
    """One paragraph on stderr naming the saved crash report; exit status 3."""
    from .crash import save_crash_report

    path = save_crash_report(exc, ["mlpstudio", *argv])
    where = (
        f"A crash report was saved to {path}; please send it with your report."
        if path is not None
        else "The crash report could not be saved."
    )
    print(
        f"mlpstudio: unexpected error: {type(exc).__name__}: {_one_paragraph(exc)}. This is a "
        f"bug in MLP Studio, not a problem with your input. {where}",
        file=sys.stderr,
    )
    return EXIT_CRASH


def _dispatch(argv: list[str]) -> int:
    from .threads import ThreadsError, chosen_threads, limit_blas_threads, set_threads

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001 (argparse API)
    at = _command_index(argv, commands)
    if at is None:
        if any(a in ("-h", "--help") for a in argv[: argv.index("--") if "--" in argv else None]):
            parser.print_help()
            return EXIT_OK
        if "--version" in argv:
            parser.parse_args(["--version"])  # prints and exits 0
        try:
            gui_args, qt_args = parse_gui_args(argv)
            if gui_args.threads is not None:
                set_threads(gui_args.threads)  # the training process inherits it
            chosen_threads()  # refuses a bad MLPSTUDIO_THREADS
        except (UsageError, ThreadsError) as exc:
            print(f"mlpstudio: error: {_one_paragraph(exc)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        from .gui.app import run_gui

        return run_gui(gui_args, qt_args)
    given = {a.split("=")[0] for a in argv[:at] if a.startswith("--")}
    if given - {"--threads"}:
        print(
            f"mlpstudio: error: {sorted(given - {'--threads'})[0]} is an option of the app, "
            f"not of {argv[at]} (see mlpstudio {argv[at]} --help).",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    args = parser.parse_args(argv)
    try:
        if args.threads is not None:
            set_threads(args.threads)
        chosen_threads()
        with limit_blas_threads(beside_gui=False):
            return args.handler(args)
    except ThreadsError as exc:
        print(f"mlpstudio: error: {_one_paragraph(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except bad_input_types() as exc:
        print(f"mlpstudio: error: {_one_paragraph(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _one_paragraph(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(lines) if len(lines) == 1 else "; ".join(lines)


def _add_explain_command(commands) -> None:
    explain = commands.add_parser(
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
    _add_experiment_options(backprop)
    backprop.add_argument(
        "--sample", type=int, default=0, metavar="I", help="index of the training sample (0)"
    )
    backprop.set_defaults(handler=cmd_explain_backprop)


def cmd_explain_backprop(args) -> int:
    from .experiment.explain import backprop_example, worked_text

    config = load_experiment(args)
    epochs = config.training.epochs if args.epochs is not None else 0
    example = backprop_example(config, sample=args.sample, epochs=epochs)
    print(worked_text(example), end="")
    if args.json:
        print(json.dumps(example.to_dict()))
    return EXIT_OK
