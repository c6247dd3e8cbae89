"""Where the image sets live on disk, and how they get there.

The store is one folder (:func:`data_dir`) with one sub-folder per set (``mnist``,
``fashion-mnist``, ``cifar10``, ``cifar100``). Files get there in two ways, and both check them
against :mod:`~mlpstudio.data.catalog` before they are put in place:

* :func:`fetch` downloads the official files (or the same file names from a lab web server,
  ``MLPSTUDIO_MIRROR``) into a temporary file that is only renamed into place once its
  checksum matches. A failed, cancelled or corrupt download leaves nothing behind that a
  reader would pick up. A download never grows past the catalogue size of its file, takes
  only the plain bytes (``Accept-Encoding: identity``; any other encoding is refused), gives
  up after :data:`TIMEOUT_S` seconds of silence and returns within a second of a cancel.
  Temporaries left by a killed process are removed whenever the store is opened.
  CIFAR archives are unpacked member by member, by exact name, into
  temporary files that are renamed into place only when every member is there.
* :func:`import_folder` takes files a teacher copied (a USB stick, a shared drive): MNIST-style
  files as ``.gz`` or decompressed (checked by the hash of their content), CIFAR as the official
  archive (checked by md5) or as loose ``.bin`` files (no checksum is published for those, so
  they are checked by their exact size and label ranges and reported as such).

A small ``.verified.json`` in each set's folder remembers which files passed which check (and
their size and modification time), so that :func:`status` is instant after the first check;
:func:`verify` ignores it and checks everything again.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import queue
import tarfile
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import PartFile, atomic_write_bytes, remove_stale
from ..i18n import translate
from .catalog import (
    MAX_EXTRA_BYTES,
    SET_NAMES,
    Archive,
    IdxFile,
    ImageSet,
    RecordFile,
    image_set,
)
from .dataset import DataError
from .idx import GZIP_MAGIC, idx_file_names
from .locations import ENV_DATA, find_file, set_folder
from .locations import data_dir as data_dir  # the store's public names, defined in .locations
from .locations import locate as locate
from .untrusted import read_json_file

ENV_MIRROR = "MLPSTUDIO_MIRROR"
MANIFEST = ".verified.json"
TIMEOUT_S = 10  # seconds without a byte from the server before a download is given up
CANCEL_POLL_S = 0.2  # how often a download looks at its cancel flag while it waits
_CHUNK = 1 << 20

ProgressCallback = Callable[[str, int, int], None]
CancelCallback = Callable[[], bool]


class DownloadCancelled(DataError):
    """The user cancelled a download; nothing partial was kept."""


class CheckFailed(DataError):
    """A file failed its check (checksum, size or labels); the message says why, without the
    file name, so callers can put it in a report line or a download error."""


# -- where ----------------------------------------------------------------------------------
def mirror_url(mirror: str | None = None) -> str | None:
    """The lab mirror to download from: ``mirror``, else ``MLPSTUDIO_MIRROR``, else None."""
    mirror = (mirror or os.environ.get(ENV_MIRROR, "")).strip()
    if not mirror:
        return None
    if not mirror.startswith(("http://", "https://")):
        raise DataError(
            f"The mirror {mirror!r} is not a web address; it must start with http:// or "
            f"https:// (set {ENV_MIRROR} or --mirror to the folder on the lab's web server)."
        )
    return mirror


def download_urls(spec: ImageSet, file_name: str, mirror: str | None = None) -> list[str]:
    """Where ``file_name`` is downloaded from, in order: the mirror if there is one (instead of
    the official addresses), else the official addresses.

    On a mirror the file is looked for in a sub-folder named after the set first
    (``MIRROR/fashion-mnist/train-images-idx3-ubyte.gz``), because MNIST and Fashion-MNIST use
    the same file names, then directly in the mirror's folder (``MIRROR/FILE``), which is
    enough for a lab that mirrors only one of the two."""
    mirror = mirror_url(mirror)
    if mirror:
        base = mirror.rstrip("/")
        return [f"{base}/{spec.name}/{file_name}", f"{base}/{file_name}"]
    return [base + file_name for base in spec.urls]


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


def format_size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"


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


def _status(name: str, directory, recheck: bool) -> SetStatus:
    spec = image_set(name)
    folder = set_folder(name, directory)
    remove_stale(folder)  # what a killed download or import left behind
    manifest = _Manifest(folder)
    files = []
    for file in spec.files:
        path = find_file(folder, file) if folder.is_dir() else None
        if path is None:
            files.append(FileStatus(file.name, None, 0, "missing"))
            continue
        files.append(_file_status(file, path, manifest, recheck))
    manifest.save()
    return SetStatus(spec.name, spec.title, folder, tuple(files))


def _file_status(file, path: Path, manifest: _Manifest, recheck: bool) -> FileStatus:
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
        while chunk := handle.read(_CHUNK):
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
            while size <= limit and (chunk := stream.read(min(_CHUNK, limit + 1 - size))):
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
    from .images import read_cifar_labels

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


def _check_archive(path: Path, archive: Archive) -> str:
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
class _Manifest:
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


def _discard(path: Path | None) -> None:
    if path is not None:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def _drop_other_spelling(path: Path) -> None:
    """After ``name.gz`` (or ``name``) was put in place, removes ``name`` (or ``name.gz``): a
    second copy would only duplicate it, or shadow it if it were damaged."""
    for other in idx_file_names(path.name):
        if other != path.name:
            _discard(path.parent / other)


# -- download -------------------------------------------------------------------------------
class _Refused(Exception):
    """The server's answer is not the file (wrong size, an encoding): said in the message."""


class _Silent(Exception):
    """Nothing arrived from the server for TIMEOUT_S seconds."""


def _check_cancel(cancel: CancelCallback | None, name: str) -> None:
    if cancel is not None and cancel():
        raise DownloadCancelled(f"Download of {name} cancelled; nothing partial was kept.")


def _receive(url: str, size: int, stop: threading.Event, chunks: queue.Queue) -> None:
    """Runs in a helper thread: asks for ``url`` and puts ("data", bytes) messages, then
    ("end", None) or ("error", exception), into ``chunks``. Refuses an answer that announces
    another size or an encoding, and stops at ``size`` bytes. The thread owns no file: the
    caller writes, so abandoning the thread (cancel, silence) loses nothing and keeps nothing."""
    import requests

    def put(message) -> None:
        while not stop.is_set():
            try:
                chunks.put(message, timeout=CANCEL_POLL_S)
                return
            except queue.Full:
                continue

    response = None
    try:
        response = requests.get(
            url,
            stream=True,
            timeout=(TIMEOUT_S, TIMEOUT_S + 5),  # the caller's own clock says "silent" first
            headers={"Accept-Encoding": "identity"},
        )
        response.raise_for_status()
        encoding = response.headers.get("Content-Encoding", "").strip().lower()
        if encoding not in ("", "identity"):
            raise _Refused(
                translate(
                    "Datasets",
                    "the server sent the file in the '{encoding}' encoding instead of its plain "
                    "bytes, which is refused",
                ).format(encoding=encoding)
            )
        length = response.headers.get("Content-Length", "").strip()
        if length.isdigit() and int(length) != size:
            raise _Refused(
                translate(
                    "Datasets",
                    "the server announced {announced} bytes where the official file has "
                    "{size}; it is not the official file",
                ).format(announced=f"{int(length):,}", size=f"{size:,}")
            )
        received = 0
        while not stop.is_set():
            # never asks for more than one byte past the official size
            chunk = response.raw.read1(min(1 << 16, size + 1 - received), decode_content=False)
            if not chunk:
                break
            received += len(chunk)
            if received > size:
                raise _Refused(
                    translate(
                        "Datasets",
                        "the server sent more than the {size} bytes of the official file; "
                        "the download was stopped there",
                    ).format(size=f"{size:,}")
                )
            put(("data", chunk))
        put(("end", None))
    except BaseException as exc:  # handed to the caller, which decides what to say
        put(("error", exc))
    finally:
        if response is not None:
            response.close()


def _stream_to(
    url: str,
    size: int,
    out,
    name: str,
    progress: ProgressCallback | None,
    cancel: CancelCallback | None,
) -> None:
    """Writes the file at ``url`` (``size`` bytes) to the open file ``out``. The network waits
    happen in a helper thread; this thread writes, reports progress, checks ``cancel`` every
    :data:`CANCEL_POLL_S` seconds and gives up after :data:`TIMEOUT_S` seconds of silence."""
    stop = threading.Event()
    chunks: queue.Queue = queue.Queue(maxsize=16)
    reader = threading.Thread(
        target=_receive, args=(url, size, stop, chunks), name="download", daemon=True
    )
    reader.start()
    done = 0
    last = time.monotonic()
    try:
        while True:
            _check_cancel(cancel, name)
            try:
                kind, value = chunks.get(timeout=CANCEL_POLL_S)
            except queue.Empty:
                if time.monotonic() - last > TIMEOUT_S:
                    raise _Silent() from None
                continue
            last = time.monotonic()
            if kind == "error":
                raise value
            if kind == "end":
                return
            out.write(value)
            done += len(value)
            if progress is not None:
                progress(name, done, size)
    finally:
        stop.set()  # the helper thread ends by itself (its socket times out or the data ends)


def _download(
    urls: list[str],
    dest: Path,
    size: int,
    check: Callable[[Path], str],
    progress: ProgressCallback | None,
    cancel: CancelCallback | None,
    advice: str = "",
) -> str:
    """Downloads ``dest.name`` (``size`` bytes, from the catalogue) from the first of ``urls``
    that works into a temporary file, runs ``check`` on it (the checksum) and only then renames
    it into place. Returns the check's method. Every failure removes the temporary file."""
    import requests
    import urllib3

    problems = []
    for url in urls:
        _check_cancel(cancel, dest.name)
        with PartFile(dest) as part:
            try:
                _stream_to(url, size, part.file, dest.name, progress, cancel)
                part.file.flush()
                method = check(part.path)
                part.commit()
                return method
            except CheckFailed as exc:
                why = translate("Datasets", "the downloaded file failed its check: {why}")
                problems.append(f"{url}: {why.format(why=exc)}")
            except _Refused as exc:
                problems.append(f"{url}: {exc}")
            except _Silent:
                why = translate("Datasets", "the server sent nothing for {seconds} s")
                problems.append(f"{url}: {why.format(seconds=TIMEOUT_S)}")
            except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError) as exc:
                problems.append(f"{url}: {_describe_request_error(exc)}")
    raise DataError(
        translate("Datasets", "Could not download {name} (nothing was kept): {problems}. {advice}")
        .format(name=dest.name, problems="; ".join(problems), advice=advice)
        .strip()
    )


def _describe_request_error(exc) -> str:
    import requests
    import urllib3

    if isinstance(exc, requests.exceptions.HTTPError) and exc.response is not None:
        return translate("Datasets", "the server answered HTTP {code} ({reason})").format(
            code=exc.response.status_code, reason=exc.response.reason
        )
    if isinstance(exc, requests.exceptions.Timeout | urllib3.exceptions.TimeoutError):
        return translate("Datasets", "no answer within {seconds} s").format(seconds=TIMEOUT_S)
    if isinstance(exc, requests.exceptions.ChunkedEncodingError | urllib3.exceptions.ProtocolError):
        return translate("Datasets", "the connection broke off before the file was complete")
    if isinstance(exc, requests.exceptions.ConnectionError):
        return translate("Datasets", "could not connect (no network, or the server is down)")
    return str(exc)


def fetch(
    name: str,
    mirror: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCallback | None = None,
    directory: str | os.PathLike | None = None,
) -> SetStatus:
    """Download set ``name`` into the store, skipping files already there and verified.

    ``mirror``: a web folder with the same file names (default ``MLPSTUDIO_MIRROR``), used
    instead of the official addresses. ``progress(file, done_bytes, total_bytes)`` is called as
    data arrives; ``cancel()`` returning True stops with :class:`DownloadCancelled`. Raises
    :class:`DataError` when a file cannot be downloaded or fails its checksum.
    """
    spec = image_set(name)
    mirror = mirror_url(mirror)
    folder = set_folder(name, directory)
    if mirror:
        advice = translate(
            "Datasets",
            "Check that the mirror {mirror} is reachable and holds the official files under "
            "their official names.",
        ).format(mirror=mirror)
    else:
        advice = translate(
            "Datasets",
            "Check the network connection, or copy the official files to a folder and import "
            "them with `mlpstudio data import {name} FOLDER`.",
        ).format(name=name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        current = status(name, directory)
        manifest = _Manifest(folder)
        try:
            if spec.archive is None:
                for file in spec.idx_files:
                    if current.file(file.name).ok:
                        continue
                    dest = folder / file.download_name
                    method = _download(
                        download_urls(spec, file.download_name, mirror),
                        dest,
                        file.gz_size,
                        functools.partial(check_idx_file, file=file),
                        progress,
                        cancel,
                        advice,
                    )
                    _drop_other_spelling(dest)  # e.g. a damaged decompressed copy
                    manifest.remember(dest, "verified", method)
                    manifest.save()
            elif not current.ready:
                expected = spec.archive
                archive = folder / expected.name
                try:
                    _check_archive(archive, expected)  # a verified archive left from before
                except (CheckFailed, OSError):
                    _download(
                        download_urls(spec, expected.name, mirror),
                        archive,
                        expected.size,
                        lambda tmp: _check_archive(tmp, expected),
                        progress,
                        cancel,
                        advice,
                    )
                _extract(spec, archive, folder, manifest, cancel)
                _discard(archive)  # the unpacked files carry their recorded hashes
        finally:
            manifest.save()
    except OSError as exc:
        raise DataError(
            f"Cannot write {spec.title} to {folder} ({exc.strerror or exc}); choose another data "
            f"folder with {ENV_DATA} or free some space."
        ) from None
    return status(name, directory)


def _extract(
    spec: ImageSet,
    archive_path: Path,
    folder: Path,
    manifest: _Manifest,
    cancel: CancelCallback | None = None,
) -> list[str]:
    """Unpacks exactly the expected members of a verified CIFAR archive: regular files with
    the exact expected names and sizes, written to temporary files, renamed into place only
    once all required ones are there and pass their checks. Nothing else in the archive is
    looked at (no links, no paths of its own choosing)."""
    archive = spec.archive
    if archive is None:
        raise ValueError(f"{spec.title} is not distributed as an archive")
    wanted: dict[str, RecordFile | None] = {
        f"{archive.folder}/{f.name}": f for f in spec.record_files
    }
    wanted.update({f"{archive.folder}/{name}": None for name in archive.extras})
    temps: dict[str, PartFile] = {}
    hashes: dict[str, str] = {}
    try:
        try:
            with tarfile.open(archive_path, "r|gz") as tar:
                for member in tar:
                    if member.name not in wanted:
                        continue
                    base = member.name.rsplit("/", 1)[1]
                    file = wanted[member.name]
                    if base in temps:
                        raise DataError(f"{archive.name}: {member.name} appears twice.")
                    if not member.isreg():
                        raise DataError(f"{archive.name}: {member.name} is not a regular file.")
                    limit = file.size if file is not None else MAX_EXTRA_BYTES
                    if (file is not None and member.size != limit) or member.size > limit:
                        raise DataError(
                            f"{archive.name}: {member.name} has {member.size:,} bytes, "
                            f"expected {limit:,}."
                        )
                    _check_cancel(cancel, archive.name)
                    temps[base] = PartFile(folder / base)
                    hashes[base] = _copy_member(tar.extractfile(member), temps[base], cancel)
        except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise DataError(f"{archive.name}: the archive is damaged ({exc}).") from None
        missing = [f.name for f in spec.files if f.name not in temps]
        if missing:
            raise DataError(f"{archive.name}: the archive lacks {', '.join(missing)}.")
        for file in spec.record_files:
            try:
                check_record_file(temps[file.name].path, file)
            except CheckFailed as exc:
                raise DataError(f"{archive.name}: {file.name}: {exc}.") from None
        for base, part in temps.items():
            part.commit()
            if base in {f.name for f in spec.files}:
                manifest.remember(
                    folder / base,
                    "verified",
                    "sha256 recorded from the verified archive",
                    sha256=hashes[base],
                )
        manifest.save()
        return list(temps)
    finally:
        for part in temps.values():
            part.discard()


def _copy_member(source, part: PartFile, cancel: CancelCallback | None) -> str:
    sha = hashlib.sha256()
    while chunk := source.read(_CHUNK):
        sha.update(chunk)
        part.file.write(chunk)
        _check_cancel(cancel, part.target.name)
    part.file.flush()
    return sha.hexdigest()


# -- import ---------------------------------------------------------------------------------
@dataclass
class ImportReport:
    """What :func:`import_folder` did: files imported (and how they were checked), files that
    were refused (and why), files the folder did not have."""

    name: str
    source: Path
    imported: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    status: SetStatus | None = None

    @property
    def ok(self) -> bool:
        """Nothing was refused and the set is complete in the store."""
        return not self.failed and self.status is not None and self.status.ready

    def lines(self) -> list[str]:
        out = [f"{file}: imported, {how}" for file, how in self.imported]
        out += [f"{file}: REFUSED: {why}" for file, why in self.failed]
        if self.not_found:
            out.append(f"not in {self.source}: {', '.join(self.not_found)}")
        if self.status is not None:
            out.append(f"{self.status.title} in the store: {self.status.summary()}")
        return out


def import_folder(
    name: str, folder: str | os.PathLike, directory: str | os.PathLike | None = None
) -> ImportReport:
    """Copy the files of set ``name`` that a teacher put in ``folder`` into the store, each
    checked first (see the module docstring). Never raises for a bad file: the report lists it
    with the reason; raises :class:`DataError` only when ``folder`` is not a folder."""
    spec = image_set(name)
    source = Path(folder).expanduser()
    if not source.is_dir():
        raise DataError(f"{source} is not a folder; give the folder that holds the files.")
    dest = set_folder(name, directory)
    dest.mkdir(parents=True, exist_ok=True)
    remove_stale(dest)
    report = ImportReport(spec.name, source)
    manifest = _Manifest(dest)
    try:
        if spec.archive is None:
            _import_idx(spec, source, dest, manifest, report)
        else:
            _import_cifar(spec, source, dest, manifest, report)
    finally:
        manifest.save()
    report.status = status(name, directory)
    return report


def _import_idx(spec, source: Path, dest: Path, manifest: _Manifest, report) -> None:
    for file in spec.files:
        # official names, plus the "train-images.idx3-ubyte" spelling some copies use
        dotted = file.name.replace("-idx", ".idx")
        names = [*idx_file_names(file.name), *idx_file_names(dotted)]
        candidates = [source / n for n in dict.fromkeys(names) if (source / n).is_file()]
        if not candidates:
            report.not_found.append(f"{file.name}[.gz]")
            continue
        for candidate in candidates:
            with open(candidate, "rb") as handle:
                compressed = handle.read(2) == GZIP_MAGIC
            target = dest / (file.download_name if compressed else file.name)
            # a decompressed copy has exactly the official size; a (re)compressed one cannot be
            # much larger than its content (stored blocks: 5 bytes per 64 kB, plus a header)
            size = _gzip_bound(file.content_size) if compressed else file.content_size
            ok = _import_file(
                candidate,
                target,
                lambda p, f=file: check_idx_file(p, f),
                report,
                size=size,
                exact=not compressed,
            )
            if ok:
                manifest.remember(target, "verified", ok)
                break


def _import_cifar(spec, source: Path, dest: Path, manifest: _Manifest, report) -> None:
    archive = spec.archive
    folders = [f for f in (source, source / archive.folder) if f.is_dir()]
    tarball = source / archive.name
    if tarball.is_file():
        try:
            method = _check_archive(tarball, archive)
            names = _extract(spec, tarball, dest, manifest)
        except DataError as exc:
            report.failed.append((archive.name, str(exc)))
        except OSError as exc:
            report.failed.append((archive.name, f"cannot be read ({exc})"))
        else:
            how = f"verified ({method}), unpacked {', '.join(names)}"
            report.imported.append((archive.name, how))
            return
    for file in spec.files:
        candidate = next((f / file.name for f in folders if (f / file.name).is_file()), None)
        if candidate is None:
            report.not_found.append(file.name)
            continue
        target = dest / file.name
        ok = _import_file(
            candidate,
            target,
            lambda p, f=file: check_record_file(p, f),
            report,
            size=file.size,
            exact=True,
        )
        if ok:
            manifest.remember(target, "checked", ok)
    for extra in archive.extras:  # class-name lists: copied when present, nothing to check
        candidate = next((f / extra for f in folders if (f / extra).is_file()), None)
        if candidate is not None and candidate.stat().st_size <= MAX_EXTRA_BYTES:
            try:
                with open(candidate, "rb") as handle:
                    data = handle.read(MAX_EXTRA_BYTES + 1)
                if len(data) <= MAX_EXTRA_BYTES:
                    atomic_write_bytes(dest / extra, data)
            except OSError:
                pass


def _gzip_bound(content_size: int) -> int:
    """The largest a gzip file of ``content_size`` bytes can reasonably be (even stored without
    compression, with a long file name in its header)."""
    return content_size + 5 * (content_size // 65535 + 1) + 64 * 1024


def _import_file(
    source: Path, target: Path, check, report: ImportReport, *, size: int, exact: bool
) -> str | None:
    """Copies ``source`` to a temporary file beside ``target``, checks the copy (so what is
    checked is exactly what lands) and renames it into place. Returns the check's method, or
    None after noting the refusal in ``report``. The size is compared before anything is copied
    (``exact``: must be ``size`` bytes; else at most ``size``), and the copy stops there too (a
    file that grows while it is copied)."""
    try:
        actual = source.stat().st_size
        if actual > size or (exact and actual != size):
            if exact and actual < size:
                text = translate(
                    "Datasets",
                    "{actual} bytes where the official {name} has {size}; it is truncated or "
                    "a different file (nothing was copied)",
                )
            elif exact:
                text = translate(
                    "Datasets",
                    "{actual} bytes where the official {name} has {size}; it is a different "
                    "file (nothing was copied)",
                )
            else:
                text = translate(
                    "Datasets",
                    "{actual} bytes where the official {name} has at most {size}; it is a "
                    "different file (nothing was copied)",
                )
            raise CheckFailed(text.format(actual=f"{actual:,}", name=target.name, size=f"{size:,}"))
        with PartFile(target) as part:
            with open(source, "rb") as src:
                copied = 0
                while chunk := src.read(min(_CHUNK, size + 1 - copied)):
                    copied += len(chunk)
                    if copied > size:
                        raise CheckFailed(
                            translate(
                                "Datasets", "it grew past {size} bytes while it was copied"
                            ).format(size=f"{size:,}")
                        )
                    part.file.write(chunk)
            part.file.flush()
            method = check(part.path)
            part.commit()
        if target.suffix != ".bin":
            _drop_other_spelling(target)
    except CheckFailed as exc:
        report.failed.append((source.name, str(exc)))
        return None
    except OSError as exc:
        report.failed.append((source.name, f"cannot be copied ({exc.strerror or exc})"))
        return None
    how = "checked by size and labels" if method == "size and labels" else f"verified ({method})"
    report.imported.append((source.name, how))
    return method
