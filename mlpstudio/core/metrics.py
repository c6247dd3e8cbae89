"""Quality measures reported beside the loss.

They take the array module first so that they run where the data lives (numpy or cupy), and
return Python floats or host arrays.
"""

from __future__ import annotations

import numpy as np


def mse(xp, output, target) -> float:
    with np.errstate(over="ignore", invalid="ignore"):  # a diverged output reports inf/NaN
        diff = output - target
        return float((diff * diff).mean())


def r2_score(xp, output, target) -> float:
    """Coefficient of determination 1 - SS_res / SS_tot, averaged over outputs (as in
    scikit-learn's default). 1 is a perfect fit; 0 is no better than predicting the mean.

    A target that does not vary (one test row, or a constant column) has SS_tot = 0 and no
    R^2 of its own; as scikit-learn's ``force_finite`` does, it counts 1 only for an exact
    fit and 0 otherwise (an output that misses a constant is no better than its mean)."""
    target = target.reshape(len(target), -1)
    output = output.reshape(len(output), -1)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):  # inf/NaN reported as is
        ss_res = ((target - output) ** 2).sum(axis=0)
        ss_tot = ((target - target.mean(axis=0)) ** 2).sum(axis=0)
        # SS_tot = 0: an exact fit 1, else 0 (NaN for a diverged output, as it is)
        flat = xp.where(ss_res == 0, 0.0, ss_res / xp.where(ss_res == 0, 1, ss_res))
        ratio = xp.where(ss_tot > 0, ss_res / xp.where(ss_tot > 0, ss_tot, 1), flat)
    return float((1.0 - ratio).mean())


def predicted_classes(xp, output):
    """Class indices from a head's output: argmax of probabilities, or p > 0.5 for sigmoid."""
    if output.ndim == 2 and output.shape[1] > 1:
        return output.argmax(axis=1)
    return (output.reshape(-1) > 0.5).astype(xp.int64)


def accuracy(xp, output, labels) -> float:
    """Share of rows whose predicted class equals the label."""
    labels = labels.reshape(-1)
    return float((predicted_classes(xp, output) == labels).mean())


def confusion_matrix(true: np.ndarray, predicted: np.ndarray, n_classes: int) -> np.ndarray:
    """Counts C[i, j] of samples of true class i predicted as class j (host arrays)."""
    true = np.asarray(true, dtype=np.int64).reshape(-1)
    predicted = np.asarray(predicted, dtype=np.int64).reshape(-1)
    flat = np.bincount(true * n_classes + predicted, minlength=n_classes * n_classes)
    return flat.reshape(n_classes, n_classes)


def class_probabilities(output: np.ndarray) -> np.ndarray:
    """Per-class probabilities from a head's output: softmax rows as they are, a sigmoid
    column p as the two columns (1 - p, p)."""
    output = np.asarray(output, dtype=np.float64)
    if output.ndim == 2 and output.shape[1] > 1:
        return output
    p = output.reshape(-1)
    return np.column_stack([1.0 - p, p])


def fold_probabilities(probabilities: np.ndarray, group_of: np.ndarray) -> np.ndarray:
    """Probabilities of groups of classes (CIFAR-100 superclasses): the sum over members."""
    n_groups = int(np.max(group_of)) + 1
    membership = np.zeros((len(group_of), n_groups))
    membership[np.arange(len(group_of)), group_of] = 1.0
    return probabilities @ membership


def per_class_accuracy(confusion: np.ndarray) -> np.ndarray:
    """Share of each true class predicted correctly (NaN for classes without samples)."""
    totals = confusion.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(confusion) / np.maximum(totals, 1), np.nan)
