"""Training-engine speed: one epoch of 784-256-128-10 (ReLU, softmax cross-entropy, batch 128,
float32) on MNIST, with SGD + momentum and Adam, at fixed BLAS thread counts.

Prints, per optimiser and thread count: seconds per epoch, samples/s, the share of the exact
GEMM limit (GEMM flops per epoch / measured float32 matmul peak, divided by the epoch time),
the share of the step's GEMMs alone (the same products timed at their real shapes with nothing
else: their time over ours, the ceiling for a step that calls BLAS once per product),
and, when PyTorch is installed, the same network trained by PyTorch in the same run with the
ratio MLP Studio time / PyTorch time (below 1 means MLP Studio is faster).

``--before`` also times, in the same run, the engine with its elementwise work on one thread
(what every step did before :mod:`mlpstudio.core.parallel`), for a before/after comparison
that shares the machine's load; the results are bit-identical, only the time differs.

With ``--backend cupy`` it times the GPU instead: MLP Studio with CUDA graph replay and with
plain launches (``MLPSTUDIO_CUDA_GRAPH=0``), PyTorch CUDA eager and numpy (all CPU cores), all
in the same run, with the share of the exact-GEMM limit and issue 14's targets;
``--sizes 3072,1024,1024,100`` gives the CIFAR-100-shaped network on random data.

    python benchmarks/engine.py [--threads 1 2 4] [--repeats 3] [--before] [--window STEPS]
                                [--cpu-time] [--backend numpy|cupy] [--json]
    python benchmarks/engine.py --backend cupy --sizes 3072,1024,1024,100
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlpstudio.core import parallel  # noqa: E402
from mlpstudio.core.backend import BackendError, get_backend  # noqa: E402
from mlpstudio.core.network import Network  # noqa: E402
from mlpstudio.core.training import Trainer, TrainingOptions  # noqa: E402
from mlpstudio.data.dataset import Dataset  # noqa: E402
from mlpstudio.threads import logical_cpus  # noqa: E402

SIZES = [784, 256, 128, 10]
BATCH = 128
MNIST = (
    Path(os.environ.get("MLPSTUDIO_SHARED_DATASETS") or Path(__file__).resolve().parents[2]
         / "shared" / "datasets") / "mnist"
)  # fmt: skip
LEARNING_RATES = {"momentum": 0.01, "adam": 0.001}
#: the timer: wall-clock seconds, or this process's CPU seconds with --cpu-time (one thread on
#: a busy machine: the time the work itself took, whatever else ran; meaningless above one)
clock = time.perf_counter


def load_train_data(sizes: list[int]) -> tuple[np.ndarray, np.ndarray, str]:
    """MNIST's 60,000 training images for a 784-input network when present, else random uint8
    data of the network's input and output size (60,000 rows, or 50,000 for CIFAR shapes)."""
    from mlpstudio.data.idx import read_idx

    images = MNIST / "train-images-idx3-ubyte"
    labels = MNIST / "train-labels-idx1-ubyte.gz"
    if sizes[0] == 784 and sizes[-1] == 10 and images.exists() and labels.exists():
        return read_idx(images, 3), read_idx(labels, 1).astype(np.int64), "MNIST"
    rng = np.random.default_rng(0)
    n = 60_000 if sizes[0] == 784 else 50_000
    x = rng.integers(0, 256, size=(n, sizes[0]), dtype=np.uint8)
    labels = rng.integers(0, sizes[-1], n)
    return x, labels, f"random data ({n} x {sizes[0]}, {sizes[-1]} classes)"


def gemm_flops_per_epoch(n: int, sizes: list[int]) -> float:
    """Flops of the matrix products of one epoch: forward Z = A W^T, weight gradients
    dW = delta^T A, and input gradients delta W for every layer but the first."""
    per_sample = 0
    for layer, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        products = 2 if layer == 0 else 3
        per_sample += products * 2 * n_in * n_out
    return float(per_sample) * n


def matmul_peak(backend, size: int = 2048, repeats: int = 5) -> float:
    """Measured float32 matmul throughput (flop/s) on square matrices."""
    xp = backend.xp
    a = xp.asarray(np.random.default_rng(0).standard_normal((size, size), dtype=np.float32))
    b = a.copy()
    _sync(backend, a @ b)
    best = float("inf")
    for _ in range(repeats):
        started = clock()
        _sync(backend, a @ b)
        best = min(best, clock() - started)
    return 2 * size**3 / best


def gemms_alone(backend, sizes: list[int], n: int, repeats: int = 5, steps: int = 40) -> float:
    """Seconds per epoch of a training step's matrix products alone, at their real shapes and
    in the network's own layout (the products of :meth:`Network.loss_and_grad`, each written
    into a preallocated array, nothing else): what an engine that calls BLAS once per product
    takes at least. The exact-GEMM limit assumes every product runs at the square-matrix peak;
    this says how far below that peak the step's own, smaller, products run here."""
    xp, dtype = backend.xp, backend.dtype
    net = Network(sizes, ["relu"] * (len(sizes) - 2), head="softmax", seed=0, backend=backend)
    rng = np.random.default_rng(0)
    acts = [xp.asarray(rng.random((BATCH, k), dtype=np.float32), dtype=dtype) for k in sizes]
    outs = [xp.empty_like(a) for a in acts]
    last = net.n_layers - 1

    def step() -> None:
        for layer in range(net.n_layers):
            xp.matmul(acts[layer], net.W[layer].T, out=outs[layer + 1])
        for layer in range(last, -1, -1):
            xp.matmul(acts[layer].T, acts[layer + 1], out=net.dW[layer].T)
            if layer > 0:
                xp.matmul(acts[layer + 1], net.W[layer], out=outs[layer])

    for _ in range(10):
        step()
    best = float("inf")
    for _ in range(repeats):
        _sync(backend, outs[0])
        started = clock()
        for _ in range(steps):
            step()
        _sync(backend, outs[0])
        best = min(best, (clock() - started) / steps)
    return best * -(-n // BATCH)


def _sync(backend, value) -> None:
    if backend.is_gpu:
        backend.xp.cuda.Stream.null.synchronize()


@contextlib.contextmanager
def serial_elementwise():
    """Trainers built inside keep their elementwise work on one thread (the engine before
    :mod:`mlpstudio.core.parallel`); BLAS keeps the threads it is given."""
    chosen = parallel.engine_pool
    parallel.engine_pool = lambda xp: parallel.SERIAL
    try:
        yield
    finally:
        parallel.engine_pool = chosen


def mlpstudio_epoch(
    backend, dataset, optimizer: str, repeats: int, sizes=SIZES, serial: bool = False,
    window: int | None = None,
) -> float:  # fmt: skip
    """Best time of one training epoch (mini-batch steps only, as PyTorch's loop below);
    ``serial``: with the elementwise work on one thread; ``window``: time that many steps at
    a time and scale the best window to an epoch."""
    net = Network(sizes, ["relu"] * (len(sizes) - 2), head="softmax", seed=0, backend=backend)
    options = TrainingOptions(
        optimizer=optimizer,
        learning_rate=LEARNING_RATES[optimizer],
        momentum=0.9,
        batch_size=BATCH,
        epochs=repeats,
    )
    with serial_elementwise() if serial else contextlib.nullcontext():
        trainer = Trainer(net, dataset, options)
    batches = trainer.batches_per_epoch
    steps = min(window or batches, batches)
    best = float("inf")
    for _ in range(repeats):
        order = trainer.epoch_order()
        _sync(backend, order)
        started = clock()
        for b in range(steps):
            trainer.train_step(order[b * BATCH : (b + 1) * BATCH], LEARNING_RATES[optimizer])
        _sync(backend, net.params)
        best = min(best, clock() - started)
    return best * batches / steps


def _torch_setup(torch, x_uint8, labels, optimizer, sizes, device):
    """PyTorch's side of a run, on ``device``: the data, the same ReLU network, its
    optimiser (the learning rates ours use) and the loss."""
    torch.manual_seed(0)
    x = torch.from_numpy(np.ascontiguousarray(x_uint8.reshape(len(x_uint8), -1))).to(device)
    y = torch.from_numpy(labels).to(device)
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1]).to(device)
    if optimizer == "adam":
        opt = torch.optim.Adam(model.parameters(), lr=LEARNING_RATES["adam"])
    else:
        opt = torch.optim.SGD(model.parameters(), lr=LEARNING_RATES["momentum"], momentum=0.9)
    return x, y, model, opt, torch.nn.CrossEntropyLoss()


def torch_epoch(
    x_uint8, labels, optimizer, threads, repeats, sizes=SIZES, window: int | None = None
) -> float | None:
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(threads)
    x, y, model, opt, loss_fn = _torch_setup(torch, x_uint8, labels, optimizer, sizes, "cpu")
    n = len(x)
    batches = -(-n // BATCH)
    steps = min(window or batches, batches)
    best = float("inf")
    for _ in range(repeats):
        order = torch.randperm(n)
        started = clock()
        for start in range(0, steps * BATCH, BATCH):
            idx = order[start : start + BATCH]
            xb = x[idx].float().mul_(1 / 255)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), y[idx])
            loss.backward()
            opt.step()
        best = min(best, clock() - started)
    return best * batches / steps


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=3, help="epochs timed; the best is kept")
    parser.add_argument("--window", type=int, default=None, metavar="STEPS",
                        help="time windows of STEPS mini-batches instead of whole epochs (the "
                        "best of --repeats windows, scaled to an epoch): steadier on a busy "
                        "machine")  # fmt: skip
    parser.add_argument("--backend", choices=("numpy", "cupy"), default="numpy")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="layer sizes, e.g. 3072,1024,1024,100")  # fmt: skip
    parser.add_argument("--no-torch", action="store_true", help="skip the PyTorch comparison")
    parser.add_argument(
        "--before", action="store_true", help="also time the elementwise work on one thread"
    )
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    parser.add_argument("--cpu-time", action="store_true",
                        help="time CPU seconds instead of wall-clock (for --threads 1 on a busy "
                        "machine)")  # fmt: skip
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.sizes.split(",")]
    if args.cpu_time:
        global clock
        clock = time.process_time

    x, labels, source = load_train_data(sizes)
    shape = x.shape[1:]
    dataset = Dataset("train", "classification", x, labels, x[:1000], labels[:1000],
                      input_shape=shape, class_names=tuple(map(str, range(sizes[-1]))),
                      input_scale=1 / 255)  # fmt: skip
    try:
        backend = get_backend(args.backend, "float32")
    except BackendError as exc:  # --backend cupy without a usable GPU: one line, exit 2
        print(f"engine.py: --backend {args.backend}: {exc}", file=sys.stderr)
        return 2
    flops = gemm_flops_per_epoch(len(x), sizes)
    print(
        f"data: {source}, {len(x)} samples; network {'-'.join(map(str, sizes))}, "
        f"batch {BATCH}, float32, backend {backend.name} ({backend.description})"
    )
    print(f"GEMM work per epoch: {flops / 1e9:.2f} GFLOP")
    results = []
    if backend.is_gpu:
        results = gpu_rows(backend, dataset, sizes, flops, args.repeats, not args.no_torch)
    else:
        for threads in args.threads:
            results += cpu_rows(backend, dataset, x, labels, sizes, flops, threads, args)
    if args.json:
        print(json.dumps({"data": source, "backend": backend.name, "sizes": sizes,
                          "results": results}))  # fmt: skip
    return 0


def cpu_rows(backend, dataset, x, labels, sizes, flops, threads, args) -> list[dict]:
    rows = []
    with threadpool_limits(threads):
        peak = matmul_peak(backend)
        limit = flops / peak
        print(
            f"\n[{threads} BLAS thread{'s' if threads > 1 else ''}] float32 matmul peak "
            f"{peak / 1e9:.1f} GFLOP/s -> exact GEMM limit {limit:.3f} s/epoch"
        )
        alone = gemms_alone(backend, sizes, len(x))
        print(
            f"  the step's GEMMs alone at their shapes: {alone:.3f} s/epoch = {limit / alone:.1%} "
            f"of the limit (the most a step of separate BLAS calls reaches here)"
        )
        pool = parallel.engine_pool(backend.xp)
        print(f"  elementwise work on {pool.threads} thread{'s' if pool.threads > 1 else ''}")
        cpus = logical_cpus()
        if threads > cpus:
            print(
                f"  NOTE: {threads} threads on {cpus} logical CPUs: oversubscribed (the app "
                f"refuses --threads {threads} here; OpenBLAS threads then wait on each other)"
            )
        before_head = f" {'before s':>8} {'before %':>8}" if args.before else ""
        print(
            f"  {'optimiser':<10} {'s/epoch':>8} {'samples/s':>10} {'GEMM share':>10} "
            f"{'of alone':>8} {'torch s':>8} {'ours/torch':>10}{before_head}"
        )
        for optimizer in ("momentum", "adam"):
            ours = mlpstudio_epoch(backend, dataset, optimizer, args.repeats, sizes,
                                   window=args.window)  # fmt: skip
            theirs = before = None
            if not args.no_torch:
                theirs = torch_epoch(x, labels, optimizer, threads, args.repeats, sizes,
                                     args.window)  # fmt: skip
            if args.before:
                before = mlpstudio_epoch(backend, dataset, optimizer, args.repeats, sizes, True,
                                         args.window)  # fmt: skip
            rows.append({
                "threads": threads, "optimizer": optimizer, "seconds": ours,
                "samples_per_second": len(x) / ours, "gemm_share": limit / ours,
                "peak_gflops": peak / 1e9, "gemms_alone_seconds": alone,
                "share_of_gemms_alone": alone / ours, "torch_seconds": theirs,
                "ratio_to_torch": None if theirs is None else ours / theirs,
                "elementwise_threads": pool.threads, "serial_elementwise_seconds": before,
            })  # fmt: skip
            torch_text = (f"{theirs:8.3f} {ours / theirs:10.2f}" if theirs
                          else f"{'-':>8} {'-':>10}")  # fmt: skip
            before_text = f" {before:8.3f} {limit / before:8.1%}" if before else ""
            print(
                f"  {optimizer:<10} {ours:8.3f} {len(x) / ours:10.0f} "
                f"{limit / ours:10.1%} {alone / ours:8.1%} {torch_text}{before_text}"
            )
    return rows


# -- the GPU (issue 14, P2): CUDA graph replay vs plain launches vs PyTorch CUDA eager ---------
#: targets of issue 14 on the GPU, by network: (least share of the exact-GEMM limit, least
#: PyTorch-eager / ours ratio) or the most seconds per epoch
GPU_TARGETS = {"3072-1024-1024-100": {"share": 0.25, "torch_ratio": 4.0},
               "784-256-128-10": {"seconds": 0.1}}  # fmt: skip


def gpu_epoch(backend, dataset, optimizer, repeats, sizes, graph: bool):
    """Best epoch time of MLP Studio on the GPU with CUDA graph replay on or switched off
    (the real switch, read when the trainer is built), and the trainer's graph status."""
    from mlpstudio.core.cuda_graph import ENV_SWITCH

    saved = os.environ.pop(ENV_SWITCH, None)
    if not graph:
        os.environ[ENV_SWITCH] = "0"
    try:
        net = Network(sizes, ["relu"] * (len(sizes) - 2), head="softmax", seed=0,
                      backend=backend)  # fmt: skip
        options = TrainingOptions(optimizer=optimizer, learning_rate=LEARNING_RATES[optimizer],
                                  momentum=0.9, batch_size=BATCH, epochs=repeats)  # fmt: skip
        trainer = Trainer(net, dataset, options)
    finally:
        os.environ.pop(ENV_SWITCH, None)
        if saved is not None:
            os.environ[ENV_SWITCH] = saved
    best = float("inf")
    for _ in range(repeats):
        order = trainer.epoch_order()
        _sync(backend, order)
        started = time.perf_counter()
        for b in range(trainer.batches_per_epoch):
            trainer.train_step(order[b * BATCH : (b + 1) * BATCH], LEARNING_RATES[optimizer])
        _sync(backend, net.params)
        best = min(best, time.perf_counter() - started)
    return best, trainer.step_graph.status_line(), trainer.step_graph.replays


def torch_cuda_epoch(x_uint8, labels, optimizer, repeats, sizes) -> float | None:
    """PyTorch's eager epoch on the GPU (data on the device, as ours): None without a CUDA
    PyTorch."""
    try:
        import torch
    except ImportError:
        return None
    if not torch.cuda.is_available():
        return None
    device = torch.device("cuda")
    x, y, model, opt, loss_fn = _torch_setup(torch, x_uint8, labels, optimizer, sizes, device)
    n = len(x)
    best = float("inf")
    for _ in range(repeats):
        order = torch.randperm(n, device=device)
        torch.cuda.synchronize()
        started = time.perf_counter()
        for start in range(0, n, BATCH):
            idx = order[start : start + BATCH]
            xb = x[idx].float().mul_(1 / 255)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), y[idx])
            loss.backward()
            opt.step()
        torch.cuda.synchronize()
        best = min(best, time.perf_counter() - started)
    return best


def gpu_rows(backend, dataset, sizes, flops, repeats, torch_too=True) -> list[dict]:
    """Per optimiser: MLP Studio on the GPU with graph replay and with plain launches, PyTorch
    CUDA eager and numpy on every CPU core, all in this run; the share of the exact-GEMM
    limit; and the issue-14 targets for this network."""
    cpu = get_backend("numpy", "float32")
    peak = matmul_peak(backend, size=8192)
    limit = flops / peak
    name = "-".join(map(str, sizes))
    target = GPU_TARGETS.get(name, {})
    print(f"GPU float32 matmul peak {peak / 1e12:.1f} TFLOP/s "
          f"-> exact GEMM limit {limit * 1000:.1f} ms/epoch")  # fmt: skip
    print(f"  {'optimiser':<10} {'graph s':>8} {'plain s':>8} {'torch s':>8} {'torch/ours':>10} "
          f"{'GEMM share':>10} {'numpy s':>8}  target")  # fmt: skip
    rows = []
    x, labels = dataset.x_train, dataset.y_train
    for optimizer in ("momentum", "adam"):
        ours, status, replays = gpu_epoch(backend, dataset, optimizer, repeats, sizes, True)
        plain, _, _ = gpu_epoch(backend, dataset, optimizer, repeats, sizes, False)
        theirs = torch_cuda_epoch(x, labels, optimizer, repeats, sizes) if torch_too else None
        numpy_time = mlpstudio_epoch(cpu, dataset, optimizer, max(1, repeats - 1), sizes)
        share, ratio = limit / ours, (theirs / ours if theirs else None)
        verdict = []
        if "share" in target:
            verdict.append(
                f"share>={target['share']:.0%} {'met' if share >= target['share'] else 'MISSED'}"
            )
        if "torch_ratio" in target:
            met = ratio is not None and ratio >= target["torch_ratio"]
            verdict.append(f"torch/ours>={target['torch_ratio']:g} {'met' if met else 'MISSED'}")
        if "seconds" in target:
            verdict.append(
                f"<={target['seconds']:g} s {'met' if ours <= target['seconds'] else 'MISSED'}"
            )
        rows.append({
            "optimizer": optimizer, "gpu_seconds": ours, "gpu_plain_seconds": plain,
            "torch_cuda_seconds": theirs, "torch_over_ours": ratio, "numpy_seconds": numpy_time,
            "speedup": numpy_time / ours, "gpu_samples_per_second": len(x) / ours,
            "gpu_gemm_share": share, "gemm_limit_seconds": limit, "graph": status,
            "graph_replays": replays, "targets": verdict,
        })  # fmt: skip
        torch_text = f"{theirs:8.3f} {ratio:10.2f}" if theirs else f"{'-':>8} {'-':>10}"
        print(f"  {optimizer:<10} {ours:8.3f} {plain:8.3f} {torch_text} {share:10.1%} "
              f"{numpy_time:8.3f}  {'; '.join(verdict) or '-'}")  # fmt: skip
        print(f"  {'':<10} {status} ({replays} replays)")
    return rows


if __name__ == "__main__":
    sys.exit(main())
