"""The CPU training step's preallocated arrays (Network._workspace, Trainer._batch_buffer).

On numpy a training step writes its products, deltas, masks and converted batch into arrays
kept per batch size. The oracle is backpropagation written out here from the registry entries
alone (``activation.forward``/``derivative``, ``head.loss``/``delta``), with fresh arrays for
everything: the engine must give exactly its bits, for every batch size in any order, and a
step must never leave anything behind that changes the next one.
"""

import numpy as np
import pytest

from mlpstudio.core import kernels
from mlpstudio.core.activations import ACTIVATIONS
from mlpstudio.core.backend import numpy_backend
from mlpstudio.core.losses import get_head
from mlpstudio.core.network import WORKSPACES, Network
from mlpstudio.core.training import Trainer, TrainingOptions
from mlpstudio.data.dataset import Dataset


def reference_loss_and_grad(net: Network, x, y):
    """Plain backpropagation from the registry entries, no buffers: (loss, flat gradient)."""
    head = get_head(net.head.name)
    grads = np.zeros_like(net.params)
    dW, db = net._views(grads)
    inputs, zs, a = [x], [None], x
    for layer in range(net.n_layers - 1):
        z = a @ net.W[layer].T
        z += net.b[layer]
        act = ACTIVATIONS[net.activation_names[layer]]
        zs.append(z.copy() if act.needs_z else None)
        a = act.forward(np, z)
        inputs.append(a)
    z = a @ net.W[-1].T
    z += net.b[-1]
    loss, delta = head.loss(np, z, y), head.delta(np, z, y)
    for layer in range(net.n_layers - 1, -1, -1):
        dW[layer][...] = (inputs[layer].T @ delta).T
        db[layer][...] = delta.sum(axis=0)
        if layer > 0:
            act = ACTIVATIONS[net.activation_names[layer - 1]]
            delta = (delta @ net.W[layer]) * act.derivative(np, zs[layer], inputs[layer])
    return loss, grads


CASES = [
    ([12, 9, 7, 4], ["relu", "relu"], "softmax"),
    ([12, 9, 7, 4], ["gelu_tanh", "leaky_relu"], "mse"),
    ([12, 8, 1], ["sigmoid"], "sigmoid"),
    ([12, 6, 5, 5, 3], ["tanh", "relu", "identity"], "softmax"),
]


def _targets(head, rng, rows, k):
    if head == "softmax":
        return rng.integers(0, k, rows)
    if head == "sigmoid":
        return rng.integers(0, 2, (rows, 1)).astype(float)
    return rng.normal(size=(rows, k))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("sizes,activations,head", CASES)
def test_workspace_steps_give_the_reference_bits_for_every_batch_size(sizes, activations, head,
                                                                      dtype):  # fmt: skip
    """Batch sizes in turn (more than the workspaces kept, so one is dropped and rebuilt, and
    one size comes back after others wrote their arrays): each gradient and loss equals the
    oracle's bit for bit, and the network keeps at most WORKSPACES sets of arrays."""
    backend = numpy_backend(dtype)
    net = Network(sizes, activations, head=head, seed=3, backend=backend)
    net.params[...] += np.random.default_rng(0).normal(0, 0.1, net.n_params).astype(dtype)
    rng = np.random.default_rng(1)
    batches = {}
    for rows in (16, 5, 16, 1, 7, 9, 5, 16):
        if rows not in batches:
            x = rng.normal(size=(rows, sizes[0])).astype(dtype)
            y = net.head.prepare_targets(
                np, _targets(head, rng, rows, sizes[-1]), net.backend.dtype
            )
            batches[rows] = (x, y)
        x, y = batches[rows]
        loss = net.loss_and_grad(x, y)
        expected_loss, expected = reference_loss_and_grad(net, x, y)
        assert loss == expected_loss and loss.dtype == expected_loss.dtype
        assert np.array_equal(net.grads, expected)
        assert net.grads.dtype == np.dtype(dtype)
        assert len(net._workspaces) <= WORKSPACES
    assert 16 in net._workspaces  # the size in use is kept


def test_a_step_allocates_no_new_workspace_once_warm():
    """The batch size's arrays are made once and then reused (the same objects)."""
    net = Network([10, 6, 3], ["relu"], head="softmax", seed=0)
    x = np.random.default_rng(0).normal(size=(8, 10)).astype(np.float32)
    y = np.arange(8) % 3
    net.loss_and_grad(x, y)
    first = net._workspaces[8]
    arrays = [id(a) for a in first.z + first.delta + first.mask]
    net.loss_and_grad(x, y)
    assert (
        net._workspaces[8] is first
        and [id(a) for a in first.z + first.delta + first.mask] == arrays
    )


def test_relu_backward_numpy_is_the_entry_s_derivative():
    rng = np.random.default_rng(2)
    a = np.maximum(rng.normal(size=(33, 17)), 0).astype(np.float32)
    a[0, :3] = [0.0, -0.0, np.nan]
    delta = rng.normal(size=(33, 17)).astype(np.float32)
    expected = delta * ACTIVATIONS["relu"].derivative(np, None, a)
    mask = np.empty(a.shape, bool)
    kernels.relu_backward_numpy(delta, None, a, mask)
    assert np.array_equal(delta, expected, equal_nan=True)
    assert kernels.activation_step_numpy(np, "relu") is kernels.relu_backward_numpy
    assert kernels.activation_step_numpy(np, "tanh") is None


def test_softmax_step_numpy_into_out_gives_the_same_bits():
    rng = np.random.default_rng(5)
    z = rng.normal(scale=3, size=(20, 6)).astype(np.float32)
    y = rng.integers(0, 6, 20)
    out = np.full_like(z, np.nan)
    loss, delta = kernels.softmax_step_numpy(np, z, y, out=out)
    loss_new, delta_new = kernels.softmax_step_numpy(np, z, y)
    assert delta is out and loss == loss_new and np.array_equal(delta, delta_new)


def test_trainer_reuses_its_batch_buffer_and_trains_as_before():
    """uint8 rows are converted into one float array per batch size; a run with the buffers
    gives the same parameters as converting each batch into a new array."""
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, (300, 12), dtype=np.uint8)
    labels = rng.integers(0, 4, 300)
    data = Dataset("t", "classification", x, labels, x[:50], labels[:50], input_shape=(12,),
                   class_names=("a", "b", "c", "d"), input_scale=1 / 255)  # fmt: skip
    options = TrainingOptions(optimizer="adam", learning_rate=0.01, batch_size=64, epochs=2)
    params = []
    for buffered in (True, False):
        net = Network([12, 9, 4], ["relu"], head="softmax", seed=0)
        trainer = Trainer(net, data, options, snapshot_interval=0)
        if not buffered:
            trainer._batch_buffer = lambda rows: None
        trainer.run()
        params.append(net.params.copy())
        if buffered:
            assert sorted(trainer._batch_buffers) == [44, 64]  # 300 = 4 x 64 + 44
    assert np.array_equal(params[0], params[1])
