"""The desktop app, driven like a student would, offscreen."""

import dataclasses
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mlpstudio.experiment.build import build_network

from .conftest import wait_for_status
from .pixels import differing, ink, picture, red_share


@pytest.mark.parametrize("mode", ["process", "thread"])
def test_train_the_course_example_to_completion(make_window, qtbot, mode, tmp_path):
    window = make_window(mode=mode)
    c = window.controller
    on_screen = [v for v in window.views if not v.visibleRegion().isEmpty()]
    qtbot.wait(200)  # the untrained network, drawn
    untrained = {view: picture(view) for view in on_screen}
    assert c.status == "ready" and window.act_start.isEnabled()
    assert window.act_start.text() == "Train"
    window.act_start.trigger()
    wait_for_status(qtbot, window, "finished")
    snap = c.snapshot
    assert snap.epoch == 300
    losses = snap.history["train_loss"]
    assert losses[-1] < 0.5 * losses[0], "the loss fell"
    # pixels, not flags: every view on screen draws something, and draws the training (the
    # predictions, the loss curve, the weights and the network look different after it)
    qtbot.wait(100)
    assert {type(v).__name__ for v in on_screen} >= {
        "PredictionView",
        "LossView",
        "WeightsView",
        "NetworkView",
    }
    for view in on_screen:
        trained = picture(view)
        name = type(view).__name__
        assert ink(trained) > 0.05, f"{name} draws (almost) nothing"
        assert differing(trained, untrained[view], 16).mean() > 0.02, f"{name} did not change"
    # the network's curve and test predictions, in the course's red, over much of the plot
    # (the legend's red line and cross alone are about 0.1% of the view)
    assert red_share(picture(window.prediction_view)) > 0.01
    # the GUI's network holds the trained weights (they came back from the run)
    np.testing.assert_allclose(c.network.weights_to_host()[0][0], snap.weights[0][0])
    assert window.act_start.text() == "Continue"
    assert "Finished" in window.status_label.text()
    assert window.grab().save(str(tmp_path / f"main_window_finished_{mode}.png"))


def test_continue_trains_further_from_the_same_weights(make_window, qtbot):
    window = make_window(epochs=50)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    first = window.controller.snapshot
    window.controller.start()  # Continue
    wait_for_status(qtbot, window, "finished")
    second = window.controller.snapshot
    assert second.epoch == 100
    assert list(second.history["epoch"][:51]) == list(first.history["epoch"])
    np.testing.assert_array_equal(second.history["train_loss"][:51], first.history["train_loss"])


def test_invalid_formula_disables_train_and_shows_the_message(make_window, qtbot):
    window = make_window()
    panel = window.data_panel
    panel.formula.clear()
    qtbot.keyClicks(panel.formula, "sin(3*pi*x")
    qtbot.waitUntil(lambda: not window.act_start.isEnabled(), timeout=3000)
    assert panel.formula_message.isVisible()
    assert "never closed" in panel.formula_message.text()
    assert not window.act_step.isEnabled()
    assert "Fix the data" in window.status_label.text()
    qtbot.keyClicks(panel.formula, ")")
    qtbot.waitUntil(lambda: window.act_start.isEnabled(), timeout=3000)
    assert not panel.formula_message.isVisible()


def test_a_network_that_cannot_be_built_is_blamed_on_its_panel(make_window, qtbot, monkeypatch):
    """Two hidden layers of 60,000 units do not fit the memory budget: the status bar sends
    the user to the Architecture panel, not to the Data panel that has nothing wrong."""
    from mlpstudio.experiment.config import Config

    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", "64M")
    config = Config()
    config.training.epochs = 20
    config.model.hidden = [60000, 60000]
    window = make_window(config)
    c = window.controller
    assert c.dataset is not None and c.network is None and not window.act_start.isEnabled()
    assert "memory budget" in c.network_error and c.network_error_panel == "architecture"
    text = window.status_label.text()
    assert "Architecture panel" in text and "Data panel" not in text
    assert not window.data_panel.formula_message.isVisible()  # the data is fine
    window.architecture_panel.load(dataclasses.replace(config.model, hidden=[10]))
    window.architecture_panel.changed.emit()
    qtbot.waitUntil(lambda: window.act_start.isEnabled(), timeout=5000)
    assert c.network_error is None and c.network_error_panel is None
    assert "Architecture panel" not in window.status_label.text()


def test_a_device_that_cannot_be_used_is_blamed_on_the_training_panel(make_window):
    from mlpstudio.core.backend import BackendError, get_backend
    from mlpstudio.experiment.config import Config

    try:
        get_backend("cupy", "float32")
        pytest.skip("the GPU backend is usable here")
    except BackendError:
        pass
    config = Config()
    config.training.epochs = 20
    config.training.backend, config.training.dtype = "cupy", "float32"
    window = make_window(config)
    assert window.controller.network_error_panel == "training"
    text = window.status_label.text()
    assert "Training panel" in text and "Data panel" not in text


def test_unknown_name_and_undefined_values_are_explained(make_window, qtbot):
    window = make_window()
    panel = window.data_panel
    panel.formula.setText("log(x)")
    panel._emit_changed()
    assert "not defined on the whole domain" in panel.formula_message.text()
    panel.formula.setText("sin(y)")
    panel._emit_changed()
    assert "Unknown name 'y'" in panel.formula_message.text()
    assert not window.act_start.isEnabled()


def test_pause_resume_step_stop_reset(make_window, qtbot):
    window = make_window(epochs=100_000)
    c = window.controller
    c.start()
    qtbot.waitUntil(lambda: c.snapshot is not None and c.snapshot.step > 20, timeout=20_000)
    window.act_start.trigger()  # Pause
    assert c.status == "paused" and window.act_start.text() == "Resume"
    qtbot.waitUntil(lambda: c.snapshot.status == "paused", timeout=5000)
    qtbot.wait(300)
    step = c.snapshot.step
    qtbot.wait(300)
    assert c.snapshot.step == step, "paused training must not advance"

    window.act_step.trigger()
    qtbot.waitUntil(lambda: c.snapshot.step == step + 1, timeout=5000)
    qtbot.wait(200)
    assert c.snapshot.step == step + 1, "Step trains exactly one mini-batch"

    window.act_start.trigger()  # Resume
    qtbot.waitUntil(lambda: c.snapshot.step > step + 50, timeout=10_000)
    window.act_stop.trigger()
    wait_for_status(qtbot, window, "stopped")
    assert not c.is_training
    assert window.act_start.text() == "Continue"
    stopped_epoch = c.snapshot.epoch
    assert 0 < stopped_epoch < 100_000

    window.act_reset.trigger()
    assert c.status == "ready"
    c.settle()  # the new network's first snapshot, from the worker
    assert c.snapshot.step == 0 and c.snapshot.epoch == 0
    assert window.act_start.text() == "Train"


def test_step_from_idle_trains_one_batch(make_window, qtbot):
    window = make_window()
    c = window.controller
    window.act_step.trigger()
    qtbot.waitUntil(lambda: c.snapshot.step == 1, timeout=20_000)
    assert c.status == "paused"
    c.stop(wait=True)
    assert c.snapshot.step == 1


def test_parameter_count_shown_equals_the_engines(make_window, qtbot):
    window = make_window()
    panel = window.architecture_panel
    assert "Parameters: 31" in panel.count_label.text()
    panel.add_layer()  # two hidden layers of 10
    panel.table.cellWidget(1, 0).setValue(7)
    config = window.current_config()
    network = build_network(config, window.controller.dataset)
    assert network.n_params == 1 * 10 + 10 + 10 * 7 + 7 + 7 * 1 + 1
    assert f"Parameters: {network.n_params:,}" in panel.count_label.text()
    assert "W<sup>[2]</sup> &isin; &#8477;<sup>7&times;10" in panel.notation.text()
    assert window.controller.network.n_params == network.n_params  # rebuilt (untrained)


@pytest.mark.parametrize("button", ["add", "remove", "up"])
def test_a_typed_width_not_yet_applied_survives_a_row_button(make_window, qtbot, button):
    """A width typed but not yet applied (no Enter, no Tab; on macOS a click on a button
    leaves the focus in the box) is applied before the rows are rebuilt, and the boxes the
    rebuild discards send nothing on their way out (they used to: layers() then met a row
    without its widgets, an AttributeError)."""
    window = make_window()
    panel = window.architecture_panel
    panel.add_layer()  # two rows, so Remove and Up have something to do
    tabs = window.setup_tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count())
                              if tabs.widget(i).isAncestorOf(panel)))  # fmt: skip
    window.activateWindow()
    spin = panel.table.cellWidget(1, 0)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus, timeout=5_000)
    spin.lineEdit().selectAll()
    spin.lineEdit().insert("23")  # typed: the value is still 10 (no keyboard tracking)
    assert spin.value() == 10
    panel.table.selectRow(1)
    getattr(panel, f"{button}_button").click()  # a click that does not take the focus
    expected = {"add": [10, 23, 23], "remove": [10], "up": [23, 10]}[button]
    assert panel.model_config().hidden == expected
    assert window.controller.config.model.hidden == expected
    assert all(panel.table.cellWidget(r, 0) is not None for r in range(panel.table.rowCount()))


def test_changing_the_architecture_after_training_offers_a_reset(make_window, qtbot):
    window = make_window(epochs=20)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    window.architecture_panel.table.cellWidget(0, 0).setValue(12)
    assert window.message_bar.isVisible()
    assert "architecture changed" in window.message_bar.label.text()
    assert window.controller.network.sizes == [1, 10, 1]  # the trained network is kept
    window.message_bar.button.click()  # "Reset now"
    assert window.controller.network.sizes == [1, 12, 1]
    assert window.controller.status == "ready"


def test_learning_rate_change_applies_while_training(make_window, qtbot):
    window = make_window(epochs=100_000)
    c = window.controller
    c.start()
    qtbot.waitUntil(lambda: c.snapshot.epoch > 5, timeout=20_000)
    run = c.run
    window.training_panel.learning_rate.setValue(0.002)
    changed_at = c.snapshot.epoch
    # The window's latest snapshot lags the training process by up to one snapshot (tens of
    # epochs here), so wait for the new rate to show rather than for a number of epochs.
    qtbot.waitUntil(
        lambda: c.snapshot.history["learning_rate"][-1] == pytest.approx(0.002), timeout=20_000
    )
    assert c.is_training and c.run is run  # a control to the running run, not a restart
    lrs = c.snapshot.history["learning_rate"]
    assert lrs[1] == pytest.approx(0.01) and lrs[changed_at] == pytest.approx(0.01)
    assert window.data_panel.isEnabled() is False  # locked while training
    assert window.training_panel.learning_rate.isEnabled()
    c.stop(wait=True)


def test_closing_during_training_stops_cleanly(make_window, qtbot):
    for mode in ("process", "thread"):
        window = make_window(epochs=100_000, mode=mode)
        c = window.controller
        c.start()
        qtbot.waitUntil(lambda c=c: c.snapshot.step > 10, timeout=20_000)
        run = c.run
        process = c.process._proc if c.process is not None else None
        window.close()
        assert not run.is_running()
        if process is not None:
            assert process.poll() is not None, "the training process must have exited"
        else:
            assert not run.thread.isRunning()


def test_space_starts_and_pauses_but_types_in_the_formula(make_window, qtbot):
    window = make_window(epochs=100_000)
    c = window.controller
    window.windowHandle().requestActivate()  # shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    plot = window.prediction_view.plot
    assert window.focusWidget() is plot  # Space works from the start
    qtbot.keyClick(plot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: c.is_training, timeout=5000)
    qtbot.keyClick(plot, Qt.Key.Key_Space)
    assert c.status == "paused"
    c.stop(wait=True)
    window.act_reset.trigger()
    window.data_panel.formula.setFocus()
    qtbot.keyClick(window.data_panel.formula, Qt.Key.Key_Space)
    assert not c.is_training
    assert window.data_panel.formula.text().endswith(" ")


def test_two_dimensional_sets_train_and_draw_regions(make_window, qtbot):
    window = make_window()
    window.load_preset("xor")
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    image = window.prediction_view.image.image
    assert image is not None and image.shape == (100, 100)
    assert image.min() < 0.2 and image.max() > 0.8  # both classes are predicted somewhere
    assert window.controller.snapshot.last("test_metric") > 0.85


def test_presentation_mode_enlarges_fonts_and_lines(make_window, qtbot):
    from PySide6.QtWidgets import QApplication

    from mlpstudio.gui.style import Style

    window = make_window()
    size = QApplication.font().pointSizeF()
    width = Style.instance().line_width
    window.act_presentation.setChecked(True)
    try:
        assert QApplication.font().pointSizeF() > 1.4 * size
        assert Style.instance().line_width > width
        assert window.loss_view.train_curve.opts["pen"].widthF() == Style.instance().line_width
    finally:
        window.act_presentation.setChecked(False)
    assert QApplication.font().pointSizeF() == pytest.approx(size)


def test_every_control_explains_itself(make_window):
    """Every input of the three panels has a tooltip (run buttons use their action's)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QSlider,
        QToolButton,
    )

    window = make_window()
    checked, missing = 0, []
    for panel in (window.data_panel, window.architecture_panel, window.training_panel):
        for kind in (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractButton, QSlider):
            for widget in panel.findChildren(kind):
                if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
                    continue  # the line edit inside a spin box or an editable combo
                if widget.parent() is window.data_panel.preview:
                    continue  # the preview's hidden export button
                if type(widget) is QAbstractButton:
                    continue  # Qt's own table corner button
                tip = widget.toolTip()
                if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
                    tip = widget.defaultAction().toolTip()
                checked += 1
                if not tip:
                    missing.append(f"{type(widget).__name__} '{getattr(widget, 'text', str)()}'")
    assert checked > 30
    assert not missing, missing


def test_view_export_writes_a_png(make_window, qtbot, tmp_path):
    window = make_window(epochs=20)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    for view in window.views:
        path = view.export_png(tmp_path / f"{view.export_name}.png")
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1000
    assert not list(tmp_path.glob("*.part"))


def test_window_layout_and_experiment_persist(make_window, qtbot, settings_dir):
    from mlpstudio.gui.main_window import restored_config
    from mlpstudio.gui.settings import app_settings

    settings = app_settings()
    window = make_window(settings=settings)
    window.data_panel.formula.setText("exp(-10*x**2)")
    window.data_panel._emit_changed()
    window.view_docks["weights"].hide()
    window.close()
    settings = app_settings()
    config = restored_config(settings)
    assert config.data.formula == "exp(-10*x**2)"
    again = make_window(config=config, settings=settings)
    assert again.data_panel.formula.text() == "exp(-10*x**2)"
    assert not again.view_docks["weights"].isVisible()


def test_smoke_mode_exits_zero_and_saves_a_screenshot(tmp_path):
    shot = tmp_path / "smoke.png"
    result = subprocess.run(
        [sys.executable, "-m", "mlpstudio", "--smoke", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert "status finished" in result.stdout
    assert shot.read_bytes()[:4] == b"\x89PNG"


def test_hovering_a_weight_shows_its_value(make_window, qtbot):
    from PySide6.QtCore import QPoint, QPointF

    window = make_window(epochs=10)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    view = window.weights_view
    view.show_snapshot(window.controller.snapshot)
    vb, image, _, _ = view.rows[0]
    # the centre of W^[1]_{3,1} in scene coordinates, then in the widget's pixels
    scene_point = vb.mapViewToScene(QPointF(0.5, 2.5))
    pixel = view.graphics.mapFromScene(scene_point)
    view._hover(view.graphics.mapToScene(pixel))
    w = window.controller.snapshot.weights[0][0]
    assert "W<sup>[1]</sup><sub>3,1</sub>" in view.caption.text()
    assert f"{w[2, 0]:.4g}" in view.caption.text()
    view._hover(QPointF(-1000, -1000))
    assert "per layer" in view.caption.text()
    assert isinstance(pixel, QPoint)


def test_two_dimensional_regions_cover_the_domain(make_window, qtbot):
    """The probability image spans the input square (pixels mapped after each update)."""
    window = make_window()
    window.load_preset("circle")
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    rect = window.prediction_view.image.mapRectToParent(window.prediction_view.image.boundingRect())
    assert rect.left() == pytest.approx(-1.0) and rect.right() == pytest.approx(1.0)
    assert rect.top() == pytest.approx(-1.0) and rect.bottom() == pytest.approx(1.0)
    # inside the disc the network predicts class 1, on the ring class 0
    image = window.prediction_view.image.image
    assert image[50, 50] > 0.5 and image[50, 5] < 0.5


def test_mnist_subset_fills_the_confusion_matrix_and_gallery(
    make_window, qtbot, shared_datasets, tmp_path
):
    from mlpstudio.experiment.presets import preset_config

    config = preset_config("mnist")
    config.data.root = str(shared_datasets / "mnist")
    config.data.subset = 1000
    config.training.epochs = 1
    window = make_window(config=config)
    assert window.central_views.currentWidget() is window.gallery_view
    assert window.data_panel.image_preview.has_content()  # samples before training
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    window._show_class_results(force=True)
    counts = window.confusion_view._counts
    assert counts.shape == (10, 10) and counts.sum() == 1000
    assert np.trace(counts) > 500  # one epoch on 1,000 digits already gets most right
    assert window.gallery_view.has_content()
    captions = [tile[1] for tile in window.gallery_view.grid.tiles]
    assert all("→" in c and "%" in c for c in captions)
    # a confusion cell shows exactly its images in the gallery
    true, pred = np.unravel_index(np.argmax(counts - np.diag(np.diag(counts))), counts.shape)
    window.confusion_view.cellClicked.emit(int(true), int(pred))
    shown = window.gallery_view.grid.tiles
    assert len(shown) == min(counts[true, pred], window.gallery_view.page_size())
    assert all(ok is False for _, _, ok, _ in shown)
    for dock in window.view_docks.values():
        dock.raise_()  # a tab brought to the front draws the latest snapshot
    qtbot.wait(50)
    for view in window.views:
        assert view.has_content(), type(view).__name__
    assert window.grab().save(str(tmp_path / "main_window_mnist.png"))


def test_missing_image_set_says_how_to_get_it(make_window, qtbot, tmp_path, monkeypatch):
    from mlpstudio.experiment.presets import preset_config

    monkeypatch.setenv("MLPSTUDIO_DATA", str(tmp_path / "empty-store"))
    window = make_window(config=preset_config("fashion-mnist"))
    assert not window.act_start.isEnabled()
    message = window.data_panel.data_message
    assert message.isVisible() and "fetch" in message.text()
    assert "Not on this computer" in window.data_panel.image_status.text()


def test_formula_with_a_singularity_shows_a_warning_and_still_trains(make_window, qtbot):
    window = make_window()
    panel = window.data_panel
    panel.formula.setText("1/x")
    panel._emit_changed()
    assert panel.formula_warning.isVisible()
    assert "x = 0" in panel.formula_warning.text()
    assert not panel.formula_message.isVisible()
    assert window.act_start.isEnabled()  # a warning, not a refusal
    panel.formula.setText("sin(3*pi*x)+")
    panel._emit_changed()
    assert not panel.formula_warning.isVisible() and panel.formula_message.isVisible()
    assert "▸" in panel.formula_message.text()  # the marker at the end, where '+' needs more
    panel.formula.setText("sin(3*pi*x)")
    panel._emit_changed()
    assert not panel.formula_warning.isVisible() and not panel.formula_message.isVisible()
