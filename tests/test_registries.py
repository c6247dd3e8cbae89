"""Every registry entry, checked the same way: a new activation, head, optimiser, schedule or
initialisation gets these tests by being added to its registry.

* activations: S'(z) against central finite differences of S, elementwise (the network-level
  check over every activation x head is ``tests/test_gradients.py``);
* heads: dL/dz against finite differences of the loss; the output against PyTorch's;
* optimisers: a few steps against ``torch.optim`` built from the entry's own ``torch`` string
  (an independent implementation), with weight decay on the weights only and a changing
  learning rate; then a save/load (.mlpx) round trip that continues identically;
* schedules: the factor against ``torch.optim.lr_scheduler`` built from the entry's string;
* initialisations: the spread of the drawn weights against the entry's formula;
* every entry's math is self-contained (an exported script can inline its source).
"""

from __future__ import annotations

import builtins
import dis
import inspect
import math

import numpy as np
import pytest

from mlpstudio.core.activations import ACTIVATIONS
from mlpstudio.core.inits import INITS
from mlpstudio.core.losses import HEADS
from mlpstudio.core.optimizers import OPTIMIZERS, make_optimizer
from mlpstudio.core.schedules import SCHEDULES
from mlpstudio.core.training import History
from mlpstudio.core.training_options import TrainingOptions, all_training_specs
from mlpstudio.experiment.archive import load_experiment, restore, save_experiment
from mlpstudio.experiment.build import build_dataset, build_trainer
from mlpstudio.experiment.config import Config, TrainingConfig

torch = pytest.importorskip("torch")


def _math_functions():
    for name, a in ACTIVATIONS.items():
        yield f"activation {name}", a.forward
        yield f"activation {name}", a.derivative
    for name, h in HEADS.items():
        yield from ((f"head {name}", f) for f in (h.output, h.loss, h.delta))
    for name, o in OPTIMIZERS.items():
        yield f"optimizer {name}", o.update
    for name, s in SCHEDULES.items():
        yield f"schedule {name}", s.factor
    for name, i in INITS.items():
        yield f"init {name}", i.draw


@pytest.mark.parametrize("where, function", list(_math_functions()))
def test_entry_math_is_self_contained(where, function):
    """Module-level, no globals but ``math``, no closures: its source inlines verbatim."""
    assert function.__qualname__ == function.__name__, where  # module level
    loaded = {i.argval for i in dis.get_instructions(function) if i.opname == "LOAD_GLOBAL"}
    builtin = {n for n in loaded if hasattr(builtins, n)}
    assert loaded - builtin <= {"math"}, f"{where}: uses {sorted(loaded - builtin)}"
    assert function.__closure__ is None, where
    assert inspect.getsource(function).startswith(f"def {function.__name__}("), where


# -- activations -----------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_activation_derivative_matches_finite_differences(name):
    entry = ACTIVATIONS[name]
    z = np.linspace(-4.0, 4.0, 161)
    z = z[np.abs(z) > 1e-3]  # away from ReLU's kink
    h = 1e-6
    numeric = (entry.forward(np, z + h) - entry.forward(np, z - h)) / (2 * h)
    a = entry.forward(np, z.copy())
    analytic = np.asarray(entry.derivative(np, z if entry.needs_z else None, a), dtype=float)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-8)
    assert np.ptp(analytic) > 0.0 or name == "identity"  # not a trivially constant check


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_activation_matches_its_pytorch_module(name):
    entry = ACTIVATIONS[name]
    z = np.linspace(-5.0, 5.0, 101)
    module = eval(entry.torch, {"nn": torch.nn})  # the entry's own string, not user text
    expected = module(torch.from_numpy(z)).numpy()
    np.testing.assert_allclose(entry.forward(np, z.copy()), expected, rtol=1e-12, atol=1e-14)


# -- heads -----------------------------------------------------------------------------------
def _head_case(name, rng, rows=5, k=3):
    z = rng.normal(scale=2.0, size=(rows, k))
    entry = HEADS[name]
    if entry.targets == "index":
        y = rng.integers(0, k, size=rows)
    elif entry.is_classification:
        y = rng.integers(0, 2, size=(rows, k)).astype(float)
    else:
        y = rng.normal(size=(rows, k))
    return entry, z, y


@pytest.mark.parametrize("name", list(HEADS))
def test_head_delta_matches_finite_differences(name):
    entry, z, y = _head_case(name, np.random.default_rng(1))
    delta = entry.delta(np, z, y)
    numeric = np.empty_like(z)
    h = 1e-6
    for i in np.ndindex(z.shape):
        plus, minus = z.copy(), z.copy()
        plus[i] += h
        minus[i] -= h
        numeric[i] = (float(entry.loss(np, plus, y)) - float(entry.loss(np, minus, y))) / (2 * h)
    np.testing.assert_allclose(delta, numeric, rtol=1e-6, atol=1e-9)
    assert np.abs(delta).max() > 1e-3


@pytest.mark.parametrize("name", list(HEADS))
def test_head_loss_and_output_match_pytorch(name):
    entry, z, y = _head_case(name, np.random.default_rng(2))
    zt = torch.from_numpy(z)
    yt = torch.from_numpy(y)
    loss = eval(entry.torch, {"nn": torch.nn})(zt, yt)
    assert float(entry.loss(np, z, y)) == pytest.approx(float(loss), rel=1e-12)
    output = eval(entry.torch_output.format(z="zt"), {"torch": torch, "zt": zt})
    np.testing.assert_allclose(entry.output(np, z), output.numpy(), rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(z, _head_case(name, np.random.default_rng(2))[1])  # z kept


# -- optimisers ------------------------------------------------------------------------------
def _non_default_options(entry):
    """Each option moved off its default (inside its range), so a mix-up would show."""
    values = {}
    for spec in entry.options:
        moved = spec.default * 0.9 if spec.default else (spec.high or 1.0) * 0.1
        assert spec.low <= moved <= spec.high
        values[spec.name] = moved
    return values


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_optimizer_matches_torch_optim(name):
    entry = OPTIMIZERS[name]
    rng = np.random.default_rng(5)
    n_weights, n_params, decay = 4, 6, 0.05
    start = rng.normal(size=n_params)
    grads = rng.normal(size=(6, n_params))
    rates = [0.1, 0.1, 0.05, 0.05, 0.02, 0.2]  # a changing learning rate, as schedules do
    options = _non_default_options(entry)

    ours = start.copy()
    opt = make_optimizer(name, np, n_params, n_weights, np.float64, weight_decay=decay, **options)
    for g, lr in zip(grads, rates):
        opt.step(ours, g.copy(), lr)

    w = torch.tensor(start[:n_weights], requires_grad=True)
    b = torch.tensor(start[n_weights:], requires_grad=True)
    groups = [{"params": [w], "weight_decay": decay}, {"params": [b], "weight_decay": 0.0}]
    source = entry.torch.format(params="groups", learning_rate=rates[0], **options)
    reference = eval(source, {"torch": torch, "groups": groups})
    for g, lr in zip(grads, rates):
        for group in reference.param_groups:
            group["lr"] = lr
        w.grad = torch.tensor(g[:n_weights])
        b.grad = torch.tensor(g[n_weights:])
        reference.step()
    expected = np.concatenate([w.detach().numpy(), b.detach().numpy()])
    np.testing.assert_allclose(ours, expected, rtol=1e-10, atol=1e-13)
    assert not np.allclose(ours, start)
    # The saved buffers are PyTorch's, in PyTorch's units (what .mlpx files store).
    state = opt.state()
    assert set(state) == {"t", *entry.buffers} and int(state["t"]) == len(grads)


@pytest.mark.parametrize(
    "optimizer, activation",
    [(name, "tanh") for name in OPTIMIZERS] + [("adam", name) for name in ACTIVATIONS],
)
def test_save_and_load_continues_identically(optimizer, activation, tmp_path):
    config = Config().with_overrides(
        ["training.epochs=3", f"training.optimizer={optimizer}", "model.hidden=[5, 3]",
         f"model.activation={activation}", "training.weight_decay=0.001",
         'training.dtype="float64"']
    )  # fmt: skip
    dataset = build_dataset(config.data)
    trainer = build_trainer(config, dataset=dataset, snapshot_interval=0.0)
    final = trainer.run()
    state = trainer.optimizer.state()
    path = save_experiment(tmp_path / "run.mlpx", config, trainer.network, final.history, state)
    network, history, loaded = restore(load_experiment(path), dataset)
    longer = config.with_overrides(["training.epochs=5"])
    a = build_trainer(longer, dataset=dataset, network=trainer.network,
                      history=History.from_columns(final.history), optimizer_state=state,
                      snapshot_interval=0.0)  # fmt: skip
    b = build_trainer(longer, dataset=dataset, network=network, history=history,
                      optimizer_state=loaded, snapshot_interval=0.0)  # fmt: skip
    end_a, end_b = a.run(), b.run()
    assert end_a.epoch == end_b.epoch == 5
    np.testing.assert_array_equal(b.network.params_to_host(), a.network.params_to_host())
    for key, value in a.optimizer.state().items():
        np.testing.assert_array_equal(b.optimizer.state()[key], value)
    assert not np.array_equal(b.network.params_to_host(), load_experiment(path).params)


# -- schedules -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(SCHEDULES))
def test_schedule_matches_torch_scheduler(name):
    entry = SCHEDULES[name]
    epochs, lr = 40, 0.1
    options = {s.name: (7 if s.kind == "int" else 0.3) for s in entry.options}
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr)
    source = entry.torch.format(optimizer="opt", epochs=epochs, learning_rate=lr, **options)
    scheduler = eval(source, {"torch": torch, "opt": opt})
    for epoch in range(epochs):
        expected = opt.param_groups[0]["lr"]
        assert lr * entry.factor(epoch, epochs, **options) == pytest.approx(expected, rel=1e-9)
        opt.step()
        scheduler.step()


# -- initialisations -------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(INITS))
def test_init_spread_matches_pytorch(name):
    entry = INITS[name]
    fan_in, fan_out = 400, 300
    ours = entry.draw(np.random.default_rng(0), fan_in, fan_out)
    assert ours.shape == (fan_out, fan_in) and ours.dtype == np.float64
    w = torch.empty(fan_out, fan_in, dtype=torch.float64)
    torch.manual_seed(0)
    eval(entry.torch.format(w="w", fan_in=fan_in), {"nn": torch.nn, "w": w, "math": math})
    assert ours.std() == pytest.approx(float(w.std()), rel=0.03)


# -- options ---------------------------------------------------------------------------------
def test_training_options_are_derived_from_the_specs():
    specs = all_training_specs()
    options = TrainingOptions()
    config = TrainingConfig()
    for name, spec in specs.items():  # one set of defaults, the specs'
        assert getattr(options, name) == spec.default == getattr(config, name)
    for entry in list(OPTIMIZERS.values()) + list(SCHEDULES.values()):
        for spec in entry.options:
            assert specs[spec.name] is spec or specs[spec.name] == spec
            assert spec.low <= spec.default <= spec.high
    assert config.options() == options


# -- the GPU path ----------------------------------------------------------------------------
@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_gpu_path_matches_the_entries(optimizer, activation):
    """On cupy the engine may use fused kernels (core/kernels.py) instead of an entry's
    functions: both paths give the same training, for every head (skipped without a GPU)."""
    from mlpstudio.core.backend import get_backend, gpu_status, numpy_backend
    from mlpstudio.core.network import Network

    if not gpu_status()[0]:
        pytest.skip("no usable GPU (CuPy)")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 5))
    for head, entry in HEADS.items():
        if entry.targets == "index":
            y = rng.integers(0, 3, size=64)
        elif entry.is_classification:
            y = rng.integers(0, 2, size=(64, 3)).astype(float)
        else:
            y = rng.normal(size=(64, 3))
        params = []
        for backend in (numpy_backend("float64"), get_backend("cupy", "float64")):
            xp = backend.xp
            net = Network([5, 8, 6, 3], [activation] * 2, head=head, seed=1, backend=backend)
            opt = make_optimizer(optimizer, xp, net.n_params, net.n_weights, backend.dtype,
                                 weight_decay=0.01)  # fmt: skip
            xb, yb = backend.asarray(x, dtype=backend.dtype), entry.prepare_targets(xp, y, "f8")
            for step in range(12):
                rows = slice(step % 4 * 16, (step % 4 + 1) * 16)
                net.loss_and_grad(xb[rows], yb[rows])
                opt.step(net.params, net.grads, 0.01 * (1 + step % 3))
            params.append(net.params_to_host())
        np.testing.assert_allclose(params[1], params[0], rtol=1e-9, atol=1e-12, err_msg=head)
