"""Shared fixtures. GUI tests run offscreen; BLAS uses one thread so timings stay stable."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _find_shared_datasets() -> Path | None:
    """The genuine datasets: $MLPSTUDIO_SHARED_DATASETS, else ../shared/datasets beside the
    checkout (where CI lays them)."""
    candidates = [
        os.environ.get("MLPSTUDIO_SHARED_DATASETS"),
        Path(__file__).resolve().parents[2] / "shared" / "datasets",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "mnist").is_dir():
            return Path(candidate)
    return None


SHARED_DATASETS = _find_shared_datasets()
ROOT = Path(__file__).resolve().parents[1]
#: Folders of the checkout that tools, not tests, write to (caches, the environment;
#: hypothesis keeps its example database and constants cache in .hypothesis/).
_NOT_WATCHED = {".git", ".venv", "venv", ".tox", ".pytest_cache", ".hypothesis", ".mypy_cache",
                ".ruff_cache", "__pycache__", "mlpstudio.egg-info"}  # fmt: skip


def _files_in_checkout() -> set[str]:
    found = set()
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in _NOT_WATCHED]
        found.update(os.path.relpath(os.path.join(folder, f), ROOT) for f in files)
    return found


@pytest.fixture(scope="session", autouse=True)
def _tests_write_only_to_tmp_path():
    """Fails the session if a test left a new file in the checkout: tests write to tmp_path
    only. (Regenerating the render references, MLPSTUDIO_UPDATE_REFERENCE=1, may add files
    under tests/gui/reference.)"""
    before = _files_in_checkout()
    yield
    new = sorted(_files_in_checkout() - before)
    if os.environ.get("MLPSTUDIO_UPDATE_REFERENCE") == "1":
        new = [p for p in new if not Path(p).parts[:3] == ("tests", "gui", "reference")]
    if new:
        shown = ", ".join(new[:10]) + (", ..." if len(new) > 10 else "")
        pytest.fail(f"tests wrote into the checkout (use tmp_path): {shown}", pytrace=False)


@pytest.fixture
def shared_datasets() -> Path:
    """The genuine datasets for tests that read real files; skipped where they are absent."""
    if SHARED_DATASETS is None:
        pytest.skip("the genuine datasets (../shared/datasets) are not on this machine")
    return SHARED_DATASETS


def _backend_params():
    from mlpstudio.core.backend import gpu_status

    usable, reason = gpu_status()
    return [
        pytest.param("numpy", id="numpy"),
        pytest.param(
            "cupy",
            id="cupy",
            marks=pytest.mark.skipif(not usable, reason=f"no usable GPU: {reason}"),
        ),
    ]


@pytest.fixture(params=_backend_params())
def backend_name(request) -> str:
    """Every usable array backend: numpy always, cupy where a GPU is usable."""
    return request.param
