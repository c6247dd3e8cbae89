"""Teacher lab files: an experiment to start from, what students may not change, and goals.

A lab is a TOML file a teacher writes and hands out::

    [lab]
    title = { es = "Ajuste con pocas neuronas", en = "A fit with few neurons" }
    language = "es"                      # the language of plain (non-table) texts
    instructions = { es = "...", en = "..." }
    results = "/mnt/clase/resultados"    # optional: where "Submit result" writes (board.py)

    [experiment]                         # a normal experiment: a preset and/or sections
    preset = "course-sine"
    lock = ["data", "training.epochs"]   # a whole section, or section.key
    [experiment.model]
    hidden = [2]

    [[goals]]
    metric = "test_mse"                  # see METRICS
    below = 0.01                         # or above, at_most, at_least
    text = { es = "MSE de test < 0,01" } # optional; else goal_text() writes one

Every text may be a plain string (in the lab's ``language``) or a table of language codes.
:func:`load_lab` checks everything and raises one :class:`LabError` listing every problem,
each naming its field; unknown keys and metrics are refused with a suggestion, because a typo
in a goal would otherwise silently make it unreachable.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.dataset import DataError
from ..data.untrusted import loads_toml, read_capped
from ..i18n import QT_TRANSLATE_NOOP, translate
from .config import SECTIONS, Config, ConfigError, config_from_dict
from .presets import PRESETS

#: Goal metrics: the keys of ``mlpstudio train --json`` a goal may test, with their labels.
METRICS = {
    "params": QT_TRANSLATE_NOOP("Labs", "Number of parameters"),
    "epochs": QT_TRANSLATE_NOOP("Labs", "Epochs"),
    "seconds": QT_TRANSLATE_NOOP("Labs", "Training time (s)"),
    "train_loss": QT_TRANSLATE_NOOP("Labs", "Train loss"),
    "test_loss": QT_TRANSLATE_NOOP("Labs", "Test loss"),
    "test_mse": QT_TRANSLATE_NOOP("Labs", "Test MSE"),
    "test_r2": QT_TRANSLATE_NOOP("Labs", "Test R2"),
    "train_r2": QT_TRANSLATE_NOOP("Labs", "Train R2"),
    "test_accuracy": QT_TRANSLATE_NOOP("Labs", "Test accuracy"),
    "train_accuracy": QT_TRANSLATE_NOOP("Labs", "Train accuracy"),
}
REGRESSION_METRICS = ("test_mse", "test_r2", "train_r2")
CLASSIFICATION_METRICS = ("test_accuracy", "train_accuracy")
SHARE_METRICS = ("test_accuracy", "train_accuracy")  # from 0 to 1, shown as a percentage
COUNT_METRICS = ("params", "epochs")

#: Comparison keys of a goal: name -> the test it makes.
COMPARISONS = {
    "below": lambda value, limit: value < limit,
    "above": lambda value, limit: value > limit,
    "at_most": lambda value, limit: value <= limit,
    "at_least": lambda value, limit: value >= limit,
}
_TEMPLATES = {
    "below": QT_TRANSLATE_NOOP("Labs", "{metric} below {value}"),
    "above": QT_TRANSLATE_NOOP("Labs", "{metric} above {value}"),
    "at_most": QT_TRANSLATE_NOOP("Labs", "{metric} at most {value}"),
    "at_least": QT_TRANSLATE_NOOP("Labs", "{metric} at least {value}"),
}
_COUNT_TEMPLATES = {
    ("params", "below"): QT_TRANSLATE_NOOP("Labs", "Fewer than {value} parameters"),
    ("params", "above"): QT_TRANSLATE_NOOP("Labs", "More than {value} parameters"),
    ("params", "at_most"): QT_TRANSLATE_NOOP("Labs", "At most {value} parameters"),
    ("params", "at_least"): QT_TRANSLATE_NOOP("Labs", "At least {value} parameters"),
    ("epochs", "below"): QT_TRANSLATE_NOOP("Labs", "Fewer than {value} epochs"),
    ("epochs", "above"): QT_TRANSLATE_NOOP("Labs", "More than {value} epochs"),
    ("epochs", "at_most"): QT_TRANSLATE_NOOP("Labs", "At most {value} epochs"),
    ("epochs", "at_least"): QT_TRANSLATE_NOOP("Labs", "At least {value} epochs"),
}

MAX_GOALS = 50
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")
_TOP_KEYS = ("lab", "experiment", "goals")
_LAB_KEYS = ("title", "instructions", "language", "results")
#: The longest results folder a lab may name.
MAX_RESULTS_PATH = 1000
_EXPERIMENT_KEYS = ("preset", "lock", *SECTIONS)


class LabError(ConfigError):
    """A lab file that cannot be used; ``problems`` lists one message per field."""


# -- the lab ----------------------------------------------------------------------------------
Text = str | dict[str, str]  # a plain text, or language code -> text


@dataclass(frozen=True)
class Goal:
    metric: str  # a key of METRICS
    comparison: str  # a key of COMPARISONS
    value: float
    text: Text | None = None  # the teacher's wording; None: goal_text() writes one

    def met_by(self, value: float | None) -> bool:
        if value is None or not math.isfinite(value):
            return False
        return bool(COMPARISONS[self.comparison](value, self.value))


@dataclass(frozen=True)
class GoalResult:
    goal: Goal
    text: str
    met: bool
    value: float | None  # the result the goal was checked against (None: not available)


@dataclass(frozen=True)
class Lab:
    title: Text
    instructions: Text
    language: str
    config: Config = field(repr=False)
    lock: tuple[str, ...] = ()
    goals: tuple[Goal, ...] = ()
    preset: str | None = None
    source: Path | None = None
    #: the folder (a shared drive) where students submit results, as the lab writes it
    results: str | None = None
    #: the lab's TOML text exactly as read: what "Copy lab as text" packs and results are
    #: signed for (board.lab_key)
    text: str = field(default="", repr=False)

    def title_in(self, language: str | None = None) -> str:
        return localized(self.title, language, self.language)

    def instructions_in(self, language: str | None = None) -> str:
        return localized(self.instructions, language, self.language)

    def results_folder(self) -> Path | None:
        """The results folder: ``~`` expanded, a relative path taken from the lab file's
        folder (None: the lab names none, or a pasted lab names a relative one)."""
        if not self.results:
            return None
        folder = Path(self.results).expanduser()
        if folder.is_absolute():
            return folder
        return None if self.source is None else self.source.parent / folder

    def is_locked(self, key: str) -> bool:
        """Whether students may not change ``section.key`` (or a whole ``section``)."""
        section = key.partition(".")[0]
        return key in self.lock or section in self.lock

    def locked_keys(self) -> list[str]:
        """Every ``section.key`` the lab locks, with locked sections expanded."""
        keys = []
        for section, cls in SECTIONS.items():
            for f in dataclasses.fields(cls):
                key = f"{section}.{f.name}"
                if self.is_locked(key):
                    keys.append(key)
        return keys

    def locked_changes(self, config: Config) -> list[str]:
        """The locked keys whose value in ``config`` differs from the lab's."""
        mine, theirs = self.config.to_dict(), config.to_dict()
        changed = []
        for key in self.locked_keys():
            section, _, name = key.partition(".")
            if mine[section][name] != theirs[section][name]:
                changed.append(key)
        return changed

    def enforce(self, config: Config) -> Config:
        """A copy of ``config`` with every locked key set back to the lab's value."""
        mine, data = self.config.to_dict(), config.to_dict()
        for key in self.locked_keys():
            section, _, name = key.partition(".")
            data[section][name] = mine[section][name]
        return config_from_dict(data)


def localized(text: Text | None, language: str | None, default: str = "en") -> str:
    """The text in ``language`` (or its base language, e.g. ``es`` for ``es-MX``), else in
    the lab's language, else English, else the first one given."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for code in (language, (language or "").replace("_", "-").split("-")[0], default, "en"):
        if code and code in text:
            return text[code]
    return next(iter(text.values()), "")


# -- goals ------------------------------------------------------------------------------------
def format_value(metric: str, value: float) -> str:
    """A goal's number as people write it: 97% for accuracies, 2,000 for counts."""
    if metric in SHARE_METRICS:
        return f"{value * 100:.4g}%"
    if metric in COUNT_METRICS and float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:g}"


def goal_text(goal: Goal) -> str:
    """A readable sentence for the goal, in the user's language: "Test MSE below 0.01",
    "At most 100 parameters", "Test accuracy at least 97%"."""
    value = format_value(goal.metric, goal.value)
    template = _COUNT_TEMPLATES.get((goal.metric, goal.comparison))
    if template is not None:
        return translate("Labs", template).format(value=value)
    metric = translate("Labs", METRICS[goal.metric])
    return translate("Labs", _TEMPLATES[goal.comparison]).format(metric=metric, value=value)


def evaluate_goals(lab: Lab, results: dict, language: str | None = None) -> list[GoalResult]:
    """Check every goal against ``results`` (keys as in ``mlpstudio train --json``: params,
    epochs, train_loss, test_loss, test_mse, test_r2, test_accuracy...). A goal whose metric
    is missing or not a finite number is not met."""
    out = []
    for goal in lab.goals:
        raw = results.get(goal.metric)
        value = None
        if isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw):
            value = float(raw)
        text = localized(goal.text, language, lab.language) if goal.text else goal_text(goal)
        out.append(GoalResult(goal=goal, text=text, met=goal.met_by(value), value=value))
    return out


# -- reading ----------------------------------------------------------------------------------
def load_lab(path: str | Path) -> Lab:
    """Read and check a lab file; raises :class:`LabError` naming every problem."""
    path = Path(path)
    try:  # read once: the text kept (for Copy lab as text, signatures) is the text checked
        text = read_capped(path, "lab").decode("utf-8")
    except DataError as exc:
        raise LabError([str(exc).rstrip(".")]) from None
    except UnicodeDecodeError:
        raise LabError([f"{path}: is not a UTF-8 text file"]) from None
    try:
        data = loads_toml(text, str(path))
    except DataError as exc:
        raise LabError([str(exc).rstrip(".")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise LabError([f"{path}: not valid TOML ({exc})"]) from None
    try:
        lab = lab_from_dict(data, source=path)
    except LabError as exc:
        raise LabError([f"{path.name}: {p}" for p in exc.problems]) from None
    return dataclasses.replace(lab, text=text)


def lab_from_text(text: str, source: Path | None = None) -> Lab:
    """A lab from its TOML text (a pasted lab): the same checks as a lab file."""
    try:
        data = loads_toml(text, "lab text")
    except DataError as exc:
        raise LabError([str(exc).rstrip(".")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise LabError([f"lab text: not valid TOML ({exc})"]) from None
    return dataclasses.replace(lab_from_dict(data, source=source), text=text)


def lab_from_dict(data: dict[str, Any], source: Path | None = None) -> Lab:
    """Build and check a :class:`Lab` from parsed TOML; every problem is reported at once."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise LabError(["a lab file must be a table with [lab], [experiment] and [[goals]]"])
    _unknown_keys(data, _TOP_KEYS, "", problems)

    lab = _table(data, "lab", problems)
    _unknown_keys(lab, _LAB_KEYS, "lab.", problems)
    language = lab.get("language", "en")
    if not isinstance(language, str) or not _LANGUAGE.match(language):
        problems.append(
            f"lab.language: must be a language code such as 'es' or 'en' (got {language!r})"
        )
        language = "en"
    title = _text(lab.get("title"), "lab.title", problems, required=True)
    instructions = _text(lab.get("instructions", ""), "lab.instructions", problems)
    results = lab.get("results")
    if results is not None and (
        not isinstance(results, str)
        or not results.strip()
        or len(results) > MAX_RESULTS_PATH
        or any(ord(c) < 32 for c in results)
    ):
        problems.append(
            "lab.results: must be a folder path such as '/mnt/class/results' "
            f"(one line of at most {MAX_RESULTS_PATH} characters)"
        )
        results = None

    experiment = _table(data, "experiment", problems)
    _unknown_keys(experiment, _EXPERIMENT_KEYS, "experiment.", problems)
    preset = experiment.get("preset")
    config = None
    if preset is not None and (not isinstance(preset, str) or preset not in PRESETS):
        hint = difflib.get_close_matches(str(preset), list(PRESETS), n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        problems.append(
            f"experiment.preset: unknown preset {preset!r}{suggestion} "
            f"(known: {', '.join(PRESETS)})"
        )
        preset = None
    merged = Config().to_dict() if preset is None else _preset_dict(preset)
    overrides_ok = True
    for section in SECTIONS:
        values = experiment.get(section, {})
        if not isinstance(values, dict):
            problems.append(f"experiment.{section}: must be a table such as [experiment.{section}]")
            overrides_ok = False
            continue
        for key, value in values.items():
            merged[section][key] = value
    if overrides_ok:
        try:
            config = config_from_dict(merged)
        except ConfigError as exc:
            problems += [f"experiment.{p}" for p in exc.problems]

    lock = _lock(experiment.get("lock", []), problems)
    goals = _goals(data.get("goals", []), language, problems)
    if config is not None:
        task = "regression" if config.data.kind == "function" else "classification"
        if config.data.kind == "csv":  # known only from the file unless data.task says it
            task = config.data.task if config.data.task != "auto" else ""
        for i, goal in enumerate(goals, start=1):
            if task == "regression" and goal.metric in CLASSIFICATION_METRICS:
                problems.append(
                    f"goals[{i}].metric: {goal.metric} needs classes, but the experiment is a "
                    "regression (use test_mse, test_r2 or test_loss)"
                )
            if task == "classification" and goal.metric in REGRESSION_METRICS:
                problems.append(
                    f"goals[{i}].metric: {goal.metric} is for regression, but the experiment "
                    "classifies (use test_accuracy or test_loss)"
                )
    if problems:
        raise LabError(problems)
    return Lab(
        title=title,
        instructions=instructions,
        language=language,
        config=config,
        lock=tuple(lock),
        goals=tuple(goals),
        preset=preset,
        source=source,
        results=results,
    )


def _preset_dict(name: str) -> dict:
    merged = Config().to_dict()
    for section, values in PRESETS[name][1].items():
        merged[section].update(values)
    return merged


def _table(data: dict, key: str, problems: list[str]) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        problems.append(f"{key}: must be a table such as [{key}]")
        return {}
    return value


def _unknown_keys(table: dict, known, prefix: str, problems: list[str]) -> None:
    for key in table:
        if key not in known:
            hint = difflib.get_close_matches(str(key), list(known), n=1)
            suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
            problems.append(f"{prefix}{key}: unknown key{suggestion} (known: {', '.join(known)})")


def _text(value, where: str, problems: list[str], required: bool = False) -> Text:
    if isinstance(value, str):
        if required and not value.strip():
            problems.append(f"{where}: must not be empty")
        return value
    if isinstance(value, dict) and value:
        for code, text in value.items():
            if not _LANGUAGE.match(str(code)):
                problems.append(f"{where}.{code}: not a language code such as 'es' or 'en'")
            elif not isinstance(text, str):
                problems.append(f"{where}.{code}: must be text")
        return {str(k): v for k, v in value.items() if isinstance(v, str)}
    if value is None and required:
        problems.append(f"{where}: missing (write a title for the lab)")
    else:
        problems.append(f"{where}: must be text, or a table of texts by language code")
    return ""


def _lock(value, problems: list[str]) -> list[str]:
    if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
        problems.append(
            'experiment.lock: must be a list of keys such as ["data", "training.optimizer"]'
        )
        return []
    keys = []
    for item in value:
        section, dot, name = item.partition(".")
        if section not in SECTIONS:
            problems.append(_suggest(f"experiment.lock: {item!r}", section, list(SECTIONS)))
            continue
        if dot:
            names = [f.name for f in dataclasses.fields(SECTIONS[section])]
            if name not in names:
                problems.append(_suggest(f"experiment.lock: {item!r}", name, names))
                continue
        keys.append(item)
    return keys


def _suggest(where: str, name: str, known: list[str]) -> str:
    hint = difflib.get_close_matches(name, known, n=1)
    suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
    return f"{where}: unknown key{suggestion} (known: {', '.join(known)})"


def _goals(value, language: str, problems: list[str]) -> list[Goal]:
    if not isinstance(value, list):
        problems.append("goals: write each goal as a [[goals]] table")
        return []
    if len(value) > MAX_GOALS:
        problems.append(f"goals: at most {MAX_GOALS} goals")
        return []
    goals = []
    for i, entry in enumerate(value, start=1):
        where = f"goals[{i}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be a table with metric and a limit")
            continue
        known = ("metric", "text", *COMPARISONS)
        _unknown_keys(entry, known, f"{where}.", problems)
        metric = entry.get("metric")
        if metric not in METRICS:
            hint = difflib.get_close_matches(str(metric), list(METRICS), n=1)
            suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
            problems.append(
                f"{where}.metric: unknown metric {metric!r}{suggestion} "
                f"(known: {', '.join(METRICS)})"
            )
            continue
        limits = [k for k in COMPARISONS if k in entry]
        if len(limits) != 1:
            problems.append(
                f"{where}: give exactly one of {', '.join(COMPARISONS)} (got "
                f"{', '.join(limits) or 'none'})"
            )
            continue
        comparison = limits[0]
        limit = entry[comparison]
        if (
            isinstance(limit, bool)
            or not isinstance(limit, int | float)
            or not math.isfinite(limit)
        ):
            problems.append(f"{where}.{comparison}: must be a number (got {limit!r})")
            continue
        if metric in SHARE_METRICS and not 0.0 <= limit <= 1.0:
            problems.append(
                f"{where}.{comparison}: {metric} is a share from 0 to 1 (write 0.97 for 97%), "
                f"not {limit}"
            )
            continue
        if metric in COUNT_METRICS and limit < 0:
            problems.append(f"{where}.{comparison}: {metric} cannot be negative")
            continue
        text = None
        if "text" in entry:
            text = _text(entry["text"], f"{where}.text", problems)
        goals.append(Goal(metric=metric, comparison=comparison, value=float(limit), text=text))
    return goals


# -- the labs that ship with the app ----------------------------------------------------------
def labs_dir() -> Path:
    """The folder of the example labs (``resources/labs``), installed or not."""
    try:
        from ..paths import resource

        folder = resource("labs")
        if folder.is_dir():
            return folder
    except Exception:  # resources not installed as a package: a source checkout
        pass
    return Path(__file__).resolve().parents[2] / "resources" / "labs"


def shipped_labs() -> list[Path]:
    """The example lab files, sorted by name."""
    folder = labs_dir()
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []
