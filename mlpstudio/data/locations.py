"""Where the image sets are: the data store's folder (:func:`data_dir`), one set's folder in
it (:func:`set_folder`), the files of a set in the store or in a folder of the user's
(:func:`locate`), and the web addresses a file is downloaded from (:func:`download_urls`).

The first of the store's four modules (paths here, then :mod:`.verification`,
:mod:`.download` and :mod:`.importing`; :mod:`.store` gathers their public names). Kept below
all of them so that the readers in :mod:`~mlpstudio.data.images` can find files without
importing the store, and the store can use the readers to check files: no import cycle.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..i18n import translate
from .catalog import IdxFile, ImageSet, RecordFile, image_set
from .dataset import DataError
from .idx import find_idx, idx_file_names

ENV_DATA = "MLPSTUDIO_DATA"
ENV_MIRROR = "MLPSTUDIO_MIRROR"


def data_dir(preference: str | os.PathLike | None = None) -> Path:
    """The folder holding one sub-folder per image set.

    ``MLPSTUDIO_DATA`` wins (a lab can point every machine at a shared drive), then
    ``preference`` (the lab-wide folder set in the app's Preferences), then the per-user cache
    folder, because the sets can always be downloaded again.
    """
    env = os.environ.get(ENV_DATA, "").strip()
    if env:
        return Path(env).expanduser()
    if preference:
        return Path(preference).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("MLP Studio", appauthor=False)) / "datasets"


def set_folder(name: str, directory: str | os.PathLike | None = None) -> Path:
    """The folder of one set inside the store (``directory`` or :func:`data_dir`)."""
    image_set(name)  # refuses unknown names with the list of known ones
    base = Path(directory).expanduser() if directory else data_dir()
    return base / name


def locate(
    name: str,
    root: str | os.PathLike | None = None,
    *,
    partial: bool = False,
    directory: str | os.PathLike | None = None,
) -> dict[str, Path]:
    """The files of a set, by catalog name (``train-images-idx3-ubyte``, ``test_batch.bin``).

    ``root``: a folder of the user's instead of the store; the files may also be in a
    sub-folder named after the set or, for CIFAR, in the archive's own folder
    (``cifar-10-batches-bin``). ``partial``: accept a CIFAR-10 folder with only some training
    batches. Raises :class:`DataError` naming the missing files, where it looked and how to get
    them.
    """
    spec = image_set(name)
    if root:
        root = Path(root).expanduser()
        folders = [root, root / name]
        if spec.archive is not None:
            folders += [root / spec.archive.folder, root / name / spec.archive.folder]
        folders = [f for f in folders if f.is_dir()]
        looked = [root] if root.is_dir() else [f"{root}, which does not exist"]
    else:
        folders = [set_folder(name, directory)]
        looked = folders
    found: dict[str, Path] = {}
    missing: list[str] = []
    for file in spec.files:
        path = next((p for p in (find_file(f, file) for f in folders) if p is not None), None)
        if path is not None:
            found[file.name] = path
        elif not (partial and file.name in spec.optional):
            missing.append(_display_name(file))
    if missing:
        raise DataError(_missing_message(spec, missing, looked, root is not None, folders))
    return found


def find_file(folder: Path, file: IdxFile | RecordFile) -> Path | None:
    if isinstance(file, IdxFile):
        return find_idx(folder, file.name)
    path = folder / file.name
    return path if path.is_file() else None


def _display_name(file: IdxFile | RecordFile) -> str:
    return f"{file.name}[.gz]" if isinstance(file, IdxFile) else file.name


def _missing_message(spec: ImageSet, missing, looked, is_root: bool, folders) -> str:
    """What is missing, where it looked and how to get it (translated in the GUI)."""
    where = ", ".join(str(p) for p in looked)
    text = translate("Datasets", "{title}: missing {files} (looked in {where}).").format(
        title=spec.title, files=", ".join(missing), where=where
    )
    archive = spec.archive
    if is_root and archive is not None and any((f / archive.name).is_file() for f in folders):
        text += " " + translate(
            "Datasets",
            "The folder holds {archive}: import it with `mlpstudio data import {name} FOLDER`, "
            "which checks and unpacks it.",
        ).format(archive=archive.name, name=spec.name)
    elif spec.archive is not None and any(
        (f / "data_batch_1").is_file() or (f / "train").is_file() for f in folders
    ):
        text += " " + translate(
            "Datasets",
            "The folder looks like the Python (pickle) version, which MLP Studio does not open; "
            "use the binary version ({archive}).",
        ).format(archive=spec.archive.name)
    if is_root:
        text += " " + translate(
            "Datasets",
            "Put the official files there, or clear the image folder setting (data.root) to "
            "use the data store (`mlpstudio data fetch {name}`).",
        ).format(name=spec.name)
    else:
        text += " " + translate(
            "Datasets",
            "Download it (Download... in the Data panel, or `mlpstudio data fetch {name}`), or "
            "import a folder of the official files (Import from folder..., or "
            "`mlpstudio data import {name} FOLDER`).",
        ).format(name=spec.name)
    return text


# -- web addresses --------------------------------------------------------------------------
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


# -- files in the store ---------------------------------------------------------------------
def discard(path: Path | None) -> None:
    if path is not None:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def drop_other_spelling(path: Path) -> None:
    """After ``name.gz`` (or ``name``) was put in place, removes ``name`` (or ``name.gz``): a
    second copy would only duplicate it, or shadow it if it were damaged."""
    for other in idx_file_names(path.name):
        if other != path.name:
            discard(path.parent / other)
