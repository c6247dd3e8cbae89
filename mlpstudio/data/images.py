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

from ..i18n import QT_TRANSLATE_NOOP
from ..memory import MemoryBudgetError, check_memory
from .catalog import IMAGE_BYTES_CIFAR, image_set
from .dataset import DataError, Dataset
from .idx import read_idx
from .locations import locate
from .untrusted import check_regular, check_size

IMAGE_KINDS = ("mnist", "fashion-mnist", "cifar10", "cifar100")
SCALINGS = ("unit", "standardize")
LABEL_KINDS = ("fine", "coarse")

MNIST_CLASSES = tuple(str(d) for d in range(10))

FASHION_MNIST_CLASSES = (
    QT_TRANSLATE_NOOP("Classes", "T-shirt/top"),
    QT_TRANSLATE_NOOP("Classes", "Trouser"),
    QT_TRANSLATE_NOOP("Classes", "Pullover"),
    QT_TRANSLATE_NOOP("Classes", "Dress"),
    QT_TRANSLATE_NOOP("Classes", "Coat"),
    QT_TRANSLATE_NOOP("Classes", "Sandal"),
    QT_TRANSLATE_NOOP("Classes", "Shirt"),
    QT_TRANSLATE_NOOP("Classes", "Sneaker"),
    QT_TRANSLATE_NOOP("Classes", "Bag"),
    QT_TRANSLATE_NOOP("Classes", "Ankle boot"),
)

CIFAR10_CLASSES = (
    QT_TRANSLATE_NOOP("Classes", "airplane"),
    QT_TRANSLATE_NOOP("Classes", "automobile"),
    QT_TRANSLATE_NOOP("Classes", "bird"),
    QT_TRANSLATE_NOOP("Classes", "cat"),
    QT_TRANSLATE_NOOP("Classes", "deer"),
    QT_TRANSLATE_NOOP("Classes", "dog"),
    QT_TRANSLATE_NOOP("Classes", "frog"),
    QT_TRANSLATE_NOOP("Classes", "horse"),
    QT_TRANSLATE_NOOP("Classes", "ship"),
    QT_TRANSLATE_NOOP("Classes", "truck"),
)

# CIFAR-100 names in the official order (fine_label_names.txt, coarse_label_names.txt), with
# the underscores of the official identifiers written as spaces for display.
CIFAR100_FINE_CLASSES = (
    QT_TRANSLATE_NOOP("Classes", "apple"),
    QT_TRANSLATE_NOOP("Classes", "aquarium fish"),
    QT_TRANSLATE_NOOP("Classes", "baby"),
    QT_TRANSLATE_NOOP("Classes", "bear"),
    QT_TRANSLATE_NOOP("Classes", "beaver"),
    QT_TRANSLATE_NOOP("Classes", "bed"),
    QT_TRANSLATE_NOOP("Classes", "bee"),
    QT_TRANSLATE_NOOP("Classes", "beetle"),
    QT_TRANSLATE_NOOP("Classes", "bicycle"),
    QT_TRANSLATE_NOOP("Classes", "bottle"),
    QT_TRANSLATE_NOOP("Classes", "bowl"),
    QT_TRANSLATE_NOOP("Classes", "boy"),
    QT_TRANSLATE_NOOP("Classes", "bridge"),
    QT_TRANSLATE_NOOP("Classes", "bus"),
    QT_TRANSLATE_NOOP("Classes", "butterfly"),
    QT_TRANSLATE_NOOP("Classes", "camel"),
    QT_TRANSLATE_NOOP("Classes", "can"),
    QT_TRANSLATE_NOOP("Classes", "castle"),
    QT_TRANSLATE_NOOP("Classes", "caterpillar"),
    QT_TRANSLATE_NOOP("Classes", "cattle"),
    QT_TRANSLATE_NOOP("Classes", "chair"),
    QT_TRANSLATE_NOOP("Classes", "chimpanzee"),
    QT_TRANSLATE_NOOP("Classes", "clock"),
    QT_TRANSLATE_NOOP("Classes", "cloud"),
    QT_TRANSLATE_NOOP("Classes", "cockroach"),
    QT_TRANSLATE_NOOP("Classes", "couch"),
    QT_TRANSLATE_NOOP("Classes", "crab"),
    QT_TRANSLATE_NOOP("Classes", "crocodile"),
    QT_TRANSLATE_NOOP("Classes", "cup"),
    QT_TRANSLATE_NOOP("Classes", "dinosaur"),
    QT_TRANSLATE_NOOP("Classes", "dolphin"),
    QT_TRANSLATE_NOOP("Classes", "elephant"),
    QT_TRANSLATE_NOOP("Classes", "flatfish"),
    QT_TRANSLATE_NOOP("Classes", "forest"),
    QT_TRANSLATE_NOOP("Classes", "fox"),
    QT_TRANSLATE_NOOP("Classes", "girl"),
    QT_TRANSLATE_NOOP("Classes", "hamster"),
    QT_TRANSLATE_NOOP("Classes", "house"),
    QT_TRANSLATE_NOOP("Classes", "kangaroo"),
    QT_TRANSLATE_NOOP("Classes", "keyboard"),
    QT_TRANSLATE_NOOP("Classes", "lamp"),
    QT_TRANSLATE_NOOP("Classes", "lawn mower"),
    QT_TRANSLATE_NOOP("Classes", "leopard"),
    QT_TRANSLATE_NOOP("Classes", "lion"),
    QT_TRANSLATE_NOOP("Classes", "lizard"),
    QT_TRANSLATE_NOOP("Classes", "lobster"),
    QT_TRANSLATE_NOOP("Classes", "man"),
    QT_TRANSLATE_NOOP("Classes", "maple tree"),
    QT_TRANSLATE_NOOP("Classes", "motorcycle"),
    QT_TRANSLATE_NOOP("Classes", "mountain"),
    QT_TRANSLATE_NOOP("Classes", "mouse"),
    QT_TRANSLATE_NOOP("Classes", "mushroom"),
    QT_TRANSLATE_NOOP("Classes", "oak tree"),
    QT_TRANSLATE_NOOP("Classes", "orange"),
    QT_TRANSLATE_NOOP("Classes", "orchid"),
    QT_TRANSLATE_NOOP("Classes", "otter"),
    QT_TRANSLATE_NOOP("Classes", "palm tree"),
    QT_TRANSLATE_NOOP("Classes", "pear"),
    QT_TRANSLATE_NOOP("Classes", "pickup truck"),
    QT_TRANSLATE_NOOP("Classes", "pine tree"),
    QT_TRANSLATE_NOOP("Classes", "plain"),
    QT_TRANSLATE_NOOP("Classes", "plate"),
    QT_TRANSLATE_NOOP("Classes", "poppy"),
    QT_TRANSLATE_NOOP("Classes", "porcupine"),
    QT_TRANSLATE_NOOP("Classes", "possum"),
    QT_TRANSLATE_NOOP("Classes", "rabbit"),
    QT_TRANSLATE_NOOP("Classes", "raccoon"),
    QT_TRANSLATE_NOOP("Classes", "ray"),
    QT_TRANSLATE_NOOP("Classes", "road"),
    QT_TRANSLATE_NOOP("Classes", "rocket"),
    QT_TRANSLATE_NOOP("Classes", "rose"),
    QT_TRANSLATE_NOOP("Classes", "sea"),
    QT_TRANSLATE_NOOP("Classes", "seal"),
    QT_TRANSLATE_NOOP("Classes", "shark"),
    QT_TRANSLATE_NOOP("Classes", "shrew"),
    QT_TRANSLATE_NOOP("Classes", "skunk"),
    QT_TRANSLATE_NOOP("Classes", "skyscraper"),
    QT_TRANSLATE_NOOP("Classes", "snail"),
    QT_TRANSLATE_NOOP("Classes", "snake"),
    QT_TRANSLATE_NOOP("Classes", "spider"),
    QT_TRANSLATE_NOOP("Classes", "squirrel"),
    QT_TRANSLATE_NOOP("Classes", "streetcar"),
    QT_TRANSLATE_NOOP("Classes", "sunflower"),
    QT_TRANSLATE_NOOP("Classes", "sweet pepper"),
    QT_TRANSLATE_NOOP("Classes", "table"),
    QT_TRANSLATE_NOOP("Classes", "tank"),
    QT_TRANSLATE_NOOP("Classes", "telephone"),
    QT_TRANSLATE_NOOP("Classes", "television"),
    QT_TRANSLATE_NOOP("Classes", "tiger"),
    QT_TRANSLATE_NOOP("Classes", "tractor"),
    QT_TRANSLATE_NOOP("Classes", "train"),
    QT_TRANSLATE_NOOP("Classes", "trout"),
    QT_TRANSLATE_NOOP("Classes", "tulip"),
    QT_TRANSLATE_NOOP("Classes", "turtle"),
    QT_TRANSLATE_NOOP("Classes", "wardrobe"),
    QT_TRANSLATE_NOOP("Classes", "whale"),
    QT_TRANSLATE_NOOP("Classes", "willow tree"),
    QT_TRANSLATE_NOOP("Classes", "wolf"),
    QT_TRANSLATE_NOOP("Classes", "woman"),
    QT_TRANSLATE_NOOP("Classes", "worm"),
)

CIFAR100_COARSE_CLASSES = (
    QT_TRANSLATE_NOOP("Classes", "aquatic mammals"),
    QT_TRANSLATE_NOOP("Classes", "fish"),
    QT_TRANSLATE_NOOP("Classes", "flowers"),
    QT_TRANSLATE_NOOP("Classes", "food containers"),
    QT_TRANSLATE_NOOP("Classes", "fruit and vegetables"),
    QT_TRANSLATE_NOOP("Classes", "household electrical devices"),
    QT_TRANSLATE_NOOP("Classes", "household furniture"),
    QT_TRANSLATE_NOOP("Classes", "insects"),
    QT_TRANSLATE_NOOP("Classes", "large carnivores"),
    QT_TRANSLATE_NOOP("Classes", "large man-made outdoor things"),
    QT_TRANSLATE_NOOP("Classes", "large natural outdoor scenes"),
    QT_TRANSLATE_NOOP("Classes", "large omnivores and herbivores"),
    QT_TRANSLATE_NOOP("Classes", "medium mammals"),
    QT_TRANSLATE_NOOP("Classes", "non-insect invertebrates"),
    QT_TRANSLATE_NOOP("Classes", "people"),
    QT_TRANSLATE_NOOP("Classes", "reptiles"),
    QT_TRANSLATE_NOOP("Classes", "small mammals"),
    QT_TRANSLATE_NOOP("Classes", "trees"),
    QT_TRANSLATE_NOOP("Classes", "vehicles 1"),
    QT_TRANSLATE_NOOP("Classes", "vehicles 2"),
)

#: The superclass of every CIFAR-100 fine class (index: fine label; value: coarse label).
CIFAR100_COARSE_OF = (
    4, 1, 14, 8, 0, 6, 7, 7, 18, 3, 3, 14, 9, 18, 7, 11, 3, 9, 7, 11,
    6, 11, 5, 10, 7, 6, 13, 15, 3, 15, 0, 11, 1, 10, 12, 14, 16, 9, 11, 5,
    5, 19, 8, 8, 15, 13, 14, 17, 18, 10, 16, 4, 17, 4, 2, 0, 17, 4, 18, 17,
    10, 3, 2, 12, 12, 16, 12, 1, 9, 19, 2, 10, 0, 1, 16, 12, 9, 13, 15, 13,
    16, 19, 2, 4, 6, 19, 5, 5, 8, 19, 18, 1, 2, 15, 6, 0, 17, 8, 14, 13,
)  # fmt: skip

_TITLES = {
    "mnist": "MNIST",
    "fashion-mnist": "Fashion-MNIST",
    "cifar10": "CIFAR-10",
    "cifar100": "CIFAR-100",
}
_RECORDS_PER_CHUNK = 2048  # ~6 MB read at a time
_PIXELS_PER_CHUNK = 1 << 22


def class_names(kind: str, labels: str = "fine") -> tuple[str, ...]:
    """The English class names of a set, in label order (translate them when shown)."""
    if kind == "mnist":
        return MNIST_CLASSES
    if kind == "fashion-mnist":
        return FASHION_MNIST_CLASSES
    if kind == "cifar10":
        return CIFAR10_CLASSES
    if kind == "cifar100":
        return CIFAR100_COARSE_CLASSES if labels == "coarse" else CIFAR100_FINE_CLASSES
    raise DataError(f"Unknown image set {kind!r}; the sets are {', '.join(IMAGE_KINDS)}.")


# -- readers --------------------------------------------------------------------------------
def read_idx_images(path: str | Path, size: tuple[int, int] = (28, 28)) -> np.ndarray:
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
    title = "CIFAR-10" if label_bytes == 1 else "CIFAR-100"
    record = label_bytes + IMAGE_BYTES_CIFAR
    files = [Path(p) for p in paths]
    counts = [_record_count(p, record, title) for p in files]
    total = sum(counts)
    _check_records_memory(paths, total, label_bytes, with_images=True)
    images = np.empty((total, 32, 32, 3), dtype=np.uint8)
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
    title = "CIFAR-10" if label_bytes == 1 else "CIFAR-100"
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
    if head[:1] == b"\x80" and head[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        raise DataError(
            f"{path.name}: this is the Python (pickle) version of {title}, which MLP Studio does "
            "not open because unpickling a file can run code. Use the binary version "
            f"({'cifar-10-binary.tar.gz' if title == 'CIFAR-10' else 'cifar-100-binary.tar.gz'})."
        )
    if size == 0 or size % record:
        labels = "1 label byte" if record == 3073 else "2 label bytes"
        other, other_title = (3074, "CIFAR-100") if record == 3073 else (3073, "CIFAR-10")
        hint = ""
        if size and size % other == 0:
            hint = f" Its size fits {other:,}-byte records: is it a {other_title} file?"
        raise DataError(
            f"{path.name}: {size:,} bytes is not a whole number of {record:,}-byte {title} "
            f"records ({labels} + 3,072 pixel bytes); the file is truncated or not in the "
            f"{title} binary format.{hint}"
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
                    pixels = raw[:, label_bytes:].reshape(n, 3, 32, 32)
                    images[rows] = pixels.transpose(0, 2, 3, 1)
    except OSError as exc:
        raise DataError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from None


def _check_cifar_labels(labels: np.ndarray, name: str, title: str) -> None:
    if title == "CIFAR-10":
        _check_range(labels[:, 0], 10, name, "label", "a CIFAR-10 binary file")
        return
    coarse, fine = labels[:, 0], labels[:, 1]
    _check_range(coarse, 20, name, "coarse label", "a CIFAR-100 binary file")
    _check_range(fine, 100, name, "fine label", "a CIFAR-100 binary file")
    wrong = np.flatnonzero(coarse != np.asarray(CIFAR100_COARSE_OF)[fine])
    if wrong.size:
        i = int(wrong[0])
        raise DataError(
            f"{name}: record {i} has fine label {int(fine[i])} with coarse label "
            f"{int(coarse[i])}, but that class belongs to superclass "
            f"{CIFAR100_COARSE_OF[int(fine[i])]}; the records are misaligned or the file is "
            "not CIFAR-100."
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
    if kind not in IMAGE_KINDS:
        raise DataError(f"Unknown image set {kind!r}; the sets are {', '.join(IMAGE_KINDS)}.")
    if labels not in LABEL_KINDS:
        raise DataError(f"labels must be 'fine' or 'coarse', not {labels!r}.")
    if scaling not in SCALINGS:
        raise DataError(f"scaling must be 'unit' or 'standardize', not {scaling!r}.")
    if isinstance(subset, bool) or not isinstance(subset, int | np.integer) or subset < 0:
        raise DataError(f"subset must be a whole number >= 0 (0: all images), not {subset!r}.")
    files = locate(kind, root=root, partial=root is not None)
    title = _TITLES[kind]
    coarse_of: np.ndarray | None = None
    coarse_names: tuple[str, ...] = ()
    names = class_names(kind, labels)
    if kind in ("mnist", "fashion-mnist"):
        x_train = read_idx_images(files["train-images-idx3-ubyte"])
        y_train = read_idx_labels(files["train-labels-idx1-ubyte"])
        x_test = read_idx_images(files["t10k-images-idx3-ubyte"])
        y_test = read_idx_labels(files["t10k-labels-idx1-ubyte"])
        _check_pairs(x_train, y_train, "train-images-idx3-ubyte", "train-labels-idx1-ubyte")
        _check_pairs(x_test, y_test, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
        shape = "28x28 grey"
    elif kind == "cifar10":
        spec = image_set(kind)
        batches = [files[f.name] for f in spec.files if f.role == "train" and f.name in files]
        x_train, y = read_cifar_records(batches, label_bytes=1)
        y_train = np.ascontiguousarray(y[:, 0])
        x_test, y_test = read_cifar10(files["test_batch.bin"])
        shape = "32x32 colour"
        if len(batches) < 5:
            title += f" ({len(batches)} of 5 training batches)"
    else:
        x_train, coarse_train, fine_train = read_cifar100(files["train.bin"])
        x_test, coarse_test, fine_test = read_cifar100(files["test.bin"])
        if labels == "coarse":
            y_train, y_test = coarse_train, coarse_test
            title += " superclasses"
        else:
            y_train, y_test = fine_train, fine_test
            coarse_of = np.array(CIFAR100_COARSE_OF, dtype=np.int64)
            coarse_names = CIFAR100_COARSE_CLASSES
        shape = "32x32 colour"
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
