"""Views behind a tab or in a hidden dock are built when first needed (start time, issue 14
item 5), and a view built late is the same as one built at start: bound to the current
experiment, drawing the latest snapshot at once and every snapshot after."""

import os
import subprocess
import sys

from .conftest import wait_for_status

# the course example's screen (the shapes table too: it sets the loss column's width)
FRONT = {"prediction", "gallery", "loss", "weights", "network", "shapes"}
LATER = {"confusion", "class_accuracy", "first_layer", "basis", "health", "neuron", "backprop"}


def test_the_first_screen_builds_only_the_views_in_front(make_window):
    window = make_window()
    assert set(window._views) == FRONT
    assert set(window.view_docks) == FRONT - {"prediction", "gallery"} | LATER  # every dock
    for key in LATER:
        dock = window.view_docks[key]
        assert dock.widget() is None, key  # nothing built behind the tabs
    assert {type(v).__name__ for v in window.views} == {
        "PredictionView", "LossView", "WeightsView", "NetworkView", "ShapesView"
    }  # fmt: skip


def test_the_window_does_not_import_the_hidden_views_modules(tmp_path):
    """In a fresh process (the app's start): the window is up without the modules of the
    views it has not built (the backpropagation step-through's module costs the most)."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from mlpstudio.experiment.config import Config\n"
        "from mlpstudio.gui.controller import ExperimentController\n"
        "from mlpstudio.gui.main_window import MainWindow\n"
        "window = MainWindow(ExperimentController(Config(), mode='thread'))\n"
        "window.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.startswith('mlpstudio.gui.views.')))\n"
        "window.health_view\n"  # read: built and imported now
        "print('mlpstudio.gui.views.health_view' in sys.modules)\n"
        "window.close()\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "MLPSTUDIO_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={**os.environ, **env}, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    imported, health = result.stdout.strip().splitlines()[-2:]
    # (neuron_view is imported: the Network view's double-click hook lives there)
    for name in ("backprop_view", "health_view", "basis_view", "confusion_view",
                 "class_accuracy_view", "first_layer_view"):  # fmt: skip
        assert f"mlpstudio.gui.views.{name}'" not in imported, name
    assert "mlpstudio.gui.views.weights_view'" in imported  # (the check can fail)
    assert health == "True"


def test_a_tab_raised_later_shows_the_latest_snapshot_and_every_one_after(make_window, qtbot):
    window = make_window(epochs=5)
    c = window.controller
    c.start()
    wait_for_status(qtbot, window, "finished")
    assert "health" not in window._views
    window.view_docks["health"].raise_()  # what a click on its tab does
    qtbot.waitUntil(lambda: "health" in window._views)
    view = window.health_view
    assert window.view_docks["health"].widget() is view
    assert view in window.views and view in window.all_views and view in window.common_views
    assert view.identity == c.identity is not None
    assert view.dataset is c.dataset and view.network is c.view_network
    qtbot.waitUntil(view.has_content)  # the finished run's last snapshot, drawn at once
    drawn = []
    original = view.show_snapshot
    view.show_snapshot = lambda snap: (drawn.append(snap), original(snap))
    window.act_reset.trigger()  # a new run: the view follows it like the others
    c.settle()
    assert view.identity == c.identity
    c.start()
    wait_for_status(qtbot, window, "finished")
    qtbot.waitUntil(lambda: bool(drawn) and drawn[-1] is c.snapshot)
    assert all(s.identity == c.identity for s in drawn)


def test_a_view_read_before_it_is_shown_is_bound_and_current(make_window, qtbot):
    window = make_window(epochs=3)
    c = window.controller
    c.start()
    wait_for_status(qtbot, window, "finished")
    view = window.backprop_view  # read (a test, the probe, the smoke mode): built on access
    assert window._views["backprop"] is view and window.backprop_view is view
    assert view.identity == c.identity and view.accepts(c.snapshot)
    assert view._pending is c.snapshot or view.has_content()  # drawn when its tab is shown
    window.view_docks["backprop"].raise_()
    qtbot.waitUntil(view.has_content)


def test_build_views_gives_every_view_of_the_data_and_a_preset_switch_rebinds_them(
    make_window, qtbot
):
    window = make_window()
    views = window.build_views()
    assert {type(v).__name__ for v in views} >= {"HealthView", "NeuronView", "BackpropView",
                                                 "BasisView"}  # fmt: skip
    window.load_preset("xor")
    window.controller.settle()
    for view in window.all_views:
        assert view.identity == window.controller.identity, type(view).__name__
    assert window.basis_view not in window.views  # xor has two inputs: no basis view
