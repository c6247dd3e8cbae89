"""Pictures of widgets as arrays, and comparing them with a tolerance (the idea of pyqtgraph's
image tests: a per-pixel tolerance and a largest share of pixels allowed to differ)."""

from __future__ import annotations

import numpy as np


def picture(widget) -> np.ndarray:
    """What ``widget`` draws now, as an (height, width, 3) uint8 RGB array."""
    from PySide6.QtGui import QImage

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return image_array(image)


def image_array(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    bgra = data.reshape(height, image.bytesPerLine() // 4, 4)[:, :width]
    return np.ascontiguousarray(bgra[:, :, 2::-1])  # BGRA in memory (little-endian) -> RGB


def ink(pixels: np.ndarray) -> float:
    """The share of pixels that are not the most common colour (the background)."""
    flat = pixels.reshape(-1, 3)
    _, counts = np.unique(flat, axis=0, return_counts=True)
    return 1.0 - counts.max() / len(flat)


def differing(a: np.ndarray, b: np.ndarray, tolerance: int) -> np.ndarray:
    """Pixels where any channel differs by more than ``tolerance`` (of 255)."""
    if a.shape != b.shape:
        raise AssertionError(f"sizes differ: {a.shape[1::-1]} against {b.shape[1::-1]}")
    return (np.abs(a.astype(np.int16) - b.astype(np.int16)) > tolerance).any(axis=2)


def red_share(pixels: np.ndarray) -> float:
    """The share of strongly red pixels (the course's colour for the network's predictions)."""
    p = pixels.astype(np.int16)
    return float(((p[..., 0] > 170) & (p[..., 1] < 90) & (p[..., 2] < 90)).mean())
