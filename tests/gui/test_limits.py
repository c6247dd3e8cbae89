"""One spec for every limit: each value the configuration accepts at its limits loads into the
panels and reads back identical; what the panels cannot show is refused, never altered."""

import dataclasses

import pytest


def limit_configs():
    """(name, config) with one numeric setting at its lowest or highest allowed value."""
    from mlpstudio.experiment.config import SECTIONS, Config, config_from_dict

    cases = []
    for section, cls in SECTIONS.items():
        for f in dataclasses.fields(cls):
            spec = f.metadata["spec"]
            if spec.kind not in ("int", "float", "int_list"):
                continue
            for end in ("low", "high"):
                value = getattr(spec, end)
                if value is None or (end == "low" and spec.low_open):
                    continue
                value = float(value) if spec.kind == "float" else int(value)
                data = Config().to_dict()
                if spec.kind == "int_list":  # every layer at the limit, as deep as allowed
                    value = [value] * (spec.max_len if end == "high" else 1)
                data[section][f.name] = value
                if f.name == "points":
                    data["data"]["step"] = 0.0  # sampled by number of points
                if f.name == "subset":
                    data["data"]["kind"] = "mnist"
                cases.append((f"{section}.{f.name}={end}", config_from_dict(data)))
    return cases


CASES = limit_configs()
CASES_WIDTH = int(dict(CASES)["model.hidden=high"].model.hidden[0])


def test_the_cases_cover_the_limits_that_used_to_be_clamped():
    names = [name for name, _ in CASES]
    for expected in ("model.hidden=high", "training.seed=high", "data.seed=high",
                     "training.learning_rate=high", "data.points=high"):  # fmt: skip
        assert expected in names


def test_every_setting_at_its_limit_reads_back_identical(make_window):
    window = make_window()
    bad = {name: window.unshowable(config) for name, config in CASES}
    assert {name: p for name, p in bad.items() if p} == {}
    # and loading one for real keeps it (one layer at the widest width: small enough to build)
    from mlpstudio.experiment.config import config_from_dict

    widest = config_from_dict({"model": {"hidden": [CASES_WIDTH]}})
    assert window.load_config(widest)
    assert window.current_config().model.hidden == [CASES_WIDTH]


def test_a_lab_locking_a_wide_layer_keeps_it(make_window):
    from mlpstudio.experiment.labs import lab_from_dict

    lab = lab_from_dict({
        "lab": {"title": "Wide", "instructions": "Train it."},
        "experiment": {"lock": ["model.hidden"], "model": {"hidden": [5000]}},
        "goals": [{"metric": "test_mse", "below": 0.1}],
    })  # fmt: skip
    window = make_window()
    window.lab = lab
    window._apply_locks(lab.locked_keys())
    assert window.load_config(lab.config)
    assert window.architecture_panel.model_config().hidden == [5000]  # not clamped to 4096
    assert lab.locked_changes(window.current_config()) == []


def test_what_the_panels_cannot_show_is_refused_and_nothing_changes(make_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from mlpstudio.experiment.config import config_from_dict

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window = make_window()
    before = window.current_config().to_dict()
    # two different intervals for x1 and x2: the Domain row has one interval
    config = config_from_dict({"data": {"domain": [-1.0, 1.0, 0.0, 2.0], "noise": 0.12345}})
    assert not window.load_config(config)
    assert len(shown) == 1
    assert "data.domain" in shown[0] and "data.noise" in shown[0]
    assert "\n" not in shown[0]  # one paragraph
    assert window.current_config().to_dict() == before
    assert window.controller.config.to_dict() == before


@pytest.mark.parametrize("root", ["", "/some/teacher/folder"])
def test_the_data_folder_of_an_image_set_is_kept(make_window, root):
    from mlpstudio.experiment.config import config_from_dict

    window = make_window()
    config = config_from_dict({"data": {"kind": "mnist", "root": root, "subset": 1000}})
    assert window.unshowable(config) == []
    assert window.data_panel.data_config(config.data).root == root
    window.data_panel.load(config.data)
    assert window.data_panel.root.text() == root
    assert "data.root" in window.data_panel.lockable()


def test_no_hidden_layer_is_a_setting_the_files_accept_too(make_window):
    """The panel can remove every layer (a linear model); the saved file must load again."""
    from mlpstudio.experiment.config import config_from_dict

    window = make_window()
    while window.architecture_panel.layers():
        window.architecture_panel.remove_layer()
    config = window.current_config()
    assert config.model.hidden == []
    assert config_from_dict(config.to_dict()).model.hidden == []


def test_a_start_config_the_panels_cannot_show_is_kept_and_said(make_window):
    from mlpstudio.experiment.config import config_from_dict

    config = config_from_dict({"data": {"domain": [-1.0, 1.0, 0.0, 2.0]}})
    window = make_window(config)
    assert window.controller.config.data.domain == [-1.0, 1.0, 0.0, 2.0]  # not altered
    assert window.message_bar.isVisible()
    assert "data.domain" in window.message_bar.label.text()


def test_every_setting_has_a_control(make_window):
    """No setting is dropped: every key of the configuration has a widget in some panel."""
    import dataclasses

    from mlpstudio.experiment.config import SECTIONS

    window = make_window()
    controls = {}
    for panel in (window.data_panel, window.architecture_panel, window.training_panel):
        controls.update(panel.lockable())
    keys = {f"{s}.{f.name}" for s, cls in SECTIONS.items() for f in dataclasses.fields(cls)}
    assert keys - set(controls) == set()
    assert all(controls[key] for key in keys)


def test_a_network_over_the_memory_budget_is_not_blamed_on_the_data(make_window, monkeypatch):
    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", "16M")
    window = make_window()
    window.architecture_panel.table.cellWidget(0, 0).setValue(4000)
    window.architecture_panel.add_layer()  # 4000 x 4000 weights: 64 MB in float32
    c = window.controller
    assert c.dataset is not None and c.network is None and c.network_error
    assert window.message_bar.isVisible()
    text = window.status_label.text()
    assert "Architecture panel" in text and "Data panel" not in text
