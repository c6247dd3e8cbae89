"""The frozen app (PyInstaller): built, smoke-tested, resources found inside the bundle.

Building takes about a minute, so it runs only when MLPSTUDIO_TEST_FROZEN=1 (the installers'
CI workflow and `python packaging/build.py --smoke` do the same check on every platform). The
spec's static checks run always.
"""

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "mlpstudio.spec"


class _Recorder:
    """Stands in for PyInstaller's Analysis, PYZ, EXE, COLLECT and BUNDLE: keeps the
    arguments the spec passes."""

    calls: dict = {}

    def __init__(self, kind):
        self.kind = kind

    def __call__(self, *args, **kwargs):
        _Recorder.calls[self.kind] = (args, kwargs)
        return types.SimpleNamespace(binaries=[], datas=[], pure=[], scripts=[])


def _run_spec(monkeypatch) -> dict:
    """Executes packaging/mlpstudio.spec as PyInstaller would, with recorders instead of
    PyInstaller's build steps; returns what each step was given."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package, includes=(): []
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts the checkout first
    _Recorder.calls = {}
    namespace = {"SPECPATH": str(SPEC.parent), "__name__": "__main__"}
    namespace.update({k: _Recorder(k) for k in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")})
    exec(compile(SPEC.read_text(), str(SPEC), "exec"), namespace)
    return {"namespace": namespace, **_Recorder.calls}


def _imported_modules() -> set[str]:
    """Every module the package imports (at the top or inside functions), by dotted name."""
    import ast

    names: set[str] = set()
    for path in (ROOT / "mlpstudio").rglob("*.py"):
        if "export_templates" in path.parts:  # read as text into the exported scripts (torch)
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return names


def test_spec_bundles_what_the_app_needs_and_excludes_only_what_it_never_imports(monkeypatch):
    spec = _run_spec(monkeypatch)
    _, analysis = spec["Analysis"]
    # every resource the app looks up (mlpstudio.paths.resource) is bundled, from a real path
    bundled = {dest: Path(source) for source, dest in analysis["datas"]}
    assert set(bundled) == {
        "mlpstudio/resources",
        "mlpstudio/resources/icons",
        "mlpstudio/resources/i18n",
        "mlpstudio/resources/labs",
        # the exports read the templates and inline the registries' functions from source
        "mlpstudio/experiment/export_templates",
        "mlpstudio/core",
        "mlpstudio/data",
    }
    assert all(Path(source).exists() for source, _ in analysis["datas"])
    shipped = {Path(source).name for source, _ in analysis["datas"]}
    assert {"export_templates", "activations.py", "optimizers.py", "metrics.py"} <= shipped
    assert bundled["mlpstudio/resources/i18n"].name == "mlpstudio_es.qm"
    # what is imported only by name (the training process) is listed, and exists
    import importlib.util

    for module in analysis["hiddenimports"]:
        assert importlib.util.find_spec(module) is not None, module
    assert "mlpstudio.experiment.remote" in analysis["hiddenimports"]
    # nothing the package imports is excluded, except the optional GPU backend
    excluded = set(analysis["excludes"])
    used = {
        name
        for name in _imported_modules()
        for prefix in excluded
        if name == prefix or name.startswith(prefix + ".")
    }
    assert used == {"cupy"}, f"excluded but imported: {sorted(used - {'cupy'})}"
    # a windowed app; the Qt filter drops unused Qt parts but keeps what the window needs
    _, exe = spec["EXE"]
    assert exe["console"] is False
    unused = spec["namespace"]["unused"]
    assert unused("PySide6/Qt/lib/libQt6Quick.so.6") and unused("PySide6/Qt/qml/QtQuick")
    for needed in (
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/translations/qtbase_es.qm",
    ):
        assert not unused(needed), needed


def test_resources_are_found_from_the_installed_package():
    from mlpstudio.paths import resource

    assert resource("icons", "mlpstudio.svg").is_file()
    assert resource("i18n", "mlpstudio_es.qm").is_file()
    assert sorted(p.name for p in resource("labs").glob("*.toml")) == [
        "course_sine.toml",
        "few_noisy_points.toml",
        "mnist.toml",
    ]


@pytest.mark.skipif(
    os.environ.get("MLPSTUDIO_TEST_FROZEN") != "1",
    reason="set MLPSTUDIO_TEST_FROZEN=1 to build and test the frozen app",
)
def test_frozen_app_passes_its_smoke_check(tmp_path):
    pytest.importorskip("PyInstaller")
    env = dict(os.environ, MLPSTUDIO_BUILD_DIR=str(tmp_path))  # not into the checkout
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--smoke"],
                            capture_output=True, text=True, timeout=900, env=env)  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "status finished" in result.stdout
    exe = tmp_path / "dist" / "MLPStudio" / "MLPStudio"
    if sys.platform.startswith("linux"):
        # resources come from inside the bundle: the Spanish interface loads there
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        shown = subprocess.run(
            [str(exe), "--exit-when-shown", "--lang", "es"],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert shown.returncode == 0 and "window shown" in shown.stdout
        assert "language es" in shown.stdout and "'Train'" not in shown.stdout  # translated
        assert "icon loaded" in shown.stdout
        internal = exe.parent / "_internal" / "mlpstudio" / "resources"
        assert (internal / "i18n" / "mlpstudio_es.qm").is_file()
        assert (internal / "icons" / "mlpstudio.svg").is_file()
        # issue 14: no OpenGL, and the folder within 150 MB (build.py trims ICU's data)
        bundle = exe.parent / "_internal"
        assert not [p.name for p in bundle.rglob("*") if "opengl" in p.name.lower()]
        size = sum(f.stat().st_size for f in exe.parent.rglob("*")
                   if f.is_file() and not f.is_symlink())  # fmt: skip
        assert size <= 150e6, f"the app folder is {size / 1e6:.1f} MB"


def test_spec_leaves_out_opengl_unused_image_formats_and_optional_imports(monkeypatch):
    spec = _run_spec(monkeypatch)
    _, analysis = spec["Analysis"]
    excluded = set(analysis["excludes"])
    assert {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "cryptography", "yaml"} <= excluded
    assert "numpy._core._multiarray_tests" in excluded
    unused = spec["namespace"]["unused"]
    for gone in (
        "PySide6/Qt/lib/libQt6OpenGL.so.6",
        "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/opengl32sw.dll",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/imageformats/qgif.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
    ):
        assert unused(gone), gone
    for kept in (
        "PySide6/Qt/plugins/imageformats/libqsvg.so",  # the app's icon
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/translations/qtbase_es.qm",
    ):
        assert not unused(kept), kept


def _build_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "mlpstudio_build", ROOT / "packaging" / "build.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _icu_package(items: dict[str, bytes], prefix: str = "icudt73l") -> bytes:
    """A little-endian ICU common data package written from ICU's description of the format
    (a 32-byte header, then: item count, (name offset, data offset) pairs, names, 16-byte
    aligned items; offsets from the start of the table)."""
    import struct

    header = struct.pack("<HBBHHBBBB4s4s4s", 32, 0xDA, 0x27, 20, 0, 0, 0, 2, 0, b"CmnD",
                         b"\1\0\0\0", b"\3\0\0\0")  # fmt: skip
    header += b"\0" * (32 - len(header))
    names = [f"{prefix}/{name}".encode() + b"\0" for name in sorted(items)]
    table_size = 4 + 8 * len(items)
    name_at, name_offsets = table_size, []
    for name in names:
        name_offsets.append(name_at)
        name_at += len(name)
    data_at = -(-name_at // 16) * 16
    body, data_offsets = b"", []
    for name in sorted(items):
        data_offsets.append(data_at + len(body))
        body += items[name] + b"\0" * (-len(items[name]) % 16)
    table = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets)
    )
    table += b"".join(names)
    return header + table + b"\0" * (data_at - len(table)) + body


def _read_icu_package(data: bytes) -> dict[str, bytes]:
    import struct

    start = struct.unpack_from("<H", data, 0)[0]
    count = struct.unpack_from("<I", data, start)[0]
    entries = [struct.unpack_from("<II", data, start + 4 + 8 * i) for i in range(count)]
    found = {}
    for i, (name_at, data_at) in enumerate(entries):
        name = data[start + name_at : data.index(b"\0", start + name_at)].decode()
        end = entries[i + 1][1] if i + 1 < count else len(data) - start
        assert data_at % 16 == 0, name  # ICU maps items in place: 16-byte alignment
        found[name.split("/", 1)[1]] = data[start + data_at : start + end]
    return found


def test_icu_trim_keeps_collation_time_zones_and_english_spanish_only():
    build = _build_module()
    items = {
        "af.res": b"afrikaans",
        "brkitr/word.brk": b"break rules" * 5,
        "cnvalias.icu": b"aliases",
        "coll/de.res": b"german collation",
        "coll/es.res": b"spanish collation!",
        "coll/root.res": b"root collation",
        "coll/ucadata.icu": b"uca" * 40,
        "en.res": b"english",
        "es_MX.res": b"mexican spanish",
        "ibm-37_P100-1995.cnv": b"ebcdic",
        "pool.res": b"pool",
        "res_index.res": b"index",
        "root.res": b"root",
        "translit/root.res": b"translit",
        "zone/es.res": b"zonas",
        "zone/fr.res": b"fuseaux",
        "zoneinfo64.res": b"tz" * 100,
    }
    trimmed, dropped = build.trim_icu_package(_icu_package(items))
    kept = _read_icu_package(trimmed)
    assert set(kept) == {
        "cnvalias.icu", "coll/es.res", "coll/root.res", "coll/ucadata.icu", "en.res",
        "es_MX.res", "pool.res", "res_index.res", "root.res", "zone/es.res", "zoneinfo64.res",
    }  # fmt: skip
    assert dropped == len(items) - len(kept)
    for name, data in kept.items():  # each item intact (the padding after it aside)
        assert data.rstrip(b"\0") == items[name].rstrip(b"\0"), name


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux wheels carry ICU")
def test_icu_trim_of_the_real_data_leaves_no_dependency_missing(tmp_path):
    import shutil

    if shutil.which("icupkg") is None or shutil.which("readelf") is None:
        pytest.skip("needs ICU's icupkg and binutils' readelf")
    import PySide6

    libraries = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not libraries:
        pytest.skip("this PySide6 has no ICU of its own")
    build = _build_module()
    symbol, data = build.icu_data(libraries[0])
    trimmed, dropped = build.trim_icu_package(data)
    assert dropped > 1000 and len(trimmed) < len(data) / 5
    name = symbol.removesuffix("_dat") + "l.dat"  # icupkg wants the package's own name
    (tmp_path / name).write_bytes(trimmed)
    listed = subprocess.run(["icupkg", "-l", str(tmp_path / name)], capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    assert "missing" not in listed.stderr + listed.stdout
    names = set(listed.stdout.split())
    assert {"coll/es.res", "zone/es.res", "es.res", "en.res", "zoneinfo64.res"} <= names
    assert not any(n.startswith(("brkitr/", "translit/")) or n.endswith(".cnv") for n in names)


def test_pyqtgraph_loads_without_opengl_and_fetches_qt_classes_on_use():
    """In a fresh interpreter, as the app starts: pyqtgraph gets the OpenGL stand-ins (no
    libQt6OpenGL loaded) and mirrors that resolve each name to the PySide6 object itself."""
    code = """
import sys
import mlpstudio.gui
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets
assert pg.Qt.QtWidgets.QOpenGLWidget.__module__ == "mlpstudio.gui.qt_setup"
try:
    pg.Qt.QtWidgets.QOpenGLWidget()
except RuntimeError:
    pass
else:
    raise AssertionError("the stand-in must refuse to be built")
assert pg.QtCore.QObject is QtCore.QObject and pg.QtWidgets.QWidget is QtWidgets.QWidget
assert pg.QtCore.Qt.AlignmentFlag.AlignLeft is QtCore.Qt.AlignmentFlag.AlignLeft
assert "QAbstractNativeEventFilter" not in vars(pg.QtCore), "copied, not fetched on use"
if sys.platform.startswith("linux"):
    assert "libQt6OpenGL" not in open("/proc/self/maps").read()
print("ok")
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=120)  # fmt: skip
    assert result.returncode == 0 and "ok" in result.stdout, result.stderr[-2000:]


# Modules the first screen does not need: imported when their window, dialog or action is used.
NOT_AT_START = (
    "mlpstudio.gui.compare_window", "mlpstudio.gui.csv_dialog", "mlpstudio.gui.class_board",
    "mlpstudio.experiment.archive", "mlpstudio.experiment.exports", "mlpstudio.experiment.board",
    "torch", "scipy", "matplotlib", "pyqtgraph.opengl", "OpenGL", "requests", "pooch",
)  # fmt: skip


def test_window_start_reports_its_time_and_leaves_the_rest_for_later(tmp_path):
    """``--exit-when-shown`` prints the line benchmarks/startup.py reads, and by then nothing
    of :data:`NOT_AT_START` has been imported."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("startup", ROOT / "benchmarks" / "startup.py")
    startup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(startup)
    code = (
        "import sys; sys.argv = ['mlpstudio', '--exit-when-shown']\n"
        "from mlpstudio.__main__ import main\n"
        "code = main()\n"
        f"print('loaded:', sorted(m for m in {NOT_AT_START!r} if m in sys.modules))\n"
        "sys.exit(code)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MLPSTUDIO_CONFIG_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "loaded: []" in result.stdout, result.stdout
    match = next(filter(None, map(startup.LINE.match, result.stdout.splitlines())), None)
    assert match is not None, result.stdout
    in_process, cpu = float(match["inproc"]), float(match["cpu"])
    assert in_process > 0 and cpu > 0
    if sys.platform.startswith("linux"):  # the process's age includes the interpreter's start
        assert float(match["since"]) >= in_process - 0.02
