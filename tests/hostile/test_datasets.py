"""Hostile dataset files: shapes declared huge or empty, pipes and devices, through the
readers and through ``mlpstudio train`` with a data folder."""

from __future__ import annotations

import gzip
import os
import struct

import pytest

from mlpstudio.data.dataset import DataError
from mlpstudio.data.idx import read_idx
from mlpstudio.data.images import read_cifar10, read_cifar100, read_idx_images, read_idx_labels

from .conftest import assert_refused, needs_fifo, needs_sparse, refusal, run_cli

IMAGES, LABELS = "train-images-idx3-ubyte", "train-labels-idx1-ubyte"


def idx_header(*shape: int, code: int = 0x08) -> bytes:
    return struct.pack(">HBB", 0, code, len(shape)) + struct.pack(f">{len(shape)}I", *shape)


def sparse(path, header: bytes, size: int):
    """A file of ``size`` bytes that costs no disk: the header, then a hole."""
    with open(path, "wb") as handle:
        handle.write(header)
        handle.truncate(size)
    return path


@needs_sparse
def test_idx_whose_header_and_size_agree_on_a_huge_shape_hits_the_budget(sandbox):
    n = 1_000_000  # 784 MB of pixels, within the file cap, beyond the 256 MB budget
    path = sparse(sandbox.root / IMAGES, idx_header(n, 28, 28), 16 + n * 784)
    refusal(DataError, lambda: read_idx_images(path), "memory budget", "needs",
            peak_limit_mb=20)  # fmt: skip


@needs_sparse
def test_idx_declaring_ten_to_the_eight_images_is_refused_by_size(sandbox):
    n = 10**8
    path = sparse(sandbox.root / IMAGES, idx_header(n, 28, 28), 16 + n * 784)
    refusal(DataError, lambda: read_idx_images(path), "too large", peak_limit_mb=20)


def test_gzip_idx_declaring_a_huge_shape_is_refused(sandbox):
    path = sandbox.root / (IMAGES + ".gz")
    path.write_bytes(gzip.compress(idx_header(10**6, 28, 28) + bytes(1000)))
    refusal(DataError, lambda: read_idx_images(path), peak_limit_mb=20)


@pytest.mark.parametrize("gz", [False, True], ids=["raw", "gzip"])
def test_idx_with_no_images_is_refused(sandbox, gz):
    data = idx_header(0, 28, 28)
    path = sandbox.root / (IMAGES + (".gz" if gz else ""))
    path.write_bytes(gzip.compress(data) if gz else data)
    refusal(DataError, lambda: read_idx_images(path), "no values")
    labels = sandbox.root / LABELS
    labels.write_bytes(idx_header(0))
    refusal(DataError, lambda: read_idx_labels(labels), "no values")


@needs_fifo
def test_pipes_and_devices_as_dataset_files_are_refused(sandbox):
    fifo = sandbox.root / IMAGES
    os.mkfifo(fifo)
    refusal(DataError, lambda: read_idx(fifo), "named pipe")
    cifar = sandbox.root / "test_batch.bin"
    os.mkfifo(cifar)
    refusal(DataError, lambda: read_cifar10(cifar), "named pipe")
    if os.path.exists("/dev/zero"):
        refusal(DataError, lambda: read_idx("/dev/zero"), "device")
        refusal(DataError, lambda: read_cifar100("/dev/zero"), "device")


@needs_sparse
def test_cifar_files_declaring_too_many_records(sandbox):
    within_cap = sparse(sandbox.root / "test_batch.bin", b"\x00", 100_000 * 3073)  # 307 MB
    refusal(DataError, lambda: read_cifar10(within_cap), "memory budget", peak_limit_mb=20)
    beyond_cap = sparse(sandbox.root / "test.bin", b"\x00", 1_000_000 * 3074)  # 3 GB
    refusal(DataError, lambda: read_cifar100(beyond_cap), "too large", peak_limit_mb=20)


@needs_sparse
def test_train_on_a_folder_with_an_empty_and_a_huge_idx_file(sandbox):
    """The whole path, as a user meets it: exit 2 and one paragraph, nothing written."""
    folder = sandbox.root / "digits"
    folder.mkdir()
    sparse(folder / IMAGES, idx_header(1_000_000, 28, 28), 16 + 1_000_000 * 784)
    (folder / LABELS).write_bytes(idx_header(0))
    (folder / "t10k-images-idx3-ubyte").write_bytes(idx_header(0, 28, 28))
    (folder / "t10k-labels-idx1-ubyte").write_bytes(idx_header(0))
    sandbox.freeze()
    code, err, peak = run_cli(
        sandbox, "train", "--set", 'data.kind="mnist"', "--set", f"data.root={folder}",
        "--epochs", "1",
    )  # fmt: skip
    assert_refused(code, err, peak, IMAGES, "memory budget")
    sandbox.assert_unchanged()


@needs_fifo
def test_pipes_and_devices_as_csv_tables_are_refused(sandbox):
    from mlpstudio.data.tabular import read_table

    fifo = sandbox.root / "table.csv"
    os.mkfifo(fifo)
    refusal(DataError, lambda: read_table(fifo), "regular file", peak_limit_mb=20)
    if os.path.exists("/dev/zero"):
        refusal(DataError, lambda: read_table("/dev/zero"), "regular file", peak_limit_mb=20)
