"""Early stopping in the window: the loss view draws the validation losses."""

from mlpstudio.experiment.config import Config

from .conftest import wait_for_status


def test_early_stopping_in_the_window_draws_the_validation_curve(make_window, qtbot):
    """The loss view's validation curve joins the plot when the run holds out a validation
    set (it raised in pyqtgraph when it took data outside the plot); its points are the
    history's validation losses."""
    import numpy as np

    config = Config().with_overrides(["training.early_stopping=true", "training.epochs=20"])
    window = make_window(config=config, mode="thread")
    window.controller.start()
    wait_for_status(qtbot, window, "finished", "early_stopped")
    qtbot.wait(20)
    view, history = window.loss_view, window.controller.snapshot.history
    assert view.val_curve.isVisible() and "validation" in view.legend.text()
    x, y = view.val_curve.getData()
    finite = np.isfinite(history["val_loss"])
    assert view.log_y.isChecked()  # the curve holds log10 of the losses
    np.testing.assert_allclose(10**y, history["val_loss"][finite], rtol=1e-6)
    np.testing.assert_array_equal(x, history["epoch"][finite])
