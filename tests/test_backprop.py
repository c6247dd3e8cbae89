"""The worked backpropagation example: its numbers against central finite differences (an
independent oracle), the engine's forward pass, and the engine's own training step."""

import contextlib
import io
import json

import numpy as np
import pytest

from mlpstudio.cli import main as cli_main
from mlpstudio.core.activations import ACTIVATIONS
from mlpstudio.core.backend import numpy_backend
from mlpstudio.core.backprop import apply_update, trace
from mlpstudio.core.losses import HEADS, get_head
from mlpstudio.core.network import Network
from mlpstudio.core.optimizers import OPTIMIZERS, make_optimizer
from mlpstudio.experiment.build import build_trainer
from mlpstudio.experiment.config import Config
from mlpstudio.experiment.explain import backprop_example, worked_steps, worked_text

H = 1e-6


def _sample(head: str, rng, outputs: int):
    x = rng.normal(size=3)
    if head == "softmax":
        return x, int(rng.integers(outputs))
    if head == "sigmoid":
        return x, rng.integers(0, 2, size=outputs).astype(float)
    return x, rng.normal(size=outputs)


def _single_loss(net: Network, x, y) -> float:
    head = get_head(net.head.name)
    y_batch = np.array([y]) if net.head.name == "softmax" else np.asarray(y).reshape(1, -1)
    return float(head.loss(np, net.logits(x.reshape(1, -1)), y_batch))


def _finite_differences(net: Network, x, y):
    grads_w, grads_b = [], []
    for arrays, out in ((net.W, grads_w), (net.b, grads_b)):
        for array in arrays:
            g = np.zeros(array.shape)
            for index in np.ndindex(array.shape):
                keep = array[index]
                array[index] = keep + H
                up = _single_loss(net, x, y)
                array[index] = keep - H
                down = _single_loss(net, x, y)
                array[index] = keep
                g[index] = (up - down) / (2 * H)
            out.append(g)
    return grads_w, grads_b


def _assert_close(ours, oracle):
    scale = max(1e-3, float(np.max(np.abs(oracle))))
    assert np.max(np.abs(ours - oracle)) / scale < 1e-6


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_trace_gradients_match_central_differences(activation, head):
    rng = np.random.default_rng(7)
    outputs = 3 if head != "sigmoid" else 1
    net = Network(
        [3, 4, 5, outputs], [activation, activation], head=head, seed=3,
        backend=numpy_backend("float64"),
    )  # fmt: skip
    net.b[0][...] = rng.normal(size=4) * 0.3  # non-zero biases, so db is really tested
    x, y = _sample(head, rng, outputs)
    step = trace(net, x, y)
    oracle_w, oracle_b = _finite_differences(net, x, y)
    for layer in range(net.n_layers):
        _assert_close(step.dW[layer], oracle_w[layer])
        _assert_close(step.db[layer], oracle_b[layer])
    assert step.loss == pytest.approx(_single_loss(net, x, y), rel=1e-12)
    assert np.allclose(step.a[-1], net.forward(x.reshape(1, -1))[0], rtol=1e-12)
    for layer in range(net.n_layers):  # z^[l] = W^[l] a^[l-1] + b^[l], as printed
        assert np.allclose(step.z[layer], step.W[layer] @ step.a[layer] + step.b[layer])


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_next_past_the_update_equals_a_step_on_a_batch_of_one(optimizer):
    config = Config().with_overrides(
        [
            "model.hidden=[4, 3]",
            f'training.optimizer="{optimizer}"',
            "training.batch_size=1",
            'training.dtype="float64"',
            "training.weight_decay=0.01",
        ]
    )
    trainer = build_trainer(config, snapshot_interval=0)
    net, opts = trainer.network, trainer.options
    for i in (5, 9, 2):  # some history, so momentum and Adam have non-zero buffers
        trainer.train_step(np.array([i]), 0.01)
    shadow = make_optimizer(
        optimizer, np, net.n_params, net.n_weights, np.float64,
        weight_decay=opts.weight_decay, momentum=opts.momentum,
    )  # fmt: skip
    shadow.load_state(trainer.optimizer.state())
    sample = 11
    x = trainer.dataset.x_train[sample]
    y = net.head.prepare_targets(np, trainer.dataset.y_train[sample : sample + 1], np.float64)[0]
    step = trace(net, x, y)
    update = apply_update(net, step, shadow, 0.02)
    trainer.train_step(np.array([sample]), 0.02)  # the app's Step on a batch of one
    for layer, (w, b) in enumerate(net.weights_to_host()):
        assert np.allclose(update.W[layer], w, rtol=1e-10, atol=1e-13)
        assert np.allclose(update.b[layer], b, rtol=1e-10, atol=1e-13)
    assert not np.allclose(update.W[0], step.W[0])  # the step really moved the weights


def test_explain_backprop_json_equals_finite_differences():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli_main(
            ["explain", "backprop", "--preset", "xor", "--set", "model.hidden=[3]",
             "--set", 'training.dtype="float64"', "--epochs", "2", "--sample", "4", "--json"]
        )  # fmt: skip
    assert code == 0
    text = out.getvalue().splitlines()
    data = json.loads(text[-1])
    for key in ("sizes", "activations", "head", "x", "y", "W", "b", "z", "a", "loss",
                "delta", "dW", "db"):  # fmt: skip
        assert key in data
    assert data["sizes"] == [2, 3, 1] and data["head"] == "sigmoid"
    assert len(data["a"]) == len(data["z"]) + 1 == 3
    net = Network(data["sizes"], data["activations"], head=data["head"],
                  backend=numpy_backend("float64"))  # fmt: skip
    net.set_weights([(np.array(w), np.array(b)) for w, b in zip(data["W"], data["b"])])
    x, y = np.array(data["x"]), np.array(data["y"])
    oracle_w, oracle_b = _finite_differences(net, x, y)
    for layer in range(2):
        _assert_close(np.array(data["dW"][layer]), oracle_w[layer])
        _assert_close(np.array(data["db"][layer]), oracle_b[layer])
    assert "Error of layer 1, propagated back" in out.getvalue()


def test_wide_layers_are_shortened_and_every_step_is_there():
    config = Config().with_overrides(["model.hidden=[20]", "training.epochs=1"])
    example = backprop_example(config, sample=0)
    steps = worked_steps(example)
    titles = [s.title for s in steps]
    # forward x2, loss, delta^[L], delta^[1], gradients x2, update
    assert len(steps) == 8 and titles[2] == "The loss" and titles[-1].startswith("The update")
    assert "..." in worked_text(example)  # 20 units do not fit on a line


def test_a_sample_out_of_range_is_refused_with_exit_2(capsys):
    assert cli_main(["explain", "backprop", "--sample", "100000"]) == 2
    err = capsys.readouterr().err
    assert "--sample" in err and "Traceback" not in err


def test_every_step_title_goes_through_the_installed_translator():
    from mlpstudio import i18n

    config = Config().with_overrides(["model.hidden=[3]", "training.epochs=1"])
    example = backprop_example(config, sample=0)
    seen = []

    def spanish(context, text):
        seen.append((context, text))
        return "ES:" + text

    i18n.install(spanish)
    try:
        titles = [s.title for s in worked_steps(example)]
    finally:
        i18n.install(None)
    assert titles and all(t.startswith("ES:") for t in titles)
    assert ("Backprop", "Forward pass, layer {l}") in seen  # the template, as lupdate sees it
    assert "ES:Forward pass, layer 1" in titles and "ES:The update (adam)" in titles


@pytest.mark.parametrize("seed", [0, 3])
def test_validation_rows_are_the_rows_the_trainer_holds_out(seed):
    """The step-through tells a validation row by :func:`validation_rows`: those must be the
    very rows the trainer keeps out of training (its validation set), and no others."""
    from mlpstudio.core.training import validation_rows

    config = Config().with_overrides(
        ["training.early_stopping=true", "training.validation_fraction=0.2",
         f"training.seed={seed}", 'training.dtype="float64"']
    )  # fmt: skip
    trainer = build_trainer(config, epochs=1, snapshot_interval=0)
    x = np.asarray(trainer.dataset.x_train, dtype=np.float64)
    rows = validation_rows(trainer.options, len(x))
    assert len(rows) == round(0.2 * len(x)) and len(set(rows.tolist())) == len(rows)
    assert np.array_equal(np.asarray(trainer._x_val), x[rows])
    rest = np.setdiff1d(np.arange(len(x)), rows)
    trained = np.asarray(trainer._x)
    assert len(trained) == len(rest)
    assert np.array_equal(np.sort(trained, axis=0), np.sort(x[rest], axis=0))
    off = config.with_overrides(["training.early_stopping=false"]).training.options()
    assert validation_rows(off, len(x)).size == 0
