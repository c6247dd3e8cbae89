"""State that is never stale (issue 9, item 6): banners, curves, ranges, progress and time."""

import dataclasses

import numpy as np
import pytest
from PySide6.QtGui import QImage

from mlpstudio.experiment.config import Config

from .conftest import wait_for_status


def test_the_untrained_network_is_drawn_before_training(make_window):
    window = make_window()
    view = window.prediction_view
    snapshot = window.controller.snapshot
    assert snapshot.epoch == 0 and snapshot.step == 0
    x, y = view.net_curve.getData()
    assert x is not None and len(x) == len(snapshot.plot_output)
    np.testing.assert_allclose(y, snapshot.plot_output[:, 0])
    assert view.has_content()


def test_the_architecture_banner_leaves_once_the_new_network_trains(make_window, qtbot):
    window = make_window(epochs=3, mode="thread")
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    window.architecture_panel.load(dataclasses.replace(window.controller.config.model,
                                                       hidden=[7]))  # fmt: skip
    window._apply_panels()
    assert window.message_bar.isVisible()  # the offer to rebuild
    window.controller.start()  # Train resets to the new architecture and trains it
    wait_for_status(qtbot, window, "finished")
    assert window.controller.network.sizes == [1, 7, 1]
    assert not window.message_bar.isVisible()
    assert window.act_start.text() == "Continue"


def test_the_prediction_range_shrinks_back_after_a_reset(make_window, qtbot):
    window = make_window()
    view = window.prediction_view
    data_range = view.plot.getViewBox().viewRange()[1]
    wild = window.controller.snapshot
    wild = dataclasses.replace(wild, plot_output=wild.plot_output * 0 + 40.0)
    window._on_snapshot(wild)  # a run whose network strays far from the data
    assert view.plot.getViewBox().viewRange()[1][1] > 40
    window._reset()  # a new network, a new run
    window.controller.settle()
    assert view.plot.getViewBox().viewRange()[1] == pytest.approx(data_range)
    x, y = view.net_curve.getData()
    np.testing.assert_allclose(y, window.controller.snapshot.plot_output[:, 0])


def test_the_loss_range_starts_afresh_after_a_reset(make_window, qtbot):
    window = make_window(epochs=150, mode="thread")
    untrained = window.loss_view._y_range.range  # around the epoch-0 losses
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    trained = window.loss_view._y_range.range
    # the loss fell below the untrained range (which spans a decade around the first point)
    assert trained[0] < untrained[0] - 0.25
    window._reset()
    assert window.loss_view._y_range.range == pytest.approx(untrained)
    lo, hi = window.loss_view.plot.getViewBox().viewRange()[1]
    assert lo == pytest.approx(untrained[0]) and hi == pytest.approx(untrained[1])


def test_a_step_shows_the_loss_of_its_mini_batch(make_window, qtbot):
    config = Config()
    config.training.batch_size = 10_000  # one mini-batch holds the whole training set
    window = make_window(config=config, mode="thread")
    untrained_loss = window.controller.snapshot.last("train_loss")
    window.controller.step()
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 1, timeout=30_000)
    snapshot = window.controller.snapshot
    assert snapshot.epoch == 0 or snapshot.batch_in_epoch == 1
    # the loss the step trained on is the untrained network's loss on the training set,
    # which the evaluation (another code path) computed before
    assert snapshot.batch_loss == pytest.approx(untrained_loss, rel=1e-4)
    window._on_status(window.controller.status)
    window._on_snapshot(snapshot)
    text = window.status_label.text()
    assert "mini-batch loss" in text and "(1 of 1 batches)" in text, text
    window.controller.stop(wait=True)


def test_no_time_left_is_claimed_after_a_stop(make_window, qtbot):
    window = make_window(epochs=100_000, mode="thread")
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.snapshot.epoch >= 2, timeout=30_000)
    window.controller.stop(wait=True)
    wait_for_status(qtbot, window, "stopped")
    snapshot = window.controller.snapshot
    assert snapshot.eta is None
    text = window.training_panel.progress_label.text()
    assert "0.0 s" not in text.split("·")[0] and "–" in text.split("·")[0], text


def test_a_reopened_experiment_reports_its_total_time(make_window, qtbot, tmp_path):
    window = make_window(epochs=20, mode="thread")
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    saved = window.controller.snapshot.elapsed
    saved_seconds = window.controller.snapshot.history["seconds"][-1]
    assert 0 < saved_seconds <= saved  # the history records the time at every epoch
    path = tmp_path / "run.mlpx"
    assert window.files._write(path)
    window.load_preset("xor")
    assert window.files.open(str(path))
    assert window.controller.snapshot.elapsed == pytest.approx(saved_seconds)
    window.controller.config.training.epochs = 5
    window.controller.start()  # continue: the time goes on from the saved time
    wait_for_status(qtbot, window, "finished")
    seconds = window.controller.snapshot.history["seconds"]
    assert window.controller.snapshot.elapsed > saved_seconds
    assert np.all(np.diff(seconds[np.isfinite(seconds)]) >= 0)


def test_the_report_embeds_plots_in_the_apps_colours(make_window, qtbot, tmp_path):
    from mlpstudio import colours
    from mlpstudio.experiment.report_export import _loss_svg

    window = make_window(epochs=5, mode="thread")
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    svg = _loss_svg(window.controller.snapshot.history)
    assert f'stroke="{colours.TEST}"' in svg and f'stroke="{colours.TRAIN}"' in svg
    assert colours.PREDICTION not in svg  # test loss is green, as in the app, not red
    from mlpstudio.gui import style

    assert style.TEST.name() == colours.TEST.lower()
    view = window.loss_view
    png = view.figure_png()
    image = QImage.fromData(png, "PNG")
    body = view.body.geometry()
    # the plot only: the header with the log-scale box and the Export button is left out
    ratio = image.devicePixelRatio()
    assert image.height() / ratio == pytest.approx(body.height(), abs=1)
    assert image.height() / ratio < view.height()
    svg_text = view.export_svg(tmp_path / "loss.svg").read_text(encoding="utf-8")
    assert f'viewBox="0 0 {body.width()} {body.height()}"' in svg_text
    assert "Export..." not in svg_text and "Log scale" not in svg_text


def test_a_hidden_view_draws_the_latest_snapshot_when_shown(make_window, qtbot):
    window = make_window(epochs=5, mode="thread")
    dock = window.view_docks["loss"]
    dock.hide()  # the user closed the Loss view
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    assert not window.loss_view.has_content()  # nothing drawn while hidden...
    dock.show()  # ...and the latest run appears as soon as it is opened again
    x, y = window.loss_view.train_curve.getData()
    history = window.controller.snapshot.history
    np.testing.assert_array_equal(x, history["epoch"])
    np.testing.assert_allclose(y, np.log10(history["train_loss"]))  # (log-scale axis)


@pytest.mark.parametrize("change", ["data", "architecture"])
def test_the_status_line_never_reports_a_result_the_change_made_stale(make_window, qtbot,
                                                                      change):  # fmt: skip
    window = make_window(epochs=5, mode="thread")
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    assert "Test MSE" in window.status_label.text()  # the run's result, while it applies
    if change == "data":
        data = dataclasses.replace(window.controller.config.data, formula="x**2")
        window.data_panel.load(data)
    else:
        window.architecture_panel.load(dataclasses.replace(window.controller.config.model,
                                                           hidden=[7]))  # fmt: skip
    window._apply_panels()
    assert window.controller.pending_rebuild  # the reset is offered, not done
    text = window.status_label.text()
    assert "Test MSE" not in text and "Finished" not in text
    assert f"The {change} changed" in text and "Train" in text
    progress = window.training_panel.progress
    # the old run's epoch stays beside the trained network the views still show, and goes
    # with it when the data changed
    assert (progress.text() == "") == (change == "data")
    window._reset()  # the new network: ready, and its own numbers once trained
    assert window.status_label.text().startswith("Ready:")


def test_the_loss_plot_before_the_first_epoch_is_a_readable_range_with_a_hint(make_window,
                                                                             qtbot):  # fmt: skip
    window = make_window(epochs=3, mode="thread")
    view = window.loss_view
    snapshot = window.controller.snapshot
    assert len(snapshot.history["epoch"]) == 1  # the untrained network's losses only
    losses = [snapshot.last("train_loss"), snapshot.last("test_loss")]
    lo, hi = view.plot.getViewBox().viewRange()[1]  # log10 of the loss
    # a decade around the point (the train and test losses differed by thousandths and the
    # axis spanned just them: 0.763 to 0.768)
    assert hi - lo >= 1.0
    assert lo < np.log10(min(losses)) - 0.4 and np.log10(max(losses)) + 0.4 < hi
    assert view.hint.isVisible() and "first epoch" in view.hint.textItem.toPlainText()
    assert view.train_curve.opts["symbol"] == "o"  # one point, drawn as a dot
    view.log_y.setChecked(False)
    lo, hi = view.plot.getViewBox().viewRange()[1]
    assert lo <= 0 and hi >= 1.9 * max(losses)
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    assert not view.hint.isVisible() and view.train_curve.opts["symbol"] is None
    lo, hi = view.plot.getViewBox().viewRange()[1]
    trained = window.controller.snapshot.history["train_loss"]
    assert lo <= trained.min() and trained.max() <= hi


def test_views_without_data_or_network_say_so_instead_of_showing_old_axes(make_window):
    window = make_window()
    views = (window.prediction_view, window.loss_view, window.data_panel.preview)
    notes = (window.prediction_view.no_data, window.loss_view.no_network,
             window.data_panel.preview.no_data)  # fmt: skip
    assert all(view.plot.isVisible() for view in views)
    assert not any(note.isVisible() for note in notes)
    bad = dataclasses.replace(window.controller.config.data, formula="sin(")
    window.data_panel.load(bad)
    window._apply_panels()
    assert window.controller.dataset is None and window.controller.network is None
    assert not any(view.plot.isVisible() for view in views)
    assert all(note.isVisible() and note.text() for note in notes)
    good = dataclasses.replace(bad, formula="x**2")
    window.data_panel.load(good)
    window._apply_panels()
    assert all(view.plot.isVisible() for view in views)
    assert not any(note.isVisible() for note in notes)
