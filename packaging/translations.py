"""Keep the translations in step with the code.

    python packaging/translations.py update    # scan the sources into resources/i18n/*.ts
    python packaging/translations.py compile   # .ts -> .qm (what the app loads)

``update`` runs Qt's ``pyside6-lupdate`` over every module (it finds ``self.tr(...)``,
``translate(...)`` and ``QT_TRANSLATE_NOOP(...)``), keeping existing translations and dropping
strings that no longer exist. ``compile`` runs ``pyside6-lrelease``; the packaging build calls
it, and a test checks that the committed .qm files match their .ts sources.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("es",)


def tool(name: str) -> str:
    """The path of a PySide6 tool (pyside6-lupdate / pyside6-lrelease)."""
    found = shutil.which(f"pyside6-{name}") or shutil.which(
        f"pyside6-{name}", path=str(Path(sys.executable).parent)
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "mlpstudio").rglob("*.py"))


def update() -> None:
    for lang in LANGUAGES:
        ts = I18N / f"mlpstudio_{lang}.ts"
        subprocess.run(
            [tool("lupdate"), *sources(), "-no-obsolete", "-source-language", "en",
             "-target-language", lang, "-ts", str(ts.relative_to(ROOT))],
            check=True, cwd=ROOT,
        )  # fmt: skip


def compile_translations(out_dir: Path = I18N) -> list[Path]:
    out = []
    for lang in LANGUAGES:
        ts = I18N / f"mlpstudio_{lang}.ts"
        qm = out_dir / f"mlpstudio_{lang}.qm"
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)
        out.append(qm)
    return out


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        for path in compile_translations():
            print(path)
    else:
        raise SystemExit(__doc__)
