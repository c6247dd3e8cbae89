"""Reader for the IDX format of MNIST and Fashion-MNIST (gzip-compressed or raw).

An IDX file is a 4-byte magic number (two zero bytes, a type code, the number of dimensions),
one big-endian uint32 per dimension, then the values. The header is checked against the file's
real size *before* anything is allocated, so a corrupt or hostile header that claims terabytes
is refused with a message instead of exhausting memory. For a ``.gz`` file the header inside
is checked against the size the gzip trailer records and against the most that a file of that
size can inflate to, for the same reason.
"""

from __future__ import annotations

import gzip
import os
import struct
import zlib
from pathlib import Path
from typing import BinaryIO

import numpy as np

from ..memory import MemoryBudgetError, check_memory
from .dataset import DataError
from .untrusted import MAX_BYTES, open_regular

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
#: The largest IDX content accepted (the largest official file, MNIST's training images, is
#: 47 MB): anything bigger is a corrupt header or a gzip bomb, not a dataset for this app.
MAX_IDX_BYTES = MAX_BYTES["idx"]
#: Deflate cannot compress better than about 1032:1, so a gzip file of n bytes cannot hold
#: more than this many times n bytes; a header claiming more is a lie.
MAX_DEFLATE_RATIO = 1032
_CHUNK = 1 << 22


def idx_file_names(name: str) -> tuple[str, str]:
    """The names under which an IDX file may be stored: raw first (no inflating), then .gz."""
    base = name[:-3] if name.endswith(".gz") else name
    return base, base + ".gz"


def find_idx(folder: str | Path, name: str) -> Path | None:
    """``folder/name`` or ``folder/name.gz``, whichever exists (raw preferred), else None.

    Teachers copy MNIST either as the official ``.gz`` files or already decompressed; both are
    the same data, so every lookup accepts both spellings.
    """
    folder = Path(folder)
    for candidate in idx_file_names(name):
        path = folder / candidate
        if path.is_file():
            return path
    return None


def read_idx(path: str | Path, expected_dims: int | None = None) -> np.ndarray:
    """The array stored in an IDX file, ``.gz`` or uncompressed (decided by content).

    Only a regular file within the IDX cap is opened; the declared shape must hold at least
    one value and fit the memory budget before anything is allocated."""
    path = Path(path)
    try:
        with open_regular(path, "idx") as handle:
            if handle.read(2) == GZIP_MAGIC:
                return _read_gzip(path, expected_dims)
            handle.seek(0)
            return _read_raw(handle, os.fstat(handle.fileno()).st_size, path.name, expected_dims)
    except OSError as exc:
        raise DataError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from None
    except MemoryBudgetError as exc:
        raise DataError(f"{path.name}: {exc}") from None


def _check_declared(name: str, shape: tuple[int, ...], expected: int, header: int) -> None:
    """A declared shape with values, whose array fits the memory budget (checked before
    allocating; the caller has already matched it against the file's size)."""
    if expected == header:
        raise DataError(f"{name}: the header declares shape {tuple(shape)}, which holds no values.")
    check_memory(
        expected - header,
        f"The declared array of shape {tuple(shape)}",
        "The file is not one of the image sets MLP Studio reads, or it is damaged.",
    )


def _read_raw(handle: BinaryIO, size: int, name: str, expected_dims: int | None) -> np.ndarray:
    dtype, shape, header = _read_header(handle.read, name, expected_dims)
    expected = _content_size(dtype, shape, header)
    if expected != size:
        raise DataError(_size_mismatch(name, shape, expected, size))
    _check_declared(name, shape, expected, header)
    count = expected - header
    array = np.fromfile(handle, dtype=dtype, count=count // dtype.itemsize)
    if array.nbytes != count:  # the file shrank while being read
        raise DataError(f"{name}: the file ended early; it is truncated.")
    return _native(array.reshape(shape))


def _read_gzip(path: Path, expected_dims: int | None) -> np.ndarray:
    name = path.name
    size = os.path.getsize(path)
    if size < 18:
        raise DataError(f"{name}: truncated gzip file ({size} bytes).")
    with open(path, "rb") as handle:
        handle.seek(-4, os.SEEK_END)
        claimed = struct.unpack("<I", handle.read(4))[0]  # uncompressed size mod 2^32
    try:
        with gzip.open(path, "rb") as stream:
            dtype, shape, header = _read_header(stream.read, name, expected_dims)
            expected = _content_size(dtype, shape, header)
            if expected > MAX_IDX_BYTES or expected > MAX_DEFLATE_RATIO * size:
                raise DataError(
                    f"{name}: the header declares shape {tuple(shape)} ({expected:,} bytes), more "
                    f"than a {size:,}-byte gzip file can hold; the file is corrupt."
                )
            if expected % (1 << 32) != claimed:
                raise DataError(
                    f"{name}: the header declares shape {tuple(shape)} ({expected:,} bytes) but "
                    f"the gzip trailer records {claimed:,} bytes; the file is truncated or corrupt."
                )
            _check_declared(name, shape, expected, header)
            # Allocation is bounded by the checks above; readinto fills it without a copy.
            array = np.empty(shape, dtype=dtype)
            view = array.reshape(-1).view(np.uint8).data  # a writable memoryview of it
            done = 0
            while done < len(view):
                n = stream.readinto(view[done : done + _CHUNK])
                if not n:
                    raise DataError(
                        f"{name}: the data ends after {header + done:,} of {expected:,} bytes; "
                        "the file is truncated."
                    )
                done += n
            if stream.read(1):  # also makes gzip check the CRC and the length in the trailer
                raise DataError(f"{name}: more data than the header declares; the file is corrupt.")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise DataError(f"{name}: damaged gzip file ({exc}).") from None
    return _native(array)


def parse_idx(data: bytes, name: str = "IDX data", expected_dims: int | None = None) -> np.ndarray:
    """Decode IDX bytes held in memory; raises :class:`DataError` on any inconsistency."""
    position = 0

    def read(n: int) -> bytes:
        nonlocal position
        chunk = data[position : position + n]
        position += len(chunk)
        return chunk

    dtype, shape, header = _read_header(read, name, expected_dims)
    expected = _content_size(dtype, shape, header)
    if expected != len(data):
        raise DataError(_size_mismatch(name, shape, expected, len(data)))
    return _native(np.frombuffer(data, dtype=dtype, offset=header).reshape(shape))


def _read_header(read, name: str, expected_dims: int | None):
    """(dtype, shape, header length) from the first bytes that ``read(n)`` returns."""
    magic = read(4)
    if len(magic) < 4:
        raise DataError(f"{name}: too short to be an IDX file ({len(magic)} bytes).")
    zero, code, ndim = struct.unpack(">HBB", magic)
    if zero != 0 or code not in IDX_TYPES or not 1 <= ndim <= MAX_DIMS:
        raise DataError(
            f"{name}: not an IDX file (magic number {magic.hex()}; "
            "expected 0000 followed by a type code and 1 to 4 dimensions)."
        )
    if expected_dims is not None and ndim != expected_dims:
        raise DataError(f"{name}: expected {expected_dims} dimensions, the header says {ndim}.")
    dims = read(4 * ndim)
    if len(dims) < 4 * ndim:
        raise DataError(f"{name}: truncated header.")
    shape = struct.unpack(f">{ndim}I", dims)
    return IDX_TYPES[code], shape, 4 + 4 * ndim


def _content_size(dtype: np.dtype, shape: tuple[int, ...], header: int) -> int:
    count = 1
    for n in shape:
        count *= n  # Python integers: no overflow, whatever the header claims
    return header + count * dtype.itemsize


def _size_mismatch(name: str, shape, expected: int, actual: int) -> str:
    return (
        f"{name}: the header declares shape {tuple(shape)} ({expected:,} bytes) but the "
        f"file holds {actual:,} bytes; it is truncated or corrupt."
    )


def _native(array: np.ndarray) -> np.ndarray:
    return array.astype(array.dtype.newbyteorder("="), copy=False)
