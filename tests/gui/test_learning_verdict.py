"""When a run ends without having learned, the window says so once, with what to try
(core.insight.learning_verdict); a run that learned gets no such message."""

from mlpstudio.experiment.config import Config

from .conftest import wait_for_status


def spiral(learning_rate: float, epochs: int = 60) -> Config:
    return Config().with_overrides([
        "data.kind=toy", "data.toy=spiral", "model.hidden=[10]", "model.activation=tanh",
        "training.optimizer=sgd", f"training.learning_rate={learning_rate}",
        "training.batch_size=16", f"training.epochs={epochs}",
    ])  # fmt: skip


def test_a_run_whose_steps_overshoot_is_told_to_lower_the_learning_rate(make_window, qtbot):
    window = make_window(config=spiral(10.0), mode="thread")
    bar = window.message_bar
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    qtbot.waitUntil(bar.isVisible, timeout=5_000)
    text = bar.label.text()
    assert text.startswith("The network did not learn") and "10 times smaller (10 now)" in text
    history = window.controller.snapshot.history["train_loss"]
    assert min(history[-5:]) > history[0]  # the oracle: the run's own losses
    from dataclasses import replace

    window._on_snapshot(replace(window.controller.snapshot, status="running", step=1))
    assert not bar.isVisible()  # another run started: the verdict of the last one goes
    window.timeline_bar.show_epoch(3)  # a replayed epoch is no new verdict
    assert not bar.isVisible()


def test_a_run_that_learns_gets_no_verdict(make_window, qtbot):
    window = make_window(epochs=300, mode="thread")  # the course example
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    qtbot.wait(20)
    history = window.controller.snapshot.history["train_loss"]
    assert min(history[-5:]) < 0.5 * history[0]
    assert not window.message_bar.isVisible()
