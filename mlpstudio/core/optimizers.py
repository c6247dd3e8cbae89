"""The optimiser registry: update rules for the network's flat parameter array.

Every rule follows PyTorch's formulation, so that a student moving to PyTorch sees the same
numbers (``tests/test_registries.py`` checks each entry against ``torch.optim``):

* SGD:       p <- p - lr g
* Momentum:  v <- mu v + g;             p <- p - lr v
* Nesterov:  v <- mu v + g;             p <- p - lr (g + mu v)
* Adam:      m <- b1 m + (1 - b1) g;    v <- b2 v + (1 - b2) g^2
             p <- p - lr m_hat / (sqrt(v_hat) + eps)
             with m_hat = m / (1 - b1^t) and v_hat = v / (1 - b2^t)

An entry's ``update(xp, params, grads, state, lr, t, **hp)`` is a module-level function that
uses only its arguments, ``xp``, ``math`` and literal numbers (an exported script inlines its
source). It updates ``params`` in place; ``state`` maps each name in ``buffers`` to a
parameter-sized array in PyTorch's units (what ``.mlpx`` files store); ``t`` counts the steps
from 1; ``hp`` holds the entry's options by name. ``grads`` may be used as scratch space.
An update must be elementwise and work in place on the arrays it is given (never rebind a
state entry): on several cores :class:`Optimizer` calls it on consecutive blocks of the
arrays at once (:mod:`mlpstudio.core.parallel`), which gives the same bits as one call.

L2 weight decay is applied by :class:`Optimizer` before the rule: it adds
``weight_decay * W`` to the gradient of the weights (not the biases), the gradient of
(weight_decay / 2) sum W^2, as PyTorch's ``weight_decay`` does for the parameters it is given.

To add an optimiser, write its ``update`` and one entry below (with its option specs and the
Spanish labels in the translations): the configuration, the Training panel, the files, the
exports and the tests follow.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, number, translate
from ..memory import check_memory
from . import kernels, parallel
from .options import OptionSpec, merge_specs


@dataclass(frozen=True)
class OptimizerEntry:
    name: str
    label: str  # QT_TRANSLATE_NOOP("Optimizers", ...)
    formula: str  # the update, as the UI shows it
    torch: str  # torch.optim.X(...) as a format string ({params}, {learning_rate}, options)
    update: Callable  # update(xp, params, grads, state, lr, t, **hp)
    buffers: tuple[str, ...] = ()  # parameter-sized state arrays, in PyTorch's units
    options: tuple[OptionSpec, ...] = ()
    scratch: int = 0  # parameter-sized temporaries a step allocates (for the memory check)
    nonnegative: tuple[str, ...] = ()  # buffers that can never hold negative values


MOMENTUM = OptionSpec(
    "momentum", QT_TRANSLATE_NOOP("Options", "Momentum"), 0.9, 0.0, 0.999, 0.05, 3,
    help="momentum coefficient",
    tooltip=QT_TRANSLATE_NOOP(
        "Options", "Momentum coefficient mu: the share of the previous step kept in the next."
    ),
)  # fmt: skip
BETA1 = OptionSpec(
    "beta1", QT_TRANSLATE_NOOP("Options", "Beta 1"), 0.9, 0.0, 0.999, 0.01, 3,
    help="Adam: decay of the mean of the gradients",
    tooltip=QT_TRANSLATE_NOOP(
        "Options", "Adam's beta 1: how slowly the running mean of the gradients forgets."
    ),
)  # fmt: skip
BETA2 = OptionSpec(
    "beta2", QT_TRANSLATE_NOOP("Options", "Beta 2"), 0.999, 0.0, 0.9999, 0.001, 4,
    help="Adam: decay of the mean of the squared gradients",
    tooltip=QT_TRANSLATE_NOOP(
        "Options", "Adam's beta 2: how slowly the running mean of the squared gradients forgets."
    ),
)  # fmt: skip
EPS = OptionSpec(
    "eps", QT_TRANSLATE_NOOP("Options", "Epsilon"), 1e-8, 1e-12, 1e-2, 1e-9, 12,
    help="added to the root of the squared-gradient average", log=True,
    tooltip=QT_TRANSLATE_NOOP(
        "Options", "A small number added to the denominator so that it is never zero."
    ),
)  # fmt: skip


def sgd_update(xp, params, grads, state, lr, t):
    grads *= lr
    params -= grads


def momentum_update(xp, params, grads, state, lr, t, momentum):
    v = state["velocity"]
    v *= momentum
    v += grads
    xp.multiply(v, lr, out=grads)
    params -= grads


def nesterov_update(xp, params, grads, state, lr, t, momentum):
    v = state["velocity"]
    v *= momentum
    v += grads
    grads += momentum * v
    grads *= lr
    params -= grads


def adam_update(xp, params, grads, state, lr, t, beta1, beta2, eps):
    # PyTorch's Adam, in place and without temporaries: with c2 = sqrt(1 - beta2^t),
    # lr m_hat / (sqrt(v_hat) + eps) = lr c2 / (1 - beta1^t) * m / (sqrt(v) + eps c2).
    m, v = state["m"], state["v"]
    grads *= 1 - beta1
    m *= beta1
    m += grads  # m <- beta1 m + (1 - beta1) g
    grads *= grads
    grads *= (1 - beta2) / (1 - beta1) ** 2
    v *= beta2
    v += grads  # v <- beta2 v + (1 - beta2) g^2
    c2 = math.sqrt(1 - beta2**t)
    xp.sqrt(v, out=grads)
    grads += eps * c2
    xp.divide(m, grads, out=grads)
    grads *= lr * c2 / (1 - beta1**t)
    params -= grads


ALPHA = OptionSpec(
    "alpha", QT_TRANSLATE_NOOP("Options", "Alpha"), 0.99, 0.0, 0.9999, 0.01, 4,
    help="RMSProp: decay of the mean of the squared gradients",
    tooltip=QT_TRANSLATE_NOOP(
        "Options", "RMSProp's alpha: how slowly the running mean of the squared gradients forgets."
    ),
)  # fmt: skip


def rmsprop_update(xp, params, grads, state, lr, t, alpha, eps):
    s = state["square_avg"]
    s *= alpha
    s += (1 - alpha) * grads * grads
    denom = xp.sqrt(s)
    denom += eps
    grads /= denom
    grads *= lr
    params -= grads


OPTIMIZERS: dict[str, OptimizerEntry] = {
    o.name: o
    for o in (
        OptimizerEntry(
            "sgd",
            QT_TRANSLATE_NOOP("Optimizers", "SGD"),
            "theta <- theta - eta g",
            "torch.optim.SGD({params}, lr={learning_rate})",
            sgd_update,
        ),
        OptimizerEntry(
            "momentum",
            QT_TRANSLATE_NOOP("Optimizers", "SGD + momentum"),
            "v <- mu v + g,  theta <- theta - eta v",
            "torch.optim.SGD({params}, lr={learning_rate}, momentum={momentum})",
            momentum_update,
            buffers=("velocity",),
            options=(MOMENTUM,),
        ),
        OptimizerEntry(
            "nesterov",
            QT_TRANSLATE_NOOP("Optimizers", "Nesterov momentum"),
            "v <- mu v + g,  theta <- theta - eta (g + mu v)",
            "torch.optim.SGD({params}, lr={learning_rate}, momentum={momentum}, nesterov=True)",
            nesterov_update,
            buffers=("velocity",),
            options=(MOMENTUM,),
            scratch=1,
        ),
        OptimizerEntry(
            "adam",
            QT_TRANSLATE_NOOP("Optimizers", "Adam"),
            "m <- b1 m + (1 - b1) g,  v <- b2 v + (1 - b2) g^2,  "
            "theta <- theta - eta m_hat / (sqrt(v_hat) + eps)",
            "torch.optim.Adam({params}, lr={learning_rate}, betas=({beta1}, {beta2}), eps={eps})",
            adam_update,
            buffers=("m", "v"),
            options=(BETA1, BETA2, EPS),
            scratch=1,
            nonnegative=("v",),
        ),
        OptimizerEntry(
            "rmsprop",
            QT_TRANSLATE_NOOP("Optimizers", "RMSProp"),
            "s <- alpha s + (1 - alpha) g^2,  theta <- theta - eta g / (sqrt(s) + eps)",
            "torch.optim.RMSprop({params}, lr={learning_rate}, alpha={alpha}, eps={eps})",
            rmsprop_update,
            buffers=("square_avg",),
            options=(ALPHA, EPS),
            scratch=2,
            nonnegative=("square_avg",),
        ),
    )
}


# -- subnormal state (the CPU's slow path) -----------------------------------------------------
#: :meth:`Optimizer.step` flushes the state's near-subnormal entries every this many steps
FLUSH_EVERY = 16


def flush_threshold(dtype, squares: bool = False) -> float:
    """The magnitude below which :meth:`Optimizer.step` sets a state entry to zero on the CPU
    (``squares``: for a buffer of averaged squared gradients, the registry's ``nonnegative``).

    Why: a parameter whose gradient is zero (an MNIST border pixel's weights, a dead ReLU
    unit's) keeps its state decaying geometrically (``v *= momentum``, ``m *= beta1`` every
    step) down into the subnormal numbers, and x86 CPUs handle subnormal operands in microcode,
    tens of times slower than normal ones: a 784-256-128-10 MNIST run had thousands of them
    after one epoch, and each epoch got slower than the last (``benchmarks/denormals.py``).
    GPUs pay no such penalty, so only numpy flushes.

    The threshold is the smallest normal number divided by the machine epsilon (2^-103, about
    1e-31, in float32; 2^-970 in float64). Every :data:`FLUSH_EVERY` steps the entries below
    it become zero (keeping their sign), so state decaying by a factor of at least
    ``eps ** (1 / FLUSH_EVERY)`` per step (0.37 in float32: every default) never reaches the
    subnormals, and faster decay leaves them within a few steps anyway. Such an entry moves its
    parameter by less than ``lr * 1e-31`` a step (momentum) or, through Adam's
    ``m / (sqrt(v) + eps)``, by less than ``lr * 1e-22`` a step at the default eps and beta1:
    less than half a float32 step of any parameter larger in magnitude than 2e-15 times the
    learning rate, so the parameter keeps its bits (``tests/test_denormals.py`` trains with and
    without the flush and gets the same weights). A buffer of squares enters the update
    through its square root, added to eps, so it loses only its subnormals (below the smallest
    normal number, whose root is 1e-19 in float32). Entries at or above the threshold are never
    touched, and the flush is elementwise, so any split over threads gives the same bits."""
    info = np.finfo(dtype)
    return float(info.tiny if squares else info.tiny / info.eps)


def option_specs() -> dict[str, OptionSpec]:
    """Every optimiser's option specs by name (shared names share one spec)."""
    return merge_specs(o.options for o in OPTIMIZERS.values())


def state_arrays(name: str) -> int:
    """Parameter-sized arrays the optimiser ``name`` keeps or allocates per step."""
    entry = get_optimizer(name)
    return len(entry.buffers) + entry.scratch


class Optimizer:
    """Runs one registry entry: owns its state buffers and step count, applies weight decay.

    On numpy every step calls the entry's own ``update``, on blocks of the parameters in
    parallel when ``pool`` has several threads (:mod:`mlpstudio.core.parallel`; the blocks
    give the same bits as one call), and every :data:`FLUSH_EVERY` steps sets the state's
    entries below :func:`flush_threshold` to zero; on cupy a fused kernel of the same name
    (:mod:`mlpstudio.core.kernels`) replaces it when there is one, and nothing is flushed."""

    def __init__(
        self, entry: OptimizerEntry, xp, n_params: int, n_weights: int, dtype=None,
        weight_decay: float = 0.0, pool: parallel.Pool | None = None, **hp: float,
    ):  # fmt: skip
        self.entry = entry
        self.name = entry.name
        self.xp = xp
        self.n_params = n_params
        self.n_weights = n_weights
        self.weight_decay = float(weight_decay)
        #: the entry's options (values given for other entries' options are not its business)
        self.hp = {s.name: float(hp.get(s.name, s.default)) for s in entry.options}
        self.buffers = {b: xp.zeros(n_params, dtype=dtype) for b in entry.buffers}
        self.t = 0  # number of steps taken
        self._update = kernels.optimizer_kernel(xp, entry.name) or entry.update
        #: the threads a step's elementwise work is spread over (one on the GPU)
        self.pool = pool if pool is not None and not kernels.is_cupy(xp) else parallel.SERIAL
        #: per buffer, the magnitude below which its entries become zero every FLUSH_EVERY
        #: steps (none on the GPU)
        self.flush_below = {} if kernels.is_cupy(xp) else {
            key: flush_threshold(value.dtype, key in entry.nonnegative)
            for key, value in self.buffers.items()
        }  # fmt: skip

    def add_weight_decay(self, params, grads, start: int = 0, stop: int | None = None) -> None:
        """``grads += weight_decay * W`` on the weights (not the biases) among elements
        start..stop: the decay every update starts with (here and in a CUDA graph's step)."""
        stop = self.n_weights if stop is None else min(stop, self.n_weights)
        if self.weight_decay and start < stop:
            w = slice(start, stop)
            grads[w] += self.weight_decay * params[w]

    def step(self, params, grads, lr: float) -> None:
        """Update ``params`` in place from the gradients ``grads`` (overwritten)."""
        self.t += 1
        lr = float(lr)
        flush = bool(self.flush_below) and self.t % FLUSH_EVERY == 0
        if self.pool.threads == 1:  # one block: the whole arrays, no per-step closure
            self.add_weight_decay(params, grads)
            self._update(self.xp, params, grads, self.buffers, lr, self.t, **self.hp)
            if flush:
                self.flush_state(self.buffers, grads)
            return

        def block(start: int, stop: int) -> None:
            # weight decay, then the rule, on elements start..stop: elementwise, so any split
            # of the parameters into blocks computes the same bits as one call
            self.add_weight_decay(params, grads, start, stop)
            part = slice(start, stop)
            state = {key: value[part] for key, value in self.buffers.items()}
            self._update(self.xp, params[part], grads[part], state, lr, self.t, **self.hp)
            if flush:
                self.flush_state(state, grads[part])

        self.pool.run(block, len(params))

    def flush_state(self, state: dict, scratch) -> None:
        """Set the entries of ``state``'s arrays below their :func:`flush_threshold` in
        magnitude to zero of the same sign (the rest keep their bits), with ``scratch`` (a spent
        gradient of the same size) as working space when it has their dtype: elementwise, so
        any block may run it."""
        xp = self.xp
        for key, value in state.items():
            same = scratch.dtype == value.dtype
            magnitude = xp.abs(value, out=scratch) if same else xp.abs(value)
            xp.multiply(value, 0, out=value, where=magnitude < self.flush_below[key])

    # -- state, for saving and continuing a run -----------------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        """The optimiser's buffers as host arrays in PyTorch's units (plus the step count)."""
        out = {"t": np.array(self.t, dtype=np.int64)}
        for key, value in self.buffers.items():
            out[key] = value.get() if hasattr(value, "get") else np.array(value, copy=True)
        return out

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        self.t = int(state["t"])
        for key, value in self.buffers.items():
            if key in state:
                value[...] = self.xp.asarray(state[key])


def get_optimizer(name: str) -> OptimizerEntry:
    try:
        return OPTIMIZERS[name]
    except KeyError:
        raise ValueError(
            f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}"
        ) from None


def make_optimizer(
    name: str, xp, n_params: int, n_weights: int, dtype, weight_decay: float = 0.0,
    pool: parallel.Pool | None = None, **hp: float,
) -> Optimizer:  # fmt: skip
    """The optimiser ``name`` for ``n_params`` parameters (the first ``n_weights`` of them
    decay), its steps spread over ``pool`` (default: one thread); ``hp`` may hold any
    optimiser's options, each entry takes its own."""
    entry = get_optimizer(name)
    arrays = state_arrays(name)
    if arrays:
        itemsize = np.dtype(dtype).itemsize if dtype is not None else 8
        check_memory(
            arrays * n_params * itemsize,
            translate("Memory", "The {name} optimiser's state for {params} parameters").format(
                name=name, params=number(n_params)
            ),
            translate("Memory", "Use fewer or narrower hidden layers, or plain SGD."),
        )
    return Optimizer(entry, xp, n_params, n_weights, dtype, weight_decay, pool, **hp)
