"""Optimiser updates against values computed by hand from the textbook formulas."""

import math
import sys

import numpy as np
import pytest

from mlpstudio.core.optimizers import make_optimizer
from mlpstudio.core.schedules import schedule_factor

XP = np  # the array module of the backend under test (see the fixture below)


@pytest.fixture(autouse=True)
def _array_module(backend_name, monkeypatch):
    from mlpstudio.core.backend import get_backend

    monkeypatch.setattr(sys.modules[__name__], "XP", get_backend(backend_name, "float64").xp)


def _run(name, grads_seq, p0, lr, dtype=np.float64, **kw):
    """Apply an optimiser to p0 with the given gradients, on the backend under test."""
    xp = XP
    p = xp.asarray(np.array(p0, dtype=dtype))
    opt = make_optimizer(name, xp, len(p), kw.pop("n_weights", len(p)), dtype, **kw)
    for g in grads_seq:
        opt.step(p, xp.asarray(np.array(g, dtype=dtype)), lr)
    return p.get() if hasattr(p, "get") else p


def test_sgd_step():
    # p = 1 - 0.1 * 0.5 = 0.95; p = 2 - 0.1 * (-1) = 2.1
    assert _run("sgd", [[0.5, -1.0]], [1.0, 2.0], 0.1) == pytest.approx([0.95, 2.1])


def test_momentum_two_steps():
    # v1 = g1 = 1 -> p = 1 - 0.1 = 0.9;  v2 = 0.9*1 + 2 = 2.9 -> p = 0.9 - 0.29 = 0.61
    p = _run("momentum", [[1.0], [2.0]], [1.0], 0.1, momentum=0.9)
    assert p == pytest.approx([0.61])


def test_nesterov_two_steps():
    # v1 = 1; p = 1 - 0.1*(1 + 0.9*1) = 0.81
    # v2 = 0.9 + 2 = 2.9; p = 0.81 - 0.1*(2 + 0.9*2.9) = 0.81 - 0.461 = 0.349
    p = _run("nesterov", [[1.0], [2.0]], [1.0], 0.1, momentum=0.9)
    assert p == pytest.approx([0.349])


def test_adam_two_steps():
    b1, b2, eps, lr = 0.9, 0.999, 1e-8, 0.01
    g1, g2 = 0.5, -0.2
    m1, v1 = (1 - b1) * g1, (1 - b2) * g1**2
    p1 = 1.0 - lr * (m1 / (1 - b1)) / (math.sqrt(v1 / (1 - b2)) + eps)
    m2, v2 = b1 * m1 + (1 - b1) * g2, b2 * v1 + (1 - b2) * g2**2
    p2 = p1 - lr * (m2 / (1 - b1**2)) / (math.sqrt(v2 / (1 - b2**2)) + eps)
    p = _run("adam", [[g1], [g2]], [1.0], lr)
    assert p == pytest.approx([p2], rel=1e-12)
    # Adam's first step has magnitude lr whatever the gradient's scale.
    assert _run("adam", [[1e-4]], [0.0], lr) == pytest.approx([-lr], rel=1e-3)


def test_weight_decay_touches_weights_not_biases():
    # two parameters: the first is a weight, the second a bias
    p = _run("sgd", [[0.0, 0.0]], [2.0, 2.0], 0.1, n_weights=1, weight_decay=0.5)
    # weight: g = 0 + 0.5 * 2 = 1 -> 2 - 0.1 = 1.9; bias: unchanged
    assert p == pytest.approx([1.9, 2.0])


def test_adam_matches_pytorch_formulation_over_many_steps():
    """Reference: the update written naively with separate bias-corrected moments."""
    rng = np.random.default_rng(0)
    grads = rng.normal(size=(50, 6))
    p_ref = np.zeros(6)
    m = np.zeros(6)
    v = np.zeros(6)
    for t, g in enumerate(grads, start=1):
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        p_ref -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    assert _run("adam", grads, np.zeros(6), 0.05) == pytest.approx(p_ref, rel=1e-10)


@pytest.mark.parametrize("name", ["momentum", "nesterov", "adam"])
def test_optimizer_state_round_trip(name):
    xp = XP
    opt = make_optimizer(name, xp, 3, 3, np.float64)
    p = xp.ones(3)
    opt.step(p, xp.asarray([1.0, 2.0, 3.0]), 0.1)
    state = opt.state()
    assert all(isinstance(v, np.ndarray) for v in state.values())  # host copies
    clone = make_optimizer(name, xp, 3, 3, np.float64)
    clone.load_state(state)
    p2 = p.copy()
    opt.step(p, xp.asarray([0.5, 0.5, 0.5]), 0.2)
    clone.step(p2, xp.asarray([0.5, 0.5, 0.5]), 0.2)
    assert float(abs(p - p2).max()) < 1e-12


@pytest.mark.parametrize("name", ["momentum", "adam"])
def test_float32_updates_match_float64(name):
    """The fused GPU kernels and the numpy expressions run in float32 too."""
    rng = np.random.default_rng(3)
    grads = rng.normal(size=(20, 5))
    p32 = _run(name, grads, np.zeros(5), 0.01, dtype=np.float32)
    p64 = _run(name, grads, np.zeros(5), 0.01)
    assert p32.dtype == np.float32
    np.testing.assert_allclose(p32, p64, rtol=1e-4, atol=1e-6)


def test_unknown_optimizer():
    with pytest.raises(ValueError, match="unknown optimizer"):
        make_optimizer("no-such-rule", np, 1, 1, np.float64)


def test_momentum_follows_a_changing_learning_rate_like_pytorch():
    # v1 = g1 = 1, p = 1 - 0.1 * 1 = 0.9; v2 = 0.9 * 1 + 1 = 1.9, p = 0.9 - 0.05 * 1.9 = 0.805
    xp = XP
    opt = make_optimizer("momentum", xp, 1, 1, np.float64, momentum=0.9)
    p = xp.ones(1)
    opt.step(p, xp.ones(1), 0.1)
    opt.step(p, xp.ones(1), 0.05)
    assert float(p[0]) == pytest.approx(0.805)


def test_schedules():
    assert schedule_factor("constant", 37, 100) == 1.0
    assert schedule_factor("step", 0, 100, step_size=10, gamma=0.5) == 1.0
    assert schedule_factor("step", 25, 100, step_size=10, gamma=0.5) == 0.25
    assert schedule_factor("cosine", 0, 100) == pytest.approx(1.0)
    assert schedule_factor("cosine", 50, 100) == pytest.approx(0.5)
    assert schedule_factor("cosine", 100, 100) == pytest.approx(0.0)
    assert schedule_factor("cosine", 50, 100, min_lr_factor=0.2) == pytest.approx(0.6)
