"""The frozen app (PyInstaller): built, smoke-tested, resources found inside the bundle.

Building takes about a minute, so it runs only when MLPSTUDIO_TEST_FROZEN=1 (the installers'
CI workflow and `python packaging/build.py --smoke` do the same check on every platform). The
spec's static checks run always.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "mlpstudio.spec"


def test_spec_bundles_resources_and_leaves_cupy_out():
    text = SPEC.read_text()
    for needed in ('"icons"', "mlpstudio_es.qm", '"labs"', "mlpstudio.experiment.remote"):
        assert needed in text
    assert '"cupy"' in text.split("EXCLUDES", 1)[1]
    assert "console=False" in text


def test_resources_are_found_from_the_installed_package():
    from mlpstudio.paths import resource

    assert resource("icons", "mlpstudio.svg").is_file()
    assert resource("i18n", "mlpstudio_es.qm").is_file()
    assert sorted(p.name for p in resource("labs").glob("*.toml")) == [
        "course_sine.toml",
        "mnist.toml",
    ]


@pytest.mark.skipif(
    os.environ.get("MLPSTUDIO_TEST_FROZEN") != "1",
    reason="set MLPSTUDIO_TEST_FROZEN=1 to build and test the frozen app",
)
def test_frozen_app_passes_its_smoke_check(tmp_path):
    pytest.importorskip("PyInstaller")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--smoke"],
                            capture_output=True, text=True, timeout=900)  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "status finished" in result.stdout
    exe = ROOT / "dist" / "MLPStudio" / "MLPStudio"
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
