"""Richer toys (issue 13, items 2-5): classes 2..5, classes from a condition, formulas in
x1..x4, normalisation by max y or max |y|, partial dependence and the new presets. Every
check compares with a plain numpy computation written here, not with the code under test."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from mlpstudio.data.dataset import DataError
from mlpstudio.data.expr import FormulaError
from mlpstudio.data.functions import (
    MULTICLASS_TOYS,
    formula_class_dataset,
    function_dataset,
    toy_dataset,
)
from mlpstudio.experiment.build import build_dataset
from mlpstudio.experiment.compare import COMPARISON_CASES, Comparison
from mlpstudio.experiment.config import Config, ConfigError, config_from_dict
from mlpstudio.experiment.presets import FEW_POINTS_RIVAL, PRESET_BARS, PRESETS, preset_config


@pytest.mark.parametrize("name", MULTICLASS_TOYS)
@pytest.mark.parametrize("classes", [2, 3, 4, 5])
def test_multiclass_toys_draw_every_class_evenly(name, classes):
    ds = toy_dataset(name, points=500, classes=classes, seed=3)
    labels = np.concatenate([ds.y_train, ds.y_test])
    assert ds.class_names == tuple(str(c) for c in range(classes))
    counts = np.bincount(labels, minlength=classes)
    assert len(counts) == classes
    assert counts.min() >= 500 // classes  # n // k each; the remainder goes to the last one
    assert ds.n_outputs == (1 if classes == 2 else classes)  # sigmoid, or softmax per class
    assert np.all(np.abs(np.vstack([ds.x_train, ds.x_test])) <= 1.0)


def test_blobs_sit_at_the_corners_of_a_regular_polygon():
    ds = toy_dataset("blobs", points=1000, noise=0.0, classes=5, seed=1)
    x, y = np.vstack([ds.x_train, ds.x_test]), np.concatenate([ds.y_train, ds.y_test])
    angles = np.pi / 2 + 2 * np.pi * np.arange(5) / 5  # written out here: 0.6 (cos, sin)
    centres = 0.6 * np.column_stack([np.cos(angles), np.sin(angles)])
    for c in range(5):
        assert np.allclose(x[y == c].mean(axis=0), centres[c], atol=0.02)


def test_the_spiral_arms_are_turned_by_a_share_of_the_circle():
    ds = toy_dataset("spiral", points=300, noise=0.0, classes=3, seed=0, test_fraction=0.1)
    x, y = np.vstack([ds.x_train, ds.x_test]), np.concatenate([ds.y_train, ds.y_test])
    for c in range(3):  # the outermost point of arm c: t = 1, angle 3.5 pi + 2 pi c / 3
        arm = x[y == c]
        tip = arm[np.argmax(np.hypot(*arm.T))]
        angle = 3.5 * np.pi + 2 * np.pi * c / 3
        assert np.allclose(tip, 0.8 * np.array([np.sin(angle), np.cos(angle)]), atol=1e-9)


def test_two_class_sets_refuse_more_classes():
    with pytest.raises(DataError, match="two classes"):
        toy_dataset("circle", classes=3)
    with pytest.raises(DataError, match="from 2 to 5"):
        toy_dataset("spiral", classes=6)
    with pytest.raises(ConfigError, match="data.classes"):
        config_from_dict({"data": {"kind": "toy", "toy": "xor", "classes": 3}})
    with pytest.raises(ConfigError, match="data.classes"):
        config_from_dict({"data": {"kind": "toy", "toy": "spiral", "classes": 6}})


def test_formula_classes_follow_the_condition():
    ds = formula_class_dataset("x1**2 + x2**2 < 0.5", domain=[-1, 1, -2, 2], points=800, seed=4)
    x, y = np.vstack([ds.x_train, ds.x_test]), np.concatenate([ds.y_train, ds.y_test])
    assert np.array_equal(y, (x[:, 0] ** 2 + x[:, 1] ** 2 < 0.5).astype(int))
    assert x[:, 0].min() >= -1 and x[:, 0].max() <= 1 and x[:, 1].max() <= 2
    assert x[:, 1].min() < -1.5  # the second axis has its own range
    joined = formula_class_dataset("(x1 > 0) and (x2 > 0) or x1 < -0.5", points=400, seed=1)
    x, y = joined.x_train, joined.y_train
    expected = ((x[:, 0] > 0) & (x[:, 1] > 0)) | (x[:, 0] < -0.5)
    assert np.array_equal(y, expected.astype(int))


@pytest.mark.parametrize(
    "text, message",
    [
        ("x1 + x2", "comparison"),
        ("x1 == x2", "comparisons"),
        ("__import__('os') < 1", "not an allowed function"),
        ("x1 < x3", "x3"),
    ],
)
def test_bad_conditions_are_refused_with_a_message(text, message):
    with pytest.raises(FormulaError, match=message):
        formula_class_dataset(text)


def test_a_condition_that_leaves_a_class_empty_is_refused():
    with pytest.raises(DataError, match="both classes"):
        formula_class_dataset("x1**2 < -1")


def test_four_inputs_are_sampled_uniformly_in_their_own_ranges():
    domain = [0, 1, -1, 1, 2, 3, -2, -1]
    ds = function_dataset("x1*x2 + sin(x3) - x4", domain=domain, points=2000, seed=5,
                          normalize_by="max_abs")  # fmt: skip
    x = np.vstack([ds.x_train, ds.x_test])
    y = np.concatenate([ds.y_train, ds.y_test])[:, 0]
    assert x.shape == (2000, 4)
    for i in range(4):
        lo, hi = domain[2 * i], domain[2 * i + 1]
        assert lo <= x[:, i].min() < lo + 0.05 and hi - 0.05 < x[:, i].max() <= hi
        assert abs(x[:, i].mean() - (lo + hi) / 2) < 0.03  # uniform: the mean is the middle
    raw = x[:, 0] * x[:, 1] + np.sin(x[:, 2]) - x[:, 3]
    assert np.allclose(y, raw / np.abs(raw).max())


def test_normalisation_by_max_y_is_the_slides_y_over_y_max():
    x = np.arange(-1, 1, 0.005)
    y = np.sin(3 * np.pi * x) + np.cos(2 * np.pi * x)  # the course's own lines
    by_max = function_dataset("sin(3*pi*x) + cos(2*pi*x)", step=0.005, normalize_by="max")
    by_abs = function_dataset("sin(3*pi*x) + cos(2*pi*x)", step=0.005, normalize_by="max_abs")
    assert by_max.y_divisor == pytest.approx(y.max()) and y.max() < 1.7
    assert by_abs.y_divisor == pytest.approx(2.0)
    assert Config().data.normalize_by == "max"  # the course example matches the slide
    slide = y / y.max()
    got = np.concatenate([by_max.y_train, by_max.y_test])[:, 0]
    assert np.allclose(np.sort(got), np.sort(slide))
    with pytest.raises(DataError, match="below zero"):
        function_dataset("-1 - x**2", normalize_by="max")


def test_partial_dependence_averages_over_the_sampled_rows():
    ds = function_dataset("x1 + x2 + x3", points=300, seed=2)
    rows = ds.partial_inputs()
    output = (2 * rows[:, 0] + 3 * rows[:, 2])[:, None]  # a known "network"
    curves = ds.partial_dependence(output)
    sample = ds.x_train[:32]
    values, mean = curves[0]
    assert np.allclose(mean, 2 * values + 3 * sample[:, 2].mean())
    values, mean = curves[1]  # x2 does not matter: flat at the sample's mean
    assert np.allclose(mean, 2 * sample[:, 0].mean() + 3 * sample[:, 2].mean())


def test_the_few_noisy_points_preset_trains_on_20_samples():
    ds = build_dataset(preset_config("few-noisy-points").data)
    assert len(ds.x_train) == 20 and len(ds.x_test) == 80
    name, (label, architectures) = next(iter(COMPARISON_CASES.items()))
    assert name in PRESETS and name in PRESET_BARS
    # the case is the preset's own net against its rival, and its label names both
    assert [list(a) for a in architectures] == [[10], [200, 200]]
    assert list(architectures[0]) == preset_config(name).model.hidden
    assert list(architectures[1]) == FEW_POINTS_RIVAL
    for hidden in architectures:
        assert "-".join(map(str, [1, *hidden, 1])) in label
    training = preset_config(name).training
    assert training.weight_decay == 0.0 and not training.early_stopping  # nothing hides it


def test_the_few_noisy_points_lab_says_the_preset_s_numbers():
    """The lab's text is written by hand: it must say the noise and the sizes that the preset
    and the comparison case really use, and its goal must be within the preset's reach."""
    from mlpstudio.experiment.labs import load_lab, shipped_labs

    lab = load_lab(next(p for p in shipped_labs() if p.name == "few_noisy_points.toml"))
    config = preset_config("few-noisy-points")
    ds = build_dataset(config.data)
    case = list(COMPARISON_CASES["few-noisy-points"][1])
    small, big = Comparison(config, case).parameter_counts()
    english, spanish = (" ".join(lab.instructions_in(lang).split()) for lang in ("en", "es"))
    assert f"standard deviation {config.data.noise:g}" in english
    assert f"desviación {config.data.noise:g}".replace(".", ",") in spanish
    assert f"only {len(ds.x_train)} training samples" in english
    assert f"other {len(ds.x_test)} points" in english
    assert f"{small} parameters" in english and f"{big:,} parameters" in english
    (r2_goal,) = [g for g in lab.goals if g.metric == "test_r2"]
    assert PRESET_BARS["few-noisy-points"] <= r2_goal.value < 1.0


def test_every_new_preset_has_a_bar():
    for name in ("spiral-3", "gaussians-4", "blobs-5", "formula-disc", "four-inputs",
                 "few-noisy-points"):  # fmt: skip
        assert name in PRESET_BARS
        preset_config(name)  # valid


def test_the_course_4_5_1_net_from_the_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "mlpstudio", "train", "--preset", "four-inputs", "--json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["params"] == 31 and summary["layers"] == [4, 5, 1]
    assert summary["test_r2"] > 0.95


def test_new_keys_survive_a_toml_round_trip():
    config = Config().with_overrides(
        [
            "data.kind=toy",
            "data.toy=spiral",
            "data.condition=x1 > x2**2",
            "data.classes=4",
            "data.normalize_by=max_abs",
        ]  # fmt: skip
    )
    again = config_from_dict(__import__("tomllib").loads(config.to_toml()))
    assert again.data.condition == "x1 > x2**2" and again.data.kind == "toy"
    assert again.data.classes == 4 and again.data.normalize_by == "max_abs"


def _cli(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "mlpstudio", *args],
        capture_output=True, text=True, timeout=300, cwd=cwd,
    )  # fmt: skip


@pytest.mark.parametrize("preset", ["formula-disc", "spiral-3"])
def test_a_saved_run_reopens_and_continues_as_one_straight_run(tmp_path, preset):
    saved = _cli("train", "--preset", preset, "--set", "training.epochs=10", "--save", "a.mlpx",
                 cwd=tmp_path)  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    more = _cli("train", "a.mlpx", "--set", "training.epochs=20", "--json", cwd=tmp_path)
    straight = _cli("train", "--preset", preset, "--set", "training.epochs=20", "--json",
                    cwd=tmp_path)  # fmt: skip
    assert more.returncode == 0 and straight.returncode == 0, more.stderr + straight.stderr
    a = json.loads(more.stdout.strip().splitlines()[-1])
    b = json.loads(straight.stdout.strip().splitlines()[-1])
    assert a["epochs"] == b["epochs"] == 20
    assert a["train_loss"] == pytest.approx(b["train_loss"], rel=1e-6)
    assert a["test_accuracy"] == b["test_accuracy"]


@pytest.mark.parametrize(
    "settings, where",
    [
        (["data.kind=toy", "data.toy=circle", "data.classes=3"], "data.classes"),
        (["data.kind=formula-class", "data.condition=x1 + x2"], "comparison"),
        (["data.formula=x1 + x5"], "x5"),
        (["data.formula=-1 - x**2"], "below zero"),
    ],
)
def test_the_command_line_refuses_bad_toys_in_one_paragraph(tmp_path, settings, where):
    args = [item for s in settings for item in ("--set", s)]
    result = _cli("train", *args, "--set", "training.epochs=1", cwd=tmp_path)
    assert result.returncode == 2
    assert where in result.stderr and "Traceback" not in result.stderr


def test_the_few_noisy_points_lab_starts_from_a_net_that_generalises():
    from mlpstudio.cli.train import run_training
    from mlpstudio.experiment.labs import evaluate_goals, load_lab, shipped_labs

    lab = load_lab(next(p for p in shipped_labs() if p.name == "few_noisy_points.toml"))
    assert lab.config.model.hidden == [10] and "data.noise" in lab.locked_keys()
    summary, _ = run_training(lab.config, None, show_progress=False)
    assert summary["params"] == 31
    assert all(r.met for r in evaluate_goals(lab, summary)), summary


def test_on_few_noisy_points_the_wide_net_fits_the_noise_and_generalises_worse():
    """The case's point, on one seed (benchmarks/overfit.py runs ten): 1-200-200-1 fits the
    20 training points almost exactly, yet its test R^2 is clearly below 1-10-1's."""
    config = preset_config("few-noisy-points")
    small, big = Comparison(config, list(COMPARISON_CASES["few-noisy-points"][1])).run()
    assert big.train_metric > 0.99 and big.train_metric > small.train_metric
    assert small.test_metric >= PRESET_BARS["few-noisy-points"]
    assert small.test_metric - big.test_metric > 0.1, (small.test_metric, big.test_metric)
