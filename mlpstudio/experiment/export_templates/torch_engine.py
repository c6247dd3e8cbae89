"""Template: the experiment written the PyTorch way (``nn.Sequential``, ``torch.optim``, a
``DataLoader``), on the same data, validation rows, batches and (with SAME_START) the same
first weights as MLP Studio, so that the numbers can be compared with the app's."""

import json
import math
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Sampler, TensorDataset

from .run_common import (
    EVAL_CHUNK,
    Run,
    diverged_message,
    early_stop_message,
    inputs,
    restored_message,
    summary_of,
)
from .stand_ins import (
    ACTIVATIONS,
    DTYPE,
    EPOCHS,
    HEAD_TARGETS,
    HIDDEN,
    INIT_DRAWS,
    IS_CLASSIFICATION,
    LAYER_INITS,
    OUTPUTS,
    RESTORE_BEST,
    SAME_START,
    SEED,
    WEIGHT_DECAY,
    accuracy,
    init_weight,
    make_activation,
    make_data,
    make_loss,
    make_optimizer,
    make_scheduler,
    r2_score,
    torch_output,
)

# -- end of the generated part --

TORCH_DTYPE = getattr(torch, np.dtype(DTYPE).name)


def build_model(sizes):
    """Linear layers and activations. SAME_START: MLP Studio's first weights (its
    initialisation drawn with numpy); otherwise PyTorch's own drawing of the same scheme."""
    rng = np.random.default_rng(SEED)
    modules = []
    for layer in range(1, len(sizes)):
        linear = nn.Linear(sizes[layer - 1], sizes[layer])
        scheme = LAYER_INITS[layer - 1]
        with torch.no_grad():
            if SAME_START:
                w = INIT_DRAWS[scheme](rng, sizes[layer - 1], sizes[layer])
                linear.weight.copy_(torch.from_numpy(w))
            else:
                init_weight(scheme, linear.weight, sizes[layer - 1])
            linear.bias.zero_()
        modules.append(linear)
        if layer < len(sizes) - 1:
            modules.append(make_activation(ACTIVATIONS[layer - 1]))
    return nn.Sequential(*modules).to(TORCH_DTYPE)


class EpochBatches(Sampler):
    """Every epoch's mini-batches in MLP Studio's order (drawn from the run's generator)."""

    def __init__(self, run):
        self.run = run

    def __iter__(self):
        for idx in self.run.epoch_batches():
            yield idx.tolist()

    def __len__(self):
        return self.run.batches


def tensor(x):
    return torch.from_numpy(np.ascontiguousarray(x))


def target_tensor(y):
    return tensor(y).long() if HEAD_TARGETS == "index" else tensor(y)


def evaluate(model, loss_fn, x_rows, y):
    """(mean loss, R^2 or accuracy, head output as numpy) on a whole set."""
    model.eval()
    with torch.no_grad():
        starts = range(0, len(x_rows), EVAL_CHUNK)
        z = torch.cat([model(tensor(inputs(x_rows[i : i + EVAL_CHUNK]))) for i in starts])
        loss = float(loss_fn(z, target_tensor(y)))
        output = torch_output(z).numpy()
    metric = accuracy(np, output, y) if IS_CLASSIFICATION else r2_score(np, output, y)
    return loss, metric, output


def main():
    torch.manual_seed(SEED)
    data = Run(*make_data())
    x_val = data.x_val
    model = build_model([data.x.shape[1], *HIDDEN, OUTPUTS])
    print(model)
    print(f"{sum(p.numel() for p in model.parameters())} parameters")
    loss_fn = make_loss()
    # Weight decay on the weights only, as in MLP Studio (PyTorch would also decay biases).
    groups = [
        {
            "params": [p for n, p in model.named_parameters() if n.endswith("weight")],
            "weight_decay": WEIGHT_DECAY,
        },
        {
            "params": [p for n, p in model.named_parameters() if n.endswith("bias")],
            "weight_decay": 0.0,
        },
    ]
    optimizer = make_optimizer(groups)
    scheduler = make_scheduler(optimizer)
    train_set = TensorDataset(tensor(inputs(data.x)), target_tensor(data.y))
    loader = DataLoader(train_set, batch_sampler=EpochBatches(data))

    report_every = max(1, EPOCHS // 10)
    status, message, epoch, samples = "finished", "", 0, 0
    good, good_epoch = model.state_dict(), 0
    good = {k: v.clone() for k, v in good.items()}
    last = None  # (train loss, test loss, train metric) of the last epoch recorded
    started = time.perf_counter()
    while epoch < EPOCHS and status == "finished":
        model.train()
        running = 0.0
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            running += loss.item()
            samples += len(xb)
        scheduler.step()
        epoch += 1
        train_loss, train_metric, _ = evaluate(model, loss_fn, data.x_eval, data.y_eval)
        val_loss = evaluate(model, loss_fn, x_val, data.y_val)[0] if x_val is not None else 0.0
        if not (math.isfinite(train_loss) and math.isfinite(running)):
            status = "diverged"
        else:
            good = {k: v.clone() for k, v in model.state_dict().items()}
            good_epoch = epoch
            if x_val is not None and data.check_validation(epoch, val_loss, good):
                status, message = "early_stopped", early_stop_message(epoch)
        if epoch % report_every == 0 or epoch == EPOCHS or status != "finished":
            test_loss = evaluate(model, loss_fn, data.x_test, data.y_test)[0]
            last = (train_loss, test_loss, train_metric)
            print(f"epoch {epoch}: train loss {train_loss:.6g}, test loss {test_loss:.6g}")
    seconds = time.perf_counter() - started

    if status == "diverged":
        model.load_state_dict(good)
        message = diverged_message(epoch, good_epoch)
        epoch = good_epoch
    elif data.best is not None and RESTORE_BEST:
        model.load_state_dict(data.best[2])
        message = restored_message(message, data.best[1])
    _, _, output = evaluate(model, loss_fn, data.x_test, data.y_test)
    summary = summary_of(
        status, message, [data.x.shape[1], *HIDDEN, OUTPUTS], epoch, seconds, samples,
        "torch", last, output, data.y_test_given,
    )  # fmt: skip
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
