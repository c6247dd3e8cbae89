"""CUDA graph replay of one training step on the GPU (CuPy only; inert everywhere else).

On the GPU a small network is bound by kernel launches, not arithmetic: one mini-batch is
dozens of small kernels, each costing the host a few microseconds to launch. A CUDA graph
records the whole step once (gather of the batch, forward, backward, weight decay and the
optimiser update) and replays it with a single launch per batch.

How a step is made replayable (every point is something a graph cannot do by itself):

* **Static inputs.** The batch's row indices are copied into one fixed index buffer before
  each replay; the graph gathers the rows from the training set on the device, exactly as
  :meth:`Trainer.train_step` does.
* **Device scalars.** The learning rate (it changes with the schedule, or when the user sets
  it) and Adam's step count ``t`` (bias correction) live in a small float64 device array.
  The host writes the learning rate only when it changes and ``t`` only when it is out of
  step (after a plain step of the last partial batch, or a loaded optimiser state); the
  graph's first kernel increments ``t`` and turns both into the scalars the update kernels
  read, so nothing the host knows is baked into the graph.
* **Memory.** Every array the step allocates comes from a private memory pool that only the
  graph uses, primed by running the step once, eagerly, before capture (the pool then holds
  every block, the kernels are compiled and loaded, cuBLAS has its workspace for the capture
  stream). Blocks freed during capture and reused within it are safe because the graph runs
  its nodes in order; nothing outside the graph can be handed one of them afterwards. The
  warm-up run is a genuine training step, so capture costs no step and changes no result.
* **No host synchronisation** happens inside the step (no ``float()``/``.get()``); a capture
  that tries one is invalidated by CUDA and raises, and the trainer falls back.

The graph replays the kernels of the plain path with the same arguments (the optimiser
kernels of :mod:`.kernels` take the device scalars as 1-element arrays), so results agree
with the plain path to rounding (``tests/test_gpu_graph.py`` checks it on a GPU).

The last partial batch, the evaluation passes and the insight pass run the plain path. The
plain path is also used, and :meth:`StepGraph.status_line` says why, on the CPU, without
CuPy or a GPU, with a CuPy that cannot capture (HIP, old versions), for an optimiser whose
plain GPU update this module does not reproduce, when ``MLPSTUDIO_CUDA_GRAPH=0`` is set
(benchmarks compare both paths), and when capture fails.
"""

from __future__ import annotations

import functools
import os
import weakref

from ..i18n import QT_TRANSLATE_NOOP, translate
from . import kernels

#: environment variable that turns replay off when set to 0 (benchmarks time both paths)
ENV_SWITCH = "MLPSTUDIO_CUDA_GRAPH"

#: optimisers whose registry ``update`` ignores ``t`` (their only step-dependent input is the
#: learning rate, which the graph reads from the device); Adam goes through its fused kernel
_T_FREE = ("sgd", "momentum", "nesterov", "rmsprop")

_ON = QT_TRANSLATE_NOOP("CudaGraph", "CUDA graph replay: on.")
_OFF = QT_TRANSLATE_NOOP("CudaGraph", "CUDA graph replay: off ({reason}).")
_REASONS = {
    "cpu": QT_TRANSLATE_NOOP("CudaGraph", "the CPU computes"),
    "no-gpu": QT_TRANSLATE_NOOP("CudaGraph", "no usable GPU"),
    "switch": QT_TRANSLATE_NOOP("CudaGraph", "turned off by {variable}=0"),
    "no-api": QT_TRANSLATE_NOOP("CudaGraph", "this CuPy cannot capture graphs: {detail}"),
    "self-test": QT_TRANSLATE_NOOP("CudaGraph", "the capture self-test failed: {detail}"),
    "optimizer": QT_TRANSLATE_NOOP("CudaGraph", "no graph step for the {detail} optimiser"),
    "failed": QT_TRANSLATE_NOOP("CudaGraph", "capture failed: {detail}"),
}


def status_text(reason: str | None, detail: str = "") -> str:
    """The device line's sentence about graph replay: on (``reason`` None) or off and why,
    in the interface's language."""
    if reason is None:
        return translate("CudaGraph", _ON)
    why = translate("CudaGraph", _REASONS[reason]).format(variable=ENV_SWITCH, detail=detail)
    return translate("CudaGraph", _OFF).format(reason=why)


def switched_off() -> bool:
    return os.environ.get(ENV_SWITCH, "").strip() == "0"


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:160] if lines else type(exc).__name__


def _capture_api(cupy) -> str | None:
    """Why this CuPy cannot capture a stream, or None when it can."""
    stream_type = getattr(getattr(cupy, "cuda", None), "Stream", None)
    if stream_type is None or not hasattr(stream_type, "begin_capture"):
        return "no Stream.begin_capture"
    if not hasattr(cupy.cuda, "MemoryPool") or not hasattr(cupy.cuda, "using_allocator"):
        return "no private memory pools"
    if getattr(cupy.cuda.runtime, "is_hip", False):
        return "HIP"
    return None


@functools.cache
def _self_test() -> tuple[str | None, str]:
    """Capture and replay a small cuBLAS product plus element-wise work the way a training
    step is captured, and check the replayed result: (reason key or None, detail). Cached:
    it needs to run once per process."""
    from .backend import gpu_status

    if not gpu_status()[0]:
        return "no-gpu", ""
    import cupy

    missing = _capture_api(cupy)
    if missing:
        return "no-api", missing
    try:
        stream, pool = cupy.cuda.Stream(non_blocking=True), cupy.cuda.MemoryPool()
        with stream:
            a = cupy.arange(64 * 64, dtype=cupy.float32).reshape(64, 64) / 4096
            with cupy.cuda.using_allocator(pool.malloc):
                expected = (a @ a.T) * 2 + 1  # the eager run primes the pool
                stream.begin_capture()
                try:
                    out = (a @ a.T) * 2 + 1
                finally:
                    graph = stream.end_capture()
            out.fill(0)
            graph.launch(stream)
        stream.synchronize()
        if not bool(cupy.allclose(out, expected)):
            return "self-test", "wrong result"
    except Exception as exc:  # noqa: BLE001 (any failure means: no graphs here)
        return "self-test", _first_line(exc)
    return None, ""


def graph_support(optimizer: str | None = None) -> tuple[bool, str]:
    """Whether training on the GPU here replays its steps as CUDA graphs, and the device
    line's sentence saying so (for ``optimizer`` when given). Runs the cached self-test."""
    if switched_off():
        return False, status_text("switch")
    reason, detail = _self_test()
    if reason is None and optimizer is not None and not _supported(optimizer):
        reason, detail = "optimizer", optimizer
    return reason is None, status_text(reason, detail)


def device_line(optimizer: str | None = None) -> str:
    """The Device row's text before a run: what computes (:func:`~.backend.gpu_status`),
    then whether training steps would replay as CUDA graphs."""
    from .backend import gpu_status

    return f"{gpu_status()[1]} {graph_support(optimizer)[1]}"


def run_device_line(reason: str | None, detail: str = "") -> str:
    """The Device row's text during and after a run: what computes, then what the run's own
    :class:`StepGraph` decided (its :attr:`StepGraph.reason`, carried by the snapshots), which
    includes a fallback to the plain path in the middle of a run."""
    from .backend import gpu_status

    return f"{gpu_status()[1]} {status_text(reason, detail)}"


def known_reason(reason) -> bool:
    """Whether ``reason`` is one a snapshot may carry (None: replay is on)."""
    return reason is None or reason in _REASONS


def _supported(name: str) -> bool:
    """Whether the plain GPU update of optimiser ``name`` is one this module reproduces."""
    from .optimizers import get_optimizer

    plain = kernels.OPTIMIZER_KERNELS.get(name) or get_optimizer(name).update
    return plain in (kernels.adam_step, kernels.momentum_step) or (
        name in _T_FREE and plain is get_optimizer(name).update
    )


@functools.cache
def _scalars_kernel(dtype_name: str):
    """One thread: t <- t + 1, then the learning rate and Adam's step size and sqrt(1 - b2^t)
    in the compute type, from hp = [lr, t] (float64), as the host computes them for the
    plain path (``kernels.adam_step``)."""
    import cupy

    return cupy.ElementwiseKernel(
        "float64 b1, float64 b2",
        f"raw float64 hp, raw {dtype_name} lr, raw {dtype_name} step, raw {dtype_name} root2",
        f"""
        double t = hp[1] + 1.0;
        hp[1] = t;
        lr[0] = ({dtype_name})hp[0];
        step[0] = ({dtype_name})(hp[0] / (1.0 - pow(b1, t)));
        root2[0] = ({dtype_name})sqrt(1.0 - pow(b2, t));
        """,
        f"mlpstudio_graph_scalars_{dtype_name}",
    )


class _FallBack(Exception):
    """The graph step could not run and changed no parameter: take the plain path."""


class StepGraph:
    """Replays :meth:`Trainer.train_step` for full batches as one CUDA graph.

    ``active`` says whether the trainer should call :meth:`step`; after a fallback it is
    False for the rest of the run and :meth:`status_line` says why."""

    def __init__(self, trainer):
        # a proxy: the trainer owns this object, and a cycle would keep the graph's GPU memory
        # until the cyclic garbage collector runs
        self.trainer = weakref.proxy(trainer)
        self.replays = 0  # graph launches so far (the tests check that replay happened)
        self._graph = self._pool = self._loss = None
        self._phase = "idle"
        self._reason, self._detail = self._decide()
        self.active = self._reason is None

    def _decide(self) -> tuple[str | None, str]:
        if not self.trainer.backend.is_gpu:
            return "cpu", ""
        if switched_off():
            return "switch", ""
        import cupy

        missing = _capture_api(cupy)
        if missing:
            return "no-api", missing
        if self._update_for(self.trainer.optimizer) is None:
            return "optimizer", self.trainer.optimizer.name
        return None, ""

    # -- status --------------------------------------------------------------------------------
    @property
    def reason(self) -> str | None:
        """Why full batches take the plain path (a key of the device line's reasons), or None
        while they replay as a graph."""
        return self._reason

    @property
    def detail(self) -> str:
        return self._detail

    def status_line(self) -> str:
        """Whether this run's full batches replay as a CUDA graph, or why not (translated)."""
        return status_text(self._reason, self._detail)

    def disable(self, reason: str, detail: str = "") -> None:
        """Use the plain path from now on (``reason``: a key of the device line's reasons)."""
        if self._graph is not None:  # let launched replays finish before their memory goes
            import cupy

            cupy.cuda.get_current_stream().synchronize()
        self.active, self._reason, self._detail = False, reason, detail
        self._graph = self._pool = self._loss = None

    # -- the step ------------------------------------------------------------------------------
    def _update_for(self, opt, lr=None, step=None, root2=None):
        """``update(params, grads)`` computing what ``opt``'s plain GPU update computes, with
        the learning rate (``lr``) and Adam's step size and sqrt(1 - b2^t) read from device
        arrays; None when there is none. (The closures hold the arrays, not this object.)"""
        hp, xp = opt.hp, opt.xp
        c = self.trainer.backend.dtype.type
        if opt._update is kernels.adam_step:

            def adam(params, grads):
                kernels.adam_kernel()(grads, c(hp["beta1"]), c(hp["beta2"]), c(hp["eps"]),
                                      step, root2, params, opt.buffers["m"],
                                      opt.buffers["v"])  # fmt: skip

            return adam
        if opt._update is kernels.momentum_step:

            def momentum(params, grads):
                kernels.momentum_kernel()(grads, c(hp["momentum"]), lr, params,
                                          opt.buffers["velocity"])  # fmt: skip

            return momentum
        if opt.name in _T_FREE and opt._update is opt.entry.update:

            def rule(params, grads):
                opt.entry.update(xp, params, grads, opt.buffers, lr, 0, **hp)

            return rule
        return None

    def _body(self):
        """One step on the static buffers (what ``train_step`` and ``Optimizer.step`` do):
        run eagerly once, then captured."""
        tr, net, opt = self.trainer, self.trainer.network, self.trainer.optimizer
        x, y = tr._inputs(tr._x[self._idx]), tr._y[self._idx]
        loss = net.loss_and_grad(x, y)
        opt.add_weight_decay(net.params, net.grads)  # as Optimizer.step begins
        b1, b2 = opt.hp.get("beta1", 0.0), opt.hp.get("beta2", 0.0)
        scalars = _scalars_kernel(self._dtype_name)
        scalars(b1, b2, self._hp, self._lr_t, self._step_t, self._root2_t, size=1)
        eager = self._phase == "warm-up"
        if eager:
            self._phase = "update"  # from here on the eager step changes the parameters
        self._update(net.params, net.grads)
        if eager:
            self._phase = "warm-up"
        return loss

    def _setup(self, cupy) -> None:
        tr = self.trainer
        dtype = tr.backend.dtype
        self._dtype_name = "float64" if dtype == cupy.float64 else "float32"
        self._idx = cupy.zeros(tr.batch_size, dtype=cupy.int64)
        self._hp = cupy.zeros(2, dtype=cupy.float64)  # [learning rate, steps taken]
        # the update's scalars in the compute type, as 1-element arrays that broadcast
        self._lr_t, self._step_t, self._root2_t = (cupy.zeros(1, dtype) for _ in range(3))
        self._update = self._update_for(tr.optimizer, self._lr_t, self._step_t, self._root2_t)
        #: what the device holds, as the host last wrote it (None: not written yet)
        self._lr: float | None = None
        self._t: int | None = None

    def _capture(self, cupy):
        """The first full batch: run it eagerly (a real step, which primes the private pool,
        compiles the kernels and gives cuBLAS its workspace on the capture stream), then
        capture the same step into a graph without running it. Returns the eager loss."""
        current = cupy.cuda.get_current_stream()
        stream, pool = cupy.cuda.Stream(non_blocking=True), cupy.cuda.MemoryPool()
        stream.wait_event(current.record())
        self._phase = "warm-up"
        try:
            with stream:
                with cupy.cuda.using_allocator(pool.malloc):
                    loss = self._body()
                warm = loss.copy()  # outside the private pool: the capture reuses loss's block
                del loss
                self._phase = "capture"
                with cupy.cuda.using_allocator(pool.malloc):
                    stream.begin_capture()
                    try:
                        captured = self._body()
                    except BaseException:
                        try:  # end the capture (CUDA may have invalidated it already)
                            stream.end_capture()
                        except Exception:  # noqa: BLE001, S110
                            pass
                        raise
                    graph = stream.end_capture()
        except Exception as exc:  # noqa: BLE001 (a capture that fails means the plain path)
            if self._phase == "update":
                raise  # the warm-up step failed while changing parameters: a real error
            self.disable("failed", _first_line(exc))
            current.wait_event(stream.record())  # the plain path follows what ran on stream
            if self._phase == "warm-up":
                raise _FallBack(str(exc)) from exc  # nothing changed: the plain step runs
            return warm  # the warm-up step was done; the plain path takes the next ones
        current.wait_event(stream.record())
        self._graph, self._pool, self._loss, self._stream = graph, pool, captured, stream
        return warm

    def step(self, indices, lr: float):
        """Train one full batch of rows ``indices`` at learning rate ``lr``; returns the batch
        loss as a 0-d device array that the next step overwrites, or None when the graph
        cannot run (then nothing changed and the caller takes the plain path)."""
        import cupy

        opt = self.trainer.optimizer
        try:
            if self._graph is None:
                self._setup(cupy)
            self._idx[...] = indices
            if lr != self._lr:
                self._hp[0:1].fill(float(lr))
                self._lr = lr
            if opt.t != self._t:
                self._hp[1:2].fill(float(opt.t))
            if self._graph is None:
                loss = self._capture(cupy)
            else:
                self._graph.launch(cupy.cuda.get_current_stream())
                self.replays += 1
                loss = self._loss
        except _FallBack:
            return None
        opt.t += 1
        self._t = opt.t
        return loss
