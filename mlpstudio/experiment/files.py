"""Writing results to disk safely: never a half-written file, never a pickle.

Every file goes through :mod:`mlpstudio.atomic` (the project's one atomic writer): a
temporary file in the same folder renamed over the target, so a crash or a full disk leaves
either the old file or the new one, never a mixture.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..atomic import (  # noqa: F401 (atomic_write: the one writer, re-exported)
    FolderRefused,
    atomic_folder,
    atomic_write,
    atomic_write_text,
    check_folder_target,
)
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


def json_safe(value) -> tuple[object, int]:
    """(``value`` as strict JSON can hold it, how many numbers were not finite): NaN and
    infinities become null (``json.dumps`` would write the bare words NaN and Infinity, which
    JSON.parse, jq and most parsers refuse), numpy scalars and arrays plain numbers and lists."""
    replaced = 0

    def clean(v):
        nonlocal replaced
        if isinstance(v, dict):
            return {str(k): clean(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [clean(x) for x in v]
        if isinstance(v, np.ndarray):
            return clean(v.tolist())
        if isinstance(v, np.generic):
            v = v.item()
        if isinstance(v, float) and not np.isfinite(v):
            replaced += 1
            return None
        return v

    return clean(value), replaced


def write_json(path: str | Path, data: dict) -> Path:
    return atomic_write_text(path, json.dumps(data, indent=2, allow_nan=False) + "\n")


# -- results folders (--out) ----------------------------------------------------------------
#: What ``mlpstudio train --out`` and ``mlpstudio compare --out`` write into their folder.
TRAIN_OUT_FILES = ("history.csv", "model.npz", "config.toml", "model.json")
COMPARE_OUT_FILES = ("compare.csv", "compare.json", "config.toml")


class OutputError(Exception):
    """A results folder cannot be written: one paragraph saying where and why (exit 2)."""


def _output_error(target: Path, exc: OSError) -> OutputError:
    if isinstance(exc, FolderRefused):
        reason = str(exc)
    elif isinstance(exc, NotADirectoryError | FileExistsError):
        reason = "a part of that path is a file, not a folder"
    else:
        reason = exc.strerror or str(exc)
    return OutputError(
        f"Cannot write the results to {target}: {reason}. Give --out a new folder, or one that "
        "holds only earlier results of the same command, in a place where you can write; "
        "any earlier results there are unchanged."
    )


def check_output_folder(target: str | Path, names: tuple[str, ...]) -> Path:
    """Refuses, before any work is done, a results folder that cannot be written or that holds
    files other than ``names`` (see :func:`mlpstudio.atomic.check_folder_target`)."""
    target = Path(target).expanduser()
    try:
        return check_folder_target(target, names)
    except OSError as exc:
        raise _output_error(target, exc) from None


def write_output_folder(
    target: str | Path, names: tuple[str, ...], write: Callable[[Path], None]
) -> Path:
    """Calls ``write(folder)`` on a new temporary folder beside ``target`` and swaps it into
    place: a run that fails or is killed leaves the earlier results whole, never two runs
    mixed. ``write`` must write only ``names``."""
    target = Path(target).expanduser()
    try:
        with atomic_folder(target, names) as folder:
            write(folder)
            unexpected = sorted(p.name for p in folder.iterdir() if p.name not in names)
            assert not unexpected, f"results folder written with unlisted files {unexpected}"
    except OSError as exc:
        raise _output_error(target, exc) from None
    return target
