"""The array backend: numpy on the CPU, or cupy on an NVIDIA GPU.

This is the only module that knows which array library is in use. Everything else receives a
:class:`Backend` and works with ``backend.xp`` (the array module) and ``backend.dtype``, and
converts results for the host with :meth:`Backend.to_host`.

CuPy is optional and fragile to detect: ``import cupy`` fails without the package, and
``cupy.cuda.runtime.getDeviceCount()`` raises on machines with the package but no driver or
no device. Detection therefore runs inside ``try`` and always ends in a usable backend plus a
one-line reason the GUI can show.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from types import ModuleType

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, translate

BACKEND_NAMES = ("auto", "numpy", "cupy")
DTYPES = ("float32", "float64")


class BackendError(ValueError):
    """Raised when a backend that was asked for by name cannot be used."""


@dataclass(frozen=True)
class Backend:
    """An array module and the floating-point type the network computes in."""

    name: str
    xp: ModuleType = field(repr=False)
    dtype: np.dtype
    description: str = ""

    @property
    def is_gpu(self) -> bool:
        return self.name == "cupy"

    def asarray(self, array, dtype=None):
        """Move ``array`` to the backend (no copy when it already lives there)."""
        return self.xp.asarray(array, dtype=dtype)

    def to_host(self, array) -> np.ndarray:
        """Return a numpy copy of ``array``; on the GPU this synchronises, so call it rarely."""
        if self.name == "cupy":
            return self.xp.asnumpy(array)
        return np.array(array, copy=True)


_GPU_MESSAGES = {
    "no-cupy": QT_TRANSLATE_NOOP(
        "Backend", "CuPy is not installed or failed to import ({detail})."
    ),
    "no-driver": QT_TRANSLATE_NOOP("Backend", "CuPy found no usable NVIDIA GPU ({detail})."),
    "no-device": QT_TRANSLATE_NOOP("Backend", "CuPy found no NVIDIA GPU."),
    "wrong": QT_TRANSLATE_NOOP("Backend", "The GPU returned a wrong result in a self-test."),
    "failed": QT_TRANSLATE_NOOP("Backend", "The GPU failed a self-test ({detail})."),
    "ok": QT_TRANSLATE_NOOP("Backend", "NVIDIA GPU: {detail}"),
}


@functools.cache
def _probe_gpu() -> tuple[bool, str, str]:
    """(usable, what happened, detail). Cached: detection initialises the CUDA runtime, which
    is slow and need happen once."""
    try:
        import cupy
    except Exception as exc:  # ImportError, or a broken CUDA library that fails on import
        return False, "no-cupy", type(exc).__name__
    try:
        count = cupy.cuda.runtime.getDeviceCount()
    except Exception as exc:  # no driver, driver too old, no device
        return False, "no-driver", _first_line(exc)
    if count < 1:
        return False, "no-device", ""
    try:
        # A tiny kernel: proves that the runtime, the driver and the compiler all work.
        value = float((cupy.arange(4, dtype=cupy.float32) * 2).sum())
        if value != 12.0:
            return False, "wrong", ""
        props = cupy.cuda.runtime.getDeviceProperties(0)
        name = props["name"].decode() if isinstance(props["name"], bytes) else props["name"]
    except Exception as exc:
        return False, "failed", _first_line(exc)
    return True, "ok", name


def gpu_status() -> tuple[bool, str]:
    """Whether cupy can run on a GPU here, and a one-line reason for the user (in the
    interface's language)."""
    usable, what, detail = _probe_gpu()
    return usable, translate("Backend", _GPU_MESSAGES[what]).format(detail=detail)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def get_backend(name: str = "auto", dtype: str = "float32") -> Backend:
    """Return the backend called ``name``.

    ``"auto"`` picks cupy when a GPU is usable and numpy otherwise; ``"cupy"`` raises
    :class:`BackendError` with the reason when no GPU is usable; ``"numpy"`` always works.
    """
    if dtype not in DTYPES:
        raise BackendError(f"dtype must be one of {', '.join(DTYPES)}, not {dtype!r}")
    if name not in BACKEND_NAMES:
        raise BackendError(f"backend must be one of {', '.join(BACKEND_NAMES)}, not {name!r}")
    if name in ("auto", "cupy"):
        usable, reason = gpu_status()
        if usable:
            import cupy

            return Backend("cupy", cupy, np.dtype(dtype), reason)
        if name == "cupy":
            raise BackendError(reason)
        return Backend("numpy", np, np.dtype(dtype), f"CPU (NumPy). {reason}")
    return Backend("numpy", np, np.dtype(dtype), "CPU (NumPy)")


def numpy_backend(dtype: str = "float32") -> Backend:
    """The CPU backend; a shortcut used by tests and by code that must stay on the host."""
    return get_backend("numpy", dtype)
