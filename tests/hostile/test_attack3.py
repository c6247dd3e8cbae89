"""Refusals and figures an attack session found wrong in the views inside the network (issue
12, attack 3): ``mlpstudio explain backprop``, ``--smoke --view``, the timeline inside an
experiment file and the probe. Each test builds its own hostile input under tmp_path."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mlpstudio.core.insight import Timeline
from mlpstudio.core.network import Network
from mlpstudio.experiment.archive import ArchiveError, load_experiment, save_experiment
from mlpstudio.experiment.config import Config
from tests.gui import conftest as gui

from .conftest import assert_refused, one_paragraph, refusal
from .test_archives import rewrite

# the GUI's fixtures: a real main window offscreen, with private settings
make_window, settings_dir, wait_for_status = gui.make_window, gui.settings_dir, gui.wait_for_status


def explain(capsys, *args: str):
    """``mlpstudio explain backprop ARGS`` in this process: (exit status, stdout, stderr)."""
    from mlpstudio.cli import main

    code = main(["explain", "backprop", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def strict_json(line: str) -> dict:
    """The line as JSON the way JSON.parse or jq read it: NaN and Infinity are not JSON."""

    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(line, parse_constant=refuse)


def saved_run(tmp_path, name="run.mlpx", epochs=4, scale=1.0, dtype="float64"):
    """A genuine course-example experiment file of 1-3-1 after ``epochs`` epochs; its weights
    multiplied by ``scale``."""
    from mlpstudio.experiment.build import build_dataset, build_trainer

    config = Config().with_overrides(
        ["model.hidden=[3]", f"training.epochs={epochs}", f'training.dtype="{dtype}"']
    )
    trainer = build_trainer(config, build_dataset(config.data), snapshot_interval=0.0)
    trainer.run()
    network = trainer.network
    network.set_params(network.params_to_host() * scale)
    path = tmp_path / name
    save_experiment(path, config, network, trainer.history.view(), trainer.optimizer.state())
    return path


# -- explain backprop -----------------------------------------------------------------------
def test_explain_a_run_that_diverges_is_refused_not_shown_as_epoch_one(sandbox, capsys):
    """lr 100 with momentum diverges in its first epoch: the trainer keeps the untrained
    weights and a NaN velocity. It printed exit 0, "epochs_trained": 1 on epoch 0's weights,
    and NaN in its JSON line."""
    sandbox.freeze()
    code, out, err = explain(
        capsys, "--set", "training.learning_rate=100", "--set", 'training.optimizer="momentum"',
        "--epochs", "30", "--json",
    )  # fmt: skip
    assert_refused(code, err, 0, "--epochs 30", "NaN or infinite", "learning rate 100")
    assert out == ""
    sandbox.assert_unchanged()


def test_explain_an_experiment_file_works_through_its_saved_weights(sandbox, capsys, tmp_path):
    """``explain backprop run.mlpx`` explained a fresh, untrained network of its config."""
    path = saved_run(tmp_path, epochs=6)
    saved = load_experiment(path)
    sandbox.freeze()
    code, out, err = explain(capsys, str(path), "--json")
    assert code == 0, err
    data = strict_json(out.strip().splitlines()[-1])
    assert data["epochs_trained"] == 6
    for layer, (w, b) in enumerate(saved.layers):
        np.testing.assert_array_equal(np.array(data["W"][layer]), w)
        np.testing.assert_array_equal(np.array(data["b"][layer]), b)
    sandbox.assert_unchanged()


def test_explain_epochs_with_an_experiment_file_is_refused(sandbox, capsys, tmp_path):
    path = saved_run(tmp_path, epochs=2)
    sandbox.freeze()
    code, out, err = explain(capsys, str(path), "--epochs", "5")
    assert_refused(code, err, 0, "--epochs", "run.mlpx", "saved weights")
    assert out == ""
    sandbox.assert_unchanged()


def test_explain_json_is_strict_json_when_the_loss_overflows(sandbox, capsys, tmp_path):
    """Legal float64 weights of 1e200 give a loss of inf: the last line must still parse
    (json.dumps writes the bare word Infinity, which JSON.parse and jq refuse), and a note on
    stderr says which values were written as null."""
    import warnings

    path = saved_run(tmp_path, scale=1e200)
    sandbox.freeze()
    with warnings.catch_warnings(record=True) as caught:  # numpy's would print source lines
        warnings.simplefilter("always")
        code, out, err = explain(capsys, str(path), "--json")
    assert code == 0, err
    assert not [w for w in caught if issubclass(w.category, RuntimeWarning)]
    data = strict_json(out.strip().splitlines()[-1])
    assert data["loss"] is None and data["sizes"] == [1, 3, 1]
    assert one_paragraph(err) and "null" in err and "not finite" in err
    code, out, err = explain(capsys, str(path))  # the text says so too
    assert code == 0 and "L = inf" in out and "nan or inf" in err and one_paragraph(err)
    sandbox.assert_unchanged()


def test_explain_json_of_a_network_beyond_the_memory_budget_is_refused_first(sandbox, capsys):
    """1-1500-1500-1 (2.3 M parameters) fits the 256 MB budget as a network, but its JSON
    line (W, dW, the updated W and Adam's m and v as Python floats, then text) took ~1 GB;
    1-3000-3000-1 took 4.4 GB of memory and wrote 1 GB. Refused before the network is built;
    the same network without --json is worked through."""
    sandbox.freeze()
    code, out, err, peak = (*explain_traced(capsys, "--set", "model.hidden=[1500,1500]", "--json"),)
    assert_refused(code, err, peak, "1-1500-1500-1", "JSON", "memory budget")
    assert out == ""
    code, out, err = explain(capsys, "--set", "model.hidden=[300,300]")
    assert code == 0 and "(300x300)" in out, err
    sandbox.assert_unchanged()


def explain_traced(capsys, *args: str):
    from .conftest import traced

    (code, out, err), peak = traced(lambda: explain(capsys, *args))
    return code, out, err, peak


# -- the timeline inside an experiment file ---------------------------------------------------
def test_a_timeline_too_large_for_the_runs_precision_is_refused(tmp_path):
    """The file's weights are refused beyond float32's range for a float32 run; the
    timeline's were not, and the slider would show a network of infinite weights."""
    config = Config().with_overrides(["model.hidden=[4]"])
    network = Network([1, 4, 1], ["tanh"], seed=0)
    timeline = Timeline()
    for epoch in range(3):
        timeline.add(epoch, network.params_to_host())
    history = {"epoch": np.arange(3.0), "train_loss": np.ones(3)}
    good = tmp_path / "good.mlpx"
    save_experiment(good, config, network, history, None, timeline=timeline)
    assert load_experiment(good).timeline.epochs == [0, 1, 2]
    hostile = rewrite(
        good, tmp_path / "huge.mlpx",
        replace={"timeline/params.npy": np.full((3, network.n_params), 1e300)},
    )  # fmt: skip
    refusal(ArchiveError, lambda: load_experiment(hostile), "huge.mlpx", "timeline", "float32")
    # a float64 run holds such values: its timeline opens with them, exactly
    config64 = config.with_overrides(['training.dtype="float64"'])
    save_experiment(good, config64, network, history, None, timeline=timeline)
    wide = rewrite(
        good, tmp_path / "wide.mlpx",
        replace={"timeline/params.npy": np.full((3, network.n_params), 1e300)},
    )  # fmt: skip
    assert np.all(load_experiment(wide).timeline.at(2) == 1e300)


# -- --smoke --view NAME --screenshot FILE ------------------------------------------------------
def test_smoke_screenshot_into_a_folder_that_cannot_be_written_is_refused_first(sandbox, capsys):
    from .conftest import cli_in_process

    code, err, peak = cli_in_process(capsys, "--smoke", "--view", "basis", "--screenshot",
                                     "/proc/view.png")  # fmt: skip
    assert_refused(code, err, peak, "--screenshot", "/proc")


@pytest.mark.parametrize("name", ["view.jpg", "view.txt", "view"])
def test_smoke_screenshot_other_than_png_is_refused_first(sandbox, capsys, name):
    from mlpstudio.cli import parse_gui_args
    from mlpstudio.cli.common import UsageError

    with pytest.raises(UsageError, match="png"):
        parse_gui_args(["--smoke", "--view", "basis", "--screenshot", name])


# -- the GUI: the probe ---------------------------------------------------------------------


def test_a_click_on_the_plot_without_a_network_for_its_data_probes_nothing(make_window, qtbot):
    """After training, new data (the spiral) only offers a rebuild: the views show no
    network. A click on the region map put a star on it and the Network view's probe label
    ("Probe x1 = ...") for a network that is not there."""
    from mlpstudio.experiment.presets import preset_config

    window = make_window(epochs=3, mode="thread")
    c, probe = window.controller, window.prediction_view.probe
    assert probe.probe_at(0.5, 0)  # the course example: a probe
    c.start()
    wait_for_status(qtbot, window, "finished")
    c.set_config(preset_config("spiral"))
    qtbot.waitUntil(lambda: c.pending_rebuild == "data", timeout=10_000)
    assert c.identity is None and window.prediction_view.network is None
    assert not probe.probe_at(0.1, 0.1)
    assert len(probe.marker.data) == 0 and window.network_view.probe_row.isHidden()
    bar = window.timeline_bar
    assert len(c.timeline_epochs()) > 1 and not bar.isEnabled()  # nothing it could replay
    c.reset()  # the spiral's own network: its timeline starts again
    qtbot.waitUntil(lambda: c.identity is not None, timeout=10_000)
    c.start()
    wait_for_status(qtbot, window, "finished")
    assert bar.isEnabled() and c.show_epoch(1) == 1


# -- the GUI: the step-through on a replayed epoch ------------------------------------------
@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_the_step_through_on_a_replayed_epoch_mixes_no_other_epochs_numbers(
    make_window, qtbot, optimizer
):
    """Dragging the timeline to epoch 2 of a finished 6-epoch run: the update screen used
    Adam's m and v of epoch 6 with the weights of epoch 2 (numbers no run ever had), and said
    "Step with batch size 1 on this sample gives exactly these weights" (Step continues from
    epoch 6). Live gives the run's own numbers and that promise back."""
    config = Config().with_overrides([f'training.optimizer="{optimizer}"', "training.epochs=6"])
    window = make_window(config, mode="thread")
    c, view = window.controller, window.backprop_view
    window.view_docks["backprop"].raise_()
    c.start()
    wait_for_status(qtbot, window, "finished")
    qtbot.waitUntil(lambda: view.example is not None and view.example.epochs_trained == 6,
                    timeout=10_000)  # fmt: skip
    assert window.timeline_bar.show_epoch(2) == 2
    qtbot.waitUntil(lambda: view.example.epochs_trained == 2, timeout=10_000)
    for w_shown, (w, _) in zip(view.example.trace.W, c.replay.weights):
        np.testing.assert_array_equal(w_shown, w)  # the replayed epoch's own weights
    view.go(len(view.steps) - 1)
    assert view.steps[view.index].kind == "update"
    if optimizer == "adam":
        assert "m = [" not in view.shown_text() and "Live" in view.shown_text()
    assert "exactly" not in view.note.text() and "2" in view.note.text()
    window.timeline_bar.go_live()
    qtbot.waitUntil(lambda: view.example.epochs_trained == 6, timeout=10_000)
    view.go(len(view.steps) - 1)
    assert "exactly" in view.note.text()
    if optimizer == "adam":
        assert "m = [" in view.shown_text()


def test_the_health_diagnosis_of_a_replayed_epoch_uses_that_epochs_gradients(qtbot, qapp):
    """A replayed snapshot (the timeline) carries the whole run's per-layer history with the
    unit states of its own epoch: the one-line diagnosis combined them with the gradients of
    the run's last epoch. Epoch 1's gradients vanish in layer 1 here, epoch 3's do not."""
    import dataclasses

    from mlpstudio.gui.style import configure_pyqtgraph
    from mlpstudio.gui.views.health_view import HealthView
    from tests.gui.test_inside_views import bound, trained

    configure_pyqtgraph()
    ds, net, final = trained(hidden=4, epochs=3, lr=0.01)
    layers = dict(final.layers)
    gradient = np.array(layers["gradient"], dtype=float).copy()
    gradient[1] = [1e-6, 1.0]  # epoch 1: layer 1 learns 10^6 times slower than the output
    gradient[-1] = [1.0, 1.0]  # epoch 3: all is well
    layers["gradient"] = gradient
    view = bound(qtbot, HealthView(), ds, net)
    latest = dataclasses.replace(final, layers=layers)
    assert view.update_snapshot(latest) and view.verdict.isHidden()  # epoch 3: no verdict
    assert not any(marker.isVisible() for marker in view.markers)
    replayed = dataclasses.replace(latest, epoch=1)
    assert view.update_snapshot(replayed)
    assert not view.verdict.isHidden() and "vanishing" in view.verdict.text()
    # and the plots, which show the whole run, mark the replayed epoch
    assert all(marker.isVisible() and marker.value() == 1 for marker in view.markers)
    assert view.update_snapshot(latest) and not any(m.isVisible() for m in view.markers)


# -- first contact (a lecturer at 1280x720, presentation mode) -------------------------------
def test_the_step_through_keeps_its_numbers_in_sight_in_presentation_mode(make_window, qtbot):
    """F5 at 1280x720 in Spanish (spiral, a click on the map): the title and where the sample
    came from took three lines, an empty note one more, and the box below showed only the
    formula; not one number was in sight. The title now keeps one line (the sample's origin
    and the replayed epoch go to its tooltip) and the note shows only when it says something,
    at the presentation size (its style sheet kept it small)."""
    from PySide6.QtGui import QFontMetricsF

    from mlpstudio.experiment.presets import preset_config

    config = preset_config("spiral")
    config.training.epochs = 3
    window = make_window(config, mode="thread")
    window.resize(1280, 720)
    window.act_presentation.setChecked(True)
    c, view = window.controller, window.backprop_view
    window.view_docks["backprop"].raise_()
    c.start()
    wait_for_status(qtbot, window, "finished")
    assert window.prediction_view.probe.probe_at(0.2, 0.3)
    qtbot.waitUntil(lambda: bool(view.steps), timeout=10_000)
    view.go(1)
    qtbot.wait(50)
    line = QFontMetricsF(view.title.font()).height()
    assert view.title.height() < 1.8 * line, (view.title.height(), line)
    assert "x1 = 0.2" in view.title.toolTip() and "x1" not in view.title.text()
    assert view.note.isHidden()
    view.go(len(view.steps) - 1)  # the update: the note speaks, as large as the rest
    assert not view.note.isHidden()
    assert view.note.font().pointSizeF() == pytest.approx(view.lines.font().pointSizeF())
    # a test image stays named in the title: the spin box beside shows a training index
    view.follow_test_image(4, "test image 5")
    assert "test image 5" in view.title.text() and view.example.split == "test"
    view.sample.setValue(3)  # back to a training sample, chosen by its index
    assert view.example.split == "train" and "test image" not in view.title.text()
    window.prediction_view.probe.probe_at(0.2, 0.3)
    window.act_presentation.setChecked(False)  # normal size: the origin is in the title
    assert "x1 = 0.2" in view.title.text()


def test_the_hidden_units_view_says_why_it_is_empty_in_words_not_a_clipped_plot_label(
    make_window, qtbot
):
    """Opened on the spiral (View menu): a small note inside an empty plot's axes, cut off
    at the plot's edge ("Only for functions of one in"). Now a wrapped line replaces the plot."""
    from mlpstudio.experiment.presets import preset_config

    window = make_window(preset_config("spiral"), mode="thread")
    dock = window.view_docks["basis"]
    dock.show()
    dock.raise_()
    view = window.basis_view
    qtbot.waitUntil(lambda: view.isVisible(), timeout=5_000)
    assert view.plot.isHidden() and view.inactive.isVisible()
    assert view.inactive.text() == "Only for functions of one input with one output."
    assert view.inactive.wordWrap()
    window.controller.set_config(Config())  # the course example: the plot returns
    qtbot.waitUntil(lambda: not view.plot.isHidden(), timeout=10_000)
    assert view.inactive.isHidden()


def test_explain_says_what_train_says_about_the_data(sandbox, capsys):
    """``train`` warns that 1/x is huge next to x = 0; ``explain backprop`` said nothing and
    worked through a sample of that data as if all were well."""
    code, out, err = explain(capsys, "--set", 'data.formula="1/x"', "--json")
    assert code == 0 and one_paragraph(err), err
    assert err.startswith("mlpstudio: warning: 1/x") and "x = 0" in err
    strict_json(out.strip().splitlines()[-1])  # the last line is still the JSON object


# -- the timeline's members: what already held (kept as a guard) --------------------------
def _timeline_file(tmp_path, epochs=6):
    config = Config().with_overrides(["model.hidden=[4]"])
    network = Network([1, 4, 1], ["tanh"], seed=0)
    timeline = Timeline()
    for epoch in range(epochs):
        timeline.add(epoch, network.params_to_host() + epoch)
    history = {"epoch": np.arange(float(epochs)), "train_loss": np.ones(epochs)}
    path = tmp_path / "good.mlpx"
    save_experiment(path, config, network, history, None, timeline=timeline)
    return path, network.n_params


def _with_count(count):
    def meta(m):
        m["timeline"] = {"epochs": count}
        return m

    return meta


@pytest.mark.parametrize(
    "case, words",
    [
        ("negative", ["not increasing"]),
        ("duplicate", ["not increasing"]),
        ("unsorted", ["not increasing"]),
        ("beyond_history", ["not increasing", "0 to 5"]),
        ("uint_wraps", ["not increasing"]),
        ("float_epochs", ["float64", "plain numbers"]),
        ("wrong_width", ["shape", "(6, 14)"]),
        ("integer_params", ["int64"]),
        ("nan", ["not all finite"]),
        ("count_lies", ["shape", "(7,)"]),
        ("count_huge", ["claims 1,000,000,000 epochs"]),
        ("count_text", ["positive whole number"]),
        ("without_meta", ["unexpected member"]),
        ("bomb", ["claims 209,715,328 bytes", "refused"]),
    ],
)
def test_a_hostile_timeline_member_is_refused_in_one_paragraph(tmp_path, case, words):
    import io

    good, n = _timeline_file(tmp_path)
    epochs_member, params_member = "timeline/epochs.npy", "timeline/params.npy"
    replace, meta = {}, None
    if case in ("negative", "duplicate", "unsorted", "beyond_history"):
        rows = {
            "negative": [-1, 1, 2, 3, 4, 5],
            "duplicate": [0, 1, 1, 3, 4, 5],
            "unsorted": [0, 2, 1, 3, 4, 5],
            "beyond_history": [0, 1, 2, 3, 4, 2**62],
        }
        replace[epochs_member] = np.array(rows[case], dtype=np.int64)
    elif case == "uint_wraps":
        replace[epochs_member] = np.array([0, 1, 2, 3, 4, 2**64 - 1], dtype=np.uint64)
    elif case == "float_epochs":
        replace[epochs_member] = np.arange(6.0)
    elif case == "wrong_width":
        replace[params_member] = np.zeros((6, n + 1))
    elif case == "integer_params":
        replace[params_member] = np.zeros((6, n), dtype=np.int64)
    elif case == "nan":
        replace[params_member] = np.full((6, n), np.nan)
    elif case == "count_lies":
        meta = _with_count(7)
    elif case == "count_huge":
        meta = _with_count(10**9)
    elif case == "count_text":
        meta = _with_count("6")
    elif case == "without_meta":
        meta = lambda m: {k: v for k, v in m.items() if k != "timeline"}  # noqa: E731
    target = tmp_path / f"{case}.mlpx"
    if case == "bomb":  # 6 rows claimed, 200 MB of zeros inflated behind a small header
        header = io.BytesIO()
        np.lib.format.write_array_header_1_0(
            header, {"descr": "<f8", "fortran_order": False, "shape": (6, n)}
        )
        replace[params_member] = header.getvalue() + bytes(200 * 2**20)
    rewrite(good, target, replace=replace, meta=meta)
    refusal(ArchiveError, lambda: load_experiment(target), f"{case}.mlpx", *words)


def test_explain_a_change_the_saved_weights_cannot_follow_is_refused_in_explains_words(
    sandbox, capsys, tmp_path
):
    """--set model.hidden=[5] on a saved run was refused as "run.mlpx continues its own run"
    (train's words: explain continues nothing)."""
    path = saved_run(tmp_path, epochs=2)
    sandbox.freeze()
    code, out, err = explain(capsys, str(path), "--set", "model.hidden=[5]")
    assert_refused(code, err, 0, "run.mlpx", "worked through", "model.hidden")
    assert "continues" not in err and out == ""
    code, out, err = explain(capsys, str(path), "--set", "training.learning_rate=0.5")
    assert code == 0 and "eta = 0.5" in out, err  # what the next step would use: allowed
    sandbox.assert_unchanged()


def test_smoke_view_basis_on_data_it_does_not_apply_to_is_refused_before_training(sandbox, capsys):
    """--smoke --preset spiral --view basis trained 1,000 epochs, then failed with exit 1
    ("view basis (BasisView) draws nothing") and saved a screenshot of an empty view."""
    from mlpstudio.cli import main

    sandbox.freeze()
    code = main(["--smoke", "--preset", "spiral", "--view", "basis", "--screenshot", "v.png"])
    captured = capsys.readouterr()
    assert_refused(code, captured.err, 0, "--view basis", "one input")
    assert "smoke: status" not in captured.out  # refused before any training
    sandbox.assert_unchanged()


def test_the_step_through_of_a_network_beyond_the_memory_budget_says_so(
    make_window, qtbot, monkeypatch
):
    """The panel works through the network in float64 with a fresh optimiser and a copy of
    every weight (481 MB and 2.4 s on the window's thread for 1-2048-2048-1), with no memory
    check: a network that fits the budget for training could take the window past it.
    Now the budget is checked first and the panel says why it shows nothing."""
    config = Config().with_overrides(["model.hidden=[1000,1000]", "training.epochs=1"])
    window = make_window(config, mode="thread")
    view = window.backprop_view
    window.view_docks["backprop"].raise_()
    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", "64M")  # the network (16 MB) still fits
    view.sample.setValue(1)  # a recompute, on the untrained network's snapshot
    assert view.example is None and not view.steps
    text = view.shown_text()
    assert "1-1000-1000-1" in text and "memory budget" in text and "\n\n" not in text
    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", "1G")
    view.sample.setValue(2)  # (a network this large is worked out in a worker thread)
    qtbot.waitUntil(lambda: view.example is not None, timeout=60_000)
    assert view.example.sample == 2
