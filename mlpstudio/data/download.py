"""Downloads: the files of an image set, from the official addresses or a lab mirror.

:func:`fetch` asks :func:`pooch.retrieve` for each missing file, with the catalogue's hash as
``known_hash`` and this module's downloader (:func:`_downloader`) as ``downloader=``. pooch
streams it into a temporary file, checks the hash and renames it; all of that happens inside
a locked temporary folder beside the target (:class:`~mlpstudio.atomic.PartFolder`), and only
when the catalogue's own checks pass too (size, every published hash, the content's sha256
where only an md5 is published) is the file renamed into place. A failed, cancelled or
corrupt download leaves nothing behind that a reader would pick up, and a killed one leaves a
folder that the next :func:`~.verification.status` removes.

The downloader is what makes a hostile server harmless: it never writes past the catalogue
size of its file, takes only the plain bytes (``Accept-Encoding: identity``; any other
encoding is refused), gives up after :data:`TIMEOUT_S` seconds of silence, reports progress and
returns within a second of a cancel (the network waits happen in a helper thread).

CIFAR archives are unpacked by :class:`SafeUntar` (pooch's processor signature), not pooch's
``Untar``: on Python 3.11 ``Untar`` follows ``../`` paths and links and writes members of any
size (``benchmarks/pooch_untar.py``). It takes exactly the expected members, by exact name and
size, into temporary files renamed into place only when every member is there.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import logging
import os
import queue
import tarfile
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from ..atomic import PartFile, PartFolder
from ..i18n import translate
from .catalog import MAX_EXTRA_BYTES, ImageSet, RecordFile, image_set
from .dataset import DataError
from .locations import ENV_DATA, discard, download_urls, drop_other_spelling, mirror_url, set_folder
from .verification import (
    CHUNK,
    CheckFailed,
    Manifest,
    SetStatus,
    check_archive,
    check_idx_file,
    check_record_file,
    status,
)

TIMEOUT_S = 10  # seconds without a byte from the server before a download is given up
CANCEL_POLL_S = 0.2  # how often a download looks at its cancel flag while it waits

ProgressCallback = Callable[[str, int, int], None]
CancelCallback = Callable[[], bool]


class DownloadCancelled(DataError):
    """The user cancelled a download; nothing partial was kept."""


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
    known_hash: str,
    check: Callable[[Path], str],
    progress: ProgressCallback | None,
    cancel: CancelCallback | None,
    advice: str = "",
) -> str:
    """Downloads ``dest.name`` (``size`` bytes and ``known_hash``, from the catalogue) from the
    first of ``urls`` that works: :func:`pooch.retrieve` with :func:`_downloader`, into a
    temporary folder beside ``dest``; then ``check`` (the catalogue's checks) on the result,
    and only then the rename into place. Returns the check's method. Every failure removes
    the temporary folder and all in it."""
    import pooch
    import requests
    import urllib3

    pooch.get_logger().setLevel(logging.WARNING)  # no "Downloading data from..." on stderr
    problems = []
    for url in urls:
        _check_cancel(cancel, dest.name)
        with PartFolder(dest) as work:
            try:
                path = pooch.retrieve(
                    url,
                    known_hash,
                    fname=dest.name,
                    path=work.path,
                    downloader=functools.partial(
                        _downloader, size=size, name=dest.name, progress=progress, cancel=cancel
                    ),
                )
                method = check(Path(path))
                work.commit(path)
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
            except DataError:  # cancelled
                raise
            except ValueError:  # pooch: the hash differs from known_hash
                algorithm, _, value = known_hash.partition(":")
                why = translate(
                    "Datasets",
                    "the downloaded file failed its check: its {algorithm} is not the published "
                    "{value}; the file is damaged or not the official one",
                ).format(algorithm=algorithm, value=value)
                problems.append(f"{url}: {why}")
    raise DataError(
        translate("Datasets", "Could not download {name} (nothing was kept): {problems}. {advice}")
        .format(name=dest.name, problems="; ".join(problems), advice=advice)
        .strip()
    )


def _downloader(
    url: str,
    output_file: str,
    pooch: object,
    *,
    size: int,
    name: str,
    progress: ProgressCallback | None,
    cancel: CancelCallback | None,
) -> None:
    """pooch's ``downloader=``: writes the file at ``url`` to ``output_file`` (pooch's
    temporary), never more than ``size`` bytes, with progress, Cancel and the silence limit."""
    with open(output_file, "wb") as out:
        _stream_to(url, size, out, name, progress, cancel)


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
        manifest = Manifest(folder)
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
                        file.gz_known_hash,
                        functools.partial(check_idx_file, file=file),
                        progress,
                        cancel,
                        advice,
                    )
                    drop_other_spelling(dest)  # e.g. a damaged decompressed copy
                    manifest.remember(dest, "verified", method)
                    manifest.save()
            elif not current.ready:
                expected = spec.archive
                archive = folder / expected.name
                try:
                    check_archive(archive, expected)  # a verified archive left from before
                except (CheckFailed, OSError):
                    _download(
                        download_urls(spec, expected.name, mirror),
                        archive,
                        expected.size,
                        expected.known_hash,
                        lambda tmp: check_archive(tmp, expected),
                        progress,
                        cancel,
                        advice,
                    )
                SafeUntar(spec, manifest, cancel)(str(archive), "fetch", None)
                discard(archive)  # the unpacked files carry their recorded hashes
        finally:
            manifest.save()
    except OSError as exc:
        raise DataError(
            f"Cannot write {spec.title} to {folder} ({exc.strerror or exc}); choose another data "
            f"folder with {ENV_DATA} or free some space."
        ) from None
    return status(name, directory)


class SafeUntar:
    """Unpacks exactly the expected members of a verified CIFAR archive into the set's folder
    (beside the archive): regular files with the exact expected names and sizes, written to
    temporary files, renamed into place only once all required ones are there and pass their
    checks, each remembered in ``manifest`` with its sha256. Nothing else in the archive is
    looked at (no links, no paths of its own choosing). Called like a pooch processor,
    ``SafeUntar(...)(archive, action, pooch)``; returns the names unpacked. ``folder``: where
    to unpack (the manifest's folder, the store), if not beside the archive (an import)."""

    def __init__(
        self,
        spec: ImageSet,
        manifest: Manifest,
        cancel: CancelCallback | None = None,
        folder: Path | None = None,
    ):
        self.spec, self.manifest, self.cancel, self.folder = spec, manifest, cancel, folder

    def __call__(self, fname: str, action: str = "fetch", pooch: object = None) -> list[str]:
        archive_path = Path(fname)
        folder = self.folder if self.folder is not None else archive_path.parent
        return _unpack(self.spec, archive_path, folder, self.manifest, self.cancel)


def _unpack(
    spec: ImageSet,
    archive_path: Path,
    folder: Path,
    manifest: Manifest,
    cancel: CancelCallback | None,
) -> list[str]:
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
    while chunk := source.read(CHUNK):
        sha.update(chunk)
        part.file.write(chunk)
        _check_cancel(cancel, part.target.name)
    part.file.flush()
    return sha.hexdigest()
