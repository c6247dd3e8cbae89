"""Atomic outputs: ``kill -9`` during a save and during an ``--out`` folder swap leaves the
previous result whole, the next save leaves no leftovers, a failing run changes nothing, and
files are created with the user's umask."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mlpstudio import atomic, cli
from mlpstudio.experiment import files

KILLS = 20
VERSION_BYTES = 256 * 1024  # one version of a file: large enough to be killed mid-write

# The child writes versions 1, 2, 3, ... over and over; every byte of version v is v % 251,
# so a half-written or mixed file is visible byte by byte.
_CHILD = r"""
import sys
from mlpstudio import atomic

mode, target, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
NAMES = ("history.csv", "model.npz", "config.toml", "model.json")
print("ready", flush=True)
version = 1
while True:
    version += 1
    block = bytes([version % 251]) * (size // 8)
    if mode == "file":
        def write(handle):
            for _ in range(8):
                handle.write(block)
                handle.flush()
        atomic.atomic_write(target, write)
    else:
        with atomic.atomic_folder(target, NAMES) as folder:
            for name in NAMES:
                def write(handle):
                    for _ in range(8):
                        handle.write(block)
                        handle.flush()
                atomic.atomic_write(folder / name, write)
"""


def _whole(path: Path) -> int:
    """The version a file holds; fails if it is partial or mixed."""
    data = path.read_bytes()
    assert len(data) == VERSION_BYTES, f"{path.name}: {len(data)} bytes, a partial write"
    assert data == bytes([data[0]]) * VERSION_BYTES, f"{path.name}: two versions mixed"
    return data[0]


def _kill_during(mode: str, target: Path, rng: random.Random) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, mode, str(target), str(VERSION_BYTES)],
        stdout=subprocess.PIPE,
    )
    try:
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.15))
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)


def _other_entries(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


def test_kill_during_save_keeps_the_previous_file_and_next_save_cleans(tmp_path):
    rng = random.Random(7)
    target = tmp_path / "run.mlpx"
    atomic.atomic_write_bytes(target, bytes([1]) * VERSION_BYTES)
    left_behind = 0
    for _ in range(KILLS):
        _kill_during("file", target, rng)
        _whole(target)  # the previous (or a later, complete) version: never a partial one
        left_behind += len(_other_entries(tmp_path, target.name))
        atomic.atomic_write_bytes(target, bytes([1]) * VERSION_BYTES)  # the next save
        assert _other_entries(tmp_path, target.name) == []
        assert _whole(target) == 1
    assert left_behind > 0, "no kill landed during a write: the test proved nothing"


def test_kill_during_out_keeps_the_previous_folder_and_next_run_cleans(tmp_path):
    rng = random.Random(11)
    target = tmp_path / "results"
    names = ("history.csv", "model.npz", "config.toml", "model.json")

    def write_version(folder: Path, version: int) -> None:
        for name in names:
            atomic.atomic_write_bytes(folder / name, bytes([version]) * VERSION_BYTES)

    with atomic.atomic_folder(target, names) as folder:
        write_version(folder, 1)
    left_behind = 0
    for _ in range(KILLS):
        _kill_during("folder", target, rng)
        versions = {_whole(target / name) for name in names}
        assert len(versions) == 1, f"two runs mixed in one folder: {versions}"
        assert sorted(p.name for p in target.iterdir()) == sorted(names)
        left_behind += len(_other_entries(tmp_path, target.name))
        with atomic.atomic_folder(target, names) as folder:  # the next run
            write_version(folder, 1)
        assert _other_entries(tmp_path, target.name) == []
        assert {_whole(target / name) for name in names} == {1}
    assert left_behind > 0, "no kill landed during a run: the test proved nothing"


def test_interrupted_two_rename_swap_is_put_back(tmp_path, monkeypatch):
    """Where the system cannot swap two folders in one step, a kill between the two renames
    leaves the old results under a temporary name; the next look at the folder puts them back."""
    target = tmp_path / "results"
    target.mkdir()
    (target / "history.csv").write_text("old")
    aside = tmp_path / atomic.temp_name("results", "old")
    os.rename(target, aside)  # the state a kill between the renames leaves
    atomic.remove_stale(tmp_path)
    assert (target / "history.csv").read_text() == "old"
    assert _other_entries(tmp_path, "results") == []
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    with atomic.atomic_folder(target, ("history.csv",)) as folder:
        (folder / "history.csv").write_text("new")
    assert (target / "history.csv").read_text() == "new"
    assert _other_entries(tmp_path, "results") == []


def _train(out: Path) -> int:
    return cli.main(["train", "--epochs", "2", "--seed", "1", "--out", str(out)])


def test_failing_train_run_leaves_the_previous_results_whole(tmp_path, monkeypatch, capsys):
    out = tmp_path / "res"
    assert _train(out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(before) == sorted(files.TRAIN_OUT_FILES)

    def disk_full(path, network):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "save_model", disk_full)
    capsys.readouterr()
    assert cli.main(["train", "--epochs", "3", "--seed", "2", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # not two runs mixed
    assert _other_entries(tmp_path, "res") == []


@pytest.mark.parametrize("where", ["under-a-file", "a-file", "proc", "foreign-files"])
def test_out_that_cannot_be_used_is_refused_before_training(tmp_path, capsys, where, monkeypatch):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine")
    out = {
        "under-a-file": blocker / "res",
        "a-file": blocker,
        "proc": Path("/proc/mlpstudio-results"),
        "foreign-files": tmp_path,
    }[where]
    if where == "proc" and not Path("/proc/self").is_dir():
        pytest.skip("no /proc on this system")
    trained = []
    monkeypatch.setattr(cli, "run_training", lambda *a, **k: trained.append(1))
    assert _train(out) == 2
    err = capsys.readouterr().err
    assert err.startswith("mlpstudio: error: Cannot write the results to ")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert trained == []  # refused before any training
    assert blocker.read_text() == "mine"


@pytest.mark.parametrize(
    ("umask", "file_mode", "folder_mode"), [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)]
)
def test_files_follow_the_umask(tmp_path, umask, file_mode, folder_mode):
    old = os.umask(umask)
    try:
        path = atomic.atomic_write_text(tmp_path / "export.csv", "a,b\n")
        with atomic.atomic_folder(tmp_path / "results", ("x.csv",)) as folder:
            atomic.atomic_write_text(folder / "x.csv", "1\n")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == file_mode
    assert (tmp_path / "results" / "x.csv").stat().st_mode & 0o777 == file_mode
    assert (tmp_path / "results").stat().st_mode & 0o777 == folder_mode


def test_one_atomic_writer():
    """experiment.files re-exports the one writer, and no other module of the package renames
    or moves files, or makes temporary files to rename: mlpstudio/atomic.py is the only place."""
    import re
    from pathlib import Path

    import mlpstudio

    assert files.atomic_write is atomic.atomic_write
    renames = re.compile(r"os\.(replace|rename)\(|shutil\.move\(|mkstemp\(|NamedTemporaryFile\(")
    package = Path(mlpstudio.__file__).parent
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        if path.name != "atomic.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if renames.search(line)
    ]
    assert offenders == []


def test_without_locks_leftovers_are_recognised_by_age(tmp_path, monkeypatch):
    """Where there is no flock (Windows), only temporaries untouched for an hour are removed."""
    monkeypatch.setattr(atomic, "fcntl", None)
    fresh = tmp_path / atomic.temp_name("run.mlpx")
    old = tmp_path / atomic.temp_name("run.mlpx")
    for path in (fresh, old):
        path.write_bytes(b"x")
    hours_ago = time.time() - 2 * atomic.STALE_AGE_S
    os.utime(old, (hours_ago, hours_ago))
    atomic.atomic_write_text(tmp_path / "run.mlpx", "new")
    assert fresh.exists() and not old.exists()
    with atomic.atomic_folder(tmp_path / "results", ("a.txt",)) as folder:
        atomic.atomic_write_text(folder / "a.txt", "1")
    assert (tmp_path / "results" / "a.txt").read_text() == "1"


def test_out_through_a_link_writes_into_the_linked_folder(tmp_path):
    real = tmp_path / "real"
    with atomic.atomic_folder(real, ("a.txt",)) as folder:
        atomic.atomic_write_text(folder / "a.txt", "1")
    link = tmp_path / "link"
    link.symlink_to(real)
    with atomic.atomic_folder(link, ("a.txt",)) as folder:
        atomic.atomic_write_text(folder / "a.txt", "2")
    assert link.is_symlink() and (real / "a.txt").read_text() == "2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def test_compare_out_is_atomic_and_checked_first(tmp_path, capsys, monkeypatch):
    out = tmp_path / "cmp"
    args = ["compare", "--hidden", "3", "--epochs", "2", "--seed", "1", "--out", str(out)]
    assert cli.main(args) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(files.COMPARE_OUT_FILES)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "thesis.tex").write_text("mine")
    capsys.readouterr()
    assert cli.main([*args[:-1], str(tmp_path / "keep")]) == 2
    assert "thesis.tex" in capsys.readouterr().err
    assert (tmp_path / "keep" / "thesis.tex").read_text() == "mine"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_another_machines_temporaries_wait_for_their_age(tmp_path):
    """On a shared drive another machine's lock may be invisible here: its temporaries are only
    removed once untouched for an hour; this machine's are removed as soon as they are free."""
    other = "0000" if atomic.HOST_TAG != "0000" else "ffff"
    busy = tmp_path / f".data.bin.{atomic.MARKER}-{other}12345678.part"
    dead = tmp_path / f".data.bin.{atomic.MARKER}-{other}87654321.part"
    mine = tmp_path / atomic.temp_name("data.bin")
    for path in (busy, dead, mine):
        path.write_bytes(b"x")
    hours_ago = time.time() - 2 * atomic.STALE_AGE_S
    os.utime(dead, (hours_ago, hours_ago))
    removed = atomic.remove_stale(tmp_path)
    assert sorted(removed) == sorted([dead.name, mine.name])
    assert busy.exists()


def test_where_nothing_can_be_locked_results_are_still_written(tmp_path, monkeypatch):
    """NFS refuses an exclusive lock on a folder: --out still works, and leftovers there are
    recognised by their age instead of their lock."""
    monkeypatch.setattr(atomic, "_lock", lambda fd: atomic.NO_LOCKS)
    with atomic.atomic_folder(tmp_path / "results", ("a.txt",)) as folder:
        atomic.atomic_write_text(folder / "a.txt", "1")
    assert (tmp_path / "results" / "a.txt").read_text() == "1"
    fresh = tmp_path / atomic.temp_name("results")
    old = tmp_path / atomic.temp_name("results")
    fresh.mkdir()
    old.mkdir()
    hours_ago = time.time() - 2 * atomic.STALE_AGE_S
    os.utime(old, (hours_ago, hours_ago))
    assert atomic.remove_stale(tmp_path) == [old.name]
    assert fresh.exists()


def test_a_users_own_hidden_part_files_are_never_taken_for_leftovers(tmp_path):
    """Only names with the app's marker are ever removed (not .photos.abcd1234.part)."""
    album = tmp_path / ".photos.abcd1234.part"
    album.mkdir()
    (album / "img.jpg").write_bytes(b"x")
    notes = tmp_path / ".notes.0123456789ab.part"
    notes.write_text("mine")
    leftover = tmp_path / atomic.temp_name("run.mlpx")
    leftover.write_bytes(b"half")
    assert atomic.remove_stale(tmp_path) == [leftover.name]
    assert (album / "img.jpg").exists() and notes.exists()


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    import os
    import stat

    from mlpstudio.atomic import atomic_write_text

    target = tmp_path / "private.txt"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o600)
    atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
