"""Helpers for the hostile-input corpus: run an entry point, and check how it refused.

Every case asserts the refusal contract: exit status 2 (or the refusal exception that the GUI
shows as a dialog), one paragraph without a traceback, peak memory under 600 MB, nothing
written outside ``tmp_path`` and nothing left behind beside the hostile input.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

PEAK_LIMIT_MB = 600
#: A small budget for the cases whose declared sizes are legal but large: the refusal must come
#: from the budget check, before any allocation, whatever memory the test machine has.
TEST_BUDGET = "256M"

#: Runs ``mlpstudio ARGS`` and writes its own peak RSS in kB (ru_maxrss is in bytes on macOS;
#: Windows has no ``resource`` module, so the figure is 0 there).
_RUNNER = r"""
import sys
from mlpstudio.cli import main
try:
    code = main(sys.argv[2:])
finally:
    peak_kb = 0
    try:  # Linux: this process's own high-water mark (ru_maxrss would also count the memory
        # of the test process it was forked from, which survives exec)
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    peak_kb = int(line.split()[1])
    except OSError:
        try:
            import resource
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            peak_kb = peak // 1024 if sys.platform == "darwin" else peak
        except ImportError:
            pass
    with open(sys.argv[1], "w") as out:
        out.write(str(peak_kb))
sys.exit(code)
"""
HAS_FIFO = hasattr(os, "mkfifo")
needs_fifo = pytest.mark.skipif(not HAS_FIFO, reason="no named pipes on this system")
#: Sparse files of gigabytes cost nothing on Linux and macOS, but may be allocated on Windows.
needs_sparse = pytest.mark.skipif(sys.platform == "win32", reason="no cheap sparse files")


def one_paragraph(text: str) -> bool:
    """One non-empty paragraph: no traceback, no blank line inside."""
    text = text.strip()
    return bool(text) and "Traceback" not in text and "\n\n" not in text


def snapshot_tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """A private home, settings folder and data store under tmp_path; yields a checker that
    asserts that nothing new appeared in tmp_path, and afterwards that the home folder (where
    settings, the data store and caches would go) is still empty."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "MLPSTUDIO_CONFIG_DIR": str(home / "config"),
        "MLPSTUDIO_DATA": str(home / "store"),
        "MLPSTUDIO_MEMORY_BUDGET": TEST_BUDGET,
        "QT_QPA_PLATFORM": "offscreen",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)

    class Sandbox:
        root = tmp_path
        environ = env

        def __init__(self):
            self.before = None

        def freeze(self):
            """Remember the tree: every hostile input is in place."""
            self.before = snapshot_tree(tmp_path)

        def assert_unchanged(self):
            after = snapshot_tree(tmp_path)
            new = sorted(after - (self.before or set()))
            assert not new, f"left behind: {new}"

    yield Sandbox()
    # Refusing writes nothing: no settings folder, no data store, no cache in the home folder.
    assert sorted(p.name for p in home.iterdir()) == [], "written into the home folder"


def run_cli(sandbox, *args: str, env: dict | None = None, timeout: float = 60):
    """``mlpstudio ARGS`` in a child process; returns (exit status, stderr, peak RSS in MB)."""
    peak_file = sandbox.root.parent / f"{sandbox.root.name}-peak.txt"  # outside the checked tree
    environ = {**os.environ, **sandbox.environ, **(env or {})}
    environ = {k: v for k, v in environ.items() if v is not None}
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(peak_file), *args],
        cwd=sandbox.root,
        env=environ,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    peak_mb = int(peak_file.read_text()) / 1024 if peak_file.exists() else 0.0
    peak_file.unlink(missing_ok=True)
    return done.returncode, done.stderr, peak_mb


def assert_refused(code: int, stderr: str, peak_mb: float, *words: str) -> None:
    assert code == 2, f"exit {code}: {stderr}"
    assert one_paragraph(stderr), stderr
    assert stderr.count("mlpstudio: error:") == 1, stderr
    for word in words:
        assert word.lower() in stderr.lower(), (word, stderr)
    assert peak_mb < PEAK_LIMIT_MB, f"peak RSS {peak_mb:.0f} MB"


def traced(call):
    """(``call()``'s result, the peak memory it allocated in MB, as tracemalloc saw it)."""
    tracemalloc.start()
    try:
        result = call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak / 2**20


def cli_in_process(capsys, *args: str):
    """``cli.main(ARGS)`` in this process; returns (exit status, stderr, peak traced MB)."""
    from mlpstudio.cli import main

    code, peak = traced(lambda: main(list(args)))
    return code, capsys.readouterr().err, peak


def refusal(error, call, *words: str, peak_limit_mb: float = PEAK_LIMIT_MB) -> str:
    """Call ``call()``, expect ``error``; check its one-paragraph message and the traced peak."""
    tracemalloc.start()
    try:
        with pytest.raises(error) as caught:
            call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(caught.value)
    assert one_paragraph(message) and "\n" not in message.strip(), message
    for word in words:
        assert word.lower() in message.lower(), (word, message)
    assert peak / 2**20 < peak_limit_mb, f"peak {peak / 2**20:.0f} MB"
    return message
