"""Two of the course's blackboard pictures, with the network's own numbers.

* :func:`batch_shapes` - vectorisation: for a batch of B samples, the shapes of X, Z^[l] and
  A^[l] in the course's column convention (one sample per column: X is N_0 x B,
  Z^[l] = W^[l] A^[l-1] + b^[l] is N_l x B), the shapes the code really stores (one sample per
  row: B x N_l, computed as ``A @ W.T + b``), and the multiplications per sample,
  sum_l N_l N_{l-1}, beside the parameter count sum_l N_l (N_{l-1} + 1).
* :func:`neuron` - one neuron: z = w^T a + b and a = S(z) for unit i of layer l on one input,
  with its terms w_j a_j, from host copies of the weights (as a snapshot carries them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .losses import get_head
from .network import layer_counts, parameter_count


@dataclass(frozen=True)
class LayerShapes:
    """One layer l = 1..L for a batch of ``batch`` samples."""

    layer: int
    inputs: int  # N_{l-1}
    units: int  # N_l
    batch: int  # B

    @property
    def w(self) -> tuple[int, int]:
        """W^[l]: N_l x N_{l-1} (the same in both conventions)."""
        return (self.units, self.inputs)

    @property
    def b(self) -> tuple[int, int]:
        """b^[l] as a column, N_l x 1, broadcast over the B columns."""
        return (self.units, 1)

    @property
    def course(self) -> tuple[int, int]:
        """Z^[l] and A^[l] in the course's convention: N_l x B (a column per sample)."""
        return (self.units, self.batch)

    @property
    def code(self) -> tuple[int, int]:
        """Z and A as the code stores them: B x N_l (a row per sample)."""
        return (self.batch, self.units)

    @property
    def multiplications(self) -> int:
        """Multiplications per sample in W^[l] a^[l-1]: N_l N_{l-1}."""
        return self.units * self.inputs


@dataclass(frozen=True)
class BatchShapes:
    sizes: tuple[int, ...]  # N_0, ..., N_L
    batch: int  # B
    layers: tuple[LayerShapes, ...]

    @property
    def x_course(self) -> tuple[int, int]:
        """X = A^[0]: N_0 x B."""
        return (self.sizes[0], self.batch)

    @property
    def x_code(self) -> tuple[int, int]:
        return (self.batch, self.sizes[0])

    @property
    def multiplications_per_sample(self) -> int:
        """sum_l N_l N_{l-1}: the weights, each used once per sample in the forward pass."""
        return sum(layer.multiplications for layer in self.layers)

    @property
    def multiplications_per_batch(self) -> int:
        return self.batch * self.multiplications_per_sample

    @property
    def params(self) -> int:
        """sum_l N_l (N_{l-1} + 1)."""
        return parameter_count(list(self.sizes))


def batch_shapes(sizes, batch: int) -> BatchShapes:
    """The shapes of a forward pass of ``batch`` samples through layers ``sizes``."""
    sizes = tuple(int(n) for n in sizes)
    if len(sizes) < 2 or min(sizes) < 1 or batch < 1:
        raise ValueError("batch_shapes needs at least an input and an output layer and B >= 1")
    layers = tuple(
        LayerShapes(c.layer, c.inputs, c.units, int(batch)) for c in layer_counts(list(sizes))
    )
    return BatchShapes(sizes, int(batch), layers)


@dataclass(frozen=True)
class Neuron:
    """Unit ``unit`` (0-based) of layer ``layer`` (1-based) on one input."""

    layer: int
    unit: int
    activation: str  # the name of S: an activation, or the head on the output layer
    a_in: np.ndarray  # a^[l-1], length N_{l-1}
    w: np.ndarray  # row ``unit`` of W^[l]
    b: float
    z: float  # w^T a + b
    a: float  # S(z); for a softmax head, softmax over the whole layer (it couples the units)

    @property
    def terms(self) -> np.ndarray:
        """w_j a_j, one per input of the unit: z = sum of these + b."""
        return self.w * self.a_in


def neuron(weights, activation_names, head: str, x, layer: int, unit: int) -> Neuron:
    """z and a of unit ``unit`` in layer ``layer`` for one input ``x`` (float64, host).

    ``weights`` are [(W, b), ...] host arrays with W^[l] of shape N_l x N_{l-1}."""
    n_layers = len(weights)
    if not 1 <= layer <= n_layers:
        raise ValueError(f"layer must be 1..{n_layers}")
    a = np.asarray(x, dtype=np.float64).reshape(-1)
    for index in range(layer - 1):
        w_l, b_l = weights[index]
        z_l = np.asarray(w_l, dtype=np.float64) @ a + np.asarray(b_l, dtype=np.float64)
        a = ACTIVATIONS[activation_names[index]].forward(np, z_l)
    w_l, b_l = (np.asarray(v, dtype=np.float64) for v in weights[layer - 1])
    if not 0 <= unit < w_l.shape[0]:
        raise ValueError(f"unit must be 0..{w_l.shape[0] - 1}")
    z_all = w_l @ a + b_l
    if layer < n_layers:
        name = activation_names[layer - 1]
        out = ACTIVATIONS[name].forward(np, z_all[None, :].copy())[0]
    else:
        name = head
        out = get_head(head).output(np, z_all[None, :].copy())[0]
    return Neuron(layer, unit, name, a, w_l[unit].copy(), float(b_l[unit]),
                  float(z_all[unit]), float(out[unit]))  # fmt: skip
