"""The backpropagation step-through panel: Next past the update equals the app's own Step on a
batch of one, and its numbers are those of ``mlpstudio explain backprop --json``."""

import contextlib
import dataclasses
import io
import json
import threading

import numpy as np
import pytest

from mlpstudio.cli import main as cli_main
from mlpstudio.core.backend import numpy_backend
from mlpstudio.core.network import Network
from mlpstudio.core.training import Trainer, validation_rows
from mlpstudio.experiment.config import Config
from mlpstudio.experiment.explain import example_for
from mlpstudio.gui.views.backprop_view import drawn_units, highlighted

from .conftest import wait_for_status


def _spy_on_steps(monkeypatch) -> list[list[int]]:
    """The rows of every mini-batch the trainer trains (observed, not changed)."""
    seen: list[list[int]] = []
    train_step = Trainer.train_step

    def spy(self, idx, lr):
        seen.append([int(i) for i in np.asarray(idx)])
        return train_step(self, idx, lr)

    monkeypatch.setattr(Trainer, "train_step", spy)
    return seen


def _weights(window):
    return [(np.array(w), np.array(b)) for w, b in window.controller.snapshot.weights]


def _step(qtbot, window, seen, count):
    """The app's Step (the toolbar's action), waited for until its snapshot is shown."""
    c, old = window.controller, window.controller.snapshot
    window.act_step.trigger()
    qtbot.waitUntil(lambda: len(seen) == count, timeout=30_000)
    qtbot.waitUntil(lambda: c.snapshot is not old and c.snapshot.status == "paused",
                    timeout=30_000)  # fmt: skip


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_next_past_the_update_equals_the_apps_step(make_window, qtbot, monkeypatch, optimizer):
    config = Config().with_overrides(
        ["model.hidden=[4, 3]", "training.batch_size=1", 'training.dtype="float64"',
         f'training.optimizer="{optimizer}"', "training.weight_decay=0.001",
         "training.epochs=5"]
    )  # fmt: skip
    seen = _spy_on_steps(monkeypatch)
    window = make_window(config, mode="thread")
    view = window.backprop_view
    window.view_docks["backprop"].raise_()
    # a first Step (so momentum and Adam have buffers), then Stop: the run's state is collected
    _step(qtbot, window, seen, 1)
    assert view.steps and view.steps[-1].kind == "update"
    view.go(len(view.steps) - 1)
    if optimizer != "sgd":  # while the run is alive its buffers are in the run, not here
        assert "stop training" in view.shown_text()
    window.act_stop.trigger()
    wait_for_status(qtbot, window, "stopped")
    # the next Step starts a run from the same seed, so it trains the first run's sample again
    sample = seen[0][0]
    view.sample.setValue(sample)
    before = _weights(window)
    assert np.allclose(view.example.trace.W[0], before[0][0], rtol=0, atol=0)
    view.go(0)
    while view.next_button.isEnabled():
        view.next_button.click()
    assert view.steps[view.index].kind == "update" and "<-" in view.shown_text()
    shown = view.example.update
    _step(qtbot, window, seen, 2)
    assert seen[1] == [sample]
    after = _weights(window)
    for layer, (w, b) in enumerate(after):
        assert np.allclose(shown.W[layer], w, rtol=1e-12, atol=1e-15)
        assert np.allclose(shown.b[layer], b, rtol=1e-12, atol=1e-15)
    assert not np.allclose(after[0][0], before[0][0])  # the Step really moved the weights
    if optimizer != "sgd":
        assert any(np.any(v != 0) for v in view.example.update.state_before.values())


def test_the_panels_numbers_equal_explain_backprop_json(make_window, qtbot, tmp_path):
    config = Config().with_overrides(["model.hidden=[5, 3]", "training.epochs=3"])
    path = tmp_path / "experiment.toml"
    path.write_text(config.to_toml())
    window = make_window(config, mode="thread")
    window.view_docks["backprop"].raise_()
    window.act_start.trigger()
    wait_for_status(qtbot, window, "finished")
    view = window.backprop_view
    view.sample.setValue(7)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli_main(["explain", "backprop", str(path), "--epochs", "3", "--sample", "7",
                         "--json"])  # fmt: skip
    assert code == 0
    cli = json.loads(out.getvalue().splitlines()[-1])
    panel = view.example.to_dict()
    assert panel["epochs_trained"] == cli["epochs_trained"] == 3
    assert set(panel) == set(cli)
    _assert_same(panel, cli, "")
    # what the panel writes is what the command line prints, step by step (English)
    text = out.getvalue()
    for i, step in enumerate(view.steps):
        view.go(i)
        assert step.title in text
        for line in view.shown_text().splitlines():
            assert line in text


def _assert_same(ours, theirs, where: str) -> None:
    """Equal structure and names; numbers equal to 1e-12 (relative)."""
    if isinstance(theirs, dict):
        assert set(ours) == set(theirs), where
        for key in theirs:
            _assert_same(ours[key], theirs[key], f"{where}.{key}")
    elif isinstance(theirs, list):
        assert isinstance(ours, list) and len(ours) == len(theirs), where
        for i, (a, b) in enumerate(zip(ours, theirs)):
            _assert_same(a, b, f"{where}[{i}]")
    elif isinstance(theirs, float):
        assert ours == pytest.approx(theirs, rel=1e-12, abs=1e-300), where
    else:
        assert ours == theirs, where


def test_spanish_numbers_use_the_decimal_comma(make_window, qtbot, locale_of):
    locale_of("es")
    window = make_window(Config().with_overrides(["model.hidden=[3]"]), mode="thread")
    view = window.backprop_view
    window.view_docks["backprop"].raise_()
    qtbot.waitUntil(lambda: bool(view.steps), timeout=30_000)
    view.go(0)
    text = view.shown_text()
    assert "," in text and "; " in text
    assert "0." not in text  # no English decimal point among the numbers


def test_a_one_entry_vector_never_reads_as_two_numbers_in_spanish(make_window, qtbot,
                                                                   locale_of):  # fmt: skip
    """a^[0] = [0,28] read as two values, 0 and 28: in Spanish the entries are separated by
    "; " and the brackets spaced, [ 0,28 ] and [ 0,1; 0,2 ]; English keeps [0.28]."""
    from mlpstudio.experiment.explain import matrix, vector
    from mlpstudio.gui.views.backprop_view import notation

    locale_of("es")
    assert vector([0.28], notation()) == "[ 0,28 ]"
    assert vector([0.1, -2.5], notation()) == "[ 0,1; -2,5 ]"
    assert matrix([[0.5], [1.25]], notation()) == "[ [ 0,5 ] | [ 1,25 ] ]  (2x1)"
    window = make_window(Config().with_overrides(["model.hidden=[3]"]), mode="thread")
    view = window.backprop_view
    window.view_docks["backprop"].raise_()
    qtbot.waitUntil(lambda: bool(view.steps), timeout=30_000)
    view.go(0)
    x = window.controller.dataset.x_train[0, 0]
    assert f"a^[0] = [ {x:.4g} ]".replace(".", ",") in view.shown_text()
    locale_of("en")
    assert vector([0.28], notation()) == "[0.28]"


def test_the_step_through_counts_samples_from_1_like_the_rest_of_the_window(make_window,
                                                                            qtbot):  # fmt: skip
    window = make_window(Config().with_overrides(["model.hidden=[3]"]), mode="thread")
    view = window.backprop_view
    window.view_docks["backprop"].raise_()
    qtbot.waitUntil(lambda: bool(view.steps), timeout=30_000)
    n = len(window.controller.dataset.x_train)
    assert view.sample.value() == 0 and view.sample.text() == "1"  # the first sample
    view.sample.lineEdit().setText("8")
    view.sample.interpretText()
    assert view.sample.value() == 7  # the index the engine (and explain --sample) reads
    qtbot.waitUntil(lambda: view.example is not None and view.example.sample == 7,
                    timeout=30_000)  # fmt: skip
    view.sample.setValue(n - 1)
    assert view.sample.text() == str(n)  # the last one is the n-th
    view.sample.lineEdit().setText(str(n + 1))  # past the end: refused, nothing changes
    view.sample.interpretText()
    assert view.sample.value() == n - 1


def test_big_layers_are_truncated_and_steps_highlight_their_layers():
    assert drawn_units(5) == [0, 1, 2, 3, 4]
    assert drawn_units(100) == [0, 1, 2, 3, 4, 5, None, 99]
    assert highlighted("forward", 2, 3) == ({1, 2}, {2})
    assert highlighted("backward", 1, 3) == ({1, 2}, {2})
    assert highlighted("loss", 3, 3) == ({3}, set())
    assert highlighted("update", None, 2) == ({0, 1, 2}, {1, 2})


def test_a_wide_net_is_shown_with_ellipses(make_window, qtbot):
    window = make_window(Config().with_overrides(["model.hidden=[30]"]), mode="thread")
    view = window.backprop_view
    window.view_docks["backprop"].raise_()
    qtbot.waitUntil(lambda: bool(view.steps), timeout=30_000)
    view.go(0)  # the forward pass of layer 1: W^[1] is 30 x 1
    assert "..." in view.shown_text() and "(30x1)" in view.shown_text()
    assert view.has_content()


# -- the example off the GUI thread ------------------------------------------------------------
def _worked_off_thread(window, qtbot, monkeypatch):
    """The step-through of ``window`` with every example computed by the worker thread (as a
    large network's is); returns the view and the threads each computation ran on."""
    from mlpstudio.gui.views import backprop_view

    view = window.backprop_view
    window.view_docks["backprop"].raise_()
    qtbot.waitUntil(lambda: bool(view.steps), timeout=30_000)  # the untrained snapshot's
    view.instant_params = 0
    threads: list[int] = []
    compute = backprop_view.compute

    def spy(request):
        threads.append(threading.get_ident())
        return compute(request)

    monkeypatch.setattr(backprop_view, "compute", spy)
    return view, threads


def _synchronous(window, sample: int):
    """The worked example of training sample ``sample`` on the latest snapshot, computed here
    and now the way ``mlpstudio explain backprop`` does (the reference)."""
    c = window.controller
    snap = c.snapshot
    net = c.view_network
    shown = Network(list(net.sizes), list(net.activation_names), head=net.head.name,
                    backend=numpy_backend("float64"))  # fmt: skip
    shown.set_weights([(w, b) for w, b in snap.weights])
    return example_for(c.config, c.dataset, shown, c.optimizer_state, snap.epoch, sample)


def test_a_large_example_comes_from_a_worker_and_equals_the_synchronous_one(
    make_window, qtbot, monkeypatch
):
    window = make_window(Config().with_overrides(["model.hidden=[5, 3]"]), mode="thread")
    view, threads = _worked_off_thread(window, qtbot, monkeypatch)
    with qtbot.waitSignal(view.exampleShown, timeout=30_000):
        view.sample.setValue(7)
        # until the event loop delivers the result, the view says it is computing, and shows
        # no numbers (the previous sample's would be another sample's)
        assert view.computing and not view.steps and view.example is None
        assert "Computing" in view.shown_text()
        assert not view.next_button.isEnabled() and view.has_content()
        view.recompute()  # the same request again (a run's end brings its status and snapshot)
    assert len(threads) == 1 and threading.get_ident() not in threads  # computed once, off it
    assert not view.computing and view.example.sample == 7
    _assert_same(view.example.to_dict(), _synchronous(window, 7).to_dict(), "")
    view.go(0)
    assert "Computing" not in view.shown_text() and view.example.trace.W[0].shape == (5, 1)


def test_a_stale_example_is_never_shown(make_window, qtbot, monkeypatch):
    window = make_window(Config().with_overrides(["model.hidden=[5, 3]"]), mode="thread")
    view, _ = _worked_off_thread(window, qtbot, monkeypatch)
    shown, delivered = [], []
    view.exampleShown.connect(lambda: shown.append(view.example.sample))
    view._relay.done.connect(lambda request, *_: delivered.append(request.sample))
    view.sample.setValue(3)  # a computation starts...
    view.sample.setValue(6)  # ...and another sample is chosen before its result is back
    qtbot.waitUntil(lambda: len(delivered) == 2, timeout=30_000)
    qtbot.waitUntil(lambda: not view.computing, timeout=30_000)
    assert delivered == [3, 6]  # both were computed (one at a time)...
    assert shown == [6] and view.example.sample == 6  # ...only the latest was shown

    # a new snapshot (other weights) arrives while the example of the old one is computed
    old = window.controller.snapshot
    weights = tuple((w + 1.0, b) for w, b in old.weights)
    new = dataclasses.replace(old, weights=weights, epoch=old.epoch + 1, status="paused")
    shown.clear()
    view.sample.setValue(2)
    view.show_snapshot(new)
    qtbot.waitUntil(lambda: len(delivered) == 4 and not view.computing, timeout=30_000)
    assert shown == [2] and np.array_equal(view.example.trace.W[0], weights[0][0])

    # another experiment: what was being computed is dropped, and nothing is shown
    view.sample.setValue(4)
    assert view.computing
    view.clear()
    qtbot.waitUntil(lambda: len(delivered) == 5, timeout=30_000)
    qtbot.wait(50)  # (nothing else is queued: the queued result has been handled)
    assert shown == [2] and view.example is None and not view.steps
    assert "Computing" not in view.shown_text() and not view.computing


# -- which rows Step trains on ------------------------------------------------------------------
def test_a_validation_row_is_not_promised_steps_weights(qtbot):
    """With early stopping, a row of the training data may be a validation row: the update
    screen must not promise that Step gives its weights. (The view alone, fed as the window
    feeds it: the same controller, snapshot, data and context.)"""
    from mlpstudio.gui.controller import ExperimentController
    from mlpstudio.gui.views.backprop_view import BackpropView

    config = Config().with_overrides(
        ["model.hidden=[4]", "training.early_stopping=true",
         "training.validation_fraction=0.25", "training.seed=3"]
    )  # fmt: skip
    c = ExperimentController(config, mode="thread")
    try:
        assert c.settle() and c.snapshot is not None
        view = BackpropView()
        qtbot.addWidget(view)
        view.context = lambda: (c.config, c.optimizer_state, True)
        view.set_dataset(c.dataset)
        view.set_network(c.view_network)
        view.set_identity(c.snapshot.identity)
        view.show_snapshot(c.snapshot)
        assert view.steps
        n = len(c.dataset.x_train)
        held = set(validation_rows(c.config.training.options(), n).tolist())
        assert 0 < len(held) < n
        trained = next(i for i in range(n) if i not in held)

        def update_note(sample: int) -> str:
            view.sample.setValue(sample)
            view.go(len(view.steps) - 1)
            assert view.steps[view.index].kind == "update" and view.note.isVisibleTo(view)
            return view.note.text()

        note = update_note(min(held))
        assert "validation row" in note and "exactly" not in note
        assert "validation row" in view.title.toolTip()
        note = update_note(trained)
        assert "gives exactly these weights" in note and "validation" not in view.title.toolTip()
    finally:
        c.shutdown()
