"""Exports: the numpy script reproduces the app's numbers, the PyTorch script runs, the HTML
report is self-contained and escapes what the user typed, the CSV round-trips."""

import ast
import base64
import importlib.util
import json
import struct
import subprocess
import sys
import textwrap
import zlib

import numpy as np
import pytest

from mlpstudio.core import metrics
from mlpstudio.data.expr import FormulaError
from mlpstudio.experiment.build import build_dataset, build_trainer
from mlpstudio.experiment.config import Config
from mlpstudio.experiment.exports import (
    export_history_csv,
    formula_to_numpy,
    html_report,
    numpy_script,
    pytorch_script,
)
from mlpstudio.experiment.files import atomic_write_text, read_history_csv

ALLOWED_IMPORTS = {"gzip", "math", "os", "struct", "sys", "numpy"}


def run_script(path, timeout=120) -> list[str]:
    result = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def last_value(lines, name) -> float:
    key, _, value = lines[-1].partition(" = ")
    assert key == name, lines[-1]
    return float(value)


def engine_result(config):
    """The app's final test MSE (from the kept weights) or accuracy for ``config``."""
    dataset = build_dataset(config.data)
    final = build_trainer(config, dataset=dataset).run()
    if dataset.task == "regression":
        y = np.asarray(dataset.y_test, dtype=np.float64)
        return "test_mse", metrics.mse(np, final.test_output.astype(np.float64), y)
    return "test_accuracy", metrics.accuracy(np, final.test_output, np.asarray(dataset.y_test))


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module.split(".")[0])
    return names


# -- the numpy script ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "overrides",
    [
        ["training.epochs=400"],  # the course example, shortened
        # 2-D input, noise, SGD with Nesterov momentum, cosine schedule, weight decay,
        # early stopping with the best weights restored, float64
        [
            "data.formula=sin(pi*x1) * cos(pi*x2)",
            "data.step=0",
            "data.points=400",
            "data.noise=0.05",
            "model.hidden=[12,8]",
            "model.activation=relu",
            "training.optimizer=nesterov",
            "training.schedule=cosine",
            "training.weight_decay=0.001",
            "training.early_stopping=true",
            "training.patience=5",
            "training.epochs=60",
            "training.dtype=float64",
        ],
        # classification: a toy set, sigmoid head
        ["data.kind=toy", "data.toy=xor", "model.hidden=[6]", "training.epochs=40"],
    ],
)
def test_numpy_script_reproduces_the_app(tmp_path, overrides):
    config = Config().with_overrides(overrides)
    source = numpy_script(config)
    assert imported_modules(source) <= ALLOWED_IMPORTS  # numpy only: no mlpstudio, no eval
    path = tmp_path / "experiment.py"
    path.write_text(source, encoding="utf-8")
    lines = run_script(path)
    name, expected = engine_result(config)
    ours = last_value(lines, name)
    if name == "test_mse":
        assert ours == pytest.approx(expected, rel=0.01)
    else:
        assert ours == pytest.approx(expected, abs=1e-9)


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
    assert 0.3 < last_value(lines, "test_accuracy") <= 1.0


# -- the PyTorch script ----------------------------------------------------------------------
@pytest.mark.skipif(
    importlib.util.find_spec("torch") is None, reason="PyTorch is not installed (pip install torch)"
)
def test_pytorch_script_runs_and_prints_the_metric(tmp_path):
    config = Config().with_overrides(["training.epochs=150", "training.schedule=step"])
    source = pytorch_script(config)
    assert "torch.nn" in source or "from torch import nn" in source
    assert imported_modules(source) <= ALLOWED_IMPORTS | {"torch"}
    path = tmp_path / "experiment_torch.py"
    path.write_text(source, encoding="utf-8")
    lines = run_script(path, timeout=300)
    mse = last_value(lines, "test_mse")
    assert 0.0 < mse < 0.2  # it learned something (the untrained net is near 0.25)
    assert any("31 parameters" in line for line in lines)


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
