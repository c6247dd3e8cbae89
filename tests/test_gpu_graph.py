"""CUDA graph replay of the training step (core/cuda_graph.py).

On a GPU: replaying the captured step gives what the plain path gives, epoch after epoch, for
every optimiser, with a learning-rate schedule, weight decay, a partial last batch, a changed
learning rate, a continued optimiser state, and when capture fails. Everywhere: the plain path
is chosen, and the device line says so, where replay is unavailable.
"""

import numpy as np
import pytest

from mlpstudio.core import cuda_graph
from mlpstudio.core.backend import get_backend, gpu_status
from mlpstudio.core.network import Network
from mlpstudio.core.optimizers import OPTIMIZERS
from mlpstudio.core.training import Trainer, TrainingOptions
from mlpstudio.data.dataset import Dataset
from mlpstudio.data.functions import COURSE_FORMULA, function_dataset

GPU_USABLE, GPU_REASON = gpu_status()
needs_gpu = pytest.mark.skipif(not GPU_USABLE, reason=f"no usable GPU: {GPU_REASON}")


def images(n=300, n_in=64, classes=10, seed=0):
    """uint8 image rows (the GPU's fused conversion runs inside the graph)."""
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 256, size=(n, n_in), dtype=np.uint8)
    y = (x[:, :8].astype(int).sum(axis=1) * classes // (8 * 256)).astype(np.int64)
    return Dataset("images", "classification", x, y, x[:60], y[:60], input_shape=(n_in,),
                   class_names=tuple(map(str, range(classes))), input_scale=1 / 255)  # fmt: skip


def trainer(
    monkeypatch,
    graph: bool,
    dataset=None,
    dtype="float32",
    params=None,
    state=None,
    sizes=(64, 32, 16, 10),
    activations=("relu", "tanh"),
    head="softmax",
    **options,
):
    """A trainer on the GPU, with graph replay on or switched off by the real switch."""
    if graph:
        monkeypatch.delenv(cuda_graph.ENV_SWITCH, raising=False)
    else:
        monkeypatch.setenv(cuda_graph.ENV_SWITCH, "0")
    net = Network(list(sizes), list(activations), head=head, seed=3,
                  backend=get_backend("cupy", dtype))  # fmt: skip
    if params is not None:
        net.set_params(params)
    options = {"epochs": 4, "batch_size": 32, "learning_rate": 0.05, "seed": 1, **options}
    out = Trainer(net, dataset or images(), TrainingOptions(**options), snapshot_interval=0.0,
                  optimizer_state=state)  # fmt: skip
    assert out.step_graph.active == graph, out.step_graph.status_line()
    return out


def assert_same_run(replayed, plain, rtol=1e-5, atol=1e-6):
    """Same parameters, optimiser state and history (the graph really replayed)."""
    assert replayed.step_graph.active and replayed.step_graph.replays > 0
    assert not plain.step_graph.active and plain.step_graph.replays == 0
    np.testing.assert_allclose(replayed.network.params_to_host(), plain.network.params_to_host(),
                               rtol=rtol, atol=atol)  # fmt: skip
    ours, theirs = replayed.optimizer.state(), plain.optimizer.state()
    assert ours.keys() == theirs.keys() and int(ours["t"]) == int(theirs["t"]) > 0
    for key in ours:
        np.testing.assert_allclose(ours[key], theirs[key], rtol=rtol, atol=atol, err_msg=key)
    # (losses, not accuracies: one prediction flipped by rounding would move an accuracy a lot)
    for column in ("train_loss", "test_loss", "learning_rate"):
        np.testing.assert_allclose(replayed.history.view()[column], plain.history.view()[column],
                                   rtol=rtol, atol=atol, err_msg=column)  # fmt: skip


@needs_gpu
@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_replay_matches_the_plain_path_for_every_optimiser_with_a_schedule(monkeypatch, optimizer):
    """300 rows in batches of 32: nine replayed batches and a plain partial one per epoch; the
    step schedule halves the learning rate every epoch; weight decay on."""
    lr = 0.002 if optimizer in ("adam", "rmsprop") else 0.05
    options = dict(optimizer=optimizer, learning_rate=lr, schedule="step", step_size=1,
                   gamma=0.5, weight_decay=1e-3)  # fmt: skip
    replayed = trainer(monkeypatch, True, **options)
    plain = trainer(monkeypatch, False, **options)
    final = replayed.run()
    assert final.status == "finished" and plain.run().status == "finished"
    assert replayed.step_graph.replays == 4 * 9 - 1  # the first full batch is the warm-up
    assert len(set(np.round(replayed.history.view()["learning_rate"][1:], 12))) == 4
    assert_same_run(replayed, plain)


@needs_gpu
@pytest.mark.parametrize("optimizer", ["adam", "momentum", "sgd"])
def test_replay_matches_for_float64_regression_with_cosine_schedule(monkeypatch, optimizer):
    """Float inputs, the MSE head (no fused head kernel), float64, cosine schedule."""
    data = function_dataset(COURSE_FORMULA, domain=(-1, 1), step=0.01, seed=0)
    options = dict(optimizer=optimizer, learning_rate=0.01, schedule="cosine", epochs=5)
    kw = dict(dataset=data, dtype="float64", sizes=(1, 10, 10, 1), head="mse", **options)
    replayed, plain = trainer(monkeypatch, True, **kw), trainer(monkeypatch, False, **kw)
    replayed.run(), plain.run()
    assert_same_run(replayed, plain, rtol=1e-10, atol=1e-12)


@needs_gpu
def test_a_changed_learning_rate_and_a_continued_adam_state_reach_the_graph(monkeypatch):
    """The step count t comes from a loaded state (bias correction), and the learning rate
    set mid-run applies from the next replayed batch."""
    first = trainer(monkeypatch, True, optimizer="adam", learning_rate=0.003, epochs=2)
    first.run()
    params, state = first.network.params_to_host(), first.optimizer.state()
    runs = [trainer(monkeypatch, g, optimizer="adam", learning_rate=0.003, params=params,
                    state=state) for g in (True, False)]  # fmt: skip
    for run in runs:
        for snapshot in run:
            if snapshot.epoch == 1 and snapshot.batch_in_epoch == 0:
                run.set_learning_rate(0.0005)
    assert int(runs[0].optimizer.state()["t"]) == int(state["t"]) + 4 * 10
    assert_same_run(*runs)


@needs_gpu
def test_a_capture_that_synchronises_falls_back_to_the_plain_path(monkeypatch):
    """Reading the loss on the host inside the step is a synchronisation CUDA refuses while
    capturing: the run falls back after its warm-up step, says so, and still matches."""
    runs = [trainer(monkeypatch, g, optimizer="momentum") for g in (True, False)]
    for run in runs:
        net, plain_loss_and_grad = run.network, run.network.loss_and_grad

        def synchronising(x, y, scale=1.0, _f=plain_loss_and_grad):
            loss = _f(x, y, scale)
            float(loss)  # a host read: fine eagerly, forbidden during capture
            return loss

        net.loss_and_grad = synchronising
    runs[0].run(), runs[1].run()
    graph = runs[0].step_graph
    assert not graph.active and graph.replays == 0
    assert graph.status_line().startswith("CUDA graph replay: off (capture failed: ")
    np.testing.assert_allclose(runs[0].network.params_to_host(),
                               runs[1].network.params_to_host(), rtol=1e-5, atol=1e-6)  # fmt: skip


# -- everywhere: the decision and the device line ---------------------------------------------
def test_the_cpu_backend_takes_the_plain_path_and_says_why():
    data = function_dataset(COURSE_FORMULA, domain=(-1, 1), step=0.05, seed=0)
    run = Trainer(Network([1, 5, 1], ["tanh"], seed=0), data,
                  TrainingOptions(epochs=2, batch_size=8), snapshot_interval=0.0)  # fmt: skip
    assert not run.step_graph.active
    assert run.step_graph.status_line() == "CUDA graph replay: off (the CPU computes)."
    assert run.run().status == "finished" and run.step_graph.replays == 0


def test_the_switch_turns_replay_off_and_the_device_line_says_so(monkeypatch):
    monkeypatch.setenv(cuda_graph.ENV_SWITCH, "0")
    usable, text = cuda_graph.graph_support("adam")
    assert not usable
    assert text == "CUDA graph replay: off (turned off by MLPSTUDIO_CUDA_GRAPH=0)."
    assert cuda_graph.device_line() == f"{GPU_REASON} {text}"


def test_without_cupy_the_device_line_says_replay_is_off(monkeypatch):
    try:
        import cupy  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("CuPy imports here; this checks a machine without it")
    monkeypatch.delenv(cuda_graph.ENV_SWITCH, raising=False)
    assert cuda_graph.graph_support() == (False, "CUDA graph replay: off (no usable GPU).")
    assert cuda_graph.device_line().startswith("CuPy is not installed")
    assert cuda_graph.device_line().endswith(" CUDA graph replay: off (no usable GPU).")


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_shipped_optimiser_has_a_graph_step(name):
    """The plain GPU update of each registry entry is one the graph reproduces (a new fused
    kernel in core/kernels.py would make this fail until cuda_graph.py learns it)."""
    assert cuda_graph._supported(name)
