"""The stand-alone scripts: a numpy script that reruns an experiment and prints the same JSON
summary as ``mlpstudio train --json``, and the same experiment written with PyTorch.

A script is assembled from real code, never from logic kept in string literals:

1. a settings block: the experiment's values as Python constants (text the user typed only
   ever inside ``repr`` string literals; the formula as numpy code generated from its parse
   tree by :mod:`.formula_code`);
2. the registry entries' own math (activations, the head, the optimiser, the schedule, the
   initialisations, the metrics, a 2-D set's maker), inlined with :func:`inspect.getsource`,
   so the script computes exactly what the engine computes; their PyTorch equivalents come
   from the entries' ``torch`` sources;
3. the template modules of :mod:`.export_templates` (ordinary, importable, ruff-checked
   modules read with :mod:`importlib.resources`), below their marker line.

A name that is in no registry raises :class:`~.config.ConfigError`: nothing falls back to the
identity activation or plain SGD.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from importlib import resources

from .. import __version__
from ..core import metrics
from ..core.activations import ACTIVATIONS
from ..core.inits import AUTO, INITS
from ..core.losses import HEADS
from ..core.optimizers import OPTIMIZERS
from ..core.schedules import SCHEDULES
from ..core.training import STATUS_TEXT
from ..data.catalog import image_set
from ..data.functions import parse_condition, parse_target, toy_maker
from .config import IMAGE_KINDS, Config, ConfigError
from .formula_code import condition_to_numpy, formula_to_numpy
from .shape import experiment_shape

TEMPLATES = "mlpstudio.experiment.export_templates"
MARKER = "# -- end of the generated part --\n"
STDLIB = ("gzip", "json", "math", "os", "struct", "sys", "time")

#: Scripts rebuild the data from the config alone; a CSV needs the app's reader (dialect and
#: encoding detection, text labels), so the script exports refuse it rather than guess.
CSV_REFUSAL = (
    "data.kind: csv data cannot be exported as a stand-alone script yet (the script would "
    "need MLP Studio's CSV reader); export the HTML report, or train it with "
    "`mlpstudio train` and the same --set data.path=... keys."
)


# -- registry look-ups: an unknown name raises ------------------------------------------------
def entry(registry: dict, name: str, key: str):
    """``registry[name]``, or a ConfigError naming the key and the known names."""
    try:
        return registry[name]
    except KeyError:
        known = ", ".join(registry)
        raise ConfigError([f"{key}: unknown name {name!r}; choose one of {known}"]) from None


def layer_inits(config: Config) -> list[str]:
    """The initialisation of every layer (``auto``: what the layer's activation names; the
    output layer, which has none, gets Glorot, as in the engine)."""
    init = config.model.init
    if init != AUTO:
        entry(INITS, init, "model.init")
        return [init] * (len(config.model.hidden) + 1)
    acts = [entry(ACTIVATIONS, a, "model.activation") for a in config.model.activations()]
    return [a.init for a in acts] + ["glorot"]


def source_of(function, name: str | None = None) -> str:
    """A registry function's own source, renamed to ``name`` when given."""
    text = textwrap.dedent(inspect.getsource(function))
    if name is not None:
        text = text.replace(f"def {function.__name__}(", f"def {name}(", 1)
    return text


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
        return "(" + ", ".join(_py(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_py(k)}: {_py(v)}" for k, v in value.items()) + "}"
    return repr(value)


def _image_file_facts(kind: str) -> str:
    """The set's files as the catalogue lists them (the template reads whatever it names)."""
    image = image_set(kind)
    lines = [f"IMAGE_SHAPE = {_py(tuple(image.shape))}  # one image: height, width(, colours)"]
    lines.append(f"ARCHIVE_FOLDER = {_py(image.archive.folder if image.archive else None)}")
    idx = {f.role: f.name for f in image.files} if image.is_idx else {}
    records = {
        split: [f.name for f in image.files if f.role == split and not image.is_idx]
        for split in ("train", "test")
    }
    label_bytes = 0 if image.is_idx else image.files[0].label_bytes
    lines.append(f"IDX_FILES = {_py(idx)}  # MNIST-style files, each may be gzip-compressed")
    lines.append(f"RECORD_FILES = {_py(records)}  # CIFAR-style record files")
    lines.append(f"LABEL_BYTES = {_py(label_bytes)}  # label bytes before each record's pixels")
    return "\n".join(lines)


# -- 1. the settings --------------------------------------------------------------------------
def settings(config: Config, data_root: str | None, torch: bool = False) -> str:
    """The experiment's values as Python constants (user text only through repr)."""
    d, m, t = config.data, config.model, config.training
    if d.kind == "csv":
        raise ConfigError([CSV_REFUSAL])
    shape = experiment_shape(config)
    options = t.options()
    optimizer = entry(OPTIMIZERS, t.optimizer, "training.optimizer")
    schedule = entry(SCHEDULES, t.schedule, "training.schedule")
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
        add(f"NORMALIZE = {_py(bool(d.normalize))}  # divide y by NORMALIZE_BY")
        add(f"NORMALIZE_BY = {_py(d.normalize_by)}  # max: y / y.max(); max_abs: y / max |y|")
    elif d.kind == "toy":
        add(f"TOY = {_py(d.toy)}")
        add(f"POINTS = {_py(int(d.points))}")
        add(f"NOISE = {_py(float(d.noise))}")
    elif d.kind == "formula-class":
        axes = [float(v) for v in d.domain]
        if len(axes) == 2:
            axes = axes * 2
        if len(axes) != 4:
            raise ConfigError([f"data.domain: a condition in x1, x2 needs 2 or 4 numbers, "
                               f"got {len(d.domain)}"])  # fmt: skip
        add(f"CONDITION = {_py(parse_condition(d.condition).text)}  # computed by condition()")
        add(f"DOMAIN = {_py([(axes[0], axes[1]), (axes[2], axes[3])])}  # (lo, hi) per input")
        add(f"POINTS = {_py(int(d.points))}")
        add(f"NOISE = {_py(float(d.noise))}  # standard deviation of Gaussian noise on x")
    elif d.kind in IMAGE_KINDS:
        root = data_root if data_root is not None else (d.root or _store_folder())
        add(f"DATA_ROOT = {_py(str(root or '.'))}  # the folder holding the image files")
        add(f"LABELS = {_py(d.labels)}  # CIFAR-100: fine (100 classes) or coarse (20)")
        add(f"SUBSET = {_py(int(d.subset))}  # images used per split (0: all)")
        add(f"SCALING = {_py(d.scaling)}  # unit: x / 255; standardize: (x - mean) / std")
        add(_image_file_facts(d.kind))
    else:
        raise ConfigError([f"data.kind: unknown kind {d.kind!r}"])
    if d.kind in ("function", "toy", "formula-class"):
        add(f"TEST_FRACTION = {_py(float(d.test_fraction))}")
    add(f"DATA_SEED = {_py(int(d.seed))}  # seed of the split and of the noise")
    add("")
    add(f"HIDDEN = {_py(list(m.hidden))}  # width of each hidden layer")
    add(f"ACTIVATIONS = {_py(m.activations())}  # one per hidden layer")
    add(f"HEAD = {_py(shape.head)}  # output and loss")
    add(f"CLASSES, OUTPUTS = {_py(shape.n_classes)}, {shape.outputs}  # classes; output units")
    add(f"INIT = {_py(m.init)}  # {', '.join([AUTO, *INITS])}")
    add(f"LAYER_INITS = {_py(layer_inits(config))}  # what INIT draws before each layer")
    add("")
    add(f"OPTIMIZER = {_py(t.optimizer)}  # {', '.join(OPTIMIZERS)}")
    add(f"LEARNING_RATE = {_py(float(t.learning_rate))}")
    hp = {s.name: float(getattr(options, s.name)) for s in optimizer.options}
    add(f"OPTIMIZER_OPTIONS = {_py(hp)}")
    add(f"BATCH_SIZE = {_py(int(t.batch_size))}")
    add(f"EPOCHS = {_py(int(t.epochs))}")
    add(f"WEIGHT_DECAY = {_py(float(t.weight_decay))}  # L2 penalty on the weights (not biases)")
    add(f"SCHEDULE = {_py(t.schedule)}  # {', '.join(SCHEDULES)}")
    add(f"SCHEDULE_OPTIONS = {_py({s.name: getattr(options, s.name) for s in schedule.options})}")
    add(f"EARLY_STOPPING = {_py(bool(t.early_stopping))}")
    add(f"VALIDATION_FRACTION = {_py(float(t.validation_fraction))}")
    add(f"PATIENCE = {_py(int(t.patience))}")
    add(f"RESTORE_BEST = {_py(bool(t.restore_best))}")
    add(f"SEED = {_py(int(t.seed))}  # seed of the initialisation and of the shuffling")
    add(f"DTYPE = np.{t.dtype}")
    add("INPUT_SHIFT, INPUT_SCALE = 0.0, 1.0  # images: float input = (pixel - shift) * scale")
    final = {k: STATUS_TEXT[k] for k in ("finished", "early_stopped", "diverged")}
    add(f"STATUS_TEXT = {_py(final)}")
    if torch:
        add("SAME_START = True  # MLP Studio's first weights; False: PyTorch draws its own")
    return "\n".join(lines) + "\n"


def _store_folder() -> str:
    """The app's data store (its sets live in sub-folders named after them), or "." when it
    cannot be determined here."""
    try:
        from ..data.locations import data_dir

        return str(data_dir())
    except Exception:  # the store needs platformdirs; a script can still be written without
        return "."


# -- 2. the registry entries' math ------------------------------------------------------------
def registry_code(config: Config, torch: bool = False) -> str:
    """The sources of the registry functions the experiment uses, and the tables that name
    them (plus, for PyTorch, the entries' torch equivalents as small functions)."""
    t = config.training
    shape = experiment_shape(config)
    acts = {
        name: entry(ACTIVATIONS, name, "model.activation") for name in config.model.activations()
    }
    head = entry(HEADS, shape.head, "model.head")
    optimizer = entry(OPTIMIZERS, t.optimizer, "training.optimizer")
    schedule = entry(SCHEDULES, t.schedule, "training.schedule")
    inits = {name: INITS[name] for name in layer_inits(config)}
    parts = ["# -- MLP Studio's own functions for this experiment " + "-" * 44]
    for a in acts.values():
        parts += [source_of(a.forward), source_of(a.derivative)]
    table = ", ".join(
        f"{_py(n)}: ({a.forward.__name__}, {a.derivative.__name__}, {a.needs_z})"
        for n, a in acts.items()
    )
    parts.append(f"ACTIVATION_FUNCTIONS = {{{table}}}  # name: (S, S', S' needs z)\n")
    parts += [source_of(i.draw) for i in inits.values()]
    draws = ", ".join(f"{_py(n)}: {i.draw.__name__}" for n, i in inits.items())
    parts.append(f"INIT_DRAWS = {{{draws}}}\n")
    parts += [source_of(head.output), source_of(head.loss), source_of(head.delta)]
    parts.append(
        f"head_output, head_loss, head_delta = {head.output.__name__}, {head.loss.__name__}, "
        f"{head.delta.__name__}\n"
        f"HEAD_TARGETS, IS_CLASSIFICATION = {_py(head.targets)}, {head.is_classification}\n"
    )
    parts.append(source_of(optimizer.update))
    parts.append(
        f"optimizer_update = {optimizer.update.__name__}\n"
        f"OPTIMIZER_BUFFERS = {_py(tuple(optimizer.buffers))}\n"
    )
    parts.append(source_of(schedule.factor))
    parts.append(f"schedule_factor = {schedule.factor.__name__}\n")
    parts += [source_of(f) for f in (metrics.mse, metrics.r2_score, metrics.predicted_classes)]
    parts.append(source_of(metrics.accuracy))
    if config.data.kind == "toy":
        parts.append(source_of(toy_maker(config.data.toy), "make_points"))
    if config.data.kind == "function":
        expression, variables = formula_to_numpy(config.data.formula)
        parts.append(
            f"def target({', '.join(variables)}):\n"
            '    """The target function (the FORMULA above), written with numpy."""\n'
            f"    return {expression}\n"
        )
    if config.data.kind == "formula-class":
        expression, variables = condition_to_numpy(config.data.condition)
        parts.append(
            f"def condition({', '.join(variables)}):\n"
            '    """Class 1 where this holds (the CONDITION above), written with numpy."""\n'
            f"    return {expression}\n"
        )
    if torch:
        parts.append(torch_code(config, acts, head, optimizer, schedule, inits))
    return "\n\n\n".join(p.rstrip("\n") for p in parts) + "\n"


def torch_code(config, acts, head, optimizer, schedule, inits) -> str:
    """The entries' PyTorch equivalents (their ``torch`` sources) as small functions."""
    modules = ", ".join(f"{_py(n)}: lambda: {a.torch}" for n, a in acts.items())
    calls = ", ".join(
        f"{_py(n)}: lambda w, fan_in: {i.torch.format(w='w', fan_in='fan_in')}"
        for n, i in inits.items()
    )
    opt_args = {s.name: f"OPTIMIZER_OPTIONS[{_py(s.name)}]" for s in optimizer.options}
    sched_args = {s.name: f"SCHEDULE_OPTIONS[{_py(s.name)}]" for s in schedule.options}
    make_opt = optimizer.torch.format(params="groups", learning_rate="LEARNING_RATE", **opt_args)
    make_sched = schedule.torch.format(
        optimizer="optimizer", epochs="EPOCHS", learning_rate="LEARNING_RATE", **sched_args
    )
    return (
        "# -- their PyTorch equivalents\n"
        f"TORCH_ACTIVATIONS = {{{modules}}}\n"
        f"TORCH_INITS = {{{calls}}}\n\n\n"
        "def make_activation(name):\n"
        "    return TORCH_ACTIVATIONS[name]()\n\n\n"
        "def init_weight(scheme, w, fan_in):\n"
        "    TORCH_INITS[scheme](w, fan_in)\n\n\n"
        "def make_loss():\n"
        f"    return {head.torch}\n\n\n"
        "def torch_output(z):\n"
        f"    return {head.torch_output.format(z='z')}\n\n\n"
        "def make_optimizer(groups):\n"
        f"    return {make_opt}\n\n\n"
        "def make_scheduler(optimizer):\n"
        f"    return {make_sched}\n"
    )


# -- 3. the templates -------------------------------------------------------------------------
def template(name: str) -> tuple[list[ast.stmt], str]:
    """(its absolute imports, its code below the marker) of a template module."""
    text = resources.files(TEMPLATES).joinpath(f"{name}.py").read_text(encoding="utf-8")
    head, marker, body = text.partition(MARKER)
    if not marker:
        raise RuntimeError(f"the export template {name}.py has no marker line")
    imports = [
        node
        for node in ast.parse(head).body
        if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom) and not node.level)
    ]
    return imports, body.strip("\n") + "\n"


def import_block(nodes: list[ast.stmt], body: str) -> str:
    """The script's imports: the templates' own, plus ``math`` where inlined code uses it."""
    lines = {ast.unparse(node) for node in nodes}
    if "math." in body:
        lines.add("import math")
    standard = sorted(s for s in lines if s.split()[1].split(".")[0] in STDLIB)
    other = sorted(lines - set(standard), key=lambda s: (s.startswith("from"), s))
    return "\n".join(standard) + ("\n\n" if standard else "") + "\n".join(other) + "\n"


def data_templates(config: Config) -> list[str]:
    kind = config.data.kind
    if kind == "function":
        return ["data_split", "data_function"]
    if kind == "toy":
        return ["data_split", "data_toy"]
    if kind == "formula-class":
        return ["data_split", "data_formula_class"]
    return ["data_images"]


def assemble(config: Config, data_root: str | None, engine: str, header: str) -> str:
    names = [*data_templates(config), "run_common", engine]
    imports, bodies = [], []
    for name in names:
        found, body = template(name)
        imports += found
        bodies.append(body)
    code = (
        settings(config, data_root, torch=engine == "torch_engine")
        + "\n\n"
        + registry_code(config, torch=engine == "torch_engine")
        + "\n\n"
        + "\n\n\n".join(bodies)
    )
    script = header + "\n" + import_block(imports, code) + "\n" + code
    _check_unique_names(script)
    return script


def _check_unique_names(script: str) -> None:
    """Two top-level definitions of one name would silently replace each other: refuse."""
    seen: set[str] = set()
    for node in ast.parse(script).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            if node.name in seen:
                raise RuntimeError(f"the exported script defines {node.name!r} twice")
            seen.add(node.name)


def _header(config: Config, kind: str) -> str:
    metric = "MSE" if experiment_shape(config).task == "regression" else "accuracy"
    if kind == "numpy":
        body = (
            "It needs only numpy. It rebuilds the data, the network and the training run the\n"
            "way MLP Studio does (the same random draws in the same order, the same split,\n"
            f"initialisation, batches and precision, and the app's own functions), prints the\n"
            f"test {metric} as it goes, and as its last line the JSON summary that\n"
            "`mlpstudio train --json` prints, with the same values."
        )
    else:
        body = (
            "The same experiment written the PyTorch way (torch.nn.Sequential, torch.optim and\n"
            "a DataLoader), on exactly the same data, split and batches, starting from MLP\n"
            "Studio's first weights (SAME_START). PyTorch computes in its own order, so the\n"
            "result is close to MLP Studio's, not identical. The last line is the JSON summary.\n"
            "Run it with `pip install torch`."
        )
    return f'''#!/usr/bin/env python3
"""An MLP Studio experiment, exported as a stand-alone script (MLP Studio {__version__}).

{body}
"""
'''


def numpy_script(config: Config, data_root: str | None = None) -> str:
    """A stand-alone numpy script that reruns ``config``; its last line is the JSON summary
    of ``mlpstudio train --json``. ``data_root`` (image sets): the folder the script reads the
    files from; by default the config's ``data.root`` or the data store."""
    return assemble(config, data_root, "numpy_engine", _header(config, "numpy"))


def pytorch_script(config: Config, data_root: str | None = None) -> str:
    """The experiment as a PyTorch script (``nn.Sequential``, ``torch.optim``, a DataLoader)
    on the same data, split and batches; it prints the same JSON summary last."""
    return assemble(config, data_root, "torch_engine", _header(config, "torch"))
