"""The timeline kept in the training process (issue 14, item 3): snapshots name the epochs kept
there instead of carrying them; an epoch asked for comes back exact; when the run ends the app's
timeline equals the one the process kept; a request for another run gets nothing; every reply
is checked. The oracle is the same experiment trained here, headless, from the same seed
(training is deterministic on numpy), with a timeline of the same budget."""

from __future__ import annotations

import collections
import sys

import numpy as np
import pytest

from mlpstudio.core.insight import Timeline
from mlpstudio.experiment import remote
from mlpstudio.experiment.build import build_dataset, build_network, build_trainer
from mlpstudio.experiment.config import Config
from mlpstudio.experiment.frames import (
    RemoteError,
    epoch_from,
    epoch_message,
    fetch_message,
    pack,
    timeline_span_from,
    unpack,
)

SETTINGS = ["model.hidden=[6]", "training.batch_size=16", "training.seed=3"]


def course(epochs: int) -> Config:
    return Config().with_overrides([f"training.epochs={epochs}", *SETTINGS])


def oracle(epochs: int, budget: int, until: int | None = None) -> Timeline:
    """The timeline of the same run trained headless here, with ``budget`` (stopped once
    epoch ``until`` has ended, if given)."""
    config = course(epochs)
    trainer = build_trainer(config, build_dataset(config.data), snapshot_interval=0.0,
                            timeline_budget=budget)  # fmt: skip
    timeline = Timeline(budget)
    for snapshot in trainer:
        for epoch, params in snapshot.epoch_params:
            timeline.add(epoch, params)
        if until is not None and timeline.latest == until:
            break
    return timeline


def network_of(epochs: int):
    config = course(epochs)
    return config, build_network(config, build_dataset(config.data))


class Tally:
    """Counts, per message kind and array name, the bytes the app's reader thread reads (as
    benchmarks/snapshots.py does)."""

    def __init__(self, monkeypatch):
        self.arrays: collections.Counter = collections.Counter()
        self.kinds: collections.Counter = collections.Counter()
        original = remote.read_frame

        def read_frame(stream):
            header, arrays = original(stream)
            self.kinds[header["kind"]] += 1
            for name, array in arrays.items():
                self.arrays[(header["kind"], name.split(".")[0])] += array.nbytes
            return header, arrays

        monkeypatch.setattr(remote, "read_frame", read_frame)


def child_with_budget(monkeypatch, budget: int) -> None:
    """The training process, with its timeline budget set to ``budget`` bytes."""
    boot = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "import mlpstudio.experiment.child as c; "
        f"c.TIMELINE_BUDGET = {int(budget)}; sys.exit(c.serve())"
    )
    monkeypatch.setattr(remote, "worker_command",
                        lambda: [sys.executable, "-c", boot, remote.package_root()])  # fmt: skip


def start(process, epochs, timeline, step=False):
    config, network = network_of(epochs)
    shapes = [(w.shape, b.shape) for w, b in network.weights_to_host()]
    return process.start(config.to_toml(), epochs, None, step=step, snapshot_interval=0.0,
                         layer_shapes=shapes, n_params=network.n_params,
                         timeline=timeline)  # fmt: skip


def wait_until(predicate, seconds=60.0):
    import time

    end = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.01)


def test_epochs_asked_for_while_training_are_exact_and_the_stream_carries_none(monkeypatch):
    tally = Tally(monkeypatch)
    epochs = 1_000_000  # trains until stopped
    timeline = Timeline()
    process = remote.TrainingProcess()
    try:
        run = start(process, epochs, timeline)
        wait_until(lambda: run.latest() is not None and run.latest().epoch >= 12)
        run.pause()
        assert run.kept_epochs()[:13] == list(range(13))
        assert len(timeline) == 0  # nothing of the timeline crossed while training
        answers = {}
        for asked in (0, 5, 12):
            run.fetch(asked)
            wait_until(lambda a=asked: run.answer(a) is not None)
            answers[asked] = run.answer(asked)
            assert answers[asked][0] == asked and run.params_at(asked) is answers[asked][1]
        run.resume()
        wait_until(lambda: run.latest().epoch >= 140)  # past 2 x dense: every second one
        run.stop()
        assert run.wait(60_000) and run.error is None
        last = run.latest().epoch
    finally:
        process.shutdown()
    truth = oracle(epochs, 2**30, until=last)
    for asked, (_, params) in answers.items():
        np.testing.assert_array_equal(params, truth.at(asked))
    # the app's timeline is whole now, and exactly the one kept there (= the oracle's)
    assert timeline.epochs == truth.epochs and truth.epochs[-1] == last
    assert truth.epochs != list(range(last + 1))  # (thinned by the schedule)
    for epoch in truth.epochs:
        np.testing.assert_array_equal(timeline.at(epoch), truth.at(epoch))
    # no snapshot carried an epoch's parameters; the three answers plus the end's transfer
    # carried each kept epoch exactly once
    assert tally.arrays[("snapshot", "params")] == 0
    each = truth.at(0).nbytes
    assert tally.arrays[("epoch", "params")] == each * len(truth)
    assert tally.kinds["epoch"] == len(truth)


def test_a_finished_runs_timeline_equals_the_thinned_one_the_process_kept(monkeypatch):
    epochs = 70
    _, network = network_of(epochs)
    budget = 12 * network.params_to_host().nbytes  # room for 12 copies: thinned many times
    child_with_budget(monkeypatch, budget)
    truth = oracle(epochs, budget)
    assert len(truth) < 20 and truth.epochs[-1] == epochs  # (thinned, as the test needs)
    timeline = Timeline()  # the app's budget is far larger: it keeps whatever it is sent
    process = remote.TrainingProcess()
    try:
        run = start(process, epochs, timeline)
        wait_until(lambda: run.latest() is not None and run.latest().epoch >= 3)
        run.fetch(2)  # fetched early, thinned out later: it must not survive in the app
        assert run.wait(60_000) and run.error is None
        assert run.kept_epochs() == truth.epochs  # the schedule the snapshots named
    finally:
        process.shutdown()
    assert timeline.epochs == truth.epochs
    for epoch in truth.epochs:
        np.testing.assert_array_equal(timeline.at(epoch), truth.at(epoch))


def test_a_continued_run_keeps_the_apps_earlier_epochs_and_adds_the_new_ones(monkeypatch):
    tally = Tally(monkeypatch)
    first = oracle(3, 2**30)
    config, network = network_of(3)
    timeline = Timeline()
    process = remote.TrainingProcess()
    try:
        run = start(process, 3, timeline)
        assert run.wait(60_000) and run.error is None
        assert timeline.epochs == [0, 1, 2, 3]
        state = remote.state_arrays(run.final_params, run.final_optimizer_state,
                                    run.latest().history)  # fmt: skip
        sent = tally.kinds["epoch"]
        more = process.start(config.to_toml(), 6, state, snapshot_interval=0.0,
                             n_params=network.n_params, timeline=timeline)  # fmt: skip
        assert more.wait(60_000) and more.error is None
    finally:
        process.shutdown()
    assert timeline.epochs == list(range(7))
    assert tally.kinds["epoch"] - sent == 3  # epochs 4, 5, 6: not 3, which the app held
    for epoch in (0, 3):
        np.testing.assert_array_equal(timeline.at(epoch), first.at(epoch))
    np.testing.assert_array_equal(timeline.at(6), more.final_params)


def test_a_request_for_another_run_gets_nothing(monkeypatch):
    tally = Tally(monkeypatch)
    process = remote.TrainingProcess()
    try:
        old = start(process, 2, Timeline())
        assert old.wait(60_000) and old.error is None
        answered = tally.kinds["epoch"]
        new = start(process, 1_000_000, Timeline())
        wait_until(lambda: new.latest() is not None and new.latest().epoch >= 2)
        for epoch in (0, 1, 2):  # the old run's epochs, asked by its id
            new.child.send(fetch_message(old.run_id, epoch))
        old.fetch(1)  # and through the ended run itself: not even sent
        step = new.latest().step
        wait_until(lambda: new.latest().step > step + 50)  # long after any answer
        # an answer for the old run would reach the app for no run: the child would be
        # replaced and the new run would fail
        assert new.is_running() and new.error is None
        assert tally.kinds["epoch"] == answered
        assert old.answer(1) is None
        new.stop()
        assert new.wait(60_000) and new.error is None
    finally:
        process.shutdown()


# -- every reply is checked -------------------------------------------------------------------
def _run(n_params=5, total=10, kept=(0, 4, 64, 200)):
    run = remote.RemoteRun(2, n_params=n_params, timeline=Timeline())
    run._latest = type("S", (), {"total_epochs": total, "weights": ()})()
    run.kept = kept
    run._done.clear()
    return run


def deliver(run, frame: bytes):
    header, arrays = unpack(frame)
    return run.deliver(header, arrays)


@pytest.mark.parametrize(
    "frame, match",
    [
        (epoch_message(2, 3, 3, np.zeros(5)), "not asked for"),  # unsolicited answer
        (epoch_message(2, None, 3, np.zeros(6)), "do not fit"),  # wrong length
        (epoch_message(2, None, 3, np.zeros((5, 1))), "do not fit"),  # not flat
        (epoch_message(2, None, 3, np.zeros(5, np.int64)), "do not fit"),  # not floats
        (epoch_message(2, None, 11, np.zeros(5)), "no epoch of the run"),  # past the run
        (epoch_message(2, None, 7, np.zeros(5)), "does not keep"),  # outside the span
        (epoch_message(2, None, None), "names no epoch"),
        (pack({"kind": "epoch", "run": 2, "asked": None, "epoch": True}), "no epoch"),
        (
            pack(
                {"kind": "epoch", "run": 2, "asked": None, "epoch": 1},
                {"params": np.zeros(5), "x": np.zeros(1)},
            ),
            "arrays",
        ),  # fmt: skip
        (pack({"kind": "epoch", "run": 2, "asked": None, "epoch": 1}), "arrays"),
    ],
)
def test_a_bad_timeline_message_is_refused(frame, match):
    with pytest.raises(RemoteError, match=match):
        deliver(_run(), frame)


def test_the_epochs_sent_at_the_end_stay_within_what_the_run_said_it_keeps():
    run = _run(kept=(0, 4, 64, 2 * 5 * 8))  # two epochs' worth
    deliver(run, epoch_message(2, None, 0, np.zeros(5)))
    deliver(run, epoch_message(2, None, 1, np.zeros(5)))
    with pytest.raises(RemoteError, match="more timeline epochs"):
        deliver(run, epoch_message(2, None, 2, np.zeros(5)))
    with pytest.raises(RemoteError, match="does not keep"):  # the same one twice
        deliver(run, epoch_message(2, None, 1, np.zeros(5)))


def test_the_epochs_sent_at_the_end_stay_within_the_timeline_budget(monkeypatch):
    monkeypatch.setattr(remote, "TIMELINE_BUDGET", 2 * 5 * 8)
    run = _run(kept=(0, 4, 64, 10**12))  # a process that claims to keep a terabyte
    deliver(run, epoch_message(2, None, 0, np.zeros(5)))
    deliver(run, epoch_message(2, None, 1, np.zeros(5)))
    with pytest.raises(RemoteError, match="more timeline epochs"):
        deliver(run, epoch_message(2, None, 2, np.zeros(5)))


def test_an_epoch_before_any_snapshot_is_refused():
    run = remote.RemoteRun(2, n_params=5)
    with pytest.raises(RemoteError, match="before any snapshot"):
        deliver(run, epoch_message(2, None, 0, np.zeros(5)))


def test_an_answer_is_taken_once_asked_and_a_thinned_answer_names_the_nearest():
    run = _run()
    run.child = type("C", (), {"send": lambda self, frame: None})()
    run.fetch(3)
    assert run.answer(3) is None
    deliver(run, epoch_message(2, 3, 4, np.arange(5.0)))  # 3 was thinned out there
    epoch, params = run.answer(3)
    assert epoch == 4 and np.array_equal(params, np.arange(5.0))
    with pytest.raises(RemoteError, match="not asked for"):  # answered already
        deliver(run, epoch_message(2, 3, 4, np.arange(5.0)))
    assert epoch_from({"asked": 1, "epoch": None}, {}, 5, 10) == (1, None, None)


@pytest.mark.parametrize(
    "fields",
    [
        {"timeline_first": 0, "timeline_latest": 11, "timeline_dense": 64, "timeline_nbytes": 1},
        {"timeline_first": 3, "timeline_latest": 2, "timeline_dense": 64, "timeline_nbytes": 1},
        {"timeline_first": 0, "timeline_latest": 2, "timeline_dense": 0, "timeline_nbytes": 1},
        {"timeline_first": 0, "timeline_latest": 2, "timeline_dense": 64, "timeline_nbytes": -1},
        {"timeline_first": 0, "timeline_latest": 2, "timeline_dense": "64", "timeline_nbytes": 1},
        {"timeline_first": 0, "timeline_latest": True, "timeline_dense": 6, "timeline_nbytes": 1},
        {"timeline_first": 0},
    ],
)
def test_bad_timeline_fields_in_a_snapshot_are_refused(fields):
    with pytest.raises(RemoteError, match="timeline"):
        timeline_span_from(fields, 10)


def test_the_span_names_exactly_the_epochs_kept():
    """Timeline.schedule(*span) is what the app computes from three numbers: it must equal the
    epochs the timeline holds, through every thinning, for runs starting anywhere."""
    for n, budget, start, dense in [(3, 8 * 3 * 5, 0, 64), (10, 8 * 10 * 17, 31, 64),
                                    (1, 8 * 40, 100, 4), (50, 8 * 50 * 1000, 0, 64),
                                    (2, 8 * 2, 7, 64)]:  # fmt: skip
        timeline = Timeline(budget, dense)
        for epoch in range(start, start + 2500):
            timeline.add(epoch, np.zeros(n))
            if epoch % 61 == 0 or epoch == start + 2499:
                assert Timeline.schedule(*timeline.span()) == timeline.epochs, (n, epoch)
    assert Timeline().span() is None and Timeline.schedule(5, 4, 64) == []
