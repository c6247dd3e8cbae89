"""The activation registry: hidden-layer functions S(z) and their derivatives S'(z).

Each :class:`Activation` entry carries its math, its translatable label, the formula the UI
shows, its PyTorch equivalent and what the rest of the app needs to know about it (the
initialisation ``auto`` picks for it, whether its units can die or saturate).

The math functions are module-level functions that use only their arguments, ``xp`` (numpy
or cupy), ``math`` and literal numbers, so that an exported script can inline their source
(``inspect.getsource``) and compute exactly what the engine computes:

* ``forward(xp, z) -> a``: may overwrite ``z`` and return it, unless the entry's
  ``needs_z`` is true (the network then keeps ``z`` for the backward pass);
* ``derivative(xp, z, a) -> S'(z)``, elementwise. ``z`` is ``None`` for an entry whose
  ``needs_z`` is false: its derivative is written in terms of the output ``a``, so the network
  keeps only ``a^[l]`` for it and the memory of a forward pass does not double.

CuPy fused kernels (:mod:`mlpstudio.core.kernels`) may replace ``delta * S'(z)`` by name on
the GPU; they are an acceleration, never part of an entry.

To add an activation, write its two functions and one entry below (and its Spanish label in
the translations): the configuration, the panels, the files, the exports and the tests follow.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Activation:
    name: str  # the configuration's name
    label: str  # QT_TRANSLATE_NOOP("Activations", ...)
    formula: str  # S(z), as the UI shows it
    torch: str  # the PyTorch module, as Python source
    forward: Callable  # forward(xp, z) -> a
    derivative: Callable  # derivative(xp, z, a) -> S'(z)
    needs_z: bool = False  # the derivative needs z (not only a)
    init: str = "glorot"  # what the "auto" initialisation draws before it
    dead_units: bool = False  # a unit with a <= 0 on every sample is dead (ReLU-like)
    #: a unit is saturated when its output lies outside (low, high) (None: never)
    saturation: tuple[float, float] | None = None


def identity(xp, z):
    return z


def identity_derivative(xp, z, a):
    return xp.ones_like(a)


def relu(xp, z):
    # maximum with a Python scalar keeps the dtype (float32 stays float32).
    return xp.maximum(z, 0, out=z)


def relu_derivative(xp, z, a):
    return a > 0


def leaky_relu(xp, z):
    return xp.maximum(z, z * 0.01, out=z)


def leaky_relu_derivative(xp, z, a):
    # a and z have the same sign, because the slope 0.01 is positive
    return xp.where(a > 0, 1.0, 0.01).astype(a.dtype)


def sigmoid(xp, z):
    # 1 / (1 + exp(-z)) written through tanh: exact, and never overflows for large |z|.
    z *= 0.5
    xp.tanh(z, out=z)
    z *= 0.5
    z += 0.5
    return z


def sigmoid_derivative(xp, z, a):
    return a * (1 - a)


def tanh(xp, z):
    return xp.tanh(z, out=z)


def tanh_derivative(xp, z, a):
    return 1 - a * a


def gelu_tanh(xp, z):
    # GELU in PyTorch's tanh approximation: z Phi(z) ~ 0.5 z (1 + tanh(u)),
    # u = sqrt(2 / pi) (z + 0.044715 z^3). Leaves z unchanged: the derivative needs it.
    u = z * z
    u *= 0.044715
    u += 1.0
    u *= z
    u *= math.sqrt(2.0 / math.pi)
    xp.tanh(u, out=u)
    u += 1.0
    u *= z
    u *= 0.5
    return u


def gelu_tanh_derivative(xp, z, a):
    # d/dz of 0.5 z (1 + tanh(u)): 0.5 (1 + t) + 0.5 z (1 - t^2) du/dz, t = tanh(u),
    # du/dz = sqrt(2 / pi) (1 + 3 * 0.044715 z^2)
    z2 = z * z
    t = xp.tanh(math.sqrt(2.0 / math.pi) * z * (1.0 + 0.044715 * z2))
    slope = math.sqrt(2.0 / math.pi) * (1.0 + 3.0 * 0.044715 * z2)
    slope *= 1.0 - t * t
    slope *= z
    slope += 1.0 + t
    slope *= 0.5
    return slope


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation(
            "identity",
            QT_TRANSLATE_NOOP("Activations", "Identity"),
            "S(z) = z",
            "nn.Identity()",
            identity,
            identity_derivative,
        ),
        Activation(
            "relu",
            QT_TRANSLATE_NOOP("Activations", "ReLU"),
            "S(z) = max(0, z)",
            "nn.ReLU()",
            relu,
            relu_derivative,
            init="he",
            dead_units=True,
        ),
        Activation(
            "leaky_relu",
            QT_TRANSLATE_NOOP("Activations", "Leaky ReLU"),
            "S(z) = max(0.01 z, z)",
            "nn.LeakyReLU(0.01)",
            leaky_relu,
            leaky_relu_derivative,
            init="he",
            dead_units=True,
        ),
        Activation(
            "sigmoid",
            QT_TRANSLATE_NOOP("Activations", "Sigmoid"),
            "S(z) = 1 / (1 + exp(-z))",
            "nn.Sigmoid()",
            sigmoid,
            sigmoid_derivative,
            saturation=(0.01, 0.99),
        ),
        Activation(
            "tanh",
            QT_TRANSLATE_NOOP("Activations", "Tanh"),
            "S(z) = tanh(z)",
            "nn.Tanh()",
            tanh,
            tanh_derivative,
            saturation=(-0.99, 0.99),
        ),
        Activation(
            "gelu_tanh",
            QT_TRANSLATE_NOOP("Activations", "GELU (tanh approximation)"),
            "S(z) = 0.5 z (1 + tanh(sqrt(2 / pi) (z + 0.044715 z^3)))",
            'nn.GELU(approximate="tanh")',
            gelu_tanh,
            gelu_tanh_derivative,
            needs_z=True,
            init="he",
        ),
    )
}


def get_activation(name: str) -> Activation:
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(
            f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}"
        ) from None
