"""Hidden-layer activation functions S(z) and their derivatives.

Every derivative here is written in terms of the activation's *output* a = S(z), which is
possible for all of them (for leaky ReLU because the slope is positive, so a and z have the
same sign). The network therefore keeps only a^[l] per layer, never z^[l], which halves the
memory of a forward pass.

All functions take the array module ``xp`` (numpy or cupy) first, and work in place on ``z``
or ``delta`` to avoid allocating in the training loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP
from . import kernels

LEAKY_SLOPE = 0.01


@dataclass(frozen=True)
class Activation:
    name: str
    label: str  # how the course writes it
    formula: str  # S(z), in plain text
    forward: Callable  # forward(xp, z) -> a, may overwrite z
    backward: Callable  # backward(xp, a, delta) -> delta * S'(z), may overwrite delta


def _identity(xp, z):
    return z


def _identity_backward(xp, a, delta):
    return delta


def _relu(xp, z):
    # maximum with a Python scalar keeps the dtype (float32 stays float32).
    return xp.maximum(z, 0, out=z)


def _relu_backward(xp, a, delta):
    if kernels.is_cupy(xp):  # one fused kernel instead of a comparison and a product
        return kernels.relu_backward_kernel()(a, delta)
    delta *= a > 0
    return delta


def _leaky_relu(xp, z):
    return xp.maximum(z, z * LEAKY_SLOPE, out=z)


def _leaky_relu_backward(xp, a, delta):
    return xp.where(a > 0, delta, delta * LEAKY_SLOPE)


def _sigmoid(xp, z):
    # 1 / (1 + exp(-z)) written through tanh: exact, and never overflows for large |z|.
    z *= 0.5
    xp.tanh(z, out=z)
    z *= 0.5
    z += 0.5
    return z


def _sigmoid_backward(xp, a, delta):
    delta *= a * (1 - a)
    return delta


def _tanh(xp, z):
    return xp.tanh(z, out=z)


def _tanh_backward(xp, a, delta):
    delta *= 1 - a * a
    return delta


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation(
            "identity",
            QT_TRANSLATE_NOOP("Activations", "Identity"),
            "S(z) = z",
            _identity,
            _identity_backward,
        ),
        Activation(
            "relu",
            QT_TRANSLATE_NOOP("Activations", "ReLU"),
            "S(z) = max(0, z)",
            _relu,
            _relu_backward,
        ),
        Activation(
            "leaky_relu",
            QT_TRANSLATE_NOOP("Activations", "Leaky ReLU"),
            f"S(z) = max({LEAKY_SLOPE} z, z)",
            _leaky_relu,
            _leaky_relu_backward,
        ),
        Activation(
            "sigmoid",
            QT_TRANSLATE_NOOP("Activations", "Sigmoid"),
            "S(z) = 1 / (1 + exp(-z))",
            _sigmoid,
            _sigmoid_backward,
        ),
        Activation(
            "tanh",
            QT_TRANSLATE_NOOP("Activations", "Tanh"),
            "S(z) = tanh(z)",
            _tanh,
            _tanh_backward,
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
