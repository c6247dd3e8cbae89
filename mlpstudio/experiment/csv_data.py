"""A CSV file of the student's own as a :class:`~mlpstudio.data.dataset.Dataset` (the reader
is :mod:`mlpstudio.data.tabular`; this module splits and scales it as a ``[data]`` section says).
Building and the experiment's shape both read CSV files through here."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..data.dataset import DataError, Dataset
from ..data.functions import split_indices, y_divisor
from ..data.tabular import estimated_bytes, read_table
from ..i18n import translate
from ..memory import MemoryBudgetError, check_memory
from .config import DataConfig


def csv_dataset(data: DataConfig) -> Dataset:
    """A CSV file (``data.path``) split with ``data.seed``/``data.test_fraction``. Inputs are
    standardised with the mean and standard deviation of the *train* rows (``data.standardize``;
    a constant column is only centred). Regression targets are divided by the largest |y| of
    the train rows when ``data.normalize`` is on, as for functions (``Dataset.y_divisor`` keeps
    the divisor, so views can show the file's units); off, they stay in the file's units."""
    if not data.path:
        raise DataError(
            translate(
                "Data",
                "No CSV file is chosen: import one with Import CSV... (in a configuration "
                "file: give its path as data.path).",
            )
        )
    try:
        check_memory(
            estimated_bytes(data.path),
            translate("Data", "Reading {file}").format(file=Path(data.path).name),
            translate("Data", "Use a sample of the rows, or fewer columns."),
        )
    except MemoryBudgetError as exc:
        raise DataError(str(exc)) from None
    table = read_table(
        data.path,
        target=data.target or None,
        inputs=list(data.inputs) or None,
        delimiter=data.delimiter,
        decimal=data.decimal,
        task=data.task,
    )
    train, test = split_indices(len(table.x), data.test_fraction, np.random.default_rng(data.seed))
    x_train, x_test = table.x[train], table.x[test]
    if data.standardize:
        mean = x_train.mean(axis=0)
        std = x_train.std(axis=0)
        std[std == 0] = 1.0
        for part in (x_train, x_test):  # copies already (fancy indexing): scaled in place
            part -= mean
            part /= std
    y_train, y_test = table.y[train], table.y[test]
    divisor = 1.0
    if table.task == "regression" and data.normalize:
        if not np.any(y_train):  # y_divisor's own refusal speaks of formulas
            raise DataError(
                translate(
                    "Data",
                    '{file}: the target column "{target}" is zero in every train row, so it '
                    "cannot be normalised; turn normalisation off or choose another target column.",
                ).format(file=table.path, target=table.target)
            )
        divisor = y_divisor(y_train, data.normalize_by)
        y_train, y_test = y_train / divisor, y_test / divisor
    name = Path(table.path).name
    description = translate(
        "Data", "{file}: {rows} rows; target {target} ({task}); inputs {inputs}."
    ).format(
        file=name,
        rows=len(table.x),
        target=table.target,
        task=translate("Data", table.task),
        inputs=", ".join(table.inputs),
    )
    return Dataset(
        name=name,
        task=table.task,
        x_train=x_train,
        y_train=y_train,
        x_test=x_test,
        y_test=y_test,
        input_shape=(x_train.shape[1],),
        class_names=table.class_names,
        y_divisor=divisor,
        description=description,
    )
