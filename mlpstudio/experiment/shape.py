"""An experiment's shape: what goes in, what comes out, and the layers in between.

:func:`experiment_shape` is the one place that answers, for a config: the task (regression or
classification), the input shape and N_0, the number of classes, the head actually used
(``auto`` resolved, impossible pairs refused), the layer sizes [N_0, ..., N_L] and the
parameter count. Building, comparing, exporting and the GUI all read it from here.

It reads as little as it can: a formula is parsed (not sampled), a 2-D toy set is known, an
image set's shape and classes come from the catalogue (:mod:`mlpstudio.data.catalog`; no image
file is opened), and only a CSV file has to be read to know its columns. A caller that
already holds the :class:`~mlpstudio.data.dataset.Dataset` passes it, and its facts are used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..core.losses import HEADS, default_head
from ..core.network import parameter_count
from ..data.catalog import image_set
from ..data.dataset import Dataset
from .config import IMAGE_KINDS, Config, ConfigError, DataConfig


@dataclass(frozen=True)
class DataFacts:
    """What the data tells the network: the task, one input's shape, the classes (None for
    regression) and the number of regression targets."""

    task: str
    input_shape: tuple[int, ...]
    n_classes: int | None
    n_targets: int = 1


@dataclass(frozen=True)
class Shape:
    """An experiment's shape (see :func:`experiment_shape`)."""

    task: str  # "regression" | "classification"
    input_shape: tuple[int, ...]  # one sample, e.g. (1,), (2,), (28, 28), (32, 32, 3)
    n_classes: int | None  # None for regression
    head: str  # the head used: mse | softmax | sigmoid (never "auto")
    sizes: tuple[int, ...]  # [N_0, N_1, ..., N_L]

    @property
    def inputs(self) -> int:
        """N_0, one input row after flattening (28x28 -> 784)."""
        return self.sizes[0]

    @property
    def outputs(self) -> int:
        """N_L, the output units."""
        return self.sizes[-1]

    @property
    def hidden(self) -> list[int]:
        return list(self.sizes[1:-1])

    @property
    def params(self) -> int:
        """sum over l of N_l (N_{l-1} + 1)."""
        return parameter_count(list(self.sizes))


def data_facts(data: DataConfig, dataset: Dataset | None = None) -> DataFacts:
    """The data's facts from ``dataset`` when given, else from the config (reading only a
    CSV file, whose columns nothing else can tell)."""
    if dataset is not None:
        targets = 1 if dataset.task == "classification" else int(dataset.y_train.shape[1])
        return DataFacts(dataset.task, tuple(dataset.input_shape), dataset.n_classes, targets)
    if data.kind == "function":
        from ..data.functions import parse_target

        return DataFacts("regression", (len(parse_target(data.formula).variables),), None)
    if data.kind == "toy":  # every toy set: x1, x2; classes 0 to data.classes - 1
        return DataFacts("classification", (2,), data.classes)
    if data.kind == "formula-class":
        return DataFacts("classification", (2,), 2)  # class 1 where the condition holds
    if data.kind in IMAGE_KINDS:
        images = image_set(data.kind)  # the catalogue: shape and classes, no file opened
        return DataFacts("classification", images.shape, len(images.class_names(data.labels)))
    if data.kind == "csv":
        from .csv_data import csv_dataset  # its columns decide: a CSV file has to be read

        return data_facts(data, csv_dataset(data))
    raise ConfigError([f"data.kind: unknown kind {data.kind!r}"])


def resolve_head(head: str, facts: DataFacts) -> str:
    """The head the config's ``model.head`` means on this data; refuses pairs that cannot
    learn (MSE on class labels, a class head on regression, sigmoid on more than 2 classes)."""
    if head == "auto":
        return default_head(facts.task, facts.n_classes)
    if head not in HEADS:
        raise ConfigError([f"model.head: unknown head {head!r}; choose one of {', '.join(HEADS)}"])
    entry = HEADS[head]
    suitable = [
        name
        for name, other in HEADS.items()
        if other.is_classification == (facts.task == "classification")
        and (other.max_classes or 0) >= (facts.n_classes or 0) * bool(other.max_classes)
    ]
    choose = f"use {' or '.join(suitable)} (or auto)"
    if facts.task == "regression" and entry.is_classification:
        raise ConfigError([f"model.head: {head} needs class labels; {choose} for regression"])
    if facts.task == "classification" and not entry.is_classification:
        raise ConfigError([f"model.head: {head} is for regression; {choose}"])
    if entry.max_classes and (facts.n_classes or 0) > entry.max_classes:
        raise ConfigError(
            [f"model.head: {head} is for at most {entry.max_classes} classes; {choose}"]
        )
    return head


def output_units(head: str, facts: DataFacts) -> int:
    """N_L: one unit per class for softmax, one for sigmoid, one per target for MSE."""
    if head == "softmax":
        return int(facts.n_classes or 1)
    if head == "sigmoid":
        return 1
    return facts.n_targets


def experiment_shape(
    config: Config, dataset: Dataset | None = None, hidden: list[int] | None = None
) -> Shape:
    """The shape of ``config`` (on ``dataset`` when given; ``hidden`` replaces the config's
    hidden layers, for a comparison's architectures). Raises ConfigError for a head that
    cannot learn the task, FormulaError for a bad formula, DataError for an unreadable CSV."""
    facts = data_facts(config.data, dataset)
    head = resolve_head(config.model.head, facts)
    layers = config.model.hidden if hidden is None else hidden
    sizes = (math.prod(facts.input_shape), *(int(n) for n in layers), output_units(head, facts))
    return Shape(facts.task, facts.input_shape, facts.n_classes, head, sizes)
