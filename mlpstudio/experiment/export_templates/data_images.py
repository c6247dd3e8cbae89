"""Template: the image sets, read from the official files (IDX for MNIST and Fashion-MNIST,
CIFAR binary records) in DATA_ROOT; only numpy and the standard library."""

import gzip
import os
import struct
import sys

import numpy as np

from .stand_ins import DATA_KIND, DATA_ROOT, DATA_SEED, LABELS, SCALING, SUBSET

# -- end of the generated part --


FOLDERS = {"cifar10": "cifar-10-batches-bin", "cifar100": "cifar-100-binary"}
GZIP_MAGIC = bytes([0x1F, 0x8B])


def find_file(names):
    """The first of ``names`` in DATA_ROOT (or its sub-folder named after the set)."""
    folders = [DATA_ROOT, os.path.join(DATA_ROOT, DATA_KIND)]
    if DATA_KIND in FOLDERS:
        folders.append(os.path.join(DATA_ROOT, FOLDERS[DATA_KIND]))
        folders.append(os.path.join(DATA_ROOT, DATA_KIND, FOLDERS[DATA_KIND]))
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


def read_cifar(names, label_bytes):
    """CIFAR binary records: label byte(s), then 3,072 pixel bytes (R, G, B planes, 32 x 32)."""
    paths = [p for p in (find_file([name]) for name in names) if p is not None]
    if not paths:
        sys.exit(f"None of {names} was found in {DATA_ROOT!r}: set DATA_ROOT at the top.")
    raw = b"".join(read_bytes(p) for p in paths)
    records = np.frombuffer(raw, dtype=np.uint8).reshape(-1, label_bytes + 3072)
    images = records[:, label_bytes:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    return images, records[:, :label_bytes].astype(np.int64)


def load_split(train):
    """Images (uint8) and labels (int64) of the train or the test split."""
    if DATA_KIND in ("mnist", "fashion-mnist"):
        prefix = "train" if train else "t10k"
        images = read_idx(f"{prefix}-images-idx3-ubyte")
        return images, read_idx(f"{prefix}-labels-idx1-ubyte").astype(np.int64)
    if DATA_KIND == "cifar10":
        names = [f"data_batch_{i}.bin" for i in range(1, 6)] if train else ["test_batch.bin"]
        images, labels = read_cifar(names, 1)
        return images, labels[:, 0]
    images, labels = read_cifar(["train.bin" if train else "test.bin"], 2)
    return images, labels[:, 1 if LABELS == "fine" else 0]


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
