"""``mlpstudio data``: list, download, import and verify the image sets from a terminal.

The data store itself is :mod:`mlpstudio.data.store`; this module only parses and prints.
Handlers return the exit status: 0 when the set is there and checked, 2 when files are missing,
damaged or refused; errors that stop a command (no network, a bad mirror) are raised as
:class:`DataError`, which ``mlpstudio`` prints as one line with exit status 2.
"""

from __future__ import annotations

import argparse
import sys

from ..data.catalog import SET_NAMES, SETS, image_set
from ..data.dataset import DataError
from .common import EXIT_BAD_INPUT, EXIT_OK


def add_data_commands(subparsers) -> argparse.ArgumentParser:
    """Adds ``data`` with ``list``, ``fetch``, ``import`` and ``verify`` to ``subparsers``."""
    data = subparsers.add_parser(
        "data",
        help="list, download, import and verify the image datasets",
        description=f"Manage the image datasets ({', '.join(s.title for s in SETS.values())}). "
        "They are kept in one folder: MLPSTUDIO_DATA if set, else the user's cache folder. "
        "Downloads use the official addresses, or MLPSTUDIO_MIRROR (a lab web server with the "
        "same file names); every file is checked before it is used.",
    )
    actions = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="what is in the data folder, and whether it checks")
    _add_dir(listing)
    listing.set_defaults(handler=cmd_list)

    fetch = actions.add_parser(
        "fetch",
        help="download a set (skips files already there and verified)",
        description="Download a set into the data folder and verify its checksums.",
    )
    fetch.add_argument("name", choices=(*SET_NAMES, "all"), help="the set to download")
    fetch.add_argument(
        "--mirror", metavar="URL", help="download from this web folder instead (MLPSTUDIO_MIRROR)"
    )
    _add_dir(fetch)
    fetch.set_defaults(handler=cmd_fetch)

    imp = actions.add_parser(
        "import",
        help="copy a set from a folder (USB stick, shared drive) into the data folder",
        description="Import the official files from FOLDER: MNIST-style .gz or decompressed "
        "files (checked by content hash), or CIFAR's binary archive (checked by md5) or its "
        "extracted .bin files (checked by size and labels).",
    )
    imp.add_argument("name", choices=SET_NAMES, help="the set the files belong to")
    imp.add_argument("folder", help="the folder holding the files")
    _add_dir(imp)
    imp.set_defaults(handler=cmd_import)

    verify = actions.add_parser("verify", help="check the files again, from their bytes")
    verify.add_argument("name", nargs="?", choices=SET_NAMES, help="one set (default: all)")
    _add_dir(verify)
    verify.set_defaults(handler=cmd_verify)
    return data


def _add_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir",
        dest="data_dir",
        metavar="DIR",
        help="the data folder (default: MLPSTUDIO_DATA, else the user's cache folder)",
    )


def _directory(args):
    """--dir when given (an explicit option beats the environment), else :func:`data_dir`."""
    from pathlib import Path

    from ..data.store import data_dir

    explicit = getattr(args, "data_dir", None)
    return Path(explicit).expanduser() if explicit else data_dir()


def cmd_list(args) -> int:
    from ..data.store import list_status

    directory = _directory(args)
    print(f"Data folder: {directory}")
    for s in list_status(directory):
        print(f"  {s.name:<14} {s.summary()}")
    return EXIT_OK


def cmd_fetch(args) -> int:
    from ..data.store import fetch

    directory = _directory(args)
    names = SET_NAMES if args.name == "all" else (args.name,)
    for name in names:
        bar = _ProgressBars()
        try:
            result = fetch(name, mirror=args.mirror, progress=bar, directory=directory)
        finally:
            bar.close()
        print(f"{result.title}: {result.summary()}")
        for file in result.files:
            print(f"  {file.describe()}")
        if not result.ready:
            return EXIT_BAD_INPUT
    return EXIT_OK


def cmd_import(args) -> int:
    from ..data.store import import_folder

    report = import_folder(args.name, args.folder, directory=_directory(args))
    for line in report.lines():
        print(line)
    if not report.imported and not report.failed:
        title = image_set(args.name).title
        raise DataError(
            f"{args.folder} holds none of the {title} files (looked for "
            f"{', '.join(report.not_found)})."
        )
    return EXIT_OK if report.ok else EXIT_BAD_INPUT


def cmd_verify(args) -> int:
    from ..data.store import verify

    results = verify(args.name, directory=_directory(args))
    code = EXIT_OK
    for s in results:
        print(f"{s.title}: {s.summary()}")
        for file in s.files:
            if file.state != "missing":
                print(f"  {file.describe()}")
        if s.state == "corrupt" or (args.name and not s.ready):
            code = EXIT_BAD_INPUT
    return code


class _ProgressBars:
    """One tqdm bar per file on a terminal (stderr); silent when stderr is not a terminal, so
    logs and pipes get no control characters."""

    def __init__(self):
        self.enabled = sys.stderr is not None and sys.stderr.isatty()
        self.bar = None
        self.name = None

    def __call__(self, name: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if name != self.name:
            self.close()
            from tqdm import tqdm

            self.name = name
            self.bar = tqdm(
                total=total or None,
                desc=name,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                dynamic_ncols=True,
                file=sys.stderr,
            )
        self.bar.update(done - self.bar.n)  # tqdm redraws at most 10 times a second

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
            self.name = None
