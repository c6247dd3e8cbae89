"""Exports: the numpy script reproduces the app's numbers, the PyTorch script runs, the HTML
report is self-contained and escapes what the user typed, the CSV round-trips."""

import ast
import base64
import importlib
import importlib.util
import inspect
import json
import shutil
import struct
import subprocess
import sys
import textwrap
import zlib

import numpy as np
import pytest

from mlpstudio.cli.train import run_training
from mlpstudio.core.activations import ACTIVATIONS
from mlpstudio.core.inits import INITS
from mlpstudio.core.losses import HEADS
from mlpstudio.core.optimizers import OPTIMIZERS
from mlpstudio.core.schedules import SCHEDULES
from mlpstudio.data.dataset import DataError
from mlpstudio.data.expr import FormulaError
from mlpstudio.experiment.build import build_dataset, build_trainer
from mlpstudio.experiment.config import Config, ConfigError
from mlpstudio.experiment.exports import (
    export_history_csv,
    formula_to_numpy,
    html_report,
    numpy_script,
    pytorch_script,
)
from mlpstudio.experiment.files import atomic_write_text, read_history_csv

ALLOWED_IMPORTS = {"gzip", "json", "math", "os", "struct", "sys", "time", "numpy"}
#: Keys of the summary whose values are the machine's timing, not the run's numbers.
TIMING = {"seconds", "samples_per_second"}


def run_script(path, timeout=120) -> list[str]:
    result = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def summary_of(lines) -> dict:
    """The JSON summary on a script's last line."""
    return json.loads(lines[-1])


def engine_summary(config) -> dict:
    """What `mlpstudio train --json` prints for ``config`` (the same function, in-process)."""
    summary, _ = run_training(config, None, show_progress=False)
    return summary


def assert_same_summary(ours: dict, theirs: dict, rel: float) -> None:
    assert set(ours) == set(theirs)
    for key, value in theirs.items():
        if key in TIMING:
            continue
        if isinstance(value, float):
            assert ours[key] == pytest.approx(value, rel=rel, abs=1e-12), key
        else:
            assert ours[key] == value, key


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module.split(".")[0])
    return names


# -- the numpy script ------------------------------------------------------------------------
def registry_cases() -> list[list[str]]:
    """Every activation, optimiser, head, schedule and initialisation of the registries at
    least once (names read from the registries, so a new entry is covered without an edit)."""
    acts, opts, heads = list(ACTIVATIONS), list(OPTIMIZERS), list(HEADS)
    schedules, inits = list(SCHEDULES), ["auto", *INITS]
    cases = []
    for i in range(max(map(len, (acts, opts, heads, schedules, inits)))):
        head = heads[i % len(heads)]
        data = (
            ["data.step=0", "data.points=120"]
            if head == "mse"
            else ["data.kind=toy", "data.toy=xor", "data.points=120", f"model.head={head}"]
        )
        cases.append(
            [
                *data,
                "model.hidden=[6,5]",
                f"model.activation={acts[i % len(acts)]}",
                f"model.init={inits[i % len(inits)]}",
                f"training.optimizer={opts[i % len(opts)]}",
                f"training.schedule={schedules[i % len(schedules)]}",
                "training.step_size=2",
                "training.learning_rate=0.02",
                "training.weight_decay=0.001",
                "training.batch_size=16",
                "training.epochs=6",
            ]
        )
    return cases


@pytest.mark.parametrize(
    "overrides",
    [
        *registry_cases(),
        # 2-D input, noise, early stopping with the best weights restored, float64
        [
            "data.formula=sin(pi*x1) * cos(pi*x2)",
            "data.step=0",
            "data.points=200",
            "data.noise=0.05",
            "model.hidden=[12,8]",
            "model.activation=relu",
            "training.optimizer=nesterov",
            "training.schedule=cosine",
            "training.early_stopping=true",
            "training.patience=3",
            "training.epochs=40",
            "training.dtype=float64",
        ],
        # 4 inputs sampled at random, divided by max |y|; 5-class spiral (softmax); a
        # condition's classes with noise on the inputs
        [
            "data.formula=x1*x2 + sin(x3) - x4",
            "data.step=0",
            "data.points=150",
            "data.normalize_by=max_abs",
            "model.hidden=[5]",
            "training.epochs=8",
        ],
        [
            "data.kind=toy",
            "data.toy=spiral",
            "data.classes=5",
            "data.points=150",
            "model.hidden=[8]",
            "training.epochs=6",
        ],  # fmt: skip
        [
            "data.kind=formula-class",
            "data.condition=x1**2 + x2**2 < 0.5 or x1 > 0.7",
            "data.domain=[-1, 1, -2, 2]",
            "data.noise=0.05",
            "data.points=150",
            "model.hidden=[8]",
            "training.epochs=6",
        ],  # fmt: skip
    ],
)
def test_numpy_script_prints_the_summary_of_mlpstudio_train(tmp_path, overrides):
    config = Config().with_overrides(overrides)
    source = numpy_script(config)
    assert imported_modules(source) <= ALLOWED_IMPORTS  # numpy only: no mlpstudio, no eval
    path = tmp_path / "experiment.py"
    path.write_text(source, encoding="utf-8")
    assert_same_summary(summary_of(run_script(path)), engine_summary(config), rel=1e-6)


def test_the_course_example_is_reproduced(tmp_path):
    config = Config().with_overrides(["training.epochs=300"])
    source = numpy_script(config)
    for function in (ACTIVATIONS["tanh"].forward, ACTIVATIONS["tanh"].derivative,
                     HEADS["mse"].delta, OPTIMIZERS["adam"].update):  # fmt: skip
        assert textwrap.dedent(inspect.getsource(function)) in source  # the engine's own code
    path = tmp_path / "course.py"
    path.write_text(source, encoding="utf-8")
    ours, theirs = summary_of(run_script(path)), engine_summary(config)
    assert_same_summary(ours, theirs, rel=1e-6)
    assert theirs["test_r2"] > 0.5  # a run that learned, not two equal failures


def test_unknown_names_raise_instead_of_falling_back():
    for section, key in (
        ("model", "activation"),
        ("model", "head"),
        ("model", "init"),
        ("training", "optimizer"),
        ("training", "schedule"),
    ):
        config = Config()
        setattr(getattr(config, section), key, "no-such-entry")
        for make in (numpy_script, pytorch_script):
            with pytest.raises(ConfigError, match=f"{section}.{key}.*no-such-entry"):
                make(config)
    config = Config().with_overrides(["data.kind=toy"])
    config.data.toy = "no-such-set"
    with pytest.raises(DataError, match="no-such-set"):
        numpy_script(config)


def test_templates_import_on_their_own_and_scripts_have_no_undefined_names(tmp_path):
    package = "mlpstudio.experiment.export_templates"
    for name in ("data_split", "data_function", "data_toy", "data_images", "run_common",
                 "numpy_engine", "stand_ins"):  # fmt: skip
        importlib.import_module(f"{package}.{name}")
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    configs = {
        "function": Config(),
        "toy": Config().with_overrides(["data.kind=toy", "data.toy=spiral"]),
        "images": Config().with_overrides(["data.kind=cifar100", "data.root=."]),
    }
    for name, config in configs.items():
        (tmp_path / f"{name}_np.py").write_text(numpy_script(config), encoding="utf-8")
        (tmp_path / f"{name}_torch.py").write_text(pytorch_script(config), encoding="utf-8")
    result = subprocess.run(
        [ruff, "check", "--isolated", "--select", "F,E9", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_numpy_script_rebuilds_the_same_data(tmp_path):
    """make_data() of the script equals the app's dataset, for formulas that exercise every
    operator, constant and function form the exporter writes."""
    formulas = [
        "sin(3*pi*x) + cos(2*pi*x)",
        "-x**2 + 2**-x - (1/3)*abs(x) + e**x/10",
        "minimum(x, 0.5) + maximum(sign(x), 0) + arctan2(x, 2) + hypot(x, 1)",
        "sqrt(abs(x)) * log(2 + x) + floor(3*x)/4 + sinc(2*x) + tanh(x) - log10(3) + log2(5)",
        "sin(pi*x1) * cos(pi*x2) + x1**2",
    ]
    scripts = []
    for i, formula in enumerate(formulas):
        config = Config().with_overrides([f"data.formula={formula}", "data.noise=0.1"])
        path = tmp_path / f"s{i}.py"
        path.write_text(numpy_script(config), encoding="utf-8")
        scripts.append(str(path))
    driver = textwrap.dedent(
        """
        import runpy, sys
        import numpy as np
        for i, script in enumerate(sys.argv[1:]):
            xtr, ytr, xte, yte = runpy.run_path(script, run_name="exported")["make_data"]()
            np.savez(script + ".npz", xtr=xtr, ytr=ytr, xte=xte, yte=yte)
        """
    )
    subprocess.run([sys.executable, "-c", driver, *scripts], check=True, timeout=120)
    for formula, script in zip(formulas, scripts):
        dataset = build_dataset(
            Config().with_overrides([f"data.formula={formula}", "data.noise=0.1"]).data
        )
        with np.load(script + ".npz", allow_pickle=False) as got:
            np.testing.assert_array_equal(got["xtr"], dataset.x_train)
            np.testing.assert_array_equal(got["ytr"], dataset.y_train)
            np.testing.assert_array_equal(got["xte"], dataset.x_test)
            np.testing.assert_array_equal(got["yte"], dataset.y_test)


def test_formula_code_is_generated_from_the_parse_tree():
    code, variables = formula_to_numpy("sin(3*pi*x) + cos(2*pi*x)")
    assert code == "np.sin(3.0 * np.pi * x) + np.cos(2.0 * np.pi * x)"
    assert variables == ("x",)
    code, variables = formula_to_numpy("1/0 + (-8)**(1/3) + x1*x2")
    assert "np.true_divide(1.0, 0.0)" in code and variables == ("x1", "x2")
    for hostile in ("__import__('os').system('echo hi')", "x.real", "[x][0]", "exec('1')"):
        with pytest.raises(FormulaError):
            formula_to_numpy(hostile)


def test_user_text_only_appears_inside_string_literals():
    # Python's parser drops comments, so the app accepts this formula; the script must keep
    # the text inert (a string constant) and compute only sin(x) + 0*x.
    formula = 'sin(x) + 0*x  # """; import os'
    config = Config()
    config.data.formula = formula
    source = numpy_script(config)
    assert imported_modules(source) <= ALLOWED_IMPORTS
    constants = {
        node.targets[0].id: node.value.value
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
    }
    assert constants["FORMULA"] == formula
    assert "return np.sin(x) + 0.0 * x\n" in source

    config = Config()
    config.data.kind = "mnist"
    config.data.root = 'C:\\data\\"quoted"\nimport os'
    source = numpy_script(config, data_root=None)
    tree = ast.parse(source)  # still valid Python, and the root is one string constant
    roots = [
        node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "DATA_ROOT"
    ]
    assert roots == [config.data.root]
    assert imported_modules(source) <= ALLOWED_IMPORTS


def test_numpy_script_reads_image_files(tmp_path, shared_datasets):
    config = Config().with_overrides(
        [
            "data.kind=mnist",
            "data.subset=300",
            "model.hidden=[32]",
            "model.activation=relu",
            "training.epochs=2",
        ]
    )
    path = tmp_path / "mnist.py"
    path.write_text(numpy_script(config, data_root=str(shared_datasets / "mnist")), "utf-8")
    lines = run_script(path)
    assert lines[0].startswith("layers [784, 32, 10]: 25450 parameters; 300 train / 300 test")
    config.data.root = str(shared_datasets / "mnist")
    ours, theirs = summary_of(lines), engine_summary(config)
    assert_same_summary(ours, theirs, rel=1e-6)
    assert 0.3 < ours["test_accuracy"] <= 1.0


def test_numpy_script_reads_cifar_records_named_by_the_catalogue(tmp_path, shared_datasets):
    """The CIFAR-10 subset, laid out as the official archive unpacks (file names and folder
    from the catalogue): the script reads the same records as the app."""
    folder = tmp_path / "cifar" / "cifar-10-batches-bin"
    folder.mkdir(parents=True)
    subset = shared_datasets / "cifar10-subset"
    (folder / "data_batch_1.bin").write_bytes((subset / "data_batch_1_first4000.bin").read_bytes())
    (folder / "test_batch.bin").write_bytes((subset / "test_batch_first1000.bin").read_bytes())
    config = Config().with_overrides(
        [
            "data.kind=cifar10",
            f"data.root={tmp_path / 'cifar'}",
            "data.subset=200",
            "model.hidden=[16]",
            "model.activation=relu",
            "training.epochs=2",
        ]
    )
    path = tmp_path / "cifar.py"
    path.write_text(numpy_script(config), "utf-8")
    lines = run_script(path)
    assert lines[0].startswith("layers [3072, 16, 10]")
    assert_same_summary(summary_of(lines), engine_summary(config), rel=1e-6)


# -- the PyTorch script ----------------------------------------------------------------------
#: The PyTorch script starts from MLP Studio's weights and batches; PyTorch sums in its own
#: order, so the float32 results drift apart a little over training (benchmarks/export_parity.py
#: measures it for every activation x optimiser x head: at most TORCH_RTOL in the test loss).
TORCH_RTOL = 1e-3


@pytest.mark.skipif(
    importlib.util.find_spec("torch") is None, reason="PyTorch is not installed (pip install torch)"
)
@pytest.mark.parametrize(
    "overrides",
    [
        ["training.epochs=150", "training.schedule=step", "training.step_size=50"],
        [
            "data.kind=toy",
            "data.toy=circle",
            "model.head=softmax",
            "training.optimizer=momentum",
            "training.schedule=cosine",
            "training.weight_decay=0.001",
            "training.epochs=20",
        ],
    ],  # fmt: skip
)
def test_pytorch_script_matches_the_app(tmp_path, overrides):
    config = Config().with_overrides(overrides)
    source = pytorch_script(config)
    assert "from torch import nn" in source and "torch.optim." in source
    assert imported_modules(source) <= ALLOWED_IMPORTS | {"torch"}
    path = tmp_path / "experiment_torch.py"
    path.write_text(source, encoding="utf-8")
    lines = run_script(path, timeout=300)
    ours, theirs = summary_of(lines), engine_summary(config)
    assert ours["backend"] == "torch" and ours["layers"] == theirs["layers"]
    for key in ("test_loss", "train_loss", "test_mse", "test_accuracy"):
        if key in theirs:
            assert ours[key] == pytest.approx(theirs[key], rel=TORCH_RTOL), key


# -- HTML report -----------------------------------------------------------------------------
def tiny_png() -> bytes:
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_html_report_escapes_user_text_and_embeds_figures():
    config = Config()
    config.data.formula = "<script>alert('x')</script> sin(x)"
    history = {
        "epoch": np.arange(5.0),
        "train_loss": np.array([1.0, 0.5, 0.2, 0.1, 0.05]),
        "test_loss": np.array([1.1, 0.6, 0.3, 0.2, 0.1]),
    }
    summary = {"params": 31, "layers": [1, 10, 1], "test_mse": 0.1, "note": "<b>bold</b>"}
    png = tiny_png()
    page = html_report(config, summary, history, {"loss <curve>": png})
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "loss &lt;curve&gt;" in page
    assert "data:image/png;base64," + base64.b64encode(png).decode() in page
    assert "10x1+10 + 1x10+1 = 31" in page  # the parameter count formula
    assert "<svg" in page and "<polyline" in page  # the loss curve, drawn inline
    assert 'src="http' not in page and "href=" not in page  # nothing loaded from outside
    with pytest.raises(ValueError, match="PNG"):
        html_report(config, summary, history, {"not a png": b"GIF89a"})


# -- CSV and files ---------------------------------------------------------------------------
def test_history_csv_export_round_trips(tmp_path):
    final = build_trainer(Config().with_overrides(["training.epochs=5"])).run()
    path = export_history_csv(tmp_path / "history.csv", final.history)
    back = read_history_csv(path)
    assert list(back) == list(final.history)
    for column in final.history:
        np.testing.assert_allclose(back[column], final.history[column], equal_nan=True)
    atomic_write_text(tmp_path / "notes.txt", json.dumps({"ok": True}))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.csv", "notes.txt"]
