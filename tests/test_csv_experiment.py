"""data.kind = csv through every door: the config keys, build_dataset (split and train-only
standardisation checked by hand), the command line, the exports and the experiment file that
carries the CSV bytes so that it reopens without the original."""

import json
import subprocess
import sys
import zipfile

import numpy as np
import pytest

from mlpstudio.cli import main
from mlpstudio.data.dataset import DataError
from mlpstudio.experiment import archive, exports
from mlpstudio.experiment.build import build_dataset, build_trainer
from mlpstudio.experiment.config import Config, ConfigError, config_from_dict

ROWS = [
    (1.0, 2.0, 3.5),
    (2.0, 4.0, 4.5),
    (3.0, 1.0, 1.0),
    (4.0, 0.0, 2.0),
    (5.0, 5.0, 6.0),
    (6.0, 3.0, 2.5),
    (7.0, 7.0, 9.0),
    (8.0, 2.0, 0.5),
    (9.0, 6.0, 3.0),
    (10.0, 8.0, 7.5),
]


@pytest.fixture
def houses(tmp_path):
    path = tmp_path / "houses.csv"
    path.write_text(
        "Rooms;Age;Price\n" + "".join(f"{a:g};{b:g};{c:g}\n".replace(".", ",") for a, b, c in ROWS),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def labels(tmp_path):
    path = tmp_path / "labels.csv"
    lines = ["x1,x2,kind"] + [f"{i},{i % 5},{'big' if i > 20 else 'small'}" for i in range(40)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def csv_config(path, *more):
    return Config().with_overrides(["data.kind=csv", f"data.path={path}", *more])


def test_config_keys_round_trip_and_column_by_name_or_number(houses):
    config = csv_config(houses, "data.target=3", "data.inputs=[1, 'Age']", "data.task=regression")
    assert config.data.target == "3" and config.data.inputs == ["1", "Age"]
    again = config_from_dict(__import__("tomllib").loads(config.to_toml()))
    assert again.to_dict() == config.to_dict()
    assert csv_config(houses, "data.target=Price").data.target == "Price"
    assert csv_config(houses, "data.inputs=Rooms,Age").data.inputs == ["Rooms", "Age"]
    with pytest.raises(ConfigError, match="data.target"):
        csv_config(houses, "data.target=0")
    with pytest.raises(ConfigError, match="data.delimiter"):
        csv_config(houses, "data.delimiter=x")
    with pytest.raises(ConfigError, match="data.task"):
        csv_config(houses, "data.task=guess")


def test_build_splits_with_the_seed_and_standardises_with_train_statistics(houses):
    config = csv_config(houses, "data.target=Price", "data.test_fraction=0.3", "data.seed=7")
    dataset = build_dataset(config.data)
    assert dataset.task == "regression" and dataset.name == "houses.csv"
    assert "houses.csv" in dataset.description
    # the hand computation: the same permutation as split_indices, mean/std of train rows only
    order = np.random.default_rng(7).permutation(10)
    test, train = order[:3], order[3:]
    raw = np.array(ROWS)
    mean, std = raw[train, :2].mean(axis=0), raw[train, :2].std(axis=0)
    np.testing.assert_allclose(dataset.x_train, (raw[train, :2] - mean) / std)
    np.testing.assert_allclose(dataset.x_test, (raw[test, :2] - mean) / std)
    divisor = np.abs(raw[train, 2]).max()  # normalize: the largest |y| of the train rows
    assert dataset.y_divisor == divisor
    np.testing.assert_allclose(dataset.y_train, raw[train, 2:] / divisor)  # (n, 1)
    np.testing.assert_allclose(dataset.y_test, raw[test, 2:] / divisor)
    assert abs(dataset.x_train.mean(axis=0)).max() < 1e-12
    assert abs(dataset.x_test.mean(axis=0)).max() > 1e-3  # test rows are not re-centred
    plain = build_dataset(
        csv_config(
            houses,
            "data.standardize=false",
            "data.normalize=false",
            "data.seed=7",
            "data.test_fraction=0.3",
        ).data
    )
    np.testing.assert_array_equal(plain.x_train, raw[train, :2])
    np.testing.assert_array_equal(plain.y_train, raw[train, 2:])  # the file's units
    assert plain.y_divisor == 1.0


def test_constant_column_is_centred_not_divided_by_zero(tmp_path):
    path = tmp_path / "flat.csv"
    path.write_text("a,b,y\n" + "".join(f"{i},5,{i * 2}\n" for i in range(10)), encoding="utf-8")
    dataset = build_dataset(csv_config(path).data)
    assert np.isfinite(dataset.x_train).all()
    assert (dataset.x_train[:, 1] == 0).all()


def test_classification_uses_the_tables_class_names(labels):
    dataset = build_dataset(csv_config(labels, "data.target=kind").data)
    assert dataset.task == "classification" and dataset.class_names == ("big", "small")
    assert dataset.y_train.dtype.kind == "i" and dataset.n_inputs == 2


def test_missing_path_is_a_data_error():
    with pytest.raises(DataError, match="data.path"):
        build_dataset(Config().with_overrides(["data.kind=csv"]).data)


def test_cli_trains_a_csv_with_no_preset(houses, labels, capsys):
    code = main(
        [
            "train",
            "--set",
            "data.kind=csv",
            "--set",
            f"data.path={houses}",
            "--set",
            "data.target=Price",
            "--epochs",
            "5",
            "--json",
        ]
    )
    assert code == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert "test_mse" in json.dumps(summary)
    code = main(
        [
            "train",
            "--set",
            "data.kind=csv",
            "--set",
            f"data.path={labels}",
            "--set",
            "data.target=3",
            "--epochs",
            "5",
            "--json",
        ]
    )
    assert code == 0
    assert "accuracy" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content, extra, fragment",
    [
        (None, [], "cannot be read"),
        (b"a,b\n\x00\x01\x02", [], "binary"),
        (b"", [], "empty"),
        (b"a,b,c\n", [], "no data rows"),
        (b"a,b,c\n1,2,3\n4,x,6\n5,6,7\n7,8,9\n", [], "line 3"),
        (b"a,b,c\n1,2,3\n4,5,6\n", ["--set", "data.target=Nope"], "Nope"),
        (b"a,b,c\n1,2,3\n4,5,6\n", ["--set", "data.target=9"], "3 columns"),
        (b"a,b,c\n1,2,3\n4,5,6\n", ["--set", "data.inputs=[3]", "--set", "data.target=3"], "both"),
        (b"a,b,c\n1,2,1\n4,5,1\n", ["--set", "data.task=classification"], "single class"),
        (b"a,a,c\n1,2,3\n4,5,6\n", [], "same name"),
        (b"a,b,c\n1,2,3\n4,5\n6,7,8\n", [], "2 fields"),
        (b"a,b,c\n1,2,3\n4,,6\n6,7,8\n", [], "missing"),
        (b"a,b,c\n1,2,3\n", [], "one data row"),
        (b"a,b,c\nx,2,3\ny,5,6\n", ["--set", "data.inputs=a"], "holds text"),
        (
            b"a;b;c\n1;2;3\n4;5;6\n",
            ["--set", "data.delimiter=;", "--set", "data.decimal=;"],
            "data.decimal",
        ),
        (
            b"a,b,c\n1,2,3\n4,5,6\n",
            ["--set", "data.delimiter=,", "--set", "data.decimal=,"],
            "cannot both",
        ),
        (b"abc\n1\n2\n", [], "one column"),
        (b"a,b,c\n1,2,3\n4,5,6\n", ["--set", "data.test_fraction=0.1"], "test fraction"),
    ],
)
def test_bad_files_exit_2_with_one_paragraph(tmp_path, content, extra, fragment):
    path = tmp_path / "bad.csv"
    if content is not None:
        path.write_bytes(content)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mlpstudio",
            "train",
            "--set",
            "data.kind=csv",
            "--set",
            f"data.path={path}",
            "--epochs",
            "2",
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_fifo_or_a_folder_is_refused_without_blocking(tmp_path):
    import os

    paths = [tmp_path]
    if hasattr(os, "mkfifo"):  # not on Windows
        paths.append(tmp_path / "pipe.csv")
        os.mkfifo(paths[-1])
    for path in paths:
        result = subprocess.run(
            [sys.executable, "-m", "mlpstudio", "train", "--set", "data.kind=csv",
             "--set", f"data.path={path}", "--epochs", "2"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert result.returncode == 2 and "not a regular file" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_script_exports_refuse_csv_and_the_report_names_the_file(houses):
    config = csv_config(houses, "data.target=Price")
    for make in (exports.numpy_script, exports.pytorch_script):
        with pytest.raises(ConfigError, match="csv"):
            make(config)
    report = exports.html_report(config, {"test_mse": 0.5}, {})
    assert "houses.csv" in report


def saved_csv_experiment(path, source):
    config = csv_config(source, "data.target=Price", "training.epochs=3")
    dataset = build_dataset(config.data)
    trainer = build_trainer(config, dataset=dataset, snapshot_interval=0.0)
    final = trainer.run()
    archive.save_experiment(path, config, trainer.network, final.history, trainer.optimizer.state())
    return config, dataset


def test_saved_experiment_embeds_the_csv_and_reopens_without_the_original(tmp_path, houses):
    target = tmp_path / "house.mlpx"
    config, dataset = saved_csv_experiment(target, houses)
    original = houses.read_bytes()
    with zipfile.ZipFile(target) as z:
        assert z.read(archive.CSV_MEMBER) == original
    houses.unlink()
    experiment = archive.load_experiment(target)
    assert experiment.embedded_csv == original
    store = tmp_path / "store"
    note = archive.use_embedded_csv(experiment, store)
    assert note and "houses.csv" in note
    copy = experiment.config.data.path
    assert copy.startswith(str(store)) and open(copy, "rb").read() == original
    again = build_dataset(experiment.config.data)
    np.testing.assert_array_equal(again.x_train, dataset.x_train)
    np.testing.assert_array_equal(again.y_test, dataset.y_test)
    archive.restore(experiment, again)  # the weights fit the rebuilt data
    # a second opening reuses the copy and a present original is left alone
    assert archive.use_embedded_csv(archive.load_experiment(target), store) is not None
    assert len(list(store.iterdir())) == 1


def test_csv_over_the_cap_is_referenced_not_embedded(tmp_path, houses, monkeypatch):
    monkeypatch.setattr(archive, "CSV_EMBED_MAX_BYTES", 10)
    target = tmp_path / "big.mlpx"
    saved_csv_experiment(target, houses)
    with zipfile.ZipFile(target) as z:
        assert archive.CSV_MEMBER not in z.namelist()
        meta = json.loads(z.read(archive.META))
    assert meta["data"]["embedded"] is None and meta["data"]["path"] == str(houses)
    assert archive.load_experiment(target).embedded_csv is None


def test_tampered_embedded_csv_is_refused(tmp_path, houses):
    target = tmp_path / "house.mlpx"
    saved_csv_experiment(target, houses)
    with zipfile.ZipFile(target) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members[archive.CSV_MEMBER] = members[archive.CSV_MEMBER].replace(b"Rooms", b"Rooma")
    bad = tmp_path / "bad.mlpx"
    with zipfile.ZipFile(bad, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
    with pytest.raises(archive.ArchiveError, match="checksum"):
        archive.load_experiment(bad)


def test_a_table_over_the_memory_budget_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from mlpstudio.data import tabular
    from mlpstudio.experiment import csv_data

    path = tmp_path / "long.csv"
    path.write_text("a,b,c\n" + "1,2,3\n" * 400_000, encoding="utf-8")
    assert tabular.estimated_bytes(path) >= 400_000 * 3 * 8  # at least the float64 data
    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", "16M")
    read = []
    monkeypatch.setattr(csv_data, "read_table", lambda *a, **k: read.append(1))
    with pytest.raises(DataError, match="memory budget"):
        build_dataset(csv_config(path).data)
    assert not read
    monkeypatch.undo()
    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", "1G")
    assert build_dataset(csv_config(path, "data.task=regression").data).n_inputs == 2
