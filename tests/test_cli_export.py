"""`mlpstudio export` and `mlpstudio train FILE.mlpx`: the same options as train, refusals as
one paragraph with exit 2, files written whole, and a continued run equal to a straight one."""

import json

import numpy as np
import pytest

from mlpstudio.cli import main
from mlpstudio.experiment import archive
from mlpstudio.experiment.files import read_history_csv


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, err: str, words: str) -> None:
    assert code == 2
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert words in err


def test_export_scripts_take_train_s_options(tmp_path, capsys):
    out = tmp_path / "xor.py"
    code, _, _ = run(
        capsys, "export", "numpy", "--preset", "xor", "--set", "model.hidden=[7]",
        "--epochs", "3", "--out", str(out),
    )  # fmt: skip
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "HIDDEN = [7]" in text and "EPOCHS = 3" in text and 'TOY = "xor"' in text
    code, _, _ = run(capsys, "export", "pytorch", "--epochs", "2", "--out", str(out))
    assert code == 0 and "from torch import nn" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xor.py"]  # no temporary left


def test_report_and_csv_of_a_config_train_it_first(tmp_path, capsys):
    html, csv = tmp_path / "r.html", tmp_path / "h.csv"
    code, _, err = run(capsys, "export", "report", "--epochs", "4", "--out", str(html))
    assert code == 0 and "training the experiment first" in err
    page = html.read_text(encoding="utf-8")
    assert "<h2>Results</h2>" in page and "<th>Test MSE</th>" in page
    code, _, _ = run(capsys, "export", "csv", "--epochs", "4", "--out", str(csv))
    assert code == 0
    assert list(read_history_csv(csv)["epoch"]) == [0, 1, 2, 3, 4]


def test_report_and_csv_of_a_saved_run_use_its_history(tmp_path, capsys):
    saved, csv = tmp_path / "run.mlpx", tmp_path / "h.csv"
    assert run(capsys, "train", "--epochs", "5", "--save", str(saved))[0] == 0
    code, _, err = run(capsys, "export", "csv", str(saved), "--out", str(csv))
    assert code == 0 and "training" not in err
    history = archive.load_experiment(saved).history
    back = read_history_csv(csv)
    np.testing.assert_allclose(back["test_loss"], history["test_loss"])
    code, _, err = run(capsys, "export", "report", str(saved), "--epochs", "3", "--out", str(csv))
    assert_refused(code, err, "--epochs and --set would describe another run")


@pytest.mark.parametrize(
    "argv, words",
    [
        (["export", "numpy"], "--out needs the name of the file"),
        (["export", "numpy", "--out", "{tmp}"], "names a folder"),
        (["export", "numpy", "--out", "{tmp}/missing/x.py"], "does not exist"),
        (["export", "numpy", "--set", "model.activation=nope", "--out", "{tmp}/x.py"], "nope"),
        (["export", "csv", "{tmp}/no.mlpx", "--out", "{tmp}/x.csv"], "no such file"),
        (["export", "numpy", "{tmp}/a.mlpx", "--preset", "xor", "--out", "{tmp}/x.py"], "not both"),
        (["export", "numpy", "--set", "data.kind=csv", "--out", "{tmp}/x.py"], "CSV"),
        (["train", "{tmp}/no.mlpx"], "no such file"),
        (["train", "--epochs", "2", "--save", "{tmp}/missing/a.mlpx"], "does not exist"),
    ],
)
def test_refusals_are_one_paragraph(tmp_path, capsys, argv, words):
    (tmp_path / "a.mlpx").write_bytes(b"not a zip")
    code, _, err = run(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert_refused(code, err, words)
    assert not (tmp_path / "x.py").exists() and not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("optimizer", ["adam", "momentum"])
def test_twenty_and_twenty_epochs_equal_forty(tmp_path, capsys, optimizer):
    common = ["--set", f"training.optimizer={optimizer}", "--set", "data.noise=0.05"]
    a, b, c = (tmp_path / f"{n}.mlpx" for n in "abc")
    assert run(capsys, "train", *common, "--epochs", "20", "--save", str(a))[0] == 0
    code, out, _ = run(capsys, "train", str(a), "--epochs", "20", "--save", str(b), "--json")
    assert code == 0 and json.loads(out.splitlines()[-1])["epochs"] == 40
    assert run(capsys, "train", *common, "--epochs", "40", "--save", str(c))[0] == 0
    continued, straight = archive.load_experiment(b), archive.load_experiment(c)
    assert continued.epochs == straight.epochs == 40
    np.testing.assert_allclose(continued.params, straight.params, rtol=1e-6, atol=1e-7)
    for key in straight.optimizer_state:
        np.testing.assert_allclose(
            continued.optimizer_state[key], straight.optimizer_state[key], rtol=1e-6, atol=1e-9
        )
    for column in ("epoch", "train_loss", "test_loss", "test_metric"):
        np.testing.assert_allclose(continued.history[column], straight.history[column], rtol=1e-6)
    assert not np.allclose(archive.load_experiment(a).params, straight.params)  # it trained on
    code, _, err = run(capsys, "train", str(b))
    assert_refused(code, err, "has already trained 40 epochs")


@pytest.mark.parametrize(
    "change, key",
    [
        (["--set", "model.hidden=[5]"], "model.hidden"),
        (["--set", "model.activation=relu"], "model.activation"),
        (["--set", "training.optimizer=sgd"], "training.optimizer"),
        (["--set", "training.dtype=float64"], "training.dtype"),
        (["--seed", "5"], "data.seed, training.seed"),
        (["--set", "data.noise=0.1"], "data.noise"),
    ],
)
def test_a_continued_run_refuses_changes_its_saved_state_cannot_follow(
    tmp_path, capsys, change, key
):
    saved = tmp_path / "run.mlpx"
    assert run(capsys, "train", "--epochs", "3", "--save", str(saved))[0] == 0
    before = saved.read_bytes()
    code, _, err = run(capsys, "train", str(saved), "--epochs", "2", *change, "--save", str(saved))
    assert_refused(code, err, f"so {key} cannot change")
    assert saved.read_bytes() == before
    # what may change between sessions still does
    code, _, _ = run(
        capsys, "train", str(saved), "--epochs", "2", "--set", "training.learning_rate=0.001",
    )  # fmt: skip
    assert code == 0


@pytest.mark.parametrize(
    "optimizer, option",
    [("adam", "training.momentum=0.5"), ("rmsprop", "training.beta1=0.8"),
     ("sgd", "training.eps=1e-6"), ("adam", "training.min_lr_factor=0.5")],
)  # fmt: skip
def test_an_option_of_another_optimiser_or_schedule_is_refused(capsys, optimizer, option):
    code, _, err = run(
        capsys, "train", "--epochs", "1",
        "--set", f"training.optimizer={optimizer}", "--set", option,
    )  # fmt: skip
    assert_refused(code, err, "so it would change nothing")


def test_export_refuses_targets_that_are_not_plain_new_or_own_files(tmp_path, capsys):
    import os

    config = tmp_path / "c.toml"
    config.write_text("[model]\nhidden = [4]\n", encoding="utf-8")
    link = tmp_path / "link.py"
    link.symlink_to(tmp_path / "nowhere.py")
    cases = [(str(config), "is the input file itself"), (str(link), "is a link"),
             (str(tmp_path / "sub") + "/", "names a folder")]  # fmt: skip
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe")
        cases.append((str(tmp_path / "pipe"), "is not a plain file"))
    for out, words in cases:
        code, _, err = run(capsys, "export", "numpy", str(config), "--out", out)
        assert_refused(code, err, words)
    assert config.read_text(encoding="utf-8") == "[model]\nhidden = [4]\n"
    assert link.is_symlink() and not (tmp_path / "nowhere.py").exists()


def test_compare_and_explain_read_a_saved_experiment_s_configuration(tmp_path, capsys):
    saved = tmp_path / "run.mlpx"
    assert run(capsys, "train", "--epochs", "2", "--set", "model.hidden=[3]",
               "--save", str(saved))[0] == 0  # fmt: skip
    code, out, _ = run(capsys, "explain", "backprop", str(saved), "--json")
    assert code == 0 and json.loads(out.strip().splitlines()[-1])["sizes"] == [1, 3, 1]
    code, out, _ = run(capsys, "compare", str(saved), "--hidden", "4", "--epochs", "2")
    assert code == 0 and "1-4-1" in out
