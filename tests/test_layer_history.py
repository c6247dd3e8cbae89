"""Gradients and unit health recorded per epoch by the trainer, against an independent
recomputation (finite differences of the loss; activations written out by hand)."""

import numpy as np

from mlpstudio.core.backend import numpy_backend
from mlpstudio.core.training import INSIGHT_ROWS, Trainer, TrainingOptions
from mlpstudio.data.functions import COURSE_FORMULA, function_dataset
from mlpstudio.experiment.remote import snapshot_from, snapshot_message, unpack


def hand_built():
    """1 input, 3 ReLU units (unit 1 dead: w=0, b=-1), 2 tanh units (unit 0 saturated:
    w=0, b=5), 1 output."""
    from mlpstudio.core.network import Network

    net = Network([1, 3, 2, 1], ["relu", "tanh"], head="mse", seed=3,
                  backend=numpy_backend("float64"))  # fmt: skip
    net.W[0][...] = [[1.5], [0.0], [-0.7]]
    net.b[0][...] = [0.1, -1.0, 0.2]
    net.W[1][...] = [[0.0, 0.0, 0.0], [0.8, -0.6, 0.4]]
    net.b[1][...] = [5.0, 0.1]
    net.W[2][...] = [[0.9, -1.2]]
    net.b[2][...] = [0.3]
    return net


def numeric_mean_abs_gradients(net, x, y, h=1e-6):
    out = []
    for w in net.W:
        grads = np.empty(w.shape)
        for idx in np.ndindex(w.shape):
            keep = w[idx]
            w[idx] = keep + h
            up = net.loss(x, y)
            w[idx] = keep - h
            down = net.loss(x, y)
            w[idx] = keep
            grads[idx] = (up - down) / (2 * h)
        out.append(np.abs(grads).mean())
    return out


def test_trainer_records_gradients_and_health_that_a_recomputation_confirms():
    ds = function_dataset(COURSE_FORMULA, domain=(-1, 1), step=0.01, seed=0)
    net = hand_built()
    trainer = Trainer(net, ds, TrainingOptions(epochs=2, learning_rate=0.0, optimizer="sgd"),
                      snapshot_interval=0.0)  # fmt: skip
    final = trainer.run()
    layers = final.layers
    assert list(layers["epoch"]) == [0, 1, 2]
    assert layers["gradient"].shape == (3, 3) and layers["dead"].shape == (3, 2)
    x = ds.x_train[:INSIGHT_ROWS].astype(np.float64)
    y = ds.y_train[:INSIGHT_ROWS].astype(np.float64)
    expected = numeric_mean_abs_gradients(net, x, y)
    assert np.allclose(layers["gradient"][-1], expected, rtol=1e-5, atol=1e-9)
    # by hand: ReLU unit 1 never fires; tanh unit 0 sits at tanh(5) > 0.99 everywhere
    a1 = np.maximum(0, x @ net.W[0].T + net.b[0])
    assert np.all(a1[:, 1] == 0) and not np.all(a1[:, 0] == 0) and not np.all(a1[:, 2] == 0)
    a2 = np.tanh(a1 @ net.W[1].T + net.b[1])
    assert np.all(np.abs(a2[:, 0]) > 0.99) and np.mean(np.abs(a2[:, 1]) > 0.99) < 0.95
    assert np.allclose(layers["dead"][-1], [1 / 3, 0])
    assert np.allclose(layers["saturated"][-1], [0, 1 / 2])
    assert [list(s) for s in final.unit_states] == [[0, 1, 0], [2, 0]]


def test_layer_history_survives_the_process_boundary():
    ds = function_dataset(COURSE_FORMULA, domain=(-1, 1), step=0.05, seed=0)
    final = Trainer(hand_built(), ds, TrainingOptions(epochs=3), snapshot_interval=0.0).run()
    header, arrays = unpack(snapshot_message(1, final))
    back = snapshot_from(header, arrays)
    for k, v in final.layers.items():
        assert np.array_equal(back.layers[k], v, equal_nan=True)
    assert [list(s) for s in back.unit_states] == [list(s) for s in final.unit_states]
