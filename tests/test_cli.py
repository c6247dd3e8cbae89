"""The command line: exit codes, JSON summary, outputs, messages without tracebacks."""

import json
import subprocess
import sys

import numpy as np
import pytest

from mlpstudio import __version__
from mlpstudio.cli import main


def run_cli(*args, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "mlpstudio", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_train_preset_json_and_outputs(tmp_path):
    out = tmp_path / "run"
    result = run_cli(
        "train", "--preset", "course-sine", "--epochs", "200", "--json", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    for key in ("params", "epochs", "seconds", "train_loss", "test_loss", "test_mse", "test_r2"):
        assert key in summary
    assert summary["params"] == 31 and summary["epochs"] == 200
    assert summary["test_mse"] == pytest.approx(summary["test_loss"], rel=1e-4)
    # files: history with a row per epoch (plus the untrained row), weights without pickle
    history = (out / "history.csv").read_text().splitlines()
    assert history[0].startswith("epoch,train_loss,test_loss")
    assert len(history) == 1 + 201
    with np.load(out / "model.npz", allow_pickle=False) as data:
        assert data["W1"].shape == (10, 1) and data["W2"].shape == (1, 10)
    from mlpstudio.experiment.files import load_model_arrays

    (w1, b1), (w2, b2) = load_model_arrays(out / "model.npz")
    assert w1.shape == (10, 1) and b2.shape == (1,)
    meta = json.loads((out / "model.json").read_text())
    assert meta["model"]["parameters"] == 31
    assert meta["config"]["training"]["epochs"] == 200
    assert not list(out.glob("*.part"))  # no temporary files left behind


def test_classification_json_reports_accuracy(capsys):
    code = main(["train", "--preset", "xor", "--epochs", "50", "--json"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert 0.0 <= summary["test_accuracy"] <= 1.0
    assert "test_mse" not in summary


def test_config_file_and_set(tmp_path, capsys):
    path = tmp_path / "exp.toml"
    path.write_text("[model]\nhidden = [5]\n[training]\nepochs = 20\n")
    code = main(["train", str(path), "--set", "model.hidden=[4,3]", "--json"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["layers"] == [1, 4, 3, 1] and summary["epochs"] == 20


@pytest.mark.parametrize(
    "args,fragment",
    [
        (["train", "--set", "data.formula=__import__('os')"], "not an allowed function"),
        (["train", "--set", "data.formula=log(x)"], "not defined on the whole domain"),
        (["train", "--set", "training.optimizer=lion"], "training.optimizer"),
        (["train", "--set", "model.hiden=[3]"], "did you mean 'hidden'"),
        (["train", "/nonexistent/exp.toml"], "cannot be read"),
        (["train", "--set", "model.head=softmax"], "model.head"),
        (["train", "--set", "data.domain=[1,0]"], "start below"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(args, fragment):
    result = run_cli(*args)
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1  # one paragraph


def test_diverging_run_exits_1_with_the_reason(capsys):
    code = main(
        [
            "train",
            "--set",
            "training.optimizer=sgd",
            "--set",
            "training.learning_rate=50",
            "--epochs",
            "100",
            "--json",
        ]
    )
    assert code == 1
    captured = capsys.readouterr()
    assert "learning rate" in captured.err
    assert json.loads(captured.out.strip().splitlines()[-1])["status"] == "diverged"


def test_unknown_option_is_a_usage_error():
    result = run_cli("train", "--bogus")
    assert result.returncode == 2
    assert "unrecognised arguments" in result.stderr or "unrecognized" in result.stderr


def test_formula_with_a_singularity_warns_on_stderr_and_still_trains(capsys):
    code = main(["train", "--epochs", "3", "--set", 'data.formula="1/x"'])
    assert code == 0
    err = capsys.readouterr().err
    assert "warning" in err and "1/x" in err and "near x = 0:" in err
    assert len(err.strip().splitlines()) == 1


def test_formula_undefined_at_a_sample_point_is_refused(capsys):
    code = main(["train", "--epochs", "3", "--set", 'data.formula="1/(x+1)"'])
    assert code == 2
    err = capsys.readouterr().err
    assert "x = -1" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_run_that_did_not_learn_gets_a_note(capsys):
    """The same verdict as the window's message bar (core.insight.learning_verdict): the
    spiral with a learning rate of 10 overshoots; the course example learns."""
    args = ["train", "--preset", "spiral", "--epochs", "60", "--json",
            "--set", "model.hidden=[10]", "--set", "model.activation=tanh",
            "--set", "training.optimizer=sgd", "--set", "training.learning_rate=10",
            "--set", "training.batch_size=16"]  # fmt: skip
    assert main(args) == 0
    out, err = capsys.readouterr()
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["status"] == "finished"
    assert "mlpstudio: note: The network did not learn" in err
    assert "10 times smaller (10 now)" in err
    assert main(["train", "--epochs", "300"]) == 0
    assert "note:" not in capsys.readouterr().err


def test_a_diverged_run_says_the_same_true_epochs_in_its_summary_and_its_reason(capsys):
    """lr 10 with SGD: NaN during the first epoch; the untrained weights are what is kept,
    and the summary line and the reason agree on it."""
    code = main(["train", "--set", "training.learning_rate=10", "--set", "training.optimizer=sgd"])
    assert code == 1
    captured = capsys.readouterr()
    summary = captured.out.strip().splitlines()[-1]
    assert summary.startswith("diverged in ")
    assert "the weights of epoch 0 (untrained) were kept" in summary
    assert "after 0 epochs" not in summary
    assert "during epoch 1:" in captured.err
    assert "weights of epoch 0 (untrained) were kept" in captured.err


@pytest.mark.parametrize(
    ("assignment", "hint"),
    [
        ("training.learning_rate=0,01", "decimal point, not a comma: write 0.01"),
        ("data.noise=0,1", "decimal point, not a comma: write 0.1"),
        ("training.learning_rate=1,2,3", "decimal point, not a comma, e.g. 0.01"),
        ("training.epochs=1,000", "a whole number has no comma: write 1000"),
    ],
)
def test_a_number_written_with_a_comma_gets_the_hint(capsys, assignment, hint):
    assert main(["train", "--set", assignment]) == 2
    err = capsys.readouterr().err
    assert hint in err and "(got '" in err and len(err.strip().splitlines()) == 1
