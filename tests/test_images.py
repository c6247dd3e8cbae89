"""The image readers and image_dataset: genuine files, and hostile files made here."""

import gzip
import shutil
import struct
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from conftest import SHARED_DATASETS as SHARED  # noqa: E402 (tests/ is on sys.path)

from mlpstudio.data import images
from mlpstudio.data.catalog import (
    CIFAR10_CLASSES,
    CIFAR100_COARSE_CLASSES,
    CIFAR100_COARSE_OF,
    CIFAR100_FINE_CLASSES,
    FASHION_MNIST_CLASSES,
)
from mlpstudio.data.dataset import DataError
from mlpstudio.data.idx import find_idx, parse_idx, read_idx
from mlpstudio.data.images import (
    image_dataset,
    pixel_mean_std,
    read_cifar10,
    read_cifar100,
    read_idx_images,
    read_idx_labels,
    subset_indices,
)

MNIST_TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
MNIST_TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
CIFAR10_TRAIN_COUNTS = [396, 366, 420, 384, 422, 393, 414, 385, 407, 413]  # first 4,000
CIFAR10_TEST_COUNTS = [103, 89, 100, 103, 90, 86, 112, 102, 106, 109]  # first 1,000
CIFAR100_FINE = [49, 33, 72, 51, 71, 92, 15, 14, 23, 0, 71, 75, 81, 69, 40, 43, 92, 97, 70, 53]


@pytest.fixture(scope="module")
def mnist():
    """Full MNIST read once for the module, from the genuine files (skips when absent)."""
    if SHARED is None:
        pytest.skip("../shared/datasets is not present on this machine")
    return image_dataset("mnist", root=SHARED / "mnist")


@pytest.fixture
def cifar10_root(shared_datasets, tmp_path):
    """A folder with the genuine CIFAR-10 prefix files under their official names."""
    root = tmp_path / "cifar"
    root.mkdir()
    subset = shared_datasets / "cifar10-subset"
    (root / "data_batch_1.bin").symlink_to(subset / "data_batch_1_first4000.bin")
    (root / "test_batch.bin").symlink_to(subset / "test_batch_first1000.bin")
    return root


# -- genuine files --------------------------------------------------------------------------
def test_mnist_counts_labels_and_pixels(mnist):
    assert mnist.task == "classification" and mnist.name == "MNIST"
    assert mnist.x_train.shape == (60000, 28, 28) and mnist.x_train.dtype == np.uint8
    assert mnist.x_test.shape == (10000, 28, 28) and mnist.x_test.dtype == np.uint8
    assert mnist.y_train.dtype == np.int64 and mnist.y_test.dtype == np.int64
    assert np.bincount(mnist.y_train).tolist() == MNIST_TRAIN_COUNTS
    assert np.bincount(mnist.y_test).tolist() == MNIST_TEST_COUNTS
    assert mnist.y_train[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert mnist.y_test[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert mnist.input_shape == (28, 28) and mnist.n_inputs == 784 and mnist.n_classes == 10
    assert mnist.class_names == tuple("0123456789")
    assert mnist.input_shift == 0.0 and mnist.input_scale == pytest.approx(1 / 255)
    # the well-known normalisation constants of MNIST (torchvision's 0.1307 and 0.3081)
    mean, std = pixel_mean_std(mnist.x_train)
    assert mean / 255 == pytest.approx(0.1307, abs=5e-5)
    assert std / 255 == pytest.approx(0.3081, abs=5e-5)


def test_idx_headers_and_both_spellings(shared_datasets, tmp_path):
    raw = (shared_datasets / "mnist" / "train-images-idx3-ubyte").read_bytes()
    assert raw[:16].hex() == "000008030000ea600000001c0000001c"
    # a decompressed copy and the official .gz give the same array
    gz = shared_datasets / "mnist" / "t10k-images-idx3-ubyte.gz"
    plain = tmp_path / "t10k-images-idx3-ubyte"
    plain.write_bytes(gzip.decompress(gz.read_bytes()))
    assert plain.read_bytes()[:16].hex() == "00000803000027100000001c0000001c"
    np.testing.assert_array_equal(read_idx(gz, 3), read_idx(plain, 3))
    assert find_idx(tmp_path, "t10k-images-idx3-ubyte") == plain
    assert find_idx(shared_datasets / "mnist", "t10k-images-idx3-ubyte") == gz
    assert find_idx(tmp_path, "train-images-idx3-ubyte") is None


def test_fashion_mnist(shared_datasets):
    folder = shared_datasets / "fashion-mnist"
    x = read_idx_images(folder / "t10k-images-idx3-ubyte.gz")
    y = read_idx_labels(folder / "t10k-labels-idx1-ubyte.gz")
    y_train = read_idx_labels(folder / "train-labels-idx1-ubyte.gz")
    assert x.shape == (10000, 28, 28) and x.dtype == np.uint8 and y.dtype == np.int64
    assert np.bincount(y).tolist() == [1000] * 10
    assert np.bincount(y_train).tolist() == [6000] * 10
    assert y_train[:4].tolist() == [9, 0, 0, 3] and y[:4].tolist() == [9, 2, 1, 1]
    assert FASHION_MNIST_CLASSES[9] == "Ankle boot" and FASHION_MNIST_CLASSES[0] == "T-shirt/top"


def test_cifar10_records(shared_datasets):
    folder = shared_datasets / "cifar10-subset"
    x, y = read_cifar10(folder / "data_batch_1_first4000.bin")
    assert x.shape == (4000, 32, 32, 3) and x.dtype == np.uint8 and y.dtype == np.int64
    assert np.bincount(y, minlength=10).tolist() == CIFAR10_TRAIN_COUNTS
    assert y[:10].tolist() == [6, 9, 9, 4, 1, 1, 2, 7, 8, 3]
    # record layout: R plane first, row-major; the last bytes are the end of the B plane
    assert x[0, 0, :3, 0].tolist() == [59, 43, 50] and x[0, 31, 29:, 2].tolist() == [140, 84, 72]
    assert x[1, 0, :3, 0].tolist() == [154, 126, 105] and x[1, 31, 29:, 2].tolist() == [
        139,
        142,
        144,
    ]
    assert x[2, 0, :3, 0].tolist() == [255, 253, 253] and x[2, 31, 29:, 2].tolist() == [83, 83, 84]
    x, y = read_cifar10(folder / "test_batch_first1000.bin")
    assert np.bincount(y, minlength=10).tolist() == CIFAR10_TEST_COUNTS
    assert y[:10].tolist() == [3, 8, 8, 0, 6, 6, 1, 6, 3, 1]
    assert x[0, 0, :3, 0].tolist() == [158, 159, 165] and x[0, 31, 29:, 2].tolist() == [
        124,
        129,
        110,
    ]
    assert CIFAR10_CLASSES[y[0]] == "cat" and CIFAR10_CLASSES[y[1]] == "ship"


def test_cifar100_samples_and_tables(shared_datasets):
    x, coarse, fine = read_cifar100(shared_datasets / "cifar100-samples" / "test_first20.bin")
    assert x.shape == (20, 32, 32, 3) and x.dtype == np.uint8
    assert fine.tolist() == CIFAR100_FINE and fine.dtype == np.int64
    assert coarse.tolist() == [CIFAR100_COARSE_OF[f] for f in CIFAR100_FINE]
    assert CIFAR100_FINE_CLASSES[fine[0]] == "mountain"
    assert CIFAR100_COARSE_CLASSES[coarse[0]] == "large natural outdoor scenes"
    assert len(CIFAR100_FINE_CLASSES) == 100 and len(set(CIFAR100_FINE_CLASSES)) == 100
    assert len(CIFAR100_COARSE_CLASSES) == 20 and len(CIFAR100_COARSE_OF) == 100
    # every superclass has exactly five classes; spot-check two of them by name
    assert np.bincount(CIFAR100_COARSE_OF).tolist() == [5] * 20
    fish = {CIFAR100_FINE_CLASSES[i] for i in range(100) if CIFAR100_COARSE_OF[i] == 1}
    assert fish == {"aquarium fish", "flatfish", "ray", "shark", "trout"}
    trees = {CIFAR100_FINE_CLASSES[i] for i in range(100) if CIFAR100_COARSE_OF[i] == 17}
    assert trees == {"maple tree", "oak tree", "palm tree", "pine tree", "willow tree"}


# -- hostile files --------------------------------------------------------------------------
def _idx(shape, payload: bytes, code=0x08) -> bytes:
    return (
        struct.pack(">HBB", 0, code, len(shape)) + struct.pack(f">{len(shape)}I", *shape) + payload
    )


def _peak_while(func) -> int:
    tracemalloc.start()
    try:
        func()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


def test_truncated_and_wrong_magic_idx(tmp_path):
    good = _idx((10,), bytes(range(10)))
    assert read_idx_labels(_write(tmp_path / "ok", good)).tolist() == list(range(10))
    with pytest.raises(DataError, match="truncated or corrupt"):
        read_idx(_write(tmp_path / "cut", good[:-3]))
    with pytest.raises(DataError, match="not an IDX file"):
        read_idx(_write(tmp_path / "magic", b"\x12\x34" + good[2:]))
    with pytest.raises(DataError, match="too short"):
        read_idx(_write(tmp_path / "tiny", b"\x00\x00"))
    with pytest.raises(DataError, match="expected 3 dimensions"):
        read_idx_images(tmp_path / "ok")
    with pytest.raises(DataError, match="labels run from 0 to 9"):
        read_idx_labels(_write(tmp_path / "range", _idx((2,), b"\x03\x0c")))
    with pytest.raises(DataError, match="expected 8-bit images of 28x28"):
        read_idx_images(_write(tmp_path / "small", _idx((1, 2, 2), bytes(4))))
    with pytest.raises(DataError, match="truncated"):
        parse_idx(good[:-1], "bytes")


@pytest.mark.parametrize("compressed", [False, True])
def test_header_claiming_terabytes_is_refused_without_allocating(tmp_path, compressed):
    data = _idx((10**9, 28, 28), bytes(100))
    path = tmp_path / ("huge.gz" if compressed else "huge")
    path.write_bytes(gzip.compress(data) if compressed else data)
    errors = []

    def read():
        with pytest.raises(DataError) as info:
            read_idx(path, 3)
        errors.append(str(info.value))

    assert _peak_while(read) < 1 << 20  # under 1 MB, not 784 GB
    assert "(1000000000, 28, 28)" in errors[0] and "huge" in errors[0]


@pytest.mark.parametrize("claimed", [0xFFFFFFF0, 0x7FFFFFF0])
def test_gzip_whose_trailer_claims_a_huge_size(tmp_path, claimed):
    # 0x7FFFFFF0 passed the old "at most 2 GiB" bound and then had gzip allocate 2 GiB
    data = bytearray(gzip.compress(_idx((10,), bytes(10))))
    data[-4:] = struct.pack("<I", claimed)
    path = _write(tmp_path / "bomb.gz", bytes(data))
    errors = []

    def read():
        with pytest.raises(DataError) as info:
            read_idx(path)
        errors.append(str(info.value))

    assert _peak_while(read) < 1 << 20
    assert f"gzip trailer records {claimed:,} bytes" in errors[0]


def test_damaged_gzip(tmp_path):
    data = gzip.compress(_idx((1000,), bytes(1000) * 1))
    with pytest.raises(DataError, match="truncated gzip"):
        read_idx(_write(tmp_path / "short.gz", data[:10]))
    with pytest.raises(DataError, match="damaged gzip|truncated"):
        read_idx(_write(tmp_path / "cut.gz", data[: len(data) // 2] + data[-8:]))
    bad_crc = bytearray(data)
    bad_crc[-8] ^= 0xFF
    with pytest.raises(DataError, match="damaged gzip"):
        read_idx(_write(tmp_path / "crc.gz", bytes(bad_crc)))


def _cifar_bytes(labels, label_bytes=1, seed=0) -> bytes:
    rng = np.random.default_rng(seed)
    n = len(labels)
    records = np.empty((n, label_bytes + 3072), dtype=np.uint8)
    records[:, :label_bytes] = np.asarray(labels, dtype=np.uint8).reshape(n, label_bytes)
    records[:, label_bytes:] = rng.integers(0, 256, size=(n, 3072), dtype=np.uint8)
    return records.tobytes()


def test_cifar_hostile_files(tmp_path):
    good = _cifar_bytes([1, 2, 3])
    x, y = read_cifar10(_write(tmp_path / "good.bin", good))
    assert y.tolist() == [1, 2, 3]
    # the pixels land where the record layout says: plane c, row r, column k
    raw = np.frombuffer(good, dtype=np.uint8).reshape(3, 3073)
    assert x[2, 5, 7, 1] == raw[2, 1 + 1024 + 5 * 32 + 7]
    with pytest.raises(DataError, match="not a whole number of 3,073-byte CIFAR-10 records"):
        read_cifar10(_write(tmp_path / "cut.bin", good[:-5]))
    with pytest.raises(DataError, match="not a whole number"):
        read_cifar10(_write(tmp_path / "empty.bin", b""))
    with pytest.raises(DataError, match="record 1 has label 10, but labels run from 0 to 9"):
        read_cifar10(_write(tmp_path / "label.bin", _cifar_bytes([0, 10])))
    hundred = _cifar_bytes([[10, 49], [4, 0]], label_bytes=2)
    with pytest.raises(DataError, match="is it a CIFAR-100 file"):
        read_cifar10(_write(tmp_path / "c100.bin", hundred))
    _, coarse, fine = read_cifar100(tmp_path / "c100.bin")
    assert coarse.tolist() == [10, 4] and fine.tolist() == [49, 0]
    with pytest.raises(DataError, match="fine label 100"):
        read_cifar100(_write(tmp_path / "fine.bin", _cifar_bytes([[0, 100]], label_bytes=2)))
    with pytest.raises(DataError, match="belongs to superclass 4"):
        read_cifar100(_write(tmp_path / "mix.bin", _cifar_bytes([[3, 0]], label_bytes=2)))
    with pytest.raises(DataError, match="Python \\(pickle\\) version"):
        read_cifar10(_write(tmp_path / "data_batch_1", b"\x80\x02}q\x00" + bytes(3068)))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- image_dataset --------------------------------------------------------------------------
def test_subset_is_stratified_seeded_and_sorted():
    labels = np.repeat(np.arange(4), [50, 30, 15, 5])
    a = subset_indices(labels, 20, np.random.default_rng(3))
    b = subset_indices(labels, 20, np.random.default_rng(3))
    c = subset_indices(labels, 20, np.random.default_rng(4))
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert len(a) == 20 and np.all(np.diff(a) > 0)
    assert np.bincount(labels[a]).tolist() == [10, 6, 3, 1]
    assert np.array_equal(subset_indices(labels, 500, np.random.default_rng(0)), np.arange(100))


def test_mnist_subset_and_standardize_from_the_store(shared_datasets, tmp_path, monkeypatch, mnist):
    from mlpstudio.data.store import import_folder

    report = import_folder("mnist", shared_datasets / "mnist", directory=tmp_path)
    assert report.ok, report.lines()
    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path))
    ds = image_dataset("mnist", subset=1000, scaling="standardize", seed=7)
    assert len(ds.x_train) == 1000 and len(ds.x_test) == 1000
    # stratified: each class within one image of its share of the full set
    share = np.array(MNIST_TRAIN_COUNTS) / 60000 * 1000
    assert np.all(np.abs(np.bincount(ds.y_train, minlength=10) - share) < 1)
    # the chosen images are the full set's images at sorted, seeded indices
    rng = np.random.default_rng(7)
    train = subset_indices(mnist.y_train, 1000, rng)
    np.testing.assert_array_equal(ds.x_train, mnist.x_train[train])
    np.testing.assert_array_equal(ds.y_train, mnist.y_train[train])
    pixels = ds.x_train.astype(np.float64)
    assert ds.input_shift == pytest.approx(pixels.mean(), rel=1e-12)
    assert ds.input_scale == pytest.approx(1 / pixels.std(), rel=1e-12)
    assert "subset" in ds.description and "standardized" in ds.description
    other = image_dataset("mnist", subset=1000, seed=8)
    assert not np.array_equal(other.y_train, ds.y_train)
    assert other.input_shift == 0.0 and other.input_scale == pytest.approx(1 / 255)


def test_cifar10_from_a_partial_root(cifar10_root):
    ds = image_dataset("cifar10", root=cifar10_root, scaling="standardize")
    assert ds.x_train.shape == (4000, 32, 32, 3) and ds.x_test.shape == (1000, 32, 32, 3)
    assert ds.input_shape == (32, 32, 3) and ds.n_inputs == 3072
    assert np.bincount(ds.y_train).tolist() == CIFAR10_TRAIN_COUNTS
    assert ds.class_names == CIFAR10_CLASSES and "1 of 5 training batches" in ds.name
    pixels = ds.x_train.astype(np.float64)
    assert ds.input_shift == pytest.approx(pixels.mean(), rel=1e-12)
    assert ds.input_scale == pytest.approx(1 / pixels.std(), rel=1e-12)
    # the same folder is refused as a store: the store must hold all five batches
    from mlpstudio.data.store import locate

    with pytest.raises(DataError, match="data_batch_2.bin"):
        locate("cifar10", directory=cifar10_root.parent, root=None)


def test_build_dataset_reads_images(cifar10_root):
    from mlpstudio.experiment.build import build_dataset
    from mlpstudio.experiment.config import DataConfig

    ds = build_dataset(DataConfig(kind="cifar10", root=str(cifar10_root), subset=100, seed=1))
    assert len(ds.x_train) == 100 and len(ds.x_test) == 100
    assert np.bincount(ds.y_test, minlength=10).min() >= 8  # every class is in the subset


def test_cifar100_fine_and_coarse(shared_datasets, tmp_path):
    sample = shared_datasets / "cifar100-samples" / "test_first20.bin"
    shutil.copy(sample, tmp_path / "train.bin")
    (tmp_path / "test.bin").symlink_to(sample)
    fine = image_dataset("cifar100", root=tmp_path)
    assert fine.y_train.tolist() == CIFAR100_FINE and fine.n_classes == 100
    assert fine.coarse_of.tolist() == list(CIFAR100_COARSE_OF)
    assert fine.coarse_names == CIFAR100_COARSE_CLASSES
    coarse = image_dataset("cifar100", root=tmp_path, labels="coarse")
    assert coarse.n_classes == 20 and coarse.class_names == CIFAR100_COARSE_CLASSES
    assert coarse.y_test.tolist() == [CIFAR100_COARSE_OF[f] for f in CIFAR100_FINE]
    assert coarse.coarse_of is None
    np.testing.assert_array_equal(coarse.x_test, fine.x_test)


def test_missing_files_say_what_where_and_how(tmp_path, monkeypatch):
    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path / "store"))
    with pytest.raises(DataError) as info:
        image_dataset("mnist")
    message = str(info.value)
    assert "train-images-idx3-ubyte" in message and "t10k-labels-idx1-ubyte" in message
    assert str(tmp_path / "store" / "mnist") in message
    assert "mlpstudio data fetch mnist" in message and "mlpstudio data import" in message
    (tmp_path / "own").mkdir()
    (tmp_path / "own" / "cifar-10-binary.tar.gz").write_bytes(b"x")
    with pytest.raises(DataError) as info:
        image_dataset("cifar10", root=tmp_path / "own")
    assert "test_batch.bin" in str(info.value) and "mlpstudio data import cifar10" in str(
        info.value
    )


def test_bad_arguments():
    with pytest.raises(DataError, match="Unknown image set"):
        image_dataset("svhn")
    with pytest.raises(DataError, match="labels must be"):
        image_dataset("cifar100", labels="medium")
    with pytest.raises(DataError, match="scaling must be"):
        image_dataset("mnist", scaling="minmax")
    with pytest.raises(DataError, match="subset must be"):
        image_dataset("mnist", subset=-1)
    assert images.class_names("cifar100", "coarse") == CIFAR100_COARSE_CLASSES
