"""The window tells the training process what its visible views draw (issue 14, item 3), and
what it shows stays right: hidden views get no payload while training, and show the exact
final weights and predictions once they are shown again."""

from __future__ import annotations

import numpy as np

from mlpstudio.experiment.frames import Needs

from .conftest import wait_for_status

PAYLOAD = ("W.", "b.", "test_output", "plot_output")


def test_the_window_names_what_its_visible_views_draw(make_window, qtbot):
    window = make_window(epochs=5)
    window._update_needs()
    needs = window.controller.needs
    assert needs.outputs  # the predictions plot is in the middle
    assert needs.layers is None  # the Weights and Network views draw every layer
    for dock in window.view_docks.values():
        dock.hide()
    window._update_needs()
    assert window.controller.needs == Needs((), True)  # only the predictions remain
    window.hide()
    window._update_needs()
    assert window.controller.needs == Needs((), False)


def test_hidden_views_get_no_payload_and_draw_the_exact_end_when_shown(
    make_window, qtbot, monkeypatch
):
    from mlpstudio.experiment import remote

    received = []
    deliver = remote.RemoteRun.deliver

    def spy(self, header, arrays):
        if header["kind"] == "snapshot":
            received.append((header["status"], sorted(arrays)))
        return deliver(self, header, arrays)

    monkeypatch.setattr(remote.RemoteRun, "deliver", spy)
    window = make_window(epochs=150)
    c = window.controller
    for dock in window.view_docks.values():
        dock.hide()
    window.central_views.hide()
    window._update_needs()
    assert c.needs == Needs((), False)
    received.clear()
    c.start()
    wait_for_status(qtbot, window, "finished")
    running = [names for status, names in received[1:] if status == "running"]
    assert running and not [k for names in running for k in names if k.startswith(PAYLOAD)]
    assert len(c.snapshot.history["epoch"]) == 151  # the loss curve's rows all came
    window.central_views.show()
    window.view_docks["weights"].show()
    window.view_docks["weights"].raise_()
    qtbot.waitUntil(lambda: window.weights_view._weights is not None, timeout=5_000)
    final = c.network.weights_to_host()  # the run's final state, from its ``done`` message
    for (w, b), (w0, b0) in zip(window.weights_view._weights, final):
        assert np.array_equal(w, w0) and np.array_equal(b, b0)
    forward = c.network.forward(c.dataset.x_test)
    assert np.allclose(c.snapshot.test_output, forward, rtol=1e-5, atol=1e-6)  # float32
