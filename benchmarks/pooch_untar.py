"""What pooch's ``Untar`` processor does with a hostile archive (why the store unpacks CIFAR
archives itself).

Builds a 0.2 MB ``.tar.gz`` with two path-traversal members (``../escaped.bin``,
``cifar-10-batches-bin/../../escaped2.bin``), a symbolic link in place of ``test_batch.bin``
(to ``/etc/passwd``) and a 200 MB member of zeros, then runs ``pooch.Untar`` on it in a
temporary folder, with and without ``members=``. Prints what escaped, which links were made
and how many bytes the bomb member wrote. Needs ``pip install pooch``.

    python benchmarks/pooch_untar.py
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path

BOMB = 200 << 20


class _Zeros(io.RawIOBase):
    def __init__(self, n: int):
        self.left = n

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = b"\0" * n
        self.left -= n
        return n


def hostile_archive(path: Path) -> None:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in {
            "cifar-10-batches-bin/data_batch_1.bin": b"x" * 10,
            "../escaped.bin": b"evil",
            "cifar-10-batches-bin/../../escaped2.bin": b"evil",
        }.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        info = tarfile.TarInfo("cifar-10-batches-bin/test_batch.bin")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(info)
        info = tarfile.TarInfo("cifar-10-batches-bin/data_batch_2.bin")
        info.size = BOMB
        tar.addfile(info, io.BufferedReader(_Zeros(BOMB)))


def main() -> int:
    import pooch

    base = Path(tempfile.mkdtemp(prefix="mlpstudio-untar-"))
    try:
        (base / "store").mkdir()
        archive = base / "store" / "cifar-10-binary.tar.gz"
        hostile_archive(archive)
        print(f"Python {sys.version.split()[0]}, pooch {pooch.__version__}, "
              f"archive {archive.stat().st_size:,} bytes")  # fmt: skip
        wanted = [f"cifar-10-batches-bin/{n}" for n in ("data_batch_1.bin", "test_batch.bin",
                                                        "data_batch_2.bin")]  # fmt: skip
        for members in (None, wanted):
            out = base / "store" / ("all" if members is None else "members")
            try:
                pooch.Untar(members=members, extract_dir=out.name)(str(archive), "download", None)
                outcome = "no error"
            except Exception as exc:  # noqa: BLE001 (printed, this is a measurement)
                outcome = f"{type(exc).__name__}: {exc}"
            escaped = sorted(p.relative_to(base).as_posix() for p in base.rglob("escaped*"))
            links = [os.readlink(p) for p in out.rglob("*") if p.is_symlink()]
            bomb = sum(p.stat().st_size for p in out.rglob("data_batch_2.bin") if p.is_file())
            label = "members=None" if members is None else "members=[3 names]"
            print(f"{label:18s} escaped {escaped}  links {links}  bomb wrote {bomb:,} bytes  "
                  f"({outcome})")  # fmt: skip
            for path in base.rglob("escaped*"):
                path.unlink()
    finally:
        shutil.rmtree(base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
