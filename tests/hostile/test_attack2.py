"""Refusals and figures an attack session found wrong (issues 12/13, attack 2): each test
builds its own hostile input under tmp_path and checks the one-paragraph refusal, or the
corrected figure, against what the file really holds."""

import os

import numpy as np
import pytest

from mlpstudio.core import metrics
from mlpstudio.data.dataset import MAX_MAGNITUDE, DataError
from mlpstudio.data.functions import formula_class_dataset, function_dataset
from mlpstudio.data.tabular import (
    MAX_CSV_CLASSES,
    estimated_bytes,
    preview_csv,
    read_table,
)
from mlpstudio.experiment.config import Config, ConfigError, config_from_dict
from mlpstudio.experiment.csv_data import csv_dataset

from .conftest import assert_refused, cli_in_process, refusal, traced


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def csv_config(path, **changes):
    data = Config().data
    data.kind, data.path = "csv", str(path)
    for key, value in changes.items():
        setattr(data, key, value)
    return data


# -- A: memory --------------------------------------------------------------------------------
@pytest.mark.parametrize("labels", ["text", "integers"])
def test_a_target_of_more_classes_than_the_limit_is_refused_before_any_class_array(
    tmp_path, labels
):
    rows = 50 * MAX_CSV_CLASSES
    name = (lambda i: f"label{i}") if labels == "text" else str
    path = write(tmp_path, "ids.csv", "x,y\n" + "".join(f"{i},{name(i)}\n" for i in range(rows)))
    task = "auto" if labels == "text" else "classification"
    message = refusal(
        DataError, lambda: read_table(path, task=task), "ids.csv", '"y"', str(MAX_CSV_CLASSES)
    )
    assert f"line {MAX_CSV_CLASSES + 2}" in message  # stopped at the first value too many
    # exactly the limit is still a classification
    ok = write(
        tmp_path, "ok.csv", "x,y\n" + "".join(f"{i},c{i % MAX_CSV_CLASSES}\n" for i in range(rows))
    )
    assert len(read_table(ok).class_names) == MAX_CSV_CLASSES


def test_the_memory_estimate_bounds_the_traced_peak_of_reading_and_splitting(tmp_path):
    """The shape of the attack's 85 MB file (two short columns, whole-number target: classes),
    smaller: reading and splitting it must stay under the estimate made before reading."""
    path = write(tmp_path, "short.csv", "a,y\n" + "1,2\n3,4\n" * 100_000)
    estimate = estimated_bytes(path)
    dataset, peak_mb = traced(lambda: csv_dataset(csv_config(path)))
    peak = peak_mb * 2**20
    assert (
        dataset.task == "classification" and len(dataset.x_train) + len(dataset.x_test) == 200_000
    )
    assert peak <= estimate, (peak, estimate)


# -- B: no exception escapes ------------------------------------------------------------------
@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="Linux only")
def test_a_file_that_fails_while_read_is_refused_naming_it():
    for call in (read_table, preview_csv):
        refusal(
            DataError, lambda call=call: call("/proc/self/mem"), "/proc/self/mem", "cannot be read"
        )


def test_a_field_over_the_csv_limit_is_refused_by_the_preview_too(tmp_path):
    path = write(tmp_path, "wide.csv", "a," + "b" * 200_000 + "\n1,2\n")
    refusal(DataError, lambda: preview_csv(path), "wide.csv", "field larger")


# -- C: refused instead of wrong --------------------------------------------------------------
@pytest.mark.parametrize("condition", ["log(x1) < 0", "sqrt(x1) < 0.5", "x1/0 < 1"])
def test_a_condition_undefined_somewhere_on_the_domain_is_refused(condition):
    refusal(DataError, lambda: formula_class_dataset(condition), "cannot be decided", "x1 = ")
    assert formula_class_dataset("x1 < 0").n_classes == 2  # defined everywhere: accepted


def test_a_row_with_more_fields_than_the_header_is_refused_naming_its_line(tmp_path):
    path = write(tmp_path, "extra.csv", "a,b,y\n1,2,3\n4,5,6.5,99\n7,8,9\n")
    refusal(DataError, lambda: read_table(path), "extra.csv", "line 3", "4 fields", "3")
    quoted = write(tmp_path, "q.csv", 'a,b,y\n1,2,3\n"4,5",5,6,1\n7,8,9\n')
    refusal(DataError, lambda: read_table(quoted), "q.csv", "line 3", "4 fields")
    fine = write(tmp_path, "fine.csv", 'a,b,y\n1,2,3\n"4",5,6\n7,8,9\n')
    assert read_table(fine).x.tolist() == [[1, 2], [4, 5], [7, 8]]


def test_an_input_chosen_twice_is_refused(tmp_path):
    path = write(tmp_path, "t.csv", "a,b,y\n1,2,3\n4,5,6\n")
    refusal(DataError, lambda: read_table(path, inputs=["1", "1"]), '"a"', "more than once")
    refusal(DataError, lambda: read_table(path, inputs=["a", "1"]), '"a"', "more than once")


def test_classes_other_than_two_are_refused_for_a_condition():
    with pytest.raises(ConfigError, match="data.classes: a condition makes two classes"):
        config_from_dict({"data": {"kind": "formula-class", "classes": 3}})
    assert config_from_dict({"data": {"kind": "formula-class", "classes": 2}}).data.classes == 2


def test_r2_of_a_constant_target_agrees_with_scikit_learn():
    from sklearn.metrics import r2_score

    target = np.array([[2.0], [2.0], [2.0]])
    for output in ([[2.0], [2.0], [2.0]], [[1.0], [2.5], [2.0]], [[3.0], [3.0], [3.0]]):
        output = np.array(output)
        ours = metrics.r2_score(np, output, target)
        assert ours == r2_score(target, output, force_finite=True)
    assert metrics.r2_score(np, np.array([[0.5]]), np.array([[1.0]])) == 0.0  # one test row
    assert np.isnan(metrics.r2_score(np, np.array([[np.nan]]), np.array([[1.0]])))


@pytest.mark.parametrize("domain", [[-1e300, 1e300], [0, 1e308, 0, 1, 0, 1, 0, 1]])
def test_a_domain_beyond_float32_training_is_refused(domain):
    formula = "x" if len(domain) == 2 else "x1 + x2 + x3 + x4"
    refusal(
        DataError, lambda: function_dataset(formula, domain=domain), "domain", f"{MAX_MAGNITUDE:g}"
    )
    assert len(function_dataset("x", domain=[-MAX_MAGNITUDE, MAX_MAGNITUDE]).x_train) > 0


def test_a_csv_value_too_large_to_standardise_is_refused_naming_line_and_column(tmp_path):
    path = write(tmp_path, "big.csv", "a,b,y\n1,2,3\n4,1e300,6\n7,8,9\n")
    refusal(DataError, lambda: read_table(path), "big.csv", "line 3", '"b"', "1e+300")
    target = write(tmp_path, "bigy.csv", "a,y\n1,2\n4,-2e19\n7,8.5\n")
    refusal(DataError, lambda: read_table(target), "bigy.csv", "line 3", '"y"')


# -- D: refusals that say what and where ------------------------------------------------------
def test_an_underscore_number_is_named_with_line_and_column(tmp_path):
    path = write(tmp_path, "u.csv", "a,y\n1,2\n1_000,3\n")
    refusal(
        DataError, lambda: read_table(path), "u.csv", "line 3", '"a"', '"1_000" is not a number'
    )


def test_an_all_zero_csv_target_is_refused_naming_the_file_and_column(tmp_path):
    path = write(tmp_path, "z.csv", "a,y\n" + "".join(f"{i},0\n" for i in range(20)))
    message = refusal(
        DataError, lambda: csv_dataset(csv_config(path, task="regression")), "z.csv", '"y"'
    )
    assert "formula" not in message


def test_an_unterminated_quote_is_named_with_its_line(tmp_path):
    path = write(tmp_path, "q.csv", 'a,b,y\n1,"2,3\n4,5,6\n7,8,9\n')
    refusal(DataError, lambda: read_table(path), "q.csv", "line 2", "never closed")


@pytest.mark.parametrize("target", ["missing/v.png", ".", "v.png/"])
def test_smoke_screenshot_target_is_checked_before_the_window_opens(sandbox, capsys, target):
    code, err, peak = cli_in_process(capsys, "--smoke", "--view", "basis", "--screenshot", target)
    assert_refused(code, err, peak, "--screenshot")
    assert not (sandbox.root / "missing").exists()


def test_a_device_in_data_path_is_named_as_not_a_regular_file(tmp_path):
    from types import SimpleNamespace

    from mlpstudio.experiment.archive import use_embedded_csv

    config = Config()
    config.data.kind, config.data.path = "csv", "/dev/null"
    experiment = SimpleNamespace(config=config, embedded_csv=b"a,y\n1,2\n3,4\n")
    note = use_embedded_csv(experiment, tmp_path)
    assert note.startswith("/dev/null is not a regular file") and "not found" not in note
    assert config.data.path.startswith(str(tmp_path))


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("block", [5, 7, 64])
def test_the_row_width_check_names_the_right_line_across_blocks(tmp_path, monkeypatch, end, block):
    from mlpstudio.data import tabular

    monkeypatch.setattr(tabular, "CHECK_BLOCK_CHARS", block)
    rows = ["a,b,y", "1,2,3", "", "4,5,6", "77777,88888,99999", '"7",8,9', "1,2,3,4", "5,6,7"]
    path = tmp_path / "w.csv"
    path.write_bytes(end.join(rows).encode() + end.encode())
    refusal(DataError, lambda: read_table(path), "w.csv", "line 7", "4 fields")
    del rows[6]
    path.write_bytes(end.join(rows).encode() + end.encode())
    assert read_table(path).x.shape == (5, 2)


def test_a_cell_with_a_terminal_escape_is_shown_escaped(tmp_path):
    path = write(tmp_path, "c.csv", "a,b,y\n1,2,3\n4,5\x1b[31m,6\n")
    message = refusal(DataError, lambda: read_table(path), "line 3", '"b"', "5\\x1b[31m")
    assert "\x1b" not in message
