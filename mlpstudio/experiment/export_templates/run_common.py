"""Template: what both scripts share with MLP Studio's trainer: how the rows are kept, the
held-out validation rows, the evaluation subset and the batch order drawn from one generator,
the messages, and the JSON summary ``mlpstudio train --json`` prints."""

import math

import numpy as np

from .stand_ins import (
    BATCH_SIZE,
    DTYPE,
    EARLY_STOPPING,
    HEAD_TARGETS,
    INPUT_SCALE,
    INPUT_SHIFT,
    IS_CLASSIFICATION,
    LEARNING_RATE,
    PATIENCE,
    SEED,
    STATUS_TEXT,
    VALIDATION_FRACTION,
    accuracy,
    mse,
    r2_score,
)

# -- end of the generated part --

EVAL_SUBSET = 10_000  # the app measures the train loss on at most this many rows
EVAL_CHUNK = 8192  # rows per forward pass when evaluating


def rows_of(x):
    """Rows as the trainer keeps them: image pixels stay uint8, other inputs in DTYPE."""
    x = np.asarray(x).reshape(len(x), -1)
    return x if x.dtype == np.uint8 else x.astype(DTYPE)


def targets(y):
    """Targets as the loss needs them: class indices, or float rows."""
    if HEAD_TARGETS == "index":
        return np.asarray(y, dtype=np.int64).reshape(-1)
    y = np.asarray(y, dtype=DTYPE)
    return y.reshape(len(y), -1)


def inputs(rows):
    """A float batch from stored rows (image pixels: (pixel - shift) * scale)."""
    if rows.dtype == DTYPE:
        return rows
    x = rows.astype(DTYPE)
    if INPUT_SHIFT:
        x -= INPUT_SHIFT
    if INPUT_SCALE != 1.0:
        x *= INPUT_SCALE
    return x


class Run:
    """The rows of one run. One generator draws, in this order, the validation rows (early
    stopping), the evaluation subset and then every epoch's batch order: the same calls as
    MLP Studio's trainer, so the same batches."""

    def __init__(self, x_train, y_train, x_test, y_test):
        self.rng = np.random.default_rng(SEED)
        x, y = rows_of(x_train), targets(y_train)
        self.x_val = self.y_val = None
        if EARLY_STOPPING:
            n_val = max(1, int(round(VALIDATION_FRACTION * len(x))))
            order = self.rng.permutation(len(x))
            self.x_val, self.y_val = x[order[:n_val]], y[order[:n_val]]
            x, y = x[order[n_val:]], y[order[n_val:]]
        self.x, self.y = x, y
        self.x_test, self.y_test = rows_of(x_test), targets(y_test)
        self.y_test_given = np.asarray(y_test)
        self.x_eval, self.y_eval = x, y
        if len(x) > EVAL_SUBSET:
            pick = np.sort(self.rng.choice(len(x), EVAL_SUBSET, replace=False))
            self.x_eval, self.y_eval = x[pick], y[pick]
        self.n = len(x)
        self.batch = max(1, min(BATCH_SIZE, self.n))
        self.batches = math.ceil(self.n / self.batch)
        self.waited, self.best = 0, None

    def epoch_batches(self):
        """This epoch's mini-batches: row indices in a fresh random order."""
        order = self.rng.permutation(self.n)
        return [order[b * self.batch : (b + 1) * self.batch] for b in range(self.batches)]

    def check_validation(self, epoch, val_loss, params):
        """Keep the best validation weights; True when PATIENCE epochs brought no progress."""
        if self.best is None or val_loss < self.best[0]:
            self.best, self.waited = (val_loss, epoch, params), 0
            return False
        self.waited += 1
        return self.waited >= PATIENCE


def early_stop_message(epoch):
    return (
        f"Stopped early at epoch {epoch}: the validation loss has not improved for "
        f"{PATIENCE} epochs."
    )


def diverged_message(epoch, good_epoch):
    """``epoch``: the epoch that just ended with a loss that is not finite (the loop checks
    at the end of each epoch); ``good_epoch``: the last finite one, whose weights are kept.
    The words of mlpstudio's own trainer."""
    kept = f"{good_epoch} (untrained)" if good_epoch == 0 else f"{good_epoch}"
    return (
        f"The loss became NaN or infinite during epoch {epoch}: the learning rate "
        f"({LEARNING_RATE:g}) is probably too high. Training stopped and the weights of epoch "
        f"{kept} were kept; lower the learning rate and reset."
    )


def restored_message(message, best_epoch):
    return (message or "Training finished.") + (
        f" The weights of the best validation epoch ({best_epoch}) were restored."
    )


def finite(value):
    return value if math.isfinite(value) else None


def summary_of(status, message, sizes, epoch, seconds, samples, backend, last, output, y_test):
    """The summary ``mlpstudio train --json`` prints, with the same keys and values. ``last``
    is (train loss, test loss, train metric) of the last epoch; ``output`` the head's output
    on the test rows with the weights kept."""
    summary = {
        "status": status,
        "message": message or STATUS_TEXT[status],
        "params": sum(n_out * (n_in + 1) for n_in, n_out in zip(sizes[:-1], sizes[1:])),
        "layers": list(sizes),
        "epochs": epoch,
        "seconds": round(seconds, 4),
        "samples_per_second": round(samples / seconds, 1) if seconds > 0 else 0.0,
        "backend": backend,
        "train_loss": finite(last[0]),
        "test_loss": finite(last[1]),
    }
    if IS_CLASSIFICATION:
        summary["train_accuracy"] = finite(last[2])
        summary["test_accuracy"] = accuracy(np, output, y_test)
    else:
        y = np.asarray(y_test, dtype=np.float64)
        summary["test_mse"] = mse(np, output.astype(np.float64), y)
        summary["test_r2"] = r2_score(np, output.astype(np.float64), y)
        summary["train_r2"] = finite(last[2])
    return summary
