"""The messages between the app and its training process: frames, and their validation.

A message is a frame: a 16-byte header (magic, JSON length, blob length), a flat JSON object and
optionally arrays as an uncompressed ``.npz`` read back with ``allow_pickle=False``. Every frame
the parent reads is checked (sizes, JSON shape, member kinds, dtypes, field types, array
shapes); see :mod:`mlpstudio.experiment.remote` for who sends what.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile

import numpy as np

from ..core.training import FINAL_STATES, History, Identity, Snapshot

MAGIC = b"MLPS"
FRAME = struct.Struct("<4sIQ")  # magic, JSON length, blob length
MAX_JSON = 16 << 20  # a header is a flat object; the config TOML is its largest field
MAX_BLOB = 16 << 30  # arrays: far above any network the memory budget admits
MAX_TEXT = 64 << 10  # an error message or a snapshot message

_SNAPSHOT_FIELDS = (
    "status", "message", "epoch", "total_epochs", "step", "batch_in_epoch",
    "batches_per_epoch", "elapsed", "samples_per_second", "eta", "learning_rate", "best_epoch",
    "batch_loss",
)  # fmt: skip
_INT_FIELDS = ("epoch", "total_epochs", "step", "batch_in_epoch", "batches_per_epoch")
_FLOAT_FIELDS = ("elapsed", "samples_per_second", "learning_rate", "batch_loss")
_STATUSES = ("running", "paused", *FINAL_STATES)


class RemoteError(RuntimeError):
    """The training process failed or sent something that is not a valid message."""


# -- framing -----------------------------------------------------------------------------------
def pack(header: dict, arrays: dict[str, np.ndarray] | None = None) -> bytes:
    """One message: the JSON header and, if given, the arrays as an uncompressed .npz."""
    body = json.dumps(header, allow_nan=True).encode("utf-8")
    blob = b""
    if arrays:
        buffer = io.BytesIO()
        np.savez(buffer, **{k: np.asarray(v) for k, v in arrays.items()})
        blob = buffer.getvalue()
    return FRAME.pack(MAGIC, len(body), len(blob)) + body + blob


def _read_exactly(stream, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = stream.read(min(left, 1 << 24))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_frame(stream) -> tuple[dict, dict[str, np.ndarray]]:
    """The next message from a binary stream. EOFError at a clean end; RemoteError for
    anything that is not a valid frame (the lengths are checked before reading)."""
    head = stream.read(FRAME.size)
    if not head:
        raise EOFError
    if len(head) < FRAME.size:
        head += _read_exactly(stream, FRAME.size - len(head))
    magic, n_json, n_blob = FRAME.unpack(head)
    if magic != MAGIC:
        raise RemoteError("not a message (bad magic bytes)")
    if n_json > MAX_JSON or n_blob > MAX_BLOB:
        raise RemoteError(f"message too large ({n_json} + {n_blob} bytes)")
    body = _read_exactly(stream, n_json)
    blob = _read_exactly(stream, n_blob) if n_blob else b""
    return unpack_parts(body, blob)


def unpack(data: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    """A whole frame held in memory (see :func:`read_frame`)."""
    return read_frame(io.BytesIO(data))


def unpack_parts(body: bytes, blob: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    try:
        header = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RemoteError(f"header is not UTF-8 ({exc.reason})") from None
    except RecursionError:
        raise RemoteError("header nested too deeply") from None
    except ValueError as exc:
        raise RemoteError(f"header is not JSON ({exc})") from None
    if not isinstance(header, dict) or not isinstance(header.get("kind"), str):
        raise RemoteError("header is not an object with a kind")
    for key, value in header.items():
        if value is not None and not isinstance(value, str | int | float | bool):
            raise RemoteError(f"header field {key!r} is not a plain value")
    return header, (_read_arrays(blob) if blob else {})


def _read_arrays(blob: bytes) -> dict[str, np.ndarray]:
    """Numeric arrays from an uncompressed .npz: stored members only (no decompression
    bomb), no pickles, no object, text or structured dtypes."""
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > len(blob):
                raise RemoteError("arrays larger than their message")
            for info in infos:
                if info.compress_type != zipfile.ZIP_STORED or not info.filename.endswith(".npy"):
                    raise RemoteError(f"unexpected array member {info.filename!r}")
        with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except RemoteError:
        raise
    except Exception as exc:  # a damaged archive or array header, an object array
        raise RemoteError(f"unreadable arrays ({type(exc).__name__}: {exc})") from None
    for name, array in arrays.items():
        if array.dtype.kind not in "biuf":
            raise RemoteError(f"array {name!r} has dtype {array.dtype}, not a number")
    return arrays


def snapshot_message(run: int, snapshot: Snapshot) -> bytes:
    header = {"kind": "snapshot", "run": run,
              **{f: getattr(snapshot, f) for f in _SNAPSHOT_FIELDS},
              **_identity_fields(snapshot.identity)}  # fmt: skip
    arrays = {f"history.{k}": v for k, v in snapshot.history.items()}
    for layer, (w, b) in enumerate(snapshot.weights):
        arrays[f"W.{layer}"] = w
        arrays[f"b.{layer}"] = b
    if snapshot.test_output is not None:
        arrays["test_output"] = snapshot.test_output
    if snapshot.plot_output is not None:
        arrays["plot_output"] = snapshot.plot_output
    for k, v in (snapshot.layers or {}).items():
        arrays[f"layers.{k}"] = v
    for layer, states in enumerate(snapshot.unit_states or ()):
        arrays[f"units.{layer}"] = states
    for epoch, params in snapshot.epoch_params:
        arrays[f"params.{int(epoch)}"] = params
    return pack(header, arrays)


def _identity_fields(identity: Identity | None) -> dict:
    """A snapshot's identity as flat header fields (headers hold plain values only)."""
    if identity is None:
        return {"identity_data": None}
    return {
        "identity_data": identity.data,
        "identity_sizes": ",".join(str(n) for n in identity.sizes),
        "identity_activations": ",".join(identity.activations),
        "identity_head": identity.head,
    }


def _identity_from(header: dict) -> Identity | None:
    data = header.get("identity_data")
    if data is None:
        return None
    sizes, activations, head = (
        header.get("identity_sizes"),
        header.get("identity_activations"),
        header.get("identity_head"),
    )
    if not all(isinstance(v, str) for v in (data, sizes, activations, head)):
        raise RemoteError("snapshot identity is missing or not text")
    try:
        numbers = tuple(int(n) for n in sizes.split(","))
    except ValueError:
        raise RemoteError(f"snapshot identity sizes {sizes[:40]!r} are not numbers") from None
    return Identity(data, numbers, tuple(activations.split(",")) if activations else (), head)


def _number(header: dict, name: str, kind) -> float | int:
    value = header.get(name)
    if isinstance(value, bool) or not isinstance(value, kind):
        raise RemoteError(f"snapshot field {name!r} is missing or not a number")
    return value


def snapshot_from(header: dict, arrays: dict[str, np.ndarray],
                  layer_shapes: list[tuple[tuple, tuple]] | None = None,
                  output_shapes: dict[str, tuple] | None = None) -> Snapshot:  # fmt: skip
    """The snapshot a message describes, every field checked. ``layer_shapes``: the shapes of
    (W, b) per layer that the network has; ``output_shapes``: the shapes ``test_output`` and
    ``plot_output`` must have where they are sent."""
    if header.get("status") not in _STATUSES:
        raise RemoteError(f"snapshot status {header.get('status')!r} is unknown")
    message = header.get("message")
    if not isinstance(message, str) or len(message) > MAX_TEXT:
        raise RemoteError("snapshot message is missing or not text")
    values = {f: _number(header, f, int) for f in _INT_FIELDS}
    values.update({f: float(_number(header, f, int | float)) for f in _FLOAT_FIELDS})
    for name, kind in (("eta", int | float), ("best_epoch", int)):
        values[name] = None if header.get(name) is None else _number(header, name, kind)
    history = {k[len("history.") :]: v for k, v in arrays.items() if k.startswith("history.")}
    if set(history) != set(History.COLUMNS):
        raise RemoteError(f"snapshot history has the columns {sorted(history)}")
    length = len(history["epoch"])
    for name, column in history.items():
        if column.ndim != 1 or len(column) != length:
            raise RemoteError(f"history column {name!r} has shape {column.shape}")
        column.flags.writeable = False
    n_layers = sum(1 for k in arrays if k.startswith("W."))
    try:
        weights = tuple((arrays[f"W.{i}"], arrays[f"b.{i}"]) for i in range(n_layers))
    except KeyError as exc:
        raise RemoteError(f"snapshot lacks the array {exc}") from None
    if layer_shapes is not None:
        got = [(w.shape, b.shape) for w, b in weights]
        if got != [(tuple(w), tuple(b)) for w, b in layer_shapes]:
            raise RemoteError(f"snapshot weights have shapes {got}, not the network's")
    for name, shape in (output_shapes or {}).items():
        if name in arrays and arrays[name].shape != tuple(shape):
            raise RemoteError(f"snapshot {name} has shape {arrays[name].shape}, not {shape}")
    layers = {k[len("layers.") :]: v for k, v in arrays.items() if k.startswith("layers.")}
    if layers:
        rows = len(layers.get("epoch", ()))
        widths = {"epoch": None, "gradient": n_layers, "dead": n_layers - 1,
                  "saturated": n_layers - 1}  # fmt: skip
        if set(layers) != set(widths) or any(
            layers[k].shape != ((rows,) if w is None else (rows, w)) for k, w in widths.items()
        ):
            raise RemoteError("snapshot layer records do not match the network")
    unit_states = None
    if "units.0" in arrays:
        try:
            unit_states = tuple(arrays[f"units.{i}"] for i in range(n_layers - 1))
        except KeyError as exc:
            raise RemoteError(f"snapshot lacks the array {exc}") from None
        if any(s.shape != (w.shape[0],) for s, (w, _) in zip(unit_states, weights)):
            raise RemoteError("snapshot unit states do not match the network")
    epoch_params = _epoch_params(arrays, weights, values["total_epochs"])
    return Snapshot(
        status=header["status"],
        message=message,
        **values,
        history=history,
        weights=weights,
        test_output=arrays.get("test_output"),
        plot_output=arrays.get("plot_output"),
        identity=_identity_from(header),
        layers=layers or None,
        unit_states=unit_states,
        epoch_params=epoch_params,
    )


def _epoch_params(arrays: dict, weights, total_epochs: int) -> tuple:
    """The ``params.EPOCH`` arrays of a snapshot, each checked: a flat float vector as long
    as the network's parameters, at an epoch from 0 to the run's total."""
    n_params = sum(w.size + b.size for w, b in weights)
    out = []
    for name, params in arrays.items():
        if not name.startswith("params."):
            continue
        number = name[len("params.") :]
        if not number.isdigit() or int(number) > total_epochs:
            raise RemoteError(f"snapshot parameters {name[:40]!r} name no epoch of the run")
        if params.ndim != 1 or params.dtype.kind != "f" or len(params) != n_params:
            raise RemoteError(f"snapshot parameters {name!r} have shape {params.shape}")
        out.append((int(number), params))
    return tuple(sorted(out, key=lambda item: item[0]))


def state_arrays(params: np.ndarray, optimizer_state: dict | None, history: dict | None) -> dict:
    """The arrays a ``start`` message carries to continue a run."""
    arrays = {"params": np.asarray(params)}
    for k, v in (optimizer_state or {}).items():
        arrays[f"optimizer.{k}"] = v
    for k, v in (history or {}).items():
        arrays[f"history.{k}"] = v
    return arrays


def split_state(arrays: dict) -> tuple[np.ndarray | None, dict | None, dict | None]:
    params = arrays.get("params")
    opt = {k[len("optimizer.") :]: v for k, v in arrays.items() if k.startswith("optimizer.")}
    hist = {k[len("history.") :]: v for k, v in arrays.items() if k.startswith("history.")}
    return params, opt or None, hist or None


# -- comparisons -------------------------------------------------------------------------------
_ROW_FLOATS = ("train_loss", "test_loss", "train_metric", "test_metric", "seconds")
_ROW_STATUSES = FINAL_STATES  # an architecture's row is written when its training has ended


def progress_message(run: int, index: int, snapshot: Snapshot) -> bytes:
    """Where a comparison is: which architecture, which epoch of how many."""
    return pack({"kind": "progress", "run": run, "index": index, "epoch": snapshot.epoch,
                 "total_epochs": snapshot.total_epochs})  # fmt: skip


def progress_from(header: dict, n_architectures: int) -> tuple[int, int, int]:
    """(index, epoch, total epochs) of a ``progress`` message, checked."""
    values = tuple(_number(header, f, int) for f in ("index", "epoch", "total_epochs"))
    if not 0 <= values[0] < n_architectures or not 0 <= values[1] <= values[2]:
        raise RemoteError(f"comparison progress {values} is out of range")
    return values  # type: ignore[return-value]


def row_message(run: int, row) -> bytes:
    """One architecture's results, its final parameters, optimiser state and history."""
    header = {"kind": "row", "run": run, "hidden": ",".join(map(str, row.hidden)),
              "layers": ",".join(map(str, row.layers)), "params": row.params,
              "metric": row.metric, "epochs": row.epochs, "status": row.status,
              "message": row.message}  # fmt: skip
    header.update({f: float(getattr(row, f)) for f in _ROW_FLOATS})
    arrays = state_arrays(row.final_params, row.optimizer_state, row.history)
    return pack(header, arrays)


def row_from(header: dict, arrays: dict[str, np.ndarray], hidden: list[int]):
    """The :class:`~mlpstudio.experiment.compare.ComparisonRow` a ``row`` message describes;
    ``hidden``: the architecture it must be (the next one asked for)."""
    from ..core.network import parameter_count
    from .compare import ComparisonRow

    texts = {f: header.get(f) for f in ("hidden", "layers", "metric", "status", "message")}
    if not all(isinstance(v, str) and len(v) <= MAX_TEXT for v in texts.values()):
        raise RemoteError("comparison row fields are missing or not text")
    try:
        got = [int(n) for n in texts["hidden"].split(",")] if texts["hidden"] else []
        layers = [int(n) for n in texts["layers"].split(",")]
    except ValueError:
        raise RemoteError("comparison row layer sizes are not numbers") from None
    if got != list(hidden) or layers[1:-1] != got or len(layers) != len(got) + 2:
        raise RemoteError(f"comparison row for {got}, not for the architecture {hidden}")
    if texts["metric"] not in ("r2", "accuracy") or texts["status"] not in _ROW_STATUSES:
        raise RemoteError("comparison row metric or status is unknown")
    n_params = _number(header, "params", int)
    if n_params != parameter_count(layers):
        raise RemoteError(f"comparison row has {n_params} parameters, not the network's")
    params, optimizer_state, history = split_state(arrays)
    if params is None or params.ndim != 1 or params.dtype.kind != "f" or len(params) != n_params:
        raise RemoteError("comparison row has no parameter vector of the network's size")
    if history is None or set(history) != set(History.COLUMNS):
        raise RemoteError("comparison row history has the wrong columns")
    length = len(history["epoch"])
    if any(c.ndim != 1 or len(c) != length for c in history.values()):
        raise RemoteError("comparison row history columns differ in length")
    for name, state in (optimizer_state or {}).items():
        if state.size > n_params:  # (buffers of the parameters' size, or a step count)
            raise RemoteError(f"comparison row optimiser state {name!r} has the wrong size")
    return ComparisonRow(
        hidden=got, layers=layers, params=n_params, metric=texts["metric"],
        epochs=_number(header, "epochs", int), status=texts["status"],
        message=texts["message"], network=None, history=history,
        optimizer_state=optimizer_state, final_params=params,
        **{f: float(_number(header, f, int | float)) for f in _ROW_FLOATS},
    )  # fmt: skip
