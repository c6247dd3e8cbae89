"""Template: two classes in the plane, class 1 where a condition holds (``condition``)."""

import numpy as np

from .data_split import split_indices
from .stand_ins import DATA_SEED, DOMAIN, NOISE, POINTS, TEST_FRACTION, condition

# -- end of the generated part --


def make_data():
    """Points drawn uniformly in the domain, labelled by the condition, moved by the noise,
    split at random."""
    rng = np.random.default_rng(DATA_SEED)
    lows, highs = np.array(DOMAIN).T
    x = rng.uniform(lows, highs, size=(POINTS, 2))
    y = np.asarray(condition(x[:, 0], x[:, 1])).astype(np.int64)
    if NOISE:
        x = x + rng.normal(0.0, NOISE, size=x.shape)
    train, test = split_indices(POINTS, TEST_FRACTION, rng)
    return x[train], y[train], x[test], y[test]
