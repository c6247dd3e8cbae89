"""Epoch after epoch: does training slow down as the optimiser state decays into subnormals?

784-256-128-10 (ReLU, softmax cross-entropy, batch 128, float32) on MNIST at one BLAS thread,
SGD + momentum and Adam at engine.py's learning rates times ``--lr-factor``: the seconds of
epochs 1..N of one run each of MLP Studio and PyTorch CPU (same run, alternating epoch by
epoch so both see the same machine load), with the subnormal entries of the state after each
epoch. MLP Studio flushes them (:func:`mlpstudio.core.optimizers.flush_threshold`); this
script shows what that buys. Copy it beside an older checkout to time that checkout.

    python benchmarks/denormals.py [--epochs 5] [--lr-factor 1] [--wall-clock] [--no-torch]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import engine  # noqa: E402
from engine import BATCH, LEARNING_RATES, SIZES  # noqa: E402

from mlpstudio.core.backend import get_backend  # noqa: E402
from mlpstudio.core.network import Network  # noqa: E402
from mlpstudio.core.training import Trainer, TrainingOptions  # noqa: E402
from mlpstudio.data.dataset import Dataset  # noqa: E402


def subnormals(array: np.ndarray) -> int:
    return int(np.count_nonzero((array != 0) & (np.abs(array) < np.finfo(array.dtype).tiny)))


def ours(dataset, optimizer: str, lr: float):
    """A generator: each next() trains one epoch; yields (seconds, subnormal state entries)."""
    backend = get_backend("numpy", "float32")
    net = Network(SIZES, ["relu"] * 2, head="softmax", seed=0, backend=backend)
    options = TrainingOptions(optimizer=optimizer, learning_rate=lr, momentum=0.9,
                              batch_size=BATCH, epochs=1)  # fmt: skip
    trainer = Trainer(net, dataset, options)
    while True:
        order = trainer.epoch_order()
        started = engine.clock()
        for b in range(trainer.batches_per_epoch):
            trainer.train_step(order[b * BATCH : (b + 1) * BATCH], lr)
        seconds = engine.clock() - started
        yield seconds, sum(subnormals(v) for v in trainer.optimizer.buffers.values())


def theirs(x_uint8, labels, optimizer: str, lr: float):
    """The same for PyTorch CPU (one thread); None without PyTorch."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    x, y, model, opt, loss_fn = engine._torch_setup(torch, x_uint8, labels, optimizer, SIZES,
                                                    "cpu")  # fmt: skip
    for group in opt.param_groups:
        group["lr"] = lr

    def epochs():
        n = len(x)
        while True:
            order = torch.randperm(n)
            started = engine.clock()
            for start in range(0, n, BATCH):
                idx = order[start : start + BATCH]
                xb = x[idx].float().mul_(1 / 255)
                opt.zero_grad(set_to_none=True)
                loss_fn(model(xb), y[idx]).backward()
                opt.step()
            seconds = engine.clock() - started
            state = [t for s in opt.state.values() for t in s.values() if t.dim() > 0]
            yield seconds, sum(subnormals(t.numpy()) for t in state)

    return epochs()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument(
        "--lr-factor",
        type=float,
        default=1.0,
        help="multiply engine.py's learning rates (larger: more dead units)",
    )
    parser.add_argument("--wall-clock", action="store_true",
                        help="time wall-clock seconds (default: this process's CPU seconds, "
                        "robust on a busy machine at one thread)")  # fmt: skip
    parser.add_argument("--no-torch", action="store_true")
    args = parser.parse_args(argv)
    engine.clock = time.perf_counter if args.wall_clock else time.process_time
    x, labels, source = engine.load_train_data(SIZES)
    dataset = Dataset("train", "classification", x, labels, x[:1000], labels[:1000],
                      input_shape=x.shape[1:], class_names=tuple(map(str, range(10))),
                      input_scale=1 / 255)  # fmt: skip
    clock = "wall-clock" if args.wall_clock else "CPU"
    print(f"data: {source}; network {'-'.join(map(str, SIZES))}, batch {BATCH}, float32, "
          f"1 thread, {clock} seconds per epoch (subnormal state entries after it)")  # fmt: skip
    with threadpool_limits(1):
        for optimizer in ("momentum", "adam"):
            lr = LEARNING_RATES[optimizer] * args.lr_factor
            runs = {"MLP Studio": ours(dataset, optimizer, lr)}
            if not args.no_torch:
                torch_run = theirs(x, labels, optimizer, lr)
                if torch_run is not None:
                    runs["PyTorch"] = torch_run
            rows = {name: [] for name in runs}
            for _ in range(args.epochs):
                for name, run in runs.items():
                    rows[name].append(next(run))
            print(f"\n{optimizer}, lr {lr:g}")
            for name, row in rows.items():
                cells = "  ".join(f"{s:6.3f} ({n:>5})" for s, n in row)
                growth = row[-1][0] / row[0][0] - 1
                print(f"  {name:<11} {cells}   last/first {growth:+.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
