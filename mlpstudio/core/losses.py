"""The head registry: the last layer's output function paired with the loss it is trained with.

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

The math of an entry (``output(xp, z)``, ``loss(xp, z, y)``, ``delta(xp, z, y)``) is a set of
module-level functions that use only their arguments, ``xp`` and literal numbers, so that an
exported script can inline their source; none of them changes ``z``. ``y`` holds class indices
for a head whose ``targets`` is ``"index"`` and float rows otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Head:
    name: str
    label: str  # QT_TRANSLATE_NOOP("Heads", ...)
    formula: str  # output and loss, as the UI shows them
    torch: str  # the PyTorch loss module, as Python source
    torch_output: str  # a^[L] from the logits {z} in PyTorch, as Python source
    output: Callable  # output(xp, z) -> a^[L]
    loss: Callable  # loss(xp, z, y) -> mean loss (0-d array)
    delta: Callable  # delta(xp, z, y) -> dL/dz for the batch mean
    targets: str = "float"  # "index" (class numbers) or "float" (target rows)
    is_classification: bool = True
    loss_name: str = (
        ""  # the loss, named in the loss view's caption (QT_TRANSLATE_NOOP("Heads", ...))
    )
    output_name: str = ""  # S^[L] in the model's notation (QT_TRANSLATE_NOOP("Heads", ...))
    max_classes: int | None = None  # the most classes it can tell apart (None: any)

    def prepare_targets(self, xp, y, dtype):
        """Targets in the form the loss needs: class indices, or float rows."""
        if self.targets == "index":
            return xp.asarray(y, dtype=xp.int64).reshape(-1)
        y = xp.asarray(y, dtype=dtype)
        return y.reshape(len(y), -1)


def mse_output(xp, z):
    return z.copy()


def mse_loss(xp, z, y):
    diff = z - y
    return (diff * diff).mean()


def mse_delta(xp, z, y):
    delta = z - y
    delta *= 2.0 / delta.size
    return delta


def softmax_output(xp, z):
    e = xp.exp(z - z.max(axis=1, keepdims=True))
    e /= e.sum(axis=1, keepdims=True)
    return e


def softmax_loss(xp, z, y):
    zmax = z.max(axis=1, keepdims=True)
    log_norm = xp.log(xp.exp(z - zmax).sum(axis=1)) + zmax[:, 0]
    return (log_norm - z[xp.arange(len(z)), y]).mean()


def softmax_delta(xp, z, y):
    delta = xp.exp(z - z.max(axis=1, keepdims=True))
    delta /= delta.sum(axis=1, keepdims=True)
    delta[xp.arange(len(z)), y] -= 1.0
    delta *= 1.0 / len(z)
    return delta


def sigmoid_output(xp, z):
    return 0.5 * xp.tanh(0.5 * z) + 0.5


def sigmoid_loss(xp, z, y):
    # log(1 + exp(z)) - y z, written so that exp never overflows.
    return (xp.maximum(z, 0) - z * y + xp.log1p(xp.exp(-xp.abs(z)))).mean()


def sigmoid_delta(xp, z, y):
    delta = 0.5 * xp.tanh(0.5 * z) + 0.5
    delta -= y
    delta *= 1.0 / delta.size
    return delta


HEADS: dict[str, Head] = {
    h.name: h
    for h in (
        Head(
            "mse",
            QT_TRANSLATE_NOOP("Heads", "Linear + mean squared error"),
            "a = z;  L = mean (a - y)^2",
            "nn.MSELoss()",
            "{z}",
            mse_output,
            mse_loss,
            mse_delta,
            is_classification=False,
            loss_name=QT_TRANSLATE_NOOP("Heads", "mean squared error"),
            output_name=QT_TRANSLATE_NOOP("Heads", "identity (linear output)"),
        ),
        Head(
            "softmax",
            QT_TRANSLATE_NOOP("Heads", "Softmax + cross-entropy"),
            "a = softmax(z);  L = -mean log a_y",
            "nn.CrossEntropyLoss()",
            "torch.softmax({z}, dim=1)",
            softmax_output,
            softmax_loss,
            softmax_delta,
            targets="index",
            loss_name=QT_TRANSLATE_NOOP("Heads", "cross-entropy"),
            output_name=QT_TRANSLATE_NOOP("Heads", "softmax"),
        ),
        Head(
            "sigmoid",
            QT_TRANSLATE_NOOP("Heads", "Sigmoid + binary cross-entropy"),
            "a = 1 / (1 + exp(-z));  L = -mean [y log a + (1 - y) log(1 - a)]",
            "nn.BCEWithLogitsLoss()",
            "torch.sigmoid({z})",
            sigmoid_output,
            sigmoid_loss,
            sigmoid_delta,
            loss_name=QT_TRANSLATE_NOOP("Heads", "binary cross-entropy"),
            output_name=QT_TRANSLATE_NOOP("Heads", "sigmoid"),
            max_classes=2,
        ),
    )
}


def get_head(name: str) -> Head:
    try:
        return HEADS[name]
    except KeyError:
        raise ValueError(f"unknown head {name!r}; choose one of {', '.join(HEADS)}") from None


def default_head(task: str, n_classes: int | None) -> str:
    """The head a task calls for: MSE for regression, sigmoid for two classes, else softmax."""
    if task == "regression":
        return "mse"
    return "sigmoid" if n_classes == 2 else "softmax"
