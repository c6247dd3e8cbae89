"""Shared fixtures. GUI tests run offscreen; BLAS uses one thread so timings stay stable."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED_DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


@pytest.fixture
def shared_datasets() -> Path:
    """The genuine datasets beside the checkout (../shared/datasets); skip when absent."""
    if not SHARED_DATASETS.is_dir():
        pytest.skip("../shared/datasets is not present on this machine")
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
