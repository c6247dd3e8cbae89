"""Template: the image sets, read from the official files (IDX for MNIST and Fashion-MNIST,
CIFAR binary records) in DATA_ROOT; only numpy and the standard library."""

import gzip
import os
import struct
import sys

import numpy as np

from .stand_ins import (
    ARCHIVE_FOLDER,
    DATA_KIND,
    DATA_ROOT,
    DATA_SEED,
    IDX_FILES,
    IMAGE_SHAPE,
    LABEL_BYTES,
    LABELS,
    RECORD_FILES,
    SCALING,
    SUBSET,
)

# -- end of the generated part --


GZIP_MAGIC = bytes([0x1F, 0x8B])


def find_file(names):
    """The first of ``names`` in DATA_ROOT (or its sub-folder named after the set)."""
    folders = [DATA_ROOT, os.path.join(DATA_ROOT, DATA_KIND)]
    if ARCHIVE_FOLDER:
        folders.append(os.path.join(DATA_ROOT, ARCHIVE_FOLDER))
        folders.append(os.path.join(DATA_ROOT, DATA_KIND, ARCHIVE_FOLDER))
    for folder in folders:
        for name in names:
            if os.path.isfile(os.path.join(folder, name)):
                return os.path.join(folder, name)
    return None


def read_bytes(path):
    with open(path, "rb") as handle:
        data = handle.read()
    return gzip.decompress(data) if data[:2] == GZIP_MAGIC else data


def read_idx(stem):
    """An IDX array (MNIST format): 0, 0, type, dimensions; a big-endian uint32 per dimension;
    then the uint8 values. The file may be gzip-compressed or not."""
    path = find_file([stem, stem + ".gz"])
    if path is None:
        sys.exit(f"{stem} was not found in {DATA_ROOT!r}: set DATA_ROOT at the top.")
    data = read_bytes(path)
    ndim = data[3]
    shape = struct.unpack(">" + "I" * ndim, data[4 : 4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def read_cifar(names):
    """CIFAR binary records: LABEL_BYTES label byte(s), then the pixels as colour planes."""
    paths = [p for p in (find_file([name]) for name in names) if p is not None]
    if not paths:
        sys.exit(f"None of {names} was found in {DATA_ROOT!r}: set DATA_ROOT at the top.")
    raw = b"".join(read_bytes(p) for p in paths)
    height, width, colours = IMAGE_SHAPE
    records = np.frombuffer(raw, dtype=np.uint8).reshape(-1, LABEL_BYTES + height * width * colours)
    pixels = records[:, LABEL_BYTES:].reshape(-1, colours, height, width)
    return pixels.transpose(0, 2, 3, 1), records[:, :LABEL_BYTES].astype(np.int64)


def load_split(train):
    """Images (uint8) and labels (int64) of the train or the test split."""
    split = "train" if train else "test"
    if IDX_FILES:
        images = read_idx(IDX_FILES[f"{split}-images"])
        return images, read_idx(IDX_FILES[f"{split}-labels"]).astype(np.int64)
    images, labels = read_cifar(RECORD_FILES[split])
    # CIFAR-100 records hold the coarse label, then the fine one
    return images, labels[:, -1 if LABELS == "fine" else 0]


def subset_indices(labels, n, rng):
    """Sorted indices of n samples chosen at random, in proportion to each class's share."""
    total = len(labels)
    if n >= total:
        return np.arange(total)
    classes, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    quota = n * counts / total
    take = np.floor(quota).astype(np.int64)
    short = n - int(take.sum())
    if short:
        take[np.argsort(-(quota - take), kind="stable")[:short]] += 1
    order = np.argsort(inverse, kind="stable")  # indices grouped by class
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    chosen = [
        rng.choice(order[start : start + count], size=k, replace=False)
        for start, count, k in zip(starts, counts, take)
        if k
    ]
    return np.sort(np.concatenate(chosen))


def make_data():
    """Images kept as uint8 (converted per batch with INPUT_SHIFT and INPUT_SCALE), labels."""
    global INPUT_SHIFT, INPUT_SCALE
    x_train, y_train = load_split(True)
    x_test, y_test = load_split(False)
    if SUBSET:
        rng = np.random.default_rng(DATA_SEED)
        train = subset_indices(y_train, SUBSET, rng)
        test = subset_indices(y_test, SUBSET, rng)
        x_train, y_train = x_train[train], y_train[train]
        x_test, y_test = x_test[test], y_test[test]
    if SCALING == "standardize":  # the mean and standard deviation of the training pixels
        counts = np.bincount(x_train.ravel(), minlength=256).astype(np.float64)
        values = np.arange(256, dtype=np.float64)
        mean = float((counts * values).sum() / counts.sum())
        std = float((counts * (values - mean) ** 2).sum() / counts.sum()) ** 0.5
        INPUT_SHIFT, INPUT_SCALE = mean, (1.0 / std if std > 0 else 1.0)
    else:
        INPUT_SHIFT, INPUT_SCALE = 0.0, 1.0 / 255.0
    return x_train, y_train, x_test, y_test
