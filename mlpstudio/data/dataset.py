"""The arrays a network trains on, plus what the views need to draw them."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .expr import Formula

TASKS = ("regression", "classification")
#: Partial dependence (3 or more inputs): values per input, and train rows averaged over.
PD_POINTS, PD_SAMPLES = 40, 32
#: train rows whose predictions the parity plot draws beside every test row (a sample shows a
#: fit; the whole training set would cost every snapshot its size)
PARITY_TRAIN_ROWS = 1000


#: The largest magnitude of an input or target value (CSV cells, domain ends): its square
#: (standardisation, the loss) still fits in float32, whose largest number is 3.4e38.
MAX_MAGNITUDE = 1e18


class DataError(ValueError):
    """Data that cannot be built or read; the message is written for the user."""


@dataclass(frozen=True, eq=False)
class Dataset:
    """Train and test arrays with their meaning.

    Inputs are rows: ``x_train`` has shape (n, N_0) for functions and toys, or (n, *image
    shape) for images, which stay ``uint8`` and are converted per batch with
    ``(x - input_shift) * input_scale``. Regression targets have shape (n, k); class targets
    are integer labels of shape (n,).
    """

    name: str
    task: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    input_shape: tuple[int, ...]
    class_names: tuple[str, ...] = ()
    input_shift: float = 0.0
    input_scale: float = 1.0
    #: For target functions: the formula (for the true curve or surface), the domain per axis
    #: and the divisor that normalised y.
    formula: Formula | None = field(default=None, repr=False)
    domain: tuple[tuple[float, float], ...] = ()
    y_divisor: float = 1.0
    description: str = ""
    #: For CIFAR-100: the superclass of every fine class, and the superclass names, so that
    #: views can fold a fine confusion matrix into superclasses.
    coarse_of: np.ndarray | None = field(default=None, repr=False)
    coarse_names: tuple[str, ...] = ()
    #: Warnings about the data for the user (a formula with a singularity on the domain...).
    warnings: tuple[str, ...] = ()

    def __post_init__(self):
        if self.task not in TASKS:
            raise ValueError(f"task must be one of {TASKS}, not {self.task!r}")

    @property
    def n_inputs(self) -> int:
        """N_0: the length of one input row after flattening (28x28 -> 784)."""
        return math.prod(self.input_shape)

    @property
    def n_classes(self) -> int | None:
        return len(self.class_names) if self.task == "classification" else None

    @property
    def n_outputs(self) -> int:
        """N_L for the natural head: k targets, 1 for two classes (sigmoid), else one per class."""
        if self.task == "regression":
            return int(self.y_train.shape[1])
        return 1 if len(self.class_names) == 2 else len(self.class_names)

    @property
    def is_image(self) -> bool:
        return len(self.input_shape) > 1

    def target(self, *coords: np.ndarray) -> np.ndarray:
        """The noise-free target at the given coordinates (functions only)."""
        if self.formula is None:
            raise DataError("This dataset has no target formula.")
        return self.formula(*coords) / self.y_divisor

    def plot_inputs(self, resolution: int | None = None) -> np.ndarray:
        """Rows at which the views draw the network's output: ``resolution`` points (400 by
        default) over the 1-D domain, or a resolution x resolution grid (100 by default) over
        the 2-D domain, x1 varying fastest, so that ``reshape(resolution, resolution)`` is an
        image with rows along x2. Empty for images."""
        if self.is_image:
            return np.empty((0, self.n_inputs))
        if not self.domain:  # a table: the parity plot's train rows
            return self.parity_train_inputs()
        if resolution is None:
            resolution = 400 if len(self.domain) == 1 else 100
        if len(self.domain) == 1:
            ((lo, hi),) = self.domain
            return np.linspace(lo, hi, resolution)[:, None]
        if len(self.domain) > 2:  # partial-dependence rows, then the parity plot's train rows
            return np.vstack([self.partial_inputs(), self.parity_train_inputs()])
        (lo1, hi1), (lo2, hi2) = self.domain
        g1, g2 = np.meshgrid(np.linspace(lo1, hi1, resolution), np.linspace(lo2, hi2, resolution))
        return np.column_stack([g1.ravel(), g2.ravel()])

    def partial_inputs(self) -> np.ndarray:
        """Rows for partial-dependence curves (3 or more inputs): for each input i and each of
        PD_POINTS values v over its domain, the first PD_SAMPLES train rows with x_i set to v
        (input, value, row order). :meth:`partial_dependence` averages the network's output."""
        base = self.x_train[:PD_SAMPLES]
        blocks = []
        for i, (lo, hi) in enumerate(self.domain):
            for v in np.linspace(lo, hi, PD_POINTS):
                rows = base.copy()
                rows[:, i] = v
                blocks.append(rows)
        return np.vstack(blocks)

    def table_plot_rows(self) -> tuple[int, int]:
        """How many rows of :meth:`plot_inputs` are partial-dependence rows (3 or more
        inputs), and how many after them are the parity plot's train rows (tables and 3 or
        more inputs), counted without building them: the views check every snapshot."""
        partial = len(self.domain) * PD_POINTS * min(PD_SAMPLES, len(self.x_train))
        return (partial if len(self.domain) > 2 else 0), min(len(self.x_train), PARITY_TRAIN_ROWS)

    def parity_train_inputs(self) -> np.ndarray:
        """The train rows (at most PARITY_TRAIN_ROWS) whose predictions the parity plot shows;
        they end :meth:`plot_inputs` for tables and for 3 or more inputs."""
        return self.x_train[:PARITY_TRAIN_ROWS]

    def partial_dependence(self, output: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """(values of x_i, mean output) per input, from the output on :meth:`partial_inputs`:
        the average prediction over the sampled rows when only x_i changes."""
        m = min(PD_SAMPLES, len(self.x_train))
        rows = len(self.domain) * PD_POINTS * m  # the output may go on with other rows
        means = np.asarray(output[:rows], dtype=np.float64)[:, 0].reshape(
            len(self.domain), PD_POINTS, m
        )
        return [
            (np.linspace(lo, hi, PD_POINTS), means[i].mean(axis=1))
            for i, (lo, hi) in enumerate(self.domain)
        ]

    def summary(self) -> str:
        kind = "classes" if self.task == "classification" else "targets"
        count = self.n_classes if self.task == "classification" else self.n_outputs
        return (
            f"{self.name}: {len(self.x_train)} train / {len(self.x_test)} test, "
            f"{self.n_inputs} inputs, {count} {kind}"
        )
