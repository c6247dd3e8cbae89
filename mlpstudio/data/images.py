"""The image sets: MNIST, Fashion-MNIST, CIFAR-10 and CIFAR-100 as :class:`Dataset` objects.

Images stay ``uint8`` in memory (60,000 MNIST digits are 47 MB, not 376 MB of float64), with
the pixel scaling stored as a shift and a scale that the trainer applies per batch. Images are
kept in display layout, (n, 28, 28) grey or (n, 32, 32, 3) RGB, so galleries can show them as
they are; the trainer flattens rows itself.

Only the official *binary* CIFAR format is read (fixed-size records, read with numpy), never
the pickled "python version": unpickling a downloaded file can run arbitrary code. Every
reader checks sizes before it allocates and label ranges after it reads, and says in plain
words what is wrong with a file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..memory import MemoryBudgetError, check_memory
from .catalog import (
    CIFAR_SHAPE,
    IMAGE_BYTES_CIFAR,
    MNIST_SHAPE,
    SET_NAMES,
    SETS,
    cifar_set,
    image_set,
)
from .dataset import DataError, Dataset
from .idx import read_idx
from .locations import locate
from .untrusted import check_regular, check_size

SCALINGS = ("unit", "standardize")
LABEL_KINDS = ("fine", "coarse")

_RECORDS_PER_CHUNK = 2048  # ~6 MB read at a time
_PIXELS_PER_CHUNK = 1 << 22


def class_names(kind: str, labels: str = "fine") -> tuple[str, ...]:
    """The English class names of a set, in label order (translate them when shown)."""
    return image_set(kind).class_names(labels)


# -- readers --------------------------------------------------------------------------------
def read_idx_images(path: str | Path, size: tuple[int, ...] = MNIST_SHAPE) -> np.ndarray:
    """MNIST-style images, uint8 of shape (n, 28, 28), from an IDX file (.gz or raw)."""
    path = Path(path)
    images = read_idx(path, expected_dims=3)
    if images.dtype != np.uint8 or images.shape[1:] != size:
        raise DataError(
            f"{path.name}: holds {images.dtype} images of {images.shape[1]}x{images.shape[2]}; "
            f"expected 8-bit images of {size[0]}x{size[1]} pixels."
        )
    return images


def read_idx_labels(path: str | Path, n_classes: int = 10) -> np.ndarray:
    """Class labels (int64) from an IDX label file, each checked to lie in 0..n_classes-1."""
    path = Path(path)
    labels = read_idx(path, expected_dims=1)
    if labels.dtype != np.uint8:
        raise DataError(f"{path.name}: holds {labels.dtype} values; expected 8-bit labels.")
    _check_range(labels, n_classes, path.name, "label", "an MNIST-style label file")
    return labels.astype(np.int64)


def read_cifar10(path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """Images uint8 (n, 32, 32, 3) and labels int64 (n,) from a CIFAR-10 binary file."""
    images, labels = read_cifar_records([path], label_bytes=1)
    return images, np.ascontiguousarray(labels[:, 0])


def read_cifar100(path: str | Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Images uint8 (n, 32, 32, 3), coarse and fine labels int64 from a CIFAR-100 binary file."""
    images, labels = read_cifar_records([path], label_bytes=2)
    return images, np.ascontiguousarray(labels[:, 0]), np.ascontiguousarray(labels[:, 1])


def read_cifar_records(
    paths: Sequence[str | Path], label_bytes: int
) -> tuple[np.ndarray, np.ndarray]:
    """Concatenated records of one or more CIFAR binary files: images (n, 32, 32, 3) uint8 and
    labels (n, label_bytes) int64. Sizes are checked before anything is allocated, labels
    after reading (CIFAR-10: 0..9; CIFAR-100: coarse 0..19, fine 0..99 and consistent)."""
    title = cifar_set(label_bytes).title
    record = label_bytes + IMAGE_BYTES_CIFAR
    files = [Path(p) for p in paths]
    counts = [_record_count(p, record, title) for p in files]
    total = sum(counts)
    _check_records_memory(paths, total, label_bytes, with_images=True)
    images = np.empty((total, *CIFAR_SHAPE), dtype=np.uint8)
    labels = np.empty((total, label_bytes), dtype=np.int64)
    start = 0
    for path, count in zip(files, counts):
        _read_records_into(path, count, record, label_bytes, images, labels, start)
        _check_cifar_labels(labels[start : start + count], path.name, title)
        start += count
    return images, labels


def read_cifar_labels(path: str | Path, label_bytes: int) -> np.ndarray:
    """Only the labels (n, label_bytes) of a CIFAR binary file, checked like
    :func:`read_cifar_records` but reading the pixels a chunk at a time and keeping none:
    checking a 150 MB file costs a few MB of memory."""
    title = cifar_set(label_bytes).title
    record = label_bytes + IMAGE_BYTES_CIFAR
    path = Path(path)
    count = _record_count(path, record, title)
    _check_records_memory([path], count, label_bytes, with_images=False)
    labels = np.empty((count, label_bytes), dtype=np.int64)
    _read_records_into(path, count, record, label_bytes, None, labels, 0)
    _check_cifar_labels(labels, path.name, title)
    return labels


def _check_records_memory(paths, count: int, label_bytes: int, with_images: bool) -> None:
    """Refuse, before allocating, records that do not fit the memory budget."""
    needed = count * label_bytes * 8 + (count * IMAGE_BYTES_CIFAR if with_images else 0)
    try:
        check_memory(
            needed,
            f"{count:,} CIFAR records ({', '.join(Path(p).name for p in paths)})",
            "Use fewer files, or check that they are the official CIFAR binary files.",
        )
    except MemoryBudgetError as exc:
        raise DataError(str(exc)) from None


def _record_count(path: Path, record: int, title: str) -> int:
    size = check_regular(path)  # never opens a pipe or a device
    check_size(path, size, "cifar")
    try:
        with open(path, "rb") as handle:
            head = handle.read(2)
    except OSError as exc:
        raise DataError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from None
    spec = cifar_set(record - IMAGE_BYTES_CIFAR)
    if head[:1] == b"\x80" and head[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        archive = spec.archive.name if spec.archive is not None else "binary"
        raise DataError(
            f"{path.name}: this is the Python (pickle) version of {title}, which MLP Studio does "
            f"not open because unpickling a file can run code. Use the binary version ({archive})."
        )
    if size == 0 or size % record:
        label_bytes = record - IMAGE_BYTES_CIFAR
        labels = "1 label byte" if label_bytes == 1 else f"{label_bytes} label bytes"
        other_spec = cifar_set(2 if label_bytes == 1 else 1)
        other = other_spec.record_files[0].record_bytes
        hint = ""
        if size and size % other == 0:
            hint = f" Its size fits {other:,}-byte records: is it a {other_spec.title} file?"
        raise DataError(
            f"{path.name}: {size:,} bytes is not a whole number of {record:,}-byte {title} "
            f"records ({labels} + {IMAGE_BYTES_CIFAR:,} pixel bytes); the file is truncated or "
            f"not in the {title} binary format.{hint}"
        )
    return size // record


def _read_records_into(path, count, record, label_bytes, images, labels, start) -> None:
    try:
        with open(path, "rb") as handle:
            for first in range(0, count, _RECORDS_PER_CHUNK):
                n = min(_RECORDS_PER_CHUNK, count - first)
                raw = np.fromfile(handle, dtype=np.uint8, count=n * record)
                if raw.size != n * record:
                    raise DataError(f"{path.name}: the file ended early; it is truncated.")
                raw = raw.reshape(n, record)
                rows = slice(start + first, start + first + n)
                labels[rows] = raw[:, :label_bytes]
                if images is not None:
                    # planes R, G, B of 32x32 -> height, width, channel
                    height, width, channels = CIFAR_SHAPE
                    pixels = raw[:, label_bytes:].reshape(n, channels, height, width)
                    images[rows] = pixels.transpose(0, 2, 3, 1)
    except OSError as exc:
        raise DataError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from None


def _check_cifar_labels(labels: np.ndarray, name: str, title: str) -> None:
    spec = cifar_set(labels.shape[1])
    format_ = f"a {spec.title} binary file"
    if not spec.coarse_classes:
        _check_range(labels[:, 0], len(spec.classes), name, "label", format_)
        return
    coarse, fine = labels[:, 0], labels[:, 1]
    _check_range(coarse, len(spec.coarse_classes), name, "coarse label", format_)
    _check_range(fine, len(spec.classes), name, "fine label", format_)
    wrong = np.flatnonzero(coarse != np.asarray(spec.coarse_of)[fine])
    if wrong.size:
        i = int(wrong[0])
        raise DataError(
            f"{name}: record {i} has fine label {int(fine[i])} with coarse label "
            f"{int(coarse[i])}, but that class belongs to superclass "
            f"{spec.coarse_of[int(fine[i])]}; the records are misaligned or the file is "
            f"not {spec.title}."
        )


def _check_range(values: np.ndarray, limit: int, name: str, what: str, format_: str) -> None:
    bad = np.flatnonzero(values >= limit) if values.size else values
    if bad.size:
        i = int(bad[0])
        raise DataError(
            f"{name}: record {i} has {what} {int(values[i])}, but {what}s run from 0 to "
            f"{limit - 1}; this is not {format_}, or it is damaged."
        )


# -- the dataset ----------------------------------------------------------------------------
def image_dataset(
    kind: str,
    root: str | os.PathLike | None = None,
    labels: str = "fine",
    subset: int = 0,
    scaling: str = "unit",
    seed: int = 0,
) -> Dataset:
    """One of the image sets as a classification :class:`Dataset`.

    ``root``: a folder holding the files (or a sub-folder named after the set); None uses the
    data store (``mlpstudio data fetch``). A root folder may hold only some of CIFAR-10's
    training batches. ``labels``: CIFAR-100's 100 fine classes or 20 superclasses. ``subset``:
    keep that many images of each split (a seeded, class-stratified random choice), 0 for all.
    ``scaling``: "unit" maps pixels to [0, 1]; "standardize" subtracts the training pixels'
    mean and divides by their standard deviation.
    """
    if kind not in SETS:
        raise DataError(f"Unknown image set {kind!r}; the sets are {', '.join(SET_NAMES)}.")
    if labels not in LABEL_KINDS:
        raise DataError(f"labels must be 'fine' or 'coarse', not {labels!r}.")
    if scaling not in SCALINGS:
        raise DataError(f"scaling must be 'unit' or 'standardize', not {scaling!r}.")
    if isinstance(subset, bool) or not isinstance(subset, int | np.integer) or subset < 0:
        raise DataError(f"subset must be a whole number >= 0 (0: all images), not {subset!r}.")
    files = locate(kind, root=root, partial=root is not None)
    spec = image_set(kind)
    title = spec.title
    coarse_of: np.ndarray | None = None
    coarse_names: tuple[str, ...] = ()
    names = spec.class_names(labels)
    shape = "x".join(map(str, spec.shape[:2])) + (" colour" if spec.colour else " grey")
    if spec.is_idx:
        role = {f.role: f.name for f in spec.idx_files}
        x_train = read_idx_images(files[role["train-images"]], spec.shape)
        y_train = read_idx_labels(files[role["train-labels"]], len(spec.classes))
        x_test = read_idx_images(files[role["test-images"]], spec.shape)
        y_test = read_idx_labels(files[role["test-labels"]], len(spec.classes))
        _check_pairs(x_train, y_train, role["train-images"], role["train-labels"])
        _check_pairs(x_test, y_test, role["test-images"], role["test-labels"])
    else:
        label_bytes = spec.record_files[0].label_bytes
        train_names = [f.name for f in spec.record_files if f.role == "train"]
        batches = [files[name] for name in train_names if name in files]
        (test_file,) = [files[f.name] for f in spec.record_files if f.role == "test"]
        x_train, y = read_cifar_records(batches, label_bytes)
        x_test, y_t = read_cifar_records([test_file], label_bytes)
        if len(batches) < len(train_names):
            title += f" ({len(batches)} of {len(train_names)} training batches)"
        if spec.coarse_classes and labels == "coarse":
            y_train, y_test = y[:, 0], y_t[:, 0]
            title += " superclasses"
        else:
            y_train, y_test = y[:, -1], y_t[:, -1]  # CIFAR-100: the fine label is the second
            if spec.coarse_classes:
                coarse_of = np.array(spec.coarse_of, dtype=np.int64)
                coarse_names = spec.coarse_classes
        y_train, y_test = np.ascontiguousarray(y_train), np.ascontiguousarray(y_test)
    counts = f"{len(x_train):,} train / {len(x_test):,} test"
    if subset and (subset < len(y_train) or subset < len(y_test)):
        rng = np.random.default_rng(seed)
        train = subset_indices(y_train, subset, rng)
        test = subset_indices(y_test, subset, rng)
        x_train, y_train = x_train[train], y_train[train]
        x_test, y_test = x_test[test], y_test[test]
        counts = f"random subset of {len(x_train):,} train / {len(x_test):,} test (seed {seed})"
    if scaling == "standardize":
        mean, std = pixel_mean_std(x_train)
        shift, scale = mean, (1.0 / std if std > 0 else 1.0)
        how = f"standardized (mean {mean:.2f}, std {std:.2f} of the training pixels)"
    else:
        shift, scale = 0.0, 1.0 / 255.0
        how = "scaled to [0, 1]"
    return Dataset(
        name=title,
        task="classification",
        x_train=x_train,
        y_train=y_train,
        x_test=x_test,
        y_test=y_test,
        input_shape=tuple(x_train.shape[1:]),
        class_names=names,
        input_shift=float(shift),
        input_scale=float(scale),
        description=f"{title}: {counts} images, {shape}, {len(names)} classes, pixels {how}",
        coarse_of=coarse_of,
        coarse_names=coarse_names,
    )


def _check_pairs(images: np.ndarray, labels: np.ndarray, image_file: str, label_file: str):
    if len(images) != len(labels):
        raise DataError(
            f"{image_file} holds {len(images):,} images but {label_file} holds "
            f"{len(labels):,} labels; the two files do not belong together."
        )


def subset_indices(labels: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """Sorted indices of ``n`` samples chosen at random, in proportion to each class's share
    (largest remainders), so a small subset still holds every class; all if n >= len."""
    labels = np.asarray(labels)
    total = len(labels)
    if n >= total:
        return np.arange(total)
    _, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    quota = n * counts / total
    take = np.floor(quota).astype(np.int64)
    short = n - int(take.sum())
    if short:
        order = np.argsort(-(quota - take), kind="stable")
        take[order[:short]] += 1
    order = np.argsort(inverse, kind="stable")  # indices grouped by class, ascending inside
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    chosen = [
        rng.choice(order[start : start + count], size=k, replace=False)
        for start, count, k in zip(starts, counts, take)
        if k
    ]
    return np.sort(np.concatenate(chosen))


def pixel_mean_std(images: np.ndarray) -> tuple[float, float]:
    """Mean and (population) standard deviation of all pixel values, in float64.

    Counts how often each of the 256 values occurs, a chunk of images at a time, then takes
    the moments of that histogram: exact, numerically stable, and never a float copy of the
    whole set (CIFAR-10's training images would be 1.2 GB as float64)."""
    if images.dtype != np.uint8:
        raise TypeError("pixel_mean_std expects uint8 images")
    flat = images.reshape(len(images), -1)
    if flat.size == 0:
        return 0.0, 0.0
    rows = max(1, _PIXELS_PER_CHUNK // max(1, flat.shape[1]))
    histogram = np.zeros(256, dtype=np.int64)
    for start in range(0, len(flat), rows):
        histogram += np.bincount(flat[start : start + rows].ravel(), minlength=256)
    values = np.arange(256, dtype=np.float64)
    count = float(histogram.sum())
    mean = float((histogram * values).sum() / count)
    var = float((histogram * (values - mean) ** 2).sum() / count)
    return mean, var**0.5
