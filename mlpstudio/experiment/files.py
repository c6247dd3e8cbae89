"""Writing results to disk safely: never a half-written file, never a pickle.

Every file goes through :mod:`mlpstudio.atomic` (the project's one atomic writer): a
temporary file in the same folder renamed over the target, so a crash or a full disk leaves
either the old file or the new one, never a mixture.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np

from ..atomic import atomic_write, atomic_write_text  # noqa: F401 (the one writer, re-exported)
from ..core.network import Network


def history_csv(history: dict[str, np.ndarray]) -> str:
    """The per-epoch history as CSV text (one row per epoch, NaN columns left empty)."""
    buffer = io.StringIO()
    columns = list(history)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for i in range(len(history[columns[0]])):
        row = []
        for c in columns:
            value = float(history[c][i])
            if c == "epoch":
                row.append(str(int(value)))
            else:
                row.append("" if value != value else repr(value))
        writer.writerow(row)
    return buffer.getvalue()


def read_history_csv(path: str | Path) -> dict[str, np.ndarray]:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    return {
        name: np.array([float(r[i]) if r[i] else np.nan for r in body])
        for i, name in enumerate(header)
    }


def save_model(path: str | Path, network: Network) -> Path:
    """Weights as ``W1, b1, W2, b2, ...`` in an .npz file (plain float arrays, no pickle)."""
    arrays = {}
    for layer, (w, b) in enumerate(network.weights_to_host(), start=1):
        arrays[f"W{layer}"] = w
        arrays[f"b{layer}"] = b
    return atomic_write(path, lambda f: np.savez(f, **arrays))


def load_model_arrays(path: str | Path) -> list[tuple[np.ndarray, np.ndarray]]:
    """(W^[l], b^[l]) pairs from a file written by :func:`save_model`."""
    with np.load(path, allow_pickle=False) as data:
        layers = []
        layer = 1
        while f"W{layer}" in data.files:
            layers.append((data[f"W{layer}"], data[f"b{layer}"]))
            layer += 1
    if not layers:
        raise ValueError(f"{path} holds no layers (expected arrays W1, b1, ...)")
    return layers


def model_description(network: Network) -> dict:
    """The architecture in JSON-friendly form, to store beside the weights."""
    return {
        "sizes": network.sizes,
        "activations": network.activation_names,
        "head": network.head.name,
        "parameters": network.n_params,
        "parameters_per_layer": [c.params for c in network.counts],
        "dtype": str(network.backend.dtype),
    }


def write_json(path: str | Path, data: dict) -> Path:
    return atomic_write_text(path, json.dumps(data, indent=2, allow_nan=False) + "\n")
