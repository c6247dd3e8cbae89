"""Class balance counted from genuine label files (mlpstudio.data.balance), against
np.bincount of the labels read straight from the bytes; the information-only sets (ImageNet,
COCO) are never loadable."""

import gzip
import shutil
import subprocess
import sys

import numpy as np
import pytest

from mlpstudio.data import catalog
from mlpstudio.data.balance import class_balance
from mlpstudio.data.dataset import DataError
from mlpstudio.experiment.config import IMAGE_KINDS


def idx_labels(path) -> np.ndarray:
    """An IDX label file's labels, read independently: 8 header bytes, then one byte each."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rb") as handle:
        return np.frombuffer(handle.read(), dtype=np.uint8, offset=8)


def record_labels(path, label_bytes: int) -> np.ndarray:
    raw = np.fromfile(path, dtype=np.uint8)
    return raw.reshape(-1, label_bytes + 3072)[:, :label_bytes]


@pytest.mark.parametrize("name", ["mnist", "fashion-mnist"])
def test_mnist_style_counts_equal_bincount_of_the_real_labels(shared_datasets, name):
    folder = shared_datasets / name
    balance = class_balance(name, root=folder)
    by_split = {s.split: s for s in balance.splits}
    for split, file in (("train", "train-labels-idx1-ubyte.gz"),
                        ("test", "t10k-labels-idx1-ubyte.gz")):  # fmt: skip
        expected = np.bincount(idx_labels(folder / file), minlength=10)
        np.testing.assert_array_equal(by_split[split].counts, expected)
    assert by_split["train"].total == 60_000 and by_split["test"].total == 10_000
    assert balance.missing == ()


def test_cifar10_subset_in_a_store_counts_what_is_there(shared_datasets, tmp_path):
    src = shared_datasets / "cifar10-subset"
    (tmp_path / "cifar10").mkdir()
    shutil.copy(src / "data_batch_1_first4000.bin", tmp_path / "cifar10" / "data_batch_1.bin")
    shutil.copy(src / "test_batch_first1000.bin", tmp_path / "cifar10" / "test_batch.bin")
    balance = class_balance("cifar10", directory=tmp_path)
    train, test = balance.splits
    expected_train = np.bincount(record_labels(src / "data_batch_1_first4000.bin", 1)[:, 0])
    expected_test = np.bincount(record_labels(src / "test_batch_first1000.bin", 1)[:, 0])
    np.testing.assert_array_equal(train.counts, expected_train)
    np.testing.assert_array_equal(test.counts, expected_test)
    assert (train.total, test.total) == (4000, 1000)
    assert balance.missing == tuple(f"data_batch_{i}.bin" for i in range(2, 6))


def test_cifar100_superclasses_from_the_real_records(shared_datasets, tmp_path):
    src = shared_datasets / "cifar100-samples" / "test_first20.bin"
    (tmp_path / "cifar100").mkdir()
    shutil.copy(src, tmp_path / "cifar100" / "test.bin")
    labels = record_labels(src, 2)
    coarse = class_balance("cifar100", "coarse", directory=tmp_path)
    fine = class_balance("cifar100", "fine", directory=tmp_path)
    assert coarse.labels == "coarse" and len(coarse.splits[1].counts) == 20
    np.testing.assert_array_equal(coarse.splits[1].counts, np.bincount(labels[:, 0], minlength=20))
    np.testing.assert_array_equal(fine.splits[1].counts, np.bincount(labels[:, 1], minlength=100))
    assert coarse.splits[0].total == 0 and coarse.missing == ("train.bin",)
    # the catalogue's fine -> superclass map agrees with the superclass bytes of the file
    folded = np.zeros(20, dtype=np.int64)
    np.add.at(folded, np.asarray(catalog.CIFAR100_COARSE_OF)[labels[:, 1]], 1)
    np.testing.assert_array_equal(folded, coarse.splits[1].counts)


def test_a_set_not_on_this_computer_is_refused_with_where_it_looked(tmp_path):
    with pytest.raises(DataError, match="not on this computer"):
        class_balance("mnist", directory=tmp_path)


def test_a_damaged_label_file_is_refused(tmp_path):
    (tmp_path / "mnist").mkdir()
    (tmp_path / "mnist" / "t10k-labels-idx1-ubyte").write_bytes(
        b"\x00\x00\x08\x01\x00\x00\x00\x03" + bytes([1, 2, 200])  # label 200 is out of range
    )
    with pytest.raises(DataError):
        class_balance("mnist", directory=tmp_path)


def test_imagenet_and_coco_are_information_only():
    assert set(catalog.INFO_SETS) == {"imagenet", "coco"}
    for name, info in catalog.INFO_SETS.items():
        assert name not in catalog.SETS and name not in IMAGE_KINDS
        assert info.why_not_mlp and info.splits and all(n > 0 for _, n in info.splits)
        with pytest.raises(DataError):
            catalog.image_set(name)
    imagenet = dict(catalog.IMAGENET.splits)
    assert imagenet["train"] == 1_281_167 and imagenet["validation"] == 50_000


@pytest.mark.parametrize("command", [["data", "fetch", "imagenet"], ["data", "verify", "coco"]])
def test_the_command_line_refuses_information_only_sets(command, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mlpstudio", *command, "--dir", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert not any(tmp_path.iterdir())
