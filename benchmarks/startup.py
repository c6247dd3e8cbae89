"""Start time of the desktop app: process start to main window shown (target <= 0.5 s).

Launches `python -m mlpstudio --exit-when-shown` (or, with --frozen, the built app in
dist/MLPStudio) several times, offscreen. The app prints one line at its main window's first
expose event (the moment it can be seen); this script reports, over the launches, the median and
the range of:

- wall: from this script's launch of the process to that line (what a user waits);
- since start: the app's own age at that moment, from /proc/self/stat (Linux; 10 ms ticks);
- cpu: the CPU time the process used until then (user + system). On a busy machine the wall
  times stretch with the load while the CPU time barely moves, so it is the figure to compare
  between two builds there; on a quiet machine wall ~ cpu.

The first launch (cold file cache, byte code being written) is reported apart. The launches run
with byte-code caching on (PYTHONDONTWRITEBYTECODE removed), as an installed app has it.
--importtime runs one more launch under `python -X importtime` and lists the slowest imports.

    python benchmarks/startup.py [--runs 7] [--frozen | --exe PATH] [--lang es] [--importtime]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 0.5
LINE = re.compile(
    r"window shown after (?P<inproc>[\d.]+) s in-process"
    r"(?:, (?P<since>[\d.]+) s since process start)?(?: \(cpu (?P<cpu>[\d.]+) s\))?"
)


def command(frozen: bool, lang: str | None, exe: str | None = None) -> list[str]:
    if exe:
        cmd = [exe]
    elif frozen:
        name = "MLPStudio.exe" if sys.platform == "win32" else "MLPStudio"
        cmd = [str(ROOT / "dist" / "MLPStudio" / name)]
    else:
        cmd = [sys.executable, "-m", "mlpstudio"]
    return cmd + ["--exit-when-shown"] + (["--lang", lang] if lang else [])


def environment() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cpu_seconds(pid: int) -> float | None:
    """CPU time a running process has used (Linux /proc, 10 ms ticks): for an older build whose
    line does not carry it; read as the line arrives."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def launch(cmd: list[str]) -> dict[str, float]:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=environment(), cwd=ROOT)  # fmt: skip
    try:
        for line in proc.stdout:
            match = LINE.match(line)
            if match:
                wall = time.perf_counter() - started
                cpu = float(match["cpu"]) if match["cpu"] else cpu_seconds(proc.pid)
                proc.wait(60)
                result = {"wall": wall}
                if cpu is not None:
                    result["cpu"] = cpu
                if match["since"]:
                    result["since start"] = float(match["since"])
                return result
    finally:
        if proc.poll() is None:
            proc.kill()
    raise SystemExit(f"{' '.join(cmd)} never showed its window (exit status {proc.returncode})")


def importtime(cmd: list[str], top: int = 20) -> None:
    """One launch under -X importtime: the imports with the largest cumulative time."""
    if cmd[0] != sys.executable:
        print("--importtime needs the source app (not --frozen)")
        return
    result = subprocess.run([sys.executable, "-X", "importtime", *cmd[1:]], capture_output=True,
                            text=True, env=environment(), cwd=ROOT, timeout=120)  # fmt: skip
    rows = []
    for line in result.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    print(f"slowest imports (cumulative ms, one launch; {len(rows)} modules imported):")
    for cumulative, name in sorted(rows, reverse=True)[:top]:
        print(f"  {cumulative / 1000:8.1f}  {name}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frozen", action="store_true", help="the built app in dist/MLPStudio")
    parser.add_argument("--exe", help="this built app instead (e.g. an older build to compare)")
    parser.add_argument("--lang", help="interface language (en, es)")
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports")
    args = parser.parse_args(argv)
    cmd = command(args.frozen, args.lang, args.exe)
    if (args.frozen or args.exe) and not Path(cmd[0]).exists():
        print(f"{cmd[0]} not found: run python packaging/build.py first")
        return 1
    first = launch(cmd)
    runs = [launch(cmd) for _ in range(args.runs)]
    print(f"{' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}: "
          f"{len(runs)} launches after a first one")  # fmt: skip
    for key in ("wall", "since start", "cpu"):
        values = [run[key] for run in runs if key in run]
        if values:
            print(f"  {key:12s} median {statistics.median(values):.3f} s  "
                  f"(min {min(values):.3f}, max {max(values):.3f}; first launch "
                  f"{first.get(key, float('nan')):.3f})")  # fmt: skip
    median = statistics.median(run["wall"] for run in runs)
    verdict = "meets" if median <= TARGET_S else "misses"
    print(f"  target: start to window <= {TARGET_S} s: the median wall time {verdict} it")
    print(f"  load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if args.importtime:
        importtime(cmd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
