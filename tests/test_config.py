"""Experiment configuration: defaults, TOML round trip, validation messages."""

import pytest

from mlpstudio.core.optimizers import OPTIMIZERS
from mlpstudio.experiment.config import Config, ConfigError, config_from_dict, load_config
from mlpstudio.experiment.presets import PRESETS, preset_config


def test_defaults_are_the_course_example():
    c = Config()
    assert c.data.kind == "function"
    assert c.data.formula == "sin(3*pi*x) + cos(2*pi*x)"
    assert (c.data.domain, c.data.step, c.data.test_fraction) == ([-1.0, 1.0], 0.005, 0.2)
    assert c.data.normalize is True
    assert c.model.hidden == [10]


def test_readme_documents_every_key_with_its_default():
    """README.md's experiment-file example documents every key with its default value (the
    CSV keys are documented in the CSV section as `data.KEY`): a key added, renamed or given
    another default without updating the documentation fails here."""
    import re
    import tomllib
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(\[data\].*?)```", readme, re.S)
    assert example, "README.md has no [data] TOML example"
    documented = tomllib.loads(example.group(1))
    in_text = set(re.findall(r"`data\.([a-z_]+)", readme))
    defaults = Config().to_dict()
    for section, values in defaults.items():
        shown = documented.get(section, {})
        missing = set(values) - set(shown) - (in_text if section == "data" else set())
        assert not missing, f"README.md does not document {section}: {sorted(missing)}"
        assert not set(shown) - set(values), f"README.md documents unknown {section} keys"
        for key, value in shown.items():
            assert value == values[key], f"{section}.{key}: README shows {value!r}"


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
                "training": {"optimizer": "adagrad", "learning_rate": 0, "epochs": 2.5},
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
        "training.optimizer: must be one of "
        + ", ".join(repr(name) for name in OPTIMIZERS)
        + " (got 'adagrad')",
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
def test_presets_apply_every_change_and_round_trip(name, tmp_path):
    """Each preset is the defaults with exactly its own changes (none dropped, nothing else
    changed), and survives a TOML round trip unchanged."""
    config = preset_config(name)
    changes = PRESETS[name][1]
    got, defaults = config.to_dict(), Config().to_dict()
    for section, values in got.items():
        for key, value in values.items():
            expected = changes.get(section, {}).get(key, defaults[section][key])
            assert value == expected, f"{name}: {section}.{key} is {value!r}, not {expected!r}"
    path = tmp_path / f"{name}.toml"
    path.write_text(config.to_toml())
    assert load_config(path) == config


def test_a_file_from_before_normalize_by_reads_as_it_was_saved():
    """Saved files always name data.normalize; one without normalize_by divided by max |y|."""
    from mlpstudio.experiment.config import config_from_dict

    assert config_from_dict({"data": {"normalize": True}}).data.normalize_by == "max_abs"
    assert config_from_dict({}).data.normalize_by == "max"  # the slide's y / y.max()
    assert (
        config_from_dict({"data": {"normalize": True, "normalize_by": "max"}}).data.normalize_by
        == "max"
    )
