"""Training-engine speed: one epoch of 784-256-128-10 (ReLU, softmax cross-entropy, batch 128,
float32) on MNIST, with SGD + momentum and Adam, at fixed BLAS thread counts.

Prints, per optimiser and thread count: seconds per epoch, samples/s, the share of the exact
GEMM limit (GEMM flops per epoch / measured float32 matmul peak, divided by the epoch time),
and, when PyTorch is installed, the same network trained by PyTorch in the same run with the
ratio MLP Studio time / PyTorch time (below 1 means MLP Studio is faster).

    python benchmarks/engine.py [--threads 1 2] [--repeats 3] [--backend numpy|cupy] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlpstudio.core.backend import get_backend  # noqa: E402
from mlpstudio.core.network import Network  # noqa: E402
from mlpstudio.core.training import Trainer, TrainingOptions  # noqa: E402
from mlpstudio.data.dataset import Dataset  # noqa: E402

SIZES = [784, 256, 128, 10]
BATCH = 128
MNIST = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "mnist"
LEARNING_RATES = {"momentum": 0.01, "adam": 0.001}


def load_mnist_train() -> tuple[np.ndarray, np.ndarray, str]:
    """The 60,000 MNIST training images (uint8) and labels, or random data of that shape."""
    from mlpstudio.data.idx import read_idx

    images = MNIST / "train-images-idx3-ubyte"
    labels = MNIST / "train-labels-idx1-ubyte.gz"
    if images.exists() and labels.exists():
        return read_idx(images, 3), read_idx(labels, 1).astype(np.int64), "MNIST"
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, size=(60_000, 28, 28), dtype=np.uint8)
    return x, rng.integers(0, 10, 60_000), "random data (MNIST not found)"


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
        started = time.perf_counter()
        _sync(backend, a @ b)
        best = min(best, time.perf_counter() - started)
    return 2 * size**3 / best


def _sync(backend, value) -> None:
    if backend.is_gpu:
        backend.xp.cuda.Stream.null.synchronize()


def mlpstudio_epoch(backend, dataset, optimizer: str, repeats: int) -> float:
    """Best time of one training epoch (mini-batch steps only, as PyTorch's loop below)."""
    net = Network(SIZES, ["relu", "relu"], head="softmax", seed=0, backend=backend)
    options = TrainingOptions(
        optimizer=optimizer,
        learning_rate=LEARNING_RATES[optimizer],
        momentum=0.9,
        batch_size=BATCH,
        epochs=repeats,
    )
    trainer = Trainer(net, dataset, options)
    best = float("inf")
    for _ in range(repeats):
        order = trainer.epoch_order()
        _sync(backend, order)
        started = time.perf_counter()
        for b in range(trainer.batches_per_epoch):
            trainer.train_step(order[b * BATCH : (b + 1) * BATCH], LEARNING_RATES[optimizer])
        _sync(backend, net.params)
        best = min(best, time.perf_counter() - started)
    return best


def torch_epoch(x_uint8, labels, optimizer: str, threads: int, repeats: int) -> float | None:
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    x = torch.from_numpy(x_uint8.reshape(len(x_uint8), -1))
    y = torch.from_numpy(labels)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 256),
        torch.nn.ReLU(),
        torch.nn.Linear(256, 128),
        torch.nn.ReLU(),
        torch.nn.Linear(128, 10),
    )
    if optimizer == "adam":
        opt = torch.optim.Adam(model.parameters(), lr=LEARNING_RATES["adam"])
    else:
        opt = torch.optim.SGD(model.parameters(), lr=LEARNING_RATES["momentum"], momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = len(x)
    best = float("inf")
    for _ in range(repeats):
        order = torch.randperm(n)
        started = time.perf_counter()
        for start in range(0, n, BATCH):
            idx = order[start : start + BATCH]
            xb = x[idx].float().mul_(1 / 255)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), y[idx])
            loss.backward()
            opt.step()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=3, help="epochs timed; the best is kept")
    parser.add_argument("--backend", choices=("numpy", "cupy"), default="numpy")
    parser.add_argument("--no-torch", action="store_true", help="skip the PyTorch comparison")
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    args = parser.parse_args(argv)

    x, labels, source = load_mnist_train()
    dataset = Dataset(
        "MNIST train",
        "classification",
        x,
        labels,
        x[:1000],
        labels[:1000],
        input_shape=(28, 28),
        class_names=tuple("0123456789"),
        input_scale=1 / 255,
    )
    backend = get_backend(args.backend, "float32")
    flops = gemm_flops_per_epoch(len(x), SIZES)
    print(
        f"data: {source}, {len(x)} samples; network {'-'.join(map(str, SIZES))}, "
        f"batch {BATCH}, float32, backend {backend.name} ({backend.description})"
    )
    print(f"GEMM work per epoch: {flops / 1e9:.2f} GFLOP")
    results = []
    for threads in args.threads:
        with threadpool_limits(threads):
            peak = matmul_peak(backend)
            limit = flops / peak
            print(
                f"\n[{threads} BLAS thread{'s' if threads > 1 else ''}] float32 matmul peak "
                f"{peak / 1e9:.1f} GFLOP/s -> exact GEMM limit {limit:.3f} s/epoch"
            )
            print(
                f"  {'optimiser':<10} {'s/epoch':>8} {'samples/s':>10} {'GEMM share':>10} "
                f"{'torch s':>8} {'ours/torch':>10}"
            )
            for optimizer in ("momentum", "adam"):
                ours = mlpstudio_epoch(backend, dataset, optimizer, args.repeats)
                theirs = None
                if not args.no_torch and not backend.is_gpu:
                    theirs = torch_epoch(x, labels, optimizer, threads, args.repeats)
                row = {
                    "threads": threads,
                    "optimizer": optimizer,
                    "seconds": ours,
                    "samples_per_second": len(x) / ours,
                    "gemm_share": limit / ours,
                    "peak_gflops": peak / 1e9,
                    "torch_seconds": theirs,
                    "ratio_to_torch": None if theirs is None else ours / theirs,
                }
                results.append(row)
                torch_text = (
                    f"{theirs:8.3f} {ours / theirs:10.2f}" if theirs else f"{'-':>8} {'-':>10}"
                )
                print(
                    f"  {optimizer:<10} {ours:8.3f} {len(x) / ours:10.0f} "
                    f"{limit / ours:10.1%} {torch_text}"
                )
    if args.json:
        print(json.dumps({"data": source, "backend": backend.name, "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
