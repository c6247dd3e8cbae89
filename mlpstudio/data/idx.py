"""Reader for the IDX format of MNIST and Fashion-MNIST (gzip-compressed or raw).

An IDX file is a 4-byte magic number (two zero bytes, a type code, the number of dimensions),
one big-endian uint32 per dimension, then the values. The header is checked against the file's
real size *before* anything is allocated, so a corrupt or hostile header that claims terabytes
is refused with a message instead of exhausting memory.
"""

from __future__ import annotations

import gzip
import os
import struct
import zlib
from pathlib import Path

import numpy as np

from .dataset import DataError

# type code -> numpy dtype (big-endian, as stored)
IDX_TYPES = {
    0x08: np.dtype(np.uint8),
    0x09: np.dtype(np.int8),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
GZIP_MAGIC = b"\x1f\x8b"
MAX_DIMS = 4


def is_gzip(path: str | Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(2) == GZIP_MAGIC


def read_idx(path: str | Path, expected_dims: int | None = None) -> np.ndarray:
    """The array stored in an IDX file, ``.gz`` or uncompressed (decided by content)."""
    path = Path(path)
    try:
        if is_gzip(path):
            data = _gunzip(path)
        else:
            data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from None
    return parse_idx(data, path.name, expected_dims)


def _gunzip(path: Path) -> bytes:
    # The uncompressed size is the last 4 bytes of a gzip file (mod 2^32): check it against
    # a sane bound before inflating, so a gzip bomb is refused as well.
    size = os.path.getsize(path)
    if size < 18:
        raise DataError(f"{path.name}: truncated gzip file ({size} bytes).")
    with open(path, "rb") as handle:
        handle.seek(-4, os.SEEK_END)
        claimed = struct.unpack("<I", handle.read(4))[0]
    if claimed > 1 << 31:
        raise DataError(f"{path.name}: the gzip trailer claims {claimed:,} bytes; refused.")
    try:
        with gzip.open(path, "rb") as handle:
            return handle.read(claimed + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise DataError(f"{path.name}: damaged gzip file ({exc}).") from None


def parse_idx(data: bytes, name: str = "IDX data", expected_dims: int | None = None) -> np.ndarray:
    """Decode IDX bytes; raises :class:`DataError` on any inconsistency."""
    if len(data) < 4:
        raise DataError(f"{name}: too short to be an IDX file ({len(data)} bytes).")
    zero, code, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or code not in IDX_TYPES or not 1 <= ndim <= MAX_DIMS:
        raise DataError(
            f"{name}: not an IDX file (magic number {data[:4].hex()}; "
            "expected 0000 followed by a type code and 1 to 4 dimensions)."
        )
    if expected_dims is not None and ndim != expected_dims:
        raise DataError(f"{name}: expected {expected_dims} dimensions, the header says {ndim}.")
    header = 4 + 4 * ndim
    if len(data) < header:
        raise DataError(f"{name}: truncated header.")
    shape = struct.unpack(f">{ndim}I", data[4:header])
    dtype = IDX_TYPES[code]
    count = 1
    for n in shape:
        count *= n
    expected = header + count * dtype.itemsize
    if expected != len(data):
        raise DataError(
            f"{name}: the header declares shape {tuple(shape)} ({expected:,} bytes) but the "
            f"file holds {len(data):,} bytes; it is truncated or corrupt."
        )
    array = np.frombuffer(data, dtype=dtype, offset=header).reshape(shape)
    return array.astype(dtype.newbyteorder("="), copy=False)
