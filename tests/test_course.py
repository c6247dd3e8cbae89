"""The course's vectorisation shapes and the one-neuron numbers (mlpstudio.core.course),
against hand counts, an explicit forward pass in the course's column convention, and the
engine's own network."""

import math

import numpy as np
import pytest

from mlpstudio.core.course import batch_shapes, neuron
from mlpstudio.core.network import Network


def test_course_4_5_1_net_by_hand():
    s = batch_shapes([4, 5, 1], batch=16)
    # the course's convention: a column per sample
    assert s.x_course == (4, 16)
    assert [layer.w for layer in s.layers] == [(5, 4), (1, 5)]
    assert [layer.b for layer in s.layers] == [(5, 1), (1, 1)]
    assert [layer.course for layer in s.layers] == [(5, 16), (1, 16)]
    # the code's: a row per sample
    assert s.x_code == (16, 4)
    assert [layer.code for layer in s.layers] == [(16, 5), (16, 1)]
    # hand count: 5*4 + 1*5 = 25 multiplications per sample; 5*(4+1) + 1*(5+1) = 31 parameters
    assert s.multiplications_per_sample == 25
    assert s.multiplications_per_batch == 16 * 25
    assert s.params == 31


def test_mnist_net_by_hand():
    s = batch_shapes([784, 256, 128, 10], batch=64)
    assert s.multiplications_per_sample == 784 * 256 + 256 * 128 + 128 * 10 == 234_752
    assert s.params == 234_752 + 256 + 128 + 10


@pytest.mark.parametrize("sizes, batch", [([1, 10, 1], 16), ([2, 8, 8, 3], 5), ([3, 1], 1)])
def test_shapes_and_counts_match_a_forward_pass_in_both_conventions(sizes, batch):
    rng = np.random.default_rng(0)
    s = batch_shapes(sizes, batch)
    a_cols = rng.normal(size=(sizes[0], batch))  # the course: X is N_0 x B
    a_rows = a_cols.T.copy()  # the code: B x N_0
    assert a_cols.shape == s.x_course and a_rows.shape == s.x_code
    multiplications = 0
    for layer, (n_in, n_out) in zip(s.layers, zip(sizes[:-1], sizes[1:])):
        w = rng.normal(size=(n_out, n_in))
        b = rng.normal(size=(n_out, 1))
        z_cols = w @ a_cols + b
        z_rows = a_rows @ w.T + b.T
        assert w.shape == layer.w and b.shape == layer.b
        assert z_cols.shape == layer.course and z_rows.shape == layer.code
        np.testing.assert_allclose(z_rows, z_cols.T)
        # an (m x k) @ (k x n) product takes m*k*n multiplications
        multiplications += w.shape[0] * w.shape[1] * a_cols.shape[1]
        a_cols, a_rows = np.tanh(z_cols), np.tanh(z_rows)
    assert multiplications == s.multiplications_per_batch


@pytest.mark.parametrize("sizes, batch", [([1], 4), ([2, 0, 1], 4), ([2, 1], 0)])
def test_impossible_shapes_are_refused(sizes, batch):
    with pytest.raises(ValueError):
        batch_shapes(sizes, batch)


def _weights():
    w1 = np.array([[0.5, -1.0], [2.0, 0.25], [-0.75, 1.5]])
    b1 = np.array([0.1, -0.2, 0.3])
    w2 = np.array([[1.0, -2.0, 0.5], [-0.5, 0.75, 1.25]])
    b2 = np.array([0.05, -0.1])
    return [(w1, b1), (w2, b2)]


def test_hidden_neuron_by_hand():
    x = [0.4, -0.8]
    cell = neuron(_weights(), ["tanh"], "softmax", x, layer=1, unit=2)
    z = -0.75 * 0.4 + 1.5 * -0.8 + 0.3  # = -1.2
    assert cell.z == pytest.approx(z)
    assert cell.a == pytest.approx(math.tanh(z))
    assert cell.activation == "tanh"
    np.testing.assert_allclose(cell.terms, [-0.75 * 0.4, 1.5 * -0.8])
    assert cell.terms.sum() + cell.b == pytest.approx(cell.z)


def test_output_neuron_by_hand_and_by_the_engine():
    weights, x = _weights(), [0.4, -0.8]
    hidden = [math.tanh(sum(w * xi for w, xi in zip(row, x)) + b)
              for row, b in zip(weights[0][0], weights[0][1])]  # fmt: skip
    z = [sum(w * h for w, h in zip(row, hidden)) + b for row, b in zip(*weights[1])]
    soft = [math.exp(v) / sum(math.exp(u) for u in z) for v in z]
    for unit in (0, 1):
        cell = neuron(weights, ["tanh"], "softmax", x, layer=2, unit=unit)
        assert cell.z == pytest.approx(z[unit])
        assert cell.a == pytest.approx(soft[unit])
        np.testing.assert_allclose(cell.a_in, hidden)
    net = Network([2, 3, 2], ["tanh"], head="softmax")
    net.set_weights(weights)
    logits = np.asarray(net.logits(np.asarray([x], dtype=net.params.dtype)))[0]
    for unit in (0, 1):
        cell = neuron(net.weights_to_host(), ["tanh"], "softmax", x, layer=2, unit=unit)
        assert cell.z == pytest.approx(float(logits[unit]), rel=1e-5)


def test_neuron_refuses_a_unit_that_is_not_there_and_changes_nothing():
    weights = _weights()
    before = [w.copy() for w, _ in weights]
    with pytest.raises(ValueError):
        neuron(weights, ["tanh"], "softmax", [0, 0], layer=3, unit=0)
    with pytest.raises(ValueError):
        neuron(weights, ["tanh"], "softmax", [0, 0], layer=1, unit=3)
    neuron(weights, ["relu"], "mse", [1, 1], layer=2, unit=1)
    for (w, _), old in zip(weights, before):
        np.testing.assert_array_equal(w, old)
