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
