"""Snapshots say which experiment they belong to and report time honestly (issue 9)."""

import math

import numpy as np
import pytest

from mlpstudio.core.backend import get_backend
from mlpstudio.core.training import History, data_fingerprint
from mlpstudio.experiment.build import build_dataset, build_network, build_trainer
from mlpstudio.experiment.config import Config, DataConfig


def _course(epochs=20):
    config = Config()
    config.training.epochs = epochs
    dataset = build_dataset(config.data)
    network = build_network(config, dataset, get_backend("numpy", "float64"))
    return config, dataset, network


def test_time_continues_from_the_history_it_is_given():
    config, dataset, network = _course(epochs=4)
    first = build_trainer(config, dataset, network, snapshot_interval=0).run()
    assert first.status == "finished" and first.eta == 0.0
    seconds = first.history["seconds"]
    assert seconds[0] == 0.0 and np.all(np.diff(seconds) > 0)  # every epoch has its time
    history = History.from_columns({k: np.array(v) for k, v in first.history.items()})
    history._data["seconds"][history.length - 1] = 100.0  # as if saved after 100 s
    resumed = build_trainer(config, dataset, network, history, epochs=8, snapshot_interval=0)
    snapshots = list(resumed)
    assert snapshots[0].elapsed == 100.0  # a reopened experiment reports its saved time
    assert snapshots[-1].elapsed > 100.0 and snapshots[-1].epoch == 8
    assert np.all(np.diff(snapshots[-1].history["seconds"]) > 0)
    assert snapshots[-1].samples_per_second > 0  # the rate is of this run alone


def test_a_stopped_run_claims_no_time_left():
    config, dataset, network = _course(epochs=10_000)
    trainer = build_trainer(config, dataset, network, snapshot_interval=0)
    last = None
    for snapshot in trainer:
        last = snapshot
        if snapshot.epoch == 3 and snapshot.status == "running":
            assert snapshot.eta is not None and snapshot.eta > 0
            trainer.stop()
    assert last.status == "stopped" and last.eta is None


def test_batch_loss_is_the_mean_of_the_epochs_mini_batches():
    config, dataset, network = _course()
    config.training.batch_size = 10**6  # one batch: the whole training set
    trainer = build_trainer(config, dataset, network, snapshot_interval=0)
    trainer.step_once()
    snapshots = iter(trainer)
    untrained = next(snapshots)
    assert math.isnan(untrained.batch_loss)
    stepped = next(snapshots)
    assert stepped.step == 1 and stepped.batch_in_epoch == 1
    # the training pass and the evaluation are different code paths over the same rows
    assert stepped.batch_loss == pytest.approx(untrained.last("train_loss"), rel=1e-9)
    trainer.stop()
    list(snapshots)


def test_the_fingerprint_follows_the_content_not_the_object():
    a = build_dataset(DataConfig())
    b = build_dataset(DataConfig())
    assert a is not b and data_fingerprint(a) == data_fingerprint(b)
    assert data_fingerprint(build_dataset(DataConfig(noise=0.01))) != data_fingerprint(a)
    assert data_fingerprint(build_dataset(DataConfig(test_fraction=0.3))) != data_fingerprint(a)


def test_image_fingerprints_tell_subsets_and_labels_apart(shared_datasets):
    root = str(shared_datasets / "mnist")
    small = build_dataset(DataConfig(kind="mnist", root=root, subset=1000))
    again = build_dataset(DataConfig(kind="mnist", root=root, subset=1000))
    other_seed = build_dataset(DataConfig(kind="mnist", root=root, subset=1000, seed=1))
    scaled = build_dataset(DataConfig(kind="mnist", root=root, subset=1000, scaling="standardize"))
    assert data_fingerprint(small) == data_fingerprint(again)
    assert len({data_fingerprint(d) for d in (small, other_seed, scaled)}) == 3
