"""Template: MLP Studio's network and training loop, written out for the numpy script.

It follows the app's engine call for call (the flat parameter layout, the same random draws in
the same order, the same batches, the registry entries' own functions), so the script prints
the very numbers ``mlpstudio train --json`` prints, as its last line.
"""

import json
import math
import time

import numpy as np

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
    ACTIVATION_FUNCTIONS,
    ACTIVATIONS,
    DTYPE,
    EPOCHS,
    HIDDEN,
    INIT_DRAWS,
    IS_CLASSIFICATION,
    LAYER_INITS,
    LEARNING_RATE,
    OPTIMIZER_BUFFERS,
    OPTIMIZER_OPTIONS,
    OUTPUTS,
    RESTORE_BEST,
    SCHEDULE_OPTIONS,
    SEED,
    WEIGHT_DECAY,
    accuracy,
    head_delta,
    head_loss,
    head_output,
    make_data,
    optimizer_update,
    r2_score,
    schedule_factor,
)

# -- end of the generated part --

# -- The network: z[l] = W[l] a[l-1] + b[l], a[l] = S[l](z[l]) ---------------------------------
# Samples are rows, so a layer computes Z = A @ W.T + b. All parameters live in one flat array
# (every W first, stored column-major, then every b) and W[l], b[l] are views into it, so an
# optimiser step is a few whole-array operations; the gradients have the same layout.


def layer_views(flat, sizes):
    """W[l] (N_l x N_{l-1}) and b[l] as views of a flat array."""
    weights, biases = [], []
    w_at = 0
    b_at = sum(n_in * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        weights.append(flat[w_at : w_at + n_in * n_out].reshape(n_in, n_out).T)
        biases.append(flat[b_at : b_at + n_out])
        w_at += n_in * n_out
        b_at += n_out
    return weights, biases


class Network:
    def __init__(self, sizes):
        self.sizes = sizes
        self.n_weights = sum(n_in * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
        self.n_params = self.n_weights + sum(sizes[1:])
        self.params = np.zeros(self.n_params, dtype=DTYPE)
        self.grads = np.zeros(self.n_params, dtype=DTYPE)
        self.W, self.b = layer_views(self.params, sizes)
        self.dW, self.db = layer_views(self.grads, sizes)
        # The first weights: drawn in float64 with one generator for all layers; biases 0.
        rng = np.random.default_rng(SEED)
        host = np.zeros(self.n_params)
        host_weights, _ = layer_views(host, sizes)
        for layer, scheme in enumerate(LAYER_INITS):
            host_weights[layer][...] = INIT_DRAWS[scheme](rng, sizes[layer], sizes[layer + 1])
        self.params[...] = host.astype(DTYPE)

    def logits(self, x):
        """z[L] for a batch of rows x."""
        a = x
        for layer in range(len(self.W)):
            z = a @ self.W[layer].T
            z += self.b[layer]
            if layer < len(self.W) - 1:
                forward, _, _ = ACTIVATION_FUNCTIONS[ACTIVATIONS[layer]]
                a = forward(np, z)
            else:
                a = z
        return a

    def loss_and_grad(self, x, y):
        """The batch's mean loss; its gradient is written into self.grads (backpropagation:
        dW[l] = delta[l].T a[l-1], db[l] = sum of delta[l], and
        delta[l-1] = (delta[l] W[l]) * S'[l-1](z[l-1]))."""
        inputs = [x]  # inputs[l] = a[l], the input of layer l + 1
        kept = [None]  # kept[l] = z[l] when the derivative of S[l] needs it
        a = x
        for layer in range(len(self.W) - 1):
            z = a @ self.W[layer].T
            z += self.b[layer]
            forward, _, needs_z = ACTIVATION_FUNCTIONS[ACTIVATIONS[layer]]
            kept.append(z if needs_z else None)
            a = forward(np, z)
            inputs.append(a)
        z = a @ self.W[-1].T
        z += self.b[-1]
        loss, delta = head_loss(np, z, y), head_delta(np, z, y)
        for layer in range(len(self.W) - 1, -1, -1):
            np.matmul(inputs[layer].T, delta, out=self.dW[layer].T)
            delta.sum(axis=0, out=self.db[layer])
            if layer > 0:
                delta = delta @ self.W[layer]
                _, derivative, _ = ACTIVATION_FUNCTIONS[ACTIVATIONS[layer - 1]]
                delta *= derivative(np, kept[layer], inputs[layer])
        return loss


class Optimizer:
    """The optimiser's state buffers and step count; weight decay on the weights only."""

    def __init__(self, network):
        self.network = network
        self.t = 0
        self.buffers = {name: np.zeros(network.n_params, dtype=DTYPE) for name in OPTIMIZER_BUFFERS}

    def step(self, lr):
        net = self.network
        self.t += 1
        if WEIGHT_DECAY:  # adds WEIGHT_DECAY * W to the gradient of every W
            w = slice(0, net.n_weights)
            net.grads[w] += WEIGHT_DECAY * net.params[w]
        optimizer_update(np, net.params, net.grads, self.buffers, lr, self.t, **OPTIMIZER_OPTIONS)


def learning_rate(epoch):
    """The schedule: the base learning rate times the schedule's factor for this epoch."""
    return LEARNING_RATE * schedule_factor(epoch, EPOCHS, **SCHEDULE_OPTIONS)


def evaluate(network, x_rows, y):
    """(mean loss, R^2 or accuracy, head output) on a whole set."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        starts = range(0, len(x_rows), EVAL_CHUNK)
        parts = [network.logits(inputs(x_rows[i : i + EVAL_CHUNK])) for i in starts]
        z = parts[0] if len(parts) == 1 else np.concatenate(parts)
        loss = float(head_loss(np, z, y))
        output = head_output(np, z)
        metric = accuracy(np, output, y) if IS_CLASSIFICATION else r2_score(np, output, y)
    return loss, metric, output


# -- Training --------------------------------------------------------------------------------
def train():
    data = Run(*make_data())
    x_val = data.x_val
    network = Network([data.x.shape[1], *HIDDEN, OUTPUTS])
    print(
        f"layers {network.sizes}: {network.n_params} parameters; "
        f"{data.n + (0 if x_val is None else len(x_val))} train / {len(data.x_test)} test"
    )
    optimizer = Optimizer(network)
    report_every = max(1, EPOCHS // 10)
    status, message, epoch, samples = "finished", "", 0, 0
    good, good_epoch = network.params.copy(), 0
    last = None  # (train loss, test loss, train metric) of the last epoch recorded
    started = time.perf_counter()
    while epoch < EPOCHS and status == "finished":
        lr = learning_rate(epoch)
        running = np.zeros((), dtype=np.float64)
        with np.errstate(over="ignore", invalid="ignore"):
            for idx in data.epoch_batches():
                running += network.loss_and_grad(inputs(data.x[idx]), data.y[idx])
                optimizer.step(lr)
                samples += len(idx)
        epoch += 1
        train_loss, train_metric, _ = evaluate(network, data.x_eval, data.y_eval)
        val_loss = evaluate(network, x_val, data.y_val)[0] if x_val is not None else math.nan
        if not (math.isfinite(train_loss) and math.isfinite(float(running))):
            status = "diverged"
        else:
            good[...] = network.params
            good_epoch = epoch
            if x_val is not None and data.check_validation(epoch, val_loss, network.params.copy()):
                status, message = "early_stopped", early_stop_message(epoch)
        if epoch % report_every == 0 or epoch == EPOCHS or status != "finished":
            test_loss = evaluate(network, data.x_test, data.y_test)[0]
            last = (train_loss, test_loss, train_metric)
            print(f"epoch {epoch}: train loss {train_loss:.6g}, test loss {test_loss:.6g}")
    seconds = time.perf_counter() - started

    if status == "diverged":
        network.params[...] = good
        message = diverged_message(epoch, good_epoch)
        epoch = good_epoch
    elif data.best is not None and RESTORE_BEST:
        network.params[...] = data.best[2]
        message = restored_message(message, data.best[1])
    _, _, output = evaluate(network, data.x_test, data.y_test)
    summary = summary_of(
        status, message, network.sizes, epoch, seconds, samples, "numpy", last, output,
        data.y_test_given,
    )  # fmt: skip
    print(json.dumps(summary))


if __name__ == "__main__":
    train()
