"""The bookkeeping of CUDA graph replay (core/cuda_graph.py), on machines without CuPy.

A numpy stand-in plays CuPy: its "capture" records nothing (the arrays a step writes are put
back, as a capture that runs nothing leaves them), and its "graph launch" runs the captured
step body again, reading the buffers as they are now, as a replay does. What this checks is
the part that does not need CUDA: the static index buffer, the learning rate and Adam's step
count written to the device only when they change (schedule, a set learning rate, the plain
partial batch, a continued state), weight decay, and the fallbacks; the plain path is the
oracle. What needs CUDA (the capture itself) is tested on a GPU in tests/test_gpu_graph.py.
"""

import contextlib
import importlib.util
import sys
import types

import numpy as np
import pytest

from mlpstudio.core import cuda_graph, kernels
from mlpstudio.core.backend import Backend
from mlpstudio.core.network import Network
from mlpstudio.core.optimizers import OPTIMIZERS
from mlpstudio.core.training import Trainer, TrainingOptions
from mlpstudio.data.functions import COURSE_FORMULA, function_dataset

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("cupy") is not None,
    reason="CuPy is installed here: tests/test_gpu_graph.py tests the real thing",
)


class _Kernel:
    """The fused kernels the engine and the graph use, by name, in numpy."""

    def __init__(self, in_params, out_params, operation, name):
        self.name = name

    def __call__(self, *args, size=None):
        if self.name == "mlpstudio_adam":
            g, b1, b2, eps, step, root2, p, m, v = args
            one = p.dtype.type(1)
            m[...] = b1 * m + (one - b1) * g
            v[...] = b2 * v + (one - b2) * g * g
            p[...] = p - step * m / (np.sqrt(v) / root2 + eps)
        elif self.name == "mlpstudio_momentum":
            g, mu, lr, p, v = args
            v[...] = mu * v + g
            p[...] = p - lr * v
        elif self.name == "mlpstudio_relu_backward":
            a, delta = args
            delta[...] = np.where(a > 0, delta, 0)
            return delta
        elif self.name.startswith("mlpstudio_graph_scalars"):
            b1, b2, hp, lr, step, root2 = args
            hp[1] += 1.0
            lr[0], step[0] = hp[0], hp[0] / (1.0 - b1 ** hp[1])
            root2[0] = np.sqrt(1.0 - b2 ** hp[1])
        else:
            raise NotImplementedError(self.name)


class _Stand:
    """The stand-in's state: the graph being captured and whether end_capture fails."""

    owner = None
    saved: list = []
    end_error: Exception | None = None


class _Stream:
    def __init__(self, null=False, non_blocking=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def record(self, event=None):
        return object()

    def wait_event(self, event):
        pass

    def synchronize(self):
        pass

    def begin_capture(self, mode=None):
        graph = _Stand.owner
        net, opt = graph.trainer.network, graph.trainer.optimizer
        written = [net.params, net.grads, graph._hp, graph._lr_t, graph._step_t, graph._root2_t]
        _Stand.saved = [(a, a.copy()) for a in written + list(opt.buffers.values())]

    def end_capture(self):
        for array, before in _Stand.saved:  # a capture runs nothing
            array[...] = before
        if _Stand.end_error is not None:
            raise _Stand.end_error
        return _Graph(_Stand.owner)


class _Graph:
    def __init__(self, owner):
        self.owner = owner

    def launch(self, stream=None):
        self.owner._loss = np.asarray(self.owner._body())  # a replay reads the buffers now


@pytest.fixture
def stand_in(monkeypatch):
    cupy = types.ModuleType("cupy")
    for name in dir(np):
        if not name.startswith("__"):
            setattr(cupy, name, getattr(np, name))
    cupy.asnumpy = lambda a: np.array(a, copy=True)
    cupy.ElementwiseKernel = _Kernel
    cupy.cuda = types.SimpleNamespace(
        Stream=_Stream,
        MemoryPool=lambda: types.SimpleNamespace(malloc=None),
        using_allocator=lambda allocator=None: contextlib.nullcontext(),
        get_current_stream=_Stream,
        runtime=types.SimpleNamespace(is_hip=False),
    )
    monkeypatch.setitem(sys.modules, "cupy", cupy)
    monkeypatch.delenv(cuda_graph.ENV_SWITCH, raising=False)
    _Stand.end_error = None
    cached = (kernels.adam_kernel, kernels.momentum_kernel, kernels.relu_backward_kernel,
              kernels.convert_kernel, kernels._softmax_module, cuda_graph._scalars_kernel,
              cuda_graph._self_test)  # fmt: skip
    yield cupy
    for function in cached:  # no stand-in kernel outlives the test
        function.cache_clear()


def make(monkeypatch, cupy, graph, optimizer, dtype="float64", params=None, state=None, **kw):
    if graph:
        monkeypatch.delenv(cuda_graph.ENV_SWITCH, raising=False)
    else:
        monkeypatch.setenv(cuda_graph.ENV_SWITCH, "0")
    backend = Backend("cupy", cupy, np.dtype(dtype), "stand-in")
    net = Network([1, 8, 6, 1], ["tanh", "relu"], head="mse", seed=2, backend=backend)
    if params is not None:
        net.set_params(params)
    options = dict(epochs=4, batch_size=48, learning_rate=0.01, seed=1, optimizer=optimizer,
                   schedule="step", step_size=1, gamma=0.5, weight_decay=1e-3)  # fmt: skip
    data = function_dataset(COURSE_FORMULA, domain=(-1, 1), step=0.01, seed=0)
    trainer = Trainer(net, data, TrainingOptions(**{**options, **kw}), snapshot_interval=0.0,
                      optimizer_state=state)  # fmt: skip
    assert trainer.step_graph.active == graph
    return trainer


def run(trainer, new_rate=None):
    _Stand.owner = trainer.step_graph
    for snapshot in trainer:
        if new_rate and snapshot.epoch == 1 and snapshot.batch_in_epoch == 0:
            trainer.set_learning_rate(new_rate)
    return trainer


def same(a, b):
    np.testing.assert_array_equal(a.network.params, b.network.params)
    assert a.optimizer.t == b.optimizer.t


@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_replayed_steps_match_the_plain_path(monkeypatch, stand_in, optimizer):
    """160 rows in batches of 48: three full batches (the run's first is the warm-up) and a
    plain partial batch of 16 per epoch, on a step schedule with weight decay; the result is
    the plain path's, exactly."""
    replayed = run(make(monkeypatch, stand_in, True, optimizer))
    plain = run(make(monkeypatch, stand_in, False, optimizer))
    assert replayed.n_train == 160 and replayed.step_graph.replays == 4 * 3 - 1
    same(replayed, plain)


def test_a_continued_state_and_a_new_learning_rate_reach_the_replays(monkeypatch, stand_in):
    first = run(make(monkeypatch, stand_in, True, "adam", epochs=2, schedule="constant"))
    params, state = first.network.params.copy(), first.optimizer.state()
    runs = [run(make(monkeypatch, stand_in, graph, "adam", params=params, state=state),
                new_rate=0.002) for graph in (True, False)]  # fmt: skip
    assert runs[0].optimizer.t == int(state["t"]) + 4 * 4
    same(*runs)
    float32 = [run(make(monkeypatch, stand_in, g, "adam", dtype="float32")) for g in (1, 0)]
    same(*float32)


def test_a_failed_capture_keeps_the_warm_up_step_and_goes_on_plainly(monkeypatch, stand_in):
    _Stand.end_error = RuntimeError("operation not permitted when stream is capturing")
    replayed = run(make(monkeypatch, stand_in, True, "adam"))
    plain = run(make(monkeypatch, stand_in, False, "adam"))
    graph = replayed.step_graph
    assert not graph.active and graph.replays == 0
    assert graph.status_line() == (
        "CUDA graph replay: off (capture failed: operation not permitted when stream is capturing)."
    )
    same(replayed, plain)


def test_a_warm_up_that_fails_before_the_update_leaves_the_step_to_the_plain_path(
    monkeypatch, stand_in
):
    def refuse(*args, **kwargs):
        raise RuntimeError("NVRTC_ERROR_COMPILATION")

    replayed = make(monkeypatch, stand_in, True, "momentum")
    with monkeypatch.context() as patch:
        patch.setattr(cuda_graph, "_scalars_kernel", lambda name: refuse)
        run(replayed)
    plain = run(make(monkeypatch, stand_in, False, "momentum"))
    assert not replayed.step_graph.active
    assert "capture failed: NVRTC_ERROR_COMPILATION" in replayed.step_graph.status_line()
    same(replayed, plain)
