"""One run lifecycle (issue 11, item 5): every run has an id and a stale signal is ignored."""

import numpy as np
import pytest

from .conftest import wait_for_status


@pytest.mark.parametrize("mode", ["thread", "process"])
def test_a_replaced_runs_finished_signal_leaves_the_new_run_alone(make_window, qtbot, mode):
    """Pause -> stop(wait) -> reset -> start in one event-loop turn: the first run's
    ``finished`` is still queued when the second run starts. Were it taken for the new run's,
    it would stop the poll timer and set "stopped" while the worker trains on."""
    window = make_window(epochs=100_000, mode=mode)
    c = window.controller
    c.start()
    wait_for_status(qtbot, window, "running")
    qtbot.waitUntil(lambda: c.snapshot is not None and c.snapshot.step > 0, timeout=30_000)
    first = c.run
    # one event-loop turn: nothing is processed between these calls
    c.pause()
    c.stop(wait=True)
    c.reset()
    c.start()
    second = c.run
    assert second is not first and second.run_id != first.run_id
    assert not first.is_running()  # its finished signal is queued, not yet delivered
    seen = []
    c.snapshotReady.connect(lambda snap: seen.append(snap.step))
    # the old run's queued signal is delivered now; snapshots of the new run keep coming
    qtbot.waitUntil(lambda: len(seen) >= 3 and seen[-1] > seen[0], timeout=30_000)
    assert c.status == "running" and c.is_training
    assert window.act_stop.isEnabled()
    c.stop(wait=True)
    qtbot.waitUntil(lambda: c.status == "stopped", timeout=10_000)


@pytest.mark.parametrize("mode", ["thread", "process"])
def test_the_compare_window_stops_within_an_architecture(make_window, qtbot, monkeypatch, mode):
    """The comparison runs in the window's own training process (or, as the fallback, a
    thread); Stop ends the architecture being trained and starts no other."""
    monkeypatch.setenv("MLPSTUDIO_TRAINING", mode)
    window = make_window()
    window.show_comparison()
    compare = window.compare_window
    compare.list_edit.setText("10; 50")
    compare.epochs.setValue(1_000_000)
    compare.run()
    assert (compare.process is not None) == (mode == "process")
    qtbot.waitUntil(lambda: compare.comparison.progress is not None, timeout=30_000)
    assert compare.is_running() and not compare.run_button.isEnabled()
    compare.stop()
    qtbot.waitUntil(lambda: not compare.is_running(), timeout=30_000)
    compare._poll()  # (the window's timer would do it)
    assert compare.table.rowCount() == 1 and compare.comparison.rows[0].status == "stopped"
    assert compare.run_button.isEnabled() and "1 of 2" in compare.progress_label.text()
    compare.close()
    assert compare.process is None  # its training process was shut down


def test_a_small_networks_first_snapshot_needs_no_training_process(qtbot, settings_dir):
    """The course example's untrained snapshot (400 rows x 31 parameters) is computed by the
    window itself, so no training process starts before the window is shown; a network
    whose evaluation is heavy still has it computed by the process, off the window's thread."""
    from mlpstudio.experiment.config import Config
    from mlpstudio.gui.controller import FIRST_SNAPSHOT_HERE_MACS, ExperimentController

    small = ExperimentController(Config(), mode="process")
    try:
        assert small.preview is None and small.snapshot is not None
        assert not small.process.is_alive()  # nothing launched yet
        net = small.network.forward(small.dataset.x_test)
        assert np.allclose(small.snapshot.test_output, net, rtol=1e-5, atol=1e-6)  # float32
    finally:
        small.shutdown()
    heavy_config = Config().with_overrides(["data.points=4000", "model.hidden=[400,400]"])
    heavy = ExperimentController(heavy_config, mode="process")
    try:
        rows = len(heavy.dataset.x_train) + len(heavy.dataset.x_test)
        assert rows * heavy.network.n_params > FIRST_SNAPSHOT_HERE_MACS
        assert heavy.preview is not None and heavy.process.is_alive()
        assert heavy.settle() and heavy.snapshot is not None
    finally:
        heavy.shutdown()
