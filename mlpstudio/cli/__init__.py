"""The ``mlpstudio`` command: the desktop app by default, and headless subcommands.

Exit status: 0 on success, 1 when training itself failed (the loss diverged), 2 on bad input
(configuration, formula, data), with a short message on stderr and no traceback, 3 on an
unexpected error (one paragraph and the path of a saved crash report).

Every option of the app and of the commands is parsed here (Qt-free), so ``--help`` documents
them all and never starts the GUI; :func:`mlpstudio.gui.app.run_gui` receives the parsed options.

The package: this module (the parser, the app's options, dispatch and the exit-3 wrapper),
:mod:`.common` (exit codes, UsageError, experiment options, progress bar), and one module per
command: :mod:`.train`, :mod:`.compare`, :mod:`.data`, :mod:`.explain`, :mod:`.export`. The
command line is the top layer: it may import everything below it (the GUI only lazily, to
open the window), and nothing imports it but ``mlpstudio.__main__``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from .. import __version__
from .common import (
    EXIT_BAD_INPUT,
    EXIT_CRASH,
    EXIT_FAILED,
    EXIT_OK,
    ProgressBar,
    UsageError,
    add_experiment_options,
    check_file_target,
    load_experiment,
)
from .common import one_paragraph as _one_paragraph
from .explain import add_explain_command, cmd_explain_backprop
from .train import add_train_command, cmd_train, run_training, write_outputs

_add_experiment_options = add_experiment_options  # the name before the cli package
BLAS_ENV = "OPENBLAS_NUM_THREADS"  # read by OpenBLAS (numpy's BLAS) once, as it loads

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_CRASH",
    "EXIT_FAILED",
    "EXIT_OK",
    "ProgressBar",
    "UsageError",
    "bad_input_types",
    "build_parser",
    "cmd_explain_backprop",
    "cmd_train",
    "load_experiment",
    "main",
    "parse_gui_args",
    "report_crash",
    "run_training",
    "write_outputs",
]


USAGE = """mlpstudio [--lang CODE] [--presentation] [--preset NAME] [--threads N] [FILE]
       mlpstudio --smoke [FILE | --preset NAME] [--lang CODE] [--presentation] [--screenshot PNG]
       mlpstudio --smoke --view NAME --screenshot PNG   (NAME: a view; see --view)
       mlpstudio --smoke --tour [--lang CODE] [--presentation] [--screenshot-dir DIR]
       mlpstudio [--threads N] COMMAND [options]   (mlpstudio COMMAND --help for its options)"""


class CommandParser(argparse.ArgumentParser):
    """An argument parser that keeps its sub-commands, which argparse keeps private (its
    sub-parsers are made with the parent's class, so every level keeps them)."""

    subcommands: argparse._SubParsersAction | None = None

    def add_subparsers(self, **kwargs):
        self.subcommands = super().add_subparsers(**kwargs)
        return self.subcommands


def build_parser() -> CommandParser:
    """The whole command line: the app's options (without a COMMAND) and every command."""
    parser = CommandParser(
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

    # the handler is this package's cmd_train, looked up now, so it can be replaced in tests
    add_train_command(commands).set_defaults(handler=cmd_train)

    from .compare import add_compare_command  # numpy and the experiment package: lazily
    from .data import add_data_commands
    from .export import add_export_command
    from .labs import add_lab_commands

    add_data_commands(commands)
    add_compare_command(commands)
    add_explain_command(commands)
    add_export_command(commands)
    add_lab_commands(commands)
    _add_threads_everywhere(commands)
    return parser


def _add_threads_everywhere(subparsers) -> None:
    """--threads on every command and sub-command (``mlpstudio data fetch --threads 2``)."""
    for command in subparsers.choices.values():
        _add_threads_option(command, default=argparse.SUPPRESS)
        if command.subcommands is not None:
            _add_threads_everywhere(command.subcommands)


def add_gui_options(group) -> None:
    """The desktop app's options (``group``: a parser or an argument group)."""
    from ..experiment.presets import PRESETS
    from ..i18n import LANGUAGES

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
        "--view",
        metavar="NAME",
        help="with --smoke: after a short training run, save only this view's widget as "
        "--screenshot: basis, probe, gradients, backprop or timeline",
    )
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
    from ..threads import ThreadsError, check_threads

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
    if args.view is not None:
        from ..gui.smoke import SMOKE_VIEWS  # (the window's names; no Qt until it runs)

        if args.view not in SMOKE_VIEWS:
            raise UsageError(f"--view: no view named {args.view!r}; the names are "
                             f"{', '.join(SMOKE_VIEWS)}.")  # fmt: skip
        if not (args.smoke and args.screenshot) or args.tour:
            raise UsageError("--view goes with --smoke and --screenshot PNG (not with --tour).")
    if args.tour and (args.config or args.preset or args.screenshot):
        raise UsageError("--tour walks every preset: it takes no FILE, --preset or --screenshot.")
    if args.config and args.preset:
        raise UsageError("Give either an experiment file or --preset, not both.")
    if args.screenshot is not None:  # refused before the window opens, not after the run
        check_file_target("--screenshot", args.screenshot)
        if not args.screenshot.lower().endswith(".png"):
            raise UsageError(f"--screenshot {args.screenshot}: a screenshot is a PNG image; "
                             "give a file name ending in .png.")  # fmt: skip
    return args, rest


def _raise_usage(message: str):
    raise UsageError(message)


@contextlib.contextmanager
def _one_blas_thread_while_numpy_loads():
    """OpenBLAS starts one thread, not one per core, as numpy loads (start time: each extra
    thread spins for a while after it starts, on a 2-core machine beside the window's
    thread). Every entry point then sets its own count before any work (the app:
    :func:`mlpstudio.gui.app.run_gui`, one core fewer than the machine's; a command:
    :func:`_dispatch`'s ``limit_blas_threads``; threadpoolctl raises it as well as lowers
    it), and the variable is gone before a training process starts, so that process chooses
    its own. A count the user set, or numpy already loaded: untouched."""
    if BLAS_ENV in os.environ or "numpy" in sys.modules:
        yield
        return
    os.environ[BLAS_ENV] = "1"
    try:
        yield
    finally:
        os.environ.pop(BLAS_ENV, None)


def _command_index(argv: list[str], commands) -> int | None:
    """Where a COMMAND starts in ``argv``, or None when the app is meant (FILE or no command)."""
    index = _first_positional(argv)
    return index if index is not None and argv[index] in commands else None


def _first_positional(argv: list[str]) -> int | None:
    """Where the first argument that is not an option (nor an option's value) is in ``argv``:
    a COMMAND or the app's FILE; None when there is none before ``--``."""
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
            return index
    return None


def bad_input_types() -> tuple[type[BaseException], ...]:
    """Errors that mean the user's input is wrong (exit status 2)."""
    from ..core.backend import BackendError
    from ..data.dataset import DataError
    from ..data.expr import FormulaError
    from ..experiment.config import ConfigError
    from ..experiment.files import OutputError
    from ..memory import MemoryBudgetError

    return (
        UsageError,
        ConfigError,
        FormulaError,
        DataError,
        BackendError,
        OutputError,
        MemoryBudgetError,
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--training-worker"]:  # the GUI's training process (the frozen app)
        from ..experiment.child import serve
        from ..startup import resume

        resume()

        return serve()
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        print("mlpstudio: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: nothing else expected this error
        return report_crash(exc, argv)


def report_crash(exc: BaseException, argv: list[str]) -> int:
    """One paragraph on stderr naming the saved crash report; exit status 3."""
    from ..crash import save_crash_report

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
    from ..threads import ThreadsError, chosen_threads, limit_blas_threads, set_threads

    parser, at = None, None
    before_dashes = argv[: argv.index("--") if "--" in argv else None]
    asks = any(a in ("-h", "--help") for a in before_dashes) or "--version" in argv
    with _one_blas_thread_while_numpy_loads():  # (the options' presets load numpy)
        if asks or _first_positional(argv) is not None:  # a COMMAND, a FILE, or help
            parser = build_parser()  # (not for the plain app: every command's parser)
            assert parser.subcommands is not None
            at = _command_index(argv, parser.subcommands.choices)
    if at is None:
        if parser is not None and any(a in ("-h", "--help") for a in before_dashes):
            parser.print_help()
            return EXIT_OK
        if parser is not None and "--version" in argv:
            parser.parse_args(["--version"])  # prints and exits 0
        try:
            gui_args, qt_args = parse_gui_args(argv)
            if gui_args.threads is not None:
                set_threads(gui_args.threads)  # the training process inherits it
            chosen_threads()  # refuses a bad MLPSTUDIO_THREADS
        except (UsageError, ThreadsError) as exc:
            print(f"mlpstudio: error: {_one_paragraph(exc)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        from ..gui.app import run_gui

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
        from ..startup import resume

        resume()  # a command may run for hours: the collector is on for it
        with limit_blas_threads(beside_gui=False):
            return args.handler(args)
    except ThreadsError as exc:
        print(f"mlpstudio: error: {_one_paragraph(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except bad_input_types() as exc:
        print(f"mlpstudio: error: {_one_paragraph(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # a path the system refused (a file where a folder must be, ...)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"mlpstudio: error: {where}{exc.strerror or exc}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError as exc:  # more than this computer has (the budget was set above it)
        print(
            f"mlpstudio: error: not enough memory for this request ({_one_paragraph(exc)}); "
            "use a smaller network or dataset, or a lower MLPSTUDIO_MEMORY_BUDGET.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
