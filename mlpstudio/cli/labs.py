"""``mlpstudio lab pack|unpack|submit`` and ``mlpstudio board``: labs that travel as text,
results submitted to a lab's folder, and the teacher's class board in a terminal."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .common import EXIT_FAILED, EXIT_OK, UsageError, check_file_target


def add_lab_commands(subparsers) -> None:
    lab = subparsers.add_parser(
        "lab",
        help="labs as text for a chat or a slide, and submitting a result",
        description="Pack a lab file into one checksummed line of text, unpack it, or train "
        "a lab's experiment and submit the result to its results folder.",
    )
    actions = lab.add_subparsers(dest="action", metavar="ACTION", required=True)
    pack = actions.add_parser("pack", help="print a lab file as one line of text")
    pack.add_argument("lab", metavar="LAB", help="lab file (TOML)")
    pack.set_defaults(handler=cmd_lab_pack)
    unpack = actions.add_parser("unpack", help="write the lab a packed text holds")
    unpack.add_argument("text", metavar="TEXT", help="a file holding the text, or - for stdin")
    unpack.add_argument("--out", required=True, metavar="FILE", help="the lab file to write")
    unpack.set_defaults(handler=cmd_lab_unpack)
    submit = actions.add_parser(
        "submit",
        help="train the lab's experiment and submit the result",
        description="Train the lab's experiment (with --set for what the lab does not lock) "
        "and write a signed result into the lab's results folder (or --folder).",
    )
    submit.add_argument("lab", metavar="LAB", help="lab file (TOML) or - for packed text")
    submit.add_argument("--name", required=True, help="the student's name")
    submit.add_argument("--folder", help="the results folder (default: the lab's)")
    submit.add_argument("--set", dest="assignments", action="append", default=[],
                        metavar="KEY=VALUE", help="change a key the lab does not lock")  # fmt: skip
    submit.add_argument("--epochs", type=int, help="shortcut for --set training.epochs=N")
    submit.set_defaults(handler=cmd_lab_submit)

    board = subparsers.add_parser(
        "board",
        help="the class board: every submitted result of a lab, best fits first",
        description="Read a lab's results folder and list the results, best test error "
        "first; files that are not genuine results of this lab are skipped with a note.",
    )
    board.add_argument("lab", metavar="LAB", help="lab file (TOML)")
    board.add_argument("--folder", help="the results folder (default: the lab's)")
    board.add_argument("--json", action="store_true", help="print the board as JSON")
    board.set_defaults(handler=cmd_board)


def _lab(name: str):
    from ..experiment.lab_text import MAX_TEXT_CHARS, unpack_lab
    from ..experiment.labs import load_lab

    if name == "-":
        return unpack_lab(sys.stdin.read(MAX_TEXT_CHARS + 1))
    return load_lab(name)


def _folder(lab, given: str | None) -> Path:
    if given:
        return Path(given)
    folder = lab.results_folder()
    if folder is None:
        raise UsageError(
            'the lab names no results folder ([lab] results = "...", an absolute path for a '
            "pasted lab); give --folder."
        )
    return folder


def cmd_lab_pack(args) -> int:
    from ..experiment.lab_text import pack_lab
    from ..experiment.labs import load_lab

    print(pack_lab(load_lab(args.lab)))
    return EXIT_OK


def cmd_lab_unpack(args) -> int:
    from ..data.untrusted import read_capped
    from ..experiment.files import atomic_write_text
    from ..experiment.lab_text import MAX_TEXT_CHARS, unpack_lab

    out = check_file_target("--out", args.out, None if args.text == "-" else args.text)
    if args.text == "-":
        text = sys.stdin.read(MAX_TEXT_CHARS + 1)
    else:
        raw = read_capped(args.text, "lab")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError(f"{args.text}: is not UTF-8 text.") from None
    lab = unpack_lab(text)
    atomic_write_text(out, lab.text)
    print(f"{lab.title_in(lab.language)}: written to {out}")
    return EXIT_OK


def cmd_lab_submit(args) -> int:
    from ..experiment.board import make_result, submit
    from .train import run_training

    lab = _lab(args.lab)
    folder = _folder(lab, args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: the results folder does not exist or cannot be reached.")
    assignments = list(args.assignments)
    if args.epochs is not None:
        assignments.append(f"training.epochs={args.epochs}")
    config = lab.config.with_overrides(assignments) if assignments else lab.config
    locked = lab.locked_changes(config)
    if locked:
        raise UsageError(f"the lab locks {', '.join(locked)}; leave it as the lab sets it.")
    summary, snapshot = run_training(config, None, show_progress=False)
    if snapshot.status == "diverged":
        print(f"mlpstudio: {snapshot.message}; nothing was submitted.", file=sys.stderr)
        return EXIT_FAILED
    body = make_result(lab, args.name, config, summary, snapshot.history)
    path = submit(lab, folder, body)
    print(
        f"{body['student']}: {body['params']} parameters, test error {body['test_error']:.4g}; "
        f"submitted as {path}"
    )
    return EXIT_OK


def cmd_board(args) -> int:
    from ..experiment.board import read_board

    lab = _lab(args.lab)
    board = read_board(lab, _folder(lab, args.folder))
    rows = board.best()
    if args.json:
        print(json.dumps({"entries": [e.__dict__ for e in rows], "notes": board.notes}))
        return EXIT_OK
    print(f"{lab.title_in(lab.language)}: {len(rows)} results")
    print(f"{'#':>3}  {'student':<24} {'hidden':<12} {'params':>8} {'train error':>12} "
          f"{'test error':>12}")  # fmt: skip
    for i, e in enumerate(rows, start=1):
        print(f"{i:>3}  {e.student[:24]:<24} {e.architecture[:12]:<12} {e.params:>8,} "
              f"{e.train_error:>12.4g} {e.test_error:>12.4g}")  # fmt: skip
    for note in board.notes:
        print(f"note: {note}")
    return EXIT_OK
