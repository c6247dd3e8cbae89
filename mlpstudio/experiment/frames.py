"""The messages between the app and its training process: frames, and their validation.

A message is a frame: a 16-byte header (magic, JSON length, blob length), a flat JSON object and
optionally arrays as an uncompressed ``.npz`` read back with ``allow_pickle=False``. Every frame
the parent reads is checked (sizes, JSON shape, member kinds, dtypes, field types, array
shapes); see :mod:`mlpstudio.experiment.remote` for who sends what.
"""

from __future__ import annotations

import io
import json
import math
import struct
import time
import zipfile
from dataclasses import dataclass

import numpy as np

from ..core.cuda_graph import known_reason
from ..core.training import FINAL_STATES, History, Identity, Snapshot

MAGIC = b"MLPS"
FRAME = struct.Struct("<4sIQ")  # magic, JSON length, blob length
MAX_JSON = 16 << 20  # a header is a flat object; the config TOML is its largest field
MAX_BLOB = 16 << 30  # arrays: far above any network the memory budget admits
MAX_TEXT = 64 << 10  # an error message or a snapshot message

_SNAPSHOT_FIELDS = (
    "status", "message", "epoch", "total_epochs", "step", "batch_in_epoch",
    "batches_per_epoch", "elapsed", "samples_per_second", "eta", "learning_rate", "best_epoch",
    "batch_loss", "graph_reason", "graph_detail",
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
    """A whole snapshot in one message (every array): what a fresh :class:`SnapshotEncoder`
    sends first."""
    return SnapshotEncoder().message(run, snapshot)


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


# -- lean snapshots ----------------------------------------------------------------------------
# A run's snapshots travel as a stream: the first message of a run is whole, every later one
# carries what changed and what the visible views need. History and layer records go as the
# rows appended since the previous message; the weights of the layers the visible views draw,
# at most every WEIGHTS_MIN_INTERVAL seconds and within WEIGHTS_BYTE_RATE (an epoch's
# parameters, sent for the timeline, count as that: the window takes every layer from them,
# so a hidden view shown later draws at worst the last epoch's exact weights); the predictions
# only when a visible view draws them and they changed, within OUTPUTS_BYTE_RATE; a view just
# shown gets its arrays with the next message; the unit states when they changed; the
# epoch parameters a snapshot carries, if any. (The training process sends none: the run's
# timeline stays there, and its messages only name the epochs kept; see "the timeline kept in
# the training process" below.) A snapshot that stands still (paused,
# stepped, or the run's end) is sent whole, so every view can draw it when it is shown. The
# window's side (:class:`SnapshotAssembler`) rebuilds whole snapshots: an array not sent is
# the latest one received.
WEIGHTS_MIN_INTERVAL = 0.1  # seconds: the views redraw weights at most ten times a second
WEIGHTS_BYTE_RATE = 1 << 20  # bytes per second of weights while training (large networks)
OUTPUTS_BYTE_RATE = 1 << 19  # bytes per second of predictions (MNIST test set: ~1.3 a second)


@dataclass(frozen=True)
class Needs:
    """What the visible views draw: the weights of ``layers`` (0-based; None: every layer)
    and the predictions (``outputs``). The window sends it on the command channel."""

    layers: tuple[int, ...] | None = None
    outputs: bool = True

    def fields(self) -> dict:
        layers = "all" if self.layers is None else ",".join(map(str, sorted(self.layers)))
        return {"layers": layers, "outputs": bool(self.outputs)}

    @classmethod
    def from_header(cls, header: dict) -> Needs:
        """The needs a ``start`` or ``views`` message names; anything unreadable: all."""
        layers, outputs = header.get("layers", "all"), header.get("outputs", True)
        if not isinstance(layers, str) or not isinstance(outputs, bool) or len(layers) > MAX_TEXT:
            return cls()
        if layers == "all":
            return cls(None, outputs)
        try:
            return cls(tuple(sorted({int(n) for n in layers.split(",") if n})), outputs)
        except ValueError:
            return cls(None, outputs)

    def wants(self, layer: int) -> bool:
        return self.layers is None or layer in self.layers


EVERYTHING = Needs()


def _same(a, b) -> bool:
    return a is b or (
        a is not None and b is not None and a.shape == b.shape and a.dtype == b.dtype
        and np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    )  # fmt: skip


class SnapshotEncoder:
    """The training process's side of one run's snapshot stream (see above). Epoch
    parameters never travel in it: the process keeps the run's timeline (fetched on demand,
    handed over at the end). :meth:`set_needs` may be called from another thread."""

    def __init__(self, needs: Needs = EVERYTHING, clock=time.perf_counter):
        self.needs = needs
        self.clock = clock
        self._first = True
        self._rows = 0  # history rows the window has
        self._layer_rows = 0
        self._wanted: frozenset[int] = frozenset()  # layers wanted at the previous message
        self._weights_at = -math.inf  # when weights were last sent
        self._outputs: dict[str, np.ndarray | None] = {}  # the predictions the window has
        self._outputs_at: dict[str, float] = {}  # and when they were sent
        self._outputs_wanted = False
        self._units = None

    def set_needs(self, needs: Needs) -> None:
        self.needs = needs

    def message(self, run: int, snapshot: Snapshot, timeline=None) -> bytes:
        """``timeline``: the run's :class:`~mlpstudio.core.insight.Timeline` kept where this
        encoder runs; the message names the epochs it holds (:func:`timeline_fields`)."""
        needs, now = self.needs, self.clock()
        whole = self._first or snapshot.status != "running"
        weights = snapshot.weights
        header = {"kind": "snapshot", "run": run, "n_layers": len(weights),
                  **{f: getattr(snapshot, f) for f in _SNAPSHOT_FIELDS},
                  **_identity_fields(snapshot.identity)}  # fmt: skip
        if timeline is not None:
            header.update(timeline_fields(timeline))
        arrays: dict[str, np.ndarray] = {}
        self._rows = self._appended(snapshot.history, self._rows, "history", header, arrays)
        if snapshot.layers:
            self._layer_rows = self._appended(
                snapshot.layers, self._layer_rows, "layers", header, arrays
            )
        self._add_weights(snapshot, needs, now, whole, header, arrays)
        shown, self._outputs_wanted = needs.outputs and not self._outputs_wanted, needs.outputs
        for name in ("test_output", "plot_output"):
            value = getattr(snapshot, name)
            if value is None or not (whole or needs.outputs):
                continue
            interval = value.nbytes / OUTPUTS_BYTE_RATE
            due = whole or shown or now - self._outputs_at.get(name, -math.inf) >= interval
            if due and not _same(self._outputs.get(name), value):
                arrays[name] = value
                self._outputs[name], self._outputs_at[name] = value, now
        units = snapshot.unit_states
        if units is not None and (
            whole or self._units is None or len(units) != len(self._units)
            or not all(_same(a, b) for a, b in zip(units, self._units))
        ):  # fmt: skip
            for layer, states in enumerate(units):
                arrays[f"units.{layer}"] = states
            self._units = units
        self._first = False
        return pack(header, arrays)

    def _appended(self, columns: dict, sent: int, prefix: str, header: dict, arrays) -> int:
        """The rows of ``columns`` from ``sent`` on (all of them if they are fewer)."""
        n = len(columns["epoch"])
        start = sent if (not self._first and sent <= n) else 0
        header[f"{prefix}_from"] = start
        for k, v in columns.items():
            arrays[f"{prefix}.{k}"] = v[start:]
        return n

    def _add_weights(self, snapshot, needs, now, whole, header, arrays) -> None:
        weights = snapshot.weights
        wanted = frozenset(i for i in range(len(weights)) if needs.wants(i))
        newly, self._wanted = wanted - self._wanted, wanted
        if whole:
            send = range(len(weights))
        else:
            nbytes = sum(w.nbytes + b.nbytes for i, (w, b) in enumerate(weights) if i in wanted)
            interval = max(WEIGHTS_MIN_INTERVAL, nbytes / WEIGHTS_BYTE_RATE)
            send = wanted if now - self._weights_at >= interval else newly
        for i in sorted(send):
            arrays[f"W.{i}"], arrays[f"b.{i}"] = weights[i]
        if whole or send == wanted:
            self._weights_at = now


class _Rows:
    """Growing columns rebuilt from appended rows; :meth:`view` hands out read-only slices
    that never change (growth copies into a new buffer), as the trainer's own history."""

    def __init__(self):
        self._data: dict[str, np.ndarray] = {}
        self.length = 0

    def put(self, start: int, rows: dict[str, np.ndarray]) -> None:
        n = len(rows["epoch"])
        if start == 0:
            self._data, self.length = {}, 0
        elif start != self.length or set(rows) != set(self._data):
            raise RemoteError(f"snapshot rows from {start}, but the window has {self.length}")
        if not self._data:
            self._data = {k: np.empty((max(256, n),) + v.shape[1:], v.dtype)
                          for k, v in rows.items()}  # fmt: skip
        for k, v in rows.items():
            old = self._data[k]
            if v.shape[1:] != old.shape[1:]:
                raise RemoteError(f"snapshot rows of {k!r} have shape {v.shape}")
            if start + n > len(old) or v.dtype != old.dtype:
                bigger = np.empty((max(2 * len(old), start + n),) + old.shape[1:],
                                  np.result_type(old.dtype, v.dtype))  # fmt: skip
                bigger[:start] = old[:start]
                self._data[k] = old = bigger
            old[start : start + n] = v
        self.length = start + n

    def view(self) -> dict[str, np.ndarray]:
        out = {}
        for k, v in self._data.items():
            part = v[: self.length]
            part.flags.writeable = False
            out[k] = part
        return out


class SnapshotAssembler:
    """The window's side of one run's snapshot stream: every message checked, and the whole
    snapshot rebuilt from it and the ones before (see :class:`SnapshotEncoder`).

    ``layer_shapes``: the shapes of (W, b) per layer that the network has; ``output_shapes``:
    the shapes ``test_output`` and ``plot_output`` must have where they are sent.
    """

    def __init__(self, layer_shapes=None, output_shapes=None):
        self.layer_shapes = layer_shapes
        self.output_shapes = output_shapes or {}
        self._history = _Rows()
        self._layers = _Rows()
        self._weights: list | None = None
        self._outputs: dict[str, np.ndarray | None] = {"test_output": None, "plot_output": None}
        self._units = None
        #: the latest weights that were whole (every layer from one moment), for a run that fails
        self.whole_weights: tuple | None = None

    def add(self, header: dict, arrays: dict[str, np.ndarray]) -> Snapshot:
        if header.get("status") not in _STATUSES:
            raise RemoteError(f"snapshot status {header.get('status')!r} is unknown")
        message = header.get("message")
        if not isinstance(message, str) or len(message) > MAX_TEXT:
            raise RemoteError("snapshot message is missing or not text")
        values = {f: _number(header, f, int) for f in _INT_FIELDS}
        values.update({f: float(_number(header, f, int | float)) for f in _FLOAT_FIELDS})
        for name, kind in (("eta", int | float), ("best_epoch", int)):
            values[name] = None if header.get(name) is None else _number(header, name, kind)
        reason, detail = header.get("graph_reason", "cpu"), header.get("graph_detail", "")
        if not known_reason(reason) or not isinstance(detail, str) or len(detail) > MAX_TEXT:
            raise RemoteError("snapshot graph replay status is not one the app knows")
        values.update(graph_reason=reason, graph_detail=detail)
        known = ("history.", "layers.", "units.", "W.", "b.")
        for name in arrays:
            if not name.startswith(known) and name not in self._outputs:
                raise RemoteError(f"snapshot has an unknown array {name[:40]!r}")
        history = self._rows(header, arrays, "history", self._history)
        if set(history) != set(History.COLUMNS):
            raise RemoteError(f"snapshot history has the columns {sorted(history)}")
        length = len(history["epoch"])
        for name, column in history.items():
            if column.ndim != 1 or len(column) != length:
                raise RemoteError(f"history column {name!r} has shape {column.shape}")
        n_layers = header.get("n_layers", sum(1 for k in arrays if k.startswith("W.")))
        if isinstance(n_layers, bool) or not isinstance(n_layers, int) or not 0 <= n_layers < 4096:
            raise RemoteError(f"snapshot layer count {n_layers!r} is not a number of layers")
        weights = self._rebuild_weights(arrays, n_layers)
        for name, shape in self.output_shapes.items():
            if name in arrays and arrays[name].shape != tuple(shape):
                raise RemoteError(f"snapshot {name} has shape {arrays[name].shape}, not {shape}")
        for name in self._outputs:
            if name in arrays:
                self._outputs[name] = arrays[name]
        layers = None
        if any(k.startswith("layers.") for k in arrays) or self._layers.length:
            layers = self._rows(header, arrays, "layers", self._layers)
            rows = len(layers.get("epoch", ()))
            widths = {"epoch": None, "gradient": n_layers, "dead": n_layers - 1,
                      "saturated": n_layers - 1}  # fmt: skip
            if set(layers) != set(widths) or any(
                layers[k].shape != ((rows,) if w is None else (rows, w)) for k, w in widths.items()
            ):
                raise RemoteError("snapshot layer records do not match the network")
        if "units.0" in arrays:
            try:
                units = tuple(arrays[f"units.{i}"] for i in range(n_layers - 1))
            except KeyError as exc:
                raise RemoteError(f"snapshot lacks the array {exc}") from None
            if any(s.shape != (w.shape[0],) for s, (w, _) in zip(units, weights)):
                raise RemoteError("snapshot unit states do not match the network")
            self._units = units
        return Snapshot(
            status=header["status"],
            message=message,
            **values,
            history=history,
            weights=weights,
            test_output=self._outputs["test_output"],
            plot_output=self._outputs["plot_output"],
            identity=_identity_from(header),
            layers=layers or None,
            unit_states=self._units,
        )

    def _rows(self, header, arrays, prefix: str, rows: _Rows) -> dict[str, np.ndarray]:
        start = header.get(f"{prefix}_from", 0)
        if isinstance(start, bool) or not isinstance(start, int) or start < 0:
            raise RemoteError(f"snapshot field '{prefix}_from' is not a row number")
        part = {k[len(prefix) + 1 :]: v for k, v in arrays.items() if k.startswith(prefix + ".")}
        if "epoch" not in part:
            raise RemoteError(f"snapshot {prefix} has the columns {sorted(part)}")
        if any(v.ndim == 0 or len(v) != len(part["epoch"]) for v in part.values()):
            raise RemoteError(f"snapshot {prefix} columns differ in length")
        rows.put(start, part)
        return rows.view()

    def _rebuild_weights(self, arrays, n_layers: int) -> tuple:
        names = [k for k in arrays if k.startswith(("W.", "b."))]
        for name in names:
            index = name[2:]
            if not index.isdigit() or int(index) >= n_layers:
                raise RemoteError(f"snapshot array {name[:40]!r} names no layer of the network")
        old = self._weights
        if old is not None and len(old) != n_layers:
            raise RemoteError("snapshot layer count changed during the run")
        base = list(old) if old is not None else [None] * n_layers
        sent = set()
        for i in range(n_layers):
            if f"W.{i}" in arrays or f"b.{i}" in arrays:
                try:
                    base[i] = (arrays[f"W.{i}"], arrays[f"b.{i}"])
                except KeyError as exc:
                    raise RemoteError(f"snapshot lacks the array {exc}") from None
                sent.add(i)
        if any(layer is None for layer in base):
            missing = base.index(None)
            raise RemoteError(f"snapshot lacks the array 'W.{missing}'")
        weights = tuple(base)
        got = [(w.shape, b.shape) for w, b in weights]
        if self.layer_shapes is not None:
            if got != [(tuple(w), tuple(b)) for w, b in self.layer_shapes]:
                raise RemoteError(f"snapshot weights have shapes {got}, not the network's")
        elif old is not None and got != [(w.shape, b.shape) for w, b in old]:
            raise RemoteError(f"snapshot weights have shapes {got}, not the run's")
        if old is not None and not sent:
            weights = old  # nothing new: the same tuple, so a view can skip a redraw
        self._weights = weights
        if len(sent) == n_layers:
            self.whole_weights = weights
        return weights


def snapshot_from(header: dict, arrays: dict[str, np.ndarray],
                  layer_shapes: list[tuple[tuple, tuple]] | None = None,
                  output_shapes: dict[str, tuple] | None = None) -> Snapshot:  # fmt: skip
    """The snapshot a whole message describes (the first of a run), every field checked."""
    return SnapshotAssembler(layer_shapes, output_shapes).add(header, arrays)


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


# -- the timeline kept in the training process --------------------------------------------------
# Issue 14 (item 3): a run's timeline stays in the training process. Each snapshot names the
# epochs it holds in four numbers (first, latest, dense: the schedule of
# core.insight.Timeline.schedule; and its size), so the slider knows its range while training.
# The window asks for one epoch (``fetch``, with the run's id) when the slider shows it; the
# process answers with an ``epoch`` message carrying that epoch's exact parameters (or the
# nearest it keeps, or none). When the run ends, before ``done`` or ``error``, it sends every
# epoch the window does not have yet as ``epoch`` messages without ``asked``: the window then
# holds the whole timeline, as a run in its own process leaves it.
TIMELINE_FIELDS = ("timeline_first", "timeline_latest", "timeline_dense", "timeline_nbytes")


def timeline_fields(timeline) -> dict:
    """The header fields that name what ``timeline`` holds (all None when it is empty)."""
    span = timeline.span()
    if span is None:
        return dict.fromkeys(TIMELINE_FIELDS)
    return dict(zip(TIMELINE_FIELDS, (*span, int(timeline.nbytes))))


def timeline_span_from(header: dict, total_epochs: int) -> tuple[int, int, int, int] | None:
    """(first, latest, dense, bytes) of a snapshot's timeline fields, checked; None when the
    process keeps no timeline for the run (or it is empty)."""
    values = [header.get(f) for f in TIMELINE_FIELDS]
    if all(v is None for v in values):
        return None
    if any(isinstance(v, bool) or not isinstance(v, int) for v in values):
        raise RemoteError("snapshot timeline fields are not whole numbers")
    first, latest, dense, nbytes = values
    if not 0 <= first <= latest <= total_epochs or not 1 <= dense <= 1 << 30 or nbytes < 0:
        raise RemoteError(f"snapshot timeline {values} is out of range")
    return first, latest, dense, nbytes


def fetch_message(run: int, epoch: int) -> bytes:
    """The window asks for the parameters of one epoch of a run's timeline."""
    return pack({"kind": "fetch", "run": run, "epoch": int(epoch)})


def epoch_message(run: int, asked: int | None, epoch: int | None, params=None) -> bytes:
    """One epoch of a run's timeline: the answer to a ``fetch`` of ``asked`` (``epoch``: the
    kept epoch nearest to it, None when none is kept), or (``asked`` None) one of the epochs
    sent when the run ends."""
    header = {"kind": "epoch", "run": run, "asked": asked, "epoch": epoch}
    return pack(header, None if epoch is None else {"params": np.asarray(params)})


def epoch_from(header: dict, arrays: dict, n_params: int | None,
               total_epochs: int) -> tuple[int | None, int | None, np.ndarray | None]:  # fmt: skip
    """(asked, epoch, params) of an ``epoch`` message, checked: a whole epoch of the run, and a
    flat float vector of the network's size (exactly when an epoch is named)."""
    asked, epoch = header.get("asked"), header.get("epoch")
    for name, value in (("asked", asked), ("epoch", epoch)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or not 0 <= value <= total_epochs):  # fmt: skip
            raise RemoteError(f"timeline {name} {value!r} is no epoch of the run")
    if asked is None and epoch is None:
        raise RemoteError("a timeline message that names no epoch")
    if set(arrays) != (set() if epoch is None else {"params"}):
        raise RemoteError(f"timeline message has the arrays {sorted(arrays)[:4]}")
    params = arrays.get("params")
    if params is not None and (
        params.ndim != 1 or params.dtype.kind != "f"
        or (n_params is not None and len(params) != n_params)
    ):  # fmt: skip
        raise RemoteError(f"timeline parameters of epoch {epoch} do not fit the network")
    return asked, epoch, params


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
