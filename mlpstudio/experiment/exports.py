"""Exports of an experiment for use outside MLP Studio: CSV, stand-alone scripts, an HTML report.

* :func:`export_history_csv`: the per-epoch history as CSV (the same text as ``--out``).
* :func:`numpy_script`: a Python script that needs only numpy and reruns the experiment. It
  mirrors the engine's algorithm call for call (the same random generator draws in the same
  order, the same split, initialisation, batch order and formulas, in the same precision), so
  a student can read every step and still get MLP Studio's result, up to rounding.
* :func:`pytorch_script`: the same experiment written the PyTorch way (``nn.Sequential``,
  ``torch.optim``), for students moving on to notebooks; the data and split are identical,
  the numbers are not meant to be.
* :func:`html_report`: one self-contained HTML page (figures embedded as data URIs) that can
  be mailed or handed in.

The formula of a function experiment is written into the scripts as numpy code generated from
the allow-list parse tree of :mod:`mlpstudio.data.expr`; nothing the user typed is evaluated or
pasted into code unchecked (user text only ever appears inside ``repr`` string literals).
"""

from __future__ import annotations

import ast
import base64
import html
import math
from pathlib import Path

import numpy as np

from .. import __version__, colours
from ..core.network import count_formula, layer_counts
from ..data.expr import CONSTANTS, FUNCTIONS, FormulaError
from ..data.functions import parse_target
from .config import Config, ConfigError
from .files import atomic_write_text, history_csv
from .shape import experiment_shape


# -- small helpers ----------------------------------------------------------------------------
def export_history_csv(path: str | Path, history: dict[str, np.ndarray]) -> Path:
    """The per-epoch history as CSV, one row per epoch (row 0 is the untrained network)."""
    return atomic_write_text(path, history_csv(history))


# -- the formula as numpy code ----------------------------------------------------------------
def formula_to_numpy(text: str) -> tuple[str, tuple[str, ...]]:
    """(numpy expression, variables) for a target formula, generated from its parse tree.

    The formula is first parsed and checked by the app's own allow-list parser; the tree is
    then rebuilt node by node (numbers, variables, ``np.pi``/``np.e``, the allowed operators
    and ``np.<function>`` calls) and printed with :func:`ast.unparse`. Any other node is
    refused, so the output can only be numpy arithmetic.
    """
    formula = parse_target(text)  # raises FormulaError with the app's messages
    tree = ast.parse(formula.text, mode="eval")
    body = _numpy_node(tree.body, formula.variables)
    return ast.unparse(ast.fix_missing_locations(ast.Expression(body))), formula.variables


_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)


def _numpy_node(node: ast.AST, variables: tuple[str, ...]) -> ast.expr:
    np_name = ast.Name(id="np", ctx=ast.Load())
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FormulaError("Only numbers are allowed in a formula.")
        return ast.Constant(float(node.value))
    if isinstance(node, ast.Name):
        if node.id in variables:
            return ast.Name(id=node.id, ctx=ast.Load())
        if node.id in CONSTANTS:
            return ast.Attribute(value=np_name, attr=node.id, ctx=ast.Load())
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return ast.UnaryOp(op=type(node.op)(), operand=_numpy_node(node.operand, variables))
    elif isinstance(node, ast.BinOp) and isinstance(node.op, _OPERATORS):
        left = _numpy_node(node.left, variables)
        right = _numpy_node(node.right, variables)
        if isinstance(node.op, ast.Div | ast.Pow) and _plain_float(left) and _plain_float(right):
            # Between two Python floats, 1/0 and (-8)**(1/3) would raise or turn complex;
            # numpy gives inf and nan, as the app does.
            attr = "true_divide" if isinstance(node.op, ast.Div) else "power"
            func = ast.Attribute(value=np_name, attr=attr, ctx=ast.Load())
            return ast.Call(func=func, args=[left, right], keywords=[])
        return ast.BinOp(left=left, op=type(node.op)(), right=right)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in FUNCTIONS
        and not node.keywords
        and len(node.args) == FUNCTIONS[node.func.id][1]
        and hasattr(np, node.func.id)
    ):
        func = ast.Attribute(value=np_name, attr=node.func.id, ctx=ast.Load())
        return ast.Call(func=func, args=[_numpy_node(a, variables) for a in node.args], keywords=[])
    raise FormulaError("The formula contains something that cannot be exported.")


def _plain_float(node: ast.expr) -> bool:
    """True when ``node`` evaluates to a Python float (no array or numpy scalar involved)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Attribute):  # np.pi, np.e
        return True
    if isinstance(node, ast.UnaryOp):
        return _plain_float(node.operand)
    if isinstance(node, ast.BinOp):
        return _plain_float(node.left) and _plain_float(node.right)
    return False


# -- the scripts ------------------------------------------------------------------------------
def _py(value) -> str:
    """A Python literal for a setting, in the double-quoted style of formatted code. Strings
    go through :func:`repr`, so any text the user typed stays inert inside the literal."""
    if isinstance(value, str):
        text = repr(value)
        if text.startswith("'") and '"' not in value:
            text = '"' + text[1:-1] + '"'
        return text
    if isinstance(value, list):
        return "[" + ", ".join(_py(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(_py(v) for v in value) + ")"
    return repr(value)


#: Scripts rebuild the data from the config alone; a CSV needs the app's reader (dialect and
#: encoding detection, text labels), so the script exports refuse it rather than guess.
_CSV_REFUSAL = (
    "data.kind: csv data cannot be exported as a stand-alone script yet (the script would "
    "need MLP Studio's CSV reader); export the HTML report, or train it with "
    "`mlpstudio train` and the same --set data.path=... keys."
)


def _settings(config: Config, data_root: str | None) -> str:
    """The experiment's values as Python constants (user text only through repr)."""
    d, m, t = config.data, config.model, config.training
    if d.kind == "csv":
        raise ConfigError([_CSV_REFUSAL])
    shape = experiment_shape(config)
    head = shape.head
    lines = ["# -- The experiment: change the values and run again " + "-" * 42]
    add = lines.append
    add(f"DATA_KIND = {_py(d.kind)}")
    if d.kind == "function":
        _, variables = formula_to_numpy(d.formula)
        axes = [float(v) for v in d.domain]
        if len(axes) == 2:
            axes = axes * len(variables)
        if len(axes) != 2 * len(variables):
            raise ConfigError(
                [
                    f"data.domain: a formula in {', '.join(variables)} needs "
                    f"{'2 numbers' if len(variables) == 1 else '2 or 4 numbers'}, "
                    f"got {len(d.domain)}"
                ]
            )
        domain = [(axes[2 * i], axes[2 * i + 1]) for i in range(len(variables))]
        add(f"FORMULA = {_py(parse_target(d.formula).text)}  # computed by target() below")
        add(f"DOMAIN = {_py(domain)}  # (lo, hi) per input")
        add(f"STEP = {_py(float(d.step))}  # 1-D: x = arange(lo, hi, STEP); 0: POINTS values")
        add(f"POINTS = {_py(int(d.points))}")
        add(f"NOISE = {_py(float(d.noise))}  # standard deviation of Gaussian noise on y")
        add(f"NORMALIZE = {_py(bool(d.normalize))}  # divide y by max |y|")
    elif d.kind == "toy":
        add(f"TOY = {_py(d.toy)}")
        add(f"POINTS = {_py(int(d.points))}")
        add(f"NOISE = {_py(float(d.noise))}")
    else:
        root = data_root if data_root is not None else (d.root or _store_folder())
        add(f"DATA_ROOT = {_py(str(root or '.'))}  # the folder holding the image files")
        add(f"LABELS = {_py(d.labels)}  # CIFAR-100: fine (100 classes) or coarse (20)")
        add(f"SUBSET = {_py(int(d.subset))}  # images used per split (0: all)")
        add(f"SCALING = {_py(d.scaling)}  # unit: x / 255; standardize: (x - mean) / std")
    if d.kind in ("function", "toy"):
        add(f"TEST_FRACTION = {_py(float(d.test_fraction))}")
    add(f"DATA_SEED = {_py(int(d.seed))}  # seed of the split and of the noise")
    add("")
    add(f"HIDDEN = {_py(list(m.hidden))}  # width of each hidden layer")
    add(f"ACTIVATIONS = {_py(m.activations())}  # one per hidden layer")
    add(f"HEAD = {_py(head)}  # output and loss: mse, softmax or sigmoid")
    add(f"INIT = {_py(m.init)}  # auto: He before ReLU-like units, Glorot otherwise")
    add("")
    add(f"OPTIMIZER = {_py(t.optimizer)}  # sgd, momentum, nesterov or adam")
    add(f"LEARNING_RATE = {_py(float(t.learning_rate))}")
    add(f"MOMENTUM = {_py(float(t.momentum))}")
    add("BETA1, BETA2, EPS = 0.9, 0.999, 1e-8  # Adam")
    add(f"BATCH_SIZE = {_py(int(t.batch_size))}")
    add(f"EPOCHS = {_py(int(t.epochs))}")
    add(f"WEIGHT_DECAY = {_py(float(t.weight_decay))}  # L2 penalty on the weights (not biases)")
    add(f"SCHEDULE = {_py(t.schedule)}  # constant, step or cosine")
    add(f"STEP_SIZE = {_py(int(t.step_size))}  # epochs between step decays")
    add(f"GAMMA = {_py(float(t.gamma))}  # step decay factor")
    add(f"EARLY_STOPPING = {_py(bool(t.early_stopping))}")
    add(f"VALIDATION_FRACTION = {_py(float(t.validation_fraction))}")
    add(f"PATIENCE = {_py(int(t.patience))}")
    add(f"RESTORE_BEST = {_py(bool(t.restore_best))}")
    add(f"SEED = {_py(int(t.seed))}  # seed of the initialisation and of the shuffling")
    add(f"DTYPE = np.{t.dtype}")
    return "\n".join(lines) + "\n"


def _store_folder() -> str:
    """The app's data store (its sets live in sub-folders named after them), or "." when it
    cannot be determined here."""
    try:
        from ..data.store import data_dir

        return str(data_dir())
    except Exception:  # the store needs platformdirs; a script can still be written without
        return "."


def _header(config: Config, kind: str) -> str:
    metric = "MSE" if experiment_shape(config).task == "regression" else "accuracy"
    if kind == "numpy":
        body = (
            "It needs only numpy. It rebuilds the data, the network and the training run and\n"
            f"prints the final test {metric} on its last line. It follows MLP Studio's\n"
            "algorithm step by step (the same random draws in the same order, the same split,\n"
            "initialisation, batch order and precision), so it gives the app's result up to\n"
            "rounding."
        )
    else:
        body = (
            "The same experiment written the PyTorch way (torch.nn.Sequential, torch.optim and\n"
            "a DataLoader), on exactly the same data and split. PyTorch draws its own random\n"
            "numbers, so the result is close to MLP Studio's but not identical. It prints the\n"
            f"final test {metric} on its last line."
        )
    return f'''#!/usr/bin/env python3
"""An MLP Studio experiment, exported as a stand-alone script (MLP Studio {__version__}).

{body}
"""
'''


_DATA_SPLIT = '''

def split_indices(n, test_fraction, rng):
    """A random train/test split of range(n): (train indices, test indices)."""
    n_test = int(round(test_fraction * n))
    order = rng.permutation(n)
    return order[n_test:], order[:n_test]
'''

_DATA_FUNCTION = '''

def make_data():
    """Sample the target, normalise it, add noise, split at random: x and y, train and test."""
    if len(DOMAIN) == 1:
        ((lo, hi),) = DOMAIN
        x = np.arange(lo, hi, STEP) if STEP else np.linspace(lo, hi, POINTS)
        x = x[:, None]
    else:  # a square grid of about POINTS points
        side = max(3, int(round(math.sqrt(POINTS))))
        (lo1, hi1), (lo2, hi2) = DOMAIN
        g1, g2 = np.meshgrid(np.linspace(lo1, hi1, side), np.linspace(lo2, hi2, side))
        x = np.column_stack([g1.ravel(), g2.ravel()])
    with np.errstate(all="ignore"):
        y = np.broadcast_to(np.asarray(target(*x.T), dtype=np.float64), (len(x),)).copy()
    if not np.all(np.isfinite(y)):
        sys.exit("The formula is not finite on the whole domain.")
    if NORMALIZE:
        y = y / float(np.max(np.abs(y)))
    rng = np.random.default_rng(DATA_SEED)
    if NOISE:
        y = y + rng.normal(0.0, NOISE, size=y.shape)
    train, test = split_indices(len(x), TEST_FRACTION, rng)
    return x[train], y[train, None], x[test], y[test, None]
'''

_TOYS = {
    "circle": '''

def make_points(rng, n, noise):
    """Class 1: a disc of radius 0.4; class 0: a ring from 0.56 to 0.8."""
    half = n // 2
    r = np.concatenate([rng.uniform(0.0, 0.4, half), rng.uniform(0.56, 0.8, n - half)])
    angle = rng.uniform(0.0, 2 * np.pi, n)
    x = np.column_stack([r * np.cos(angle), r * np.sin(angle)])
    x += rng.uniform(-noise, noise, size=x.shape) * 0.8
    y = np.concatenate([np.ones(half), np.zeros(n - half)]).astype(np.int64)
    return x, y
''',
    "xor": '''

def make_points(rng, n, noise):
    """Points in each quadrant, a little away from the axes; class = (x1 x2 > 0)."""
    x = rng.uniform(-0.8, 0.8, size=(n, 2))
    x += np.sign(x) * 0.05
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    x += rng.uniform(-noise, noise, size=x.shape) * 0.8
    return x, y
''',
    "gaussians": '''

def make_points(rng, n, noise):
    """Two Gaussian clouds around (0.35, 0.35) (class 1) and (-0.35, -0.35) (class 0)."""
    half = n // 2
    spread = 0.1 + 0.5 * noise
    a = rng.normal(0.35, spread, size=(half, 2))
    b = rng.normal(-0.35, spread, size=(n - half, 2))
    y = np.concatenate([np.ones(half), np.zeros(n - half)]).astype(np.int64)
    return np.vstack([a, b]), y
''',
    "spiral": '''

def make_points(rng, n, noise):
    """Two interleaved spirals."""
    half = n // 2
    parts, labels = [], []
    for label, count, delta in ((1, half, 0.0), (0, n - half, np.pi)):
        t = np.linspace(0.0, 1.0, count)
        r = 0.8 * t
        angle = 1.75 * 2 * np.pi * t + delta
        pts = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
        pts += rng.uniform(-noise, noise, size=pts.shape) * 0.8
        parts.append(pts)
        labels.append(np.full(count, label))
    return np.vstack(parts), np.concatenate(labels).astype(np.int64)
''',
}

_DATA_TOY = '''

def make_data():
    """The 2-D points and their classes, clipped to [-1, 1], split at random."""
    rng = np.random.default_rng(DATA_SEED)
    x, y = make_points(rng, POINTS, NOISE)
    x = np.clip(x, -1.0, 1.0)
    train, test = split_indices(POINTS, TEST_FRACTION, rng)
    return x[train], y[train], x[test], y[test]
'''

_DATA_IMAGES = '''

FOLDERS = {"cifar10": "cifar-10-batches-bin", "cifar100": "cifar-100-binary"}
GZIP_MAGIC = bytes([0x1F, 0x8B])


def find_file(names):
    """The first of ``names`` in DATA_ROOT (or its sub-folder named after the set)."""
    folders = [DATA_ROOT, os.path.join(DATA_ROOT, DATA_KIND)]
    if DATA_KIND in FOLDERS:
        folders.append(os.path.join(DATA_ROOT, FOLDERS[DATA_KIND]))
        folders.append(os.path.join(DATA_ROOT, DATA_KIND, FOLDERS[DATA_KIND]))
    for folder in folders:
        for name in names:
            if os.path.isfile(os.path.join(folder, name)):
                return os.path.join(folder, name)
    return None


def read_bytes(path):
    with open(path, "rb") as handle:
        data = handle.read()
    return gzip.decompress(data) if data[:2] == GZIP_MAGIC else data


def read_idx(stem):
    """An IDX array (MNIST format): 0, 0, type, dimensions; a big-endian uint32 per dimension;
    then the uint8 values. The file may be gzip-compressed or not."""
    path = find_file([stem, stem + ".gz"])
    if path is None:
        sys.exit(f"{stem} was not found in {DATA_ROOT!r}: set DATA_ROOT at the top.")
    data = read_bytes(path)
    ndim = data[3]
    shape = struct.unpack(">" + "I" * ndim, data[4 : 4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def read_cifar(names, label_bytes):
    """CIFAR binary records: label byte(s), then 3,072 pixel bytes (R, G, B planes, 32 x 32)."""
    paths = [p for p in (find_file([name]) for name in names) if p is not None]
    if not paths:
        sys.exit(f"None of {names} was found in {DATA_ROOT!r}: set DATA_ROOT at the top.")
    raw = b"".join(read_bytes(p) for p in paths)
    records = np.frombuffer(raw, dtype=np.uint8).reshape(-1, label_bytes + 3072)
    images = records[:, label_bytes:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    return images, records[:, :label_bytes].astype(np.int64)


def load_split(train):
    """Images (uint8) and labels (int64) of the train or the test split."""
    if DATA_KIND in ("mnist", "fashion-mnist"):
        prefix = "train" if train else "t10k"
        images = read_idx(f"{prefix}-images-idx3-ubyte")
        return images, read_idx(f"{prefix}-labels-idx1-ubyte").astype(np.int64)
    if DATA_KIND == "cifar10":
        names = [f"data_batch_{i}.bin" for i in range(1, 6)] if train else ["test_batch.bin"]
        images, labels = read_cifar(names, 1)
        return images, labels[:, 0]
    images, labels = read_cifar(["train.bin" if train else "test.bin"], 2)
    return images, labels[:, 1 if LABELS == "fine" else 0]


def subset_indices(labels, n, rng):
    """Sorted indices of n samples chosen at random, in proportion to each class's share."""
    total = len(labels)
    if n >= total:
        return np.arange(total)
    classes, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    quota = n * counts / total
    take = np.floor(quota).astype(np.int64)
    short = n - int(take.sum())
    if short:
        take[np.argsort(-(quota - take), kind="stable")[:short]] += 1
    order = np.argsort(inverse, kind="stable")  # indices grouped by class
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    chosen = [
        rng.choice(order[start : start + count], size=k, replace=False)
        for start, count, k in zip(starts, counts, take)
        if k
    ]
    return np.sort(np.concatenate(chosen))


def make_data():
    """Images kept as uint8 (converted per batch with INPUT_SHIFT and INPUT_SCALE), labels."""
    global INPUT_SHIFT, INPUT_SCALE
    x_train, y_train = load_split(True)
    x_test, y_test = load_split(False)
    if SUBSET:
        rng = np.random.default_rng(DATA_SEED)
        train = subset_indices(y_train, SUBSET, rng)
        test = subset_indices(y_test, SUBSET, rng)
        x_train, y_train = x_train[train], y_train[train]
        x_test, y_test = x_test[test], y_test[test]
    if SCALING == "standardize":  # the mean and standard deviation of the training pixels
        counts = np.bincount(x_train.ravel(), minlength=256).astype(np.float64)
        values = np.arange(256, dtype=np.float64)
        mean = float((counts * values).sum() / counts.sum())
        std = float((counts * (values - mean) ** 2).sum() / counts.sum()) ** 0.5
        INPUT_SHIFT, INPUT_SCALE = mean, (1.0 / std if std > 0 else 1.0)
    else:
        INPUT_SHIFT, INPUT_SCALE = 0.0, 1.0 / 255.0
    return x_train, y_train, x_test, y_test
'''


_ENGINE = '''

INPUT_SHIFT, INPUT_SCALE = 0.0, 1.0  # images: float input = (pixel - shift) * scale
EVAL_SUBSET = 10_000  # the app reports the train loss on at most this many rows
LEAKY_SLOPE = 0.01


def inputs(rows):
    """Float rows in DTYPE (image pixels are kept as uint8 and converted batch by batch)."""
    if rows.dtype == DTYPE:
        return rows
    x = rows.astype(DTYPE)
    if INPUT_SHIFT:
        x -= INPUT_SHIFT
    if INPUT_SCALE != 1.0:
        x *= INPUT_SCALE
    return x


# -- The network: z[l] = W[l] a[l-1] + b[l], a[l] = S[l](z[l]) ---------------------------------
# Samples are rows, so a layer computes Z = A @ W.T + b. Each layer keeps Wt = W.T (shape
# N_in x N_out) as a contiguous array: A @ Wt is then a plain matrix product, as in the app.


def activate(name, z):
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0)
    if name == "leaky_relu":
        return np.maximum(z, z * LEAKY_SLOPE)
    if name == "sigmoid":
        return 0.5 * np.tanh(0.5 * z) + 0.5  # = 1 / (1 + exp(-z)), without overflow
    return z  # identity


def activation_backward(name, a, delta):
    """delta * S'(z), written with the output a = S(z)."""
    if name == "tanh":
        return delta * (1 - a * a)
    if name == "relu":
        return delta * (a > 0)
    if name == "leaky_relu":
        return np.where(a > 0, delta, delta * LEAKY_SLOPE)
    if name == "sigmoid":
        return delta * (a * (1 - a))
    return delta


def init_layers(sizes, seed):
    """W[l] from the chosen scheme (float64, one generator for all layers), biases 0."""
    rng = np.random.default_rng(seed)
    layers = []
    for layer in range(1, len(sizes)):
        n_in, n_out = sizes[layer - 1], sizes[layer]
        act = ACTIVATIONS[layer - 1] if layer < len(sizes) - 1 else None
        scheme = INIT if INIT != "auto" else ("he" if act in ("relu", "leaky_relu") else "glorot")
        if scheme == "he":
            w = rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_out, n_in))
        elif scheme == "lecun":
            w = rng.normal(0.0, np.sqrt(1.0 / n_in), size=(n_out, n_in))
        else:  # glorot
            limit = np.sqrt(6.0 / (n_in + n_out))
            w = rng.uniform(-limit, limit, size=(n_out, n_in))
        layers.append([np.ascontiguousarray(w.T, dtype=DTYPE), np.zeros(n_out, dtype=DTYPE)])
    return layers


def logits(layers, x):
    """z[L] for a batch of rows x."""
    a = x
    for i, (wt, b) in enumerate(layers):
        z = a @ wt + b
        a = activate(ACTIVATIONS[i], z) if i < len(layers) - 1 else z
    return a


def output(z):
    """a[L] = the head's output function of the logits."""
    if HEAD == "sigmoid":
        return 0.5 * np.tanh(0.5 * z) + 0.5
    if HEAD == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return z


def loss_of(z, y):
    """The mean loss: squared error, binary or categorical cross-entropy."""
    if HEAD == "sigmoid":
        return (np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))).mean()
    if HEAD == "softmax":
        zmax = z.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(z - zmax).sum(axis=1)) + zmax[:, 0]
        return (log_norm - z[np.arange(len(z)), y]).mean()
    return ((z - y) ** 2).mean()


def loss_and_gradients(layers, x, y, scale=1.0):
    """Forward pass, then backpropagation: the batch loss and scale * (dW.T, db) per layer."""
    acts = [x]  # acts[i] = a[i], the input of layer i + 1
    for i, (wt, b) in enumerate(layers[:-1]):
        acts.append(activate(ACTIVATIONS[i], acts[-1] @ wt + b))
    z = acts[-1] @ layers[-1][0] + layers[-1][1]
    loss = loss_of(z, y)
    if HEAD == "softmax":  # dL/dz = (softmax(z) - onehot(y)) / B
        delta = output(z)
        delta[np.arange(len(z)), y] -= 1.0
        delta *= scale / len(z)
    elif HEAD == "sigmoid":  # dL/dz = (sigmoid(z) - y) / (B k)
        delta = (output(z) - y) * (scale / z.size)
    else:  # dL/dz = 2 (z - y) / (B k)
        delta = (z - y) * (2.0 * scale / z.size)
    grads = [None] * len(layers)
    for i in range(len(layers) - 1, -1, -1):  # dW.T = a.T delta, db = sum of delta
        grads[i] = (acts[i].T @ delta, delta.sum(axis=0))
        if i > 0:  # delta[i-1] = (delta[i] W[i]) * S'(z[i-1])
            delta = activation_backward(ACTIVATIONS[i - 1], acts[i], delta @ layers[i][0].T)
    return loss, grads


# -- Optimisers, in PyTorch's formulas ---------------------------------------------------------
# SGD:       p -= lr g
# Momentum:  v = mu v + g (v = g at the first step);  p -= lr v
# Nesterov:  v = mu v + g;  p -= lr (g + mu v)
# Adam:      m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
#            p -= lr m_hat / (sqrt(v_hat) + eps), m_hat = m / (1 - b1^t), v_hat = v / (1 - b2^t)
# Weight decay adds WEIGHT_DECAY * W to the gradient of every W (not of the biases).
#
# They are computed exactly as MLP Studio computes them, so that even the float rounding
# agrees: backpropagation delivers the gradient already multiplied by gradient_scale(lr)
# (g' = lr g for SGD and momentum, g' = (1 - b1) g for Adam), which saves passes over the
# parameters. Momentum then keeps u = lr v; Adam keeps m as is and v' = v (1 - b1)^2 / (1 - b2),
# and the update lr m_hat / (sqrt(v_hat) + eps) becomes k m / (sqrt(v') + eps / K) with
# K = sqrt((1 - b2) / (1 - b2^t)) / (1 - b1) and k = lr / ((1 - b1^t) K). Same formulas, fewer
# operations.


class Optimizer:
    """The chosen optimiser, with its buffers kept per layer like the parameters."""

    def __init__(self, layers):
        self.t = 0
        self.lr_prev = None
        self.m = [[np.zeros_like(p) for p in layer] for layer in layers]  # m, or u = lr v
        self.v = [[np.zeros_like(p) for p in layer] for layer in layers]  # v' (Adam)

    def gradient_scale(self, lr):
        return 1.0 - BETA1 if OPTIMIZER == "adam" else lr

    def step(self, layers, grads, lr):
        """Update every parameter in place from gradients times gradient_scale(lr)."""
        self.t += 1
        scale = self.gradient_scale(lr)
        b1, b2, t = BETA1, BETA2, self.t
        big_k = math.sqrt((1.0 - b2) / (1.0 - b2**t)) / (1.0 - b1)
        for layer, grad, m_layer, v_layer in zip(layers, grads, self.m, self.v):
            for i, (p, g) in enumerate(zip(layer, grad)):
                if WEIGHT_DECAY and i == 0:  # i == 0: the weights; 1: the biases
                    g += (WEIGHT_DECAY * scale) * p
                m, v = m_layer[i], v_layer[i]
                if OPTIMIZER == "adam":
                    m *= b1
                    m += g
                    v *= b2
                    v += g * g
                    p -= (m / (np.sqrt(v) + EPS / big_k)) * (lr / ((1.0 - b1**t) * big_k))
                elif OPTIMIZER in ("momentum", "nesterov"):
                    if self.lr_prev is None:
                        m[...] = g
                    else:
                        m *= MOMENTUM * (lr / self.lr_prev)
                        m += g
                    p -= g + MOMENTUM * m if OPTIMIZER == "nesterov" else m
                else:
                    p -= g
        self.lr_prev = lr


def learning_rate(epoch):
    """The schedule: constant, step decay, or cosine annealing from LEARNING_RATE to 0."""
    if SCHEDULE == "step":
        return LEARNING_RATE * GAMMA ** (epoch // max(1, STEP_SIZE))
    if SCHEDULE == "cosine":
        progress = min(1.0, epoch / max(1, EPOCHS))
        return LEARNING_RATE * 0.5 * (1.0 + math.cos(math.pi * progress))
    return LEARNING_RATE


def evaluate(layers, x_rows, y, chunk=8192):
    """(mean loss, head output) on a whole set."""
    with np.errstate(over="ignore", invalid="ignore"):
        starts = range(0, len(x_rows), chunk)
        z = np.concatenate([logits(layers, inputs(x_rows[i : i + chunk])) for i in starts])
    return float(loss_of(z, y)), output(z)


def targets(y):
    """Targets as the loss needs them: class indices for softmax, float columns otherwise."""
    if HEAD == "softmax":
        return np.asarray(y, dtype=np.int64).reshape(-1)
    return np.asarray(y, dtype=DTYPE).reshape(len(y), -1)


def copy_of(layers):
    return [[p.copy() for p in layer] for layer in layers]


def train():
    x_train, y_train, x_test, y_test = make_data()
    n_out = CLASSES if HEAD == "softmax" else 1 if HEAD == "sigmoid" else y_train.shape[1]
    sizes = [int(np.prod(x_train.shape[1:])), *HIDDEN, n_out]
    layers = init_layers(sizes, SEED)
    n_params = sum(wt.size + b.size for wt, b in layers)
    print(f"layers {sizes}: {n_params} parameters; {len(x_train)} train / {len(x_test)} test")

    # One generator for the validation split, the evaluation subset and the shuffling, drawn
    # in this order: the same calls as MLP Studio's trainer, so the same batches.
    rng = np.random.default_rng(SEED)
    x_train = x_train.reshape(len(x_train), -1)
    x_rows = x_train if x_train.dtype == np.uint8 else x_train.astype(DTYPE)
    y_rows = targets(y_train)
    x_val = y_val = None
    if EARLY_STOPPING:
        n_val = max(1, int(round(VALIDATION_FRACTION * len(x_rows))))
        order = rng.permutation(len(x_rows))
        x_val, y_val = x_rows[order[:n_val]], y_rows[order[:n_val]]
        x_rows, y_rows = x_rows[order[n_val:]], y_rows[order[n_val:]]
    if len(x_rows) > EVAL_SUBSET:
        rng.choice(len(x_rows), EVAL_SUBSET, replace=False)  # (the app's train-loss sample)
    x_test = x_test.reshape(len(x_test), -1)
    x_test = x_test if x_test.dtype == np.uint8 else x_test.astype(DTYPE)
    y_test_rows = targets(y_test)

    n = len(x_rows)
    batch = max(1, min(BATCH_SIZE, n))
    optimizer = Optimizer(layers)
    good, best, best_epoch, waited, diverged = copy_of(layers), None, 0, 0, False
    report_every = max(1, EPOCHS // 10)
    for epoch in range(EPOCHS):
        lr = learning_rate(epoch)
        order = rng.permutation(n)
        running = 0.0
        with np.errstate(over="ignore", invalid="ignore"):
            for start in range(0, n, batch):
                idx = order[start : start + batch]
                x, y = inputs(x_rows[idx]), y_rows[idx]
                loss, grads = loss_and_gradients(layers, x, y, optimizer.gradient_scale(lr))
                optimizer.step(layers, grads, lr)
                running += float(loss)
        if not math.isfinite(running):
            print(
                f"The loss diverged in epoch {epoch + 1}: the learning rate is too high; "
                f"keeping the weights of epoch {epoch}."
            )
            layers, diverged = good, True
            break
        good = copy_of(layers)
        if x_val is not None:
            val_loss, _ = evaluate(layers, x_val, y_val)
            if best is None or val_loss < best:
                best, best_epoch, best_layers, waited = val_loss, epoch + 1, copy_of(layers), 0
            else:
                waited += 1
                if waited >= PATIENCE:
                    print(f"Stopped early at epoch {epoch + 1}.")
                    break
        if (epoch + 1) % report_every == 0 or epoch + 1 == EPOCHS:
            test_loss, _ = evaluate(layers, x_test, y_test_rows)
            print(
                f"epoch {epoch + 1}: mean batch loss {running / -(-n // batch):.6g}, "
                f"test loss {test_loss:.6g}"
            )
    if best is not None and RESTORE_BEST and not diverged:
        layers = best_layers
        print(f"Restored the weights of the best validation epoch ({best_epoch}).")

    _, predicted = evaluate(layers, x_test, y_test_rows)
    if CLASSES:
        if predicted.ndim == 2 and predicted.shape[1] > 1:
            classes = predicted.argmax(axis=1)
        else:
            classes = (predicted.reshape(-1) > 0.5).astype(np.int64)
        accuracy = float((classes == np.asarray(y_test).reshape(-1)).mean())
        print(f"test_accuracy = {accuracy:.6g}")
    else:
        y = np.asarray(y_test, dtype=np.float64)
        out = predicted.astype(np.float64)
        mse = float(((out - y) ** 2).mean())
        r2 = 1.0 - ((y - out) ** 2).sum(axis=0) / ((y - y.mean(axis=0)) ** 2).sum(axis=0)
        print(f"test_r2 = {float(r2.mean()):.6g}")
        print(f"test_mse = {mse:.8g}")


if __name__ == "__main__":
    train()
'''


def _imports(body: str, torch: bool = False) -> str:
    """The import block for a script body: only the standard modules it really uses."""
    names = [m for m in ("gzip", "math", "os", "struct", "sys") if f"{m}." in body]
    lines = [f"import {m}" for m in names]
    lines += ["", "import numpy as np"]
    if torch:
        lines += [
            "import torch",
            "from torch import nn",
            "from torch.utils.data import DataLoader, TensorDataset",
        ]
    return "\n".join(lines).lstrip("\n") + "\n\n"


def _data_section(config: Config) -> str:
    """make_data() for the config's kind of data (plus the target function or toy maker)."""
    d = config.data
    if d.kind == "function":
        expression, variables = formula_to_numpy(d.formula)
        target = (
            f"\n\ndef target({', '.join(variables)}):\n"
            '    """The target function (the FORMULA above), written with numpy."""\n'
            f"    return {expression}\n"
        )
        return target + _DATA_SPLIT + _DATA_FUNCTION
    if d.kind == "toy":
        return _TOYS[d.toy] + _DATA_SPLIT + _DATA_TOY
    return _DATA_IMAGES


def numpy_script(config: Config, data_root: str | None = None) -> str:
    """A stand-alone numpy script that reruns ``config`` and prints the final test metric.

    ``data_root`` (image sets) is the folder the script reads the files from; by default the
    config's ``data.root``. The last line printed is ``test_mse = ...`` for regression and
    ``test_accuracy = ...`` for classification.
    """
    body = (
        _settings(config, data_root)
        + f"CLASSES = {_py(experiment_shape(config).n_classes)}  # None: regression\n"
        + _data_section(config)
        + _ENGINE
    )
    return _header(config, "numpy") + "\n" + _imports(body) + body


_TORCH = '''

def build_model(n_in, n_out):
    """torch.nn.Sequential of Linear layers and activations, initialised like the app."""
    activation = {
        "tanh": nn.Tanh,
        "relu": nn.ReLU,
        "sigmoid": nn.Sigmoid,
        "leaky_relu": lambda: nn.LeakyReLU(0.01),
        "identity": nn.Identity,
    }
    sizes = [n_in, *HIDDEN, n_out]
    modules = []
    for layer in range(1, len(sizes)):
        linear = nn.Linear(sizes[layer - 1], sizes[layer])
        act = ACTIVATIONS[layer - 1] if layer < len(sizes) - 1 else None
        scheme = INIT if INIT != "auto" else ("he" if act in ("relu", "leaky_relu") else "glorot")
        if scheme == "he":
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")  # std sqrt(2 / n_in)
        elif scheme == "lecun":
            nn.init.normal_(linear.weight, 0.0, (1.0 / sizes[layer - 1]) ** 0.5)
        else:
            nn.init.xavier_uniform_(linear.weight)
        nn.init.zeros_(linear.bias)
        modules.append(linear)
        if act is not None:
            modules.append(activation[act]())
    return nn.Sequential(*modules)


def as_tensor(x):
    """Float inputs in DTYPE; image pixels become (pixel - shift) * scale."""
    x = torch.from_numpy(np.asarray(x).reshape(len(x), -1))
    if x.dtype == torch.uint8:
        return (x.to(DTYPE) - INPUT_SHIFT) * INPUT_SCALE
    return x.to(DTYPE)


def main():
    torch.manual_seed(SEED)
    x_train, y_train, x_test, y_test = make_data()
    x_train, x_test = as_tensor(x_train), as_tensor(x_test)
    if HEAD == "softmax":
        y_train, y_test = torch.from_numpy(y_train).long(), torch.from_numpy(y_test).long()
        loss_fn, n_out = nn.CrossEntropyLoss(), CLASSES
    elif HEAD == "sigmoid":
        y_train = torch.from_numpy(y_train).to(DTYPE).reshape(-1, 1)
        y_test = torch.from_numpy(y_test).to(DTYPE).reshape(-1, 1)
        loss_fn, n_out = nn.BCEWithLogitsLoss(), 1  # the sigmoid is inside the loss
    else:
        y_train, y_test = torch.from_numpy(y_train).to(DTYPE), torch.from_numpy(y_test).to(DTYPE)
        loss_fn, n_out = nn.MSELoss(), y_train.shape[1]

    validation = None
    if EARLY_STOPPING:
        n_val = max(1, int(round(VALIDATION_FRACTION * len(x_train))))
        order = torch.randperm(len(x_train))
        validation = (x_train[order[:n_val]], y_train[order[:n_val]])
        x_train, y_train = x_train[order[n_val:]], y_train[order[n_val:]]

    model = build_model(x_train.shape[1], n_out).to(DTYPE)
    print(model)
    print(f"{sum(p.numel() for p in model.parameters())} parameters")
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
    if OPTIMIZER == "adam":
        optimizer = torch.optim.Adam(groups, lr=LEARNING_RATE, betas=(BETA1, BETA2), eps=EPS)
    elif OPTIMIZER in ("momentum", "nesterov"):
        optimizer = torch.optim.SGD(
            groups, lr=LEARNING_RATE, momentum=MOMENTUM, nesterov=OPTIMIZER == "nesterov"
        )
    else:
        optimizer = torch.optim.SGD(groups, lr=LEARNING_RATE)
    if SCHEDULE == "step":
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, STEP_SIZE, gamma=GAMMA)
    elif SCHEDULE == "cosine":
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS)
    else:
        scheduler = None

    loader = DataLoader(TensorDataset(x_train, y_train), batch_size=BATCH_SIZE, shuffle=True)
    best, best_state, waited = None, None, 0
    report_every = max(1, EPOCHS // 10)
    for epoch in range(EPOCHS):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
        if scheduler is not None:
            scheduler.step()
        model.eval()
        with torch.no_grad():
            if validation is not None:
                val_loss = loss_fn(model(validation[0]), validation[1]).item()
                if best is None or val_loss < best:
                    best, waited = val_loss, 0
                    best_state = {k: v.clone() for k, v in model.state_dict().items()}
                else:
                    waited += 1
                    if waited >= PATIENCE:
                        print(f"Stopped early at epoch {epoch + 1}.")
                        break
            if (epoch + 1) % report_every == 0 or epoch + 1 == EPOCHS:
                test_loss = loss_fn(model(x_test), y_test).item()
                print(
                    f"epoch {epoch + 1}: last batch loss {loss.item():.6g}, "
                    f"test loss {test_loss:.6g}"
                )
    if best_state is not None and RESTORE_BEST:
        model.load_state_dict(best_state)

    model.eval()
    with torch.no_grad():
        z = model(x_test)
        if HEAD == "softmax":
            accuracy = (z.argmax(dim=1) == y_test).double().mean().item()
            print(f"test_accuracy = {accuracy:.6g}")
        elif HEAD == "sigmoid":
            accuracy = ((z > 0).to(DTYPE) == y_test).double().mean().item()
            print(f"test_accuracy = {accuracy:.6g}")
        else:
            mse = ((z.double() - y_test.double()) ** 2).mean().item()
            print(f"test_mse = {mse:.8g}")


if __name__ == "__main__":
    main()
'''


def pytorch_script(config: Config, data_root: str | None = None) -> str:
    """The experiment as a PyTorch script (``nn.Sequential``, ``torch.optim``, a DataLoader)
    on the same data and split; it prints the final test metric on its last line."""
    settings = _settings(config, data_root).replace(
        f"DTYPE = np.{config.training.dtype}", f"DTYPE = torch.{config.training.dtype}"
    )
    body = (
        settings
        + f"CLASSES = {_py(experiment_shape(config).n_classes)}  # None: regression\n"
        + "INPUT_SHIFT, INPUT_SCALE = 0.0, 1.0  # images: float input = (pixel - shift) * scale\n"
        + _data_section(config)
        + _TORCH
    )
    return _header(config, "torch") + "\n" + _imports(body, torch=True) + body


# -- the HTML report --------------------------------------------------------------------------
_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto;
       max-width: 60em; color: #222; line-height: 1.45; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5em 0; }
td, th { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; }
figure { margin: 1em 0; } figure img { max-width: 100%; border: 1px solid #ddd; }
figcaption { color: #555; font-size: 0.9em; }
footer { margin-top: 3em; color: #777; font-size: 0.85em; }
"""


def _fmt(value) -> str:
    """A value as short text: floats with 6 significant digits, lists joined with commas."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "" if not math.isfinite(value) else f"{value:.6g}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_fmt(v) for v in value) + "]"
    return str(value)


def _png_data_uri(png: bytes) -> str:
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError("html_report: every figure must be PNG bytes")
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _loss_svg(history: dict[str, np.ndarray], width: int = 640, height: int = 260) -> str:
    """A small inline SVG of the train and test loss per epoch (log scale), no library."""
    epochs = np.asarray(history.get("epoch", []), dtype=float)
    series = []
    for name, colour in (("train_loss", colours.TRAIN), ("test_loss", colours.TEST)):
        values = np.asarray(history.get(name, []), dtype=float)
        if len(values) == len(epochs) and len(values) > 1:
            series.append((name, colour, values))
    if not series:
        return ""
    finite = np.concatenate([v[np.isfinite(v) & (v > 0)] for _, _, v in series])
    if not len(finite) or epochs[-1] <= epochs[0]:
        return ""
    lo, hi = np.log10(finite.min()), np.log10(finite.max())
    hi = hi if hi > lo else lo + 1.0
    pad = 40

    def point(e, v):
        x = pad + (e - epochs[0]) / (epochs[-1] - epochs[0]) * (width - 2 * pad)
        y = height - pad - (np.log10(v) - lo) / (hi - lo) * (height - 2 * pad)
        return f"{x:.1f},{y:.1f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="loss per epoch">',
        f'<rect x="{pad}" y="{pad}" width="{width - 2 * pad}" height="{height - 2 * pad}" '
        'fill="none" stroke="#bbb"/>',
    ]
    for i, (name, colour, values) in enumerate(series):
        step = max(1, len(values) // 1000)  # at most ~1000 points per curve
        keep = [
            point(e, v)
            for e, v in zip(epochs[::step], values[::step])
            if math.isfinite(v) and v > 0
        ]
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" '
            f'points="{" ".join(keep)}"/>'
        )
        parts.append(
            f'<text x="{pad + 10 + 120 * i}" y="{pad - 10}" fill="{colour}" '
            f'font-size="12">{html.escape(name.replace("_", " "))}</text>'
        )
    parts.append(
        f'<text x="{pad}" y="{height - 12}" font-size="11">epoch {int(epochs[0])}</text>'
        f'<text x="{width - pad}" y="{height - 12}" font-size="11" text-anchor="end">'
        f"epoch {int(epochs[-1])}</text>"
        f'<text x="4" y="{pad + 4}" font-size="11">{10**hi:.3g}</text>'
        f'<text x="4" y="{height - pad}" font-size="11">{10**lo:.3g}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def html_report(
    config: Config,
    summary: dict,
    history: dict[str, np.ndarray],
    figures: dict[str, bytes] | None = None,
    title: str = "MLP Studio experiment report",
) -> str:
    """One self-contained HTML page: the configuration, the results, the parameter count and
    the figures (PNG bytes, embedded as base64 data URIs). Every user string is escaped."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(title)}</h1>",
    ]
    data = config.data
    if data.kind == "function":
        what = f"y = {data.formula}"
    elif data.kind == "toy":
        what = f"2-D classes: {data.toy}"
    elif data.kind == "csv":
        what = f"CSV file: {Path(data.path).name}, target {data.target or '(last column)'}"
    else:
        what = f"image set: {data.kind}"
    out.append(f"<p><strong>Data:</strong> {e(what)}</p>")

    out.append("<h2>Results</h2><table>")
    for key, value in summary.items():
        if isinstance(value, dict):
            continue
        out.append(f"<tr><th>{e(str(key))}</th><td>{e(_fmt(value))}</td></tr>")
    out.append("</table>")

    sizes = summary.get("layers") or summary.get("sizes")
    if not sizes:
        try:
            sizes = list(experiment_shape(config).sizes)
        except (ConfigError, FormulaError, ValueError):
            sizes = None
    if sizes and len(sizes) >= 2:
        sizes = [int(s) for s in sizes]
        out.append("<h2>Parameters</h2>")
        out.append(
            "<p>Layer l has N<sub>l</sub> (N<sub>l-1</sub> + 1) parameters: the weights "
            "W<sup>[l]</sup> (N<sub>l</sub> &times; N<sub>l-1</sub>) and the biases "
            "b<sup>[l]</sup> (N<sub>l</sub>).</p>"
        )
        out.append("<table><tr><th>layer</th><th>weights</th><th>biases</th><th>total</th></tr>")
        for c in layer_counts(sizes):
            out.append(
                f"<tr><td>{c.layer}</td><td class='num'>{c.units} &times; {c.inputs}</td>"
                f"<td class='num'>{c.biases}</td><td class='num'>{c.params}</td></tr>"
            )
        out.append("</table>")
        out.append(f"<p><code>{e(count_formula(sizes))}</code></p>")

    svg = _loss_svg(history)
    if svg:
        out.append(f"<h2>Loss per epoch</h2><figure>{svg}</figure>")
    for name, png in (figures or {}).items():
        out.append(
            f'<figure><img src="{_png_data_uri(png)}" alt="{e(str(name))}">'
            f"<figcaption>{e(str(name))}</figcaption></figure>"
        )

    out.append("<h2>Configuration</h2>")
    for section, values in config.to_dict().items():
        out.append(f"<table><tr><th colspan='2'>[{e(section)}]</th></tr>")
        for key, value in values.items():
            out.append(f"<tr><td>{e(key)}</td><td>{e(_fmt(value))}</td></tr>")
        out.append("</table>")
    out.append("<p>As an experiment file (<code>mlpstudio train FILE.toml</code>):</p>")
    out.append(f"<pre>{e(config.to_toml())}</pre>")
    out.append(f"<footer>Written by MLP Studio {e(__version__)}.</footer></body></html>")
    return "\n".join(out) + "\n"
