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
