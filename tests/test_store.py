"""The data store: downloads from a local HTTP server, imports, status, verify, and the
``mlpstudio data`` commands. No test touches the network beyond 127.0.0.1."""

import argparse
import dataclasses
import gzip
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest
from conftest import SHARED_DATASETS as SHARED  # noqa: E402 (tests/ is on sys.path)

from mlpstudio.cli.data import add_data_commands
from mlpstudio.data import catalog, download, verification
from mlpstudio.data.catalog import CIFAR10, MNIST, RecordFile
from mlpstudio.data.dataset import DataError
from mlpstudio.data.images import image_dataset
from mlpstudio.data.store import (
    DownloadCancelled,
    data_dir,
    download_urls,
    fetch,
    import_folder,
    list_status,
    locate,
    set_folder,
    status,
    verify,
)

T10K = ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")


# -- a local web server ---------------------------------------------------------------------
class _Handler(BaseHTTPRequestHandler):
    """Serves ``server.files`` (keyed by path) under /good/, a damaged copy under /bad/, half
    of the file (after announcing all of it) under /cut/, and 404 for anything else."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.requests.append(self.path)
        _, mode, name = self.path.split("/", 2)
        data = self.server.files.get(name)
        if data is None or mode not in ("good", "bad", "cut"):
            self.send_error(404, "File not found")
            return
        if mode == "bad":
            data = bytearray(data)
            data[len(data) // 2] ^= 0xFF
            data = bytes(data)
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if mode == "cut":
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(monkeypatch):
    for variable in ("NO_PROXY", "no_proxy"):  # a CI proxy must not intercept 127.0.0.1
        monkeypatch.setenv(variable, "127.0.0.1,localhost")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.files = {}
    httpd.requests = []
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def mnist_server(server, shared_datasets):
    for name in T10K:
        server.files[name] = (shared_datasets / "mnist" / name).read_bytes()
    return server


# -- stores ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def train_only_template(tmp_path_factory):
    """A store holding MNIST's two training files, imported (and so verified) once."""
    if SHARED is None:
        pytest.skip("../shared/datasets is not present on this machine")
    source = tmp_path_factory.mktemp("train-source")
    for name in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte.gz"):
        (source / name).symlink_to(SHARED / "mnist" / name)
    template = tmp_path_factory.mktemp("template")
    report = import_folder("mnist", source, directory=template)
    assert [file for file, _ in report.imported] == [
        "train-images-idx3-ubyte",
        "train-labels-idx1-ubyte.gz",
    ]
    assert report.not_found == ["t10k-images-idx3-ubyte[.gz]", "t10k-labels-idx1-ubyte[.gz]"]
    return template


@pytest.fixture
def train_only_store(train_only_template, tmp_path):
    """A private copy of the template (hard links: instant; never modify the linked files)."""
    directory = tmp_path / "data"
    shutil.copytree(train_only_template, directory, copy_function=os.link)
    return directory


def _leftovers(folder: Path) -> list[str]:
    """Files that look like partial downloads or temporaries."""
    return [p.name for p in folder.rglob("*") if p.suffix in (".part", ".tmp") or "tmp" in p.name]


# -- where ----------------------------------------------------------------------------------
def test_data_dir_order(tmp_path, monkeypatch):
    monkeypatch.delenv("MLPSTUDIO_DATA", raising=False)
    default = data_dir()
    assert default.name == "datasets" and "MLP Studio" in str(default)
    assert data_dir(tmp_path / "lab") == tmp_path / "lab"
    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path / "env"))
    assert data_dir(tmp_path / "lab") == tmp_path / "env"
    assert set_folder("cifar100") == tmp_path / "env" / "cifar100"
    with pytest.raises(DataError, match="Unknown image set 'emnist'"):
        set_folder("emnist")


def test_download_addresses(monkeypatch):
    monkeypatch.delenv("MLPSTUDIO_MIRROR", raising=False)
    assert download_urls(MNIST, "t10k-labels-idx1-ubyte.gz") == [
        "https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz",
        "http://yann.lecun.com/exdb/mnist/t10k-labels-idx1-ubyte.gz",
    ]
    assert download_urls(CIFAR10, "cifar-10-binary.tar.gz") == [
        "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
    ]
    # a mirror replaces the official addresses: a folder per set first (MNIST and
    # Fashion-MNIST share their file names), then the mirror's folder itself
    assert download_urls(MNIST, "a.gz", mirror="http://lab/data/") == [
        "http://lab/data/mnist/a.gz",
        "http://lab/data/a.gz",
    ]
    monkeypatch.setenv("MLPSTUDIO_MIRROR", "https://lab.example/sets")
    assert download_urls(CIFAR10, "a.gz") == [
        "https://lab.example/sets/cifar10/a.gz",
        "https://lab.example/sets/a.gz",
    ]
    with pytest.raises(DataError, match="must start with http"):
        download_urls(MNIST, "a.gz", mirror="ftp://lab/data")


# -- downloads ------------------------------------------------------------------------------
def test_fetch_downloads_verifies_and_resumes(train_only_store, mnist_server, monkeypatch):
    monkeypatch.setenv("MLPSTUDIO_DATA", str(train_only_store))
    monkeypatch.setenv("MLPSTUDIO_MIRROR", mnist_server.url + "/good/")
    calls = []
    result = fetch("mnist", progress=lambda *call: calls.append(call))
    assert result.ready and result.state == "ready"
    # only the missing files were asked for (the verified training files were kept): first in
    # the mirror's mnist/ folder (404 here), then in the mirror's folder itself
    assert mnist_server.requests == [f"/good/{d}{name}" for name in T10K for d in ("mnist/", "")]
    for name in T10K:
        size = len(mnist_server.files[name])
        last = [c for c in calls if c[0] == name][-1]
        assert last == (name, size, size)
        assert (train_only_store / "mnist" / name).read_bytes() == mnist_server.files[name]
    assert result.file("t10k-images-idx3-ubyte").method == "sha256"
    assert _leftovers(train_only_store) == []
    # everything is there and verified: a second fetch downloads nothing
    fetch("mnist")
    assert len(mnist_server.requests) == 4
    ds = image_dataset("mnist")
    assert len(ds.x_train) == 60000 and len(ds.x_test) == 10000


@pytest.mark.parametrize(
    "mode, message",
    [
        ("bad", "failed its check"),
        ("cut", "broke off before the file was complete"),
        ("missing", "HTTP 404"),
    ],
)
def test_failed_download_leaves_nothing(train_only_store, mnist_server, mode, message):
    mirror = f"{mnist_server.url}/{mode}/"
    with pytest.raises(DataError, match=message) as info:
        fetch("mnist", mirror=mirror, directory=train_only_store)
    text = str(info.value)
    assert f"{mirror}t10k-images-idx3-ubyte.gz" in text and "nothing was kept" in text
    folder = train_only_store / "mnist"
    assert sorted(p.name for p in folder.iterdir()) == [
        ".verified.json",
        "train-images-idx3-ubyte",
        "train-labels-idx1-ubyte.gz",
    ]
    assert status("mnist", train_only_store).state == "incomplete"


def test_cancelled_download_leaves_nothing(train_only_store, mnist_server):
    calls = []

    def cancel():
        return len(calls) >= 3  # a few chunks in

    with pytest.raises(DownloadCancelled, match="cancelled"):
        fetch(
            "mnist",
            mirror=mnist_server.url + "/good/",
            progress=lambda *call: calls.append(call),
            cancel=cancel,
            directory=train_only_store,
        )
    assert 3 <= len(calls) < 20  # stopped early, not after the whole 1.6 MB file
    folder = train_only_store / "mnist"
    assert not (folder / T10K[0]).exists() and _leftovers(folder) == []
    assert isinstance(DownloadCancelled("x"), DataError)  # callers catching DataError see it


# -- imports --------------------------------------------------------------------------------
def test_import_raw_recompressed_and_corrupt(shared_datasets, tmp_path):
    source = tmp_path / "usb"
    source.mkdir()
    official = shared_datasets / "mnist"
    # decompressed copy (as many teachers keep it), under the dotted name some copies use
    images = gzip.decompress((official / T10K[0]).read_bytes())
    (source / "t10k-images.idx3-ubyte").write_bytes(images)
    # recompressed copy: different .gz bytes, same content
    labels = gzip.decompress((official / T10K[1]).read_bytes())
    (source / T10K[1]).write_bytes(gzip.compress(labels, compresslevel=1, mtime=0))
    # damaged copy of the training labels: one label changed
    damaged = bytearray(gzip.decompress((official / "train-labels-idx1-ubyte.gz").read_bytes()))
    damaged[100] = (damaged[100] + 1) % 10
    (source / "train-labels-idx1-ubyte").write_bytes(bytes(damaged))
    report = import_folder("mnist", source, directory=tmp_path / "data")
    assert dict(report.imported) == {
        "t10k-images.idx3-ubyte": "verified (sha256 of the content)",
        "t10k-labels-idx1-ubyte.gz": "verified (sha256 of the content)",
    }
    assert [file for file, _ in report.failed] == ["train-labels-idx1-ubyte"]
    assert "does not match the official" in report.failed[0][1]
    assert report.not_found == ["train-images-idx3-ubyte[.gz]"]
    assert not report.ok
    folder = tmp_path / "data" / "mnist"
    assert sorted(p.name for p in folder.iterdir()) == [
        ".verified.json",
        "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte.gz",
    ]
    s = status("mnist", tmp_path / "data")
    assert s.file("t10k-images-idx3-ubyte").state == "verified"
    assert s.file("train-labels-idx1-ubyte").state == "missing"
    # a truncated .gz is refused too, and does not replace the good copy already there
    cut = tmp_path / "cut"
    cut.mkdir()
    (cut / T10K[1]).write_bytes((official / T10K[1]).read_bytes()[:-100])
    report = import_folder("mnist", cut, directory=tmp_path / "data")
    assert report.imported == [] and "damaged gzip" in report.failed[0][1]
    assert (folder / T10K[1]).read_bytes() == (source / T10K[1]).read_bytes()
    assert _leftovers(tmp_path / "data") == []


def test_status_remembers_and_verify_rechecks(train_only_store, monkeypatch):
    s = status("mnist", train_only_store)
    assert s.file("train-images-idx3-ubyte").state == "verified"
    assert s.file("train-images-idx3-ubyte").method == "sha256 of the content"
    assert s.file("train-labels-idx1-ubyte").method == "sha256"

    def no_hashing(path):
        raise AssertionError("status re-hashed a file it had already verified")

    monkeypatch.setattr(verification, "file_hashes", no_hashing)
    assert status("mnist", train_only_store).state == "incomplete"  # from the manifest
    with pytest.raises(AssertionError):
        verify("mnist", train_only_store)  # verify reads the bytes again
    monkeypatch.undo()
    # damage a private copy of one file (same size): status notices the new mtime, verify too
    path = train_only_store / "mnist" / "train-labels-idx1-ubyte.gz"
    data = bytearray(path.read_bytes())
    data[2000] ^= 0x01
    path.unlink()  # break the hard link before writing
    path.write_bytes(bytes(data))
    assert status("mnist", train_only_store).state == "corrupt"
    (result,) = verify("mnist", train_only_store)
    bad = result.file("train-labels-idx1-ubyte")
    assert bad.state == "corrupt" and bad.detail
    assert "CORRUPT" in result.summary()
    assert [s.state for s in list_status(train_only_store)] == [
        "corrupt",
        "missing",
        "missing",
        "missing",
    ]


# -- CIFAR archives (a small stand-in for the official archive) -----------------------------
def _records(n, seed, label_bytes=1):
    rng = np.random.default_rng(seed)
    records = rng.integers(0, 256, size=(n, label_bytes + 3072), dtype=np.uint8)
    records[:, 0] = rng.integers(0, 10, size=n)
    return records.tobytes()


def _tar(members: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            tar.addfile(info)
    return buffer.getvalue()


SMALL_FILES = {f"data_batch_{i}.bin": (3, i) for i in range(1, 6)} | {"test_batch.bin": (2, 9)}


def _small_cifar10(monkeypatch, archive: bytes):
    """Points the store's catalog at a CIFAR-10 of 3 records per batch and this archive."""
    files = tuple(
        RecordFile(name, "test" if name == "test_batch.bin" else "train", n, 1)
        for name, (n, _) in SMALL_FILES.items()
    )
    spec = dataclasses.replace(
        CIFAR10,
        files=files,
        archive=dataclasses.replace(
            CIFAR10.archive, size=len(archive), md5=hashlib.md5(archive).hexdigest()
        ),
    )
    monkeypatch.setitem(catalog.SETS, "cifar10", spec)  # the store and locate() see it
    return spec


def _small_members():
    members = {
        f"cifar-10-batches-bin/{name}": _records(n, seed) for name, (n, seed) in SMALL_FILES.items()
    }
    members["cifar-10-batches-bin/batches.meta.txt"] = b"airplane\nautomobile\n"
    members["cifar-10-batches-bin/readme.html"] = b"<html>not wanted</html>"
    members["../escaped.bin"] = _records(3, 0)
    members["cifar-10-batches-bin/../../escaped2.bin"] = _records(3, 0)
    return members


def test_fetch_cifar_archive_unpacks_only_expected_members(tmp_path, server, monkeypatch):
    members = _small_members()
    archive = _tar(members)
    _small_cifar10(monkeypatch, archive)
    server.files["cifar10/cifar-10-binary.tar.gz"] = archive  # a mirror with a folder per set
    directory = tmp_path / "a" / "data"
    result = fetch("cifar10", mirror=server.url + "/good", directory=directory)
    assert result.ready
    assert server.requests == ["/good/cifar10/cifar-10-binary.tar.gz"]
    folder = directory / "cifar10"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*SMALL_FILES, "batches.meta.txt", ".verified.json"]
    )
    for name in SMALL_FILES:
        assert (folder / name).read_bytes() == members[f"cifar-10-batches-bin/{name}"]
        assert result.file(name).method == "sha256 recorded from the verified archive"
    assert not list(tmp_path.rglob("escaped*"))  # no path traversal
    files = locate("cifar10", directory=directory)
    assert sorted(files) == sorted(SMALL_FILES)
    monkeypatch.setenv("MLPSTUDIO_DATA", str(directory))
    ds = image_dataset("cifar10")
    assert ds.x_train.shape == (15, 32, 32, 3) and ds.x_test.shape == (2, 32, 32, 3)
    # damage one unpacked file without changing its size: verify finds it by the recorded hash
    data = bytearray((folder / "data_batch_3.bin").read_bytes())
    data[500] ^= 0xFF
    (folder / "data_batch_3.bin").write_bytes(bytes(data))
    (result,) = verify("cifar10", directory)
    assert result.file("data_batch_3.bin").state == "corrupt"
    assert "damaged since" in result.file("data_batch_3.bin").detail
    # and stays corrupt: the weaker size-and-labels check would pass it
    assert status("cifar10", directory).file("data_batch_3.bin").state == "corrupt"


def test_downloads_go_through_pooch_with_the_catalogue_hash(tmp_path, server, monkeypatch):
    """fetch asks pooch.retrieve for the file with the catalogue's hash as known_hash and the
    store's downloader; a file whose bytes do not match that hash is refused by pooch too."""
    import pooch

    archive = _tar(_small_members())
    spec = _small_cifar10(monkeypatch, archive)
    server.files["cifar-10-binary.tar.gz"] = archive
    calls = []
    real = pooch.retrieve

    def recording(url, known_hash, **kwargs):
        calls.append((url, known_hash, kwargs["downloader"]))
        return real(url, known_hash, **kwargs)

    monkeypatch.setattr(pooch, "retrieve", recording)
    assert fetch("cifar10", mirror=server.url + "/good/", directory=tmp_path).ready
    assert [(url, known) for url, known, _ in calls] == [
        (f"{server.url}/good/cifar10/cifar-10-binary.tar.gz", spec.archive.known_hash),
        (f"{server.url}/good/cifar-10-binary.tar.gz", spec.archive.known_hash),
    ]
    assert all(getattr(d, "func", None) is download._downloader for _, _, d in calls)
    # the same bytes under another hash: pooch's own check refuses them, nothing is kept
    other = dataclasses.replace(spec, archive=dataclasses.replace(spec.archive, md5="0" * 32))
    monkeypatch.setitem(catalog.SETS, "cifar10", other)
    with pytest.raises(DataError, match="its md5 is not the published 0000"):
        fetch("cifar10", mirror=server.url + "/good/", directory=tmp_path / "again")
    assert _leftovers(tmp_path / "again") == []


def test_cifar_archive_with_a_link_or_wrong_checksum_is_refused(tmp_path, server, monkeypatch):
    members = _small_members()
    del members["cifar-10-batches-bin/test_batch.bin"]
    archive = _tar(members, links={"cifar-10-batches-bin/test_batch.bin": "/etc/passwd"})
    _small_cifar10(monkeypatch, archive)
    server.files["cifar-10-binary.tar.gz"] = archive
    with pytest.raises(DataError, match="test_batch.bin is not a regular file"):
        fetch("cifar10", mirror=server.url + "/good/", directory=tmp_path)
    folder = tmp_path / "cifar10"
    # the verified archive stays (a retry needs no download); no member was put in place
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "cifar-10-binary.tar.gz"
    ]
    assert _leftovers(tmp_path) == []
    # a retry starts from the verified archive already there: no download
    server.requests.clear()
    with pytest.raises(DataError, match="not a regular file"):
        fetch("cifar10", mirror=server.url + "/missing/", directory=tmp_path)
    assert server.requests == []
    shutil.rmtree(folder)
    with pytest.raises(DataError, match="md5"):
        fetch("cifar10", mirror=server.url + "/bad/", directory=tmp_path)
    assert [p.name for p in folder.iterdir()] == []


def test_import_cifar_bins_and_archive(tmp_path, monkeypatch, shared_datasets):
    members = _small_members()
    spec = _small_cifar10(monkeypatch, _tar(members))
    loose = tmp_path / "loose" / "cifar-10-batches-bin"
    loose.mkdir(parents=True)
    for name in SMALL_FILES:
        (loose / name).write_bytes(members[f"cifar-10-batches-bin/{name}"])
    bad = bytearray((loose / "data_batch_2.bin").read_bytes())
    bad[3073] = 42  # the label of record 1
    (loose / "data_batch_2.bin").write_bytes(bytes(bad))
    report = import_folder("cifar10", loose.parent, directory=tmp_path / "data")
    assert dict(report.imported)["data_batch_1.bin"] == "checked by size and labels"
    assert report.failed[0][0] == "data_batch_2.bin" and "label 42" in report.failed[0][1]
    s = status("cifar10", tmp_path / "data")
    assert s.file("data_batch_1.bin").state == "checked" and not s.ready
    # the official archive (here: the stand-in) is checked by md5 and unpacked
    (tmp_path / "usb").mkdir()
    (tmp_path / "usb" / spec.archive.name).write_bytes(_tar(members))
    report = import_folder("cifar10", tmp_path / "usb", directory=tmp_path / "data")
    assert report.ok and report.imported[0][1].startswith("verified (md5), unpacked")
    assert status("cifar10", tmp_path / "data").file("data_batch_2.bin").state == "verified"
    # the genuine 4,000-record prefix is not the official data_batch_1.bin
    monkeypatch.undo()
    (tmp_path / "prefix").mkdir()
    shutil.copy(
        shared_datasets / "cifar10-subset" / "data_batch_1_first4000.bin",
        tmp_path / "prefix" / "data_batch_1.bin",
    )
    report = import_folder("cifar10", tmp_path / "prefix", directory=tmp_path / "other")
    assert (
        "12,292,000 bytes where the official data_batch_1.bin has 30,730,000"
        in (report.failed[0][1])
    )
    assert not (tmp_path / "other" / "cifar10" / "data_batch_1.bin").exists()


# -- the commands ---------------------------------------------------------------------------
def run_data(*argv) -> int:
    """What ``mlpstudio data ...`` does: parse, run the handler, DataError -> status 2."""
    parser = argparse.ArgumentParser(prog="mlpstudio")
    add_data_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["data", *map(str, argv)])
    try:
        return args.handler(args)
    except DataError as exc:
        print(f"mlpstudio: error: {exc}", file=sys.stderr)
        return 2


def test_commands(train_only_store, mnist_server, tmp_path, capsys):
    d = train_only_store
    assert run_data("list", "--dir", d) == 0
    out = capsys.readouterr().out
    assert f"Data folder: {d}" in out and "incomplete, missing t10k-images-idx3-ubyte" in out
    assert run_data("verify", "mnist", "--dir", d) == 2  # incomplete
    assert run_data("fetch", "mnist", "--mirror", mnist_server.url + "/missing/", "--dir", d) == 2
    captured = capsys.readouterr()
    assert "HTTP 404" in captured.err and "/missing/t10k-images-idx3-ubyte.gz" in captured.err
    assert run_data("fetch", "mnist", "--mirror", mnist_server.url + "/good/", "--dir", d) == 0
    captured = capsys.readouterr()
    assert "MNIST: ready" in captured.out and captured.err == ""  # no progress bar off a TTY
    assert run_data("verify", "--dir", d) == 0
    assert run_data("verify", "cifar10", "--dir", d) == 2
    (tmp_path / "empty").mkdir()
    assert run_data("import", "fashion-mnist", tmp_path / "empty", "--dir", d) == 2
    assert "holds none of the Fashion-MNIST files" in capsys.readouterr().err
    assert run_data("import", "mnist", tmp_path / "nowhere", "--dir", d) == 2
    assert "is not a folder" in capsys.readouterr().err
    # damage a file: verify says which, with exit status 2
    path = d / "mnist" / T10K[1]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert run_data("verify", "mnist", "--dir", d) == 2
    assert "t10k-labels-idx1-ubyte.gz: CORRUPT" in capsys.readouterr().out


def test_commands_in_a_fresh_process(train_only_store, shared_datasets, tmp_path):
    code = (
        "import argparse, sys\n"
        "from mlpstudio.cli.data import add_data_commands\n"
        "p = argparse.ArgumentParser()\n"
        "add_data_commands(p.add_subparsers())\n"
        "a = p.parse_args(sys.argv[1:])\n"
        "sys.exit(a.handler(a))\n"
    )
    env = {**os.environ, "MLPSTUDIO_DATA": str(train_only_store)}
    source = tmp_path / "t10k"
    source.mkdir()
    for name in T10K:
        (source / name).symlink_to(shared_datasets / "mnist" / name)
    result = subprocess.run(
        [sys.executable, "-c", code, "data", "import", "mnist", str(source)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "t10k-images-idx3-ubyte.gz: imported, verified (sha256)" in result.stdout
    result = subprocess.run(
        [sys.executable, "-c", code, "data", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0 and "mnist          ready" in result.stdout
