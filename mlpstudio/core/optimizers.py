"""Optimisers that update the network's flat parameter array in place.

They follow PyTorch's formulations, so that a student moving to PyTorch sees the same numbers:

* SGD:       p <- p - lr g
* Momentum:  v <- mu v + g;             p <- p - lr v
* Nesterov:  v <- mu v + g;             p <- p - lr (g + mu v)
* Adam:      m <- b1 m + (1 - b1) g;    v <- b2 v + (1 - b2) g^2
             p <- p - lr m_hat / (sqrt(v_hat) + eps)
             with m_hat = m / (1 - b1^t) and v_hat = v / (1 - b2^t)

L2 weight decay adds ``weight_decay * W`` to the gradient of the weights (not the biases),
which is the gradient of (weight_decay / 2) sum W^2.

Every update is a few whole-array operations on one contiguous buffer, written in place so
the training loop allocates nothing; the gradient buffer is used as scratch space, so its
contents are undefined after a step.
"""

from __future__ import annotations

import math

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..memory import check_memory
from . import kernels

OPTIMIZERS = ("sgd", "momentum", "nesterov", "adam")
OPTIMIZER_LABELS = {
    "sgd": QT_TRANSLATE_NOOP("Optimizers", "SGD"),
    "momentum": QT_TRANSLATE_NOOP("Optimizers", "SGD + momentum"),
    "nesterov": QT_TRANSLATE_NOOP("Optimizers", "Nesterov momentum"),
    "adam": QT_TRANSLATE_NOOP("Optimizers", "Adam"),
}


class Optimizer:
    """Base class: holds the hyper-parameters and applies weight decay.

    Speed: every pass over the parameters costs as much as a small matrix product, so the
    optimisers ask the network for *pre-scaled* gradients. :meth:`gradient_scale` says by
    which factor s; the network multiplies its output-layer error by s (free, since that
    array is tiny and already scaled by 1/B), so backpropagation delivers s * dL/dtheta.
    :meth:`step_scaled` consumes such gradients; :meth:`step` takes ordinary ones.
    """

    name = "sgd"

    def __init__(self, xp, n_params: int, n_weights: int, weight_decay: float = 0.0):
        self.xp = xp
        self.n_params = n_params
        self.n_weights = n_weights
        self.weight_decay = float(weight_decay)
        self.t = 0  # number of steps taken

    def gradient_scale(self, lr: float) -> float:
        """The factor s the gradients passed to :meth:`step_scaled` must be multiplied by."""
        return lr

    def step(self, params, grads, lr: float) -> None:
        """Update ``params`` in place from plain gradients (``grads`` is overwritten)."""
        grads *= self.gradient_scale(float(lr))
        self.step_scaled(params, grads, lr)

    def step_scaled(self, params, grads, lr: float) -> None:
        """Update ``params`` from gradients already multiplied by ``gradient_scale(lr)``."""
        lr = float(lr)
        self.t += 1
        if self.weight_decay:
            w = slice(0, self.n_weights)
            grads[w] += (self.weight_decay * self.gradient_scale(lr)) * params[w]
        self._update(params, grads, lr)

    def _update(self, params, grads, lr):
        params -= grads  # grads = lr g

    # -- state, for saving and continuing a run -----------------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        """The optimiser's buffers as host arrays in PyTorch's units (plus the step count)."""
        out = {"t": np.array(self.t, dtype=np.int64)}
        for key, value in self._export().items():
            out[key] = value.get() if hasattr(value, "get") else np.array(value, copy=True)
        return out

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        self.t = int(state["t"])
        self._import({k: self.xp.asarray(v) for k, v in state.items() if k != "t"})

    def _export(self) -> dict:
        return {}

    def _import(self, buffers: dict) -> None:
        pass


class SGD(Optimizer):
    name = "sgd"


class Momentum(Optimizer):
    """Keeps u = lr v, the velocity in parameter units, so that one step is three passes:
    u <- mu (lr_t / lr_{t-1}) u + lr_t g;  p <- p - u. This equals PyTorch's update even
    when the learning rate changes between steps."""

    name = "momentum"

    def __init__(self, xp, n_params, n_weights, weight_decay=0.0, momentum=0.9, dtype=None):
        super().__init__(xp, n_params, n_weights, weight_decay)
        self.momentum = float(momentum)
        self._u = xp.zeros(n_params, dtype=dtype)
        self._lr_prev = None  # learning rate of the previous step
        self._fused = kernels.momentum_kernel() if kernels.is_cupy(xp) else None

    def _decay_factor(self, lr) -> float:
        """mu lr_t / lr_{t-1}: how much of the previous velocity is kept (0 at the start)."""
        return 0.0 if self._lr_prev is None else self.momentum * (lr / self._lr_prev)

    def _advance(self, grads, lr):
        self._u *= self._decay_factor(lr)
        self._u += grads
        self._lr_prev = lr

    def _update(self, params, grads, lr):
        if self._fused is not None:
            self._fused(grads, params.dtype.type(self._decay_factor(lr)), params, self._u)
            self._lr_prev = lr
            return
        self._advance(grads, lr)
        params -= self._u

    def _export(self):
        scale = 1.0 / self._lr_prev if self._lr_prev else 1.0
        return {"velocity": self._u * scale}

    def _import(self, buffers):
        if "velocity" in buffers:
            self._u[...] = buffers["velocity"]
            self._lr_prev = 1.0 if self.t > 0 else None  # u = 1 * v until the next step


class Nesterov(Momentum):
    """p <- p - lr (g + mu v), with the same u = lr v bookkeeping as :class:`Momentum`."""

    name = "nesterov"

    def _update(self, params, grads, lr):
        self._advance(grads, lr)
        grads += self.momentum * self._u
        params -= grads


class Adam(Optimizer):
    """Adam with ten passes per step. With c = 1 - b1 the network delivers g' = c g, so
    m <- b1 m + g' is exactly Adam's first moment, and the second moment is kept as
    v' = v c^2 / (1 - b2), which obeys v' <- b2 v' + g'^2. The update
    lr m_hat / (sqrt(v_hat) + eps) is then k m / (sqrt(v') + eps / K), with
    K = sqrt((1 - b2) / (1 - b2^t)) / c and k = lr / ((1 - b1^t) K)."""

    name = "adam"

    def __init__(
        self,
        xp,
        n_params,
        n_weights,
        weight_decay=0.0,
        beta1=0.9,
        beta2=0.999,
        eps=1e-8,
        dtype=None,
    ):
        super().__init__(xp, n_params, n_weights, weight_decay)
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)
        self._m = xp.zeros(n_params, dtype=dtype)
        self._v = xp.zeros(n_params, dtype=dtype)  # v' = v (1 - b1)^2 / (1 - b2)
        self._fused = kernels.adam_kernel() if kernels.is_cupy(xp) else None
        self._scratch = None if self._fused is not None else xp.zeros(n_params, dtype=dtype)

    def gradient_scale(self, lr):
        return 1.0 - self.beta1

    @property
    def _v_factor(self) -> float:
        """v = v' times this."""
        return (1.0 - self.beta2) / (1.0 - self.beta1) ** 2

    def _update(self, params, grads, lr):
        xp, m, v, tmp = self.xp, self._m, self._v, self._scratch
        b1, b2 = self.beta1, self.beta2
        big_k = math.sqrt((1.0 - b2) / (1.0 - b2**self.t)) / (1.0 - b1)
        step = lr / ((1.0 - b1**self.t) * big_k)
        if self._fused is not None:
            t = params.dtype.type
            self._fused(grads, t(b1), t(b2), t(self.eps / big_k), t(step), params, m, v)
            return
        m *= b1
        m += grads
        xp.multiply(grads, grads, out=grads)
        v *= b2
        v += grads
        xp.sqrt(v, out=tmp)
        tmp += self.eps / big_k
        xp.divide(m, tmp, out=tmp)
        tmp *= step
        params -= tmp

    def _export(self):
        return {"m": self._m, "v": self._v * self._v_factor}

    def _import(self, buffers):
        if "m" in buffers:
            self._m[...] = buffers["m"]
        if "v" in buffers:
            self._v[...] = buffers["v"] / self._v_factor


#: Parameter-sized arrays each optimiser keeps (Adam: m, v and a scratch buffer).
OPTIMIZER_BUFFER_COUNT = {"sgd": 0, "momentum": 1, "nesterov": 1, "adam": 3}


def make_optimizer(
    name: str,
    xp,
    n_params: int,
    n_weights: int,
    dtype,
    weight_decay: float = 0.0,
    momentum: float = 0.9,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> Optimizer:
    buffers = OPTIMIZER_BUFFER_COUNT.get(name, 0)
    if buffers:
        itemsize = np.dtype(dtype).itemsize if dtype is not None else 8
        check_memory(
            buffers * n_params * itemsize,
            translate("Memory", "The {name} optimiser's state for {params} parameters").format(
                name=name, params=f"{n_params:,}"
            ),
            translate("Memory", "Use fewer or narrower hidden layers, or plain SGD."),
        )
    if name == "sgd":
        return SGD(xp, n_params, n_weights, weight_decay)
    if name == "momentum":
        return Momentum(xp, n_params, n_weights, weight_decay, momentum, dtype=dtype)
    if name == "nesterov":
        return Nesterov(xp, n_params, n_weights, weight_decay, momentum, dtype=dtype)
    if name == "adam":
        return Adam(xp, n_params, n_weights, weight_decay, beta1, beta2, eps, dtype=dtype)
    raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")


SCHEDULES = ("constant", "step", "cosine")
SCHEDULE_LABELS = {
    "constant": QT_TRANSLATE_NOOP("Schedules", "Constant"),
    "step": QT_TRANSLATE_NOOP("Schedules", "Step decay"),
    "cosine": QT_TRANSLATE_NOOP("Schedules", "Cosine annealing"),
}


def schedule_factor(
    schedule: str,
    epoch: int,
    total_epochs: int,
    step_size: int = 100,
    gamma: float = 0.5,
    min_factor: float = 0.0,
) -> float:
    """Multiplier of the base learning rate during ``epoch`` (0-based).

    * constant: 1
    * step: gamma ** (epoch // step_size)
    * cosine: min + (1 - min) (1 + cos(pi epoch / total)) / 2, from 1 down to ``min_factor``
    """
    if schedule == "constant":
        return 1.0
    if schedule == "step":
        return gamma ** (epoch // max(1, step_size))
    if schedule == "cosine":
        progress = min(1.0, epoch / max(1, total_epochs))
        return min_factor + (1.0 - min_factor) * 0.5 * (1.0 + math.cos(math.pi * progress))
    raise ValueError(f"unknown schedule {schedule!r}; choose one of {', '.join(SCHEDULES)}")
