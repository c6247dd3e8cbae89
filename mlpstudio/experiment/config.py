"""One typed description of an experiment, read from and written to TOML.

::

    [data]
    kind = "function"
    formula = "sin(3*pi*x) + cos(2*pi*x)"
    domain = [-1.0, 1.0]
    step = 0.005

    [model]
    hidden = [10]
    activation = "tanh"

    [training]
    optimizer = "adam"
    learning_rate = 0.01
    epochs = 3000

Every key has a default (the course example), so an empty file is a valid experiment.
:func:`config_from_dict` checks every value and raises :class:`ConfigError` listing *all*
problems, each naming the field and what is allowed.
"""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from ..core.activations import ACTIVATIONS
from ..core.backend import BACKEND_NAMES, DTYPES
from ..core.inits import AUTO, INIT_CHOICES
from ..core.losses import HEADS
from ..core.options import OptionSpec
from ..core.training_options import MAX_SEED, TrainingOptions, all_training_specs
from ..data.catalog import SET_NAMES
from ..data.dataset import DataError
from ..data.functions import (
    COURSE_FORMULA,
    MAX_CLASSES,
    MAX_POINTS,
    MIN_CLASSES,
    MULTICLASS_TOYS,
    NORMALIZATIONS,
    TOYS,
)
from ..data.tabular import CSV_TASKS, DECIMALS, DELIMITERS
from ..data.untrusted import loads_toml, read_toml_file

IMAGE_KINDS = SET_NAMES  # the image sets, as the catalogue lists them
DATA_KINDS = ("function", "toy", "formula-class") + IMAGE_KINDS + ("csv",)


# Limits the settings panels must be able to show as well: the GUI reads every range from the
# specs below (``field_spec``), so a value the files accept is never clamped by a widget.
MAX_HIDDEN_LAYERS = 12


class ConfigError(ValueError):
    """Invalid configuration; ``problems`` lists one message per field."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


# -- field specifications -------------------------------------------------------------------
@dataclass(frozen=True)
class Spec:
    """What a field accepts: its kind, bounds or choices, and a help text."""

    kind: str  # int, float, bool, str, choice, int_list, float_list, str_or_list, column(s)
    help: str = ""
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    lengths: tuple[int, ...] = ()  # allowed list lengths (empty: any, but at least one)
    max_len: int = 0  # the longest list allowed (0: no limit)
    min_len: int = 1  # the shortest list allowed
    low_open: bool = False  # the low bound itself is not allowed

    def allowed(self) -> str:
        if self.kind == "choice":
            return "one of " + ", ".join(repr(c) for c in self.choices)
        if self.kind == "str_or_list":
            return "one of " + ", ".join(self.choices) + " (or a list, one per hidden layer)"
        if self.kind == "bool":
            return "true or false"
        if self.kind == "str":
            return "text"
        if self.kind == "column":
            return "a column name or 1-based column number (empty: the last column)"
        if self.kind == "columns":
            return "a list of column names or 1-based numbers (empty: every other numeric column)"
        noun = {
            "int": "an integer",
            "float": "a number",
            "int_list": "a list of integers",
            "float_list": "a list of numbers",
        }[self.kind]
        if self.lengths:
            noun += " of length " + " or ".join(str(n) for n in self.lengths)
        most = f", at most {self.max_len} of them" if self.max_len else ""
        if self.low is not None and self.high is not None:
            lo = "above" if self.low_open else "from"
            return f"{noun} {lo} {_num(self.low)} to {_num(self.high)}{most}"
        if self.low is not None:
            return f"{noun} {'>' if self.low_open else '>='} {_num(self.low)}{most}"
        return noun + most


def _num(value: float) -> str:
    """1000000 -> '1,000,000'; 0.5 -> '0.5'."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def _f(default, spec: Spec):
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata={"spec": spec})
    return field(default=default, metadata={"spec": spec})


@dataclass
class DataConfig:
    kind: str = _f("function", Spec("choice", "what to learn", choices=DATA_KINDS))
    formula: str = _f(COURSE_FORMULA, Spec("str", "target y = f(x), or f(x1, ..., x4)"))
    domain: list[float] = _f(
        [-1.0, 1.0], Spec("float_list", "input range (one for all, or lo, hi per input)",
                          lengths=(2, 4, 6, 8))
    )  # fmt: skip
    points: int = _f(400, Spec("int", "number of samples", low=5, high=MAX_POINTS))
    step: float = _f(0.005, Spec("float", "spacing of x (0: use points)", low=0.0, high=1e6))
    noise: float = _f(0.0, Spec("float", "noise standard deviation", low=0.0, high=10.0))
    test_fraction: float = _f(
        0.2, Spec("float", "share held out for testing", low=0.0, high=0.9, low_open=True)
    )
    normalize: bool = _f(True, Spec("bool", "divide y by normalize_by (also CSV targets)"))
    normalize_by: str = _f(
        "max", Spec("choice", "max: y / y.max() (the slide); max_abs: y / max |y|",
                    choices=NORMALIZATIONS)
    )  # fmt: skip
    seed: int = _f(0, Spec("int", "seed of the split and the noise", low=0, high=MAX_SEED))
    toy: str = _f("circle", Spec("choice", "2-D set for kind = toy", choices=TOYS))
    classes: int = _f(
        2, Spec("int", "classes of gaussians, spiral or blobs", low=MIN_CLASSES, high=MAX_CLASSES)
    )
    condition: str = _f(
        "x1**2 + x2**2 < 0.5", Spec("str", "class 1 where it holds, for kind = formula-class")
    )
    root: str = _f("", Spec("str", "folder holding the image files (empty: the data store)"))
    labels: str = _f("fine", Spec("choice", "CIFAR-100 labels", choices=("fine", "coarse")))
    subset: int = _f(0, Spec("int", "images used per split (0: all)", low=0, high=1_000_000))
    scaling: str = _f("unit", Spec("choice", "pixel scaling", choices=("unit", "standardize")))
    # kind = "csv": a table of the student's own (mlpstudio/data/tabular.py reads it)
    path: str = _f("", Spec("str", "CSV file for kind = csv"))
    target: str = _f("", Spec("column", "CSV target column, name or 1-based number"))
    inputs: list[str] = _f([], Spec("columns", "CSV input columns (empty: other numeric ones)"))
    delimiter: str = _f("", Spec("choice", "CSV separator (empty: detect)",
                                 choices=("",) + DELIMITERS))  # fmt: skip
    decimal: str = _f("", Spec("choice", "CSV decimal mark (empty: detect)",
                               choices=("",) + DECIMALS))  # fmt: skip
    task: str = _f("auto", Spec("choice", "CSV task", choices=CSV_TASKS))
    standardize: bool = _f(True, Spec("bool", "CSV inputs to mean 0, sd 1 (train statistics)"))


#: The keys of ``[data]`` that only a CSV file uses (the student's own file and how to read it).
CSV_KEYS = ("path", "target", "inputs", "delimiter", "decimal", "task", "standardize")


@dataclass
class ModelConfig:
    hidden: list[int] = _f(
        [10],
        Spec(
            "int_list",
            "width of each hidden layer (none: a linear model)",
            low=1,
            high=65536,
            max_len=MAX_HIDDEN_LAYERS,
            min_len=0,
        ),
    )
    activation: str | list[str] = _f(
        "tanh", Spec("str_or_list", "hidden activation", choices=tuple(ACTIVATIONS))
    )
    head: str = _f(AUTO, Spec("choice", "output and loss", choices=(AUTO, *HEADS)))
    init: str = _f(AUTO, Spec("choice", "weight initialisation", choices=INIT_CHOICES))

    def activations(self) -> list[str]:
        """One activation name per hidden layer."""
        if isinstance(self.activation, str):
            return [self.activation] * len(self.hidden)
        return list(self.activation)


def spec_of(option: OptionSpec) -> Spec:
    """The configuration's :class:`Spec` for a core option spec (the one source of both)."""
    return Spec(option.kind, option.help, low=option.low, high=option.high,
                choices=option.choices, low_open=option.low_open)  # fmt: skip


class _TrainingMethods:
    def options(self, **overrides) -> TrainingOptions:
        """The core's training options (the Qt-free trainer does not know about configs)."""
        names = {f.name for f in dataclasses.fields(TrainingOptions)}
        values = {k: v for k, v in dataclasses.asdict(self).items() if k in names}
        values.update(overrides)
        return TrainingOptions(**values)


#: ``[training]``: one field per training option spec (the loop's, every optimiser's and
#: every schedule's, with their defaults and limits), plus where and in what precision to run.
TrainingConfig = dataclasses.make_dataclass(
    "TrainingConfig",
    [(spec.name, Any, _f(spec.default, spec_of(spec))) for spec in all_training_specs().values()]
    + [
        (
            "backend",
            str,
            _f("numpy", Spec("choice", "numpy (CPU) or cupy (GPU)", choices=BACKEND_NAMES)),
        ),
        ("dtype", str, _f("float32", Spec("choice", "floating-point precision", choices=DTYPES))),
    ],  # fmt: skip
    bases=(_TrainingMethods,),
)
TrainingConfig.__module__ = __name__


@dataclass
class Config:
    data: DataConfig = field(default_factory=DataConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    training: TrainingConfig = field(default_factory=TrainingConfig)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_toml(self) -> str:
        return tomli_w.dumps(self.to_dict())

    def copy(self) -> Config:
        return config_from_dict(self.to_dict())

    def with_overrides(self, assignments: list[str]) -> Config:
        """A copy with ``section.key=value`` assignments applied (values in TOML syntax,
        or plain text: ``training.optimizer=sgd`` and ``model.hidden=[50,50]`` both work)."""
        data = self.to_dict()
        problems = []
        for item in assignments:
            key, sep, raw = item.partition("=")
            key = key.strip()
            section, dot, name = key.partition(".")
            if not sep or not dot:
                problems.append(f"{item!r}: write KEY=VALUE with KEY like training.epochs")
                continue
            if "\n" in item or "\r" in item:  # one key per --set: no TOML smuggled after it
                problems.append(f"{key}: a --set value must be on one line")
                continue
            if section not in data:
                problems.append(_unknown(key, section, list(data)))
                continue
            data[section][name] = _override_value(SECTIONS.get(section), name, raw)
        if problems:
            raise ConfigError(problems)
        return config_from_dict(data)


SECTIONS = {"data": DataConfig, "model": ModelConfig, "training": TrainingConfig}


def _override_value(cls, name: str, raw: str) -> Any:
    """The value of one ``--set`` assignment: a text field keeps the text as written
    (``data.formula=1`` is the formula "1"; a quoted TOML string is unquoted), every other
    field is parsed with :func:`parse_value`."""
    fields = {f.name: f for f in dataclasses.fields(cls)} if cls else {}
    value = parse_value(raw)
    spec = fields[name].metadata["spec"] if name in fields else None
    if spec is not None and spec.kind == "str" and not isinstance(value, str):
        return raw.strip()
    return value


def parse_value(raw: str) -> Any:
    """A value from the command line: TOML syntax when it parses, else the text itself.

    Nesting deeper than the boundary allows is refused with a :class:`ConfigError`."""
    raw = raw.strip()
    try:
        return loads_toml(f"v = {raw}", "the value " + _clip(raw))["v"]
    except tomllib.TOMLDecodeError:
        return raw
    except DataError as exc:
        raise ConfigError([str(exc).rstrip(".")]) from None


def _clip(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _unknown(key: str, name: str, known: list[str]) -> str:
    hint = difflib.get_close_matches(name, known, n=1)
    suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
    return f"{key}: unknown key{suggestion} (known: {', '.join(known)})"


def config_from_dict(data: dict[str, Any]) -> Config:
    """Build and validate a :class:`Config`; every problem is reported at once."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise ConfigError(["the configuration must be a table of sections"])
    for section in data:
        if section not in SECTIONS:
            problems.append(_unknown(section, section, list(SECTIONS)))
    old_data = data.get("data")
    if isinstance(old_data, dict) and "normalize" in old_data and "normalize_by" not in old_data:
        # written before normalize_by existed (every saved file names normalize): it divided
        # by max |y|, so it reads as it was saved and not under the newer default
        data = {**data, "data": {**old_data, "normalize_by": "max_abs"}}
    sections = {}
    for name, cls in SECTIONS.items():
        values = data.get(name, {})
        if not isinstance(values, dict):
            problems.append(f"{name}: must be a table such as [{name}]")
            values = {}
        fields = {f.name: f for f in dataclasses.fields(cls)}
        checked = {}
        for key, value in values.items():
            if key not in fields:
                problems.append(_unknown(f"{name}.{key}", key, list(fields)))
                continue
            spec: Spec = fields[key].metadata["spec"]
            try:
                checked[key] = _check(spec, value)
            except ValueError as exc:
                problems.append(f"{name}.{key}: {exc}")
        sections[name] = cls(**checked)
    if not problems:
        problems += _cross_checks(sections)
    if problems:
        raise ConfigError(problems)
    return Config(**sections)


def _cross_checks(sections) -> list[str]:
    model: ModelConfig = sections["model"]
    data: DataConfig = sections["data"]
    problems = []
    if data.kind == "toy" and data.classes != 2 and data.toy not in MULTICLASS_TOYS:
        problems.append(
            f"data.classes: the set {data.toy!r} has two classes; {data.classes} classes need "
            f"one of {', '.join(MULTICLASS_TOYS)}"
        )
    if data.kind == "formula-class" and data.classes != 2:
        problems.append(
            f"data.classes: a condition makes two classes (where it holds and where not); "
            f"{data.classes} classes need data.kind = 'toy' with one of "
            f"{', '.join(MULTICLASS_TOYS)}"
        )
    if isinstance(model.activation, list) and len(model.activation) != len(model.hidden):
        problems.append(
            f"model.activation: {len(model.hidden)} hidden layers need {len(model.hidden)} "
            f"activations, got {len(model.activation)} (or give one name for all)"
        )
    return problems


def _check(spec: Spec, value: Any) -> Any:
    bad = ValueError(f"must be {spec.allowed()} (got {value!r})")
    kind = spec.kind
    if kind == "bool":
        if not isinstance(value, bool):
            raise bad
        return value
    if kind in ("str", "choice"):
        if not isinstance(value, str):
            raise bad
        if kind == "choice" and value not in spec.choices:
            raise bad
        return value
    if kind == "str_or_list":
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",")] if "," in value else value
        items = value if isinstance(value, list) else [value]
        if not items or any(not isinstance(v, str) or v not in spec.choices for v in items):
            raise bad
        return value
    if kind in ("int", "float"):
        return _number(spec, value, bad)
    if kind == "column":
        return _column(value, bad)
    if kind == "columns":
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if isinstance(value, int) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list):
            raise bad
        names = [_column(v, bad) for v in value]
        if any(not n for n in names):
            raise bad
        return names
    # lists; a comma-separated string (from --set or a text field) is accepted too
    if isinstance(value, str):
        value = [v for v in value.replace(" ", "").split(",") if v]
        value = [parse_value(v) for v in value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or len(value) < spec.min_len:
        raise bad
    if spec.lengths and len(value) not in spec.lengths:
        raise bad
    if spec.max_len and len(value) > spec.max_len:
        raise bad
    item_spec = dataclasses.replace(spec, kind="int" if kind == "int_list" else "float")
    return [_number(item_spec, v, bad) for v in value]


def _column(value: Any, bad: ValueError) -> str:
    """A CSV column: a name, or a 1-based number (kept as its digits: ``3`` -> ``"3"``)."""
    if isinstance(value, bool):
        raise bad
    if isinstance(value, int):
        if value < 1:
            raise bad
        return str(value)
    if isinstance(value, str):
        if value.strip().isdigit() and int(value) < 1:
            raise bad
        return value.strip()
    raise bad


def _number(spec: Spec, value: Any, bad: ValueError):
    if isinstance(value, str) and "," in value:  # a decimal comma, as Spanish writes 0,01
        raise ValueError(f"{bad}; {_comma_hint(spec, value.strip())}")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad
    if spec.kind == "int":
        if isinstance(value, float):
            if not value.is_integer():
                raise bad
            value = int(value)
    else:
        value = float(value)
        if value != value or value in (float("inf"), float("-inf")):
            raise bad
    if spec.low is not None and (value < spec.low or (spec.low_open and value == spec.low)):
        raise bad
    if spec.high is not None and value > spec.high:
        raise bad
    return value


def _comma_hint(spec: Spec, text: str) -> str:
    """How to write ``text`` (a number written with a comma) so that it is read."""
    if spec.kind == "int":
        plain = text.replace(",", "")
        example = f"write {plain}" if plain.isdigit() else "write the digits only, e.g. 1000"
        return f"a whole number has no comma: {example}"
    dotted = text.replace(",", ".", 1)
    try:
        float(dotted)
    except ValueError:
        return "numbers take a decimal point, not a comma, e.g. 0.01"
    return f"numbers take a decimal point, not a comma: write {dotted}"


def read_toml(path: str | Path, error=None, kind: str = "config") -> dict:
    """A TOML file as a dict, read through the untrusted-file boundary (regular files only,
    size cap of ``kind``, bounded nesting); every problem raises ``error`` (a
    :class:`ConfigError` subclass) with one message naming the file."""
    error = error or ConfigError
    try:
        return read_toml_file(path, kind)
    except DataError as exc:
        raise error([str(exc).rstrip(".")]) from None


def load_config(path: str | Path) -> Config:
    """Read a TOML experiment file; every problem becomes a :class:`ConfigError`."""
    path = Path(path)
    data = read_toml(path)
    try:
        return config_from_dict(data)
    except ConfigError as exc:
        raise ConfigError([f"{path}: {p}" for p in exc.problems]) from None


def field_spec(section: str, key: str) -> Spec:
    """The :class:`Spec` of ``section.key`` (for building controls and validating them)."""
    fields = {f.name: f for f in dataclasses.fields(SECTIONS[section])}
    return fields[key].metadata["spec"]
