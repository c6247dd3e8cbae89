"""Regression data from a typed formula, and 2-D classification toys (TensorFlow Playground).

The course example: ``y = sin(3 pi x) + cos(2 pi x)`` for ``x = arange(-1, 1, 0.005)``
(400 points), divided by its largest absolute value, with 20% of the points held out as a test
set drawn at random with a seed.
"""

from __future__ import annotations

import math
import re

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, translate
from .dataset import MAX_MAGNITUDE, DataError, Dataset
from .expr import FormulaError, parse_formula

COURSE_FORMULA = "sin(3*pi*x) + cos(2*pi*x)"
TOYS = ("circle", "xor", "gaussians", "spiral", "blobs")
TOY_LABELS = {
    "circle": QT_TRANSLATE_NOOP("Toys", "Circle"),
    "xor": QT_TRANSLATE_NOOP("Toys", "Exclusive or (XOR)"),
    "gaussians": QT_TRANSLATE_NOOP("Toys", "Gaussians"),
    "spiral": QT_TRANSLATE_NOOP("Toys", "Spiral"),
    "blobs": QT_TRANSLATE_NOOP("Toys", "Blobs"),
}
#: The 2-D sets that may have more than two classes, and how many classes any set may have.
MULTICLASS_TOYS = ("gaussians", "spiral", "blobs")
MIN_CLASSES, MAX_CLASSES = 2, 5
#: A formula's inputs: x alone, or x1, x2, ... up to MAX_INPUTS (3 or more: sampled at random).
MAX_INPUTS = 4
INPUT_NAMES = tuple(f"x{i}" for i in range(1, MAX_INPUTS + 1))
#: How y is normalised: divide by max |y| (targets in [-1, 1]) or by max y (the slide's
#: ``y / y.max()``, the course example's default).
NORMALIZATIONS = ("max", "max_abs")
MAX_POINTS = 2_000_000
#: Probe points per axis when looking for singularities between the samples.
PROBE_POINTS = {1: 20_001, 2: 401}
#: A target whose largest |y| exceeds this many times its 90th percentile gets a warning.
HUGE_RATIO = 100.0


def parse_target(text: str):
    """Parse a target formula in ``x`` (1-D) or in ``x1`` ... ``x4`` (the inputs are x1 up to
    the highest one used)."""
    formula = parse_formula(text, ("x",) + INPUT_NAMES)
    used = formula.used_names
    if "x" in used and used & set(INPUT_NAMES):
        # The problem is the first variable of the other kind than the first one used.
        names = list(re.finditer(r"\b(x|x[1-9])\b", text))
        first_is_x = names[0].group() == "x"
        clash = next((m for m in names if (m.group() == "x") != first_is_x), names[0])
        raise FormulaError(
            translate("Data", "Use either x (one input) or x1 to x4 (several inputs), not both."),
            clash.start(),
        )
    highest = max([int(n[1:]) for n in used & set(INPUT_NAMES)] + [0])
    variables = INPUT_NAMES[: max(2, highest)] if highest else ("x",)
    return parse_formula(text, variables)


def parse_condition(text: str):
    """Parse a class condition in x1, x2 such as ``x1**2 + x2**2 < 0.5`` (class 1 where it
    holds, class 0 elsewhere)."""
    return parse_formula(text, INPUT_NAMES[:2], condition=True)


def y_divisor(values: np.ndarray, by: str) -> float:
    """What normalisation divides y by: max |y| (``max_abs``) or max y (``max``, the slide's
    ``y / y.max()``); refuses a divisor of zero or, for ``max``, a negative one."""
    if by not in NORMALIZATIONS:
        raise DataError(
            translate("Data", "Unknown normalisation {name!r}; choose one of {names}.").format(
                name=by, names=", ".join(NORMALIZATIONS)
            )
        )
    divisor = float(np.max(np.abs(values)) if by == "max_abs" else np.max(values))
    if divisor == 0.0:
        raise DataError(
            translate(
                "Data",
                "The target is zero everywhere on the domain, so it cannot be normalised; "
                "turn normalisation off or change the formula.",
            )
        )
    if divisor < 0.0:
        raise DataError(
            translate(
                "Data",
                "The largest y is {value}, below zero: dividing by it would turn the curve "
                "upside down. Divide by max |y| instead, or turn normalisation off.",
            ).format(value=f"{divisor:.4g}")
        )
    return divisor


def function_dataset(
    formula: str,
    domain=(-1.0, 1.0),
    points: int = 400,
    step: float | None = None,
    noise: float = 0.0,
    test_fraction: float = 0.2,
    normalize: bool = True,
    seed: int = 0,
    normalize_by: str = "max_abs",
) -> Dataset:
    """Sample ``formula`` on ``domain`` and split the samples at random into train and test.

    1-D: ``x = arange(lo, hi, step)`` when ``step`` is given, else ``points`` evenly spaced
    values from lo to hi. 2-D (a formula in x1, x2): a square grid of about ``points`` points
    over the domain (``[lo, hi]`` for every axis, or ``[lo1, hi1, lo2, hi2, ...]``). 3 or 4
    inputs: ``points`` rows drawn uniformly in the domain (the seed's first draws).
    ``normalize`` divides y by max |y| (``normalize_by="max_abs"``: targets in [-1, 1]) or by
    max y (``"max"``, the slide's y / y.max()); ``noise`` is the standard deviation of
    Gaussian noise added to every sample afterwards.
    """
    target = parse_target(formula)
    axes = _domain_axes(domain, len(target.variables))
    rng = np.random.default_rng(seed)
    x = _sample_inputs(axes, points, step, rng)
    clean = target(*x.T)
    bad = ~np.isfinite(clean)
    if bad.any():
        where = ", ".join(f"{v} = {c:.4g}" for v, c in zip(target.variables, x[bad.argmax()]))
        value = clean[bad.argmax()]
        raise DataError(
            translate(
                "Data",
                "The formula gives {value} at {where}: it is not defined on the whole domain "
                "(a logarithm or square root of a negative number, a division by zero or an "
                "overflow?). Change the formula or the domain.",
            ).format(value=value, where=where)
        )
    warnings = formula_warnings(target, axes, x, clean)
    divisor = y_divisor(clean, normalize_by) if normalize else 1.0
    y = clean / divisor
    if noise:
        y = y + rng.normal(0.0, noise, size=y.shape)
    train, test = split_indices(len(x), test_fraction, rng)
    return Dataset(
        name=target.text,
        task="regression",
        x_train=x[train],
        y_train=y[train, None],
        x_test=x[test],
        y_test=y[test, None],
        input_shape=(x.shape[1],),
        formula=target,
        domain=axes,
        y_divisor=divisor,
        description=f"y = {target.text}" + (f" / {divisor:.4g}" if normalize else ""),
        warnings=warnings,
    )


def formula_warnings(target, axes, x: np.ndarray, y: np.ndarray) -> tuple[str, ...]:
    """Warnings for a target that is finite at the samples ``x`` (values ``y``) but has a
    singularity between them, or values so large at a few points that the rest of the curve
    is flat after normalisation. Probes a fine grid over the domain as well as the samples."""
    if len(axes) == 1:
        ((lo, hi),) = axes
        grid = np.linspace(lo, hi, PROBE_POINTS[1])[:, None]
    elif len(axes) > 2:  # random samples already cover the domain; a grid would be huge
        grid = np.empty((0, len(axes)))
    else:
        side = PROBE_POINTS[2]
        (lo1, hi1), (lo2, hi2) = axes
        g1, g2 = np.meshgrid(np.linspace(lo1, hi1, side), np.linspace(lo2, hi2, side))
        grid = np.column_stack([g1.ravel(), g2.ravel()])
    probe_x = np.vstack([x, grid])
    probe_y = np.concatenate([y, target(*grid.T)])
    size = np.abs(probe_y)

    def where(row: int) -> str:
        return ", ".join(f"{v} = {c:.4g}" for v, c in zip(target.variables, probe_x[row]))

    bad = ~np.isfinite(size)
    if bad.any():
        return (
            translate(
                "Data",
                "{formula} is infinite or undefined near {where}: the samples miss that "
                "point, but the values next to it are huge.",
            ).format(formula=target.text, where=where(int(bad.argmax()))),
        )
    peak_row = int(size.argmax())
    peak = float(size[peak_row])
    # the value 90% of them do not exceed: an order statistic, not np.percentile, which
    # imports numpy.ma (10 ms of the app's start, for the course example's check)
    k = max(0, math.ceil(0.9 * len(size)) - 1)
    typical = float(np.partition(size, k)[k])
    if peak > 0.0 and peak > HUGE_RATIO * typical:
        return (
            translate(
                "Data",
                "{formula} has very large values near {where} (|y| up to {peak}, while 90% of "
                "the values are below {typical}): the rest of the curve looks flat.",
            ).format(
                formula=target.text,
                where=where(peak_row),
                peak=f"{peak:.3g}",
                typical=f"{typical:.3g}",
            ),
        )
    return ()


def _domain_axes(domain, n_axes: int) -> tuple[tuple[float, float], ...]:
    values = [float(v) for v in domain]
    if len(values) == 2:
        values = values * n_axes
    if len(values) != 2 * n_axes:
        raise DataError(
            translate(
                "Data", "The domain needs 2 numbers (or {n} for {inputs} inputs), got {got}."
            ).format(n=2 * n_axes, inputs=n_axes, got=len(values))
        )
    axes = tuple((values[2 * i], values[2 * i + 1]) for i in range(n_axes))
    for lo, hi in axes:
        if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
            raise DataError(
                translate(
                    "Data", "The domain [{lo}, {hi}] must be finite with its start below its end."
                ).format(lo=lo, hi=hi)
            )
        if max(abs(lo), abs(hi)) > MAX_MAGNITUDE:
            raise DataError(
                translate(
                    "Data",
                    "The domain [{lo}, {hi}] reaches beyond {limit} in size, where training "
                    "in float32 overflows; use a narrower domain (other units).",
                ).format(lo=lo, hi=hi, limit=f"{MAX_MAGNITUDE:g}")
            )
    return axes


def _sample_inputs(axes, points: int, step: float | None, rng) -> np.ndarray:
    if len(axes) == 1:
        ((lo, hi),) = axes
        if step:
            if step <= 0:
                raise DataError(translate("Data", "The step between points must be positive."))
            ratio = (hi - lo) / step  # inf when the step is tiny: refused, not converted
            if not np.isfinite(ratio):
                raise DataError(
                    translate(
                        "Data",
                        "A step of {step} gives more points than can be counted; at most {limit}.",
                    ).format(step=step, limit=f"{MAX_POINTS:,}")
                )
            count = int(np.ceil(ratio))
            if count > MAX_POINTS:
                raise DataError(
                    translate(
                        "Data", "A step of {step} gives {count} points; at most {limit}."
                    ).format(step=step, count=f"{count:,}", limit=f"{MAX_POINTS:,}")
                )
            x = np.arange(lo, hi, step)
        else:
            _check_points(points)
            x = np.linspace(lo, hi, int(points))
        if len(x) < 5:
            raise DataError(
                translate("Data", "At least 5 points are needed to split into train and test.")
            )
        return x[:, None]
    _check_points(points)
    if len(axes) > 2:
        lows, highs = np.array(axes).T
        return rng.uniform(lows, highs, size=(int(points), len(axes)))
    side = max(3, int(round(np.sqrt(points))))
    (lo1, hi1), (lo2, hi2) = axes
    g1, g2 = np.meshgrid(np.linspace(lo1, hi1, side), np.linspace(lo2, hi2, side))
    return np.column_stack([g1.ravel(), g2.ravel()])


def _check_points(points) -> None:
    if int(points) < 5 or int(points) > MAX_POINTS:
        raise DataError(
            translate(
                "Data", "The number of points must be between 5 and {limit}, not {points}."
            ).format(limit=f"{MAX_POINTS:,}", points=points)
        )


def split_indices(n: int, test_fraction: float, rng: np.random.Generator):
    """A random train/test split of ``range(n)``: (train indices, test indices)."""
    if not 0.0 < test_fraction < 1.0:
        raise DataError(
            translate("Data", "The test fraction must be between 0 and 1, not {value}.").format(
                value=test_fraction
            )
        )
    n_test = int(round(test_fraction * n))
    if n_test < 1 or n - n_test < 1:
        raise DataError(
            translate(
                "Data", "A test fraction of {value} leaves no train or no test points."
            ).format(value=test_fraction)
        )
    order = rng.permutation(n)
    return order[n_test:], order[:n_test]


def toy_dataset(
    name: str,
    points: int = 400,
    noise: float = 0.1,
    test_fraction: float = 0.2,
    seed: int = 0,
    classes: int = 2,
) -> Dataset:
    """A 2-D set like TensorFlow Playground's, with inputs scaled to [-1, 1].

    ``noise`` (0 to 0.5) blurs the classes: it is the spread added to each point as a
    fraction of the picture's radius. ``classes``: 2 for every set, up to 5 for the sets in
    :data:`MULTICLASS_TOYS`.
    """
    if name not in TOYS:
        raise DataError(
            translate("Data", "Unknown 2-D set {name!r}; choose one of {names}.").format(
                name=name, names=", ".join(TOYS)
            )
        )
    _check_points(points)
    check_classes(name, classes)
    if not 0.0 <= noise <= 1.0:
        raise DataError(
            translate("Data", "The noise must be between 0 and 1, not {value}.").format(value=noise)
        )
    rng = np.random.default_rng(seed)
    n = int(points)
    x, y = _TOY_MAKERS[name](rng, n, noise, int(classes))
    x = np.clip(x, -1.0, 1.0)
    train, test = split_indices(n, test_fraction, rng)
    return Dataset(
        name=TOY_LABELS[name],
        task="classification",
        x_train=x[train],
        y_train=y[train],
        x_test=x[test],
        y_test=y[test],
        input_shape=(2,),
        class_names=tuple(str(c) for c in range(int(classes))),
        domain=((-1.0, 1.0), (-1.0, 1.0)),
        description=f"{TOY_LABELS[name]}, {int(classes)} classes, noise {noise:g}",
    )


def check_classes(name: str, classes: int) -> None:
    """Refuse a number of classes the 2-D set ``name`` cannot draw."""
    if not MIN_CLASSES <= int(classes) <= MAX_CLASSES:
        raise DataError(
            translate(
                "Data", "The number of classes must be from {low} to {high}, not {n}."
            ).format(low=MIN_CLASSES, high=MAX_CLASSES, n=classes)
        )
    if int(classes) != 2 and name not in MULTICLASS_TOYS:
        raise DataError(
            translate(
                "Data", "The set {name!r} has two classes; more classes need one of {names}."
            ).format(name=name, names=", ".join(MULTICLASS_TOYS))
        )


def formula_class_dataset(
    condition: str,
    domain=(-1.0, 1.0),
    points: int = 400,
    noise: float = 0.0,
    test_fraction: float = 0.2,
    seed: int = 0,
) -> Dataset:
    """Two classes in the plane defined by a condition in x1, x2: ``points`` points drawn
    uniformly in the domain, class 1 where the condition holds. ``noise`` then moves every
    point by Gaussian noise of that standard deviation (the classes blur at the boundary)."""
    rule = parse_condition(condition)
    axes = _domain_axes(domain, 2)
    _check_points(points)
    rng = np.random.default_rng(seed)
    lows, highs = np.array(axes).T
    x = rng.uniform(lows, highs, size=(int(points), 2))
    undefined = rule.undefined(x[:, 0], x[:, 1])
    if undefined.any():
        where = ", ".join(f"{v} = {c:.4g}" for v, c in zip(rule.variables, x[undefined.argmax()]))
        raise DataError(
            translate(
                "Data",
                "The condition {condition} cannot be decided at {where}: a side of it is not a "
                "number there (a logarithm or square root of a negative number, a division by "
                "zero or an overflow?). Change the condition or the domain.",
            ).format(condition=rule.text, where=where)
        )
    y = rule(x[:, 0], x[:, 1]).astype(np.int64)
    counts = np.bincount(y, minlength=2)
    if counts.min() < 2:
        raise DataError(
            translate(
                "Data",
                "The condition {condition} puts {n1} of the {n} points in class 1: both "
                "classes need at least 2 points. Change the condition or the domain.",
            ).format(condition=rule.text, n1=int(counts[1]), n=int(points))
        )
    if noise:
        x = x + rng.normal(0.0, noise, size=x.shape)
    train, test = split_indices(len(x), test_fraction, rng)
    return Dataset(
        name=rule.text,
        task="classification",
        x_train=x[train],
        y_train=y[train],
        x_test=x[test],
        y_test=y[test],
        input_shape=(2,),
        class_names=("0", "1"),
        formula=rule,
        domain=axes,
        description=f"class 1: {rule.text}",
    )


def _circle(rng, n, noise, classes=2):
    # Class 1: a disc of radius 0.4; class 0: a ring from 0.56 to 0.8.
    half = n // 2
    r = np.concatenate([rng.uniform(0.0, 0.4, half), rng.uniform(0.56, 0.8, n - half)])
    angle = rng.uniform(0.0, 2 * np.pi, n)
    x = np.column_stack([r * np.cos(angle), r * np.sin(angle)])
    x += rng.uniform(-noise, noise, size=x.shape) * 0.8
    y = np.concatenate([np.ones(half), np.zeros(n - half)]).astype(np.int64)
    return x, y


def _xor(rng, n, noise, classes=2):
    # Points in each quadrant, kept a little away from the axes; class = sign(x1 x2) > 0.
    x = rng.uniform(-0.8, 0.8, size=(n, 2))
    x += np.sign(x) * 0.05
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    x += rng.uniform(-noise, noise, size=x.shape) * 0.8
    return x, y


def _gaussians(rng, n, noise, classes=2):
    # One Gaussian per class, centred on a circle; two classes: at (0.35, 0.35) (class 1) and
    # at (-0.35, -0.35) (class 0).
    spread = 0.1 + 0.5 * noise
    counts = [n // classes] * (classes - 1) + [n - (classes - 1) * (n // classes)]
    parts, labels = [], []
    for i, count in enumerate(counts):
        angle = np.pi / 4 + 2 * np.pi * i / classes
        centre = (0.35, 0.35) if i == 0 else (0.495 * np.cos(angle), 0.495 * np.sin(angle))
        if classes == 2 and i == 1:
            centre = (-0.35, -0.35)
        parts.append(rng.normal(centre, spread, size=(count, 2)))
        labels.append(np.full(count, (1 - i) if classes == 2 else i))
    return np.vstack(parts), np.concatenate(labels).astype(np.int64)


def _spiral(rng, n, noise, classes=2):
    # One arm per class, turned by 2 pi / classes; two classes: class 1 first, then class 0.
    counts = [n // classes] * (classes - 1) + [n - (classes - 1) * (n // classes)]
    parts, labels = [], []
    for i, count in enumerate(counts):
        t = np.linspace(0.0, 1.0, count)
        r = 0.8 * t
        angle = 1.75 * 2 * np.pi * t + 2 * np.pi * i / classes
        pts = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
        pts += rng.uniform(-noise, noise, size=pts.shape) * 0.8
        parts.append(pts)
        labels.append(np.full(count, (1 - i) if classes == 2 else i))
    return np.vstack(parts), np.concatenate(labels).astype(np.int64)


def _blobs(rng, n, noise, classes=2):
    # Tight round clusters, one per class, at the corners of a regular polygon of radius 0.6.
    spread = 0.07 + 0.3 * noise
    counts = [n // classes] * (classes - 1) + [n - (classes - 1) * (n // classes)]
    parts, labels = [], []
    for i, count in enumerate(counts):
        angle = np.pi / 2 + 2 * np.pi * i / classes
        centre = (0.6 * np.cos(angle), 0.6 * np.sin(angle))
        parts.append(rng.normal(centre, spread, size=(count, 2)))
        labels.append(np.full(count, i))
    return np.vstack(parts), np.concatenate(labels).astype(np.int64)


_TOY_MAKERS = {
    "circle": _circle,
    "xor": _xor,
    "gaussians": _gaussians,
    "spiral": _spiral,
    "blobs": _blobs,
}


def toy_maker(name: str):
    """The function that draws the 2-D set ``name``: ``maker(rng, n, noise, classes) -> (x,
    y)``. It
    uses only its arguments and ``np``, so the exported scripts copy its source."""
    if name not in _TOY_MAKERS:
        raise DataError(
            translate("Data", "Unknown 2-D set {name!r}; choose one of {names}.").format(
                name=name, names=", ".join(TOYS)
            )
        )
    return _TOY_MAKERS[name]
