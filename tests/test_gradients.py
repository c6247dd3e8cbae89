"""Backpropagation against central finite differences, in float64."""

import numpy as np
import pytest

from mlpstudio.core import kernels
from mlpstudio.core.activations import ACTIVATIONS
from mlpstudio.core.backend import get_backend, numpy_backend
from mlpstudio.core.losses import HEADS, get_head
from mlpstudio.core.network import Network


def _targets(head, rng, n, k):
    if head == "mse":
        return rng.normal(size=(n, k))
    if head == "sigmoid":
        return rng.integers(0, 2, size=(n, k)).astype(np.float64)
    return rng.integers(0, k, size=n)


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_backprop_matches_finite_differences(activation, head, backend_name):
    backend = get_backend(backend_name, "float64")
    xp = backend.xp
    rng = np.random.default_rng(7)
    n_out = 3
    net = Network(
        [4, 6, 5, n_out],  # three layers with parameters: two hidden, one output
        [activation, activation],
        head=head,
        seed=3,
        backend=backend,
    )
    net.b[0][...] = xp.asarray(rng.normal(scale=0.1, size=net.b[0].shape))  # non-zero biases
    net.b[1][...] = xp.asarray(rng.normal(scale=0.1, size=net.b[1].shape))
    x = xp.asarray(rng.normal(size=(7, 4)))
    y = net.head.prepare_targets(xp, _targets(head, rng, 7, n_out), np.float64)

    net.loss_and_grad(x, y)
    analytic = backend.to_host(net.grads)

    def loss_at(flat):
        net.params[...] = xp.asarray(flat)
        return float(net.head.loss(xp, net.logits(x), y))

    eps = 1e-6
    numeric = np.empty_like(analytic)
    base = backend.to_host(net.params)
    for i in range(len(base)):
        plus, minus = base.copy(), base.copy()
        plus[i] += eps
        minus[i] -= eps
        numeric[i] = (loss_at(plus) - loss_at(minus)) / (2 * eps)
    net.params[...] = xp.asarray(base)

    rel = np.linalg.norm(analytic - numeric) / (np.linalg.norm(analytic) + np.linalg.norm(numeric))
    assert rel < 1e-6, f"{activation} x {head}: relative error {rel:.2e}"
    # The gradient is not trivially zero (the check would pass on an all-zero gradient).
    assert np.linalg.norm(analytic) > 1e-3


@pytest.mark.parametrize("head", HEADS)
def test_loss_and_grad_returns_the_same_loss_as_evaluation(head):
    rng = np.random.default_rng(1)
    net = Network([2, 8, 3], ["tanh"], head=head, backend=numpy_backend("float64"))
    x = rng.normal(size=(11, 2))
    y = net.head.prepare_targets(np, _targets(head, rng, 11, 3), np.float64)
    training_loss = float(net.loss_and_grad(x, y))
    assert training_loss == pytest.approx(net.loss(x, y), rel=1e-12)


def test_losses_against_closed_forms():
    from mlpstudio.core.losses import get_head

    z = np.array([[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0]])
    labels = np.array([1, 2])
    # cross-entropy: -log softmax(z)[label]
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    expected = -np.mean(np.log(p[[0, 1], labels]))
    assert float(get_head("softmax").loss(np, z, labels)) == pytest.approx(expected, rel=1e-12)
    # binary cross-entropy on probabilities 1/(1+exp(-z))
    y = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    s = 1 / (1 + np.exp(-z))
    expected = -np.mean(y * np.log(s) + (1 - y) * np.log(1 - s))
    assert float(get_head("sigmoid").loss(np, z, y)) == pytest.approx(expected, rel=1e-12)
    # mean squared error
    t = np.array([[0.0, 1.0, 2.0], [1.0, 1.0, 1.0]])
    assert float(get_head("mse").loss(np, z, t)) == pytest.approx(np.mean((z - t) ** 2))


def test_large_logits_do_not_overflow():
    from mlpstudio.core.losses import get_head

    z = np.array([[1000.0, -1000.0], [-800.0, 800.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        ce = float(get_head("softmax").loss(np, z, np.array([0, 1])))
        bce = float(get_head("sigmoid").loss(np, z, np.array([[1.0, 0.0], [0.0, 1.0]])))
    assert ce == pytest.approx(0.0, abs=1e-12)
    assert bce == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("head", HEADS)
def test_heads_agree_with_numpy_on_every_backend(head, dtype, backend_name):
    """The backend's loss and gradient (fused kernels on the GPU) equal numpy's."""
    backend = get_backend(backend_name, dtype)
    xp = backend.xp
    rng = np.random.default_rng(4)
    z = rng.normal(scale=3.0, size=(37, 7)).astype(dtype)
    targets = _targets(head, rng, 37, 7)
    h = get_head(head)
    y_np = h.prepare_targets(np, targets, np.dtype(dtype))
    y_xp = h.prepare_targets(xp, targets, np.dtype(dtype))
    loss_np, delta_np = h.loss(np, z, y_np), h.delta(np, z, y_np)
    fused = kernels.head_kernel(xp, head)  # what the network uses on this backend
    if fused is not None:
        loss_xp, delta_xp = fused(xp, xp.asarray(z), y_xp)
    else:
        loss_xp, delta_xp = h.loss(xp, xp.asarray(z), y_xp), h.delta(xp, xp.asarray(z), y_xp)
    tolerance = 1e-5 if dtype == "float32" else 1e-12
    assert float(loss_xp) == pytest.approx(float(loss_np), rel=tolerance)
    np.testing.assert_allclose(backend.to_host(delta_xp), delta_np, rtol=tolerance, atol=1e-7)
