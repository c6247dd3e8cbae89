"""The checks that make opening an ``.mlpx`` file safe: zip directory, members, methods and
sizes before anything is decompressed, ``.npy`` headers before anything is allocated, and
the optimiser state and history a run continues from (see :mod:`.archive`)."""

from __future__ import annotations

import io
import math
import struct
import zipfile
import zlib

import numpy as np

from ..core.optimizers import OPTIMIZERS
from .config import field_spec

#: Zip methods accepted when opening: stored and deflate (what saving writes). Others, bzip2
#: and lzma above all, can inflate a few kB into gigabytes.
ALLOWED_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
#: Deflate cannot compress better than about 1032:1; a member claiming more is lying.
MAX_DEFLATE_RATIO = 1032
#: Opening holds each member's bytes and the array parsed from them; continuing training
#: copies the weights once more: this many times the stored bytes must fit the budget.
OPEN_MEMORY_FACTOR = 3
MAX_MEMBERS = 10_000
#: Bytes of one central-directory entry at most: 46 fixed, a name, an extra field, a comment.
MAX_DIRECTORY_ENTRY = 46 + 3 * 0xFFFF
#: Epoch 0 (the untrained network) up to the largest epoch budget the config allows.
MAX_HISTORY_ROWS = int(field_spec("training", "epochs").high or 0) + 1
NPY_HEADER_SLACK = 64 << 10  # bytes allowed beyond the data for a .npy header
MAX_NPY_HEADER = 10_000  # numpy's own default limit on a .npy header's length
NPY_MAGIC = b"\x93NUMPY"
#: What zipfile raises on damaged input: besides BadZipFile, a mangled header can surface as
#: a struct, zlib or decoding error, or as NotImplementedError for an unknown zip version.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    ValueError,
    EOFError,
    struct.error,
    zlib.error,
)


class ArchiveError(ValueError):
    """An experiment file that cannot be saved or opened; the message says why."""


def optimizer_buffers(name: str, where: str = "") -> tuple[str, ...]:
    """The state arrays the optimiser ``name`` saves (its registry entry's ``buffers``); an
    optimiser this version does not know is refused with an :class:`ArchiveError`."""
    entry = OPTIMIZERS.get(name)
    if entry is None:
        raise ArchiveError(
            f"{where + ': ' if where else ''}the optimiser {name!r} is not one this version of "
            f"MLP Studio knows ({', '.join(OPTIMIZERS)}); the experiment cannot be saved or "
            "opened with its state."
        )
    return entry.buffers


def check_directory(handle, name: str) -> None:
    """Refuse a zip whose central directory claims more members (or bytes) than an experiment
    ever has, *before* ``zipfile`` builds an object for each of them."""
    try:
        end = zipfile._EndRecData(handle)  # noqa: SLF001 (the record zipfile itself reads)
    except (OSError, *ZIP_ERRORS):
        end = None
    finally:
        handle.seek(0)
    if not end:
        return  # not a zip at all: ZipFile says so
    entries, size = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]  # noqa: SLF001
    if entries > MAX_MEMBERS or size > MAX_MEMBERS * MAX_DIRECTORY_ENTRY:
        raise ArchiveError(
            f"{name}: its directory lists {entries:,} members in {size:,} bytes; an experiment "
            f"holds at most {MAX_MEMBERS:,}. Refused."
        )


def check_method(name: str, info: zipfile.ZipInfo) -> None:
    """Only stored or deflate members, with sizes that method can produce."""
    method = info.compress_type
    if method not in ALLOWED_METHODS:
        raise ArchiveError(
            f"{name}: the member {clip(info.filename)} uses zip compression method {method}; "
            "MLP Studio writes and opens only stored or deflate members; refused."
        )
    if method == zipfile.ZIP_STORED and info.file_size != info.compress_size:
        raise ArchiveError(
            f"{name}: the stored member {clip(info.filename)} claims {info.file_size:,} bytes "
            f"but holds {info.compress_size:,}; the file is damaged."
        )
    if method == zipfile.ZIP_DEFLATED and info.file_size > (
        MAX_DEFLATE_RATIO * info.compress_size + NPY_HEADER_SLACK
    ):
        raise ArchiveError(
            f"{name}: the member {clip(info.filename)} claims {info.file_size:,} bytes from "
            f"{info.compress_size:,} compressed, more than deflate can produce; refused."
        )


def array_limit(shape: tuple[int, ...]) -> int:
    """The most bytes a .npy member of ``shape`` can need (8-byte values plus a header)."""
    return math.prod(shape) * 8 + NPY_HEADER_SLACK


def check_claim(name: str, info: zipfile.ZipInfo, limit: int) -> None:
    if info.file_size > limit:
        raise ArchiveError(
            f"{name}: the member {clip(info.filename)} claims {info.file_size:,} bytes where at "
            f"most {limit:,} fit the architecture; refused."
        )


def check_state(
    name: str, optimizer: str, state: dict[str, np.ndarray], largest: float = math.inf
) -> None:
    """Optimiser buffers that training can continue from: finite and representable in the
    network's precision (``largest``), and Adam's v >= 0."""
    for key in optimizer_buffers(optimizer, name):
        values = state[key]
        if not np.isfinite(values).all() or np.abs(values).max(initial=0.0) > largest:
            raise ArchiveError(
                f"{name}: the optimiser's {key!r} values are not all finite numbers; the saved "
                "state is damaged. Continuing from it would diverge."
            )
    for key in OPTIMIZERS[optimizer].nonnegative:
        if (state[key] < 0).any():
            raise ArchiveError(
                f"{name}: the optimiser's {key!r} (averages of squared gradients) includes "
                "negative values, which squares cannot give; the saved state is damaged."
            )


def check_history(name: str, history: dict[str, np.ndarray]) -> None:
    """The epoch column: whole numbers from 0 up, strictly increasing (the views, the
    continue-training logic and the epoch counter rely on it)."""
    epochs = history.get("epoch")
    if epochs is None or not len(epochs):
        return
    if (
        not np.isfinite(epochs).all()
        or (epochs != np.round(epochs)).any()
        or epochs[0] < 0
        or epochs[-1] > 1e9
        or (len(epochs) > 1 and (np.diff(epochs) <= 0).any())
    ):
        raise ArchiveError(
            f"{name}: the history's epoch column is not a rising sequence of whole numbers; "
            "the history is damaged."
        )


def check_member_name(name: str, member: str) -> None:
    """Only plain relative names: no absolute paths, drive letters, backslashes or '..'."""
    parts = member.split("/")
    if (
        not member
        or member.startswith("/")
        or "\\" in member
        or ":" in member
        or "\x00" in member
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise ArchiveError(
            f"{name}: the member name {clip(member)} is not a plain relative path; refused."
        )


def clip(member: str, limit: int = 60) -> str:
    """A member name for a message: quoted, and cut short if a damaged file made it long."""
    return repr(member if len(member) <= limit else member[:limit] + "...")


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int) -> bytes:
    """The member's bytes, refusing before decompressing when it claims more than ``limit``."""
    if info.file_size > limit:
        raise ArchiveError(
            f"{name}: the member {info.filename!r} claims {info.file_size:,} bytes where at most "
            f"{limit:,} fit the architecture; refused."
        )
    claimed = info.file_size
    with archive.open(info) as member:
        data = member.read(claimed + 1)  # bounded: never more than the claim, plus one byte
    if len(data) > claimed:
        raise ArchiveError(f"{name}: the member {clip(info.filename)} is larger than it claims.")
    return data


def read_array(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    shape: tuple[int, ...],
    kinds: str,
) -> np.ndarray:
    """A ``.npy`` member of exactly ``shape`` and a numeric dtype kind in ``kinds``.

    The header is read and checked first, so neither an object array nor a header claiming a
    gigantic shape ever gets as far as an allocation; then ``np.load(allow_pickle=False)``."""
    member = info.filename
    limit = array_limit(shape)
    data = read_member(archive, info, name, limit)
    if not data.startswith(NPY_MAGIC):
        raise ArchiveError(f"{name}: the member {member!r} is not a .npy array.")
    buffer = io.BytesIO(data)
    try:
        major, _ = np.lib.format.read_magic(buffer)
        if major == 1:
            found, fortran, dtype = np.lib.format.read_array_header_1_0(
                buffer, max_header_size=MAX_NPY_HEADER
            )
        elif major in (2, 3):
            found, fortran, dtype = np.lib.format.read_array_header_2_0(
                buffer, max_header_size=MAX_NPY_HEADER
            )
        else:
            raise ValueError(f"unknown .npy version {major}")
    except (ValueError, SyntaxError, TypeError, EOFError) as exc:
        raise ArchiveError(f"{name}: the member {member!r} has a damaged header ({exc}).") from None
    if dtype.hasobject or dtype.fields is not None or dtype.kind not in kinds:
        what = "Python objects" if dtype.hasobject else f"values of type {dtype}"
        raise ArchiveError(
            f"{name}: the member {member!r} holds {what}; only plain numbers are accepted."
        )
    if tuple(found) != tuple(shape):
        raise ArchiveError(
            f"{name}: the member {member!r} has shape {tuple(found)}, but the architecture "
            f"needs {tuple(shape)}."
        )
    try:
        array = np.load(io.BytesIO(data), allow_pickle=False)
    except (ValueError, OSError, EOFError) as exc:
        raise ArchiveError(f"{name}: the member {member!r} cannot be read ({exc}).") from None
    if not isinstance(array, np.ndarray) or array.shape != tuple(shape):
        raise ArchiveError(f"{name}: the member {member!r} is damaged.")
    return array
