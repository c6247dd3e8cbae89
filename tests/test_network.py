"""Network structure, parameter counts and initialisation."""

import numpy as np
import pytest

from mlpstudio.core.backend import get_backend, gpu_status, numpy_backend
from mlpstudio.core.network import Network, count_formula, layer_counts, parameter_count


def test_course_parameter_count():
    # The course's 4-5-1 network: 5x4+5 + 1x5+1 = 31
    assert parameter_count([4, 5, 1]) == 31
    assert count_formula([4, 5, 1]) == "5x4+5 + 1x5+1 = 31"
    assert [c.formula for c in layer_counts([4, 5, 1])] == ["5x4+5 = 25", "1x5+1 = 6"]
    net = Network([4, 5, 1], ["relu"])
    assert net.n_params == 31 == len(net.params)


@pytest.mark.parametrize("sizes", [[1, 10, 1], [784, 256, 128, 10], [3, 1, 1, 1, 2]])
def test_parameter_count_matches_the_arrays(sizes):
    net = Network(sizes, ["tanh"] * (len(sizes) - 2))
    assert sum(w.size + b.size for w, b in zip(net.W, net.b)) == net.n_params
    assert net.n_params == sum(n * (m + 1) for m, n in zip(sizes[:-1], sizes[1:]))
    for layer, (w, b) in enumerate(zip(net.W, net.b)):
        assert w.shape == (sizes[layer + 1], sizes[layer])  # W^[l] is N_l x N_{l-1}
        assert b.shape == (sizes[layer + 1],)


def test_weights_and_biases_are_views_of_the_flat_arrays():
    net = Network([3, 4, 2], ["relu"])
    net.params[:] = np.arange(net.n_params)
    assert net.W[0][0, 0] == 0 and net.b[-1][-1] == net.n_params - 1
    net.W[1][...] = -1
    assert (net.params[12:20] == -1).all()  # W^[2] follows the 12 entries of W^[1]


@pytest.mark.parametrize(
    "init,activation,expected_std",
    [
        ("he", "relu", np.sqrt(2 / 400)),
        ("lecun", "tanh", np.sqrt(1 / 400)),
        ("glorot", "tanh", np.sqrt(2 / (400 + 300))),
    ],
)
def test_initialisation_statistics(init, activation, expected_std):
    net = Network([400, 300, 1], [activation], init=init, seed=0, backend=numpy_backend("float64"))
    w = net.W[0]
    assert abs(w.mean()) < 0.01 * expected_std * 10
    assert w.std() == pytest.approx(expected_std, rel=0.02)
    assert (net.b[0] == 0).all()


def test_auto_init_is_he_for_relu_and_glorot_otherwise():
    relu = Network([500, 400, 1], ["relu"], seed=1, backend=numpy_backend("float64"))
    tanh = Network([500, 400, 1], ["tanh"], seed=1, backend=numpy_backend("float64"))
    assert relu.W[0].std() == pytest.approx(np.sqrt(2 / 500), rel=0.02)
    assert tanh.W[0].std() == pytest.approx(np.sqrt(2 / 900), rel=0.02)


def test_seed_determines_the_weights():
    a = Network([5, 7, 3], ["relu"], seed=42)
    b = Network([5, 7, 3], ["relu"], seed=42)
    c = Network([5, 7, 3], ["relu"], seed=43)
    assert np.array_equal(a.params, b.params)
    assert not np.array_equal(a.params, c.params)


def test_forward_matches_the_course_formula():
    rng = np.random.default_rng(0)
    net = Network([3, 4, 2], ["tanh"], backend=numpy_backend("float64"))
    net.b[0][...] = rng.normal(size=4)
    x = rng.normal(size=(5, 3))
    # a1 = tanh(W1 x + b1), f = W2 a1 + b2, one sample (column) at a time
    for row in x:
        a1 = np.tanh(net.W[0] @ row + net.b[0])
        expected = net.W[1] @ a1 + net.b[1]
        np.testing.assert_allclose(net.forward(row[None])[0], expected, rtol=1e-12)


def test_predict_in_chunks_equals_one_pass():
    net = Network([2, 8, 3], ["relu"], head="softmax", backend=numpy_backend("float64"))
    x = np.random.default_rng(0).normal(size=(100, 2))
    np.testing.assert_allclose(net.predict(x, chunk=7), net.forward(x), rtol=1e-12)
    np.testing.assert_allclose(net.forward(x).sum(axis=1), 1.0)


def test_float32_is_the_default_and_stays_float32():
    net = Network([3, 5, 1], ["sigmoid"])
    assert net.params.dtype == np.float32
    x = np.ones((4, 3), dtype=np.float32)
    assert net.forward(x).dtype == np.float32
    net.loss_and_grad(x, np.ones((4, 1), dtype=np.float32))
    assert net.grads.dtype == np.float32


def test_set_weights_round_trip_and_shape_check():
    a = Network([3, 5, 2], ["relu"], seed=1)
    b = Network([3, 5, 2], ["relu"], seed=2)
    b.set_weights(a.weights_to_host())
    assert np.array_equal(a.params, b.params)
    with pytest.raises(ValueError, match="layer 1"):
        b.set_weights([(np.zeros((2, 2)), np.zeros(2)), (np.zeros((2, 5)), np.zeros(2))])


def test_bad_architectures_are_refused():
    with pytest.raises(ValueError, match="activations"):
        Network([3, 5, 2], [])
    with pytest.raises(ValueError, match="positive"):
        Network([3, 0, 2], ["relu"])
    with pytest.raises(ValueError, match="unknown activation"):
        Network([3, 5, 2], ["swish"])


def test_backend_detection_always_gives_a_usable_backend():
    usable, reason = gpu_status()
    assert isinstance(reason, str) and reason
    backend = get_backend("auto")
    assert backend.name == ("cupy" if usable else "numpy")
    assert backend.description
    if not usable:
        from mlpstudio.core.backend import BackendError

        with pytest.raises(BackendError):
            get_backend("cupy")
