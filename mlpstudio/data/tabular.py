"""Students' own data: a CSV file read into a dataset.

Files come from spreadsheets on every kind of machine, so the reader detects what it can:

* the encoding: UTF-8 (with or without a byte-order mark), else Windows-1252/Latin-1, the
  encodings of older Spanish spreadsheets;
* the separator (``,``, ``;``, tab or ``|``) from the first lines, and the decimal mark: ``;``
  or tab with ``1,5``-style numbers means decimal comma (Spanish spreadsheet exports);
* a header row (any non-numeric cell in the first row), quoted fields and CRLF line ends.

The parser is numpy's C ``loadtxt`` for the numeric columns (10^6 rows x 10 columns in about a
second, with no copy of the text per cell), and Python's ``csv`` module only for a text target
column and for finding the exact line and column of a bad cell when ``loadtxt`` refuses one.
pandas would do the same but is a large dependency for one reader.

Every refusal is a :class:`DataError` naming the file, and the line and column where relevant.
"""

from __future__ import annotations

import codecs
import csv
import functools
import os
import re
import stat
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, translate
from .dataset import MAX_MAGNITUDE, DataError
from .untrusted import MAX_BYTES

#: Largest CSV file read (bytes); a 100 MB file is refused before it is read.
CSV_MAX_BYTES = MAX_BYTES["csv"]
DELIMITERS = (",", ";", "\t", "|")
DECIMALS = (".", ",")
CSV_TASKS = ("auto", "regression", "classification")
#: An integer target with at most this many distinct values is taken as class labels.
MAX_INTEGER_CLASSES = 20
#: The most classes a target column may have (as many as CIFAR-100): a column of names or ids
#: would otherwise make one output per row, and one-hot arrays of rows x classes.
MAX_CSV_CLASSES = 100
SAMPLE_LINES = 50
#: Characters of a file checked at a time for rows wider than the header.
CHECK_BLOCK_CHARS = 1 << 20
_NUMBER = re.compile(r"^\s*[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?\s*$")
_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d*,\d+([eE][-+]?\d+)?\s*$")


@dataclass(frozen=True)
class Table:
    """A CSV file's columns: inputs as float64 rows, and the target."""

    path: str
    columns: tuple[str, ...]  # every column name, in file order
    inputs: tuple[str, ...]  # the input column names, in order
    target: str
    x: np.ndarray  # (rows, inputs) float64
    y: np.ndarray  # (rows, 1) float64 for regression; (rows,) int64 class indices
    task: str  # regression | classification
    class_names: tuple[str, ...]
    delimiter: str
    decimal: str
    encoding: str


def inspect_csv(path: str | Path) -> tuple[str, str]:
    """The file's encoding and its first lines, after the checks every file gets before it
    is read: a regular file, within the size cap, not binary. The whole file is decoded once,
    a chunk at a time, so that a Latin-1 byte anywhere is seen without holding the text."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise DataError(
            translate("Tabular", "{path}: the file cannot be read ({why}).").format(
                path=path, why=exc.strerror
            )
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise DataError(translate("Tabular", "{path}: not a regular file.").format(path=path))
    if info.st_size > CSV_MAX_BYTES:
        raise DataError(
            translate(
                "Tabular",
                "{path}: the file has {size} MB; MLP Studio reads CSV files up to {cap} MB. "
                "Use a sample of the rows.",
            ).format(path=path, size=round(info.st_size / 1e6, 1), cap=CSV_MAX_BYTES // 10**6)
        )
    try:
        return _decode_head(path)
    except OSError as exc:  # a device or a drive that fails while it is read
        raise _unreadable(path, exc) from None


def _unreadable(path, exc: OSError) -> DataError:
    return DataError(
        translate("Tabular", "{path}: the file cannot be read ({why}).").format(
            path=path, why=exc.strerror or exc
        )
    )


def _decode_head(path: Path) -> tuple[str, str]:
    with open(path, "rb") as handle:
        head = handle.read(1 << 20)
        if b"\x00" in head[:65536]:
            raise DataError(
                translate("Tabular", "{path}: this is a binary file, not a CSV text file.").format(
                    path=path
                )
            )
        encoding = "utf-8-sig"
        decoder = codecs.getincrementaldecoder(encoding)()
        chunk, budget = head, CSV_MAX_BYTES
        try:
            while chunk and budget > 0:
                decoder.decode(chunk)
                budget -= len(chunk)
                chunk = handle.read(1 << 20)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            encoding = "cp1252"
            try:
                head.decode(encoding)
            except UnicodeDecodeError:
                encoding = "latin-1"
    text = head.decode(encoding, errors="ignore")  # a character cut at 1 MiB is dropped
    return encoding, text


def _rows(lines: list[str], delimiter: str) -> list[list[str]]:
    return list(csv.reader(lines, delimiter=delimiter, quotechar='"'))


def detect_dialect(lines: list[str]) -> tuple[str, str]:
    """(delimiter, decimal mark) from the first lines of a file."""
    sample = [line for line in lines[:SAMPLE_LINES] if line.strip()]
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        counts = [len(r) for r in _rows(sample, delimiter)]
        if not counts or max(counts) < 2:
            continue
        mode = max(set(counts), key=counts.count)
        score = (counts.count(mode) / len(counts), mode)
        if score > best_score:
            best, best_score = delimiter, score
    decimal = "."
    if best != ",":
        cells = [c for r in _rows(sample[1:], best) for c in r]
        if any(_DECIMAL_COMMA.match(c) for c in cells):
            decimal = ","
    return best, decimal


def _is_number(cell: str) -> bool:
    return bool(_NUMBER.match(cell))


def _mostly_numbers(cells: list[str]) -> bool:
    """A numeric column: at least half of its (sampled, non-empty) cells are numbers, so that
    a stray text cell is reported as a bad number, not taken for a column of labels."""
    filled = [c for c in cells if c.strip()]
    return bool(filled) and 2 * sum(_is_number(c) for c in filled) >= len(filled)


#: The refusals of a column that is not there, by role (whole sentences, so that each one
#: translates as a whole): (a number beyond the columns, a name the header lacks).
_NO_COLUMN = {
    "target": (
        QT_TRANSLATE_NOOP(
            "Tabular", "{path}: target column {spec} does not exist; the file has {n} columns."
        ),
        QT_TRANSLATE_NOOP(
            "Tabular",
            '{path}: there is no target column called "{spec}"; the columns are: {names}.',
        ),
    ),
    "input": (
        QT_TRANSLATE_NOOP(
            "Tabular", "{path}: input column {spec} does not exist; the file has {n} columns."
        ),
        QT_TRANSLATE_NOOP(
            "Tabular", '{path}: there is no input column called "{spec}"; the columns are: {names}.'
        ),
    ),
}


def _column_index(spec, columns: tuple[str, ...], what: str, path) -> int:
    """A column given by name or 1-based index; ``what`` is "target" or "input"."""
    by_number, by_name = _NO_COLUMN[what]
    if isinstance(spec, int) or (isinstance(spec, str) and spec.strip().isdigit()):
        index = int(spec) - 1
        if 0 <= index < len(columns):
            return index
        raise DataError(
            translate("Tabular", by_number).format(path=path, spec=spec, n=len(columns))
        )
    if spec in columns:
        return columns.index(spec)
    raise DataError(
        translate("Tabular", by_name).format(path=path, spec=spec, names=", ".join(columns))
    )


def _refusals(function):
    """Every refusal of ``function(path, ...)`` as a :class:`DataError`: the csv module's own
    (a field over its size limit) and a read that fails halfway (a device, a lost drive)."""

    @functools.wraps(function)
    def wrapped(path, *args, **kwargs):
        try:
            return function(path, *args, **kwargs)
        except csv.Error as exc:
            raise DataError(
                translate(
                    "Tabular", "{path}: the file is not a table this reader can use ({why})."
                ).format(path=path, why=exc)
            ) from None
        except OSError as exc:
            raise _unreadable(path, exc) from None

    return wrapped


def _layout(path, head_lines: list[str], delimiter: str, decimal: str):
    """The table the first lines describe: (column names, the line where data starts, the
    sampled data rows, whether each column is mostly numbers). Refuses, with the reader's
    words, what no dataset can come from: an empty file, a header without data rows, one
    column, twice the same name, the same separator and decimal mark. The one check of both
    :func:`read_table` and :func:`preview_csv` (the import dialog)."""
    if delimiter == decimal:
        raise DataError(
            translate(
                "Tabular", '{path}: the separator and the decimal mark cannot both be "{c}".'
            ).format(path=path, c=delimiter)
        )
    first_content = next((i for i, line in enumerate(head_lines) if line.strip()), None)
    if first_content is None:
        raise DataError(translate("Tabular", "{path}: the file is empty.").format(path=path))
    first = _rows([head_lines[first_content]], delimiter)[0]
    has_header = not all(_is_number(c) for c in first)
    if has_header:
        columns = tuple(c.strip() or f"column {i + 1}" for i, c in enumerate(first))
        seen: dict[str, int] = {}
        for i, name in enumerate(columns):
            if name in seen:
                raise DataError(
                    translate(
                        "Tabular", '{path}: columns {a} and {b} have the same name "{name}".'
                    ).format(path=path, a=seen[name] + 1, b=i + 1, name=name)
                )
            seen[name] = i
        data_start = first_content + 1
    else:
        columns = tuple(f"column {i + 1}" for i in range(len(first)))
        data_start = first_content
    if len(columns) < 2:
        raise DataError(
            translate(
                "Tabular",
                '{path}: only one column was found (separator "{sep}"); a dataset needs inputs '
                "and a target.",
            ).format(path=path, sep=delimiter)
        )
    sample = _rows([ln for ln in head_lines[data_start:] if ln.strip()], delimiter)
    if not sample:
        raise DataError(
            translate("Tabular", "{path}: the file has a header but no data rows.").format(
                path=path
            )
        )
    numeric = [_mostly_numbers([r[j] for r in sample if j < len(r)]) for j in range(len(columns))]
    return columns, data_start, sample, numeric


@_refusals
def read_table(path: str | Path, *args, **kwargs) -> Table:
    """Read a CSV file (see :func:`_read_table` for the arguments)."""
    return _read_table(path, *args, **kwargs)


def _read_table(
    path: str | Path,
    target=None,
    inputs=None,
    delimiter: str = "",
    decimal: str = "",
    task: str = "auto",
) -> Table:
    """Read a CSV file; ``target`` is a column name or 1-based index (default: the last
    column), ``inputs`` a list of them (default: every other numeric column). Empty
    ``delimiter``/``decimal`` mean detect."""
    if task not in CSV_TASKS:
        raise DataError(f"data.task must be one of {', '.join(CSV_TASKS)}, not {task!r}")
    encoding, head_text = inspect_csv(path)
    head_lines = head_text.splitlines()[: SAMPLE_LINES + 1]
    if not delimiter or not decimal:
        found_delimiter, found_decimal = detect_dialect(head_lines)
        delimiter = delimiter or found_delimiter
        decimal = decimal or found_decimal
    columns, data_start, sample, numeric = _layout(path, head_lines, delimiter, decimal)
    t = _column_index(target if target not in (None, "") else len(columns), columns, "target", path)
    if inputs:
        chosen = [_column_index(spec, columns, "input", path) for spec in inputs]
        twice = next((j for i, j in enumerate(chosen) if j in chosen[:i]), None)
        if twice is not None:
            raise DataError(
                translate(
                    "Tabular", '{path}: the input column "{name}" is chosen more than once.'
                ).format(path=path, name=columns[twice])
            )
        if t in chosen:
            raise DataError(
                translate(
                    "Tabular", '{path}: the column "{name}" cannot be both an input and the target.'
                ).format(path=path, name=columns[t])
            )
        for j in chosen:
            if not numeric[j]:
                raise DataError(
                    translate(
                        "Tabular",
                        '{path}: the input column "{name}" holds text; inputs must be numbers.',
                    ).format(path=path, name=columns[j])
                )
    else:
        chosen = [j for j in range(len(columns)) if j != t and numeric[j]]
        if not chosen:
            raise DataError(
                translate("Tabular", "{path}: no numeric input column was found.").format(path=path)
            )

    def table(x, y, kind, class_names) -> Table:
        inputs_ = tuple(columns[j] for j in chosen)
        return Table(str(path), columns, inputs_, columns[t], x, y, kind, class_names,
                     delimiter, decimal, encoding)  # fmt: skip

    source = _Source(path, encoding, columns, delimiter, decimal, data_start)
    regression = task == "regression" or (task == "auto" and numeric[t])
    values = source.numbers(chosen + [t] if regression else chosen)  # one pass over the file
    x = values[:, : len(chosen)]
    if len(x) < 2:
        raise DataError(
            translate(
                "Tabular", "{path}: the file has one data row; training needs at least two."
            ).format(path=path)
        )
    if regression:
        y_values = values[:, -1]
        distinct = _few_integers(y_values) if task == "auto" else None
        if distinct is None:
            return table(x, y_values[:, None], "regression", ())
        # class indices straight from the numbers (no text per row): 0, 1, ... in order
        names = tuple(str(int(v)) for v in distinct)
        y = np.searchsorted(distinct, y_values).astype(np.int64)
    else:
        names, y = source.text_classes(t, columns[t])
    if len(names) < 2:
        raise DataError(
            translate(
                "Tabular",
                '{path}: the target "{name}" has a single class; classification needs two or more.',
            ).format(path=path, name=columns[t])
        )
    return table(x, y, "classification", names)


def _few_integers(values: np.ndarray, block: int = 1 << 20) -> np.ndarray | None:
    """The sorted distinct values of a column of whole numbers with at most
    :data:`MAX_INTEGER_CLASSES` of them, else None; a block at a time, so that no copy of a
    long column is made."""
    distinct: set[float] = set()
    for start in range(0, len(values), block):
        part = values[start : start + block]
        if not np.all(part == np.round(part)):
            return None
        distinct.update(np.unique(part).tolist())
        if len(distinct) > MAX_INTEGER_CLASSES:
            return None
    return np.array(sorted(distinct))


def _shown(cell: str) -> str:
    """A cell as a message shows it: control characters (terminal escapes) escaped."""
    return cell if cell.isprintable() else cell.encode("unicode_escape").decode("ascii")


def _natural_key(name: str):
    try:
        return (0, float(name), name)
    except ValueError:
        return (1, 0.0, name)


class _Source:
    """The data rows of one file, read from disk line by line: numbers through numpy's C
    parser, text cells and error reports through the csv module."""

    def __init__(self, path, encoding, columns, delimiter, decimal, data_start):
        self.path, self.encoding, self.columns = path, encoding, columns
        self.delimiter, self.decimal, self.data_start = delimiter, decimal, data_start

    def _lines(self):
        with open(self.path, encoding=self.encoding, newline="") as handle:
            for _ in range(self.data_start):
                next(handle, None)
            yield from handle

    def _rows(self):
        """(file line number, fields) of every non-blank data row."""
        reader = csv.reader(self._lines(), delimiter=self.delimiter, quotechar='"')
        for fields in reader:
            if fields and any(f.strip() for f in fields):
                yield self.data_start + reader.line_num, fields

    def _check_rows(self) -> None:
        """Refuse a row with more fields than the header (which ``loadtxt`` would cut short
        without a word) and a quote that is never closed (which would swallow the rest of the
        file into one cell). A block of text at a time: the separators of every line counted
        by C string methods, and only a block with a quote or a line with too many separators
        (or lines ended by a lone CR) looked at line by line."""
        limit, delimiter = len(self.columns) - 1, self.delimiter  # separators a row may hold
        line_no, opened = self.data_start, 0  # opened: the line of a quote still open
        with open(self.path, encoding=self.encoding, newline="") as handle:
            for _ in range(self.data_start):
                next(handle, None)
            rest = ""
            while True:
                chunk = handle.read(CHECK_BLOCK_CHARS)
                text = rest + chunk
                # a block ends after a line end: a CRLF is never split (a CR at the end waits
                # for the next block), a CR alone ends lines too (old Macs)
                search = text[:-1] if chunk and text.endswith("\r") else text
                cut = (search.rfind("\n") + 1 or search.rfind("\r") + 1) if chunk else len(text)
                if cut == 0 and chunk:  # one line longer than a block: read on
                    rest = text
                    continue
                block, rest = text[:cut], text[cut:]
                lines = block.split("\n")
                if (
                    opened
                    or '"' in block
                    or block.count("\r") != block.count("\r\n")  # lines ended by CR alone
                    or max(map(str.count, lines, repeat(delimiter))) > limit
                ):
                    lines = block.splitlines()
                    for line in lines:
                        line_no += 1
                        if opened or line.count(delimiter) > limit or '"' in line:
                            opened = self._look_closely(line, line_no, opened)
                else:
                    line_no += block.count("\n")
                if not chunk:
                    break
        if opened:
            raise DataError(
                translate(
                    "Tabular",
                    '{path}, line {line}: a quote (") opens a field that is never closed; the '
                    "rest of the file would be read as one cell. Close or remove the quote.",
                ).format(path=self.path, line=opened)
            )

    def _look_closely(self, line: str, line_no: int, opened: int) -> int:
        """Check a line with a quote or many separators; returns the line of a quote still
        open after it (0: none)."""
        limit, delimiter = len(self.columns) - 1, self.delimiter
        quotes = line.count('"')
        if opened or quotes % 2:
            if quotes % 2:
                opened = 0 if opened else line_no
        elif quotes:
            fields = next(csv.reader([line], delimiter=delimiter), [])
            if len(fields) > limit + 1:
                self._check_width(line_no, fields)
        else:
            self._check_width(line_no, line.split(delimiter))
        return opened

    def numbers(self, cols) -> np.ndarray:
        self._check_rows()
        if self.decimal == ",":
            source = (line.replace(",", ".") for line in self._lines())
        else:
            source = self._lines()
        try:
            values = np.loadtxt(
                source, delimiter=self.delimiter, quotechar='"', usecols=cols,
                dtype=np.float64, ndmin=2, comments=None,
            )  # fmt: skip
        except ValueError:
            self._raise_bad_cell(cols)
            raise  # pragma: no cover (the scan always finds the cell)
        if not np.all(np.isfinite(values)):
            row, col = np.argwhere(~np.isfinite(values))[0]
            line = next(n for i, (n, _) in enumerate(self._rows()) if i == row)
            raise DataError(
                translate(
                    "Tabular",
                    '{path}, line {line}, column "{name}": the value is not a finite number.',
                ).format(path=self.path, line=line, name=self.columns[cols[col]])
            )
        too_big = (values.max(axis=0, initial=0.0) > MAX_MAGNITUDE) | (
            values.min(axis=0, initial=0.0) < -MAX_MAGNITUDE
        )  # no copy of the data: a column's extremes
        if too_big.any():
            col = int(np.argmax(too_big))
            row = int(np.argmax(np.abs(values[:, col]) > MAX_MAGNITUDE))
            line = next(n for i, (n, _) in enumerate(self._rows()) if i == row)
            raise DataError(
                translate(
                    "Tabular",
                    '{path}, line {line}, column "{name}": {value} is too large; values up to '
                    "{limit} in size can be standardised and trained on. Rescale the column "
                    "(other units).",
                ).format(
                    path=self.path,
                    line=line,
                    name=self.columns[cols[col]],
                    value=f"{values[row, col]:.4g}",
                    limit=f"{MAX_MAGNITUDE:g}",
                )  # fmt: skip
            )
        return values

    def _check_width(self, line, fields):
        if len(fields) != len(self.columns):
            raise DataError(
                translate(
                    "Tabular",
                    "{path}, line {line}: {found} fields where the header has {expected}.",
                ).format(path=self.path, line=line, found=len(fields), expected=len(self.columns))
            )

    def _missing(self, line, j):
        return DataError(
            translate(
                "Tabular", '{path}, line {line}, column "{name}": the value is missing.'
            ).format(path=self.path, line=line, name=self.columns[j])
        )

    def _raise_bad_cell(self, cols):
        """Find the first cell ``loadtxt`` refused and raise a message naming it."""
        for line, fields in self._rows():
            self._check_width(line, fields)
            for j in cols:
                cell = fields[j].strip()
                if not cell:
                    raise self._missing(line, j)
                try:
                    if "_" in cell:  # Python reads 1_000 as 1000; loadtxt (rightly) does not
                        raise ValueError(cell)
                    float(cell.replace(",", ".") if self.decimal == "," else cell)
                except ValueError:
                    raise DataError(
                        translate(
                            "Tabular",
                            '{path}, line {line}, column "{name}": "{cell}" is not a number.',
                        ).format(
                            path=self.path, line=line, name=self.columns[j], cell=_shown(cell[:40])
                        )  # fmt: skip
                    ) from None
        raise DataError(
            translate("Tabular", "{path}: the numbers could not be read.").format(path=self.path)
        )

    def text_classes(self, j, name: str) -> tuple[tuple[str, ...], np.ndarray]:
        """(class names in natural order, class index per row) of column ``j``; refused as
        soon as it has more than :data:`MAX_CSV_CLASSES` different values, before any array
        of rows x classes exists."""
        codes: dict[str, int] = {}
        seen = np.empty(1024, dtype=np.int64)
        n = 0
        for line, fields in self._rows():
            self._check_width(line, fields)
            value = fields[j].strip()
            if not value:
                raise self._missing(line, j)
            code = codes.setdefault(value, len(codes))
            if len(codes) > MAX_CSV_CLASSES:
                raise DataError(
                    translate(
                        "Tabular",
                        '{path}, line {line}: the target "{name}" has more than {limit} '
                        "different values here; classification takes at most {limit} classes. "
                        "Choose the task regression for numbers, or another target column.",
                    ).format(path=self.path, line=line, name=name, limit=MAX_CSV_CLASSES)
                )
            if n == len(seen):
                seen = np.resize(seen, 2 * n)
            seen[n], n = code, n + 1
        names = tuple(sorted(codes, key=_natural_key))
        order = np.empty(max(len(codes), 1), dtype=np.int64)
        for i, value in enumerate(names):
            order[codes[value]] = i
        return names, order[seen[:n]]


@dataclass(frozen=True)
class Preview:
    """The first rows of a CSV file as text, for the import dialog: the same checks and the
    same detection as :func:`read_table`, without reading the whole file."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # per column: mostly numbers in the sampled rows
    delimiter: str
    decimal: str
    encoding: str


@_refusals
def preview_csv(path: str | Path, delimiter: str = "", decimal: str = "",
                rows: int = 20) -> Preview:  # fmt: skip
    """The columns and first ``rows`` data rows of a file (refusals as :class:`DataError`)."""
    encoding, head_text = inspect_csv(path)
    head_lines = head_text.splitlines()[: SAMPLE_LINES + 1]
    found_delimiter, found_decimal = detect_dialect(head_lines)
    delimiter, decimal = delimiter or found_delimiter, decimal or found_decimal
    columns, _, sample, numeric = _layout(path, head_lines, delimiter, decimal)
    shown = tuple(tuple(r) for r in sample[:rows])
    return Preview(columns, shown, tuple(numeric), delimiter, decimal, encoding)


#: Arrays alive at the peak of building a dataset from a table, in units of the float64 data:
#: loadtxt's result, the train/test copies and their standardised copies.
PEAK_COPIES = 3
#: Bytes per row besides those copies: the shuffled row order, the class indices or targets
#: and their train/test copies (int64 or float64 each). With :data:`PEAK_COPIES`, an upper
#: bound of the measured peak: 1,046 MB for an 85 MB file of 21 million rows "1,2" (read
#: and split, ``/usr/bin/time -v``), estimated 1,700 MB.
PEAK_ROW_BYTES = 32


def estimated_bytes(path: str | Path) -> int:
    """An upper estimate of the memory that reading ``path`` into float64 arrays needs, from
    its size and its first lines (so it is refused *before* it is read when it cannot fit)."""
    path = Path(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > CSV_MAX_BYTES:
            return 0  # never opened here: the reader refuses it with its own message
        size = info.st_size
        with open(path, "rb") as handle:
            head = handle.read(64 << 10)
    except OSError:
        return 0  # the reader itself reports the unreadable file
    lines = [line for line in head.splitlines() if line.strip()][1:SAMPLE_LINES]
    if not lines:
        return 0
    per_row = min(len(line) + 1 for line in lines)  # the shortest row seen, to be safe
    fields = max(line.count(b",") + line.count(b";") + line.count(b"\t") + line.count(b"|")
                 for line in lines) + 1  # fmt: skip
    return int(size / per_row * (fields * 8 * PEAK_COPIES + PEAK_ROW_BYTES))
