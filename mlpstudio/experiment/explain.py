"""A worked backpropagation example for one training sample of an experiment.

:func:`backprop_example` builds the experiment a config describes (optionally trained for some
epochs first), takes training sample ``sample`` and returns the engine's own numbers for one
forward pass, the loss, the backward pass and the optimiser step (see
:mod:`mlpstudio.core.backprop`). :func:`worked_steps` writes them in the course's notation with
the numbers substituted; ``mlpstudio explain backprop`` prints those steps, and the GUI can show
the same list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..core.activations import ACTIVATIONS
from ..core.backprop import BackpropTrace, UpdateTrace, apply_update, trace
from ..core.optimizers import OPTIMIZERS, get_optimizer, make_optimizer
from ..core.schedules import get_schedule, schedule_factor
from ..core.training_options import entry_options
from ..i18n import translate
from .build import build_dataset, build_network, build_trainer
from .config import Config, ConfigError
from .files import json_safe

_OUTPUT_FUNCTION = {"mse": "identity", "softmax": "softmax", "sigmoid": "sigmoid"}
SHOWN = 8  # vectors up to this length are shown whole; longer ones as "first ... last"


@dataclass(frozen=True)
class BackpropExample:
    sample: int
    epochs_trained: int
    trace: BackpropTrace
    update: UpdateTrace
    split: str = "train"  # the sample's set: "train", or "test" (an image clicked in the GUI)

    def to_dict(self) -> dict:
        out = self.trace.to_dict()
        out.update(
            sample=self.sample,
            split=self.split,
            epochs_trained=self.epochs_trained,
            optimizer=self.update.optimizer,
            learning_rate=self.update.learning_rate,
            W_after=[w.tolist() for w in self.update.W],
            b_after=[b.tolist() for b in self.update.b],
            optimizer_state={k: np.asarray(v).tolist() for k, v in self.update.state_after.items()},
        )
        return out


def backprop_example(
    config: Config,
    sample: int = 0,
    epochs: int = 0,
    saved=None,
    as_json: bool = False,
    warn: Callable[[str], None] | None = None,
) -> BackpropExample:
    """The worked example for training sample ``sample`` after ``epochs`` epochs of training,
    or, given ``saved`` (an opened experiment file), on that run's own weights and optimiser
    state. ``as_json``: the whole example will be written out as JSON, which needs far more
    memory than the arrays themselves; both are checked against the budget before anything is
    built. A run that diverges is refused: its weights would be those of an earlier epoch.
    ``warn`` hears the data's warnings (a formula with a singularity on the domain...)."""
    dataset = build_dataset(config.data)
    for warning in dataset.warnings if warn is not None else ():
        warn(warning)
    n_train = len(dataset.x_train)
    if not 0 <= sample < n_train:
        raise ConfigError([
            translate("Backprop", "--sample: choose a training sample from 0 to {last}").format(
                last=n_train - 1
            )
        ])  # fmt: skip
    from .shape import experiment_shape

    sizes = experiment_shape(config, dataset).sizes
    check_example_memory(sizes, config.training.optimizer, as_json)
    if saved is not None:
        from .archive import restore

        network, _, state = restore(saved, dataset)
        return example_for(config, dataset, network, state, saved.epochs, sample)
    network = build_network(config, dataset)
    trainer = build_trainer(config, dataset, network, epochs=epochs, snapshot_interval=0)
    final = trainer.run() if epochs > 0 else None
    if final is not None and final.status == "diverged":
        raise ConfigError([
            translate(
                "Backprop",
                "--epochs {epochs}: the loss became NaN or infinite during training (the "
                "learning rate {lr} is probably too high), so there are no trained weights to "
                "work through; lower training.learning_rate or train fewer epochs.",
            ).format(epochs=epochs, lr=f"{config.training.learning_rate:g}")
        ])  # fmt: skip
    done = len(trainer.history) - 1 if len(trainer.history) else 0
    if final is not None and final.best_epoch is not None and trainer.options.restore_best:
        done = int(final.best_epoch)  # the weights are the best validation epoch's
    return example_for(config, dataset, network, trainer.optimizer.state(), done, sample)


#: Bytes per number of a worked example: as float64 arrays (the trace, the update and the
#: optimiser's buffers, with numpy's temporaries: 23 measured on 1-2048-2048-1) and written out
#: as JSON (a Python float and its list slot, ~24 characters of text, and json.dumps's pieces
#: before they are joined).
EXAMPLE_BYTES_PER_NUMBER = 24
JSON_BYTES_PER_NUMBER = 100


def check_example_memory(sizes, optimizer: str, as_json: bool = False) -> None:
    """Refuse (MemoryBudgetError), before anything is built, a worked example of a network of
    ``sizes`` that does not fit the memory budget: W, dL/dW and the updated W of every layer
    plus the optimiser's buffers (the command line, and the GUI's step-through)."""
    from ..memory import check_memory

    sizes = [int(n) for n in sizes]
    params = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
    numbers = params * (3 + len(get_optimizer(optimizer).buffers))
    per_number = JSON_BYTES_PER_NUMBER if as_json else EXAMPLE_BYTES_PER_NUMBER
    what = (
        translate("Backprop", "The worked example of the network {sizes} as JSON")
        if as_json
        else translate("Backprop", "The worked example of the network {sizes}")
    ).format(sizes="-".join(map(str, sizes)))
    check_memory(
        numbers * per_number,
        what,
        translate("Backprop", "Work through a smaller network (fewer or narrower hidden layers)."),
    )


def json_line(example: BackpropExample) -> tuple[str, int]:
    """(the example as one line of strict JSON, how many values were not finite: written as
    null, see :func:`~mlpstudio.experiment.files.json_safe`)."""
    import json

    data, bad = json_safe(example.to_dict())
    return json.dumps(data, allow_nan=False), bad


def not_finite(example: BackpropExample) -> int:
    """How many numbers of the example are NaN or infinite."""
    return json_safe(example.to_dict())[1] if example.trace.n_layers else 0


def example_for(
    config: Config,
    dataset,
    network,
    optimizer_state: dict | None,
    done: int,
    sample: int,
    split: str = "train",
) -> BackpropExample:
    """The worked example for training sample ``sample`` of ``dataset`` on ``network`` as it
    is now, with the optimiser's ``optimizer_state`` after ``done`` epochs (None: a fresh
    optimiser). The command line and the GUI's step-through panel both come here, so they
    show the same numbers; the update is the one "Step" takes on a batch of one. With
    ``split="test"`` the sample is test sample ``sample`` (an image clicked in the gallery):
    the same arithmetic, on a sample that training itself never uses."""
    opts = config.training.options()
    optimizer = make_optimizer(
        opts.optimizer,
        np,
        network.n_params,
        network.n_weights,
        np.float64,
        weight_decay=opts.weight_decay,
        **entry_options(opts, get_optimizer(opts.optimizer)),
    )
    if optimizer_state:
        optimizer.load_state(optimizer_state)
    lr = opts.learning_rate * schedule_factor(
        opts.schedule,
        done,
        config.training.epochs,
        **entry_options(opts, get_schedule(opts.schedule)),
    )
    xs, ys = (dataset.x_test, dataset.y_test) if split == "test" else (dataset.x_train,
                                                                       dataset.y_train)  # fmt: skip
    x = np.asarray(xs[sample]).reshape(-1).astype(np.float64)
    if xs.dtype == np.uint8:
        x = (x - dataset.input_shift) * dataset.input_scale
    y = network.head.prepare_targets(np, ys[sample : sample + 1], np.float64)[0]
    # weights legal but huge (an opened file) overflow to inf or NaN: the example shows them
    # as such (and the command line says so) rather than warn with numpy's source lines
    with np.errstate(all="ignore"):
        step = trace(network, x, y)
        update = apply_update(network, step, optimizer, lr)
    return BackpropExample(sample, done, step, update, "test" if split == "test" else "train")


# -- the worked example as text ---------------------------------------------------------------
@dataclass(frozen=True)
class WorkedStep:
    """One screen of the step-through: a title, the formula in the course's notation and the
    same formula with the numbers substituted (one line per layer or quantity)."""

    title: str
    formula: str
    lines: tuple[str, ...]
    layer: int | None = None  # the layer whose nodes and edges are involved (1-based)
    #: forward, loss, output, backward, gradients or update (what a drawing highlights)
    kind: str = ""


@dataclass(frozen=True)
class Notation:
    """How numbers are written: ``number`` formats one value, ``sep`` separates a vector's
    entries, ``rows`` a matrix's rows, and ``brackets`` open and close both. The command line
    writes 0.5, ", " and [0.28]; the GUI passes its locale-aware formatter: in Spanish 0,5 with
    "; " between entries and spaced brackets, so that a one-entry vector [ 0,28 ] does not
    read as two values, 0 and 28."""

    number: Callable[[float], str] = lambda value: f"{float(value):.4g}"
    sep: str = ", "
    rows: str = "; "
    brackets: tuple[str, str] = ("[", "]")


PLAIN = Notation()


def number(value: float, notation: Notation = PLAIN) -> str:
    return notation.number(value)


def vector(values, notation: Notation = PLAIN) -> str:
    """[v1, v2, ...], shortened to the first and last entries when long."""
    v = np.asarray(values, dtype=float).reshape(-1)
    sep, num = notation.sep, notation.number
    left, right = notation.brackets
    if v.size <= SHOWN:
        return left + sep.join(num(e) for e in v) + right
    head = sep.join(num(e) for e in v[:3])
    tail = sep.join(num(e) for e in v[-2:])
    return f"{left}{head}{sep}...{sep}{tail}{right}  ({v.size})"


def matrix(values, notation: Notation = PLAIN) -> str:
    m = np.asarray(values, dtype=float)
    if len(m) <= SHOWN:
        rows = [vector(r, notation) for r in m]
    else:
        rows = [vector(r, notation) for r in m[:3]] + ["...", vector(m[-1], notation)]
    left, right = notation.brackets
    return left + notation.rows.join(rows) + f"{right}  ({m.shape[0]}x{m.shape[1]})"


def worked_steps(example: BackpropExample, notation: Notation = PLAIN) -> list[WorkedStep]:
    """The forward pass, the loss, delta^[L], each delta^[l], the gradients and the update."""
    with np.errstate(all="ignore"):  # (see example_for: inf and NaN are shown as such)
        return _worked_steps(example, notation)


def _worked_steps(example: BackpropExample, notation: Notation) -> list[WorkedStep]:
    t, u, n = example.trace, example.update, notation
    steps = []
    for layer in range(1, t.n_layers + 1):
        i = layer - 1
        act = t.activations[i] if layer < t.n_layers else _OUTPUT_FUNCTION[t.head]
        steps.append(
            WorkedStep(
                translate("Backprop", "Forward pass, layer {l}").format(l=layer),
                f"z^[{layer}] = W^[{layer}] a^[{layer - 1}] + b^[{layer}],  "
                f"a^[{layer}] = S^[{layer}](z^[{layer}])",
                (
                    f"a^[{layer - 1}] = {vector(t.a[i], n)}",
                    f"W^[{layer}] = {matrix(t.W[i], n)}",
                    f"b^[{layer}] = {vector(t.b[i], n)}",
                    f"z^[{layer}] = {vector(t.z[i], n)}",
                    f"a^[{layer}] = {act}(z^[{layer}]) = {vector(t.a[layer], n)}",
                ),
                layer,
                kind="forward",
            )
        )
    loss_formula = {
        "mse": "L = mean_k (a_k^[L] - y_k)^2",
        "softmax": "L = -log a_y^[L]",
        "sigmoid": "L = -mean_k [y_k log a_k + (1 - y_k) log(1 - a_k)]",
    }[t.head]
    y_text = str(int(t.y)) if t.head == "softmax" else vector(t.y, n)
    steps.append(
        WorkedStep(
            translate("Backprop", "The loss"),
            loss_formula,
            (
                f"y = {y_text}",
                f"a^[{t.n_layers}] = {vector(t.a[-1], n)}",
                f"L = {number(t.loss, n)}",
            ),
            t.n_layers,
            kind="loss",
        )
    )
    big_l = t.n_layers
    delta_formula = {
        "mse": f"delta^[{big_l}] = dL/dz^[{big_l}] = 2 (a^[{big_l}] - y) / N_{big_l}",
        "softmax": f"delta^[{big_l}] = dL/dz^[{big_l}] = a^[{big_l}] - onehot(y)",
        "sigmoid": f"delta^[{big_l}] = dL/dz^[{big_l}] = (a^[{big_l}] - y) / N_{big_l}",
    }[t.head]
    steps.append(
        WorkedStep(
            translate("Backprop", "Error at the output"),
            delta_formula,
            (f"delta^[{big_l}] = {vector(t.delta[-1], n)}",),
            big_l,
            kind="output",
        )
    )
    for layer in range(big_l - 1, 0, -1):
        i = layer - 1
        steps.append(
            WorkedStep(
                translate("Backprop", "Error of layer {l}, propagated back").format(l=layer),
                f"delta^[{layer}] = (W^[{layer + 1}]^T delta^[{layer + 1}]) (.) "
                f"S'^[{layer}](z^[{layer}])",
                (
                    f"W^[{layer + 1}]^T delta^[{layer + 1}] = "
                    f"{vector(t.W[layer].T @ t.delta[layer], n)}",
                    f"S'^[{layer}](z^[{layer}]) ({t.activations[i]}) = "
                    f"{vector(_derivative(t, i), n)}",
                    f"delta^[{layer}] = {vector(t.delta[i], n)}",
                ),
                layer,
                kind="backward",
            )
        )
    for layer in range(1, big_l + 1):
        i = layer - 1
        steps.append(
            WorkedStep(
                translate("Backprop", "Gradients of layer {l}").format(l=layer),
                f"dL/dW^[{layer}] = delta^[{layer}] a^[{layer - 1}]^T,  "
                f"dL/db^[{layer}] = delta^[{layer}]",
                (
                    f"dL/dW^[{layer}] = {matrix(t.dW[i], n)}",
                    f"dL/db^[{layer}] = {vector(t.db[i], n)}",
                ),
                layer,
                kind="gradients",
            )
        )
    steps.append(_update_step(t, u, n))
    return steps


def _derivative(t: BackpropTrace, i: int) -> np.ndarray:
    """S'(z^[i+1]) from the engine's own derivative function."""
    return np.asarray(ACTIVATIONS[t.activations[i]].derivative(np, t.z[i], t.a[i + 1]), float)


def _update_step(t: BackpropTrace, u: UpdateTrace, n: Notation) -> WorkedStep:
    eta = number(u.learning_rate, n)
    formula = OPTIMIZERS[u.optimizer].formula
    lines = [f"eta = {eta}"]
    for key in sorted(k for k in u.state_after if k != "t"):
        lines.append(f"{key} = {vector(u.state_after[key], n)}")
    for layer in range(1, t.n_layers + 1):
        lines.append(f"W^[{layer}] <- {matrix(u.W[layer - 1], n)}")
        lines.append(f"b^[{layer}] <- {vector(u.b[layer - 1], n)}")
    title = translate("Backprop", "The update ({name})").format(name=u.optimizer)
    return WorkedStep(title, formula, tuple(lines), kind="update")


def worked_text(example: BackpropExample) -> str:
    """The whole worked example as plain text, for the command line and students' notes."""
    out = []
    for number_, step in enumerate(worked_steps(example), start=1):
        out.append(f"{number_}. {step.title}")
        out.append(f"   {step.formula}")
        out.extend(f"     {line}" for line in step.lines)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
