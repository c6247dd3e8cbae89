"""Region maps for more than two classes: each pixel in its predicted class's colour, paler
where the network is less sure (the softmax's largest probability near 1 / classes)."""

from __future__ import annotations

import numpy as np

from .. import style

#: How far from white a pixel goes: a little for an unsure pixel, most of the way for a sure one.
PALEST, DEEPEST = 0.15, 0.85


def many_classes(ds) -> bool:
    """True for a 2-D set of more than two classes (a softmax, one output per class)."""
    return ds is not None and ds.task == "classification" and len(ds.class_names) > 2


def class_colours(k: int) -> np.ndarray:
    """(k, 3) RGB of the app's class colours, as the points are drawn."""
    colours = [style.CLASS_COLORS[c % len(style.CLASS_COLORS)] for c in range(k)]
    return np.array([[c.red(), c.green(), c.blue()] for c in colours], dtype=np.float64)


def class_regions(output: np.ndarray, side: int) -> np.ndarray:
    """(side, side, 4) uint8 RGBA from the softmax output on the plot grid (rows along x2)."""
    probs = np.nan_to_num(np.asarray(output, dtype=np.float64)).reshape(side, side, -1)
    k = probs.shape[-1]
    winner = probs.argmax(axis=-1)
    sure = (probs.max(axis=-1) - 1.0 / k) / (1.0 - 1.0 / k)
    depth = PALEST + (DEEPEST - PALEST) * np.clip(sure, 0.0, 1.0)
    rgb = 255.0 + (class_colours(k)[winner] - 255.0) * depth[..., None]
    alpha = np.full((side, side, 1), 255.0)
    return np.concatenate([rgb, alpha], axis=-1).round().astype(np.uint8)
