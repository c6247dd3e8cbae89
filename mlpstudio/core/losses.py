"""Output heads: the last layer's activation paired with the loss it is trained with.

Each head works on the output layer's pre-activation ``z`` (the logits) because the pairs are
chosen so that the gradient of the loss with respect to ``z`` is simple and numerically safe:

=============  =====================  ================================  ====================
head           output a^[L]           loss (mean over the batch)         dL/dz
=============  =====================  ================================  ====================
``mse``        z (linear)             mean of (a - y)^2                  2 (a - y) / (B k)
``softmax``    softmax(z)             -log a_y (cross-entropy)           (a - onehot(y)) / B
``sigmoid``    1 / (1 + exp(-z))      binary cross-entropy               (a - y) / (B k)
=============  =====================  ================================  ====================

B is the batch size and k the number of outputs. The losses are means, so their value does not
depend on the batch size, and the mean squared error reported as the loss *is* the MSE.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP
from . import kernels

HEADS = ("mse", "softmax", "sigmoid")
HEAD_LABELS = {
    "mse": QT_TRANSLATE_NOOP("Heads", "Linear + mean squared error"),
    "softmax": QT_TRANSLATE_NOOP("Heads", "Softmax + cross-entropy"),
    "sigmoid": QT_TRANSLATE_NOOP("Heads", "Sigmoid + binary cross-entropy"),
}


@dataclass(frozen=True)
class Head:
    name: str

    @property
    def label(self) -> str:
        return HEAD_LABELS[self.name]

    @property
    def is_classification(self) -> bool:
        return self.name != "mse"

    # -- targets -----------------------------------------------------------------------------
    def prepare_targets(self, xp, y, dtype):
        """Targets in the form the loss needs: class indices for softmax, floats otherwise."""
        if self.name == "softmax":
            return xp.asarray(y, dtype=xp.int64).reshape(-1)
        y = xp.asarray(y, dtype=dtype)
        return y.reshape(len(y), -1)

    # -- forward -----------------------------------------------------------------------------
    def output(self, xp, z):
        """a^[L] from the logits (a new array; ``z`` is left unchanged)."""
        if self.name == "mse":
            return z.copy()
        if self.name == "sigmoid":
            return 0.5 * xp.tanh(0.5 * z) + 0.5
        shifted = z - z.max(axis=1, keepdims=True)
        e = xp.exp(shifted)
        e /= e.sum(axis=1, keepdims=True)
        return e

    def loss(self, xp, z, y):
        """The mean loss over the rows of ``z`` as a 0-d array (no host synchronisation)."""
        if self.name == "mse":
            diff = z - y
            return (diff * diff).mean()
        if self.name == "sigmoid":
            # log(1 + exp(z)) - y z, written so that exp never overflows.
            return (xp.maximum(z, 0) - z * y + xp.log1p(xp.exp(-xp.abs(z)))).mean()
        zmax = z.max(axis=1, keepdims=True)
        log_norm = xp.log(xp.exp(z - zmax).sum(axis=1)) + zmax[:, 0]
        return (log_norm - z[xp.arange(len(z)), y]).mean()

    def loss_and_delta(self, xp, z, y, scale: float = 1.0):
        """Mean loss and ``scale`` * dL/dz for a batch; ``z`` is overwritten with the latter.

        ``scale`` costs nothing here (the gradient is multiplied by 1/B anyway) and lets an
        optimiser receive its gradients pre-multiplied (see :mod:`mlpstudio.core.optimizers`).
        """
        batch = z.shape[0]
        if self.name == "mse":
            z -= y  # now a - y
            loss = (z * z).mean()
            z *= 2.0 * scale / z.size
            return loss, z
        if self.name == "sigmoid":
            loss = self.loss(xp, z, y)
            z *= 0.5
            xp.tanh(z, out=z)
            z *= 0.5
            z += 0.5  # now a = sigmoid(z)
            z -= y
            z *= scale / z.size
            return loss, z
        if kernels.is_cupy(xp):  # one kernel instead of a dozen launches
            return kernels.softmax_cross_entropy(xp, z, y, scale / batch)
        rows = xp.arange(batch)
        z -= z.max(axis=1, keepdims=True)
        picked = z[rows, y]
        xp.exp(z, out=z)
        total = z.sum(axis=1)
        loss = (xp.log(total) - picked).mean()
        z /= total[:, None]  # now a = softmax(z)
        z[rows, y] -= 1.0
        z *= scale / batch
        return loss, z


def get_head(name: str) -> Head:
    if name not in HEADS:
        raise ValueError(f"unknown head {name!r}; choose one of {', '.join(HEADS)}")
    return Head(name)


def default_head(task: str, n_classes: int | None) -> str:
    """The head a task calls for: MSE for regression, sigmoid for two classes, else softmax."""
    if task == "regression":
        return "mse"
    return "sigmoid" if n_classes == 2 else "softmax"
