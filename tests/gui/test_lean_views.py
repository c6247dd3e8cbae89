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


class _Clock:
    """The presenter's clocks, moved by hand: wall time and its thread's CPU time."""

    def __init__(self):
        self.wall, self.cpu = 100.0, 10.0

    def perf_counter(self):
        return self.wall

    def thread_time(self):
        return self.cpu


def test_views_are_drawn_within_the_windows_share_of_a_core(make_window, monkeypatch):
    """While training, a view's turn waits until the window's thread has spent at most
    DRAW_SHARE of the time since the last turn: 20 ms of drawing means the next turn comes
    20 / DRAW_SHARE ms after the last began, not at once."""
    from mlpstudio.gui import window_presenter

    window = make_window(epochs=5)
    clock = _Clock()
    monkeypatch.setattr(window_presenter, "time", clock)
    drawn = []
    views = [v for v in window.views if v.isVisible()][:3]
    assert len(views) == 3
    for view in views:
        monkeypatch.setattr(view, "update_snapshot", lambda s, v=view: drawn.append(v) or True)
    window._turn_snapshot, window._views_to_draw = window.controller.snapshot, list(views)
    window._turn_began = (clock.wall, clock.cpu)
    clock.wall, clock.cpu = 100.03, 10.02  # the last turn took 20 ms of CPU, 30 ms ago
    window._draw_next_view()
    wait_ms = round((0.02 / window_presenter.DRAW_SHARE - 0.03) * 1000)
    assert drawn == [] and window._turn_timer.isActive()
    assert window._turn_timer.interval() == wait_ms
    clock.wall += wait_ms / 1000 + 1e-6  # (just past it: the sum is not exact in binary)
    window._draw_next_view()
    assert drawn == views[:1]  # one view per turn, then the next turn is due
    assert window._turn_began == (clock.wall, clock.cpu)
    assert window._turn_timer.isActive() and window._turn_timer.interval() == 0
    clock.cpu += 0.001  # a cheap view: the next turn is due 1 ms / DRAW_SHARE after this one
    clock.wall += 0.001 / window_presenter.DRAW_SHARE + 1e-6
    window._draw_next_view()
    assert drawn == views[:2]
    window._turn_timer.stop()


def test_the_gallery_layout_does_not_follow_its_page(qtbot):
    """The gallery's page label once took its text's width. At the gallery's narrowest in the
    main window that changed the grid's height, so the page, so the text, for ever: a core
    kept busy by an idle window. Now the label is as wide as the widest page's text
    whatever page is shown, so turning pages (or resizing) cannot move the grid."""
    from PySide6.QtGui import QFontMetricsF

    from mlpstudio.data.dataset import Dataset
    from mlpstudio.gui.views.classes import class_results
    from mlpstudio.gui.views.gallery_view import GalleryView

    rng = np.random.default_rng(0)
    n = 1000
    x = rng.integers(0, 256, size=(n, 8, 8), dtype=np.uint8)
    y = np.arange(n) % 10
    names = tuple(f"digit {k}" for k in range(10))
    ds = Dataset("digits", "classification", x, y, x.copy(), y.copy(), (8, 8), names,
                 input_shift=0.0, input_scale=1 / 255)  # fmt: skip
    gallery = GalleryView()
    qtbot.addWidget(gallery)
    gallery.resize(500, 400)
    gallery.show()
    gallery.set_dataset(ds)
    gallery.show_results(class_results(ds, rng.normal(size=(n, 10))))
    metrics = QFontMetricsF(gallery.page_label.font())
    widths, texts = set(), set()
    for _ in range(n // gallery.page_size() + 1):
        label = gallery.page_label
        texts.add(label.text())
        widths.add((label.minimumSizeHint().width(), label.sizeHint().width()))
        assert label.width() >= metrics.horizontalAdvance(label.text())  # never cut
        gallery._turn(1)
    assert len(texts) > 3 and len(widths) == 1, widths  # "1–24 of 1,000" ... "985–1,000 ..."
