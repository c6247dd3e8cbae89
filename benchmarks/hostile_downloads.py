"""Hostile download servers against the real MNIST catalogue, with the real limits.

Serves, on 127.0.0.1, an endless body, a 1 MB gzip-encoded body, a silent server and a
trickling one, and fetches MNIST's first file (train-images, 9,912,422 bytes) from each into a
temporary store (through pooch.retrieve and the store's downloader). Prints, per case: how long
the fetch took, the most bytes a temporary file held (pooch's own temporary inside the
store's ``.part`` folder), and the first words of the refusal. The silent case takes about
2 x TIMEOUT_S (a mirror is tried at two addresses); the cancel cases press Cancel after one
second.

    python benchmarks/hostile_downloads.py
"""

from __future__ import annotations

import gzip
import os
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlpstudio.data import catalog, store  # noqa: E402
from mlpstudio.data.dataset import DataError  # noqa: E402

STOP = threading.Event()
GZIP_BODY = gzip.compress(b"\0" * (1 << 30), compresslevel=9)  # 1 MB that inflates to 1 GB


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802
        mode = self.path.strip("/").split("/")[0]
        if mode == "silent":
            STOP.wait(60)
            return
        self.send_response(200)
        if mode == "gzip":
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(GZIP_BODY)))
            self.end_headers()
            self.wfile.write(GZIP_BODY)
            return
        self.end_headers()
        block = b"\0" * (65536 if mode == "endless" else 1)
        try:
            while not STOP.is_set():
                self.wfile.write(block)
                if mode == "slow":
                    time.sleep(0.1)
        except OSError:
            pass
        self.close_connection = True

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a client that hung up: expected here
        pass


def largest_part(folder: Path, seen: list[int], done: threading.Event) -> None:
    while not done.is_set():
        for path in folder.rglob("*"):
            try:
                if path.is_file() and any(p.suffix == ".part" for p in (path, *path.parents)):
                    seen.append(path.stat().st_size)
            except OSError:
                pass
        time.sleep(0.01)


def run(url: str, mode: str, cancel_after: float | None) -> None:
    directory = Path(tempfile.mkdtemp(prefix="mlpstudio-hostile-"))
    seen: list[int] = [0]
    done = threading.Event()
    watcher = threading.Thread(target=largest_part, args=(directory, seen, done), daemon=True)
    watcher.start()
    started = time.monotonic()
    cancel = None
    if cancel_after is not None:
        cancel = lambda: time.monotonic() - started > cancel_after  # noqa: E731
    try:
        store.fetch("mnist", mirror=f"{url}/{mode}/", cancel=cancel, directory=directory)
        outcome = "downloaded (unexpected)"
    except DataError as exc:
        outcome = str(exc)[:100]
    seconds = time.monotonic() - started
    done.set()
    watcher.join()
    leftovers = [p.name for p in directory.rglob("*") if p.suffix == ".part" or "tmp" in p.name]
    label = mode
    if cancel_after is not None:
        label += f" + cancel at {cancel_after:.0f} s"
        outcome = f"returned {seconds - cancel_after:.2f} s after Cancel; {outcome}"
    print(f"{label:24s} {seconds:6.2f} s  largest .part {max(seen):>10,} B  "
          f"leftovers {len(leftovers)}  {outcome}")  # fmt: skip


def main() -> int:
    os.environ.setdefault("NO_PROXY", "127.0.0.1")
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"TIMEOUT_S = {store.TIMEOUT_S}; catalogue size of train-images .gz = "
          f"{catalog.image_set('mnist').files[0].gz_size:,} B")  # fmt: skip
    for mode, cancel_after in (
        ("endless", None),
        ("gzip", None),
        ("silent", None),
        ("silent", 1.0),
        ("slow", 1.0),
    ):
        run(url, mode, cancel_after)
    STOP.set()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
