"""What happens inside a trained network: the numbers behind the "see inside" views.

Everything here works on host (numpy) copies of the weights, as a :class:`Snapshot` carries
them, so a view can call it on any snapshot without touching the trainer:

* :func:`hidden_activations` - a^[1..L-1] for some inputs;
* :func:`basis_contributions` - for a 1-output network, each last-hidden unit's share of the
  output, a_j^[L-1](x) W_j^[L], plus the output bias: they add up to z^[L];
* :func:`unit_health` and :func:`diagnosis` - dead ReLU units and saturated tanh/sigmoid units
  per layer, and one sentence when most of a layer has stopped learning;
* :func:`probe` and :func:`unit_terms` - one input's z and a in every layer, and the largest
  terms w_ij a_j of one unit's sum (the activation probe);
* :class:`Timeline` - parameter copies on a schedule that thins out as training goes on, within
  a memory budget, so that a run can be replayed epoch by epoch.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np

from ..i18n import number, translate
from .activations import ACTIVATIONS
from .losses import HEADS

#: A unit counts as saturated when it is saturated on at least this share of the samples.
SATURATED_SHARE = 0.95
#: a layer whose mean |dL/dW| is this many times smaller than the output layer's has a
#: vanishing gradient
VANISHING_RATIO = 100.0
#: a run that ends with its training loss above this share of the untrained network's has
#: hardly learned (see :func:`learning_verdict`)
STALLED_SHARE = 0.95
#: the epochs at the end of a run whose best training loss :func:`learning_verdict` judges
#: (a single spike of the loss is no verdict)
VERDICT_EPOCHS = 5
#: the memory a run's timeline may take (its parameter copies), in the app and in the child
TIMELINE_BUDGET = 200 * 2**20
#: the most a saved experiment's timeline may take in its file (thinned to fit when saved)
TIMELINE_FILE_BUDGET = 32 * 2**20


def hidden_activations(weights, activation_names, x) -> list[np.ndarray]:
    """a^[1], ..., a^[L-1] (rows = samples) for inputs ``x`` and host ``weights`` [(W, b), ...]."""
    a = np.asarray(x, dtype=np.float64)
    out = []
    for (w, b), name in zip(weights[:-1], activation_names):
        z = a @ np.asarray(w, dtype=np.float64).T + b
        a = ACTIVATIONS[name].forward(np, z)
        out.append(a)
    return out


@dataclass(frozen=True)
class Basis:
    """The output z^[L](x) of a one-output network split into per-unit curves."""

    contributions: np.ndarray  # (samples, units): a_j^[L-1](x) * W_j^[L]
    bias: float  # b^[L]
    total: np.ndarray  # (samples,): sum of the contributions plus the bias = z^[L]


def basis_contributions(weights, activation_names, x) -> Basis:
    """Each last-hidden unit's contribution to a one-output network's output at ``x``.

    With no hidden layer the "units" are the inputs themselves (x_j W_j)."""
    w_out, b_out = weights[-1]
    if np.shape(w_out)[0] != 1:
        raise ValueError("the basis view needs a network with one output")
    hidden = hidden_activations(weights, activation_names, x)
    last = hidden[-1] if hidden else np.asarray(x, dtype=np.float64)
    contributions = last * np.asarray(w_out, dtype=np.float64)[0]
    bias = float(np.asarray(b_out, dtype=np.float64)[0])
    return Basis(contributions, bias, contributions.sum(axis=1) + bias)


@dataclass(frozen=True)
class Probe:
    """One input followed through the network: ``a[0]`` is the input, and for l = 1..L
    ``z[l - 1] = W^[l] a^[l-1] + b^[l]`` and ``a[l] = S^[l](z^[l])`` (the head's output for
    the last layer), all float64 vectors."""

    z: list[np.ndarray]
    a: list[np.ndarray]
    weights: list  # [(W, b), ...] as float64 host arrays

    def layer_terms(self, layer: int, unit: int, top: int = 4) -> UnitTerms:
        return unit_terms(self, layer, unit, top)


def probe(weights, activation_names, head: str, x) -> Probe:
    """Follow one input ``x`` (a flat vector, already scaled as the network sees it) through
    host ``weights`` [(W, b), ...] with the hidden activations and the head named."""
    a = np.asarray(x, dtype=np.float64).reshape(-1)
    layers = [(np.asarray(w, dtype=np.float64), np.asarray(b, dtype=np.float64))
              for w, b in weights]  # fmt: skip
    if not layers or layers[0][0].shape[1] != a.size:
        raise ValueError("the probe's input does not match the network's first layer")
    zs, acts = [], [a]
    for layer, (w, b) in enumerate(layers, start=1):
        z = w @ a + b
        row = z[None, :].copy()  # an entry's forward may work in place
        if layer < len(layers):
            a = ACTIVATIONS[activation_names[layer - 1]].forward(np, row)[0]
        else:
            a = HEADS[head].output(np, row)[0]
        zs.append(z)
        acts.append(np.asarray(a, dtype=np.float64))
    return Probe(zs, acts, layers)


@dataclass(frozen=True)
class UnitTerms:
    """z_i^[l] = sum_j w_ij a_j^[l-1] + b_i split into its largest terms: ``terms`` holds
    (j, w_ij, a_j) for the ``top`` largest |w_ij a_j|, largest first; ``rest`` is the sum of
    the other ``rest_count`` terms, so that sum(w a for terms) + rest + bias == z."""

    terms: list[tuple[int, float, float]]
    rest: float
    rest_count: int
    bias: float
    z: float
    a: float


def unit_terms(p: Probe, layer: int, unit: int, top: int = 4) -> UnitTerms:
    """The sum behind unit ``unit`` (0-based) of layer ``layer`` (1-based) for probe ``p``."""
    w, b = p.weights[layer - 1]
    products = w[unit] * p.a[layer - 1]
    order = np.argsort(-np.abs(products), kind="stable")
    shown = sorted(order[:top].tolist(), key=lambda j: -abs(products[j]))
    rest = order[top:]
    return UnitTerms(
        [(int(j), float(w[unit, j]), float(p.a[layer - 1][j])) for j in shown],
        float(products[rest].sum()) if rest.size else 0.0,
        int(rest.size),
        float(b[unit]),
        float(p.z[layer - 1][unit]),
        float(p.a[layer][unit]),
    )


@dataclass(frozen=True)
class LayerHealth:
    layer: int  # 1-based
    activation: str
    units: int
    dead: int  # ReLU-like units whose input is <= 0 on every sample
    saturated: int  # tanh/sigmoid units saturated on at least SATURATED_SHARE of the samples

    @property
    def dead_share(self) -> float:
        return self.dead / self.units

    @property
    def saturated_share(self) -> float:
        return self.saturated / self.units


HEALTHY, DEAD, SATURATED = 0, 1, 2  # the states of a hidden unit (see unit_states)


def unit_states(weights, activation_names, x) -> list[np.ndarray]:
    """Per hidden layer, each unit's state on the samples ``x`` (int8): HEALTHY, DEAD (a
    ReLU-like unit whose output is <= 0 on every sample) or SATURATED (a tanh/sigmoid unit
    saturated on at least SATURATED_SHARE of the samples)."""
    out = []
    for a, name in zip(hidden_activations(weights, activation_names, x), activation_names):
        state = np.zeros(a.shape[1], dtype=np.int8)
        entry = ACTIVATIONS[name]
        if entry.dead_units:
            state[np.all(a <= 0, axis=0)] = DEAD
        elif entry.saturation is not None:
            low, high = entry.saturation
            flat = (a < low) | (a > high)
            state[np.mean(flat, axis=0) >= SATURATED_SHARE] = SATURATED
        out.append(state)
    return out


def health_of(states, activation_names) -> list[LayerHealth]:
    """:class:`LayerHealth` per hidden layer from :func:`unit_states`' result."""
    return [
        LayerHealth(layer, name, len(s), int((s == DEAD).sum()), int((s == SATURATED).sum()))
        for layer, (s, name) in enumerate(zip(states, activation_names), start=1)
    ]


def unit_health(weights, activation_names, x) -> list[LayerHealth]:
    """Dead and saturated units of every hidden layer on the samples ``x``."""
    return health_of(unit_states(weights, activation_names, x), activation_names)


def diagnosis(health: list[LayerHealth], gradients=None) -> str | None:
    """One sentence about the first layer where most units are dead or saturated, or else
    (given the mean |dL/dW| per layer, output last) the first layer whose gradient is
    VANISHING_RATIO times smaller than the output layer's; None when all looks well."""
    sentence = _idle_units(health)
    if sentence is None and gradients is not None and len(gradients) > 1:
        out = float(gradients[-1])
        for layer, g in enumerate(gradients[:-1], start=1):
            if math.isfinite(g) and out > 0 and g * VANISHING_RATIO < out:
                return translate(
                    "Insight",
                    "layer {layer}: gradient {ratio} times smaller than the output layer's "
                    "(vanishing gradient); try ReLU, Adam or fewer layers",
                ).format(layer=layer, ratio=f"{out / g:.0f}" if g > 0 else "∞")
    return sentence


def _idle_units(health: list[LayerHealth]) -> str | None:
    for h in health:
        if h.dead * 2 > h.units:
            return translate(
                "Insight",
                "layer {layer}: {count} of {units} units dead (ReLU output 0 on every sample); "
                "try a smaller learning rate, Leaky ReLU or another initialisation",
            ).format(layer=h.layer, count=h.dead, units=h.units)
        if h.saturated * 2 > h.units:
            return translate(
                "Insight",
                "layer {layer}: {count} of {units} units saturated; try a smaller learning rate "
                "or ReLU",
            ).format(layer=h.layer, count=h.saturated, units=h.units)
    return None


#: the final states of a run whose training loss :func:`learning_verdict_text` judges (a
#: diverged run has its own message)
JUDGED_STATES = ("finished", "stopped", "early_stopped")


def learning_verdict(train_loss) -> str | None:
    """How an ended run's training loss compares with the untrained network's (``train_loss``:
    the history's column, epoch 0 first): "worse" when even the best of its last
    VERDICT_EPOCHS epochs is above where it started (the steps overshoot), "stalled" when it
    is within 1 - STALLED_SHARE of it, else None. Only for a run that has ended: during a
    run the loss may still be on a plateau (the course example sits on one from epoch 3 to
    about 70) or on a spike (the spiral preset has one), and both pass."""
    return _verdict(train_loss)[0]


def _verdict(train_loss) -> tuple[str | None, float, float]:
    """(:func:`learning_verdict`, the untrained loss, the best of the last epochs)."""
    loss = np.asarray(train_loss, dtype=float)
    if len(loss) <= VERDICT_EPOCHS or not math.isfinite(loss[0]) or loss[0] <= 0:
        return None, math.nan, math.nan
    start, best = float(loss[0]), float(np.min(loss[-VERDICT_EPOCHS:]))
    if not math.isfinite(best):
        return None, start, best  # a diverged run has its own message
    if best > start:
        return "worse", start, best
    if best >= STALLED_SHARE * start:
        return "stalled", start, best
    return None, start, best


def learning_verdict_text(status: str, train_loss, learning_rate: float) -> str | None:
    """The sentence for :func:`learning_verdict` of a run that ended in ``status``, with what
    to try, in the interface's language (:func:`~mlpstudio.i18n.number` writes the numbers);
    None when the run is not one of :data:`JUDGED_STATES` or learned."""
    verdict, start, best = _verdict(train_loss) if status in JUDGED_STATES else (None, 0, 0)
    if verdict is None:
        return None
    if verdict == "worse":
        text = translate(
            "Insight",
            "The network did not learn: over its last {n} epochs the training loss stayed "
            "above the untrained network's {start} (at best {now}). The steps overshoot: "
            "try a learning rate 10 times smaller ({lr} now).",
        )
    else:
        text = translate(
            "Insight",
            "The network has hardly learned: over its last {n} epochs the training loss was at "
            "best {now}, within {share} % of the untrained network's {start}. Train longer, "
            "or try a larger learning rate ({lr} now) or Adam.",
        )
    return text.format(
        n=number(VERDICT_EPOCHS),
        start=number(start, significant=3),
        now=number(best, significant=3),
        share=number(round(100 * (1 - STALLED_SHARE), 6), significant=6),
        lr=number(learning_rate, significant=6),
    )


def mean_abs_gradients(network) -> list[float]:
    """Mean |dL/dW^[l]| per layer from the network's gradient buffer (after loss_and_grad)."""
    xp = network.backend.xp
    return [float(xp.abs(dw).mean()) for dw in network.dW]


class Timeline:
    """Parameter copies of a run at chosen epochs, within ``budget_bytes``.

    Every epoch is kept at first; past ``dense`` epochs the spacing doubles with each doubling
    of the epoch (epochs k..2k every epoch, 2k..4k every second one, ...), so a long run keeps
    about ``dense * (1 + log2(epochs / dense))`` copies. When the copies outgrow the budget,
    ``dense`` is halved and the copies off the new schedule are dropped: the timeline thins out
    but never stops, and the latest epoch is always kept.

    A training thread may add while the GUI thread reads: every method holds a lock."""

    def __init__(self, budget_bytes: int = TIMELINE_BUDGET, dense: int = 64):
        self.budget_bytes = int(budget_bytes)
        self.dense = max(1, int(dense))
        self._entries: dict[int, np.ndarray] = {}
        self._nbytes = 0
        self._latest: int | None = None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def epochs(self) -> list[int]:
        with self._lock:
            return sorted(self._entries)

    @property
    def nbytes(self) -> int:
        return self._nbytes

    @property
    def latest(self) -> int | None:
        """The newest epoch kept (None when empty)."""
        return self._latest

    def wanted(self, epoch: int) -> bool:
        """Whether ``epoch`` is on the current schedule."""
        if epoch <= self.dense:
            return True
        spacing = 2 ** int(math.floor(math.log2(epoch / self.dense)))
        return epoch % spacing == 0

    def _drop(self, epoch: int) -> None:
        self._nbytes -= self._entries.pop(epoch).nbytes

    def add(self, epoch: int, params) -> None:
        """Keep a copy of ``params`` (a flat host array) for ``epoch`` if the schedule wants
        it, or if it is the newest; thin out when the budget is exceeded."""
        copy = np.array(params, copy=True)
        epoch = int(epoch)
        with self._lock:
            latest = self._latest
            if latest is not None and latest < epoch and not self.wanted(latest):
                self._drop(latest)  # it was kept only for being the newest
            if epoch in self._entries:
                self._drop(epoch)
            self._entries[epoch] = copy
            self._nbytes += copy.nbytes
            self._latest = epoch if latest is None else max(latest, epoch)
            while self._nbytes > self.budget_bytes and self.dense > 1:
                self.dense //= 2
                newest = max(self._entries)
                for e in [e for e in self._entries if e != newest and not self.wanted(e)]:
                    self._drop(e)
            if self._nbytes > self.budget_bytes:  # even the sparsest schedule is too big
                for e in sorted(self._entries)[:-1]:
                    if self._nbytes <= self.budget_bytes:
                        break
                    self._drop(e)

    def span(self) -> tuple[int, int, int] | None:
        """(first, latest, dense): with :meth:`schedule`, the epochs kept, in three numbers.
        A training process tells the window what its timeline holds this way (the list itself
        grows with every epoch; for a tiny network it may hold millions). None when empty."""
        with self._lock:
            if not self._entries or self._latest is None:
                return None
            return min(self._entries), self._latest, self.dense

    @staticmethod
    def schedule(first: int, latest: int, dense: int) -> list[int]:
        """The epochs a timeline of that :meth:`span` keeps, when it was given its epochs in
        order from ``first`` on (a training run's): those from ``first`` on the schedule of
        ``dense`` (:meth:`wanted`), and always the latest."""
        if latest < first:
            return []
        epochs = np.arange(first, latest + 1, dtype=np.int64)
        scale = np.maximum(epochs, 1) / max(1, dense)
        spacing = np.where(
            epochs <= dense, 1, 2 ** np.floor(np.log2(np.maximum(scale, 1))).astype(np.int64)
        )
        keep = epochs % spacing == 0
        keep[-1] = True
        return epochs[keep].tolist()

    def nearest(self, epoch: int) -> int:
        """The kept epoch closest to ``epoch`` (the slider snaps to it)."""
        with self._lock:
            if not self._entries:
                raise LookupError("the timeline is empty")
            return min(self._entries, key=lambda e: (abs(e - epoch), e))

    def at(self, epoch: int) -> np.ndarray:
        """The parameters kept for exactly ``epoch`` (read-only)."""
        with self._lock:
            params = self._entries[int(epoch)]
        view = params.view()
        view.flags.writeable = False
        return view

    def items(self) -> list[tuple[int, np.ndarray]]:
        with self._lock:
            return sorted(self._entries.items())

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._nbytes = 0
            self._latest = None

    def thinned(self, budget_bytes: int) -> Timeline:
        """A copy within ``budget_bytes``: the same epochs added again in order, so the
        schedule thins it as it would have thinned a run with that budget."""
        out = Timeline(budget_bytes, self.dense)
        for epoch, params in self.items():
            out.add(epoch, params)
        return out
