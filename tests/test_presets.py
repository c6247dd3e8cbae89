"""Presets: each has a bar in one place, and the benchmark that checks them works.

The full table (10 seeds of every preset) is ``benchmarks/presets.py``; it takes minutes, so
the tests train only the presets that take a fraction of a second, on three seeds.
"""

import dataclasses
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from mlpstudio.experiment.build import build_dataset
from mlpstudio.experiment.config import IMAGE_KINDS
from mlpstudio.experiment.presets import PRESET_BARS, PRESETS, preset_config

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "presets.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_presets", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_presets"] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("bench_presets", None)


def test_every_preset_has_a_bar_above_chance():
    assert set(PRESET_BARS) == set(PRESETS)
    for name, bar in PRESET_BARS.items():
        config = preset_config(name)
        if config.data.kind in ("function",):
            # R^2 on noisy test targets cannot pass 1 - noise^2 / var(y): the bar is 0.9, or
            # at most 0.15 below that ceiling for very noisy data
            data = build_dataset(dataclasses.replace(config.data, noise=0.0))
            clean = np.concatenate([data.y_train, data.y_test])
            ceiling = 1.0 - config.data.noise**2 / float(clean.var())
            assert min(0.9, ceiling - 0.15) <= bar < 1.0, name
        elif config.data.kind in ("toy", "formula-class"):
            assert bar >= 0.9, name  # two classes: chance 0.5
        else:
            assert config.data.kind in IMAGE_KINDS
            chance = 0.01 if config.data.kind == "cifar100" else 0.1
            assert bar >= 3 * chance, name
            assert 0 < config.data.subset <= 10_000, name  # a weak PC trains it in a minute


@pytest.mark.parametrize("name", ["xor", "circle", "gaussians"])
def test_fast_presets_pass_their_bar_on_three_seeds(bench, name):
    rows = bench.run([name], seeds=3)
    (row,) = rows
    assert row.metric == "accuracy" and len(row.scores) == 3
    assert row.passed, row.scores


def test_benchmark_table_reports_a_failure(bench):
    good = bench.Row("xor", "accuracy", [0.95, 0.97], [0.1, 0.1], 0.9)
    bad = bench.Row("spiral", "accuracy", [0.95, 0.55], [1.0, 1.0], 0.9)
    text = bench.table([good, bad], 2)
    assert "| xor | accuracy | 0.960 | 0.950 | 0.90 | yes |" in text
    assert "| spiral | accuracy | 0.750 | 0.550 | 0.90 | NO |" in text
    metric, value, seconds = bench.score_preset("noisy-sine", 2)  # once R^2 0.16
    assert metric == "R2" and value >= PRESET_BARS["noisy-sine"]
