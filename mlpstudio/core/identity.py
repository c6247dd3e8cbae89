"""Which experiment a snapshot belongs to: a fingerprint of the data's content and the
architecture (see :class:`Identity`)."""

from __future__ import annotations

import hashlib
import math
import threading
import weakref
from dataclasses import asdict, dataclass

import numpy as np

FINGERPRINT_BYTES = 1 << 22  # at most ~4 MB of one array is hashed (evenly spaced rows)


@dataclass(frozen=True)
class Identity:
    """Which experiment a snapshot belongs to: the data (a fingerprint of its content) and the
    architecture (layer sizes N_0..N_L, hidden activations, head). A view that shows one
    identity draws only snapshots of that identity, so arrays of another experiment (other
    data, other shapes) can never reach it. Made only by :func:`identity_of`."""

    data: str
    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    head: str

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict | None) -> Identity | None:
        if not values:
            return None
        return cls(
            data=str(values["data"]),
            sizes=tuple(int(n) for n in values["sizes"]),
            activations=tuple(str(a) for a in values["activations"]),
            head=str(values["head"]),
        )


_fingerprints: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_fingerprints_lock = threading.Lock()  # comparisons build trainers in several threads


def data_fingerprint(dataset) -> str:
    """A short digest of a dataset's content: names, shapes, scaling, every label and target,
    and (for large image arrays) evenly spaced rows. The same data gives the same digest in
    every process; computed once per dataset object."""
    with _fingerprints_lock:
        try:
            return _fingerprints[dataset]
        except (KeyError, TypeError):
            pass
    h = hashlib.blake2b(digest_size=12)
    meta = (
        getattr(dataset, "name", ""),
        getattr(dataset, "task", ""),
        tuple(getattr(dataset, "input_shape", ())),
        tuple(getattr(dataset, "class_names", ())),
        float(getattr(dataset, "input_shift", 0.0)),
        float(getattr(dataset, "input_scale", 1.0)),
        float(getattr(dataset, "y_divisor", 1.0)),
        tuple(getattr(dataset, "domain", ())),
    )
    h.update(repr(meta).encode("utf-8"))
    for name in ("x_train", "y_train", "x_test", "y_test"):
        a = np.asarray(getattr(dataset, name))
        h.update(f"{name}{a.shape}{a.dtype.str}".encode())
        if a.nbytes > FINGERPRINT_BYTES and len(a) > 1:
            a = a[:: math.ceil(a.nbytes / FINGERPRINT_BYTES)]
        h.update(np.ascontiguousarray(a).tobytes())
    digest = h.hexdigest()
    with _fingerprints_lock:
        try:
            _fingerprints[dataset] = digest
        except TypeError:
            pass
    return digest


def identity_of(network, dataset) -> Identity:
    """The identity of ``network`` trained on ``dataset`` (the one place it is made)."""
    return Identity(
        data=data_fingerprint(dataset),
        sizes=tuple(int(n) for n in network.sizes),
        activations=tuple(network.activation_names),
        head=network.head.name,
    )
