"""How many BLAS threads training uses: the one place that decides it.

``--threads N`` (any command, and the app) sets ``MLPSTUDIO_THREADS``, which the GUI's training
process inherits. Without it: the physical cores this process may run on (hyper-threads only
slow a GEMM-bound loop down), leaving one for the window while the GUI is open. A second busy
program on the machine still competes, but no longer with twice as many BLAS threads as cores.
"""

from __future__ import annotations

import os
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
    """Physical cores among the processors this process may use (Linux: from sysfs topology);
    elsewhere, or when the topology cannot be read, the logical count."""
    try:
        cpus = sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return logical_cpus()
    cores = set()
    for cpu in cpus:
        topology = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology")
        try:
            package = (topology / "physical_package_id").read_text().strip()
            core = (topology / "core_id").read_text().strip()
        except OSError:
            return logical_cpus()
        cores.add((package, core))
    return max(1, len(cores)) if cores else logical_cpus()


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
