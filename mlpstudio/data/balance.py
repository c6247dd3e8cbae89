"""How many images of each class a set really holds, counted from its label files.

The dataset cards draw these counts; nothing here is taken from the catalogue's word. Only the
labels are read (IDX label files, or the label bytes of CIFAR records a chunk at a time), with
the readers' own checks, so a card costs a few MB of memory even for CIFAR.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from .catalog import IdxFile, image_set
from .dataset import DataError
from .images import read_cifar_labels, read_idx_labels
from .locations import find_file, locate, set_folder


@dataclass(frozen=True)
class SplitCounts:
    split: str  # "train" | "test"
    counts: np.ndarray  # images per class, in label order
    files: tuple[str, ...]  # the files counted

    @property
    def total(self) -> int:
        return int(self.counts.sum())


@dataclass(frozen=True)
class Balance:
    name: str
    labels: str  # "fine", or "coarse" (CIFAR-100's 20 superclasses)
    splits: tuple[SplitCounts, ...]
    missing: tuple[str, ...]  # optional files that were not there (a lighter CIFAR-10 copy)


def class_balance(
    name: str,
    labels: str = "fine",
    root: str | os.PathLike | None = None,
    directory: str | os.PathLike | None = None,
) -> Balance:
    """Images per class and split of set ``name`` from its label files (``root``: a folder
    of the user's, which must hold the whole set; else the data store, ``directory`` or the
    default one, where the files present are counted and the others listed in ``missing``).
    Raises :class:`~.dataset.DataError` when nothing is there or a file is damaged."""
    spec = image_set(name)
    n_classes = len(spec.class_names(labels))
    if root:
        files = locate(name, root, partial=True)
    else:  # the store: whatever label files are there (a card may show part of a set)
        folder = set_folder(name, directory)
        found = {f.name: find_file(folder, f) for f in spec.files} if folder.is_dir() else {}
        files = {key: path for key, path in found.items() if path is not None}
        if not files:
            raise DataError(f"{spec.title} is not on this computer yet (looked in {folder}).")
    missing = tuple(f.name for f in spec.files if f.name not in files)
    splits = []
    for split in ("train", "test"):
        counts = np.zeros(n_classes, dtype=np.int64)
        used = []
        for file in spec.files:
            path = files.get(file.name)
            if path is None:
                continue
            if isinstance(file, IdxFile):
                if file.role != f"{split}-labels":
                    continue
                values = read_idx_labels(path, n_classes)
            else:
                if file.role != split:
                    continue
                record_labels = read_cifar_labels(path, file.label_bytes)
                # CIFAR-100 records hold (coarse, fine); CIFAR-10 records hold the label
                column = 0 if labels == "coarse" or file.label_bytes == 1 else 1
                values = record_labels[:, column]
            counts += np.bincount(values, minlength=n_classes)[:n_classes]
            used.append(path.name)
        splits.append(SplitCounts(split, counts, tuple(used)))
    return Balance(name, labels if spec.coarse_classes else "fine", tuple(splits), missing)
