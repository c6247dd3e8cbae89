"""Template: the random train/test split the app uses for functions and 2-D sets."""

# -- end of the generated part --


def split_indices(n, test_fraction, rng):
    """A random train/test split of range(n): (train indices, test indices)."""
    n_test = int(round(test_fraction * n))
    order = rng.permutation(n)
    return order[n_test:], order[:n_test]
