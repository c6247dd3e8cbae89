"""The optimiser's state never lingers among the subnormal numbers on numpy (they make x86 CPUs
tens of times slower per operation): every FLUSH_EVERY steps the entries below the threshold
become zero, the others keep their bits, and the trained weights do not change."""

import types

import numpy as np
import pytest

from mlpstudio.core import optimizers
from mlpstudio.core.backend import numpy_backend
from mlpstudio.core.network import Network
from mlpstudio.core.optimizers import FLUSH_EVERY, OPTIMIZERS, flush_threshold, make_optimizer
from mlpstudio.core.parallel import SERIAL, Pool
from mlpstudio.core.training import Trainer, TrainingOptions
from mlpstudio.data.dataset import Dataset

WITH_STATE = [name for name, entry in OPTIMIZERS.items() if entry.buffers]


def subnormals(array) -> int:
    tiny = np.finfo(array.dtype).tiny
    return int(np.count_nonzero((array != 0) & (np.abs(array) < tiny)))


def test_thresholds():
    """2^-103 and 2^-970 (the smallest normal number over the machine epsilon); buffers of
    squares lose only their subnormals."""
    assert flush_threshold(np.float32) == 2.0**-103
    assert flush_threshold(np.float64) == 2.0**-970
    assert flush_threshold(np.float32, squares=True) == np.finfo(np.float32).tiny
    assert OPTIMIZERS["adam"].nonnegative == ("v",)


def _state_values(dtype, n):
    """Subnormals, values just below and at the threshold, zeros of both signs and ordinary
    values, each with both signs, then random ones."""
    tiny, eps = np.finfo(dtype).tiny, np.finfo(dtype).eps
    limit = dtype(tiny / eps)
    special = np.array([tiny / 4, tiny / 2**10, tiny, tiny * 2, np.nextafter(limit, dtype(0)),
                        limit, limit * 2, 1e-3, 0.5, 0.0], dtype=dtype)  # fmt: skip
    special = np.concatenate([special, -special])
    rng = np.random.default_rng(0)
    return np.concatenate([special, rng.standard_normal(n - len(special)).astype(dtype)])


@pytest.mark.parametrize("pool", [SERIAL, Pool(3, min_block=1)], ids=["one", "three"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", WITH_STATE)
def test_a_flush_step_zeroes_the_tiny_state_and_keeps_the_rest(name, dtype, pool):
    """Oracle: the registry's own update on copies, then the flush written with np.where and
    np.copysign. The flush step (t = FLUSH_EVERY) leaves no subnormal, keeps every entry at or
    above the threshold bit for bit and moves the parameters as the plain update does; the
    step before flushes nothing."""
    n = 41
    entry = OPTIMIZERS[name]
    hp = {s.name: s.default for s in entry.options}
    rng = np.random.default_rng(1)
    p0 = rng.standard_normal(n).astype(dtype)
    grads = np.zeros(n, dtype=dtype)
    grads[25:] = rng.standard_normal(n - 25).astype(dtype)  # the special entries get none
    for t in (FLUSH_EVERY - 1, FLUSH_EVERY):
        opt = make_optimizer(name, np, n, n, dtype, pool=pool, **hp)
        state = {key: _state_values(dtype, n) for key in entry.buffers}
        for key in entry.nonnegative:
            state[key] = np.abs(state[key])
        for key, value in state.items():
            opt.buffers[key][...] = value
        opt.t = t - 1
        expected_p, expected = p0.copy(), {key: value.copy() for key, value in state.items()}
        entry.update(np, expected_p, grads.copy(), expected, 0.01, t, **hp)
        p = p0.copy()
        opt.step(p, grads.copy(), 0.01)
        assert np.array_equal(p, expected_p)
        for key, value in expected.items():
            if t == FLUSH_EVERY:
                limit = flush_threshold(dtype, key in entry.nonnegative)
                value = np.where(np.abs(value) < limit, np.copysign(0, value), value)
                assert subnormals(opt.buffers[key]) == 0
            else:
                assert subnormals(value) > 0  # the oracle's state has some to flush
            assert np.array_equal(opt.buffers[key], value)
            assert np.array_equal(np.signbit(opt.buffers[key]), np.signbit(value))


def _run(optimizer, lr, steps, check_every_step):
    """Train a small ReLU network on uint8 "images" whose top row lights up in one image only
    and return (most subnormal entries seen in the state after any step, the weights)."""
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, size=(96, 4, 4), dtype=np.uint8)
    x[:, 0, :] = 0
    x[0, 0, :] = 255
    y = (x.reshape(96, -1).mean(axis=1) > 100).astype(np.int64)
    data = Dataset("rare pixels", "classification", x[:64], y[:64], x[64:], y[64:],
                   input_shape=(4, 4), class_names=("a", "b"), input_scale=1 / 255)  # fmt: skip
    net = Network([16, 12, 2], ["relu"], head="softmax", seed=0, backend=numpy_backend("float32"))
    options = TrainingOptions(optimizer=optimizer, learning_rate=lr, batch_size=8, seed=1)
    trainer = Trainer(net, data, options, snapshot_interval=0)
    most = 0
    while trainer.optimizer.t < steps:
        order = trainer.epoch_order()
        for start in range(0, len(order), 8):
            trainer.train_step(order[start : start + 8], lr)
            if check_every_step or trainer.optimizer.t == steps:
                most = max(most, *(subnormals(v) for v in trainer.optimizer.buffers.values()))
            if trainer.optimizer.t == steps:
                break
    return most, net.params.copy()


@pytest.mark.parametrize("optimizer, lr", [("momentum", 0.3), ("nesterov", 0.3), ("adam", 0.05)])
def test_a_long_run_keeps_no_subnormal_state_and_the_same_weights(optimizer, lr, monkeypatch):
    """150 epochs: without the flush the state ends with subnormals (the test could fail);
    with it, none after any step, and the weights are the same bits."""
    steps = 150 * 8 + FLUSH_EVERY // 2  # not just after a flush
    flushed, weights = _run(optimizer, lr, steps, check_every_step=True)
    monkeypatch.setattr(optimizers, "FLUSH_EVERY", 10**9)
    unflushed, reference = _run(optimizer, lr, steps, check_every_step=False)
    assert unflushed > 0
    assert flushed == 0
    assert np.array_equal(weights, reference)


def test_float64_state_with_float32_gradients_keeps_its_small_normal_values():
    """A float32 scratch cannot hold 1e-50: the flush must not take it for zero."""
    opt = make_optimizer("momentum", np, 3, 3, np.float64, momentum=0.5)
    opt.buffers["velocity"][...] = [4e-50, 4e-300, 1.0]
    opt.t = FLUSH_EVERY - 1
    opt.step(np.zeros(3), np.zeros(3, dtype=np.float32), 0.1)
    assert opt.buffers["velocity"].tolist() == [2e-50, 0.0, 0.5]


def test_the_gpu_state_is_never_flushed():
    """cupy (seen by its module name) pays no penalty for subnormals: no threshold."""
    fake_cupy = types.SimpleNamespace(__name__="cupy", zeros=np.zeros)
    opt = make_optimizer("adam", fake_cupy, 4, 4, np.float32)
    assert opt.flush_below == {}
    assert make_optimizer("adam", np, 4, 4, np.float32).flush_below.keys() == {"m", "v"}
