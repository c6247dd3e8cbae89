"""Submitted results and the teacher's class board: a shared folder, no server.

"Submit result" writes one small JSON file into the lab's results folder (a shared drive)::

    {"format": "mlpstudio-result", "version": 1, "lab": "<16 hex: the lab's id>",
     "lab_title": "...", "student": "Ana", "submitted": "2026-12-04T16:00:00Z",
     "task": "regression", "params": 31, "train_error": 0.004, "test_error": 0.006,
     "results": {...}, "config": {...}, "history": {"epoch": [...], ...},
     "signature": "<64 hex>"}

The errors are what the comparison plot shows: the MSE for regression, 1 - accuracy for
classes. The history is thinned to at most :data:`MAX_HISTORY` points, so a file stays a few
kilobytes. It is written through :mod:`mlpstudio.atomic` (a reader never sees half a file).

**The signature** is HMAC-SHA256 over the canonical JSON of every other field, keyed by a hash
of the lab's exact text (:func:`lab_key`). It tells the board that a file was written by MLP
Studio for *this* lab and not edited since: a result for another lab, a hand-edited error or
a file from elsewhere is refused. Every student holds the lab, so it cannot stop a student who
reads this code from forging a result; nothing without a server could.

**The board** (:func:`read_board`) lists the folder and reads each file through the
untrusted-file boundary: only ``*.json`` regular files (no links, pipes or devices), sizes
checked with ``stat`` before a byte is read (:data:`MAX_BYTES["result"]`), nesting bounded,
no pickle, every field's type and range checked, the signature verified. Anything else is
skipped with a one-line note naming the file; MLP Studio's own temporaries (``.*.part``) and
hidden files are in-progress writes or a file manager's, and are passed over silently.
:class:`BoardReader` keeps what it read by (name, size, modification time), so a live refresh
re-reads only new or changed files.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
import math
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import atomic_write_text
from ..data.dataset import DataError
from ..data.untrusted import MAX_BYTES, check_size, loads_json, read_capped
from ..i18n import QT_TRANSLATE_NOOP, translate
from .config import ConfigError, config_from_dict
from .labs import Lab

FORMAT, VERSION = "mlpstudio-result", 1
#: The most history points kept in a submitted result.
MAX_HISTORY = 400
#: The most entries of a results folder looked at (a folder of a whole school is ~1,000).
MAX_FILES = 5000
MAX_NAME_CHARS = 80
#: The largest count (parameters, epochs) a result may state: the largest integer a float
#: holds exactly, beyond which the plot and the table could not show it.
MAX_COUNT = 2**53
_HISTORY_COLUMNS = ("epoch", "train_loss", "test_loss", "train_metric", "test_metric")
_FIELDS = {
    "format": str, "version": int, "lab": str, "lab_title": str, "student": str,
    "submitted": str, "task": str, "params": int, "train_error": float,
    "test_error": float, "results": dict, "config": dict, "history": dict, "signature": str,
}  # fmt: skip
_HEX = re.compile(r"^[0-9a-f]+$")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


class ResultError(DataError):
    """A result that cannot be submitted or read; the message says why in one paragraph."""


# -- keys and signatures ----------------------------------------------------------------------
def lab_id(lab: Lab) -> str:
    """16 hex digits naming the lab's exact text (a changed lab is another lab)."""
    return hashlib.sha256(lab.text.encode("utf-8")).hexdigest()[:16]


def lab_key(lab: Lab) -> bytes:
    return hashlib.sha256(b"mlpstudio-lab-result-key\0" + lab.text.encode("utf-8")).digest()


def canonical(body: dict) -> bytes:
    return json.dumps(
        body, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    ).encode("ascii")


def sign(body: dict, lab: Lab) -> str:
    unsigned = {k: v for k, v in body.items() if k != "signature"}
    return hmac.new(lab_key(lab), canonical(unsigned), hashlib.sha256).hexdigest()


def verify(body: dict, lab: Lab) -> bool:
    given = body.get("signature")
    return isinstance(given, str) and hmac.compare_digest(given, sign(body, lab))


# -- submitting -------------------------------------------------------------------------------
def _unprintable(name: str) -> bool:
    """Characters a name must not hold: control characters (terminal escapes), format
    characters (right-to-left overrides, invisible marks) and lone surrogates (bytes of a
    name that was not UTF-8), which a terminal or a file could not show as typed."""
    return any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") for c in name)


def check_student(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise ResultError(translate("Board", "Write your name before submitting."))
    if len(name) > MAX_NAME_CHARS or any(ord(c) < 32 for c in name):
        raise ResultError(
            translate("Board", "A name of at most {n} characters on one line, please.").format(
                n=MAX_NAME_CHARS
            )
        )
    if _unprintable(name):
        raise ResultError(
            translate(
                "Board",
                "The name holds characters that cannot be shown as typed (control or "
                "text-direction characters, or bytes that are not UTF-8); type it with letters, "
                "digits and punctuation only.",
            )
        )
    return name


_NOTHING_YET = QT_TRANSLATE_NOOP(
    "Board", "There is no result to submit yet: train the network first."
)


def errors_of(results: dict) -> tuple[str, float, float]:
    """(task, train error, test error) from ``controller.results()``/``train --json`` keys: the
    MSE for regression, 1 - accuracy for classes (the comparison plot's errors). An untrained
    network (0 epochs) has nothing to submit."""
    epochs = results.get("epochs", 1)
    if not isinstance(epochs, int | float) or not epochs >= 1:
        raise ResultError(translate("Board", _NOTHING_YET))
    if "test_accuracy" in results:
        task = "classification"
        train, test = 1 - _finite(results, "train_accuracy"), 1 - _finite(results, "test_accuracy")
    else:
        task = "regression"
        train, test = _finite(results, "train_loss"), _finite(results, "test_loss")
    return task, train, test


def _finite(results: dict, key: str) -> float:
    value = results.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ResultError(translate("Board", _NOTHING_YET))
    return float(value)


def thin_history(history: dict, limit: int = MAX_HISTORY) -> dict[str, list[float]]:
    """The history's columns at most ``limit`` points each (evenly spaced, the last kept)."""
    columns = {c: [float(v) for v in history[c]] for c in _HISTORY_COLUMNS if c in history}
    n = min((len(v) for v in columns.values()), default=0)
    if n > limit:
        keep = sorted({round(i * (n - 1) / (limit - 1)) for i in range(limit)})
    else:
        keep = list(range(n))
    return {c: [v[i] if math.isfinite(v[i]) else None for i in keep] for c, v in columns.items()}


def make_result(lab: Lab, student: str, config, results: dict, history: dict, now=None) -> dict:
    """The signed result (a dict ready for JSON)."""
    task, train, test = errors_of(results)
    params = results.get("params")
    if isinstance(params, bool) or not isinstance(params, int) or params < 0:
        raise ResultError(translate("Board", "There is no network to submit yet."))
    figures = {
        k: float(v)
        for k, v in results.items()
        if isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
    }
    when = (now or _dt.datetime.now(_dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = {
        "format": FORMAT, "version": VERSION, "lab": lab_id(lab),
        "lab_title": lab.title_in(lab.language), "student": check_student(student),
        "submitted": when, "task": task, "params": params, "train_error": train,
        "test_error": test, "results": figures, "config": config.to_dict(),
        "history": thin_history(history),
    }  # fmt: skip
    body = json.loads(canonical(body))  # exactly what a reader will parse
    body["signature"] = sign(body, lab)
    return body


def result_name(body: dict) -> str:
    """A file name that never collides: student, time and part of the signature."""
    plain = unicodedata.normalize("NFKD", body["student"]).encode("ascii", "ignore").decode()
    student = _UNSAFE.sub("-", plain).strip("-")[:40] or "student"
    stamp = body["submitted"].replace(":", "").replace("-", "")
    return f"{student}-{stamp}-{body['signature'][:8]}.json"


def submit(lab: Lab, folder: str | os.PathLike, body: dict) -> Path:
    """Write ``body`` into ``folder`` (it must exist: a shared drive is not created here)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ResultError(
            translate("Board", "{folder}: the results folder does not exist or cannot be reached.")
            .format(folder=folder)
        )  # fmt: skip
    text = json.dumps(body, ensure_ascii=False, allow_nan=False, indent=1)
    if len(text.encode("utf-8")) > MAX_BYTES["result"]:
        raise ResultError(translate("Board", "The result is too large to submit."))
    try:
        return atomic_write_text(folder / result_name(body), text)
    except OSError as exc:
        raise ResultError(
            translate("Board", "{folder}: cannot write there ({reason}).").format(
                folder=folder, reason=exc.strerror or exc
            )
        ) from None


# -- reading the board ------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One submitted result the board accepted."""

    file: str
    student: str
    submitted: str
    task: str
    params: int
    train_error: float
    test_error: float
    architecture: str
    epochs: int | None


@dataclass
class Board:
    entries: list[Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one line per skipped file

    def best(self, n: int | None = None) -> list[Entry]:
        """The best fits: lowest test error first, fewer parameters on a tie."""
        ranked = sorted(self.entries, key=lambda e: (e.test_error, e.params, e.student))
        return ranked if n is None else ranked[:n]


def _note(template: str, **values) -> str:
    if "file" in values and _unprintable(values["file"]):  # a name made to move the cursor
        values["file"] = ascii(values["file"])[1:-1]
    return translate("Board", template).format(**values)


_NOT_JSON = QT_TRANSLATE_NOOP("Board", "{file}: not a result file (.json); skipped.")
_NOT_FILE = QT_TRANSLATE_NOOP(
    "Board", "{file}: not a plain file (a link, folder or device); skipped."
)
_TOO_BIG = QT_TRANSLATE_NOOP("Board", "{file}: {size} bytes is too large for a result; skipped.")
_UNREADABLE = QT_TRANSLATE_NOOP("Board", "{file}: cannot be read ({reason}); skipped.")
_FOREIGN = QT_TRANSLATE_NOOP("Board", "{file}: not an MLP Studio result ({reason}); skipped.")
_OTHER_LAB = QT_TRANSLATE_NOOP("Board", "{file}: a result for another lab; skipped.")
_BAD_SIGNATURE = QT_TRANSLATE_NOOP(
    "Board", "{file}: the signature does not match (edited after it was submitted); skipped."
)
_TOO_MANY = QT_TRANSLATE_NOOP("Board", "Only the first {n} files of the folder were read.")


def check_result(body: Any, lab: Lab) -> Entry | str:
    """The :class:`Entry` of a parsed result, or why it is refused (a note's reason key:
    ``"other lab"``, ``"signature"`` or a short English description)."""
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        return "no 'format': 'mlpstudio-result'"
    if body.get("version") != VERSION:
        return f"version {body.get('version')!r}"
    for key, kind in _FIELDS.items():
        value = body.get(key)
        ok = isinstance(value, kind) and not isinstance(value, bool)
        if kind is float:
            number = _number(value)
            ok = number is not None and math.isfinite(number) and number >= 0
        elif kind is int:
            ok = ok and abs(value) <= MAX_COUNT
        if not ok:
            return f"field {key!r}"
    if set(body) - set(_FIELDS):
        return f"unknown field {sorted(set(body) - set(_FIELDS))[0]!r}"
    if not _HEX.match(body["signature"]) or len(body["signature"]) != 64:
        return "field 'signature'"
    if body["lab"] != lab_id(lab):
        return "other lab"
    if not verify(body, lab):
        return "signature"
    if body["params"] < 0 or body["task"] not in ("regression", "classification"):
        return "field 'params' or 'task'"
    if _unprintable(body["student"]):
        return "field 'student'"  # a name no submission writes: escapes for the terminal
    try:
        config = config_from_dict(body["config"])
    except (ConfigError, TypeError, ValueError):
        return "field 'config'"
    epochs = _number(body["results"].get("epochs"))
    return Entry(
        file="",
        student=" ".join(body["student"].split())[:MAX_NAME_CHARS] or "?",
        submitted=body["submitted"],
        task=body["task"],
        params=body["params"],
        train_error=float(body["train_error"]),
        test_error=float(body["test_error"]),
        architecture="-".join(str(n) for n in config.model.hidden) or "0",
        epochs=int(epochs) if epochs is not None and 0 <= epochs <= MAX_COUNT else None,
    )


def _number(value: Any) -> float | None:
    """``value`` as a float, or None when it is not a number or too large for one (a JSON
    integer has any number of digits)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return float(value)
    except OverflowError:
        return None


class BoardReader:
    """Reads a results folder for one lab; call :meth:`read` again to refresh."""

    def __init__(self, lab: Lab, folder: str | os.PathLike):
        self.lab, self.folder = lab, Path(folder)
        self._cache: dict[str, tuple[tuple[int, int], Entry | str]] = {}

    def read(self) -> Board:
        board = Board()
        try:
            with os.scandir(self.folder) as listing:
                names = []
                for i, item in enumerate(listing):
                    if i >= MAX_FILES:
                        board.notes.append(_note(_TOO_MANY, n=MAX_FILES))
                        break
                    names.append(item.name)
        except OSError as exc:
            raise ResultError(
                translate("Board", "{folder}: the results folder cannot be read ({reason}).")
                .format(folder=self.folder, reason=exc.strerror or exc)
            ) from None  # fmt: skip
        seen = set()
        for name in sorted(names):
            if name.startswith("."):
                continue  # our own temporaries (a write in progress), a file manager's files
            outcome = self._read_one(name)
            seen.add(name)
            if isinstance(outcome, Entry):
                board.entries.append(outcome)
            elif outcome:
                board.notes.append(outcome)
        for gone in set(self._cache) - seen:
            del self._cache[gone]
        return board

    def _read_one(self, name: str) -> Entry | str:
        path = self.folder / name
        try:
            info = os.lstat(path)
        except OSError as exc:
            return _note(_UNREADABLE, file=name, reason=exc.strerror or exc)
        if not stat.S_ISREG(info.st_mode):
            return "" if stat.S_ISDIR(info.st_mode) else _note(_NOT_FILE, file=name)
        if not name.lower().endswith(".json"):
            return _note(_NOT_JSON, file=name)
        stamp = (info.st_size, info.st_mtime_ns)
        cached = self._cache.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        outcome = self._parse(path, info.st_size)
        self._cache[name] = (stamp, outcome)
        return outcome

    def _parse(self, path: Path, size: int) -> Entry | str:
        name = path.name
        try:
            check_size(path, size, "result")
        except DataError:
            return _note(_TOO_BIG, file=name, size=f"{size:,}")
        try:
            body = loads_json(read_capped(path, "result"), name)
        except DataError as exc:
            reason = str(exc).removeprefix(f"{name}: ").rstrip(".")
            return _note(_FOREIGN, file=name, reason=reason)
        checked = check_result(body, self.lab)
        if isinstance(checked, Entry):
            return Entry(**{**checked.__dict__, "file": name})
        if checked == "other lab":
            return _note(_OTHER_LAB, file=name)
        if checked == "signature":
            return _note(_BAD_SIGNATURE, file=name)
        return _note(_FOREIGN, file=name, reason=checked)


def read_board(lab: Lab, folder: str | os.PathLike) -> Board:
    return BoardReader(lab, folder).read()
