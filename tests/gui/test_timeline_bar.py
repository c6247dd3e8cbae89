"""The timeline under the loss plot (issue 12, item 5): dragging shows a past epoch's exact
weights in the views, Live returns, and a saved experiment reopens with its timeline."""

import numpy as np
import pytest

from mlpstudio.experiment.build import build_dataset, build_trainer
from mlpstudio.experiment.config import Config

from .conftest import wait_for_status


def course(epochs: int) -> Config:
    config = Config()
    config.training.epochs = epochs
    return config


def weights_after(epochs: int):
    """The oracle: the course example trained alone for ``epochs`` epochs from the same seed."""
    config = course(epochs)
    trainer = build_trainer(config, build_dataset(config.data), snapshot_interval=0.0)
    trainer.run()
    return trainer.network.weights_to_host()


@pytest.mark.parametrize("mode", ["thread", "process"])
def test_the_timeline_shows_the_exact_weights_of_the_chosen_epoch(make_window, qtbot, mode):
    window = make_window(epochs=30, mode=mode)
    c, bar = window.controller, window.timeline_bar
    assert not bar.isEnabled()  # nothing trained yet
    c.start()
    wait_for_status(qtbot, window, "finished")
    qtbot.waitUntil(lambda: c.timeline.epochs == list(range(31)), timeout=10_000)
    qtbot.waitUntil(lambda: bar.slider.maximum() == 30, timeout=5_000)
    assert bar.isEnabled() and not bar.live.isEnabled()
    shown = []
    c.snapshotReady.connect(shown.append)
    assert bar.show_epoch(12) == 12
    replay = c.replay
    assert shown[-1] is replay and c.shown is replay and replay.epoch == 12
    for (w, b), (w0, b0) in zip(replay.weights, weights_after(12)):
        np.testing.assert_array_equal(w, w0)
        np.testing.assert_array_equal(b, b0)
    assert all(view.accepts(replay) for view in window.views)  # every view may draw it
    assert window.loss_view.markers[0].isVisible() and window.loss_view.markers[0].value() == 12
    assert bar.live.isEnabled() and "12" in bar.label.text()
    # the final network is untouched: what is saved or continued is the run's end
    assert c.snapshot.epoch == 30 and not np.array_equal(
        c.network.params_to_host(), c.timeline.at(12)
    )
    bar.live.click()
    assert c.replay is None and shown[-1] is c.snapshot
    assert not window.loss_view.markers[0].isVisible() and bar.slider.value() == 30


def test_while_training_in_the_process_the_slider_fetches_the_exact_epoch(make_window, qtbot):
    """The timeline stays in the training process while it trains (issue 14): the slider's
    range follows its snapshots, and the epoch dragged to is fetched and shown a moment later,
    with that epoch's exact weights; Live while one is on its way shows nothing stale."""
    window = make_window(epochs=1_000_000, mode="process")
    c, bar = window.controller, window.timeline_bar
    c.start()
    qtbot.waitUntil(lambda: bar.isEnabled() and bar.slider.maximum() >= 12, timeout=20_000)
    assert len(c.timeline) == 0 and c.timeline_epochs()[:13] == list(range(13))
    bar.slider.setValue(12)  # a drag
    qtbot.waitUntil(lambda: c.replay is not None, timeout=10_000)
    assert c.replay.epoch == 12 and c.is_training and bar.live.isEnabled()
    for (w, b), (w0, b0) in zip(c.replay.weights, weights_after_long(12)):
        np.testing.assert_array_equal(w, w0)
        np.testing.assert_array_equal(b, b0)
    assert all(view.accepts(c.replay) for view in window.views)
    assert c.show_epoch(3) == 3 and c.replay.epoch == 12  # on its way: asked, not yet shown
    bar.live.click()  # before it came: it is never shown
    qtbot.wait(300)
    assert c.replay is None and c.is_training
    c.stop()
    wait_for_status(qtbot, window, "stopped")
    assert c.timeline.epochs[:13] == list(range(13))  # handed over when the run ended
    assert c.timeline.epochs[-1] == c.snapshot.epoch


def test_an_epoch_asked_for_as_the_run_ends_is_shown_from_what_it_handed_over(make_window, qtbot):
    """Asked of the process, then the run stops at once: answered or not, the views show that
    epoch's exact weights (from the answer, or from the timeline handed over at the end)."""
    window = make_window(epochs=1_000_000, mode="process")
    c = window.controller
    c.start()
    qtbot.waitUntil(lambda: len(c.timeline_epochs()) > 6, timeout=20_000)
    assert c.show_epoch(4) == 4
    c.stop(wait=True)
    qtbot.waitUntil(lambda: c.replay is not None and c.status == "stopped", timeout=10_000)
    assert c.replay.epoch == 4 and c.timeline.epochs[:5] == [0, 1, 2, 3, 4]
    for (w, b), (w0, b0) in zip(c.replay.weights, weights_after_long(4)):
        np.testing.assert_array_equal(w, w0)
        np.testing.assert_array_equal(b, b0)


def weights_after_long(epochs: int):
    """The oracle for a run of a million epochs (its schedule may depend on the total):
    trained here from the same seed, stopped once ``epochs`` epochs have ended."""
    config = course(1_000_000)
    trainer = build_trainer(config, build_dataset(config.data), snapshot_interval=0.0,
                            timeline_budget=2**30)  # fmt: skip
    for snapshot in trainer:
        for epoch, params in snapshot.epoch_params:
            if epoch == epochs:
                return trainer.network.layers_of(params)
    raise AssertionError("never reached")


def test_play_steps_through_the_kept_epochs(make_window, qtbot):
    window = make_window(epochs=5, mode="thread")
    c, bar = window.controller, window.timeline_bar
    c.start()
    wait_for_status(qtbot, window, "finished")
    seen = []
    c.replayChanged.connect(seen.append)
    bar.play.click()
    qtbot.waitUntil(lambda: not bar.play.isChecked(), timeout=10_000)
    assert seen[:6] == [0, 1, 2, 3, 4, 5]
    assert c.replay.epoch == 5  # it stays on the last epoch; Live returns
    c.start()  # training again leaves the replay first
    assert c.replay is None
    c.stop(wait=True)


@pytest.mark.parametrize("mode", ["thread", "process"])
def test_a_saved_experiment_reopens_with_its_timeline(make_window, qtbot, tmp_path, monkeypatch,
                                                      mode):  # fmt: skip
    from PySide6.QtWidgets import QFileDialog

    window = make_window(epochs=20, mode="thread")
    c = window.controller
    c.start()
    wait_for_status(qtbot, window, "finished")
    path = tmp_path / "run.mlpx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    assert window.files.save_as()
    other = make_window(epochs=5, mode=mode)
    assert other.files.open(str(path))
    other.controller.settle()
    opened = other.controller.timeline
    assert opened.epochs == c.timeline.epochs == list(range(21))
    assert other.timeline_bar.isEnabled()
    assert other.timeline_bar.show_epoch(7) == 7
    for (w, b), (w0, b0) in zip(other.controller.replay.weights, weights_after(7)):
        np.testing.assert_array_equal(w, w0)
        np.testing.assert_array_equal(b, b0)
    # continuing the opened run keeps adding to its timeline
    other.controller.config.training.epochs = 3
    other.controller.start()
    wait_for_status(qtbot, other, "finished")
    qtbot.waitUntil(lambda: opened.epochs[-1] == 23, timeout=10_000)
    # the file's epochs, then the continued run's (in the process: handed over at its end)
    assert opened.epochs == other.controller.timeline_epochs() == list(range(24))
    assert other.timeline_bar.show_epoch(22) == 22
    last = other.controller.network.params_to_host()
    assert not np.array_equal(opened.at(22), last) and np.array_equal(opened.at(23), last)


def test_the_epoch_label_keeps_its_room_in_presentation_mode(make_window, qtbot):
    from mlpstudio.gui.style import Style, number

    window = make_window(epochs=12)
    bar, c = window.timeline_bar, window.controller
    c.start()
    wait_for_status(qtbot, window, "finished")
    qtbot.waitUntil(lambda: bar.slider.maximum() == 12, timeout=5_000)
    widest = bar.tr("epoch {epoch}").format(epoch=number(12))
    small = bar.label.minimumWidth()
    assert small >= bar.label.fontMetrics().horizontalAdvance(widest)
    assert small < bar.label.fontMetrics().horizontalAdvance(widest + "888")  # no room wasted
    Style.instance().set_presentation(True)
    try:
        qtbot.waitUntil(lambda: bar.label.minimumWidth() > small, timeout=5_000)
        assert bar.label.minimumWidth() >= bar.label.fontMetrics().horizontalAdvance(widest)
    finally:
        Style.instance().set_presentation(False)
