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
