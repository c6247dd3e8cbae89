"""The trainer: it fits, it is deterministic, and it obeys its controls from another thread."""

import threading
import time

import numpy as np
import pytest

from mlpstudio.core.backend import numpy_backend
from mlpstudio.core.network import Network
from mlpstudio.core.training import History, Trainer, TrainingOptions
from mlpstudio.data.dataset import Dataset
from mlpstudio.data.functions import COURSE_FORMULA, function_dataset
from mlpstudio.experiment.build import build_network, build_trainer
from mlpstudio.experiment.config import Config


def course(seed=0):
    return function_dataset(COURSE_FORMULA, domain=(-1, 1), step=0.005, seed=seed)


def small_trainer(epochs=50, interval=0.0, **options):
    ds = course()
    net = Network([1, 10, 1], ["tanh"], seed=0)
    return Trainer(net, ds, TrainingOptions(epochs=epochs, **options), snapshot_interval=interval)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("seed", [0, 1])
def test_course_defaults_fit_and_agree_with_scikit_learn(seed):
    """MLP Studio's defaults fit the course example; scikit-learn, trained with the same recipe
    on the same split, confirms that the recipe (not a quirk of our code) does it."""
    from sklearn.metrics import r2_score
    from sklearn.neural_network import MLPRegressor

    config = Config()
    config.training.seed = config.data.seed = seed
    ds = course(seed)
    final = build_trainer(config, dataset=ds).run()
    assert final.status == "finished"
    ours = r2_score(ds.y_test, final.test_output)
    assert ours == pytest.approx(final.last("test_metric"), abs=1e-4)  # our R^2 = sklearn's
    assert ours >= 0.95

    t = config.training
    reference = MLPRegressor(
        hidden_layer_sizes=config.model.hidden,
        activation="tanh",
        solver="adam",
        alpha=0.0,
        batch_size=t.batch_size,
        learning_rate_init=t.learning_rate,
        max_iter=t.epochs,
        tol=0.0,
        n_iter_no_change=t.epochs,
        random_state=seed,
    ).fit(ds.x_train, ds.y_train[:, 0])
    theirs = r2_score(ds.y_test[:, 0], reference.predict(ds.x_test))
    assert theirs >= 0.9
    assert abs(ours - theirs) < 0.08


def test_same_seed_same_run_and_other_seed_other_run():
    def run(seed):
        config = Config()
        config.training.epochs = 30
        config.training.seed = seed
        trainer = build_trainer(config, dataset=course())
        final = trainer.run()
        return final.history["train_loss"].copy(), trainer.network.params.copy()

    loss_a, params_a = run(5)
    loss_b, params_b = run(5)
    loss_c, params_c = run(6)
    assert np.array_equal(loss_a, loss_b) and np.array_equal(params_a, params_b)
    assert not np.array_equal(params_a, params_c)


def test_history_has_the_untrained_row_then_one_row_per_epoch():
    final = small_trainer(epochs=12).run()
    assert list(final.history["epoch"]) == list(range(13))
    assert final.epoch == 12
    assert final.history["train_loss"][-1] < final.history["train_loss"][0]
    assert np.isnan(final.history["val_loss"]).all()  # no validation without early stopping


def test_snapshots_are_private_copies():
    trainer = small_trainer(epochs=30, interval=0.0)
    iterator = iter(trainer)
    first = next(iterator)
    frozen_weights = first.weights[0][0].copy()
    frozen_history = first.history["train_loss"].copy()
    for _ in iterator:
        pass
    assert np.array_equal(first.weights[0][0], frozen_weights)
    assert np.array_equal(first.history["train_loss"], frozen_history)
    assert not first.history["train_loss"].flags.writeable
    assert not np.shares_memory(first.weights[0][0], trainer.network.params)


def test_snapshot_carries_test_and_plot_predictions():
    trainer = small_trainer(epochs=5)
    final = trainer.run()
    ds = trainer.dataset
    assert final.test_output.shape == ds.y_test.shape
    assert final.plot_output.shape == (400, 1)
    np.testing.assert_allclose(
        final.plot_output, trainer.network.forward(ds.plot_inputs(400).astype(np.float32))
    )


def test_snapshot_rate_is_throttled():
    snapshots = list(small_trainer(epochs=400, interval=10.0))
    # First and last only: 400 fast epochs never wait 10 s.
    assert len(snapshots) == 2
    assert snapshots[-1].status == "finished"


def test_pause_step_resume_and_stop_from_another_thread():
    trainer = small_trainer(epochs=100_000, interval=0.01)
    seen = []
    worker = threading.Thread(target=lambda: seen.extend(trainer))
    worker.start()
    try:
        time.sleep(0.2)
        trainer.pause()
        time.sleep(0.2)
        step_before = trainer._step
        time.sleep(0.2)
        assert trainer._step == step_before, "training went on while paused"
        assert seen[-1].status == "paused"

        trainer.step_once()
        deadline = time.time() + 5
        while trainer._step != step_before + 1 and time.time() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)
        assert trainer._step == step_before + 1, "a single step must train exactly one batch"

        trainer.resume()
        time.sleep(0.2)
        assert trainer._step > step_before + 10
    finally:
        trainer.stop()
        worker.join(timeout=2)
    assert not worker.is_alive()
    assert seen[-1].status == "stopped"
    assert seen[-1].epoch < 100_000


def test_single_steps_without_threads():
    trainer = small_trainer(epochs=10)
    iterator = iter(trainer)
    next(iterator)  # the untrained snapshot
    trainer.step_once()
    snap = next(iterator)
    assert (snap.status, snap.step, snap.batch_in_epoch) == ("paused", 1, 1)
    trainer.step_once()
    snap = next(iterator)
    assert (snap.status, snap.step, snap.batch_in_epoch) == ("paused", 2, 2)
    trainer.stop()
    final = next(iterator)
    assert final.status == "stopped" and final.step == 2
    with pytest.raises(StopIteration):
        next(iterator)


def test_learning_rate_change_applies_while_training():
    trainer = small_trainer(epochs=40, interval=0.0, learning_rate=0.01)
    for snapshot in trainer:
        if snapshot.epoch == 20:
            trainer.set_learning_rate(0.002)
    lrs = snapshot.history["learning_rate"]
    assert lrs[20] == pytest.approx(0.01) and lrs[22] == pytest.approx(0.002)
    with pytest.raises(ValueError):
        trainer.set_learning_rate(-1)


def test_divergence_stops_and_keeps_the_last_good_weights():
    trainer = small_trainer(epochs=200, optimizer="sgd", learning_rate=50.0)
    final = trainer.run()
    assert final.status == "diverged"
    assert "learning rate" in final.message and "too high" in final.message
    assert np.isfinite(trainer.network.params).all()
    assert all(np.isfinite(w).all() and np.isfinite(b).all() for w, b in final.weights)
    assert final.epoch < 200


def test_early_stopping_restores_the_best_validation_weights():
    ds = function_dataset("sin(2*pi*x)", points=60, noise=0.3, step=None, seed=0)
    net = Network([1, 64, 64, 1], ["tanh", "tanh"], seed=0)
    options = TrainingOptions(
        epochs=3000,
        learning_rate=0.01,
        early_stopping=True,
        patience=30,
        validation_fraction=0.25,
        batch_size=8,
    )
    trainer = Trainer(net, ds, options, snapshot_interval=0.0)
    final = trainer.run()
    assert final.status == "early_stopped"
    assert final.epoch < 3000
    val = final.history["val_loss"]
    best_epoch = int(final.history["epoch"][np.nanargmin(val)])
    assert final.best_epoch == best_epoch
    restored = net.loss(trainer._x_val, trainer._y_val)
    assert restored == pytest.approx(np.nanmin(val), rel=1e-5)


def test_step_schedule_changes_the_learning_rate():
    final = small_trainer(
        epochs=30, schedule="step", step_size=10, gamma=0.1, learning_rate=0.01
    ).run()
    lrs = final.history["learning_rate"][1:]
    np.testing.assert_allclose(lrs[:10], 0.01)
    np.testing.assert_allclose(lrs[10:20], 0.001)
    np.testing.assert_allclose(lrs[20:], 0.0001)


@pytest.mark.parametrize("name", ["xor", "circle"])
def test_two_class_toys_train_with_the_sigmoid_head(name):
    config = Config()
    config.data.kind, config.data.toy = "toy", name
    config.model.hidden = [8, 8]
    config.training.epochs = 300
    trainer = build_trainer(config)
    assert trainer.network.head.name == "sigmoid" and trainer.network.sizes[-1] == 1
    final = trainer.run()
    assert final.last("test_metric") > 0.9
    assert final.plot_output.shape == (100 * 100, 1)


def test_softmax_learns_three_blobs():
    rng = np.random.default_rng(0)
    centers = np.array([[1.0, 0.0], [-1.0, 0.5], [0.0, -1.0]])
    labels = rng.integers(0, 3, 600)
    x = centers[labels] + rng.normal(scale=0.3, size=(600, 2))
    ds = Dataset(
        "blobs",
        "classification",
        x[:500],
        labels[:500],
        x[500:],
        labels[500:],
        input_shape=(2,),
        class_names=("a", "b", "c"),
    )
    net = Network([2, 16, 3], ["relu"], head="softmax", seed=0)
    final = Trainer(net, ds, TrainingOptions(epochs=60, learning_rate=0.01)).run()
    assert final.last("test_metric") > 0.9
    assert final.test_output.shape == (100, 3)


def test_uint8_images_are_scaled_per_batch():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, size=(200, 4, 4), dtype=np.uint8)
    labels = (x.reshape(200, -1).mean(axis=1) > 127.5).astype(np.int64)
    ds = Dataset(
        "tiny images",
        "classification",
        x[:150],
        labels[:150],
        x[150:],
        labels[150:],
        input_shape=(4, 4),
        class_names=("dark", "light"),
        input_scale=1 / 255,
    )
    net = Network([16, 8, 1], ["relu"], head="sigmoid", seed=0)
    trainer = Trainer(net, ds, TrainingOptions(epochs=3))
    assert trainer._x.dtype == np.uint8  # stored compactly
    batch = trainer._inputs(trainer._x[:5])
    np.testing.assert_allclose(batch, x[:5].reshape(5, -1) / 255, rtol=1e-6)
    trainer.run()


def test_continuing_from_a_history_starts_at_its_last_epoch():
    first = small_trainer(epochs=10)
    done = first.run()
    history = History.from_columns(done.history)
    second = Trainer(
        first.network,
        first.dataset,
        TrainingOptions(epochs=15),
        history=history,
        optimizer_state=first.optimizer.state(),
        snapshot_interval=0.0,
    )
    final = second.run()
    assert list(final.history["epoch"]) == list(range(16))
    assert final.epoch == 15


def test_float64_backend_trains():
    config = Config()
    config.training.epochs = 20
    config.training.dtype = "float64"
    ds = course()
    net = build_network(config, ds)
    assert net.params.dtype == np.float64
    final = Trainer(net, ds, config.training.options()).run()
    assert final.status == "finished"
    assert numpy_backend("float64").dtype == np.float64


# -- every backend (numpy always; cupy where a GPU is usable) -------------------------------------
@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "nesterov", "adam"])
def test_training_runs_and_is_deterministic_on_every_backend(backend_name, optimizer):
    from mlpstudio.core.backend import get_backend

    def run():
        backend = get_backend(backend_name, "float32")
        net = Network([1, 16, 1], ["tanh"], seed=0, backend=backend)
        options = TrainingOptions(optimizer=optimizer, learning_rate=0.01, epochs=60, seed=0)
        final = Trainer(net, course(), options, snapshot_interval=0.0).run()
        return final, net

    first, net = run()
    second, _ = run()
    assert first.status == "finished"
    assert first.history["train_loss"][-1] < first.history["train_loss"][0]
    np.testing.assert_array_equal(first.history["train_loss"], second.history["train_loss"])
    assert isinstance(first.weights[0][0], np.ndarray)  # host copies for the views
    assert isinstance(first.test_output, np.ndarray)


def test_gpu_and_cpu_agree_in_float64(backend_name):
    """The same seed on numpy and on the backend under test gives the same training."""
    from mlpstudio.core.backend import get_backend

    results = []
    for name in ("numpy", backend_name):
        backend = get_backend(name, "float64")
        net = Network([1, 8, 8, 1], ["relu", "sigmoid"], seed=1, backend=backend)
        options = TrainingOptions(optimizer="adam", learning_rate=0.01, epochs=20, seed=1)
        final = Trainer(net, course(), options).run()
        results.append(final.history["train_loss"])
    np.testing.assert_allclose(results[0], results[1], rtol=1e-9)


def test_image_classification_on_every_backend(backend_name):
    from mlpstudio.core.backend import get_backend

    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, size=(600, 6, 6), dtype=np.uint8)
    labels = x.reshape(600, -1)[:, :18].mean(axis=1) > x.reshape(600, -1)[:, 18:].mean(axis=1)
    labels = labels.astype(np.int64) + 2 * (x[:, 0, 0] > 127)
    ds = Dataset(
        "tiny images",
        "classification",
        x[:500],
        labels[:500],
        x[500:],
        labels[500:],
        input_shape=(6, 6),
        class_names=("a", "b", "c", "d"),
        input_scale=1 / 255,
    )
    net = Network(
        [36, 32, 4], ["relu"], head="softmax", seed=0, backend=get_backend(backend_name, "float32")
    )
    final = Trainer(net, ds, TrainingOptions(epochs=40, learning_rate=0.01)).run()
    assert final.last("test_metric") > 0.6
    assert final.test_output.shape == (100, 4)


def test_uint8_conversion_on_every_backend(backend_name):
    from mlpstudio.core.backend import get_backend

    rng = np.random.default_rng(1)
    x = rng.integers(0, 256, size=(50, 3, 3), dtype=np.uint8)
    ds = Dataset("px", "classification", x, np.zeros(50, dtype=np.int64), x, np.zeros(50),
                 input_shape=(3, 3), class_names=("a", "b"), input_shift=120.5,
                 input_scale=1 / 64)  # fmt: skip
    net = Network([9, 4, 1], ["relu"], head="sigmoid", backend=get_backend(backend_name))
    trainer = Trainer(net, ds, TrainingOptions(epochs=1))
    converted = trainer.backend.to_host(trainer._inputs(trainer._x))
    assert converted.dtype == np.float32
    np.testing.assert_allclose(converted, (x.reshape(50, -1) - 120.5) / 64, rtol=1e-6)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum"])
def test_a_diverging_run_prints_no_numpy_warnings(optimizer):
    """The loop reports divergence in its message; numpy's overflow warnings would only
    repeat it on the terminal (sigmoid units overflowed in the loss and in R^2)."""
    import warnings

    ds = course()
    net = Network([1, 10, 1], ["sigmoid"], seed=0)
    trainer = Trainer(net, ds, TrainingOptions(epochs=50, optimizer=optimizer, learning_rate=100))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        final = trainer.run()
    assert final.status == "diverged"
    assert [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)] == []


def test_a_stop_mid_epoch_shows_the_test_predictions_of_the_weights_shown():
    """The red curve and the red test crosses come from the same weights after a Stop."""
    from mlpstudio.experiment.build import build_trainer
    from mlpstudio.experiment.config import Config

    config = Config().with_overrides(["training.learning_rate=0.3", "training.epochs=50"])
    trainer = build_trainer(config, snapshot_interval=1e-9)  # a snapshot after every batch
    last = None
    for snapshot in trainer:
        if snapshot.step >= 7 and trainer.status == "running":  # mid-epoch (20 batches)
            trainer.stop()
        last = snapshot
    assert last.status == "stopped" and last.batch_in_epoch > 0
    net, dataset = trainer.network, trainer.dataset
    expected = net.forward(net.backend.asarray(dataset.x_test, dtype=net.backend.dtype))
    assert np.allclose(last.test_output, expected, atol=1e-6)


@pytest.mark.parametrize("interval", [0.0, 1e-9])  # checked at epoch ends, or every batch
@pytest.mark.parametrize("options", [
    dict(optimizer="sgd", learning_rate=0.8, batch_size=400),  # one batch per epoch
    dict(optimizer="sgd", learning_rate=0.6),  # several: found within the epoch
])  # fmt: skip
def test_a_diverged_run_names_the_epoch_that_failed_and_the_epoch_kept(interval, options):
    """The message's two epochs are true: a run of one epoch fewer than the failed one
    finishes with finite weights (the oracle), the failed one's run diverges, and the
    weights kept are those of the epoch before it."""
    final = small_trainer(epochs=300, interval=interval, **options).run()
    assert final.status == "diverged" and final.epoch >= 1
    failed, kept = final.epoch + 1, final.epoch
    assert f"during epoch {failed}:" in final.message
    assert f"weights of epoch {kept} were kept" in final.message
    before = small_trainer(epochs=kept, interval=interval, **options).run()
    assert before.status == "finished" and np.isfinite(before.history["train_loss"]).all()
    again = small_trainer(epochs=failed, interval=interval, **options).run()
    assert again.status == "diverged" and again.epoch == kept
    for a, b in zip(again.weights, before.weights, strict=True):
        np.testing.assert_array_equal(a[0], b[0])


def test_a_run_that_diverges_in_its_first_epoch_keeps_the_untrained_weights():
    final = small_trainer(epochs=50, optimizer="sgd", learning_rate=10.0).run()
    assert final.status == "diverged" and final.epoch == 0
    assert "during epoch 1:" in final.message
    assert "weights of epoch 0 (untrained) were kept" in final.message
