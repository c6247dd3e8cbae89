"""Start-to-window time of the frozen app (build it first with packaging/build.py).

Launches `dist/MLPStudio/MLPStudio --exit-when-shown` several times (offscreen) and measures, from
the launch to the line the app prints once its main window is shown, the median over the runs;
the first run (cold file cache) is reported apart.

    python benchmarks/frozen.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def executable() -> Path:
    if sys.platform == "darwin":
        return ROOT / "dist" / "MLP Studio.app" / "Contents" / "MacOS" / "MLPStudio"
    return (
        ROOT / "dist" / "MLPStudio" / ("MLPStudio.exe" if sys.platform == "win32" else "MLPStudio")
    )


def start_to_window(exe: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.perf_counter()
    proc = subprocess.Popen([str(exe), "--exit-when-shown"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)  # fmt: skip
    for line in proc.stdout:
        if line.startswith("window shown"):
            elapsed = time.perf_counter() - started
            proc.wait(30)
            return elapsed
    proc.wait(30)
    raise SystemExit(f"{exe} never showed its window (exit status {proc.returncode})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    exe = executable()
    if not exe.exists():
        print(f"{exe} not found: run python packaging/build.py first")
        return 1
    first = start_to_window(exe)
    times = [start_to_window(exe) for _ in range(args.runs)]
    print(
        f"frozen start to window: first launch {first:.3f} s; then median "
        f"{statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}, "
        f"{len(times)} launches)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
