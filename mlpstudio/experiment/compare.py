"""Architecture comparison: train several hidden-layer layouts on the same data, same seed.

The course's question "how many neurons, how many layers?" is answered by training each
candidate under identical conditions and reading a table::

    comparison = Comparison(config, parse_architectures(["10", "50", "50,50"]))
    for row in comparison:          # one row as each architecture finishes
        print(row.hidden, row.params, row.test_loss)

The dataset is built once and shared, every network is initialised from the config's training
seed and trained with the config's training options, so the only thing that differs between
rows is the architecture. :meth:`Comparison.stop` may be called from any thread (the GUI's
Stop button); the running architecture then ends with status ``stopped`` and no further one
starts. This module knows nothing of Qt; the ``compare`` command (:mod:`mlpstudio.cli.compare`)
and the GUI both drive it.
"""

from __future__ import annotations

import csv
import io
import math
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..core.backend import Backend, get_backend
from ..core.network import Network
from ..core.training import Snapshot, Trainer
from ..i18n import QT_TRANSLATE_NOOP, number, translate
from .build import build_dataset
from .config import Config, ConfigError, field_spec
from .presets import FEW_POINTS_RIVAL, PRESETS
from .shape import Shape, experiment_shape

MAX_ARCHITECTURES = 200
MAX_WIDTH = int(field_spec("model", "hidden").high or 65536)
MAX_DEPTH = field_spec("model", "hidden").max_len  # as deep as an experiment may be
#: The course's comparison, used when no architecture is given: 31, 151 and 2,701 parameters.
DEFAULT_ARCHITECTURES = ([10], [50], [50, 50])
#: Ready-made comparisons the Compare window offers: preset -> (label, architectures). On 20
#: noisy points a 1-10-1 net generalises while a 1-200-200-1 net fits the noise: the course's
#: closing question (fits well, efficient, generalises) with answers that differ.
#: The architectures are the preset's own net and its rival (experiment/presets.py), so the
#: case, the preset and the lab cannot drift apart.
COMPARISON_CASES: dict[str, tuple[str, tuple[list[int], ...]]] = {
    "few-noisy-points": (
        QT_TRANSLATE_NOOP("Compare", "Few noisy points: 1-10-1 against 1-200-200-1"),
        (list(PRESETS["few-noisy-points"][1]["model"]["hidden"]), list(FEW_POINTS_RIVAL)),
    ),
}


# -- architectures ----------------------------------------------------------------------------
def parse_architecture(spec: str) -> list[int]:
    """``"50,50"`` -> [50, 50]; ``"10"`` -> [10]; ``"0"`` or ``"none"`` -> [] (no hidden
    layer: the inputs feed the output directly). Brackets and spaces after commas are allowed;
    ``"10 50"`` is refused as ambiguous (one net of two layers, or two nets?), and so are empty
    widths (``"10,,5"``) and an empty text. The messages are in the interface's language, with
    its numbers (:mod:`mlpstudio.i18n`; plain English on the command line)."""
    text = str(spec).strip().strip("[]()").strip()
    if text.lower() in ("0", "none", "-"):
        return []
    example = translate(
        "Compare", "write widths separated by commas, e.g. 50,50 (or 0 for no hidden layer)"
    )

    def refuse(template: str, **values) -> ConfigError:
        return ConfigError([translate("Compare", template).format(spec=spec, **values)])

    if not text:
        raise refuse(
            QT_TRANSLATE_NOOP("Compare", "hidden layers '{spec}': empty; {example}"),
            example=example,
        )
    if re.search(r"\d\s+\d", text) or ";" in text:
        raise refuse(
            QT_TRANSLATE_NOOP("Compare", "hidden layers '{spec}': ambiguous; {example}, and "
                              "give each network separately"),
            example=example,
        )  # fmt: skip
    parts = [p.strip() for p in text.split(",")]
    if "" in parts:
        raise refuse(
            QT_TRANSLATE_NOOP("Compare", "hidden layers '{spec}': a width is missing; {example}"),
            example=example,
        )
    widths = []
    for part in parts:
        try:
            width = int(part)
        except ValueError:
            raise refuse(
                QT_TRANSLATE_NOOP("Compare",
                                  "hidden layers '{spec}': '{part}' is not a whole number; "
                                  "{example}"),
                part=part, example=example,
            ) from None  # fmt: skip
        if not 1 <= width <= MAX_WIDTH:
            raise refuse(
                QT_TRANSLATE_NOOP("Compare",
                                  "hidden layers '{spec}': every width must be from 1 to {most} "
                                  "(got {width}); use 0 alone for no hidden layer"),
                most=number(MAX_WIDTH), width=number(width),
            )  # fmt: skip
        widths.append(width)
    if len(widths) > MAX_DEPTH:
        raise refuse(
            QT_TRANSLATE_NOOP("Compare", "hidden layers '{spec}': at most {most} hidden layers"),
            most=number(MAX_DEPTH),
        )
    return widths


def parse_architectures(hidden_specs: list[str]) -> list[list[int]]:
    """Each spec through :func:`parse_architecture`; every problem is reported at once."""
    result, problems = [], []
    for spec in hidden_specs:
        try:
            result.append(parse_architecture(spec))
        except ConfigError as exc:
            problems += exc.problems
    if problems:
        raise ConfigError(problems)
    return result


def check_count(architectures: list[list[int]]) -> None:
    """Refuse no architecture at all, or more than a comparison trains at once."""
    if not architectures:
        raise ConfigError([translate("Compare", "give at least one architecture to compare")])
    if len(architectures) > MAX_ARCHITECTURES:
        raise ConfigError(
            [
                translate(
                    "Compare", "{n} architectures: at most {most} can be compared at once"
                ).format(n=number(len(architectures)), most=number(MAX_ARCHITECTURES))
            ]
        )


def grid(depths: list[int], widths: list[int]) -> list[list[int]]:
    """Every depth with every width, all layers equally wide: depths [1, 2] and widths
    [10, 50] give [10], [50], [10, 10], [50, 50]. Depth 0 (no hidden layer) appears once."""
    problems = []
    if not depths or not widths:
        problems.append(translate("Compare", "a grid needs at least one depth and one width"))
    for d in depths:
        if not 0 <= d <= MAX_DEPTH:
            problems.append(
                translate("Compare", "grid depth {depth}: must be from 0 to {most}").format(
                    depth=number(d), most=number(MAX_DEPTH)
                )
            )
    for w in widths:
        if not 1 <= w <= MAX_WIDTH:
            problems.append(
                translate("Compare", "grid width {width}: must be from 1 to {most}").format(
                    width=number(w), most=number(MAX_WIDTH)
                )
            )
    if problems:
        raise ConfigError(problems)
    result: list[list[int]] = []
    for d in depths:
        for w in widths:
            candidate = [w] * d
            if candidate not in result:
                result.append(candidate)
    return result


def hidden_text(hidden: list[int]) -> str:
    """[50, 50] -> "50,50"; [] -> "none"."""
    return ",".join(str(n) for n in hidden) if hidden else "none"


# -- results ----------------------------------------------------------------------------------
@dataclass
class ComparisonRow:
    """The outcome of one architecture."""

    hidden: list[int]
    layers: list[int]  # [N_0, ..., N_L]
    params: int
    train_loss: float
    test_loss: float
    train_metric: float  # R^2 (regression) or accuracy (classification)
    test_metric: float
    metric: str  # "r2" or "accuracy"
    epochs: int
    seconds: float
    status: str  # finished, stopped, early_stopped, diverged
    message: str = ""
    #: What is needed to open the row as an experiment (kept in memory, never serialised).
    network: Network | None = field(default=None, repr=False, compare=False)
    history: dict | None = field(default=None, repr=False, compare=False)
    optimizer_state: dict | None = field(default=None, repr=False, compare=False)
    final_params: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def label(self) -> str:
        """The layer sizes as the course writes them, e.g. ``1-50-50-1``."""
        return "-".join(str(n) for n in self.layers)

    def to_dict(self) -> dict:
        """JSON-friendly (NaN becomes None), with ``test_mse``/``test_r2`` or
        ``test_accuracy`` named as in ``mlpstudio train --json``."""
        out = {
            "hidden": list(self.hidden),
            "layers": list(self.layers),
            "params": self.params,
            "train_loss": _finite(self.train_loss),
            "test_loss": _finite(self.test_loss),
            "train_metric": _finite(self.train_metric),
            "test_metric": _finite(self.test_metric),
            "metric": self.metric,
            "epochs": self.epochs,
            "seconds": round(self.seconds, 4),
            "status": self.status,
            "message": self.message,
        }
        if self.metric == "r2":
            out["test_mse"] = _finite(self.test_loss)
            out["test_r2"] = _finite(self.test_metric)
        else:
            out["test_accuracy"] = _finite(self.test_metric)
        return out


def _finite(value: float) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


# -- the runner -------------------------------------------------------------------------------
@dataclass
class Comparison:
    """Trains ``architectures`` (lists of hidden widths) one after the other on one dataset.

    Iterate to get a :class:`ComparisonRow` as each architecture finishes, or call
    :meth:`run`. ``progress(index, hidden, snapshot)`` is called with the trainer's snapshots
    (for progress bars). :meth:`stop` may be called from any thread.
    """

    config: Config
    architectures: list[list[int]]
    dataset: object | None = None
    backend: Backend | None = None
    progress: Callable[[int, list[int], Snapshot], None] | None = None
    snapshot_interval: float = 0.25
    rows: list[ComparisonRow] = field(default_factory=list, init=False)

    def __post_init__(self):
        self.architectures = [list(a) for a in self.architectures]
        check_count(self.architectures)
        activation = self.config.model.activation
        if isinstance(activation, list) and len(set(activation)) > 1:
            raise ConfigError(
                [
                    translate(
                        "Compare",
                        "model.activation: a comparison trains several depths, so give one "
                        "activation for every hidden layer instead of a list ({list})",
                    ).format(list=", ".join(activation))
                ]
            )
        self._activation = activation[0] if isinstance(activation, list) else activation
        self._lock = threading.Lock()
        self._stop = False
        self._trainer: Trainer | None = None

    # -- control (any thread) ---------------------------------------------------------------
    def stop(self) -> None:
        """Stop the architecture being trained and do not start another."""
        with self._lock:
            self._stop = True
            trainer = self._trainer
        if trainer is not None:
            trainer.stop()

    @property
    def stopped(self) -> bool:
        return self._stop

    # -- running ----------------------------------------------------------------------------
    def prepare(self) -> None:
        """Build the dataset (once) and the backend, raising on bad data before any training."""
        self.prepare_data()
        if self.backend is None:
            t = self.config.training
            self.backend = get_backend(t.backend, t.dtype)
        self.shape()  # refuses a head that cannot learn this data

    def shape(self, hidden: list[int] | None = None) -> Shape:
        """The experiment's shape with ``hidden`` as its hidden layers (the one shape
        function, on the comparison's dataset)."""
        self.prepare_data()
        return experiment_shape(self.config, self.dataset, hidden)

    def prepare_data(self) -> None:
        if self.dataset is None:
            self.dataset = build_dataset(self.config.data)

    def layer_sizes(self, hidden: list[int]) -> list[int]:
        return list(self.shape(hidden).sizes)

    def parameter_counts(self) -> list[int]:
        """The parameter count of every architecture, before training anything."""
        return [self.shape(h).params for h in self.architectures]

    def build_network(self, hidden: list[int]) -> Network:
        """The network for ``hidden``, initialised from the config's training seed."""
        self.prepare()
        shape = self.shape(hidden)
        return Network(
            list(shape.sizes),
            [self._activation] * len(hidden),
            head=shape.head,
            init=self.config.model.init,
            seed=self.config.training.seed,
            backend=self.backend,
        )

    def __iter__(self) -> Iterator[ComparisonRow]:
        self.prepare()
        options = self.config.training.options()
        metric = "accuracy" if self.dataset.task == "classification" else "r2"
        for index, hidden in enumerate(self.architectures):
            network = self.build_network(hidden)
            trainer = Trainer(
                network, self.dataset, options, snapshot_interval=self.snapshot_interval
            )
            with self._lock:
                if self._stop:
                    return
                self._trainer = trainer
            started = time.perf_counter()
            snapshot = None
            try:
                for snapshot in trainer:
                    if self.progress is not None:
                        self.progress(index, hidden, snapshot)
            finally:
                with self._lock:
                    self._trainer = None
            row = _row(hidden, network, snapshot, metric, options.restore_best)
            row.seconds = time.perf_counter() - started
            row.network, row.history = network, snapshot.history
            row.optimizer_state = trainer.optimizer.state()
            row.final_params = network.params_to_host()
            self.rows.append(row)
            yield row
            if self._stop:
                return

    def run(self, on_row: Callable[[ComparisonRow], None] | None = None) -> list[ComparisonRow]:
        """Train every architecture (until stopped); call ``on_row`` as each finishes."""
        for row in self:
            if on_row is not None:
                on_row(row)
        return list(self.rows)


def _row(hidden, network: Network, snapshot: Snapshot, metric: str, restore_best: bool):
    """The results of the weights the trainer kept: the history row of the best validation
    epoch when those weights were restored, of the last good epoch otherwise."""
    history = snapshot.history
    epoch = snapshot.epoch
    if snapshot.best_epoch is not None and restore_best and snapshot.status != "diverged":
        epoch = snapshot.best_epoch
    matches = [i for i, e in enumerate(history["epoch"]) if int(e) == epoch]
    i = matches[-1] if matches else len(history["epoch"]) - 1

    def value(column: str) -> float:
        return float(history[column][i]) if i >= 0 else math.nan

    return ComparisonRow(
        hidden=list(hidden),
        layers=list(network.sizes),
        params=int(network.n_params),
        train_loss=value("train_loss"),
        test_loss=value("test_loss"),
        train_metric=value("train_metric"),
        test_metric=value("test_metric"),
        metric=metric,
        epochs=int(snapshot.epoch),
        seconds=0.0,
        status=snapshot.status,
        message=snapshot.message if snapshot.status != "finished" else "",
    )


# -- output -----------------------------------------------------------------------------------
_COLUMNS = (
    ("hidden", 12),
    ("layers", 16),
    ("params", 9),
    ("train loss", 11),
    ("test loss", 11),
    ("test metric", 11),
    ("epochs", 7),
    ("seconds", 8),
    ("status", 0),
)


def table_header(metric: str) -> str:
    name = "test R2" if metric == "r2" else "test acc."
    cells = [(name if c == "test metric" else c, w) for c, w in _COLUMNS]
    return "  ".join(f"{c:<{w}}" if i < 2 else f"{c:>{w}}" for i, (c, w) in enumerate(cells))


def table_line(row: ComparisonRow) -> str:
    values = [
        hidden_text(row.hidden),
        row.label,
        f"{row.params:,}",
        _num(row.train_loss),
        _num(row.test_loss),
        "" if not math.isfinite(row.test_metric) else f"{row.test_metric:.4f}",
        str(row.epochs),
        f"{row.seconds:.2f}",
        row.status,
    ]
    return "  ".join(
        f"{v:<{w}}" if i < 2 else f"{v:>{w}}" for i, (v, (_, w)) in enumerate(zip(values, _COLUMNS))
    ).rstrip()


def _num(value: float) -> str:
    return "" if not math.isfinite(value) else f"{value:.4g}"


def rows_csv(rows: list[ComparisonRow]) -> str:
    """The rows as CSV, one line per architecture (hidden widths joined with ``x``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    keys = ["hidden", "layers", "params", "train_loss", "test_loss", "train_metric"]
    keys += ["test_metric", "metric", "epochs", "seconds", "status"]
    writer.writerow(keys)
    for row in rows:
        d = row.to_dict()
        d["hidden"] = hidden_text(row.hidden).replace(",", "x")
        d["layers"] = row.label
        writer.writerow(["" if d[k] is None else d[k] for k in keys])
    return buffer.getvalue()


def summary(config: Config, rows: list[ComparisonRow]) -> dict:
    """The whole comparison as one JSON-friendly object (``rows`` holds one dict per row)."""
    return {
        "metric": rows[0].metric if rows else None,
        "epochs": config.training.epochs,
        "seed": config.training.seed,
        "rows": [r.to_dict() for r in rows],
    }


# -- the results folder (the ``compare`` command is in mlpstudio.cli.compare) --------------
def write_outputs(out: Path, config: Config, rows: list[ComparisonRow]) -> Path:
    """The results folder, written whole or not at all (the earlier results stay otherwise)."""
    from .files import COMPARE_OUT_FILES, atomic_write_text, write_json, write_output_folder

    def write(folder: Path) -> None:
        atomic_write_text(folder / "compare.csv", rows_csv(rows))
        write_json(folder / "compare.json", summary(config, rows))
        atomic_write_text(folder / "config.toml", config.to_toml())

    return write_output_folder(out, COMPARE_OUT_FILES, write)
