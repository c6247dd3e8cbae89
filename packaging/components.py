"""What the frozen app folder is made of: sizes per component (the table in packaging/README.md).

    python packaging/components.py [dist/MLPStudio] [--files]

Counts files, not symbolic links (as build.py does). Each file goes to the first component whose
pattern matches its path inside the folder.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPONENTS = [
    ("ICU: libicuuc, libicui18n, libicudata", r"libicu"),
    ("Qt libraries", r"PySide6/Qt/lib/libQt6"),
    ("Qt plugins", r"PySide6/Qt/plugins/"),
    ("Qt translations", r"PySide6/Qt/translations/"),
    ("PySide6 bindings + shiboken", r"(PySide6/|shiboken6/|libpyside6|libshiboken6)"),
    ("OpenBLAS + gfortran (numpy.libs)", r"numpy\.libs/"),
    ("numpy compiled modules", r"numpy/"),
    ("Python: libpython, extension modules, base_library.zip",
     r"(libpython|python3\.\d+/|base_library\.zip|python3\d*\.dll|Python$)"),
    ("OpenSSL", r"(libssl|libcrypto)"),
    ("system libraries (X11/xcb, fonts, glib, dbus...)", r"_internal/lib[^/]*\.(so|dylib)"),
    ("executable + PYZ (all Python code)", r"^MLPStudio(\.exe)?$"),
    ("app resources and export sources", r"_internal/mlpstudio/"),
    ("pyqtgraph data", r"pyqtgraph/"),
    ("other (certifi, charset_normalizer...)", r"."),
]  # fmt: skip


def sizes(folder: Path) -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {label: [] for label, _ in COMPONENTS}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(folder).as_posix()
        label = next(label for label, pattern in COMPONENTS if re.search(pattern, rel))
        found[label].append((rel, path.stat().st_size))
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "dist" / "MLPStudio"))
    parser.add_argument("--files", action="store_true", help="list the files of each component")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"{folder} not found: run python packaging/build.py first")
        return 1
    table = sizes(folder)
    total = sum(size for files in table.values() for _, size in files)
    print("| component | MiB |\n| --- | ---: |")
    for label, files in table.items():
        if files:
            print(f"| {label} | {sum(size for _, size in files) / 2**20:.1f} |")
    print(f"| total | {total / 2**20:.1f} MiB ({total / 1e6:.1f} MB) |")
    if args.files:
        for label, files in table.items():
            for rel, size in files:
                print(f"{size / 2**20:8.2f}  {label}: {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
