"""The layers at run time, beside the static contracts in .importlinter (lint-imports): every
module below the GUI imports without Qt, and core and data load nothing above them."""

import json
import subprocess
import sys

import pytest

IMPORT_ALL = """
import importlib, json, pkgutil, sys
packages = sys.argv[1].split(",")
for name in packages:
    module = importlib.import_module(name)
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
        importlib.import_module(info.name)
if "mlpstudio.cli" in packages:
    from mlpstudio.cli import build_parser
    build_parser()  # every command, its choices and help
print(json.dumps(sorted(m for m in sys.modules if m.startswith("mlpstudio") or
                        m.split(".")[0] in ("PySide6", "pyqtgraph"))))
"""


def loaded_after_importing(*packages: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, ",".join(packages)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_everything_below_the_gui_and_the_command_line_load_no_qt():
    helpers = [f"mlpstudio.{m}" for m in ("atomic", "crash", "i18n", "paths", "threads")]
    below = ["mlpstudio.core", "mlpstudio.data", "mlpstudio.experiment", *helpers]
    loaded = loaded_after_importing(*below, "mlpstudio.cli")
    assert "mlpstudio.cli.compare" in loaded and "mlpstudio.data.store" in loaded  # it ran
    assert [m for m in loaded if m.split(".")[0] in ("PySide6", "pyqtgraph")] == []
    assert [m for m in loaded if m.startswith("mlpstudio.gui")] == []


@pytest.mark.parametrize(
    ("package", "above"),
    [
        ("mlpstudio.core", ("mlpstudio.data", "mlpstudio.experiment")),
        ("mlpstudio.data", ("mlpstudio.experiment",)),
        ("mlpstudio.experiment", ()),
    ],
)
def test_a_layer_loads_nothing_above_it(package, above):
    loaded = loaded_after_importing(package)
    assert package in loaded and len(loaded) > 3  # its modules were imported
    forbidden = (*above, "mlpstudio.gui", "mlpstudio.cli")
    assert [m for m in loaded if m.startswith(forbidden)] == []
