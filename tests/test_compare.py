"""Architecture comparison: parsing, grids, one dataset and one seed for every row, stopping
from another thread, and the ``compare`` command."""

import argparse
import json
import subprocess
import sys
import threading

import pytest

from mlpstudio.cli import bad_input_types
from mlpstudio.cli.compare import add_compare_command
from mlpstudio.experiment import compare as compare_module
from mlpstudio.experiment.build import build_dataset, build_trainer
from mlpstudio.experiment.compare import (
    Comparison,
    grid,
    parse_architectures,
    rows_csv,
)
from mlpstudio.experiment.config import Config, ConfigError


def course(epochs=20):
    return Config().with_overrides([f"training.epochs={epochs}"])


def run_compare(argv):
    """Parse ``argv`` with a parser holding only ``compare`` and map errors like cli.main."""
    parser = argparse.ArgumentParser(prog="mlpstudio")
    add_compare_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["compare", *argv])
    try:
        return args.handler(args)
    except bad_input_types() as exc:
        print(f"mlpstudio: error: {exc}", file=sys.stderr)
        return 2


def test_parse_architectures():
    specs = ["10", "50,50", "0", " [20, 30] ", "none"]
    assert parse_architectures(specs) == [[10], [50, 50], [], [20, 30], []]
    for ambiguous, why in (("10 50", "ambiguous"), ("10,,5", "missing"), ("", "empty"),
                           ("10;50", "ambiguous")):  # fmt: skip
        with pytest.raises(ConfigError, match=why):
            parse_architectures([ambiguous])
    with pytest.raises(ConfigError) as info:
        parse_architectures(["10,x", "0,5", "-3"])
    problems = info.value.problems
    assert len(problems) == 3
    assert "'x' is not a whole number" in problems[0]
    assert "from 1 to 65,536 (got 0)" in problems[1] and "(got -3)" in problems[2]


def test_grid():
    assert grid([1, 2], [10, 50]) == [[10], [50], [10, 10], [50, 50]]
    assert grid([0, 1], [5, 6]) == [[], [5], [6]]
    with pytest.raises(ConfigError, match="grid width 0"):
        grid([1], [0])


def test_three_architectures_on_the_course_example(monkeypatch):
    built = []
    original = compare_module.build_dataset

    def counting(data):
        built.append(data)
        return original(data)

    monkeypatch.setattr(compare_module, "build_dataset", counting)
    config = course(epochs=20)
    comparison = Comparison(config, parse_architectures(["10", "50", "50,50"]))
    assert comparison.parameter_counts() == [31, 151, 2701]
    seen = []
    rows = comparison.run(on_row=seen.append)

    assert len(built) == 1  # the dataset is built once for all architectures
    assert seen == rows and len(rows) == 3
    assert [r.params for r in rows] == [31, 151, 2701]
    assert [r.label for r in rows] == ["1-10-1", "1-50-1", "1-50-50-1"]
    assert all(r.status == "finished" and r.epochs == 20 and r.metric == "r2" for r in rows)
    # The same data, seed and options as a plain training run of the same architecture.
    reference = build_trainer(config).run()
    assert rows[0].test_loss == reference.last("test_loss")
    assert rows[0].train_loss == reference.last("train_loss")
    assert rows[0].to_dict()["test_mse"] == rows[0].test_loss
    assert rows_csv(rows).splitlines()[3].startswith("50x50,1-50-50-1,2701,")


def test_no_hidden_layer_and_classification():
    config = Config().with_overrides(["data.kind=toy", "data.toy=gaussians", "training.epochs=5"])
    rows = Comparison(config, [[], [4]]).run()
    assert [r.layers for r in rows] == [[2, 1], [2, 4, 1]]
    assert [r.params for r in rows] == [3, 17]
    assert all(r.metric == "accuracy" and 0.0 <= r.test_metric <= 1.0 for r in rows)
    assert "test_accuracy" in rows[0].to_dict()


def test_stop_from_another_thread_ends_the_comparison():
    config = course(epochs=1_000_000)
    started = threading.Event()

    def progress(index, hidden, snapshot):
        if snapshot.epoch >= 1:
            started.set()

    comparison = Comparison(config, [[10], [50], [50, 50]], progress=progress)
    comparison.snapshot_interval = 0.0
    rows = []
    worker = threading.Thread(target=lambda: rows.extend(comparison))
    worker.start()
    assert started.wait(timeout=120)
    comparison.stop()
    worker.join(timeout=120)
    assert not worker.is_alive()
    assert len(rows) == 1 and rows[0].status == "stopped" and rows[0].hidden == [10]
    assert 1 <= rows[0].epochs < 1_000_000


def test_per_layer_activations_are_refused():
    config = Config().with_overrides(["model.hidden=[5,5]", 'model.activation=["relu", "tanh"]'])
    with pytest.raises(ConfigError, match="one activation"):
        Comparison(config, [[10]])


def test_a_per_layer_list_of_one_name_compares_architectures_of_its_depth(capsys):
    code = run_compare(["--hidden", "10,10", "--epochs", "2", "--json",
                        "--set", 'model.activation=["tanh","tanh"]'])  # fmt: skip
    assert code == 0
    rows = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["rows"]
    assert [r["params"] for r in rows] == [10 * 2 + 10 * 11 + 11]


def test_compare_command_json(capsys):
    code = run_compare(["--hidden", "10", "--hidden", "50", "--epochs", "50", "--json"])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    result = json.loads(out[-1])
    assert [r["params"] for r in result["rows"]] == [31, 151]
    assert [r["hidden"] for r in result["rows"]] == [[10], [50]]
    assert all(r["epochs"] == 50 and r["status"] == "finished" for r in result["rows"])
    assert out[0].split()[:3] == ["hidden", "layers", "params"]


def test_compare_command_grid_and_outputs(tmp_path, capsys):
    out = tmp_path / "cmp"
    code = run_compare(
        ["--grid-depths", "1", "2", "--grid-widths", "5", "--epochs", "3", "--out", str(out)]
    )
    assert code == 0
    lines = (out / "compare.csv").read_text().splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["5", "5x5"]
    assert len(json.loads((out / "compare.json").read_text())["rows"]) == 2
    assert (out / "config.toml").exists()
    assert "written to" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--hidden", "10,x"], "not a whole number"),
        (["--grid-depths", "1"], "--grid-depths and --grid-widths together"),
        (["--set", "training.optimizer=adamw"], "training.optimizer"),
        # a per-layer list is checked against the architectures compared, not the preset's
        (["--hidden", "10,10", "--set", 'model.activation=["tanh","relu"]'], "one activation"),
        (
            ["--hidden", "10,10", "--set", 'model.activation=["tanh","tanh","tanh"]'],
            "2 hidden layers need 2 activations, got 3",
        ),  # fmt: skip
    ],
)
def test_compare_command_bad_input_exits_2(capsys, argv, message):
    assert run_compare([*argv, "--epochs", "2"]) == 2
    assert message in capsys.readouterr().err


def test_python_m_mlpstudio_compare():
    from mlpstudio.cli import build_parser

    commands = build_parser()._subparsers._group_actions[0].choices
    if "compare" not in commands:
        pytest.skip("cli.build_parser does not register add_compare_command yet")
    result = subprocess.run(
        [sys.executable, "-m", "mlpstudio", "compare", "--hidden", "10", "--hidden", "50"]
        + ["--epochs", "50", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout.strip().splitlines()[-1])["rows"]
    assert [r["params"] for r in rows] == [31, 151]


def test_a_given_dataset_is_the_one_trained_and_measured(monkeypatch):
    """Given a dataset, the comparison builds none and every row's losses are measured on it:
    here the course example's targets turned upside down, which the config alone would not
    give, so a row trained or tested on a rebuilt dataset would not match."""
    import dataclasses

    import numpy as np

    own = build_dataset(course().data)
    flipped = dataclasses.replace(own, y_train=-own.y_train, y_test=-own.y_test)

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the comparison built a dataset of its own")

    monkeypatch.setattr(compare_module, "build_dataset", no_rebuild)
    comparison = Comparison(course(epochs=30), [[3], [8]], dataset=flipped)
    rows = comparison.run()
    assert comparison.dataset is flipped
    for row in rows:
        x_test, y_test = np.asarray(flipped.x_test), np.asarray(flipped.y_test)
        on_given = row.network.loss(x_test, y_test)
        on_own = row.network.loss(np.asarray(own.x_test), np.asarray(own.y_test))
        assert row.test_loss == pytest.approx(on_given, rel=1e-5)
        assert abs(on_own - on_given) > 0.1 * on_given  # the two datasets are told apart
