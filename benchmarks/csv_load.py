"""Loading a large CSV file: seconds and peak memory against the size of the data.

    python benchmarks/csv_load.py [--rows 1000000] [--cols 10] [--repeats 3]

Writes a file of random numbers (``;`` and decimal comma too, as a Spanish spreadsheet exports
it) to a temporary folder, reads it with :func:`mlpstudio.data.tabular.read_table` in a fresh
process per run, and prints seconds and the process's peak resident memory over the baseline,
as a multiple of the float64 data (rows x cols x 8 bytes) and of the file size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

# ru_maxrss survives exec (it would report the parent's peak): read the kernel's high-water
# mark of this process's own memory instead.
CHILD = r"""
import json, sys, time
import numpy as np
from mlpstudio.data import tabular
def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) / 1024
base = status("VmRSS:")
start = time.perf_counter()
table = tabular.read_table(sys.argv[1])
seconds = time.perf_counter() - start
peak = status("VmHWM:")
print(json.dumps({"seconds": seconds, "extra_mb": peak - base, "shape": table.x.shape}))
"""


def write_file(path: Path, rows: int, cols: int, spanish: bool) -> None:
    rng = np.random.default_rng(0)
    data = rng.normal(size=(rows, cols))
    sep = ";" if spanish else ","
    header = sep.join(f"x{j}" for j in range(cols - 1)) + sep + "y"
    np.savetxt(path, data, fmt="%.4f", delimiter=sep, header=header, comments="")
    if spanish:
        path.write_text(path.read_text().replace(".", ","))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--cols", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    data_mb = args.rows * args.cols * 8 / 2**20
    print(f"{args.rows} rows x {args.cols} columns; float64 data {data_mb:.0f} MiB")
    print(f"{'file':<22} {'MiB':>6} {'seconds':>16} {'peak extra MiB':>16} {'x data':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for spanish in (False, True):
            path = Path(tmp) / ("es.csv" if spanish else "en.csv")
            write_file(path, args.rows, args.cols, spanish)
            runs = [
                json.loads(subprocess.run([sys.executable, "-c", CHILD, str(path)], check=True,
                                          capture_output=True, text=True).stdout)
                for _ in range(args.repeats)
            ]  # fmt: skip
            seconds = [r["seconds"] for r in runs]
            extra = [r["extra_mb"] for r in runs]
            name = "';' + decimal comma" if spanish else "',' + decimal point"
            print(
                f"{name:<22} {path.stat().st_size / 2**20:>6.0f} "
                f"{min(seconds):>7.2f}-{max(seconds):<7.2f} {max(extra):>16.0f} "
                f"{max(extra) / data_mb:>8.2f}"
            )


if __name__ == "__main__":
    main()
