"""Hostile servers and files against the data store: an endless body, a gzip encoding, a wrong
size, a silent or slow server (with Cancel), stale temporaries, an oversized import. Every
server is local (127.0.0.1, in a thread). No test asserts a duration: how fast each refusal
and Cancel is, is measured by ``python benchmarks/hostile_downloads.py``; here the checks are
what happened (the message, the bytes, how often Cancel was looked at, whether the server was
still holding the connection when the download returned)."""

import dataclasses
import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mlpstudio import atomic
from mlpstudio.data import catalog, download, importing, store
from mlpstudio.data.catalog import MNIST, ImageSet
from mlpstudio.data.dataset import DataError
from mlpstudio.data.store import DownloadCancelled, fetch, import_folder, status

LABELS = MNIST.files[3]  # t10k-labels-idx1-ubyte: 4,542 bytes as .gz
SIZE = LABELS.gz_size


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 (http.server's name)
        try:
            self._answer()
        finally:
            self.server.served.append(self.path)  # the server let this request go

    def _answer(self):
        server = self.server
        server.headers_seen.append(dict(self.headers))
        mode = self.path.strip("/").split("/")[0]
        if mode == "silent":  # accepts the connection and never answers
            server.release.wait(30)
            return
        self.send_response(200)
        if mode == "endless":  # no length, and bytes for ever
            self.end_headers()
            block = b"\0" * 65536
            try:
                while not server.release.is_set():
                    self.wfile.write(block)
                    server.sent += len(block)
            except OSError:
                pass
            self.close_connection = True
            return
        if mode == "gzip":  # a 1 MB body that inflates to far more
            body = gzip.compress(b"\0" * (64 << 20), compresslevel=1)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if mode == "wrongsize":  # announces ten times the official size
            self.send_header("Content-Length", str(10 * SIZE))
            self.end_headers()
            try:
                self.wfile.write(b"\0" * (10 * SIZE))
            except OSError:
                pass
            return
        if mode in ("slow", "stall"):  # a trickle, or a few bytes and then silence
            self.send_header("Content-Length", str(SIZE))
            self.end_headers()
            try:
                for _ in range(SIZE):
                    self.wfile.write(b"\0")
                    self.wfile.flush()
                    if server.release.wait(0.2 if mode == "slow" else 30):
                        break
            except OSError:
                pass
            self.close_connection = True
            return
        self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def hostile(monkeypatch, tmp_path):
    """A hostile server, the store in tmp_path pointed at it, and a one-file MNIST."""
    for variable in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(variable, "127.0.0.1,localhost")
    for variable in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(variable, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    httpd.daemon_threads = True
    httpd.release = threading.Event()
    httpd.headers_seen = []
    httpd.served = []
    httpd.sent = 0
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    monkeypatch.setitem(catalog.SETS, "mnist", dataclasses.replace(MNIST, files=(LABELS,)))
    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path / "data"))
    yield httpd
    httpd.release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def _fetch(server, mode, **kwargs):
    return fetch("mnist", mirror=f"{server.url}/{mode}/", **kwargs)


def _leftovers(tmp_path):
    found = (tmp_path / "data").rglob("*")
    return sorted(p.name for p in found if p.name not in (".verified.json", "mnist"))


def test_endless_body_stops_at_the_catalogue_size(hostile, tmp_path):
    seen = []
    with pytest.raises(DataError, match=f"more than the {SIZE:,} bytes"):
        _fetch(hostile, "endless", progress=lambda name, done, total: seen.append(done))
    assert max(seen, default=0) <= SIZE  # never more on disk than the official file
    assert _leftovers(tmp_path) == []


def test_content_encoding_is_refused_and_identity_asked(hostile, tmp_path):
    seen = []
    with pytest.raises(DataError, match="'gzip' encoding"):
        _fetch(hostile, "gzip", progress=lambda name, done, total: seen.append(done))
    assert seen == []  # not a byte written
    assert {h.get("Accept-Encoding") for h in hostile.headers_seen} == {"identity"}
    assert _leftovers(tmp_path) == []


def test_announced_wrong_size_is_refused_before_the_body(hostile, tmp_path):
    seen = []
    with pytest.raises(DataError, match=f"announced {10 * SIZE:,} bytes"):
        _fetch(hostile, "wrongsize", progress=lambda name, done, total: seen.append(done))
    assert seen == []
    assert _leftovers(tmp_path) == []


def test_silence_limit_is_at_most_ten_seconds():
    assert 0 < download.TIMEOUT_S <= 10
    assert download.CANCEL_POLL_S <= 0.5


@pytest.mark.parametrize("mode", ["silent", "stall"])
def test_silent_server_is_given_up(hostile, tmp_path, monkeypatch, mode):
    monkeypatch.setattr(download, "TIMEOUT_S", 1)  # the same code path as 10 s, in a test's time
    with pytest.raises(DataError, match="the server sent nothing for 1 s") as info:
        _fetch(hostile, mode)
    # both addresses of a mirror (set folder, then the mirror's own) were given up for their
    # silence, while the server still held them (it lets go after 30 s, or at the end)
    assert str(info.value).count("the server sent nothing for 1 s") == 2
    assert hostile.served == []
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("mode", ["silent", "slow", "stall"])
def test_cancel_is_looked_at_while_the_server_holds_back(hostile, tmp_path, mode):
    """Cancel is polled every CANCEL_POLL_S (at most 0.5 s, test_silence_limit...) even while
    the server sends nothing, and the first True ends the download at once: no further poll,
    and the server still holds the connection when fetch returns."""
    polls = []

    def cancel() -> bool:
        polls.append(bool(hostile.headers_seen))  # after the server got the request?
        return sum(polls) >= 3

    with pytest.raises(DownloadCancelled):
        _fetch(hostile, mode, cancel=cancel)
    assert sum(polls) == 3  # polled three times while waiting, stopped at the first True
    assert hostile.served == []  # returned without waiting for the server
    assert _leftovers(tmp_path) == []


def test_stale_parts_are_removed_when_the_store_is_opened(hostile, tmp_path):
    folder = tmp_path / "data" / "mnist"
    folder.mkdir(parents=True)
    old_style = folder / ".t10k-labels-idx1-ubyte.gz.0123456789ab.part"
    killed = folder / atomic.temp_name("t10k-labels-idx1-ubyte.gz")
    for path in (old_style, killed):
        path.write_bytes(b"\0" * 1000)
    unrelated = folder / "notes.part"
    unrelated.write_text("mine")
    with atomic.PartFile(folder / "t10k-labels-idx1-ubyte.gz") as busy:  # a download running
        busy.file.write(b"x")
        busy.file.flush()
        status("mnist")
        assert not old_style.exists() and not killed.exists()
        assert busy.path.exists()  # locked by its writer: kept
        assert unrelated.exists()
    assert not busy.path.exists()


def test_import_compares_sizes_before_copying(tmp_path, monkeypatch):
    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path / "data"))
    source = tmp_path / "stick"
    source.mkdir()
    huge = source / "train-labels-idx1-ubyte"
    with open(huge, "wb") as handle:  # 3 GB, sparse: costs no disk space here
        handle.truncate(3 << 30)

    def no_copy(*args, **kwargs):
        raise AssertionError("a temporary copy was started")

    monkeypatch.setattr(importing, "PartFile", no_copy)
    report = import_folder("mnist", source)
    (name, why), *_ = report.failed
    assert name == "train-labels-idx1-ubyte"
    assert f"{3 << 30:,} bytes" in why and "nothing was copied" in why
    assert not (tmp_path / "data" / "mnist" / "train-labels-idx1-ubyte").exists()


def test_import_refuses_an_oversized_gzip(tmp_path, monkeypatch):
    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path / "data"))
    source = tmp_path / "stick"
    source.mkdir()
    big = source / "t10k-labels-idx1-ubyte.gz"
    big.write_bytes(gzip.compress(b"") + b"\0" * (LABELS.content_size + 200_000))
    monkeypatch.setitem(catalog.SETS, "mnist", dataclasses.replace(MNIST, files=(LABELS,)))
    report = import_folder("mnist", source)
    assert report.failed and "nothing was copied" in report.failed[0][1]
    assert report.imported == []


def test_downloads_refuse_a_set_larger_than_its_catalogue(hostile):
    """The limit comes from the catalogue, the one place the sizes are written."""
    assert isinstance(catalog.image_set("mnist"), ImageSet)
    assert catalog.image_set("mnist").files[0].gz_size == SIZE


@pytest.mark.parametrize("mode", ["silent", "slow"])
def test_download_dialog_cancel_closes_it(hostile, qtbot, monkeypatch, mode):
    """The Data panel's Download... dialog against a silent or a trickling server: Cancel
    closes it, with "Download cancelled", while the server still holds the connection (how
    fast: benchmarks/hostile_downloads.py)."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    from mlpstudio.gui import datasets

    shown = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda parent, title, text, *a, k=kind: shown.append((k, title, text))),
        )
    monkeypatch.setenv("MLPSTUDIO_MIRROR", f"{hostile.url}/{mode}/")
    parent = QWidget()
    qtbot.addWidget(parent)
    results = []
    dialog = datasets.download(parent, "mnist", results.append)
    qtbot.waitUntil(lambda: bool(hostile.headers_seen), timeout=5_000)
    qtbot.wait(300)
    assert results == []  # still waiting on the server
    gone = []
    dialog.destroyed.connect(lambda *_: gone.append(True))
    dialog.canceled.emit()  # what the Cancel button does
    qtbot.waitUntil(lambda: bool(results), timeout=5_000)
    assert hostile.served == []  # it did not wait for the server
    qtbot.waitUntil(lambda: bool(gone), timeout=5_000)  # it cleans itself up (before parent)
    assert results == [False]
    assert shown[-1][1] == "Download cancelled"


@pytest.mark.parametrize("kind", ["deep", "huge", "fifo", "junk"])
def test_hostile_manifest_is_ignored_not_fatal(tmp_path, monkeypatch, kind):
    """The store's .verified.json only remembers checks: a deep, huge, non-regular or garbled
    one is ignored (the checks are done again), never a traceback or a hang."""
    import os

    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path / "data"))
    folder = tmp_path / "data" / "mnist"
    folder.mkdir(parents=True)
    manifest = folder / store.MANIFEST
    if kind == "deep":
        manifest.write_text("[" * 100_000 + "]" * 100_000)
    elif kind == "huge":
        with open(manifest, "wb") as handle:  # sparse: no disk space
            handle.truncate(2 << 30)
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(manifest)
    else:
        manifest.write_bytes(b"\xff\xfe{not json")
    result = status("mnist")  # a pipe must not block it (the test would hang)
    assert result.state == "missing"
