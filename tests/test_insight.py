"""The numbers behind the "see inside" views, on hand-built networks and against the engine."""

import numpy as np
import pytest

from mlpstudio.core.backend import numpy_backend
from mlpstudio.core.insight import (
    Timeline,
    basis_contributions,
    diagnosis,
    hidden_activations,
    mean_abs_gradients,
    unit_health,
)
from mlpstudio.core.network import Network


@pytest.mark.parametrize(
    ("sizes", "activations"),
    [([1, 10, 1], ["tanh"]), ([1, 5, 4, 1], ["relu", "sigmoid"]), ([1, 1], [])],
)
def test_basis_curves_sum_to_the_network_output(sizes, activations):
    net = Network(sizes, activations, head="mse", seed=4, backend=numpy_backend("float64"))
    net.b[-1][...] = 0.37
    x = np.linspace(-1, 1, 200)[:, None]
    basis = basis_contributions(net.weights_to_host(), activations, x)
    assert basis.contributions.shape == (200, sizes[-2])
    assert basis.bias == pytest.approx(0.37)
    output = net.forward(x)[:, 0]
    assert np.max(np.abs(basis.total - output)) < 1e-6
    assert np.max(np.abs(basis.contributions.sum(axis=1) + basis.bias - output)) < 1e-6


def test_hidden_activations_match_the_engine():
    net = Network([2, 3, 4, 2], ["leaky_relu", "tanh"], head="softmax", seed=1,
                  backend=numpy_backend("float64"))  # fmt: skip
    x = np.random.default_rng(0).normal(size=(7, 2))
    hidden = hidden_activations(net.weights_to_host(), net.activation_names, x)
    w, b = net.weights_to_host()[-1]
    assert np.allclose(hidden[-1] @ w.T + b, net.logits(x))


def _layer(w, b):
    return (np.asarray(w, dtype=float), np.asarray(b, dtype=float))


def test_dead_relu_units_are_counted():
    x = np.linspace(-1, 1, 50)[:, None]
    # units 0 and 2 have z = x - 5 < 0 everywhere (dead); unit 1 lives
    hidden = _layer([[1.0], [1.0], [1.0]], [-5.0, 0.0, -5.0])
    out = _layer([[1.0, 1.0, 1.0]], [0.0])
    (health,) = unit_health([hidden, out], ["relu"], x)
    assert (health.dead, health.saturated, health.units) == (2, 0, 3)
    assert diagnosis([health]).startswith("layer 1: 2 of 3 units dead")


def test_saturated_tanh_and_sigmoid_units_are_counted():
    x = np.linspace(-1, 1, 101)[:, None]
    w = np.full((10, 1), 0.1)
    w[:9] = 500.0  # nine units with huge weights: |tanh| > 0.99 except within 0.005 of x = 0
    hidden = _layer(w, np.zeros(10))
    out = _layer(np.ones((1, 10)), [0.0])
    (tanh,) = unit_health([hidden, out], ["tanh"], x)
    assert (tanh.saturated, tanh.dead) == (9, 0)
    assert diagnosis([tanh]) == (
        "layer 1: 9 of 10 units saturated; try a smaller learning rate or ReLU"
    )
    (sigmoid,) = unit_health([hidden, out], ["sigmoid"], x)
    assert sigmoid.saturated == 9
    healthy = _layer(np.full((10, 1), 0.1), np.zeros(10))
    assert diagnosis(unit_health([healthy, out], ["tanh"], x)) is None


def test_mean_abs_gradients_per_layer():
    net = Network([2, 3, 1], ["tanh"], seed=0, backend=numpy_backend("float64"))
    x = np.random.default_rng(1).normal(size=(5, 2))
    net.loss_and_grad(x, np.ones((5, 1)))
    expected = [np.abs(net.dW[0]).mean(), np.abs(net.dW[1]).mean()]
    assert mean_abs_gradients(net) == pytest.approx(expected)
    assert all(g > 0 for g in expected)


def test_timeline_keeps_exact_weights_within_its_budget():
    size = 1000  # float64: 8000 bytes per copy
    timeline = Timeline(budget_bytes=60 * 8000, dense=64)
    for epoch in range(0, 2001):
        timeline.add(epoch, np.full(size, float(epoch)))
        assert timeline.nbytes <= 60 * 8000
    kept = timeline.epochs
    assert kept[-1] == 2000 and 0 in kept and len(kept) > 10
    for epoch in kept:  # exactly the weights of that epoch
        assert np.array_equal(timeline.at(epoch), np.full(size, float(epoch)))
    gaps = np.diff(kept)
    assert gaps[0] == 1 and gaps[-1] > gaps[0]  # dense at first, sparser later
    assert timeline.nearest(1999) in kept
    with pytest.raises(ValueError):
        timeline.at(kept[0])[0] = 1.0  # read-only


def test_timeline_never_stops_even_when_one_copy_is_over_budget():
    timeline = Timeline(budget_bytes=100)
    for epoch in range(5):
        timeline.add(epoch, np.zeros(1000))
    assert timeline.epochs == [4]


def test_diagnosis_names_a_vanishing_gradient_only_when_no_layer_is_idle():
    from mlpstudio.core.insight import LayerHealth

    fine = [LayerHealth(1, "sigmoid", 10, 0, 0), LayerHealth(2, "sigmoid", 10, 0, 0)]
    assert diagnosis(fine, [1e-3, 5e-3, 1e-2]) is None  # within a factor 100
    text = diagnosis(fine, [1e-5, 5e-3, 1e-2])
    assert text.startswith("layer 1: gradient 1000 times smaller") and "vanishing" in text
    idle = [LayerHealth(1, "sigmoid", 10, 0, 9), LayerHealth(2, "sigmoid", 10, 0, 0)]
    assert "9 of 10 units saturated" in diagnosis(idle, [1e-5, 5e-3, 1e-2])
    assert diagnosis(fine) is None


def test_probe_follows_one_input_as_computed_by_hand():
    """A 2-2-2 tanh/softmax net with round weights, against the sums written out with math."""
    import math

    from mlpstudio.core.insight import probe

    w1, b1 = np.array([[0.5, -1.0], [2.0, 0.25]]), np.array([0.1, -0.2])
    w2, b2 = np.array([[1.0, -1.0], [0.5, 2.0]]), np.array([0.0, 0.3])
    p = probe([(w1, b1), (w2, b2)], ["tanh"], "softmax", [1.0, 2.0])
    # by hand: z1 = (0.5 - 2 + 0.1, 2 + 0.5 - 0.2) = (-1.4, 2.3)
    a1 = (math.tanh(-1.4), math.tanh(2.3))
    z2 = (a1[0] - a1[1], 0.5 * a1[0] + 2.0 * a1[1] + 0.3)
    e = (math.exp(z2[0]), math.exp(z2[1]))
    out = (e[0] / (e[0] + e[1]), e[1] / (e[0] + e[1]))
    assert p.a[0].tolist() == [1.0, 2.0]
    assert np.allclose(p.z[0], [-1.4, 2.3], rtol=0, atol=1e-12)
    assert np.allclose(p.a[1], a1, rtol=0, atol=1e-12)
    assert np.allclose(p.z[1], z2, rtol=0, atol=1e-12)
    assert np.allclose(p.a[2], out, rtol=0, atol=1e-12)
    # a sigmoid head and a ReLU layer: a = max(0, z), then 1 / (1 + e^-z)
    p = probe([(w1, b1), (w2[:1], b2[:1])], ["relu"], "sigmoid", [1.0, 2.0])
    assert np.allclose(p.a[1], [0.0, 2.3], rtol=0, atol=1e-12)
    assert abs(p.a[2][0] - 1 / (1 + math.exp(2.3))) < 1e-12  # z2 = 0 - 2.3 + 0
    with pytest.raises(ValueError):
        probe([(w1, b1), (w2, b2)], ["tanh"], "mse", [1.0, 2.0, 3.0])


def test_unit_terms_list_the_largest_products_and_add_up_to_z():
    from mlpstudio.core.insight import probe, unit_terms

    w1 = np.array([[0.1, -3.0, 0.2, 1.0]])
    b1 = np.array([0.5])
    p = probe([(w1, b1)], [], "mse", [4.0, 1.0, -1.0, 2.5])
    # products by hand: 0.4, -3.0, -0.2, 2.5; the two largest |.|: -3.0 (j=1), 2.5 (j=3)
    t = unit_terms(p, 1, 0, top=2)
    assert t.terms == [(1, -3.0, 1.0), (3, 1.0, 2.5)]
    assert t.rest_count == 2 and abs(t.rest - (0.4 - 0.2)) < 1e-12
    assert t.bias == 0.5 and abs(t.z - (0.4 - 3.0 - 0.2 + 2.5 + 0.5)) < 1e-12
    assert t.a == t.z  # the mse head's output is z itself
    every = unit_terms(p, 1, 0, top=10)
    assert every.rest_count == 0 and every.rest == 0.0 and len(every.terms) == 4


def test_the_learning_verdict_judges_how_a_run_ended_against_its_untrained_loss():
    from mlpstudio.core.insight import VERDICT_EPOCHS, learning_verdict

    start = 0.7
    # the steps overshoot: even the best of the last epochs is above the start
    assert learning_verdict([start, 19.5, 11.4, 20.5, 1.06, 18.9, 3.46, 3.75]) == "worse"
    # hardly moved: the best of the last epochs within 5 % of the start
    assert learning_verdict([start] + [0.68] * 10) == "stalled"
    # learned: 0.66 is below 95 % of 0.7 (0.665)
    assert learning_verdict([start] + [0.68] * 9 + [0.66]) is None
    # a plateau that learns in the end (the course example) and a spike at the end both pass
    plateau = [0.378] + [0.33] * 60 + list(np.geomspace(0.33, 0.01, 40))
    assert learning_verdict(plateau) is None
    assert learning_verdict(plateau[:-1] + [1.2]) is None  # one spike: the best still counts
    # no verdict without enough epochs, or without a finite start or end
    assert learning_verdict([start] * VERDICT_EPOCHS) is None
    assert learning_verdict([float("nan")] + [0.7] * 10) is None
    assert learning_verdict([start] + [float("nan")] * 10) is None


@pytest.mark.parametrize("name", ["xor", "circle", "gaussians", "course-sine"])
def test_presets_with_their_own_defaults_get_no_learning_verdict(name):
    """A preset learns with its defaults (tests/test_presets.py), so the message that a run
    did not learn must not appear at its end; the course example's plateau, stopped there,
    does get the "hardly learned" verdict."""
    from mlpstudio.core.insight import learning_verdict
    from mlpstudio.experiment.build import build_trainer
    from mlpstudio.experiment.presets import preset_config

    config = preset_config(name)
    if name == "course-sine":
        config.training.epochs = 12  # on its plateau (about 0.956 of the start to epoch 15)
    trainer = build_trainer(config, snapshot_interval=0.0)
    final = trainer.run()
    verdict = learning_verdict(final.history["train_loss"])
    assert verdict == ("stalled" if name == "course-sine" else None)
