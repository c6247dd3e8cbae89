"""The training timeline: the trainer hands out each epoch's parameters, the timeline keeps
them within its budget, the training process's messages carry them, and an experiment file
keeps them."""

import numpy as np
import pytest

from mlpstudio.core.insight import TIMELINE_FILE_BUDGET, Timeline
from mlpstudio.core.replay import Replayer
from mlpstudio.experiment.archive import ArchiveError, load_experiment, save_experiment
from mlpstudio.experiment.archive_timeline import max_epochs_kept
from mlpstudio.experiment.build import build_dataset, build_network, build_trainer
from mlpstudio.experiment.config import Config
from mlpstudio.experiment.frames import snapshot_from, snapshot_message, unpack

SETTINGS = ["training.optimizer=adam", "model.hidden=[6]", "training.batch_size=16"]


def course(epochs: int) -> Config:
    return Config().with_overrides([f"training.epochs={epochs}", *SETTINGS])


def run_with_timeline(epochs: int, budget: int = 2**30, interval: float = 0.0):
    config = course(epochs)
    dataset = build_dataset(config.data)
    trainer = build_trainer(config, dataset, snapshot_interval=interval, timeline_budget=budget)
    timeline = Timeline(budget)
    for snapshot in trainer:
        for epoch, params in snapshot.epoch_params:
            timeline.add(epoch, params)
    return config, dataset, trainer, timeline


def test_the_timeline_holds_exactly_the_weights_each_epoch_ended_with():
    """The oracle: separate runs of k epochs from the same seed (training is deterministic on
    numpy), each stopped at its end; the timeline of one 6-epoch run must hold their weights
    bit for bit, at the right epochs."""
    _, _, _, timeline = run_with_timeline(6, interval=10.0)  # few snapshots: many epochs each
    assert timeline.epochs == [0, 1, 2, 3, 4, 5, 6]
    config = course(1)
    untrained = build_network(config, build_dataset(config.data)).params_to_host()
    assert np.array_equal(timeline.at(0), untrained)
    for k in (1, 3, 6):
        config = course(k)
        dataset = build_dataset(config.data)
        alone = build_trainer(config, dataset, snapshot_interval=0.0)
        alone.run()
        assert np.array_equal(timeline.at(k), alone.network.params_to_host()), k
    assert not np.array_equal(timeline.at(1), timeline.at(2))


def test_a_continued_run_adds_the_later_epochs():
    config, dataset, trainer, timeline = run_with_timeline(3)
    history = trainer.history
    more = build_trainer(
        course(5), dataset, trainer.network, history, trainer.optimizer.state(),
        snapshot_interval=0.0, timeline_budget=2**30,
    )  # fmt: skip
    for snapshot in more:
        for epoch, params in snapshot.epoch_params:
            timeline.add(epoch, params)
    assert timeline.epochs == [0, 1, 2, 3, 4, 5]
    assert np.array_equal(timeline.at(5), more.network.params_to_host())


def test_thinning_keeps_within_budget_and_never_stops():
    n, budget = 5000, 40 * 5000 * 8  # room for 40 float64 copies
    timeline = Timeline(budget)
    for epoch in range(3001):
        timeline.add(epoch, np.full(n, epoch, dtype=np.float64))
        assert timeline.nbytes <= budget
    kept = timeline.epochs
    assert kept[-1] == 3000 and kept[0] == 0 and len(kept) >= 20
    assert all(np.array_equal(timeline.at(e), np.full(n, e, dtype=np.float64)) for e in kept)
    assert timeline.nbytes == sum(p.nbytes for _, p in timeline.items())
    gaps = np.diff(kept)
    assert gaps[0] == 1 and gaps.max() > 8  # dense at first, sparse later


def test_the_trainer_hands_out_no_more_than_its_budget_between_snapshots():
    config = course(40)
    dataset = build_dataset(config.data)
    network = build_network(config, dataset)
    budget = 5 * network.n_params * 4  # five float32 copies
    trainer = build_trainer(config, dataset, network, snapshot_interval=1e9, timeline_budget=budget)
    snapshots = list(trainer)
    sizes = [sum(p.nbytes for _, p in s.epoch_params) for s in snapshots]
    assert max(sizes) <= budget and snapshots[-1].epoch_params[-1][0] == 40


def test_no_timeline_unless_asked():
    config = course(2)
    trainer = build_trainer(config, build_dataset(config.data), snapshot_interval=0.0)
    assert all(s.epoch_params == () for s in trainer)


def test_a_snapshot_message_never_carries_epoch_parameters():
    """The training process keeps the timeline (fetched on demand, handed over at the end):
    a snapshot's epoch parameters stay out of its message, and a message with any is
    refused."""
    config = course(2)
    trainer = build_trainer(config, build_dataset(config.data), snapshot_interval=0.0,
                            timeline_budget=2**30)  # fmt: skip
    snapshot = next(iter(trainer))
    assert [e for e, _ in snapshot.epoch_params] == [0]
    header, arrays = unpack(snapshot_message(7, snapshot))
    assert not [k for k in arrays if k.startswith("params.")]
    assert snapshot_from(header, arrays).epoch_params == ()
    from mlpstudio.experiment.frames import RemoteError

    arrays["params.0"] = snapshot.epoch_params[0][1]
    with pytest.raises(RemoteError, match="unknown array"):
        snapshot_from(header, arrays)


def test_a_saved_experiment_reopens_with_its_timeline(tmp_path):
    config, dataset, trainer, timeline = run_with_timeline(12)
    path = tmp_path / "run.mlpx"
    final = trainer.history.view()
    save_experiment(path, config, trainer.network, final, trainer.optimizer.state(),
                    timeline=timeline)  # fmt: skip
    opened = load_experiment(path)
    assert opened.timeline is not None and opened.timeline.epochs == timeline.epochs
    for epoch in timeline.epochs:
        assert np.array_equal(opened.timeline.at(epoch), timeline.at(epoch))
    assert opened.timeline.at(12).dtype == timeline.at(12).dtype
    # without a timeline, the file has none (and opens as before)
    save_experiment(path, config, trainer.network, final, trainer.optimizer.state())
    assert load_experiment(path).timeline is None


def test_a_saved_timeline_is_capped(tmp_path, monkeypatch):
    import mlpstudio.experiment.archive_timeline as archive_timeline

    config, dataset, trainer, timeline = run_with_timeline(200)
    n = trainer.network.n_params
    cap = 30 * n * 4  # thirty float32 copies
    monkeypatch.setattr(archive_timeline, "TIMELINE_FILE_BUDGET", cap)
    path = tmp_path / "capped.mlpx"
    save_experiment(path, config, trainer.network, trainer.history.view(),
                    timeline=timeline)  # fmt: skip
    opened = load_experiment(path).timeline
    assert 8 < len(opened) <= 30 and opened.epochs[-1] == 200 and opened.epochs[0] == 0
    for epoch in opened.epochs:
        assert np.array_equal(opened.at(epoch), timeline.at(epoch))


def test_a_file_claiming_too_long_a_timeline_is_refused(tmp_path):
    import json
    import zipfile

    config, dataset, trainer, timeline = run_with_timeline(3)
    path = tmp_path / "run.mlpx"
    save_experiment(path, config, trainer.network, trainer.history.view(), timeline=timeline)
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    meta = json.loads(members["experiment.json"])
    meta["timeline"]["epochs"] = max_epochs_kept(trainer.network.n_params) + 1
    members["experiment.json"] = json.dumps(meta).encode()
    bad = tmp_path / "bad.mlpx"
    with zipfile.ZipFile(bad, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    with pytest.raises(ArchiveError, match="timeline claims"):
        load_experiment(bad)
    assert max_epochs_kept(1) * 4 <= TIMELINE_FILE_BUDGET


def test_a_replayed_snapshot_computes_that_epochs_outputs():
    config, dataset, trainer, timeline = run_with_timeline(4, interval=0.0)
    final = None
    oracle = {}
    config2 = course(4)
    dataset2 = build_dataset(config2.data)
    again = build_trainer(config2, dataset2, snapshot_interval=0.0)
    for snapshot in again:  # every epoch end is a snapshot: its own outputs are the oracle
        if snapshot.batch_in_epoch == 0:
            oracle[snapshot.epoch] = snapshot
        final = snapshot
    replayer = Replayer(trainer.network, dataset)
    past = replayer.snapshot(final, 2, timeline.at(2))
    assert past.epoch == 2
    for (w, b), (w0, b0) in zip(past.weights, oracle[2].weights):
        assert np.array_equal(w, w0) and np.array_equal(b, b0)
    np.testing.assert_allclose(past.test_output, oracle[2].test_output, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(past.plot_output, oracle[2].plot_output, rtol=1e-5, atol=1e-6)
    assert past.history is final.history  # the curves stay whole; the loss view marks the epoch


def test_a_file_whose_timeline_epochs_go_backwards_is_refused(tmp_path):
    import io
    import zipfile

    config, dataset, trainer, timeline = run_with_timeline(3)
    path = tmp_path / "run.mlpx"
    save_experiment(path, config, trainer.network, trainer.history.view(), timeline=timeline)
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    buffer = io.BytesIO()
    np.save(buffer, np.array([0, 2, 1, 3], dtype=np.int64), allow_pickle=False)
    members["timeline/epochs.npy"] = buffer.getvalue()
    bad = tmp_path / "bad.mlpx"
    with zipfile.ZipFile(bad, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    with pytest.raises(ArchiveError, match="not increasing"):
        load_experiment(bad)
