"""The Training panel's Device row says what computes and whether GPU training steps replay as
CUDA graphs (core/cuda_graph.py; the decision itself is tested in tests/test_gpu_graph.py)."""

from mlpstudio.core import cuda_graph


def test_the_training_panel_shows_the_device_line(qtbot, monkeypatch):
    from mlpstudio.gui.panels.training_panel import TrainingPanel

    monkeypatch.delenv(cuda_graph.ENV_SWITCH, raising=False)
    panel = TrainingPanel([])
    qtbot.addWidget(panel)
    assert panel.backend_reason.text() == cuda_graph.device_line()
    assert "CUDA graph replay: " in panel.backend_reason.text()


def test_during_a_run_the_device_line_says_what_the_runs_steps_do(make_window, qtbot):
    """The row follows the run's own step graph (carried by the snapshots from the training
    process), not the guess made before it: a CPU run says the CPU computes, a GPU run that
    left graph replay says why, and a reset goes back to the guess."""
    from dataclasses import replace

    from .conftest import wait_for_status

    window = make_window(epochs=2)
    row = window.training_panel.backend_reason
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    assert row.text() == cuda_graph.run_device_line("cpu")
    assert row.text().endswith("CUDA graph replay: off (the CPU computes).")
    fell_back = replace(window.controller.snapshot, graph_reason="failed", graph_detail="boom")
    window.training_panel.show_progress(fell_back)
    assert row.text().endswith("CUDA graph replay: off (capture failed: boom).")
    window.training_panel.show_progress(None)
    assert row.text() == cuda_graph.device_line()
