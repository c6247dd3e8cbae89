"""The data store: where the image sets live on disk, and how they get there.

The store is one folder (:func:`data_dir`) with one sub-folder per set (``mnist``,
``fashion-mnist``, ``cifar10``, ``cifar100``). Its work is split by job, each module below the
next, and this module gathers their public names for the command line and the GUI:

* :mod:`.locations` (paths): the folders, the files of a set, the download addresses;
* :mod:`.verification`: the checks against :mod:`.catalog`, what is there (:func:`status`,
  :func:`verify`) and the ``.verified.json`` that remembers checks already done;
* :mod:`.download`: :func:`fetch`, through :func:`pooch.retrieve` with the store's own
  downloader (size cap, no encodings, silence limit, progress, Cancel), and
  :class:`~.download.SafeUntar` for the CIFAR archives;
* :mod:`.importing`: :func:`import_folder`, the files a teacher copied.
"""

from __future__ import annotations

from .download import TIMEOUT_S, DownloadCancelled, SafeUntar, fetch
from .importing import ImportReport, import_folder
from .locations import (
    ENV_DATA,
    ENV_MIRROR,
    data_dir,
    download_urls,
    locate,
    mirror_url,
    set_folder,
)
from .verification import (
    MANIFEST,
    CheckFailed,
    FileStatus,
    Manifest,
    SetStatus,
    check_idx_file,
    check_record_file,
    file_hashes,
    format_size,
    list_status,
    status,
    verify,
)

__all__ = [
    "ENV_DATA",
    "ENV_MIRROR",
    "MANIFEST",
    "TIMEOUT_S",
    "CheckFailed",
    "DownloadCancelled",
    "FileStatus",
    "ImportReport",
    "Manifest",
    "SafeUntar",
    "SetStatus",
    "check_idx_file",
    "check_record_file",
    "data_dir",
    "download_urls",
    "fetch",
    "file_hashes",
    "format_size",
    "import_folder",
    "list_status",
    "locate",
    "mirror_url",
    "set_folder",
    "status",
    "verify",
]
