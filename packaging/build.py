"""Build MLP Studio for the current operating system.

    python packaging/build.py              # the app folder in dist/MLPStudio (PyInstaller onedir)
    python packaging/build.py --smoke      # ... then run the frozen app's --smoke check
    python packaging/build.py --installer  # ... and wrap it: .tar.gz (Linux), .dmg (macOS),
                                           #     Inno Setup installer (Windows, needs iscc)

Steps: compile the translations (.ts -> .qm), draw the icons from resources/icons/mlpstudio.svg
(PNG, ICO, ICNS), write the Windows version file, run PyInstaller with packaging/mlpstudio.spec,
then report the build time and the size of the folder. Needs the dev extra
(`pip install -e ".[dev]"`).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Where the build goes: the checkout, or MLPSTUDIO_BUILD_DIR (the tests build in a temporary
# folder); the spec reads the same variable for the icons and the version file.
OUTPUT = Path(os.environ.get("MLPSTUDIO_BUILD_DIR") or ROOT)
GENERATED = OUTPUT / "build" / "packaging"
DIST = OUTPUT / "dist"
APP_DIR = DIST / "MLPStudio"
sys.path.insert(0, str(ROOT))

from mlpstudio import __version__  # noqa: E402


def executable() -> Path:
    if sys.platform == "darwin":
        return DIST / "MLP Studio.app" / "Contents" / "MacOS" / "MLPStudio"
    return APP_DIR / ("MLPStudio.exe" if sys.platform == "win32" else "MLPStudio")


def compile_translations() -> None:
    subprocess.run([sys.executable, str(ROOT / "packaging" / "translations.py"), "compile"],
                   check=True, cwd=ROOT)  # fmt: skip


def make_icons() -> None:
    """PNG, ICO and ICNS renderings of the SVG icon, with Qt's own image writers."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QIcon, QImageWriter

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (needed for QIcon)
    icon = QIcon(str(ROOT / "resources" / "icons" / "mlpstudio.svg"))
    GENERATED.mkdir(parents=True, exist_ok=True)
    image = icon.pixmap(QSize(256, 256)).toImage()
    if not image.save(str(GENERATED / "mlpstudio.png")):
        raise SystemExit("could not write the PNG icon")
    for fmt in ("ico", "icns"):
        writer = QImageWriter(str(GENERATED / f"mlpstudio.{fmt}"), fmt.encode())
        if not writer.write(image):
            print(f"note: no {fmt} icon ({writer.errorString()})")


def write_version_info() -> None:
    """The Windows file version resource (shown in Explorer's properties)."""
    parts = [int(p) for p in __version__.split(".")[:3]] + [0]
    numbers = ", ".join(str(p) for p in (parts + [0, 0, 0, 0])[:4])
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({numbers}), prodvers=({numbers}), mask=0x3f, flags=0x0, OS=0x40004,
    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('040904B0', [
    StringStruct('CompanyName', 'MLP Studio'),
    StringStruct('FileDescription', 'MLP Studio: learn multilayer perceptrons'),
    StringStruct('FileVersion', '{__version__}'),
    StringStruct('ProductName', 'MLP Studio'),
    StringStruct('ProductVersion', '{__version__}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])]
)
"""
    (GENERATED / "version_info.txt").write_text(text, encoding="utf-8")


def run_pyinstaller() -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "packaging" / "mlpstudio.spec"),
         "--noconfirm", "--clean", "--distpath", str(DIST),
         "--workpath", str(OUTPUT / "build" / "pyinstaller")],
        check=True, cwd=ROOT,
    )  # fmt: skip
    return time.perf_counter() - started


def strip_python() -> None:
    """Drop the debug symbols of the Python interpreter and its own extension modules on Linux
    (most of their size: libpython alone is 22 of 26 MB). Libraries from wheels are left alone:
    auditwheel repaired them, and stripping breaks them (numpy's OpenBLAS then fails to load)."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return
    internal = APP_DIR / "_internal"
    targets = list(internal.glob("libpython3*.so*"))
    targets += list((internal / f"python{sys.version_info.major}.{sys.version_info.minor}")
                    .rglob("*.so"))  # fmt: skip
    for lib in targets:
        if lib.is_file() and not lib.is_symlink():
            subprocess.run([strip, "--strip-debug", str(lib)], check=True)


# ICU data (Linux wheels of PySide6 carry ICU; Windows and macOS use the system's). Qt Core is
# ICU's only user in the app, for collation, time-zone names, case mapping and legacy text
# codecs; the 31 MB data library also holds break-iteration dictionaries, transliterators,
# units, currencies, language and region names, 200 legacy code pages and every locale. The
# trimmed data keeps ICU's own tables, collation, time zones and the root, English and Spanish
# locales; what is gone falls back (a missing locale to root; a missing code page fails to open,
# and Qt then reports the codec as unavailable).
ICU_DROP_FOLDERS = ("brkitr/", "curr/", "lang/", "rbnf/", "region/", "translit/", "unit/")
ICU_LOCALE = re.compile(r"(?:.*/)?([a-z]{2,3})(?:_[A-Za-z0-9_]*)?\.res")
ICU_KEEP_LOCALES = ("en", "es")


def icu_item_kept(name: str) -> bool:
    """Whether the trimmed ICU data keeps this item (a name inside the package, such as
    ``coll/es.res``)."""
    if name.startswith(ICU_DROP_FOLDERS) or name.endswith(".cnv"):
        return False
    locale = ICU_LOCALE.fullmatch(name)
    if locale is None or name.endswith(("res_index.res", "pool.res")):
        return True  # ICU's own tables, indexes and locale-free data (zoneinfo64, plurals...)
    return locale.group(1) in ICU_KEEP_LOCALES


def trim_icu_package(data: bytes) -> tuple[bytes, int]:
    """An ICU common data package ("CmnD": header, table of contents, names, 16-byte aligned
    items) with only the items :func:`icu_item_kept` keeps, and how many it dropped."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD" or data[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", data, toc)[0]
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        name = data[toc + name_at : data.index(b"\0", toc + name_at)]
        end = entries[i + 1][1] if i + 1 < count else len(data) - toc
        if icu_item_kept(name.decode("ascii").split("/", 1)[1]):
            items.append((name, data[toc + data_at : toc + end]))
    names_at = 4 + 8 * len(items)
    names = b"".join(name + b"\0" for name, _ in items)
    body_at = -(-(names_at + len(names)) // 16) * 16
    table, body, offset = [], [], body_at
    name_offset = names_at
    for name, item in items:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = item + b"\0" * (-len(item) % 16)
        body.append(padded)
        offset += len(padded)
    head = struct.pack("<I", len(items)) + b"".join(table) + names
    head += b"\0" * (body_at - len(head))
    return data[:header_size] + head + b"".join(body), count - len(items)


def icu_data(library: Path) -> tuple[str, bytes] | None:
    """The ICU data package inside a libicudata (its ``icudtNN_dat`` symbol), with the name of
    that symbol; None when the library has no such symbol (read with binutils' readelf)."""
    symbols = subprocess.run(["readelf", "-W", "--dyn-syms", str(library)], check=True,
                             capture_output=True, text=True).stdout  # fmt: skip
    found = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+"
                      r"(icudt\d+_dat)\b", symbols)  # fmt: skip
    sections = subprocess.run(["readelf", "-W", "-S", str(library)], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip
    rodata = re.search(r"\.rodata\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if not found or not rodata:
        return None
    address, size = int(found[1], 16), int(found[2], 0)
    file_offset = address - int(rodata[1], 16) + int(rodata[2], 16)
    return found[3], library.read_bytes()[file_offset : file_offset + size]


def trim_icu() -> None:
    """Rebuild the bundled libicudata with the trimmed data (Linux; needs a C compiler)."""
    libraries = list((APP_DIR / "_internal").rglob("libicudata.so.*"))
    compiler = shutil.which("cc") or shutil.which("gcc")
    if not sys.platform.startswith("linux") or not libraries:
        return
    if compiler is None or shutil.which("readelf") is None:
        print("note: no C compiler or readelf: the ICU data is left whole (31 MB)")
        return
    for library in libraries:
        if library.is_symlink():
            continue
        found = icu_data(library)
        if found is None:
            print(f"note: {library.name}: no ICU data symbol found; left whole")
            continue
        symbol, blob = found
        size = len(blob)
        trimmed, dropped = trim_icu_package(blob)
        work = OUTPUT / "build" / "icu"
        work.mkdir(parents=True, exist_ok=True)
        (work / "icudata.dat").write_bytes(trimmed)
        (work / "icudata.S").write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n'
            f'\t.balign 16\n{symbol}:\n\t.incbin "{work / "icudata.dat"}"\n'
            f'\t.size {symbol}, .-{symbol}\n\t.section .note.GNU-stack,"",@progbits\n'
        )  # fmt: skip
        built = work / library.name
        subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o",
                        str(built), str(work / "icudata.S")], check=True)  # fmt: skip
        shutil.copyfile(built, library)
        print(f"ICU data: {size / 2**20:.1f} -> {len(trimmed) / 2**20:.1f} MiB "
              f"({dropped} items left out) in {library.name}")  # fmt: skip


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def smoke() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    shot = DIST / "smoke.png"
    result = subprocess.run([str(executable()), "--smoke", "--screenshot", str(shot)],
                            env=env, timeout=300)  # fmt: skip
    print(f"frozen --smoke exit status {result.returncode}; screenshot {shot}")
    return result.returncode


def make_installer() -> Path | None:
    system = platform.system()
    machine = platform.machine().lower()
    if system == "Linux":
        target = DIST / f"MLPStudio-{__version__}-linux-{machine}.tar.gz"
        with tarfile.open(target, "w:gz") as tar:
            tar.add(APP_DIR, arcname=f"MLPStudio-{__version__}")
        return target
    if system == "Darwin":
        target = DIST / f"MLPStudio-{__version__}-macos.dmg"
        subprocess.run(["hdiutil", "create", "-volname", "MLP Studio", "-srcfolder",
                        str(DIST / "MLP Studio.app"), "-ov", "-format", "UDZO", str(target)],
                       check=True)  # fmt: skip
        return target
    if system == "Windows":
        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        if not Path(iscc).exists() and not shutil.which("iscc"):
            print("Inno Setup (iscc) not found: no installer written")
            return None
        subprocess.run([iscc, f"/DAppVersion={__version__}", f"/DSourceDir={APP_DIR}",
                        f"/O{DIST}", str(ROOT / "packaging" / "windows" / "mlpstudio.iss")],
                       check=True)  # fmt: skip
        return DIST / f"MLPStudio-{__version__}-setup.exe"
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="run the frozen app's smoke check")
    parser.add_argument("--installer", action="store_true", help="also build the installer")
    args = parser.parse_args(argv)
    compile_translations()
    make_icons()
    write_version_info()
    seconds = run_pyinstaller()
    strip_python()
    trim_icu()
    size = folder_size(APP_DIR if APP_DIR.exists() else DIST / "MLP Studio.app")
    print(f"build time {seconds:.0f} s; app folder {size / 2**20:.1f} MiB at {APP_DIR}")
    code = smoke() if args.smoke else 0
    if args.installer and code == 0:
        target = make_installer()
        if target:
            print(f"installer: {target}")
    return code


if __name__ == "__main__":
    sys.exit(main())
