"""Per-epoch records of a run: :class:`History` (losses, metrics, learning rate, time) and
:class:`LayerHistory` (gradients and unit health per layer), in growing numpy columns."""

from __future__ import annotations

import numpy as np


class _Columns:
    """Per-epoch records in growing numpy columns (a column may hold a vector per epoch).

    :meth:`view` hands out read-only slices: rows that are already written never change, and
    growth copies into a new buffer, so a view stays valid and constant forever.
    """

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, widths: dict[str, int | None], capacity: int):
        self._data = {
            c: np.full((capacity,) if w is None else (capacity, w), np.nan)
            for c, w in widths.items()
        }
        self.length = 0

    def __len__(self) -> int:
        return self.length

    def _append(self, row: dict) -> None:
        if self.length == len(self._data["epoch"]):
            for c, old in self._data.items():
                bigger = np.full((2 * self.length,) + old.shape[1:], np.nan)
                bigger[: self.length] = old[: self.length]
                self._data[c] = bigger
        for c in self.COLUMNS:
            self._data[c][self.length] = row.get(c, np.nan)
        self.length += 1

    def view(self) -> dict[str, np.ndarray]:
        out = {}
        for c in self.COLUMNS:
            v = self._data[c][: self.length]
            v.flags.writeable = False
            out[c] = v
        return out


class History(_Columns):
    """Per-epoch records of the whole network: losses, metrics, learning rate and time."""

    COLUMNS = (
        "epoch",
        "train_loss",
        "test_loss",
        "val_loss",
        "train_metric",
        "test_metric",
        "learning_rate",
        "seconds",
    )

    def __init__(self, capacity: int = 256):
        super().__init__(dict.fromkeys(self.COLUMNS), capacity)

    def append(self, **row: float) -> None:
        unknown = set(row) - set(self.COLUMNS)
        if unknown:
            raise KeyError(f"unknown history columns: {sorted(unknown)}")
        self._append(row)

    @classmethod
    def from_columns(cls, columns: dict[str, np.ndarray]) -> History:
        n = len(columns["epoch"])
        history = cls(max(256, n))
        for c in cls.COLUMNS:
            if c in columns:
                history._data[c][:n] = np.asarray(columns[c], dtype=float)
        history.length = n
        return history


class LayerHistory(_Columns):
    """Per-epoch, per-layer records of what happens inside the network, measured on at most
    :data:`INSIGHT_ROWS` training rows: ``gradient`` (epochs, L) mean |dL/dW^[l]|, ``dead``
    and ``saturated`` (epochs, L-1) the share of each hidden layer's units that are dead or
    saturated (see :mod:`mlpstudio.core.insight`)."""

    COLUMNS = ("epoch", "gradient", "dead", "saturated")

    def __init__(self, n_layers: int, capacity: int = 256):
        widths = {"epoch": None, "gradient": n_layers, "dead": n_layers - 1,
                  "saturated": n_layers - 1}  # fmt: skip
        super().__init__(widths, capacity)

    def append(self, epoch: int, gradient, dead, saturated) -> None:
        self._append({"epoch": epoch, "gradient": gradient, "dead": dead, "saturated": saturated})
