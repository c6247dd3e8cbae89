"""Experiment configuration: defaults, TOML round trip, validation messages."""

import pytest

from mlpstudio.experiment.config import Config, ConfigError, config_from_dict, load_config
from mlpstudio.experiment.presets import PRESETS, preset_config


def test_defaults_are_the_course_example():
    c = Config()
    assert c.data.kind == "function"
    assert c.data.formula == "sin(3*pi*x) + cos(2*pi*x)"
    assert (c.data.domain, c.data.step, c.data.test_fraction) == ([-1.0, 1.0], 0.005, 0.2)
    assert c.data.normalize is True
    assert c.model.hidden == [10]


def test_documented_keys_exist():
    keys = {
        "data": [
            "kind",
            "formula",
            "domain",
            "points",
            "noise",
            "test_fraction",
            "normalize",
            "seed",
        ],
        "model": ["hidden", "activation"],
        "training": ["optimizer", "learning_rate", "batch_size", "epochs", "seed"],
    }
    data = Config().to_dict()
    for section, names in keys.items():
        for name in names:
            assert name in data[section], f"{section}.{name}"


def test_toml_round_trip(tmp_path):
    c = Config()
    c.model.hidden = [50, 50]
    c.model.activation = ["relu", "tanh"]
    c.training.optimizer = "nesterov"
    c.data.formula = "exp(-x**2)"
    path = tmp_path / "exp.toml"
    path.write_text(c.to_toml())
    assert load_config(path) == c


def test_empty_file_is_the_default(tmp_path):
    path = tmp_path / "empty.toml"
    path.write_text("")
    assert load_config(path) == Config()


def test_all_problems_are_reported_with_field_names():
    with pytest.raises(ConfigError) as info:
        config_from_dict(
            {
                "data": {"points": "many", "test_fraction": 0.0, "formla": "x"},
                "model": {"hidden": [10, -3], "activation": "swish"},
                "training": {"optimizer": "rmsprop", "learning_rate": 0, "epochs": 2.5},
                "extra": {},
            }
        )
    text = str(info.value)
    for fragment in [
        "data.points: must be an integer from 5",
        "data.test_fraction: must be a number above 0",
        "data.formla: unknown key; did you mean 'formula'",
        "model.hidden: must be a list of integers from 1",
        "model.activation: must be one of identity, relu",
        "training.optimizer: must be one of 'sgd', 'momentum', 'nesterov', 'adam'",
        "training.learning_rate: must be a number above 0",
        "training.epochs: must be an integer",
        "extra: unknown key",
    ]:
        assert fragment in text, fragment
    assert len(info.value.problems) == 9


def test_activation_list_must_match_the_layers():
    with pytest.raises(ConfigError, match="2 hidden layers need 2 activations"):
        config_from_dict({"model": {"hidden": [4, 4], "activation": ["relu"]}})
    c = config_from_dict({"model": {"hidden": [4, 4], "activation": ["relu", "sigmoid"]}})
    assert c.model.activations() == ["relu", "sigmoid"]


def test_overrides_accept_toml_and_plain_text():
    c = Config().with_overrides(
        [
            "model.hidden=[50,50]",
            "training.optimizer=sgd",
            "training.learning_rate=0.1",
            'data.formula="sin(x)"',
            "data.normalize=false",
            "model.activation=relu",
        ]
    )
    assert c.model.hidden == [50, 50]
    assert c.training.optimizer == "sgd" and c.training.learning_rate == 0.1
    assert c.data.formula == "sin(x)" and c.data.normalize is False
    c = Config().with_overrides(["model.hidden=20,10"])
    assert c.model.hidden == [20, 10]
    with pytest.raises(ConfigError, match="KEY=VALUE"):
        Config().with_overrides(["epochs"])
    with pytest.raises(ConfigError, match="trainig"):
        Config().with_overrides(["trainig.epochs=3"])


def test_bad_toml_and_missing_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[data\nformula = ")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="cannot be read"):
        load_config(tmp_path / "missing.toml")


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_are_valid(name):
    assert isinstance(preset_config(name), Config)
