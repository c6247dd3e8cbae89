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
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, translate
from .dataset import DataError
from .untrusted import MAX_BYTES

#: Largest CSV file read (bytes); a 100 MB file is refused before it is read.
CSV_MAX_BYTES = MAX_BYTES["csv"]
DELIMITERS = (",", ";", "\t", "|")
DECIMALS = (".", ",")
CSV_TASKS = ("auto", "regression", "classification")
#: An integer target with at most this many distinct values is taken as class labels.
MAX_INTEGER_CLASSES = 20
SAMPLE_LINES = 50
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


def read_table(path: str | Path, *args, **kwargs) -> Table:
    """Read a CSV file (see :func:`_read_table` for the arguments); every refusal, the csv
    module's own included (a field over its size limit), is a :class:`DataError`."""
    try:
        return _read_table(path, *args, **kwargs)
    except csv.Error as exc:
        raise DataError(
            translate(
                "Tabular", "{path}: the file is not a table this reader can use ({why})."
            ).format(path=path, why=exc)
        ) from None


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
    t = _column_index(target if target not in (None, "") else len(columns), columns, "target", path)
    if inputs:
        chosen = [_column_index(spec, columns, "input", path) for spec in inputs]
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
        integer = bool(np.all(y_values == np.round(y_values)))
        few = integer and len(np.unique(y_values)) <= MAX_INTEGER_CLASSES
        if task == "regression" or not few:
            return table(x, y_values[:, None], "regression", ())
        labels = [str(int(v)) for v in y_values]
    else:
        labels = source.text_column(t)
    names = tuple(sorted(set(labels), key=_natural_key))
    if len(names) < 2:
        raise DataError(
            translate(
                "Tabular",
                '{path}: the target "{name}" has a single class; classification needs two or more.',
            ).format(path=path, name=columns[t])
        )
    index = {name: i for i, name in enumerate(names)}
    y = np.fromiter((index[v] for v in labels), dtype=np.int64, count=len(labels))
    return table(x, y, "classification", names)


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

    def numbers(self, cols) -> np.ndarray:
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
                    float(cell.replace(",", ".") if self.decimal == "," else cell)
                except ValueError:
                    raise DataError(
                        translate(
                            "Tabular",
                            '{path}, line {line}, column "{name}": "{cell}" is not a number.',
                        ).format(path=self.path, line=line, name=self.columns[j], cell=cell[:40])
                    ) from None
        raise DataError(
            translate("Tabular", "{path}: the numbers could not be read.").format(path=self.path)
        )

    def text_column(self, j) -> list[str]:
        out = []
        for line, fields in self._rows():
            self._check_width(line, fields)
            value = fields[j].strip()
            if not value:
                raise self._missing(line, j)
            out.append(value)
        return out


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


def preview_csv(path: str | Path, delimiter: str = "", decimal: str = "",
                rows: int = 20) -> Preview:  # fmt: skip
    """The columns and first ``rows`` data rows of a file (refusals as :class:`DataError`)."""
    encoding, head_text = inspect_csv(path)
    head_lines = head_text.splitlines()[: SAMPLE_LINES + 1]
    found_delimiter, found_decimal = detect_dialect(head_lines)
    delimiter, decimal = delimiter or found_delimiter, decimal or found_decimal
    lines = [line for line in head_lines if line.strip()]
    if not lines:
        raise DataError(translate("Tabular", "{path}: the file is empty.").format(path=path))
    parsed = _rows(lines, delimiter)
    first = parsed[0]
    if not all(_is_number(c) for c in first):
        columns = tuple(c.strip() or f"column {i + 1}" for i, c in enumerate(first))
        parsed = parsed[1:]
    else:
        columns = tuple(f"column {i + 1}" for i in range(len(first)))
    numeric = tuple(
        _mostly_numbers([r[j] for r in parsed if j < len(r)]) for j in range(len(columns))
    )
    shown = tuple(tuple(r) for r in parsed[:rows])
    return Preview(columns, shown, numeric, delimiter, decimal, encoding)


#: Arrays alive at the peak of building a dataset from a table, in units of the float64 data:
#: loadtxt's result, the train/test copies and their standardised copies.
PEAK_COPIES = 3


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
    return int(size / per_row * fields * 8 * PEAK_COPIES)
