"""The multi-core elementwise path (mlpstudio.core.parallel) computes exactly what one thread
computes, for every registry entry, and uses the thread count the app's rule chooses."""

import itertools
import threading
import warnings

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from mlpstudio.core import parallel
from mlpstudio.core.activations import ACTIVATIONS
from mlpstudio.core.losses import HEADS
from mlpstudio.core.network import Network
from mlpstudio.core.optimizers import OPTIMIZERS, make_optimizer
from mlpstudio.core.parallel import SERIAL, Pool


def split_pool(threads=3):
    """A pool that splits even tiny arrays, so the threaded path runs in these small cases."""
    return Pool(threads, min_block=1)


# -- the pool ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "n, threads, min_block",
    [(10, 3, 1), (7, 4, 1), (100, 4, 30), (5, 8, 1), (0, 2, 1), (1000, 2, 600)],
)
def test_blocks_cover_the_range_once_in_order(n, threads, min_block):
    blocks = Pool(threads, min_block).blocks(n)
    assert blocks[0][0] == 0 and blocks[-1][1] == n
    assert all(a[1] == b[0] for a, b in zip(blocks, blocks[1:]))
    assert 1 <= len(blocks) <= threads
    if len(blocks) > 1:
        assert min(stop - start for start, stop in blocks) >= min_block


def test_small_work_stays_on_the_calling_thread():
    seen = []
    Pool(4).run(lambda a, b: seen.append((a, b, threading.current_thread())), 1000)
    assert seen == [(0, 1000, threading.current_thread())]
    assert len(Pool(4).blocks(1000, per_item=parallel.MIN_BLOCK)) == 4


def test_every_block_runs_and_a_failure_is_raised():
    done = np.zeros(12, dtype=int)

    def work(start, stop):
        done[start:stop] += 1
        if start == 8:
            raise ValueError("block 3")

    with pytest.raises(ValueError, match="block 3"):
        split_pool(3).run(work, 12)
    assert done.tolist() == [1] * 12


def test_every_block_keeps_the_caller_s_numpy_error_state():
    """np.errstate is per thread (a context variable): the trainer's "ignore the overflow of a
    diverging run" must hold in the helper threads too, and so must "raise"."""
    big = np.full(12, 3e38, dtype=np.float32)

    def work(start, stop):
        big[start:stop] * np.float32(10)  # overflows in every block

    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        split_pool(3).run(lambda a, b: work(a, b) if a > 0 else None, 12)  # helpers only
    with np.errstate(over="ignore"), warnings.catch_warnings():
        warnings.simplefilter("error")
        split_pool(3).run(work, 12)


# -- the same bits on any number of threads ------------------------------------------------------
def _options(entry):
    return {s.name: s.default for s in entry.options}


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("weight_decay", [0.0, 0.01])
@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_optimizer_steps_on_threads_equal_one_thread(name, weight_decay, dtype):
    rng = np.random.default_rng(1)
    n, n_weights = 53, 31  # the weight-decay boundary falls inside a block
    p0 = rng.standard_normal(n).astype(dtype)
    grads = [rng.standard_normal(n).astype(dtype) for _ in range(4)]
    results = []
    for pool in (SERIAL, split_pool(3)):
        opt = make_optimizer(name, np, n, n_weights, dtype, weight_decay=weight_decay,
                             pool=pool, **_options(OPTIMIZERS[name]))  # fmt: skip
        p = p0.copy()
        for g in grads:
            opt.step(p, g.copy(), 0.05)
        results.append((p, opt.state()))
    assert len(split_pool(3).blocks(n)) == 3
    (p1, s1), (p3, s3) = results
    assert not np.array_equal(p1, p0)  # the steps moved the parameters
    assert np.array_equal(p1, p3)
    assert s1.keys() == s3.keys() and all(np.array_equal(s1[k], s3[k]) for k in s1)


@pytest.mark.parametrize("activation, head", list(itertools.product(ACTIVATIONS, HEADS)))
def test_forward_and_backward_on_threads_equal_one_thread(activation, head):
    rng = np.random.default_rng(2)
    net = Network([5, 9, 7, 3 if head != "sigmoid" else 1], [activation] * 2, head=head, seed=3)
    net.set_params(net.params_to_host() + 0.1 * rng.standard_normal(net.n_params))  # biases too
    x = rng.standard_normal((17, 5))
    if HEADS[head].targets == "index":
        y = rng.integers(0, 3, 17)
    else:
        y = rng.random((17, 1)) if head == "sigmoid" else rng.standard_normal((17, 3))
    y = HEADS[head].prepare_targets(np, y, net.backend.dtype)
    out = []
    for pool in (SERIAL, split_pool(3)):
        loss = net.loss_and_grad(x.copy(), y, 0.5, pool=pool)
        out.append((float(loss), net.grads.copy(), net.logits(x.copy(), pool)))
    (l1, g1, z1), (l3, g3, z3) = out
    assert np.any(g1 != 0)
    assert l1 == l3 and np.array_equal(g1, g3) and np.array_equal(z1, z3)


@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_training_on_threads_equals_one_thread(optimizer, monkeypatch):
    """A whole run (uint8 inputs converted with shift and scale, every optimiser, weight decay)
    gives the same weights and history with the elementwise work on three threads."""
    from mlpstudio.core.training import Trainer, TrainingOptions
    from mlpstudio.data.dataset import Dataset

    rng = np.random.default_rng(4)
    x = rng.integers(0, 256, (90, 3, 4), dtype=np.uint8)  # tiny "images"
    y = rng.integers(0, 3, 90)
    data = Dataset("bytes", "classification", x[:60], y[:60], x[60:], y[60:], input_shape=(3, 4),
                   class_names=("a", "b", "c"), input_shift=128, input_scale=1 / 255)  # fmt: skip
    runs = []
    for pool in (SERIAL, split_pool(3)):
        monkeypatch.setattr(parallel, "engine_pool", lambda xp, pool=pool: pool)
        net = Network([12, 10, 8, 3], ["tanh", "gelu_tanh"], head="softmax", seed=5)
        options = TrainingOptions(optimizer=optimizer, learning_rate=0.01, batch_size=16,
                                  epochs=3, weight_decay=0.001, seed=6)  # fmt: skip
        trainer = Trainer(net, data, options, snapshot_interval=0)
        assert trainer.pool is pool
        final = trainer.run()
        runs.append((net.params.copy(), final.history))
    (p1, h1), (p3, h3) = runs
    assert np.array_equal(p1, p3)
    assert all(np.array_equal(h1[k], h3[k], equal_nan=True) for k in h1 if k != "seconds")


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_numpy_softmax_step_gives_the_entry_s_bits(dtype):
    """The shared-pass softmax step the network uses on numpy returns exactly the loss and
    delta of the registry entry's two functions, extreme logits included."""
    from mlpstudio.core import kernels

    rng = np.random.default_rng(7)
    z = rng.normal(scale=4.0, size=(129, 10)).astype(dtype)
    z[0, 3], z[1, :] = 700.0, -700.0  # exp would overflow without the row maximum
    y = rng.integers(0, 10, 129)
    head = HEADS["softmax"]
    step = kernels.head_kernel(np, "softmax")
    assert step is kernels.softmax_step_numpy
    before = z.copy()
    loss, delta = step(np, z, y)
    assert np.array_equal(z, before)
    assert loss == head.loss(np, z, y) and loss.dtype == head.loss(np, z, y).dtype
    assert np.array_equal(delta, head.delta(np, z, y)) and delta.dtype == dtype


@pytest.mark.parametrize("rows, classes", [(1, 2), (3, 2), (6, 100)])
def test_numpy_softmax_step_keeps_the_entry_s_nans_and_shapes(rows, classes):
    """A diverged batch (NaN and infinite logits) and other shapes: the step's loss and delta
    are still the entry's, NaNs where it has NaNs (its row maxima are taken another way)."""
    from mlpstudio.core import kernels

    rng = np.random.default_rng(8)
    z = rng.normal(scale=4.0, size=(rows, classes)).astype(np.float32)
    y = rng.integers(0, classes, rows)
    head = HEADS["softmax"]
    for bad in (np.nan, np.inf, -np.inf):
        z[-1, -1] = bad
        with np.errstate(invalid="ignore", over="ignore"):  # as in training
            loss, delta = kernels.softmax_step_numpy(np, z, y)
            assert np.array_equal(loss, head.loss(np, z, y), equal_nan=True)
            assert np.array_equal(delta, head.delta(np, z, y), equal_nan=True)


# -- how many threads -----------------------------------------------------------------------------
def test_thread_count_rule(monkeypatch):
    """Physical cores; one fewer beside the window (never below one); --threads /
    MLPSTUDIO_THREADS wins over both."""
    from mlpstudio import threads

    monkeypatch.setenv(threads.THREADS_ENV, "")  # whatever set_threads does is undone after
    monkeypatch.delenv(threads.THREADS_ENV)
    monkeypatch.setattr(threads, "physical_cores", lambda: 8)
    monkeypatch.setattr(threads, "logical_cpus", lambda: 16)
    assert threads.blas_threads() == 8
    assert threads.blas_threads(beside_gui=True) == 7
    monkeypatch.setattr(threads, "physical_cores", lambda: 1)
    assert threads.blas_threads(beside_gui=True) == 1
    threads.set_threads(3)  # what --threads 3 does
    assert threads.blas_threads() == threads.blas_threads(beside_gui=True) == 3
    monkeypatch.setenv(threads.THREADS_ENV, "5")
    assert threads.blas_threads(beside_gui=True) == 5


def test_engine_pool_follows_the_blas_limit_in_force(monkeypatch):
    from mlpstudio import threads

    np.ones((8, 8)) @ np.ones((8, 8))  # BLAS is loaded
    with threadpool_limits(1):
        assert parallel.engine_pool(np) is SERIAL
    if threads.logical_cpus() < 2:
        pytest.skip("one logical processor: no second thread to give")
    monkeypatch.setenv(threads.THREADS_ENV, "2")  # --threads 2
    with threads.limit_blas_threads(beside_gui=True):
        pool = parallel.engine_pool(np)
        assert pool.threads == 2 and parallel.engine_pool(np) is pool  # shared, not rebuilt


def test_the_gpu_never_gets_threads():
    class FakeCupy:
        __name__ = "cupy"

    assert parallel.engine_pool(FakeCupy()) is SERIAL
    opt = make_optimizer("sgd", FakeCupy(), 4, 2, np.float32, pool=split_pool(2))
    assert opt.pool is SERIAL
