"""The one boundary every file from outside passes through before it is parsed.

A file named by the user (a TOML experiment or lab, an ``.mlpx`` archive, a dataset file) or
found in a folder (a store's manifest) is untrusted input. Before anything else:

* :func:`check_regular` refuses anything but a regular file *before opening it*: a named pipe
  would block the open forever, ``/dev/zero`` would read until memory runs out (a symbolic
  link is followed, so a link to a device is refused too);
* :func:`read_capped` reads at most the cap of its kind (:data:`MAX_BYTES`, defined once
  here), checked against the size first and enforced while reading;
* :func:`check_text_depth` bounds the nesting of TOML and JSON with a cheap scan of the text
  *before* a recursive parser sees it, and :func:`check_data_depth` bounds the nesting of the
  parsed result (TOML dotted keys nest tables without brackets);
* :func:`loads_toml` and :func:`loads_json` put those together.

Every refusal is one :class:`UntrustedFileError` (a :class:`DataError`) whose message names
the file and says what is wrong. Callers in the experiment layer turn it into their own error
type. Declared shapes are checked against the memory budget in :mod:`mlpstudio.memory`.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .dataset import DataError

#: The most bytes read from each kind of file (one place for every cap).
MAX_BYTES = {
    "config": 1 << 20,  # a TOML experiment is a page of text
    "lab": 1 << 20,  # a lab: a page of text and a few goals
    "json": 4 << 20,  # experiment.json inside an .mlpx: a config and a few results
    "manifest": 1 << 20,  # a data store's record of checked files (a real one: 2 kB)
    "idx": 1 << 30,  # the largest official IDX file is 47 MB
    "cifar": 1 << 30,  # the largest official CIFAR binary file is 150 MB
    "csv": 90 * 10**6,  # a student's own table (data/tabular.py)
    "result": 1 << 20,  # a submitted lab result (experiment/board.py: a few kB, thinned history)
    "experiment": 16 << 30,  # an .mlpx; the declared architecture is checked against memory
}
#: The deepest nesting of arrays and tables accepted in TOML or JSON. Real files need 3.
MAX_DEPTH = 32

_WHAT = {
    "config": "an experiment file",
    "lab": "a lab file",
    "json": "a JSON file",
    "manifest": "a data store's manifest",
    "idx": "an IDX file",
    "cifar": "a CIFAR file",
    "csv": "a CSV file",
    "result": "a submitted result",
    "experiment": "an experiment file",
}


class UntrustedFileError(DataError):
    """A file refused at the boundary; the message names the file and the reason."""


def _name(path: Path) -> str:
    return str(path)


def check_regular(path: str | os.PathLike) -> int:
    """The size of ``path`` if it is a regular file (links followed); else refuse.

    Uses ``stat``, never ``open``: opening a FIFO blocks until a writer appears."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise UntrustedFileError(
            f"{_name(path)}: cannot be read ({exc.strerror or exc})."
        ) from None
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return info.st_size
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "not a regular file"
    raise UntrustedFileError(f"{_name(path)}: is {kind}, not a file; refused.")


def check_size(path: str | os.PathLike, size: int, kind: str) -> None:
    cap = MAX_BYTES[kind]
    if size > cap:
        raise UntrustedFileError(
            f"{_name(Path(path))}: {size:,} bytes is too large for {_WHAT[kind]} "
            f"(at most {cap:,}); refused."
        )


def open_regular(path: str | os.PathLike, kind: str):
    """A binary handle on a regular file within its kind's cap (checked before opening and
    again on the open handle, so a file swapped in between is caught)."""
    path = Path(path)
    check_size(path, check_regular(path), kind)
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except OSError as exc:
        raise UntrustedFileError(
            f"{_name(path)}: cannot be read ({exc.strerror or exc})."
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UntrustedFileError(f"{_name(path)}: is not a regular file; refused.")
        check_size(path, info.st_size, kind)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_capped(path: str | os.PathLike, kind: str) -> bytes:
    """All bytes of a regular file of at most ``MAX_BYTES[kind]`` (enforced while reading)."""
    path = Path(path)
    cap = MAX_BYTES[kind]
    with open_regular(path, kind) as handle:
        try:
            data = handle.read(cap + 1)
        except OSError as exc:
            raise UntrustedFileError(
                f"{_name(path)}: cannot be read ({exc.strerror or exc})."
            ) from None
    check_size(path, len(data), kind)
    return data


_SPECIAL = {"toml": re.compile(r"[\[\]{}\"'#]"), "json": re.compile(r'[\[\]{}"]')}


def check_text_depth(text: str, source: str, syntax: str = "toml") -> None:
    """Refuse TOML or JSON text whose arrays and tables nest deeper than :data:`MAX_DEPTH`.

    One linear pass that jumps from one bracket or quote to the next and skips strings (and
    TOML comments), so brackets inside text do not count. Run it before ``tomllib``/``json``,
    whose recursive parsers would otherwise raise RecursionError."""
    toml = syntax == "toml"
    special = _SPECIAL["toml" if toml else "json"]
    depth, n = 0, len(text)
    match = special.search(text)
    while match:
        i = match.start()
        c = text[i]
        if c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                _too_deep(source)
            i += 1
        elif c in "]}":
            depth = max(0, depth - 1)
            i += 1
        elif c == "#":  # a TOML comment, to the end of the line
            newline = text.find("\n", i)
            i = n if newline < 0 else newline + 1
        else:
            i = _string_end(text, i, toml)
            if i < 0:
                return  # an unterminated string: the parser reports it
        match = special.search(text, i)


def _string_end(text: str, i: int, toml: bool) -> int:
    """The index after the string that starts at ``text[i]`` (a quote), or -1 if it never
    ends. TOML: basic "...", literal '...', and their triple-quoted multi-line forms."""
    quote = text[i]
    triple = toml and text.startswith(quote * 3, i)
    if triple:
        end = i + 3
        while True:
            end = text.find(quote * 3, end)
            if end < 0:
                return -1
            if quote == '"' and _escaped(text, end):
                end += 1
                continue
            end += 3
            while end < len(text) and text[end] == quote:  # up to two quotes end the content
                end += 1
            return end
    end = i + 1
    while True:
        end = text.find(quote, end)
        if toml:
            newline = text.find("\n", i + 1)
            if newline >= 0 and (end < 0 or newline < end):
                return newline + 1  # single-line strings end at the line: the parser complains
        if end < 0:
            return -1
        if quote == '"' and _escaped(text, end):
            end += 1
            continue
        return end + 1


def _escaped(text: str, at: int) -> bool:
    backslashes = 0
    j = at - 1
    while j >= 0 and text[j] == "\\":
        backslashes += 1
        j -= 1
    return backslashes % 2 == 1


def _too_deep(source: str) -> None:
    raise UntrustedFileError(
        f"{source}: arrays or tables are nested more than {MAX_DEPTH} levels deep; refused."
    )


def check_data_depth(value, source: str) -> None:
    """Refuse parsed data nested deeper than :data:`MAX_DEPTH` (iterative: no recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[Any]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth >= MAX_DEPTH:
            _too_deep(source)
        stack.extend((child, depth + 1) for child in children)


def loads_toml(text: str, source: str) -> dict:
    """Parse TOML text after the depth checks; ``tomllib.TOMLDecodeError`` passes through."""
    check_text_depth(text, source, "toml")
    try:
        data = tomllib.loads(text)
    except RecursionError:  # a last line of defence; the scan should have caught it
        _too_deep(source)
    except tomllib.TOMLDecodeError:
        raise
    except ValueError:  # an integer of more digits than Python converts (4300)
        raise UntrustedFileError(f"{source}: holds a number too long to read; refused.") from None
    check_data_depth(data, source)
    return data


class _DuplicateKey(Exception):
    """A JSON object naming one key twice (json.loads would keep the last one silently)."""


def _unique_keys(pairs: list) -> dict:
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return value


def loads_json(data: bytes | str, source: str):
    """Parse JSON after the depth check; a refusal or invalid JSON is an UntrustedFileError."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise UntrustedFileError(f"{source}: is not UTF-8 text.") from None
    check_text_depth(text, source, "json")
    try:
        value = json.loads(text, object_pairs_hook=_unique_keys)
    except RecursionError:
        _too_deep(source)
    except _DuplicateKey as exc:
        raise UntrustedFileError(
            f"{source}: the key {exc.args[0]!r} appears twice in one object (which of them "
            "counts is not defined); refused."
        ) from None
    except ValueError as exc:
        raise UntrustedFileError(f"{source}: is not valid JSON ({exc}).") from None
    check_data_depth(value, source)
    return value


def read_toml_file(path: str | os.PathLike, kind: str) -> dict:
    """A TOML file of ``kind`` as a dict; every problem is one :class:`UntrustedFileError`."""
    path = Path(path)
    raw = read_capped(path, kind)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UntrustedFileError(f"{_name(path)}: is not a UTF-8 text file.") from None
    try:
        return loads_toml(text, _name(path))
    except tomllib.TOMLDecodeError as exc:
        raise UntrustedFileError(f"{_name(path)}: not valid TOML ({exc}).") from None


def read_json_file(path: str | os.PathLike, kind: str = "json"):
    """A JSON file of ``kind``, checked like :func:`read_toml_file`."""
    path = Path(path)
    return loads_json(read_capped(path, kind), _name(path))
