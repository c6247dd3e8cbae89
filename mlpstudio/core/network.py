"""A multilayer perceptron written the way the course writes it.

For layers l = 1..L with N_l units each (N_0 inputs):

    z^[l] = W^[l] a^[l-1] + b^[l],      a^[l] = S^[l](z^[l]),      a^[0] = x

so f_theta(x) = f^[L](... f^[1](x)), with W^[l] of shape (N_l, N_{l-1}) and b^[l] of length N_l.
The last layer's S^[L] is the head's output function (see :mod:`mlpstudio.core.losses`).

Samples travel as rows (a batch ``A`` has shape (B, N_l)), so the code computes
``Z = A @ W.T + b``, which is the formula above applied to every row.

All parameters live in one flat array, weights of every layer first and then every bias, and
``W[l]``/``b[l]`` are views into it. The gradients live in a second flat array with the same
layout. This lets the optimisers update the whole network with a handful of vectorised
operations, and weight decay touch the weights (not the biases) with a single slice.

Each W^[l] is stored column-major (that is, W^[l]^T is row-major), because the products the
batch computation needs, ``A @ W.T`` and ``A^T @ delta``, are then plain row-major matrix
products, which BLAS runs measurably faster than transposed ones (about 15% on the first
layer of an MNIST network).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..i18n import number, translate
from ..memory import check_memory
from . import kernels, parallel
from .activations import ACTIVATIONS, get_activation
from .backend import Backend, numpy_backend
from .inits import AUTO, INIT_CHOICES, INITS
from .losses import get_head

EVAL_CHUNK = 8192  # rows per forward pass when predicting, to bound memory on large sets


@dataclass(frozen=True)
class LayerCount:
    """Parameters of one layer: N_l (N_{l-1} + 1)."""

    layer: int  # 1-based, as in W^[l]
    inputs: int  # N_{l-1}
    units: int  # N_l

    @property
    def weights(self) -> int:
        return self.units * self.inputs

    @property
    def biases(self) -> int:
        return self.units

    @property
    def params(self) -> int:
        return self.weights + self.biases

    @property
    def formula(self) -> str:
        """For example ``5x4+5 = 25``: the count written as the course writes it."""
        return f"{self.units}x{self.inputs}+{self.units} = {self.params}"


def layer_counts(sizes: list[int]) -> list[LayerCount]:
    """Per-layer parameter counts for layer sizes [N_0, N_1, ..., N_L]."""
    return [
        LayerCount(layer=i + 1, inputs=n_in, units=n_out)
        for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]))
    ]


def parameter_count(sizes: list[int]) -> int:
    """sum over l of N_l (N_{l-1} + 1)."""
    return sum(c.params for c in layer_counts(sizes))


def count_formula(sizes: list[int]) -> str:
    """The whole sum, e.g. ``5x4+5 + 1x5+1 = 31`` for the course's 4-5-1 net."""
    counts = layer_counts(sizes)
    terms = " + ".join(f"{c.units}x{c.inputs}+{c.units}" for c in counts)
    return f"{terms} = {sum(c.params for c in counts)}"


def resolve_init(init: str, activation: str | None) -> str:
    """The initialisation a layer gets: ``auto`` draws what the layer's activation names
    (``Activation.init``; the output layer, which has none, gets Glorot)."""
    if init not in INIT_CHOICES:
        raise ValueError(
            f"unknown initialisation {init!r}; choose one of {', '.join(INIT_CHOICES)}"
        )
    if init != AUTO:
        return init
    return ACTIVATIONS[activation].init if activation in ACTIVATIONS else "glorot"


def init_weights(rng: np.random.Generator, init: str, n_out: int, n_in: int) -> np.ndarray:
    """W of shape (n_out, n_in) drawn from the named scheme (float64, on the host)."""
    if init not in INITS:
        raise ValueError(f"unknown initialisation {init!r}")
    return INITS[init].draw(rng, n_in, n_out)


def check_network_memory(sizes: list[int], n_params: int, itemsize: int, buffers: int = 2):
    """Refuse, before allocating, a network whose ``buffers`` parameter-sized arrays
    (parameters and gradients, plus optimiser state when counted) exceed the memory budget."""
    check_memory(
        buffers * n_params * itemsize,
        translate("Memory", "The network {sizes} ({params} parameters)").format(
            sizes="-".join(map(str, sizes)), params=number(n_params)
        ),
        translate("Memory", "Use fewer or narrower hidden layers."),
    )


class Network:
    """Dense layers with one activation per hidden layer and a head on the output layer.

    ``sizes`` is [N_0, N_1, ..., N_L]; ``activations`` names S^[1..L-1] (one per hidden layer);
    ``head`` is ``mse``, ``softmax`` or ``sigmoid``.
    """

    def __init__(
        self,
        sizes: list[int],
        activations: list[str],
        head: str = "mse",
        init: str = "auto",
        seed: int = 0,
        backend: Backend | None = None,
    ):
        sizes = [int(n) for n in sizes]
        if len(sizes) < 2 or any(n < 1 for n in sizes):
            raise ValueError(f"layer sizes must be at least two positive integers, got {sizes}")
        if len(activations) != len(sizes) - 2:
            raise ValueError(
                f"{len(sizes) - 2} hidden layers need {len(sizes) - 2} activations, "
                f"got {len(activations)}"
            )
        self.backend = backend or numpy_backend()
        self.sizes = sizes
        self.activation_names = [get_activation(a).name for a in activations]
        self._activations = [ACTIVATIONS[a] for a in self.activation_names]
        self.head = get_head(head)
        xp = self.backend.xp
        # fused GPU replacements of entry functions, by name (None on numpy: the entries run)
        self._head_kernel = kernels.head_kernel(xp, self.head.name)
        self._backward_kernels = [kernels.activation_kernel(xp, a) for a in self.activation_names]
        self.init = init
        self.counts = layer_counts(sizes)

        xp, dtype = self.backend.xp, self.backend.dtype
        self.n_weights = sum(c.weights for c in self.counts)
        self.n_params = self.n_weights + sum(c.biases for c in self.counts)
        check_network_memory(sizes, self.n_params, np.dtype(dtype).itemsize)
        self.params = xp.zeros(self.n_params, dtype=dtype)
        self.grads = xp.zeros(self.n_params, dtype=dtype)
        self.W, self.b = self._views(self.params)
        self.dW, self.db = self._views(self.grads)
        self.initialize(seed)

    # -- structure ---------------------------------------------------------------------------
    @property
    def n_layers(self) -> int:
        """L, the number of layers with parameters (hidden layers + output)."""
        return len(self.counts)

    def _views(self, flat):
        """W^[l] (shape N_l x N_{l-1}, column-major) and b^[l] as views of a flat array."""
        weights, biases = [], []
        w_start, b_start = 0, self.n_weights
        for c in self.counts:
            transposed = flat[w_start : w_start + c.weights].reshape(c.inputs, c.units)
            weights.append(transposed.T)
            biases.append(flat[b_start : b_start + c.biases])
            w_start += c.weights
            b_start += c.biases
        return weights, biases

    def layer_activation(self, layer: int) -> str:
        """Name of S^[layer] (1-based); the output layer reports its head."""
        if layer < self.n_layers:
            return self.activation_names[layer - 1]
        return self.head.name

    def initialize(self, seed: int) -> None:
        """Draw all weights from the chosen scheme with a seeded generator; biases start at 0.

        The draw happens on the host in float64, so a seed gives the same network on every
        backend and dtype (up to rounding).
        """
        rng = np.random.default_rng(seed)
        host = np.zeros(self.n_params)
        host_weights, _ = self._views(host)
        for layer, c in enumerate(self.counts, start=1):
            act = self.activation_names[layer - 1] if layer < self.n_layers else None
            scheme = resolve_init(self.init, act)
            host_weights[layer - 1][...] = init_weights(rng, scheme, c.units, c.inputs)
        self.params[...] = self.backend.asarray(host, dtype=self.backend.dtype)

    # -- computation -------------------------------------------------------------------------
    def _activate(self, z, layer: int, pool: parallel.Pool):
        """a^[l] = S^[l](z^[l] + b^[l]) for hidden layer ``layer`` (0-based), adding the bias
        to ``z`` in place. On several threads the rows go in blocks, each through the same
        entry functions: elementwise, so the bits are those of one call."""
        xp, act, b = self.backend.xp, self._activations[layer], self.b[layer]
        rows, cols = z.shape
        if pool.threads == 1 or len(pool.blocks(rows, cols)) == 1:
            z += b
            return act.forward(xp, z)
        # an entry that keeps z returns a new array: its blocks are gathered in ``out``
        out = xp.empty_like(z) if act.needs_z else z

        def block(start: int, stop: int) -> None:
            part = z[start:stop]
            part += b
            a = act.forward(xp, part)
            if act.needs_z or a is not part:
                out[start:stop] = a

        pool.run(block, rows, cols)
        return out

    def _backward_activation(self, delta, layer: int, kept, a, pool: parallel.Pool):
        """delta *= S'^[l](z^[l]) in place for hidden layer ``layer`` (0-based), in blocks of
        rows on several threads (elementwise: the same bits as one call)."""
        xp, act = self.backend.xp, self._activations[layer]

        def block(start: int, stop: int) -> None:
            z = None if kept is None else kept[start:stop]
            delta[start:stop] *= act.derivative(xp, z, a[start:stop])

        rows, cols = delta.shape
        if pool.threads == 1 or len(pool.blocks(rows, cols)) == 1:
            delta *= act.derivative(xp, kept, a)
        else:
            pool.run(block, rows, cols)
        return delta

    def logits(self, x, pool: parallel.Pool = parallel.SERIAL):
        """z^[L] for a batch of rows ``x`` (already on the backend, in its dtype); the
        elementwise work spread over ``pool``'s threads."""
        a = x
        for layer in range(self.n_layers):
            z = a @ self.W[layer].T
            if layer < self.n_layers - 1:
                a = self._activate(z, layer, pool)
            else:
                z += self.b[layer]
                a = z
        return a

    def forward(self, x):
        """f_theta(x): the network's output a^[L] for rows ``x`` (on the backend)."""
        return self.head.output(self.backend.xp, self.logits(x))

    def predict(self, x, chunk: int = EVAL_CHUNK):
        """f_theta(x) evaluated in chunks of rows, so that large test sets fit in memory."""
        xp = self.backend.xp
        parts = [self.forward(x[i : i + chunk]) for i in range(0, len(x), chunk)]
        return parts[0] if len(parts) == 1 else xp.concatenate(parts)

    def loss_and_grad(self, x, y, scale: float = 1.0, pool: parallel.Pool = parallel.SERIAL):
        """Mean loss on a batch, with its gradient (times ``scale``) written into ``self.grads``.

        Backpropagation: delta^[L] = dL/dz^[L] comes from the head; then for l = L..1
        dW^[l] = delta^[l]^T a^[l-1], db^[l] = sum over the batch of delta^[l], and
        delta^[l-1] = (delta^[l] W^[l]) * S'^[l-1](z^[l-1]) (not for l = 1: the gradient with
        respect to the inputs is never needed). z^[l] is kept only for the layers whose
        activation's derivative needs it; the others need only a^[l].
        Each step allocates its arrays afresh: numpy's allocator hands back the blocks the
        previous step freed, still in the cache. Arrays kept per batch size and role were
        measured (issue 14, on a 2-core Xeon, one thread): no faster for momentum, about 3%
        slower for Adam (probably: they add a megabyte to a working set that overflows L2).
        Returns the loss as a 0-d backend array (reading it is the caller's choice).
        ``pool`` spreads the elementwise work over threads; the sums over the batch (loss,
        bias gradients) stay single calls, so the result is the same on any number of threads.
        """
        xp = self.backend.xp
        inputs = [x]  # inputs[l] = a^[l], the input to layer l + 1
        kept = [None]  # kept[l] = z^[l] when S^[l]'s derivative needs it
        a = x
        for layer in range(self.n_layers - 1):
            z = a @ self.W[layer].T
            kept.append(z if self._activations[layer].needs_z else None)
            a = self._activate(z, layer, pool)
            inputs.append(a)
        z = a @ self.W[-1].T
        z += self.b[-1]
        if self._head_kernel is not None:
            loss, delta = self._head_kernel(xp, z, y)
        else:
            loss, delta = self.head.loss(xp, z, y), self.head.delta(xp, z, y)
        if scale != 1.0:
            delta *= scale
        for layer in range(self.n_layers - 1, -1, -1):
            xp.matmul(inputs[layer].T, delta, out=self.dW[layer].T)  # dW^T = a^T delta
            delta.sum(axis=0, out=self.db[layer])
            if layer > 0:
                delta = delta @ self.W[layer]
                fused = self._backward_kernels[layer - 1]
                if fused is not None:
                    delta = fused(delta, kept[layer], inputs[layer])
                else:
                    delta = self._backward_activation(
                        delta, layer - 1, kept[layer], inputs[layer], pool
                    )
        return loss

    def loss(self, x, y, chunk: int = EVAL_CHUNK) -> float:
        """Mean loss over all rows (chunked), as a Python float."""
        xp = self.backend.xp
        n = len(x)
        total = xp.zeros((), dtype=xp.float64)
        for i in range(0, n, chunk):
            part = self.head.loss(xp, self.logits(x[i : i + chunk]), y[i : i + chunk])
            total += part * (min(chunk, n - i) / n)
        return float(total)

    # -- host copies -------------------------------------------------------------------------
    def weights_to_host(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """(W^[l], b^[l]) for every layer as numpy copies, safe to hand to another thread."""
        flat = self.backend.to_host(self.params)
        weights, biases = self._views(flat)
        return [(np.ascontiguousarray(w), b) for w, b in zip(weights, biases)]

    def layers_of(self, flat) -> list[tuple[np.ndarray, np.ndarray]]:
        """(W^[l], b^[l]) per layer of a flat host vector in this network's layout (a copy)."""
        flat = np.asarray(flat)
        if flat.shape != (self.n_params,):
            raise ValueError(f"expected {self.n_params} parameters, got shape {flat.shape}")
        weights, biases = self._views(flat)
        return [(np.ascontiguousarray(w), np.array(b)) for w, b in zip(weights, biases)]

    def params_to_host(self) -> np.ndarray:
        return self.backend.to_host(self.params)

    def set_params(self, flat) -> None:
        """Overwrite all parameters from a flat array in this network's layout."""
        flat = np.asarray(flat) if not self.backend.is_gpu else flat
        if flat.shape != (self.n_params,):
            raise ValueError(f"expected {self.n_params} parameters, got shape {flat.shape}")
        self.params[...] = self.backend.asarray(flat, dtype=self.backend.dtype)

    def set_weights(self, layers: list[tuple[np.ndarray, np.ndarray]]) -> None:
        """Overwrite every (W^[l], b^[l]) from host arrays; shapes must match."""
        if len(layers) != self.n_layers:
            raise ValueError(f"expected {self.n_layers} layers, got {len(layers)}")
        for layer, (w, b) in enumerate(layers):
            if w.shape != self.W[layer].shape or b.shape != self.b[layer].shape:
                raise ValueError(
                    f"layer {layer + 1}: expected W {self.W[layer].shape} and b "
                    f"{self.b[layer].shape}, got {w.shape} and {b.shape}"
                )
            self.W[layer][...] = self.backend.asarray(w, dtype=self.backend.dtype)
            self.b[layer][...] = self.backend.asarray(b, dtype=self.backend.dtype)
