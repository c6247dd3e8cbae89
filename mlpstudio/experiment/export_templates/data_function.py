"""Template: the data of a target function (the formula is generated as ``target``)."""

import math
import sys

import numpy as np

from .data_split import split_indices
from .stand_ins import (
    DATA_SEED,
    DOMAIN,
    NOISE,
    NORMALIZE,
    NORMALIZE_BY,
    POINTS,
    STEP,
    TEST_FRACTION,
    target,
)

# -- end of the generated part --


def make_data():
    """Sample the target, normalise it, add noise, split at random: x and y, train and test."""
    rng = np.random.default_rng(DATA_SEED)
    if len(DOMAIN) == 1:
        ((lo, hi),) = DOMAIN
        x = np.arange(lo, hi, STEP) if STEP else np.linspace(lo, hi, POINTS)
        x = x[:, None]
    elif len(DOMAIN) > 2:  # 3 or 4 inputs: POINTS rows drawn uniformly in the domain
        lows, highs = np.array(DOMAIN).T
        x = rng.uniform(lows, highs, size=(POINTS, len(DOMAIN)))
    else:  # a square grid of about POINTS points
        side = max(3, int(round(math.sqrt(POINTS))))
        (lo1, hi1), (lo2, hi2) = DOMAIN
        g1, g2 = np.meshgrid(np.linspace(lo1, hi1, side), np.linspace(lo2, hi2, side))
        x = np.column_stack([g1.ravel(), g2.ravel()])
    with np.errstate(all="ignore"):
        y = np.broadcast_to(np.asarray(target(*x.T), dtype=np.float64), (len(x),)).copy()
    if not np.all(np.isfinite(y)):
        sys.exit("The formula is not finite on the whole domain.")
    if NORMALIZE:  # by y.max() (the slide) or by max |y|
        y = y / float(np.max(y) if NORMALIZE_BY == "max" else np.max(np.abs(y)))
    if NOISE:
        y = y + rng.normal(0.0, NOISE, size=y.shape)
    train, test = split_indices(len(x), TEST_FRACTION, rng)
    return x[train], y[train, None], x[test], y[test, None]
