"""A training step's loss and gradient, bit for bit, against plain backpropagation.

The oracle is backpropagation written out here from the registry entries alone
(``activation.forward``/``derivative``, ``head.loss``/``delta``), with fresh arrays for
everything. The engine (shared softmax passes on numpy, in-place activations, gradients written
into the flat buffer) must give exactly its bits, for batch sizes in any order: a step must
never leave anything behind that changes the next one.
"""

import numpy as np
import pytest

from mlpstudio.core.activations import ACTIVATIONS
from mlpstudio.core.backend import numpy_backend
from mlpstudio.core.losses import get_head
from mlpstudio.core.network import Network


def reference_loss_and_grad(net: Network, x, y):
    """Plain backpropagation from the registry entries, fresh arrays: (loss, flat gradient)."""
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
def test_steps_give_the_reference_bits_for_every_batch_size(sizes, activations, head,
                                                                      dtype):  # fmt: skip
    """Batch sizes in turn, some coming back after others: each loss and gradient equals the
    oracle's bit for bit, in the compute dtype."""
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
