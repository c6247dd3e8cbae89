"""Backpropagation for one training sample, written out layer by layer with real numbers.

The training loop (:meth:`Network.loss_and_grad`) computes the same quantities for a whole
batch at once and keeps only what it needs. For teaching, :func:`trace` recomputes them for one
sample ``x`` with target ``y``, in float64 on the host, and keeps every intermediate:

    z^[l] = W^[l] a^[l-1] + b^[l],          a^[l] = S^[l](z^[l]),      a^[0] = x
    delta^[L] = dL/dz^[L]                   (from the head)
    delta^[l] = (W^[l+1]^T delta^[l+1]) (.) S'^[l](z^[l])
    dL/dW^[l] = delta^[l] a^[l-1]^T,        dL/db^[l] = delta^[l]

The loss of one sample is the engine's batch loss for a batch of one: MSE is the mean over the
output units of (a - y)^2; softmax is -log p_y; sigmoid is the mean binary cross-entropy.
Activations and heads are the engine's own functions (:mod:`.activations`, :mod:`.losses`),
and :func:`apply_update` runs the engine's optimiser on these gradients, so the step shown is
exactly the step that "Step" takes on a batch of one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .backend import numpy_backend
from .losses import get_head
from .network import Network
from .optimizers import Optimizer


@dataclass(frozen=True)
class BackpropTrace:
    """Every intermediate of one forward and backward pass (float64 host arrays).

    Lists are indexed from 0 for layer 1: ``W[0]`` is W^[1]. ``a`` has one more entry than
    ``z``: ``a[0]`` is x and ``a[L]`` is the head's output (the prediction)."""

    sizes: list[int]
    activations: list[str]  # S^[1..L-1]
    head: str
    x: np.ndarray
    y: np.ndarray  # the targets (MSE, sigmoid) or the class index (softmax), as the head uses it
    W: list[np.ndarray]
    b: list[np.ndarray]
    z: list[np.ndarray]
    a: list[np.ndarray]
    loss: float
    delta: list[np.ndarray]
    dW: list[np.ndarray]
    db: list[np.ndarray]

    @property
    def n_layers(self) -> int:
        return len(self.W)

    def to_dict(self) -> dict:
        """JSON-friendly: nested lists of floats (``W`` per layer as N_l rows of N_{l-1})."""

        def listed(arrays):
            return [np.asarray(v, dtype=float).tolist() for v in arrays]

        y = self.y
        return {
            "sizes": list(self.sizes),
            "activations": list(self.activations),
            "head": self.head,
            "x": np.asarray(self.x, dtype=float).tolist(),
            "y": int(y) if self.head == "softmax" else np.asarray(y, dtype=float).tolist(),
            "W": listed(self.W),
            "b": listed(self.b),
            "z": listed(self.z),
            "a": listed(self.a),
            "loss": float(self.loss),
            "delta": listed(self.delta),
            "dW": listed(self.dW),
            "db": listed(self.db),
        }


def trace(network: Network, x, y) -> BackpropTrace:
    """Forward and backward pass of ``network`` on one sample, in float64.

    ``x`` is one input row (N_0 values); ``y`` is the target row for MSE and sigmoid heads, or
    the class index for softmax."""
    xp = np
    head = get_head(network.head.name)
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    if x.shape != (network.sizes[0],):
        raise ValueError(f"the sample has {x.size} inputs; the network expects {network.sizes[0]}")
    layers = network.weights_to_host()
    weights = [np.asarray(w, dtype=np.float64) for w, _ in layers]
    biases = [np.asarray(b, dtype=np.float64) for _, b in layers]
    target: int | np.ndarray
    y_batch: np.ndarray
    if head.name == "softmax":
        target = int(np.asarray(y).reshape(-1)[0])
        y_batch = np.array([target], dtype=np.int64)
    else:
        target = np.asarray(y, dtype=np.float64).reshape(-1)
        y_batch = target.reshape(1, -1)

    zs, activations = [], [x]
    a = x
    for layer in range(network.n_layers):
        z = weights[layer] @ a + biases[layer]
        zs.append(z)
        if layer < network.n_layers - 1:
            a = ACTIVATIONS[network.activation_names[layer]].forward(xp, z.copy())
        else:
            a = head.output(xp, z.reshape(1, -1))[0]
        activations.append(a)

    z_out = zs[-1].reshape(1, -1)
    loss, delta_out = head.loss(xp, z_out, y_batch), head.delta(xp, z_out, y_batch)
    deltas: list[np.ndarray] = [delta_out[0]]  # built from the output back: deltas[0] is next
    for layer in range(network.n_layers - 2, -1, -1):
        back = weights[layer + 1].T @ deltas[0]
        act = ACTIVATIONS[network.activation_names[layer]]
        deltas.insert(0, back * act.derivative(xp, zs[layer], activations[layer + 1]))
    return BackpropTrace(
        sizes=list(network.sizes),
        activations=list(network.activation_names),
        head=head.name,
        x=x,
        y=np.asarray(target),
        W=weights,
        b=biases,
        z=zs,
        a=activations,
        loss=float(loss),
        delta=deltas,
        dW=[np.outer(d, a) for d, a in zip(deltas, activations[:-1])],
        db=[d.copy() for d in deltas],
    )


@dataclass(frozen=True)
class UpdateTrace:
    """The optimiser step on one sample's gradients: the parameters after it and the
    optimiser's buffers (in PyTorch's units, as :meth:`Optimizer.state` reports them)."""

    optimizer: str
    learning_rate: float
    W: list[np.ndarray]
    b: list[np.ndarray]
    state_before: dict[str, np.ndarray]
    state_after: dict[str, np.ndarray]


def apply_update(
    network: Network, step: BackpropTrace, optimizer: Optimizer, learning_rate: float
) -> UpdateTrace:
    """Run ``optimizer`` (a float64 numpy optimiser with the run's state) on the gradients of
    ``step``. ``network`` is left unchanged; the updated parameters are returned."""
    shadow = Network(
        step.sizes,
        step.activations,
        head=step.head,
        backend=numpy_backend("float64"),
    )
    shadow.set_params(network.params_to_host().astype(np.float64))
    for layer in range(step.n_layers):
        shadow.dW[layer][...] = step.dW[layer]
        shadow.db[layer][...] = step.db[layer]
    before = optimizer.state()
    optimizer.step(shadow.params, shadow.grads, learning_rate)
    layers = shadow.weights_to_host()
    return UpdateTrace(
        optimizer=optimizer.name,
        learning_rate=float(learning_rate),
        W=[w for w, _ in layers],
        b=[b for _, b in layers],
        state_before=before,
        state_after=optimizer.state(),
    )
