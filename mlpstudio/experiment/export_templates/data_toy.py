"""Template: a 2-D classification set (``make_points`` is the app's own maker, inlined)."""

import numpy as np

from .data_split import split_indices
from .stand_ins import CLASSES, DATA_SEED, NOISE, POINTS, TEST_FRACTION, make_points

# -- end of the generated part --


def make_data():
    """The 2-D points and their classes, clipped to [-1, 1], split at random."""
    rng = np.random.default_rng(DATA_SEED)
    x, y = make_points(rng, POINTS, NOISE, CLASSES)
    x = np.clip(x, -1.0, 1.0)
    train, test = split_indices(POINTS, TEST_FRACTION, rng)
    return x[train], y[train], x[test], y[test]
