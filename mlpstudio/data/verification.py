"""Verification: whether the files of a set in the store are the official ones.

Every check compares against :mod:`~mlpstudio.data.catalog`, the one place a checksum or a
size is written: MNIST-style files by the hash of the official ``.gz`` or of its decompressed
content, CIFAR archives by their published md5 (and size), CIFAR ``.bin`` files by exact size
and label ranges, or by the sha256 recorded when they were unpacked from a verified archive.

A small ``.verified.json`` in each set's folder (:class:`Manifest`) remembers which files
passed which check (and their size and modification time), so that :func:`status` is instant
after the first check; :func:`verify` ignores it and checks everything again. Opening a set's
status also removes what a killed download or import left behind.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_write_bytes, remove_stale
from .catalog import SET_NAMES, Archive, IdxFile, RecordFile, image_set
from .dataset import DataError
from .idx import GZIP_MAGIC
from .images import read_cifar_labels
from .locations import find_file, set_folder
from .untrusted import read_json_file

MANIFEST = ".verified.json"
CHUNK = 1 << 20  # bytes read at a time when hashing or copying


class CheckFailed(DataError):
    """A file failed its check (checksum, size or labels); the message says why, without the
    file name, so callers can put it in a report line or a download error."""


# -- what is there --------------------------------------------------------------------------
@dataclass(frozen=True)
class FileStatus:
    """One file of a set in the store and what is known about it."""

    name: str  # the catalog name
    path: Path | None  # where it is (None: missing)
    size: int  # bytes on disk
    state: str  # verified (hash) | checked (size and labels) | missing | corrupt
    method: str = ""  # how it was verified, e.g. "sha256", "md5", "sha256 of the content"
    detail: str = ""  # why it is corrupt

    @property
    def ok(self) -> bool:
        return self.state in ("verified", "checked")

    @property
    def file_name(self) -> str:
        """The name on disk (``.gz`` or not), else the catalog name."""
        return self.path.name if self.path is not None else self.name

    def describe(self) -> str:
        if self.state == "verified":
            return f"{self.file_name}: verified ({self.method})"
        if self.state == "checked":
            return f"{self.file_name}: checked by size and labels (no published checksum)"
        if self.state == "missing":
            return f"{self.name}: missing"
        return f"{self.file_name}: CORRUPT: {self.detail}"


@dataclass(frozen=True)
class SetStatus:
    """The files of one set in the store."""

    name: str
    title: str
    folder: Path
    files: tuple[FileStatus, ...]

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def ready(self) -> bool:
        return all(f.ok for f in self.files)

    @property
    def state(self) -> str:
        """ready | missing (nothing there) | incomplete | corrupt."""
        if any(f.state == "corrupt" for f in self.files):
            return "corrupt"
        if self.ready:
            return "ready"
        if all(f.state == "missing" for f in self.files):
            return "missing"
        return "incomplete"

    def file(self, name: str) -> FileStatus:
        return next(f for f in self.files if f.name == name)

    def summary(self) -> str:
        """One line for ``mlpstudio data list`` and the dataset manager."""
        if self.state == "missing":
            return f"not downloaded (mlpstudio data fetch {self.name})"
        if self.state == "ready":
            verified = [f for f in self.files if f.state == "verified"]
            checked = len(self.files) - len(verified)
            parts = []
            if verified:
                methods = " / ".join(sorted({f.method for f in verified}))
                parts.append(f"{len(verified)} files verified ({methods})")
            if checked:
                parts.append(f"{checked} files checked by size and labels only")
            return f"ready, {format_size(self.size)}, {', '.join(parts)}"
        if self.state == "corrupt":
            bad = ", ".join(f.file_name for f in self.files if f.state == "corrupt")
            return f"CORRUPT: {bad} (mlpstudio data verify {self.name} says why)"
        missing = ", ".join(f.name for f in self.files if f.state == "missing")
        return f"incomplete, missing {missing} (mlpstudio data fetch {self.name})"


def format_size(n: int, one_decimal: Callable[[float], str] = "{:.1f}".format) -> str:
    """A byte count for people: 48.7 MB. The GUI passes its locale-aware formatter as
    ``one_decimal`` (48,7 MB in Spanish); the command line keeps the plain point."""
    size = float(n)
    for unit in ("bytes", "kB", "MB"):
        if size < 1000:
            return f"{n} {unit}" if unit == "bytes" else f"{one_decimal(size)} {unit}"
        size /= 1000
    return f"{one_decimal(size)} GB"


def status(name: str, directory: str | os.PathLike | None = None) -> SetStatus:
    """What of set ``name`` is in the store and whether it passed its checks.

    Uses the remembered result of an earlier check when the file's size and modification time
    are unchanged, so listing is instant; a new or changed file is checked now."""
    return _status(name, directory, recheck=False)


def list_status(directory: str | os.PathLike | None = None) -> list[SetStatus]:
    """:func:`status` of every set, in catalog order."""
    return [status(name, directory) for name in SET_NAMES]


def verify(name: str | None = None, directory: str | os.PathLike | None = None) -> list[SetStatus]:
    """Check again, from the bytes, every file present of set ``name`` (or of every set)."""
    names = [name] if name else list(SET_NAMES)
    return [_status(n, directory, recheck=True) for n in names]


def _remove_old_downloads(folder: Path, spec) -> None:
    """Earlier versions named a download in progress ``.FILE.<12 hex digits>.part``: remove
    such plain files, for this set's own file names only (never anything else)."""
    for file in spec.files:
        for candidate in (file.name, file.name + ".gz"):
            try:
                leftovers = list(folder.glob(f".{candidate}.*.part"))
            except OSError:
                return
            for path in leftovers:
                tag = path.name[len(candidate) + 2 : -len(".part")]
                if len(tag) == 12 and all(c in "0123456789abcdef" for c in tag):
                    if path.is_file() and not path.is_symlink():
                        try:
                            path.unlink()
                        except OSError:
                            pass


def _status(name: str, directory, recheck: bool) -> SetStatus:
    spec = image_set(name)
    folder = set_folder(name, directory)
    remove_stale(folder)  # what a killed download or import left behind
    _remove_old_downloads(folder, spec)
    manifest = Manifest(folder)
    files = []
    for file in spec.files:
        path = find_file(folder, file) if folder.is_dir() else None
        if path is None:
            files.append(FileStatus(file.name, None, 0, "missing"))
            continue
        files.append(_file_status(file, path, manifest, recheck))
    manifest.save()
    return SetStatus(spec.name, spec.title, folder, tuple(files))


def _file_status(file, path: Path, manifest: Manifest, recheck: bool) -> FileStatus:
    try:
        stat = path.stat()
    except OSError as exc:
        return FileStatus(file.name, path, 0, "corrupt", detail=f"cannot be read ({exc})")
    entry = manifest.get(path.name, stat)
    if entry is not None and not recheck:
        return FileStatus(file.name, path, stat.st_size, entry["state"], entry["method"])
    try:
        if isinstance(file, IdxFile):
            state, method = "verified", check_idx_file(path, file)
        else:
            recorded = manifest.recorded_sha256(path.name)
            method = check_record_file(path, file, recorded)
            state = "verified" if recorded else "checked"
    except CheckFailed as exc:
        manifest.refuse(path.name)
        return FileStatus(file.name, path, stat.st_size, "corrupt", detail=str(exc))
    except OSError as exc:
        detail = f"cannot be read ({exc.strerror or exc})"
        return FileStatus(file.name, path, stat.st_size, "corrupt", detail=detail)
    manifest.remember(path, state, method, sha256=manifest.recorded_sha256(path.name))
    return FileStatus(file.name, path, stat.st_size, state, method)


# -- checks ---------------------------------------------------------------------------------
def file_hashes(path: str | os.PathLike) -> dict[str, str]:
    """md5 and sha256 of a file, in one pass."""
    md5, sha = hashlib.md5(usedforsecurity=False), hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            md5.update(chunk)
            sha.update(chunk)
    return {"md5": md5.hexdigest(), "sha256": sha.hexdigest()}


def _gzip_content_hashes(path: Path, limit: int) -> tuple[dict[str, str], int]:
    """md5, sha256 and length of a gzip file's content, reading at most ``limit + 1`` bytes (a
    bomb or a different file is refused without inflating it all)."""
    md5, sha = hashlib.md5(usedforsecurity=False), hashlib.sha256()
    size = 0
    try:
        with gzip.open(path, "rb") as stream:
            while size <= limit and (chunk := stream.read(min(CHUNK, limit + 1 - size))):
                md5.update(chunk)
                sha.update(chunk)
                size += len(chunk)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise CheckFailed(f"damaged gzip file ({exc})") from None
    return {"md5": md5.hexdigest(), "sha256": sha.hexdigest()}, size


def check_idx_file(path: Path, file: IdxFile) -> str:
    """How ``path`` (the .gz or the decompressed file) matches the official ``file``: the hash
    of the official .gz bytes, else the hash of the decompressed content (a teacher's own
    decompressed or recompressed copy). Raises CheckFailed otherwise."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        compressed = handle.read(2) == GZIP_MAGIC
    official_gz = False
    if compressed:
        if size == file.gz_size:
            hashes = file_hashes(path)
            if hashes["md5"] == file.gz_md5 and file.gz_sha256 == hashes["sha256"]:
                return "sha256"
            # only the md5 of this .gz is published: check the content's sha256 as well
            official_gz = file.gz_sha256 is None and hashes["md5"] == file.gz_md5
        hashes, content_size = _gzip_content_hashes(path, file.content_size)
    else:
        if size != file.content_size:
            raise CheckFailed(
                f"{size:,} bytes where the official {file.name} has {file.content_size:,}; "
                "it is truncated or a different file"
            )
        hashes, content_size = file_hashes(path), size
    if (
        content_size == file.content_size
        and hashes["md5"] == file.content_md5
        and hashes["sha256"] == file.content_sha256
    ):
        return "md5, and sha256 of the content" if official_gz else "sha256 of the content"
    raise CheckFailed(
        f"its content does not match the official {file.name} (checksum differs); it is "
        "damaged or a different file"
    )


def check_record_file(path: Path, file: RecordFile, sha256: str | None = None) -> str:
    """Checks a CIFAR .bin file: exact size and every label in range; with ``sha256`` (recorded
    when it was unpacked from a verified archive) also its hash. Raises CheckFailed otherwise."""
    size = path.stat().st_size
    if size != file.size:
        raise CheckFailed(
            f"{size:,} bytes where the official {file.name} has {file.size:,} "
            f"({file.records:,} records of {file.record_bytes:,} bytes)"
        )
    try:
        read_cifar_labels(path, file.label_bytes)  # every label in range
    except DataError as exc:
        raise CheckFailed(str(exc).removeprefix(f"{path.name}: ")) from None
    if sha256 is not None:
        if file_hashes(path)["sha256"] != sha256:
            raise CheckFailed(
                "its sha256 differs from the one recorded when it was unpacked from the "
                "verified archive; it has been damaged since"
            )
        return "sha256 recorded from the verified archive"
    return "size and labels"


def check_archive(path: Path, archive: Archive) -> str:
    size = path.stat().st_size
    if size != archive.size:
        raise CheckFailed(f"{size:,} bytes where the official archive has {archive.size:,}")
    return _check_hashes(path, {"md5": archive.md5, "sha256": archive.sha256})


def _check_hashes(path, expected: dict[str, str | None]) -> str:
    """Compares every known hash of ``path``; returns the strongest that matched."""
    actual = file_hashes(path)
    for algorithm, value in expected.items():
        if value is not None and actual[algorithm] != value:
            raise CheckFailed(
                f"its {algorithm} is {actual[algorithm]}, not the published {value}; the file "
                "is damaged or not the official one"
            )
    return "sha256" if expected.get("sha256") else "md5"


# -- the manifest of checks already done ----------------------------------------------------
class Manifest:
    """``.verified.json``: file name -> size, mtime, state, method (and, for CIFAR files
    unpacked from a verified archive, their sha256). Best effort: a read-only shared folder
    simply means checks are not remembered."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.changed = False
        self.files: dict[str, object] = {}  # as read: each entry is checked where it is used
        try:  # through the untrusted-file boundary: no pipe, device, giant or deep file
            data = read_json_file(folder / MANIFEST, "manifest")
            self.files = data["files"] if isinstance(data.get("files"), dict) else {}
        except (OSError, ValueError, AttributeError, KeyError):  # DataError is a ValueError
            self.files = {}  # forgotten checks are simply done again

    def get(self, name: str, stat: os.stat_result) -> dict | None:
        entry = self.files.get(name)
        if (
            isinstance(entry, dict)
            and entry.get("size") == stat.st_size
            and entry.get("mtime_ns") == stat.st_mtime_ns
            and entry.get("state") in ("verified", "checked")
            and isinstance(entry.get("method"), str)
        ):
            return entry
        return None

    def recorded_sha256(self, name: str) -> str | None:
        entry = self.files.get(name)
        value = entry.get("sha256") if isinstance(entry, dict) else None
        return value if isinstance(value, str) else None

    def remember(self, path: Path, state: str, method: str, sha256: str | None = None) -> None:
        stat = path.stat()
        entry = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "state": state}
        entry["method"] = method
        if sha256:
            entry["sha256"] = sha256
        if self.files.get(path.name) != entry:
            self.files[path.name] = entry
            self.changed = True

    def refuse(self, name: str) -> None:
        """Forgets a passed check, but keeps a hash recorded from an archive: without it the
        damaged file would pass the weaker size check next time."""
        sha256 = self.recorded_sha256(name)
        entry = {"state": "corrupt", "sha256": sha256} if sha256 else None
        if self.files.get(name) != entry:
            if entry is None:
                self.files.pop(name, None)
            else:
                self.files[name] = entry
            self.changed = True

    def save(self) -> None:
        if not self.changed or not self.folder.is_dir():
            return
        text = json.dumps({"version": 1, "files": self.files}, indent=1, sort_keys=True)
        try:
            atomic_write_bytes(self.folder / MANIFEST, text.encode("utf-8"))
            self.changed = False
        except OSError:
            pass
