"""Imports: the files of an image set that a teacher copied (a USB stick, a shared drive).

:func:`import_folder` takes MNIST-style files as ``.gz`` or decompressed (checked by the hash
of their content), CIFAR as the official archive (checked by md5, then unpacked by
:class:`~.download.SafeUntar`) or as loose ``.bin`` files (no checksum is published for those,
so they are checked by their exact size and label ranges and reported as such). Every file's
size is compared before anything is copied; each copy is checked before it is renamed into
place, so what is checked is exactly what lands.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import PartFile, atomic_write_bytes, remove_stale
from ..i18n import translate
from .catalog import MAX_EXTRA_BYTES, image_set
from .dataset import DataError
from .download import SafeUntar
from .idx import GZIP_MAGIC, idx_file_names
from .locations import drop_other_spelling, set_folder
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
    manifest = Manifest(dest)
    try:
        if spec.archive is None:
            _import_idx(spec, source, dest, manifest, report)
        else:
            _import_cifar(spec, source, dest, manifest, report)
    finally:
        manifest.save()
    report.status = status(name, directory)
    return report


def _import_idx(spec, source: Path, dest: Path, manifest: Manifest, report) -> None:
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


def _import_cifar(spec, source: Path, dest: Path, manifest: Manifest, report) -> None:
    archive = spec.archive
    folders = [f for f in (source, source / archive.folder) if f.is_dir()]
    tarball = source / archive.name
    if tarball.is_file():
        try:
            method = check_archive(tarball, archive)
            names = SafeUntar(spec, manifest, folder=dest)(str(tarball))
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
                while chunk := src.read(min(CHUNK, size + 1 - copied)):
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
            drop_other_spelling(target)
    except CheckFailed as exc:
        report.failed.append((source.name, str(exc)))
        return None
    except OSError as exc:
        report.failed.append((source.name, f"cannot be copied ({exc.strerror or exc})"))
        return None
    how = "checked by size and labels" if method == "size and labels" else f"verified ({method})"
    report.imported.append((source.name, how))
    return method
