"""An experiment as one file (``.mlpx``): configuration, weights, optimiser state and history.

The file is an ordinary zip archive, so it can be opened with any zip tool and every array read
with ``numpy.load(..., allow_pickle=False)``::

    experiment.json            format version, app version, config, data reference,
                               architecture, optimiser, history length, results
    weights/W1.npy, b1.npy...  W^[l] of shape (N_l, N_{l-1}) and b^[l] of shape (N_l,)
    optimizer/t.npy, m.npy...  Optimizer.state() in PyTorch's units ("t", then "velocity"
                               for momentum, or "m" and "v" for Adam), flat, in the network's
                               parameter layout
    history/epoch.npy, ...     one float64 column per History column
    timeline/...               the run's kept epochs and their parameters (archive_timeline)
    data/table.csv             data.kind = csv only: the CSV file's bytes, up to
                               CSV_EMBED_MAX_BYTES, so the experiment reopens elsewhere

Saving writes a temporary file in the target's folder and renames it over the target
(:func:`~mlpstudio.experiment.files.atomic_write`), so a crash, a kill or a full disk leaves the
previous file intact. Opening treats the file as untrusted input: nothing is unpickled, member
names and sizes are checked before anything is decompressed, every array must have exactly the
shape and kind the architecture in ``experiment.json`` calls for, and any problem is reported as
one :class:`ArchiveError` that names it. Opening never writes anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import __version__
from ..atomic import remove_stale
from ..core.activations import ACTIVATIONS
from ..core.losses import HEADS
from ..core.network import Network, layer_counts
from ..core.optimizers import OPTIMIZERS
from ..core.training import History
from ..data.dataset import DataError
from ..data.untrusted import MAX_BYTES, loads_json, open_regular
from ..memory import MemoryBudgetError, check_memory
from .archive_checks import (
    MAX_HISTORY_ROWS,
    MAX_MEMBERS,
    OPEN_MEMORY_FACTOR,
    ZIP_ERRORS,
    ArchiveError,
    array_limit,
    check_claim,
    check_directory,
    check_history,
    check_member_name,
    check_method,
    check_state,
    clip,
    optimizer_buffers,
    read_array,
    read_member,
)
from .archive_timeline import expected_members, timeline_from, timeline_members
from .config import Config, ConfigError, config_from_dict
from .files import atomic_write, json_safe

SUFFIX = ".mlpx"
FORMAT = "mlpstudio-experiment"
FORMAT_VERSION = 1
META = "experiment.json"

#: data.kind = csv: the file is stored in the experiment up to this size (bytes), so that it
#: reopens on a machine without the original; a larger file is referenced by path only.
CSV_EMBED_MAX_BYTES = 20 * 10**6
CSV_MEMBER = "data/table.csv"

MAX_META_BYTES = MAX_BYTES["json"]  # experiment.json: a config and a few results
# A fixed timestamp: the same experiment gives the same bytes (the JSON holds the real time).
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass
class ExperimentFile:
    """What an experiment file holds, checked and ready to continue training from."""

    config: Config
    sizes: list[int]
    activations: list[str]
    head: str
    layers: list[tuple[np.ndarray, np.ndarray]]  # (W^[l], b^[l]) on the host
    history: dict[str, np.ndarray]  # History.COLUMNS -> float64 arrays of equal length
    optimizer_state: dict[str, np.ndarray] | None
    meta: dict = field(default_factory=dict)  # the whole experiment.json
    embedded_csv: bytes | None = None  # data.kind = csv: the file's bytes stored with it
    timeline: object = None  # the kept epochs (core.insight.Timeline), when the run had them

    @property
    def params(self) -> np.ndarray:
        """All parameters as one flat array in :class:`~mlpstudio.core.network.Network`'s
        layout (every W^[l] column-major, then every b^[l]): ready for ``set_params``."""
        return flatten_layers(self.layers)

    @property
    def results(self) -> dict:
        return self.meta.get("results", {})

    @property
    def epochs(self) -> int:
        """Epochs trained so far (the last row of the history)."""
        epochs = self.history.get("epoch")
        return int(epochs[-1]) if epochs is not None and len(epochs) else 0


def flatten_layers(layers: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """(W, b) pairs to the network's flat layout: each W stored as W.T row by row (that is,
    W column-major), all weights first, then all biases."""
    weights = [np.ascontiguousarray(w.T).ravel() for w, _ in layers]
    biases = [np.asarray(b).ravel() for _, b in layers]
    return np.concatenate(weights + biases)


# -- saving -----------------------------------------------------------------------------------
def save_experiment(
    path: str | Path,
    config: Config,
    network: Network,
    history: dict[str, np.ndarray] | None,
    optimizer_state: dict | None = None,
    extra: dict | None = None,
    timeline=None,
) -> Path:
    """Write the experiment to ``path`` in one piece (replacing any earlier file atomically).

    ``history`` is ``History.view()`` or a snapshot's history (columns of History.COLUMNS);
    ``optimizer_state`` is ``Optimizer.state()`` or None; ``extra`` holds JSON-friendly
    results and metadata (stored as ``results``). Raises :class:`ArchiveError` when the
    pieces do not fit together; the target is then left as it was.
    """
    path = Path(path)
    if network.sizes[1:-1] != config.model.hidden or (
        network.activation_names != config.model.activations()
    ):
        raise ArchiveError(
            f"The network ({'-'.join(map(str, network.sizes))}, "
            f"{', '.join(network.activation_names) or 'no hidden layer'}) does not match the "
            f"configuration (hidden {config.model.hidden}); the file could not be opened again."
        )
    layers = network.weights_to_host()
    optimizer = config.training.optimizer
    arrays: dict[str, np.ndarray] = {}
    for layer, (w, b) in enumerate(layers, start=1):
        arrays[f"weights/W{layer}.npy"] = w
        arrays[f"weights/b{layer}.npy"] = b
    if optimizer_state:
        expected = {"t", *optimizer_buffers(optimizer)}
        if set(optimizer_state) != expected:
            raise ArchiveError(
                f"The optimiser state has {sorted(optimizer_state)}, but {optimizer} keeps "
                f"{sorted(expected)}; it does not belong to this experiment."
            )
        for key, value in optimizer_state.items():
            value = np.asarray(value.get() if hasattr(value, "get") else value)
            if key != "t" and value.shape != (network.n_params,):
                raise ArchiveError(
                    f"The optimiser's {key!r} has shape {value.shape}; the network has "
                    f"{network.n_params} parameters."
                )
            arrays[f"optimizer/{key}.npy"] = value
    rows = 0
    columns = []
    if history:
        unknown = set(history) - set(History.COLUMNS)
        if unknown:
            raise ArchiveError(f"Unknown history columns: {', '.join(sorted(unknown))}.")
        rows = len(history.get("epoch", ()))
        for name in History.COLUMNS:
            if name in history:
                column = np.asarray(history[name], dtype=np.float64)
                if column.shape != (rows,):
                    raise ArchiveError(f"History column {name!r} is not {rows} values long.")
                arrays[f"history/{name}.npy"] = column
                columns.append(name)

    timeline_arrays, timeline_meta = timeline_members(timeline, network.n_params)
    arrays.update(timeline_arrays)
    meta = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app": "MLP Studio",
        "app_version": __version__,
        "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "config": config.to_dict(),
        "data": data_reference(config, csv_bytes := _csv_to_embed(config)),
        "model": {
            "sizes": list(network.sizes),
            "activations": list(network.activation_names),
            "head": network.head.name,
            "parameters": int(network.n_params),
            "parameters_per_layer": [c.params for c in network.counts],
            "dtype": str(network.backend.dtype),
        },
        "optimizer": {"name": optimizer, "state": bool(optimizer_state)},
        "history": {"rows": rows, "columns": columns},
        "results": json_safe(extra or {})[0],
        **({"timeline": timeline_meta} if timeline_meta else {}),
    }
    try:
        meta_bytes = json.dumps(meta, indent=2, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise ArchiveError(f"The results cannot be stored as JSON ({exc}).") from None

    def write(handle) -> None:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            info = zipfile.ZipInfo(META, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, meta_bytes)
            if csv_bytes is not None:
                info = zipfile.ZipInfo(CSV_MEMBER, date_time=_ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, csv_bytes)
            for name, array in arrays.items():
                _write_member(archive, name, array)

    return atomic_write(path, write)


def _write_member(archive: zipfile.ZipFile, name: str, array: np.ndarray) -> None:
    """One array as a ``.npy`` member, streamed into the archive (no pickle)."""
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as member:
        np.save(member, np.asarray(array), allow_pickle=False)


def data_reference(config: Config, csv_bytes: bytes | None = None) -> dict:
    """Which data the experiment trained on, in words a person can check."""
    data = config.data
    if data.kind == "csv":
        embedded = csv_bytes is not None
        return {
            "kind": "csv",
            "path": data.path,
            "file": Path(data.path).name,
            "embedded": CSV_MEMBER if embedded else None,
            "bytes": len(csv_bytes) if embedded else None,
            "sha256": hashlib.sha256(csv_bytes).hexdigest() if embedded else None,
        }
    if data.kind == "function":
        return {"kind": "function", "formula": data.formula, "domain": list(data.domain)}
    if data.kind == "toy":
        return {"kind": "toy", "name": data.toy}
    return {"kind": data.kind, "name": data.kind, "root": data.root, "subset": data.subset}


# -- opening ----------------------------------------------------------------------------------
def load_experiment(path: str | Path) -> ExperimentFile:
    """Open and check an experiment file; raises :class:`ArchiveError` naming any problem."""
    path = Path(path)
    name = path.name
    try:
        handle = open_regular(path, "experiment")
    except DataError as exc:
        reason = str(exc)
        if not path.exists() and not path.is_symlink():
            reason = f"{name}: no such file."
        elif path.is_dir():
            reason = f"{name}: is a folder, not an experiment file."
        raise ArchiveError(reason) from None
    remove_stale(path.parent)  # the .part files a killed save left beside it
    try:
        with handle:
            check_directory(handle, name)
            try:
                archive = zipfile.ZipFile(handle, "r")
            except OSError as exc:
                raise ArchiveError(f"{name}: cannot be read ({exc.strerror or exc}).") from None
            except ZIP_ERRORS as exc:
                raise ArchiveError(
                    f"{name}: not an MLP Studio experiment file, or it is damaged or truncated "
                    f"({exc})."
                ) from None
            with archive:
                return _read(archive, name)
    except ArchiveError:
        raise
    except MemoryBudgetError as exc:
        raise ArchiveError(f"{name}: {exc}") from None
    except (*ZIP_ERRORS, OSError) as exc:
        reason = str(exc) or type(exc).__name__
        raise ArchiveError(f"{name}: the file is damaged or truncated ({reason}).") from None


def _read(archive: zipfile.ZipFile, name: str) -> ExperimentFile:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ArchiveError(f"{name}: holds {len(infos):,} members; refused.")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        member = info.filename
        check_member_name(name, member)
        if member in members:
            raise ArchiveError(f"{name}: the member {member!r} appears twice; refused.")
        if info.flag_bits & 0x1:
            raise ArchiveError(f"{name}: the member {clip(member)} is encrypted; refused.")
        check_method(name, info)
        members[member] = info
    if META not in members:
        raise ArchiveError(f"{name}: has no {META}; it is not an MLP Studio experiment file.")

    meta = _read_meta(archive, members[META], name)
    config, sizes, activations, head = _check_meta(meta, name)
    counts = layer_counts(sizes)
    n_params = sum(c.params for c in counts)
    rows = meta["history"]["rows"]
    optimizer = config.training.optimizer

    expected: dict[str, tuple[tuple[int, ...], str]] = {}  # member -> (shape, kinds)
    for c in counts:
        expected[f"weights/W{c.layer}.npy"] = ((c.units, c.inputs), "f")
        expected[f"weights/b{c.layer}.npy"] = ((c.units,), "f")
    has_state = meta["optimizer"].get("state") is True
    if has_state:
        expected["optimizer/t.npy"] = ((), "iu")
        for key in optimizer_buffers(optimizer, name):
            expected[f"optimizer/{key}.npy"] = ((n_params,), "f")
    for column in meta["history"]["columns"]:
        expected[f"history/{column}.npy"] = ((rows,), "f")
    expected.update(expected_members(meta, n_params, name))
    csv_info = _csv_reference(meta, config, name)
    if csv_info is not None:
        expected[CSV_MEMBER] = ((), "csv")

    unexpected = sorted(set(members) - set(expected) - {META})
    if unexpected:
        raise ArchiveError(
            f"{name}: unexpected member {clip(unexpected[0])} (for this architecture the file "
            f"holds {META}, weights/, optimizer/ and history/ only); refused."
        )
    missing = sorted(set(expected) - set(members))
    if missing:
        raise ArchiveError(f"{name}: the member {missing[0]!r} is missing; the file is incomplete.")
    limits = {member: array_limit(shape) for member, (shape, _) in expected.items()}
    for member, limit in limits.items():
        check_claim(name, members[member], limit)
    # Every claim is within what the architecture needs; now the whole must fit in memory,
    # before a single member is decompressed.
    stored = sum(members[member].file_size for member in expected)
    check_memory(
        OPEN_MEMORY_FACTOR * stored,
        f"Opening this experiment ({'-'.join(map(str, sizes))}, {n_params:,} parameters"
        f"{', with optimiser state' if has_state else ''})",
        "Open it on a computer with more memory.",
    )

    arrays = {
        member: read_array(archive, members[member], name, shape, kinds)
        for member, (shape, kinds) in expected.items()
        if kinds != "csv"
    }
    embedded_csv = None
    if csv_info is not None:
        embedded_csv = read_member(archive, members[CSV_MEMBER], name, CSV_EMBED_MAX_BYTES)
        size, digest = csv_info
        if len(embedded_csv) != size or hashlib.sha256(embedded_csv).hexdigest() != digest:
            raise ArchiveError(f"{name}: the stored CSV file does not match its checksum; refused.")
    layers = [
        (arrays[f"weights/W{c.layer}.npy"], arrays[f"weights/b{c.layer}.npy"]) for c in counts
    ]
    largest = float(np.finfo(config.training.dtype).max)  # beyond it, float32 gives inf
    for layer, (w, b) in enumerate(layers, start=1):
        if not (np.isfinite(w).all() and np.isfinite(b).all()):
            raise ArchiveError(f"{name}: the weights of layer {layer} are not all finite numbers.")
        if float(max(np.abs(w).max(initial=0.0), np.abs(b).max(initial=0.0))) > largest:
            raise ArchiveError(
                f"{name}: the weights of layer {layer} are too large for "
                f"{config.training.dtype} (over {largest:.3g}); the file is damaged."
            )
    state = None
    if has_state:
        state = {"t": arrays["optimizer/t.npy"].astype(np.int64)}
        if int(state["t"]) < 0:
            raise ArchiveError(f"{name}: the optimiser's step count is negative.")
        for key in optimizer_buffers(optimizer, name):
            state[key] = arrays[f"optimizer/{key}.npy"]
        check_state(name, optimizer, state, float(np.finfo(config.training.dtype).max))
    history = {
        column: arrays[f"history/{column}.npy"].astype(np.float64)
        for column in meta["history"]["columns"]
    }
    check_history(name, history)
    return ExperimentFile(
        config=config,
        sizes=sizes,
        activations=activations,
        head=head,
        layers=layers,
        history=history,
        optimizer_state=state,
        meta=meta,
        embedded_csv=embedded_csv,
        timeline=timeline_from(arrays, history, name, dtype=config.training.dtype),
    )


def _read_meta(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> dict:
    data = read_member(archive, info, name, MAX_META_BYTES)
    try:
        meta = loads_json(data, f"{name}: {META}")
    except DataError as exc:
        raise ArchiveError(str(exc)) from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ArchiveError(f"{name}: {META} does not describe an MLP Studio experiment.")
    return meta


def _check_meta(meta: dict, name: str) -> tuple[Config, list[int], list[str], str]:
    version = meta.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ArchiveError(f"{name}: {META} has no valid format version.")
    if version > FORMAT_VERSION:
        saved_by = meta.get("app_version", "a newer version")
        raise ArchiveError(
            f"{name}: was saved by MLP Studio {saved_by} in file format {version}; this version "
            f"({__version__}) reads format {FORMAT_VERSION}. Update MLP Studio to open it."
        )
    try:
        config = config_from_dict(meta.get("config"))
    except ConfigError as exc:
        raise ArchiveError(
            f"{name}: the stored configuration is invalid: " + "; ".join(exc.problems)
        ) from None

    model = meta.get("model")
    if not isinstance(model, dict):
        raise ArchiveError(f"{name}: {META} has no architecture ('model').")
    sizes, activations, head = model.get("sizes"), model.get("activations"), model.get("head")
    if (
        not isinstance(sizes, list)
        or len(sizes) < 2
        or any(
            isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 1 << 24 for n in sizes
        )
    ):
        raise ArchiveError(
            f"{name}: the layer sizes {sizes!r} are not a list of positive integers."
        )
    if (
        not isinstance(activations, list)
        or len(activations) != len(sizes) - 2
        or any(a not in ACTIVATIONS for a in activations)
    ):
        raise ArchiveError(
            f"{name}: the activations {activations!r} do not fit {len(sizes) - 2} hidden layers."
        )
    if head not in HEADS:
        raise ArchiveError(f"{name}: unknown output head {head!r}.")
    if sizes[1:-1] != config.model.hidden or activations != config.model.activations():
        raise ArchiveError(
            f"{name}: the architecture {sizes} ({', '.join(activations)}) does not match the "
            f"stored configuration (hidden {config.model.hidden})."
        )
    if sum(c.params for c in layer_counts(sizes)) > 1 << 31:
        raise ArchiveError(f"{name}: the architecture has an absurd number of parameters.")

    optimizer = meta.get("optimizer")
    if not isinstance(optimizer, dict) or optimizer.get("name") != config.training.optimizer:
        raise ArchiveError(f"{name}: the optimiser entry does not match the configuration.")
    if optimizer.get("name") not in OPTIMIZERS:
        raise ArchiveError(f"{name}: unknown optimiser {optimizer.get('name')!r}.")
    history = meta.get("history")
    if not isinstance(history, dict):
        raise ArchiveError(f"{name}: {META} has no history entry.")
    rows, columns = history.get("rows"), history.get("columns")
    if isinstance(rows, bool) or not isinstance(rows, int) or not 0 <= rows <= MAX_HISTORY_ROWS:
        raise ArchiveError(f"{name}: the history length {rows!r} is not valid.")
    if (
        not isinstance(columns, list)
        or len(set(columns)) != len(columns)
        or any(c not in History.COLUMNS for c in columns)
        or (rows and "epoch" not in columns)
    ):
        raise ArchiveError(f"{name}: the history columns {columns!r} are not valid.")
    if not isinstance(meta.get("results", {}), dict):
        raise ArchiveError(f"{name}: the results entry is not a table.")
    return config, sizes, activations, head


# -- continuing -------------------------------------------------------------------------------
def restore(experiment: ExperimentFile, dataset, backend=None) -> tuple[Network, History, dict]:
    """(network, history, optimizer state) to continue training on ``dataset``::

        network, history, state = restore(load_experiment(path), dataset)
        trainer = build_trainer(config, dataset, network, history, state)

    The network is built from the stored config (so on the same backend and dtype unless
    ``backend`` is given) and must have the stored layer sizes on this dataset.
    """
    from .build import build_network

    network = build_network(experiment.config, dataset, backend=backend)
    if network.sizes != experiment.sizes or network.head.name != experiment.head:
        raise ArchiveError(
            f"The saved network has layers {experiment.sizes} ({experiment.head}), but on this "
            f"data the configuration gives {network.sizes} ({network.head.name}); open it with "
            "the data it was trained on."
        )
    network.set_params(experiment.params.astype(network.backend.dtype, copy=False))
    columns = experiment.history
    history = History.from_columns(columns) if len(columns.get("epoch", ())) else History()
    return network, history, experiment.optimizer_state


# -- data.kind = csv: the file travels inside the experiment ---------------------------------
def csv_embeddable(path: str) -> bool:
    """Whether a CSV file (``data.path``) is small enough to travel inside an experiment."""
    try:
        return Path(path).is_file() and Path(path).stat().st_size <= CSV_EMBED_MAX_BYTES
    except OSError:
        return False


def _csv_to_embed(config: Config) -> bytes | None:
    """The CSV file's bytes when it exists and fits CSV_EMBED_MAX_BYTES, else None."""
    if config.data.kind != "csv" or not config.data.path:
        return None
    try:
        path = Path(config.data.path)
        if not path.is_file() or path.stat().st_size > CSV_EMBED_MAX_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return data if len(data) <= CSV_EMBED_MAX_BYTES else None


def _csv_reference(meta: dict, config: Config, name: str) -> tuple[int, str] | None:
    """(bytes, sha256) of an embedded CSV file that ``experiment.json`` announces, else None."""
    data = meta.get("data")
    if config.data.kind != "csv" or not isinstance(data, dict) or data.get("embedded") is None:
        return None
    size, digest = data.get("bytes"), data.get("sha256")
    if (
        data.get("embedded") != CSV_MEMBER
        or isinstance(size, bool)
        or not isinstance(size, int)
        or not 0 < size <= CSV_EMBED_MAX_BYTES
        or not isinstance(digest, str)
        or len(digest) != 64
    ):
        raise ArchiveError(f"{name}: the entry for the stored CSV file is invalid; refused.")
    return size, digest


def use_embedded_csv(experiment: ExperimentFile, folder: str | Path | None = None) -> str | None:
    """When the experiment's CSV file is missing here but stored in the experiment, write the
    stored copy to ``folder`` (default: ``csv`` in the user's data folder; atomically, once)
    and point ``experiment.config.data.path`` at it. Returns a sentence saying so, or None
    when nothing changed. Raises OSError when the copy cannot be written."""
    from ..data.locations import data_dir
    from ..i18n import translate

    data = experiment.config.data
    if data.kind != "csv" or experiment.embedded_csv is None or Path(data.path).is_file():
        return None
    payload = experiment.embedded_csv
    digest = hashlib.sha256(payload).hexdigest()
    stem = Path(data.path.replace("\\", "/")).name[-80:]
    stem = "".join(c if c.isalnum() or c in "._-" else "_" for c in stem) or "table.csv"
    target = Path(folder) if folder is not None else data_dir() / "csv"
    target = target / f"{digest[:12]}-{stem}"
    if not (target.is_file() and target.stat().st_size == len(payload)
            and hashlib.sha256(target.read_bytes()).hexdigest() == digest):  # fmt: skip
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, lambda handle: handle.write(payload))
    old = data.path
    data.path = str(target)
    if os.path.lexists(old):  # there, but a device, folder or pipe: no table to read
        return translate(
            "Archive",
            "{old} is not a regular file (a device, folder or pipe); the copy stored in the "
            "experiment is used ({new}).",
        ).format(old=old, new=target)
    return translate(
        "Archive", "{old} was not found; the copy stored in the experiment is used ({new})."
    ).format(old=old, new=target)
