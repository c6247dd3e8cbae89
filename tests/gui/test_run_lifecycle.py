"""One run lifecycle (issue 11, item 5): every run has an id and a stale signal is ignored."""

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
