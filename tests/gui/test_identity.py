"""Views never show another experiment's data: every switch of preset, task or labels, with
the genuine MNIST and Fashion-MNIST files in a private data store (issue 9, item 1)."""

import dataclasses
import shutil

import numpy as np
import pytest

from mlpstudio.experiment.presets import PRESETS, preset_config, task_defaults, task_preset
from mlpstudio.gui.style import number

from .conftest import wait_for_status


@pytest.fixture
def image_store(tmp_path, monkeypatch, shared_datasets):
    """A data store in tmp_path holding genuine MNIST and Fashion-MNIST (imported, checked)."""
    from mlpstudio.data.store import import_folder, status

    store = tmp_path / "store"
    monkeypatch.setenv("MLPSTUDIO_DATA", str(store))
    for name in ("mnist", "fashion-mnist"):
        import_folder(name, shared_datasets / name, store)
        assert status(name, store).state != "missing"
    return store


def every_ordered_pair(names):
    """A walk through ``names`` that takes every ordered pair (a, b), a != b, exactly once
    (an Eulerian circuit of the complete directed graph, by Hierholzer's algorithm)."""
    out = {a: [b for b in names if b != a] for a in names}
    stack, walk = [names[0]], []
    while stack:
        here = stack[-1]
        if out[here]:
            stack.append(out[here].pop())
        else:
            walk.append(stack.pop())
    return walk[::-1]


def test_the_walk_covers_every_ordered_pair_once():
    names = list("abcde")
    walk = every_ordered_pair(names)
    pairs = list(zip(walk, walk[1:]))
    assert len(pairs) == len(set(pairs)) == len(names) * (len(names) - 1)


def assert_views_match(window):
    """Every view shows the controller's experiment, and the latest snapshot is of it."""
    c = window.controller
    c.settle()  # the new network's first snapshot, from the worker
    for view in window.all_views:
        assert view.identity == c.identity, type(view).__name__
    if c.identity is not None:
        assert c.snapshot.identity == c.identity
        assert c.identity.sizes[0] == c.dataset.n_inputs
        assert c.identity.sizes[-1] == c.network.sizes[-1]
        for view in window.views:
            assert view.accepts(c.snapshot), type(view).__name__


def test_every_preset_switches_to_every_other_preset(make_window, qtbot, image_store):
    """380 switches in one window, through the Preset combo, as a user makes them; any
    exception in a slot (an "Unexpected error" dialog in the app) fails the test."""
    window = make_window()
    combo = window.data_panel.preset
    walk = every_ordered_pair(list(PRESETS))
    for name in walk:
        index = combo.findData(name)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        qtbot.wait(1)  # let the docks that became visible draw
        expected = preset_config(name)
        config = window.controller.config
        assert config.data.kind == expected.data.kind, name
        assert config.model.hidden == expected.model.hidden, name
        assert config.training.epochs == expected.training.epochs, name
        assert_views_match(window)
        assert combo.currentData() == name  # still names what is loaded
        image_data_here = expected.data.kind in ("mnist", "fashion-mnist")
        if image_data_here or expected.data.kind in ("function", "toy", "formula-class"):
            assert window.controller.identity is not None, name
            if not image_data_here:  # the untrained network is drawn over the data
                assert window.prediction_view.has_content(), name
        else:  # CIFAR files absent: no network, no view draws a snapshot
            assert window.controller.identity is None, name
    assert len(walk) == len(PRESETS) * (len(PRESETS) - 1) + 1


def test_every_task_switch_applies_the_tasks_defaults(make_window, qtbot, image_store):
    window = make_window()
    kind = window.data_panel.kind
    kinds = [kind.itemData(i) for i in range(kind.count())]
    kinds = [k for k in kinds if k != "csv"]  # a CSV file has no defaults: its dialog sets it
    walk = every_ordered_pair(kinds)
    assert walk[0] == window.controller.config.data.kind  # the walk starts where we are
    for name in walk[1:]:
        kind.setCurrentIndex(kind.findData(name))  # what choosing it in the combo does
        qtbot.wait(1)
        expected = task_defaults(name, window.controller.config.data.toy)
        config = window.controller.config
        assert config.data.kind == name
        assert config.model.hidden == expected.model.hidden, name
        assert config.model.activation == expected.model.activation, name
        assert config.training.epochs == expected.training.epochs, name
        assert config.training.batch_size == expected.training.batch_size, name
        assert config.data.subset == expected.data.subset, name
        # the Preset combo names the preset whose defaults were loaded, not an older one
        # (the "choose a preset" entry, "", where no preset has this data: a CSV file)
        assert window.data_panel.preset.currentData() == (task_preset(name, config.data.toy) or "")
        assert_views_match(window)
        status = window.status_label.text()
        epochs = number(expected.training.epochs)  # as the status line writes it (3,000)
        assert "defaults" in status and f"{epochs} epochs" in status, status


def test_task_mnist_replaces_the_course_settings(make_window, qtbot, image_store):
    window = make_window()
    assert window.controller.config.model.hidden == [10]
    kind = window.data_panel.kind
    kind.setCurrentIndex(kind.findData("mnist"))
    mnist = preset_config("mnist")
    config = window.controller.config
    assert config.model.hidden == mnist.model.hidden != [10]
    assert config.training.epochs == mnist.training.epochs != 300
    assert config.training.batch_size == mnist.training.batch_size
    # the panels show what the controller uses
    assert window.current_config().model.hidden == mnist.model.hidden
    assert "Images per split" in window.status_label.text()
    assert window.first_layer_view.identity == window.controller.identity is not None


def test_a_stale_snapshot_never_reaches_a_view(make_window, qtbot, image_store):
    """The snapshot of the course example, handed to the views after switching to MNIST
    (what a late redraw or a dock becoming visible does), is refused, not drawn."""
    window = make_window()
    old = window.controller.snapshot
    window.load_preset("mnist")
    window.controller.settle()
    new = window.controller.snapshot
    assert old.identity != new.identity
    window._on_snapshot(old)
    for view in window.all_views:
        assert not view.accepts(old)
        assert view.update_snapshot(old) is False
    for dock in window.view_docks.values():
        dock.raise_()
    qtbot.wait(5)
    window.controller.snapshot = old  # even as the controller's latest, it is ignored
    window._show_class_results(force=True)
    for view in window.image_views:
        window._refresh_view(view)
    assert window.confusion_view._counts is None or window.confusion_view._counts.shape == (
        10,
        10,
    )


def test_cifar100_fine_to_coarse_after_training(make_window, qtbot, shared_datasets, tmp_path):
    """Labels changed after training with Accuracy per class in front: the views clear (the
    trained network has 100 outputs, the data now 20 classes) and a reset offers a new net."""
    root = tmp_path / "c100"
    root.mkdir()
    sample = shared_datasets / "cifar100-samples" / "test_first20.bin"
    shutil.copy(sample, root / "train.bin")
    shutil.copy(sample, root / "test.bin")
    config = preset_config("cifar100")
    config.data.root = str(root)
    config.model.hidden = [16]
    config.training.epochs = 2
    window = make_window(config=config, mode="thread")
    window.view_docks["class_accuracy"].raise_()
    window.controller.start()
    wait_for_status(qtbot, window, "finished")
    qtbot.wait(5)
    assert window.class_accuracy_view.has_content()
    labels = window.data_panel.labels
    labels.setCurrentIndex(labels.findData("coarse"))
    qtbot.wait(5)
    c = window.controller
    assert c.dataset.n_classes == 20 and c.network.sizes[-1] == 100
    assert c.identity is None  # the trained network is not for this data
    assert not window.class_accuracy_view.has_content()
    assert not window.confusion_view.has_content()
    window.view_docks["confusion"].raise_()
    window._show_class_results(force=True)
    assert window.message_bar.isVisible()  # the offer to rebuild
    window.controller.start()  # Train also resets: a 20-class network
    wait_for_status(qtbot, window, "finished")
    window.view_docks["class_accuracy"].raise_()
    qtbot.wait(5)
    assert c.network.sizes[-1] == 20 and c.identity == c.snapshot.identity
    assert window.class_accuracy_view._accuracy.shape == (20,)
    assert not window.message_bar.isVisible()  # the banner left with the old network
    labels.setCurrentIndex(labels.findData("fine"))  # and back
    qtbot.wait(5)
    assert c.identity is None and not window.class_accuracy_view.has_content()


def test_identity_names_the_data_and_the_architecture():
    from mlpstudio.core.backend import get_backend
    from mlpstudio.core.training import identity_of
    from mlpstudio.experiment.build import build_dataset, build_network, build_trainer
    from mlpstudio.experiment.config import Config

    def make(**changes):
        config = Config()
        for key, value in changes.items():
            section, name = key.split("__")
            setattr(getattr(config, section), name, value)
        dataset = build_dataset(config.data)
        network = build_network(config, dataset, get_backend("numpy", "float64"))
        return config, dataset, network

    c0, d0, n0 = make()
    _, d1, n1 = make()  # the same experiment built again: the same identity
    assert identity_of(n0, d0) == identity_of(n1, d1)
    assert identity_of(n0, d0).sizes == (1, 10, 1)
    for changes in (
        {"data__seed": 1},
        {"data__noise": 0.1},
        {"data__formula": "x**2"},
        {"model__hidden": [12]},
        {"model__activation": "relu"},
    ):
        _, d, n = make(**changes)
        assert identity_of(n, d) != identity_of(n0, d0), changes
    trainer = build_trainer(c0, d0, n0, snapshot_interval=0)
    snapshot = next(iter(trainer))
    assert snapshot.identity == identity_of(n0, d0)


def test_identity_and_batch_loss_cross_the_process_boundary():
    from mlpstudio.core.backend import get_backend
    from mlpstudio.core.training import Identity
    from mlpstudio.experiment.build import build_dataset, build_network, build_trainer
    from mlpstudio.experiment.config import Config
    from mlpstudio.experiment.remote import (
        RemoteError,
        snapshot_from,
        snapshot_message,
        unpack,
    )

    config = Config()
    dataset = build_dataset(config.data)
    network = build_network(config, dataset, get_backend("numpy", "float64"))
    snapshot = next(iter(build_trainer(config, dataset, network, snapshot_interval=0)))
    snapshot = dataclasses.replace(snapshot, batch_loss=0.25)
    header, arrays = unpack(snapshot_message(7, snapshot))
    assert header["run"] == 7
    back = snapshot_from(header, arrays)
    assert isinstance(back.identity, Identity) and back.identity == snapshot.identity
    assert back.batch_loss == 0.25
    header["identity_sizes"] = "1,x,1"  # a damaged identity is refused, not guessed
    with pytest.raises(RemoteError):
        snapshot_from(header, arrays)
    header["identity_data"] = None  # no identity: a snapshot that no view draws
    assert snapshot_from(header, arrays).identity is None
    np.testing.assert_array_equal(back.weights[0][0], snapshot.weights[0][0])


def test_a_function_after_a_two_dimensional_set_spans_its_domain(make_window, qtbot):
    """Switching from the spiral (x1, x2 locked to the same scale) to the course example:
    the x axis shows the formula's domain, not the 2-D set's aspect."""
    window = make_window()
    window.load_preset("spiral")
    kind = window.data_panel.kind
    kind.setCurrentIndex(kind.findData("function"))
    (x_lo, x_hi), _ = window.prediction_view.plot.getViewBox().viewRange()
    assert x_lo == pytest.approx(-1.04, abs=0.02) and x_hi == pytest.approx(1.04, abs=0.02)
    assert window.data_panel.preset.currentData() == "course-sine"


def test_an_edited_preset_is_no_longer_named(make_window, qtbot):
    window = make_window()
    window.load_preset("noisy-sine")
    combo = window.data_panel.preset
    combo.setCurrentIndex(combo.findData("noisy-sine"))
    window._apply_panels()  # nothing edited yet
    assert combo.currentData() == "noisy-sine"
    window.data_panel.noise.setValue(0.3)  # an edit, reported by the panel
    assert window.controller.config.data.noise == pytest.approx(0.3)
    assert combo.currentIndex() == 0  # "(choose a preset)"
