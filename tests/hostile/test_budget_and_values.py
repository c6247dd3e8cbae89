"""The memory budget, and values that used to end in a traceback instead of exit 2."""

from __future__ import annotations

import numpy as np
import pytest

from mlpstudio.core.network import Network
from mlpstudio.core.optimizers import make_optimizer
from mlpstudio.memory import MemoryBudgetError, budget, check_memory, parse_budget

from .conftest import assert_refused, cli_in_process, refusal


# -- the budget --------------------------------------------------------------------------------
def test_huge_layers_are_refused_with_what_they_need_and_what_fits(sandbox, capsys, monkeypatch):
    monkeypatch.delenv("MLPSTUDIO_MEMORY_BUDGET")  # the default, from the available memory
    hidden = "[" + ",".join(["65536"] * 8) + "]"  # ~30 billion parameters: beyond any machine
    code, err, peak = cli_in_process(capsys, "train", "--set", f"model.hidden={hidden}")
    assert_refused(code, err, peak, "needs", "memory budget", "available memory", "GiB")


def test_the_budget_variable_is_honoured_and_named(sandbox, capsys, monkeypatch):
    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", "64M")
    code, err, peak = cli_in_process(capsys, "train", "--set", "model.hidden=[4096,4096]")
    assert_refused(code, err, peak, "64.0 MiB", "MLPSTUDIO_MEMORY_BUDGET")


@pytest.mark.parametrize("value", ["lots", "-5G", "1e9999", "12 parsecs", "1K"])
def test_an_invalid_budget_setting_is_refused_not_ignored(sandbox, capsys, monkeypatch, value):
    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", value)
    code, err, peak = cli_in_process(capsys, "train", "--epochs", "1")
    assert_refused(code, err, peak, "MLPSTUDIO_MEMORY_BUDGET")


def test_budget_figures(monkeypatch):
    assert parse_budget("512M") == 512 << 20 and parse_budget("2g") == 2 << 30
    assert parse_budget("3GiB") == 3 << 30 and parse_budget(str(100 << 20)) == 100 << 20
    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", "100M")
    assert budget()[0] == 100 << 20
    check_memory(100 << 20, "exactly the budget")  # fits
    refusal(MemoryBudgetError, lambda: check_memory((100 << 20) + 1, "one byte more"),
            "one byte more needs")  # fmt: skip
    monkeypatch.delenv("MLPSTUDIO_MEMORY_BUDGET")
    assert budget()[0] > 0


def test_network_and_optimiser_state_are_checked_before_allocating(sandbox):
    # 33.6 M float32 parameters and gradients need 268 MB > 256 MB; nothing is allocated first
    refusal(MemoryBudgetError, lambda: Network([8192, 4096, 1], ["tanh"]), "needs",
            peak_limit_mb=5)  # fmt: skip
    refusal(
        MemoryBudgetError,
        lambda: make_optimizer("adam", np, 30_000_000, 30_000_000, np.float32),
        "adam",
        peak_limit_mb=5,
    )
    make_optimizer("adam", np, 1000, 900, np.float32)  # small ones are untouched


# -- values that used to raise -----------------------------------------------------------------
@pytest.mark.parametrize(
    "assignments, words",
    [
        (["data.step=5e-324"], ["step"]),
        (["data.step=1e-300", "data.domain=[-1e18,1e18]"], ["step"]),
        (["data.domain=[-1e300,1e300]", "data.step=0"], ["domain", "float32"]),
        (["data.domain=[-1e308,1e308]"], ["domain"]),
        (["data.domain=[-1e308,1e308]", "data.step=0"], ["domain"]),
        (["data.domain=[-1.7e308,1.7e308,0,1]", "data.formula=x1+x2"], ["domain"]),
        (
            ["data.points=5", "data.step=0", "data.test_fraction=0.8",
             "training.early_stopping=true"],
            ["validation_fraction", "early stopping"],
        ),
        (
            ["data.kind=toy", "data.points=5", "data.test_fraction=0.9",
             "training.early_stopping=true", "training.validation_fraction=0.5"],
            ["validation_fraction"],
        ),
    ],
)  # fmt: skip
def test_values_that_overflowed_are_refused(sandbox, capsys, assignments, words):
    args = ["train", "--epochs", "2"]
    for item in assignments:
        args += ["--set", item]
    code, err, peak = cli_in_process(capsys, *args)
    assert_refused(code, err, peak, *words)


def test_a_numeric_formula_on_the_command_line_is_the_formula(sandbox, capsys):
    """``--set data.formula=1`` is the constant formula "1", not a refused number."""
    from mlpstudio.experiment.config import Config

    config = Config().with_overrides(["data.formula=1", "data.root=2"])
    assert config.data.formula == "1" and config.data.root == "2"
    assert Config().with_overrides(['data.formula="x**2"']).data.formula == "x**2"
    code, err, _ = cli_in_process(capsys, "train", "--set", "data.formula=2*x", "--epochs", "1")
    assert code == 0, err
