"""Elementwise work on several cores: a small persistent thread pool, sized like BLAS.

Why: a training step on the CPU is matrix products, which BLAS already runs on every thread it
is given, plus elementwise passes (bias add, activations and their derivatives, weight decay,
the optimiser's update, converting input bytes to floats). numpy runs each pass on one core,
so with 4 BLAS threads three cores sat idle during those passes. numpy releases the GIL inside
its loops, so the same passes over disjoint blocks of rows, run from a few Python threads, use
several cores at once.

Why the numbers do not change: an elementwise operation computes every element on its own, so
running it over blocks gives the same bits as one call over the whole array. Reductions (the
bias gradient's sum over the batch, the mean loss) are never split here: they stay single
calls, in the order they always had, so the exported scripts still compute the same numbers.

How many threads: as many as BLAS is allowed (read back with threadpoolctl). The one place that
decides that count is :mod:`mlpstudio.threads` (``--threads``/``MLPSTUDIO_THREADS``, else the
physical cores, one fewer while the window is open), and every entry point puts it in force
before training; so one number governs both kinds of work and nothing here guesses it again.

When: an array is split only into blocks of at least :data:`MIN_BLOCK` elements. Handing a
block to another thread costs some tens of microseconds, more than a pass over a small array
takes; small networks therefore run exactly the single-threaded code.
"""

from __future__ import annotations

import contextvars
import os
import threading
from concurrent.futures import ThreadPoolExecutor

#: the fewest elements worth handing to another thread (256 KiB of float32: a pass over it
#: takes about as long as the hand-off)
MIN_BLOCK = 65_536


class Pool:
    """Runs ``work(start, stop)`` over blocks of ``range(n)`` on ``threads`` threads.

    The calling thread takes the first block itself, so ``threads - 1`` helpers are started,
    once, when first needed, and live as long as the pool."""

    def __init__(self, threads: int = 1, min_block: int | None = None):
        self.threads = max(1, int(threads))
        self.min_block = max(1, int(MIN_BLOCK if min_block is None else min_block))
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Pool(threads={self.threads})"

    def blocks(self, n: int, per_item: int = 1) -> list[tuple[int, int]]:
        """``range(n)`` cut into near-equal consecutive blocks, at most one per thread and each
        of at least ``min_block`` elements when an item (a row) holds ``per_item`` elements."""
        count = max(1, min(self.threads, (n * max(1, per_item)) // self.min_block, n))
        edges = [n * i // count for i in range(count + 1)]
        return list(zip(edges[:-1], edges[1:]))

    def run(self, work, n: int, per_item: int = 1) -> None:
        """Call ``work(start, stop)`` for every block of ``range(n)`` (see :meth:`blocks`) and
        wait for all of them; an exception in any block is raised here. Each helper runs in a
        copy of the caller's context, so numpy's error state (``np.errstate``, which the
        trainer sets to ignore the overflow of a diverging run) holds in every block."""
        blocks = self.blocks(n, per_item)
        if len(blocks) == 1:
            work(0, n)
            return
        executor = self._helpers()
        futures = [
            executor.submit(contextvars.copy_context().run, work, start, stop)
            for start, stop in blocks[1:]
        ]
        try:
            work(*blocks[0])
        finally:
            for future in futures:  # wait for every block before raising anything
                future.exception()
        for future in futures:
            future.result()

    def _helpers(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(
                    self.threads - 1, thread_name_prefix="mlpstudio-elementwise"
                )
            return self._executor


#: one thread: every call runs whole, exactly as the single-threaded engine always did
SERIAL = Pool(1)

_pools: dict[tuple[int, int], Pool] = {}
_pools_lock = threading.Lock()


def blas_thread_count() -> int:
    """The threads BLAS may use now (the limit in force, read with threadpoolctl); when no BLAS
    library is loaded, what :func:`mlpstudio.threads.blas_threads` would put in force."""
    from threadpoolctl import threadpool_info

    counts = [
        int(info.get("num_threads") or 1)
        for info in threadpool_info()
        if info.get("user_api") == "blas"
    ]
    if counts:
        return max(1, min(counts))
    from ..threads import blas_threads

    return blas_threads()


def pool_for(threads: int) -> Pool:
    """The shared pool of ``threads`` threads of this process (a forked child gets its own:
    threads do not survive a fork)."""
    threads = max(1, int(threads))
    if threads == 1:
        return SERIAL
    key = (os.getpid(), threads)
    with _pools_lock:
        if key not in _pools:
            _pools[key] = Pool(threads)
        return _pools[key]


def engine_pool(xp) -> Pool:
    """The pool a training run on array module ``xp`` uses: as many threads as BLAS has on the
    CPU; :data:`SERIAL` on the GPU, where one kernel already covers the whole array."""
    if getattr(xp, "__name__", "") != "numpy":
        return SERIAL
    return pool_for(blas_thread_count())
