"""Target-function data and the 2-D toy sets."""

import numpy as np
import pytest

from mlpstudio.data.dataset import DataError
from mlpstudio.data.functions import COURSE_FORMULA, TOYS, function_dataset, toy_dataset


def test_course_preset_matches_the_course():
    ds = function_dataset(COURSE_FORMULA, domain=(-1, 1), step=0.005, seed=0)
    x = np.arange(-1, 1, 0.005)
    y = np.sin(3 * np.pi * x) + np.cos(2 * np.pi * x)
    y = y / np.abs(y).max()
    assert len(ds.x_train) == 320 and len(ds.x_test) == 80
    all_x = np.concatenate([ds.x_train[:, 0], ds.x_test[:, 0]])
    all_y = np.concatenate([ds.y_train[:, 0], ds.y_test[:, 0]])
    order = np.argsort(all_x)
    np.testing.assert_allclose(all_x[order], x)
    np.testing.assert_allclose(all_y[order], y)
    assert np.abs(all_y).max() == pytest.approx(1.0)
    assert ds.task == "regression" and ds.n_inputs == 1 and ds.n_outputs == 1
    np.testing.assert_allclose(ds.target(x), y)


def test_split_depends_on_the_seed_only():
    a = function_dataset(COURSE_FORMULA, step=0.005, seed=1)
    b = function_dataset(COURSE_FORMULA, step=0.005, seed=1)
    c = function_dataset(COURSE_FORMULA, step=0.005, seed=2)
    assert np.array_equal(a.x_test, b.x_test)
    assert not np.array_equal(a.x_test, c.x_test)


def test_points_noise_and_no_normalisation():
    clean = function_dataset("2*x", points=101, normalize=False, seed=0)
    np.testing.assert_allclose(clean.y_train, 2 * clean.x_train)
    noisy = function_dataset("2*x", points=2001, normalize=False, noise=0.1, seed=0)
    residual = noisy.y_train - 2 * noisy.x_train
    assert residual.std() == pytest.approx(0.1, rel=0.1)


def test_two_dimensional_function():
    ds = function_dataset("x1 * x2", domain=(0, 1, -1, 1), points=400, step=None)
    assert ds.n_inputs == 2 and len(ds.x_train) + len(ds.x_test) == 400
    assert ds.x_train[:, 0].min() >= 0 and ds.x_train[:, 1].min() >= -1
    grid = ds.plot_inputs(10)
    assert grid.shape == (100, 2)


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"domain": (1, -1)}, "start below"),
        ({"points": 2, "step": None}, "between 5"),
        ({"test_fraction": 1.5}, "between 0 and 1"),
        ({"domain": (0, 1, 2)}, "2 numbers"),
    ],
)
def test_bad_options_give_clear_errors(kwargs, message):
    with pytest.raises(DataError, match=message):
        function_dataset("x", **kwargs)


def test_zero_function_cannot_be_normalised():
    with pytest.raises(DataError, match="zero everywhere"):
        function_dataset("0*x")


@pytest.mark.parametrize("name", TOYS)
def test_toys_are_balanced_two_class_sets_in_the_unit_square(name):
    ds = toy_dataset(name, points=400, noise=0.1, seed=0)
    labels = np.concatenate([ds.y_train, ds.y_test])
    assert set(np.unique(labels)) == {0, 1}
    assert abs(labels.mean() - 0.5) < 0.1
    assert np.abs(ds.x_train).max() <= 1.0
    assert ds.n_outputs == 1 and ds.n_classes == 2


def test_toy_classes_are_separated_as_their_names_say():
    circle = toy_dataset("circle", points=1000, noise=0.0)
    r = np.hypot(*circle.x_train.T)
    assert (r[circle.y_train == 1] < 0.45).all() and (r[circle.y_train == 0] > 0.5).all()
    xor = toy_dataset("xor", points=1000, noise=0.0)
    assert ((xor.x_train[:, 0] * xor.x_train[:, 1] > 0) == (xor.y_train == 1)).all()


@pytest.mark.parametrize(
    "formula,domain,where",
    [
        ("1/x", (-1, 1), "near x = 0:"),  # arange misses 0 by 1e-16: one 1e16 spike
        ("log(abs(x))", (-1, 1), "near x = 0:"),
        ("1/(x - 0.3001)", (-1, 1), "near x = 0.3001 "),  # between probe points: huge, not inf
        ("tan(x)", (-2, 2), "near x = -1.571 "),
    ],
)
def test_singularities_on_the_domain_are_warned_about_and_located(formula, domain, where):
    ds = function_dataset(formula, domain=domain, step=0.005)
    assert len(ds.warnings) == 1
    assert where in ds.warnings[0] + " "
    assert formula.replace(" ", "") in ds.warnings[0].replace(" ", "")


@pytest.mark.parametrize(
    "formula", [COURSE_FORMULA, "exp(10*x)", "x**20", "sign(x)", "1/(x + 1.5)", "exp(-10*x**2)"]
)
def test_smooth_targets_get_no_warning(formula):
    assert function_dataset(formula, step=0.005).warnings == ()


def test_two_input_singularity_is_located_on_both_axes():
    ds = function_dataset("1/(x1 - 0.5 + x2 - 0.5 + 0.00001)", step=None, points=400)
    assert ds.warnings and "x1 = " in ds.warnings[0] and "x2 = " in ds.warnings[0]
    assert function_dataset("sin(pi*x1) * cos(pi*x2)", points=400).warnings == ()
