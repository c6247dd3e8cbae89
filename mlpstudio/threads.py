"""How many BLAS threads training uses: the one place that decides it.

``--threads N`` (any command, and the app) sets ``MLPSTUDIO_THREADS``, which the GUI's training
process inherits. Without it: the physical cores this process may run on (hyper-threads only
slow a GEMM-bound loop down), leaving one for the window while the GUI is open. A second busy
program on the machine still competes, but no longer with twice as many BLAS threads as cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .i18n import translate

THREADS_ENV = "MLPSTUDIO_THREADS"


class ThreadsError(ValueError):
    """A thread count that cannot be used (refused, never clamped)."""


def logical_cpus() -> int:
    """Logical processors this process may run on (its CPU affinity where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def physical_cores() -> int:
    """Physical cores among the processors this process may use (Linux: sysfs topology;
    Windows: GetLogicalProcessorInformation; macOS: sysctl hw.physicalcpu); the logical count
    when the platform does not say."""
    try:
        if sys.platform.startswith("linux"):
            cores = _linux_physical_cores()
        elif sys.platform == "win32":
            cores = _windows_physical_cores()
        elif sys.platform == "darwin":
            cores = _macos_physical_cores()
        else:
            cores = None
    except (OSError, ValueError, AttributeError, subprocess.SubprocessError):
        cores = None
    logical = logical_cpus()
    return max(1, min(cores, logical)) if cores else logical


def _linux_physical_cores(root: str = "/sys/devices/system/cpu", cpus=None) -> int | None:
    """Distinct (package, core) pairs of ``cpus`` (default: this process's affinity)."""
    cores = set()
    for cpu in sorted(os.sched_getaffinity(0) if cpus is None else cpus):
        topology = Path(root) / f"cpu{cpu}" / "topology"
        package = (topology / "physical_package_id").read_text().strip()
        cores.add((package, (topology / "core_id").read_text().strip()))
    return len(cores) or None


def _windows_physical_cores() -> int | None:
    if sys.platform != "win32":  # (tells mypy that ctypes.windll exists below)
        return None
    import ctypes
    from ctypes import wintypes

    class Info(ctypes.Structure):  # SYSTEM_LOGICAL_PROCESSOR_INFORMATION
        _fields_ = [("mask", ctypes.c_size_t), ("relationship", ctypes.c_int),
                    ("union", ctypes.c_ulonglong * 2)]  # fmt: skip

    get = ctypes.windll.kernel32.GetLogicalProcessorInformation
    size = wintypes.DWORD(0)
    get(None, ctypes.byref(size))  # fails, saying the size it needs
    if size.value == 0:
        return None
    buffer = (Info * (size.value // ctypes.sizeof(Info)))()
    if not get(buffer, ctypes.byref(size)):
        return None
    return sum(1 for info in buffer if info.relationship == 0) or None  # RelationProcessorCore


def _macos_physical_cores() -> int | None:
    out = subprocess.run(["sysctl", "-n", "hw.physicalcpu"], capture_output=True, text=True,
                         timeout=2, check=True).stdout  # fmt: skip
    return int(out.strip()) or None


def check_threads(value: int) -> int:
    """``value`` if it is a usable thread count, else :class:`ThreadsError` saying the range."""
    limit = logical_cpus()
    if not 1 <= value <= limit:
        raise ThreadsError(
            translate(
                "Threads",
                "The number of threads must be between 1 and {limit} (the logical "
                "processors this computer lets MLP Studio use); it is {value}.",
            ).format(limit=limit, value=value)
        )
    return value


def set_threads(value: int | None) -> None:
    """Use ``value`` threads from now on, here and in processes started from here (None: the
    default)."""
    if value is None:
        os.environ.pop(THREADS_ENV, None)
    else:
        os.environ[THREADS_ENV] = str(check_threads(value))


def chosen_threads() -> int | None:
    """The count set by ``--threads`` (``MLPSTUDIO_THREADS``), or None. A value that is not a
    usable count raises :class:`ThreadsError`."""
    text = os.environ.get(THREADS_ENV, "").strip()
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        raise ThreadsError(
            translate("Threads", '{name} must be a whole number of threads, not "{value}".').format(
                name=THREADS_ENV, value=text
            )
        ) from None
    return check_threads(value)


def blas_threads(beside_gui: bool = False) -> int:
    """BLAS threads for training: ``--threads`` if given, else the physical cores (all but one
    when ``beside_gui``, so the window keeps a core)."""
    try:
        chosen = chosen_threads()
    except ThreadsError:
        chosen = None  # the entry points refuse a bad value before anything trains
    if chosen is not None:
        return chosen
    cores = physical_cores()
    return max(1, cores - 1) if beside_gui else cores


def limit_blas_threads(beside_gui: bool = False):
    """Limit every BLAS library loaded in this process to :func:`blas_threads`; returns the
    threadpoolctl limiter (a context manager, or leave it in force for the process)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(blas_threads(beside_gui))
