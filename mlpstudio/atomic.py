"""The one way MLP Studio writes a file or a results folder: never half-written, never mixed.

Everything is written to a temporary ``.part`` beside its target and renamed into place, so a
crash, a ``kill -9`` or a full disk leaves either the old result or the new one:

* :class:`PartFile` / :func:`atomic_write`: one file, renamed over the target with
  :func:`os.replace`.
* :class:`PartFolder`: a temporary folder beside a target file, for a tool that writes its own
  temporaries (pooch's download); one file from it is renamed over the target.
* :func:`atomic_folder`: a whole results folder (``--out DIR``), built in a temporary folder
  and swapped with the old one in one step.

Temporary names are recognisable (``.NAME.mlpstudio-<12 hex>.part``, the first 4 hex naming
the machine) and each is locked (``flock``) by the process writing it for as long as it writes,
so :func:`remove_stale` (run by every save into a folder, and when the data store is opened)
removes exactly the leftovers of processes that died, never a file another process is still
writing. Another machine's locks may be invisible on a shared drive, and some file systems
cannot lock at all (a folder on NFS): such temporaries are only taken for leftovers once
untouched for :data:`STALE_AGE_S`. Files are created with
the user's umask (a class drive stays readable to others), not ``mkstemp``'s private 0600.

Qt-free and importing nothing else from the package, so that ``data`` and ``experiment`` both
use it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
import socket
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import IO

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows: no locks; leftovers are recognised by their age instead
    fcntl = None

MARKER = "mlpstudio"
#: Without locks (Windows), or from another machine, a temporary untouched for this long is
#: taken for a leftover.
STALE_AGE_S = 3600
#: Names this machine's temporaries (4 hex digits of its host name's hash).
HOST_TAG = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:4]
#: What a file manager leaves in a folder it showed; a results folder may hold these too.
FILE_MANAGER_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
#: Only names this module makes, with its marker: anything else in a folder (a user's own
#: hidden ``.something.part``) is never taken for a leftover.
_TEMP = re.compile(
    rf"^\.(?P<name>.+)\.{MARKER}-(?P<host>[0-9a-f]{{4}})[0-9a-f]{{8}}\.(?P<kind>part|old)$"
)


def temp_name(name: str, kind: str = "part") -> str:
    return f".{name}.{MARKER}-{HOST_TAG}{secrets.token_hex(4)}.{kind}"


LOCKED, BUSY, NO_LOCKS = "locked", "busy", "no locks"


def _lock(fd: int) -> str:
    """Takes the exclusive lock on ``fd`` without waiting: LOCKED, BUSY (another process has
    it) or NO_LOCKS (the file system cannot lock this, e.g. a folder on NFS)."""
    if fcntl is None:
        return NO_LOCKS
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return BUSY
    except OSError:
        return NO_LOCKS
    return LOCKED


def _same_file(path: Path, fd: int) -> bool:
    try:
        a, b = os.stat(path, follow_symlinks=False), os.fstat(fd)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _create_locked(folder: Path, name: str, directory: bool) -> tuple[Path, int]:
    """A new temporary file (or folder) beside its target, locked by this process."""
    for _ in range(100):
        path = folder / temp_name(name)
        try:
            if directory:
                path.mkdir()
                if fcntl is None:  # no locks (and no opening folders) on Windows
                    return path, -1
                fd = os.open(path, os.O_RDONLY)
            else:
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
                fd = os.open(path, flags, 0o666)  # the umask decides, as for any user file
        except FileExistsError:
            continue
        # A cleaner that took the lock in the instant between creation and locking removed
        # the name: then start again with a new one. Where nothing can be locked, the
        # temporary is recognised by its age instead.
        if _lock(fd) != BUSY and _same_file(path, fd):
            return path, fd
        os.close(fd)
    raise FileExistsError(f"cannot create a temporary file in {folder}")


class PartFile:
    """A temporary file beside ``target``, open for binary writing as ``.file``.

    ``commit()`` flushes it to disk and renames it over ``target``; leaving the ``with`` block
    without committing (an error, a cancel) removes it."""

    def __init__(self, target: str | os.PathLike):
        self.target = Path(target)
        folder = self.target.parent
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale(folder)
        self.path, fd = _create_locked(folder, self.target.name, directory=False)
        self.file: IO[bytes] = os.fdopen(fd, "wb")
        self.committed = False

    def commit(self) -> Path:
        self.file.flush()
        os.fsync(self.file.fileno())
        with contextlib.suppress(OSError):  # a file replaced keeps its permissions (0600 stays)
            os.chmod(self.file.fileno(), stat.S_IMODE(os.stat(self.target).st_mode))
        os.replace(self.path, self.target)  # still locked: no cleaner can take it meanwhile
        self.committed = True
        self.file.close()
        return self.target

    def discard(self) -> None:
        if not self.file.closed:
            self.file.close()
        if not self.committed:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def __enter__(self) -> PartFile:
        return self

    def __exit__(self, *exc) -> None:
        self.discard()


class PartFolder:
    """A temporary, locked folder beside ``target`` (``.NAME.mlpstudio-<hex>.part``), for a tool
    that makes its own temporary files inside it. ``commit(path)`` flushes a finished file from
    the folder to disk and renames it over ``target``; leaving the ``with`` block removes the
    folder and whatever is left in it. A killed process leaves a folder that
    :func:`remove_stale` recognises like a ``.part`` file."""

    def __init__(self, target: str | os.PathLike):
        self.target = Path(target)
        folder = self.target.parent
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale(folder)
        self.path, self._fd = _create_locked(folder, self.target.name, directory=True)

    def commit(self, path: str | os.PathLike) -> Path:
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(path, self.target)
        return self.target

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> PartFolder:
        return self

    def __exit__(self, *exc) -> None:
        self.discard()


def atomic_write(path: str | os.PathLike, write: Callable[[IO[bytes]], object]) -> Path:
    """Call ``write(file)`` on a temporary file next to ``path`` (its result is ignored), then
    rename it into place."""
    with PartFile(path) as part:
        write(part.file)
        return part.commit()


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    return atomic_write(path, lambda f: f.write(data))


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    return atomic_write(path, lambda f: f.write(text.encode("utf-8")))


# -- leftovers ------------------------------------------------------------------------------
def remove_stale(folder: str | os.PathLike) -> list[str]:
    """Removes the temporaries in ``folder`` whose writer is gone: their lock is free, and if
    they come from another machine (or cannot be locked) they are also untouched for
    :data:`STALE_AGE_S`. A results folder left aside by a swap that was
    interrupted is put back when its place is empty. Returns the names removed. Best effort:
    a folder that cannot be read or written is left as it is."""
    folder = Path(folder)
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None:
            continue
        path = Path(entry.path)
        fd = -1
        ours = match.group("host") == HOST_TAG
        try:
            old = time.time() - entry.stat(follow_symlinks=False).st_mtime >= STALE_AGE_S
            if fcntl is None or not ours:
                if not old:
                    continue
            if fcntl is not None:
                fd = _open_for_lock(path, entry.is_dir(follow_symlinks=False))
                state = _lock(fd)
                if state == BUSY or (state == NO_LOCKS and not old):
                    continue  # its writer is still at work, or may be
                if not _same_file(path, fd):
                    continue  # renamed into place or removed meanwhile
            original = folder / match.group("name")
            if match.group("kind") == "old" and not os.path.lexists(original):
                os.rename(path, original)  # the previous results, back in place
            elif entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(entry.name)
        except OSError:
            pass
        finally:
            if fd >= 0:
                os.close(fd)
    return removed


# -- results folders ------------------------------------------------------------------------
class FolderRefused(OSError):
    """The target of :func:`atomic_folder` is not a folder that may be replaced."""


def unwritable_beside(target: str | os.PathLike) -> str | None:
    """Why no temporary file can be made beside ``target`` (None: one can), found by making
    one, as every writer here does, and removing it: permissions do not tell (``/proc``, a
    read-only mount, refuse even a user whose permissions allow it). Meant to be called
    before the work whose result goes there."""
    try:
        path, fd = _create_locked(Path(target).parent, Path(target).name, directory=False)
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    os.close(fd)
    path.unlink()
    return None


def check_folder_target(target: str | os.PathLike, expected: Iterable[str]) -> Path:
    """Refuses (:class:`FolderRefused`) a target that is a file, or a folder holding anything
    besides the ``expected`` names (a folder of the user's must never be swapped away), and
    checks that a temporary folder can be made beside it. Meant to be called before the work
    whose results go there, so a long run is not wasted on an unusable folder."""
    target = Path(os.path.abspath(target))  # "." and ".." become names that can be renamed
    if target.is_symlink():  # the results go into the folder it points to
        target = Path(os.path.realpath(target))
    if not target.name:
        raise FolderRefused(f"{target} is the root of a file system, not a results folder")
    if target.exists() and not target.is_dir():
        raise FolderRefused(f"{target} is a file, not a folder")
    if target.is_dir():
        allowed = set(expected) | FILE_MANAGER_FILES
        foreign = sorted(p.name for p in target.iterdir() if p.name not in allowed)
        if foreign:
            shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
            raise FolderRefused(
                f"{target} already holds other files ({shown}), which would be replaced"
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    path, fd = _create_locked(target.parent, target.name, directory=True)
    if fd >= 0:
        os.close(fd)
    path.rmdir()
    return target


@contextlib.contextmanager
def atomic_folder(target: str | os.PathLike, expected: Iterable[str]) -> Iterator[Path]:
    """Yields a new temporary folder beside ``target`` to write the results into; when the block
    ends without an error it takes the place of ``target`` (the old folder, if any, is removed
    only after the swap). On an error, or if the process is killed, ``target`` is as it was."""
    target = check_folder_target(target, expected)
    folder = target.parent
    remove_stale(folder)
    tmp, fd = _create_locked(folder, target.name, directory=True)
    try:
        yield tmp
        _fsync_folder(tmp)
        if not os.path.lexists(target):
            os.rename(tmp, target)
        elif _exchange(tmp, target):
            shutil.rmtree(tmp)  # now the old results
        else:  # two renames; a kill in between is undone by remove_stale
            old = folder / temp_name(target.name, "old")
            os.rename(target, old)
            os.rename(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        _fsync_folder(folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if fd >= 0:
            os.close(fd)


def _open_for_lock(path: Path, directory: bool) -> int:
    """An fd to lock ``path`` with: for writing where possible (NFS needs it for an exclusive
    lock), else for reading."""
    if not directory:
        with contextlib.suppress(OSError):
            return os.open(path, os.O_RDWR)
    return os.open(path, os.O_RDONLY)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Swaps two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the
    system or the file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0
