"""Lean snapshots (issue 14, item 3): the training process sends what changed and what the
visible views draw; the window's side rebuilds whole snapshots. The oracle is the trainer's own
snapshot stream, compared field by field with the stream rebuilt from the messages."""

from __future__ import annotations

import numpy as np
import pytest

from mlpstudio.experiment.build import build_dataset, build_network, build_trainer
from mlpstudio.experiment.config import Config
from mlpstudio.experiment.frames import (
    EVERYTHING,
    Needs,
    RemoteError,
    SnapshotAssembler,
    SnapshotEncoder,
    unpack,
)

PAYLOAD = ("W.", "b.", "test_output", "plot_output")


def course(epochs=3, batch=64):
    config = Config().with_overrides(
        [f"training.epochs={epochs}", f"training.batch_size={batch}", "training.seed=1"]
    )
    dataset = build_dataset(config.data)
    return config, dataset, build_network(config, dataset)


def trained(epochs=3, interval=1e-9):
    """The trainer's snapshots (a tiny interval: one after every mini-batch) and the network.
    No timeline: the training process keeps it (its epochs never enter the stream)."""
    config, dataset, network = course(epochs)
    trainer = build_trainer(config, dataset, network, snapshot_interval=interval)
    return list(trainer), network


class Clock:
    def __init__(self, step):
        self.now, self.step = 0.0, step

    def __call__(self):
        self.now += self.step
        return self.now


def stream(snapshots, network, needs=EVERYTHING, step=1.0, switch=None):
    """Encode and rebuild ``snapshots``; yields (original, rebuilt, arrays sent).
    ``switch``: {index: needs} changes of the visible views during the stream."""
    encoder = SnapshotEncoder(needs, clock=Clock(step))
    shapes = [(w.shape, b.shape) for w, b in network.weights_to_host()]
    assembler = SnapshotAssembler(shapes, None)
    for i, snapshot in enumerate(snapshots):
        if switch and i in switch:
            encoder.set_needs(switch[i])
        header, arrays = unpack(encoder.message(5, snapshot))
        yield snapshot, assembler.add(header, arrays), header, arrays


def same_columns(a: dict, b: dict) -> bool:
    return set(a) == set(b) and all(
        np.array_equal(a[k], b[k], equal_nan=True) and a[k].dtype == b[k].dtype for k in a
    )


def test_the_rebuilt_stream_equals_the_trainers_with_every_view_visible():
    snapshots, network = trained()
    assert sum(s.batch_in_epoch > 0 for s in snapshots) > 5  # mid-epoch snapshots too
    n = 0
    for original, back, _header, _arrays in stream(snapshots, network):
        n += 1
        for field in ("status", "epoch", "step", "batch_in_epoch", "elapsed", "learning_rate",
                      "graph_reason", "graph_detail"):  # fmt: skip
            assert getattr(back, field) == getattr(original, field)
        assert same_columns(back.history, original.history)
        assert same_columns(back.layers, original.layers)
        assert all(np.array_equal(a, b) for a, b in zip(back.unit_states, original.unit_states))
        # weights due at every message (the clock moves 1 s each): every layer exact
        for (w, b), (w0, b0) in zip(back.weights, original.weights):
            assert np.array_equal(w, w0) and np.array_equal(b, b0)
        assert np.array_equal(back.test_output, original.test_output)
        assert np.array_equal(back.plot_output, original.plot_output)
    assert n == len(snapshots)


def test_history_travels_as_appended_rows():
    snapshots, network = trained()
    rows = [len(a["history.epoch"]) for _, _, _, a in stream(snapshots, network)]
    assert rows[0] == 1  # the untrained network's row
    assert sum(rows) == len(snapshots[-1].history["epoch"])  # each row sent exactly once
    assert max(rows) == 1


def test_hidden_views_get_no_payload_and_the_whole_snapshot_comes_when_training_stops():
    snapshots, network = trained()
    out = list(stream(snapshots, network, Needs((), False)))
    first, *middle, last = out
    assert any(k.startswith("W.") for k in first[3])  # a run's first message is whole
    for original, back, _header, arrays in middle:
        assert original.status == "running"
        assert not [k for k in arrays if k.startswith(PAYLOAD)], sorted(arrays)
        assert same_columns(back.history, original.history)  # the loss curves still follow
    original, back, _, arrays = last
    assert original.status == "finished"
    for (w, b), (w0, b0) in zip(back.weights, original.weights):  # whole at the end
        assert np.array_equal(w, w0) and np.array_equal(b, b0)
    assert np.array_equal(back.test_output, original.test_output)
    assert np.array_equal(back.plot_output, original.plot_output)


def test_only_the_layers_shown_are_sent_and_they_are_exact():
    snapshots, network = trained()
    for original, back, _header, arrays in stream(snapshots, network, Needs((0,), False)):
        if original.status != "running" or original is snapshots[0]:
            continue
        assert not any(k.startswith(("W.1", "b.1", "test_output")) for k in arrays)
        assert np.array_equal(back.weights[0][0], original.weights[0][0])  # the shown layer
        assert np.array_equal(back.weights[0][1], original.weights[0][1])


def test_weights_come_at_most_at_the_redraw_rate():
    config, dataset, network = course(epochs=3, batch=16)
    snapshots = list(build_trainer(config, dataset, network, snapshot_interval=1e-9))
    # 10 ms between messages: a send at most every 10 messages (WEIGHTS_MIN_INTERVAL, 0.1 s)
    out = list(stream(snapshots, network, Needs(), step=0.01))
    delivered = [i for i, (_, _, _, a) in enumerate(out) if "W.0" in a]
    explicit = [i for i in delivered if "W.0" in out[i][3] and 0 < i < len(out) - 1]
    assert explicit and len(delivered) < len(out) / 4
    for i in explicit:
        previous = max(j for j in delivered if j < i)
        assert i - previous >= 10
    # between two sends the window keeps the weights it has: the very same tuple, so that a
    # view can skip redrawing it
    kept = 0
    for (_, before, _, _), (_, after, _header, arrays) in zip(out, out[1:]):
        if not [k for k in arrays if k.startswith(("W.", "b."))]:
            assert after.weights is before.weights
            kept += 1
    assert kept > len(out) / 2


def test_a_view_shown_during_training_gets_its_layers_at_once():
    snapshots, network = trained()
    k = 4
    assert snapshots[k].status == "running" and snapshots[k].batch_in_epoch > 0
    out = list(stream(snapshots, network, Needs((), False), step=0.001,
                      switch={k: Needs((1,), True)}))  # fmt: skip
    original, back, header, arrays = out[k]
    assert "W.1" in arrays and "W.0" not in arrays  # not due, but newly shown
    assert np.array_equal(back.weights[1][0], original.weights[1][0])


def test_a_stream_out_of_step_is_refused():
    snapshots, network = trained()
    encoder = SnapshotEncoder(Needs())
    messages = [unpack(encoder.message(1, s)) for s in snapshots[:6]]
    assembler = SnapshotAssembler()
    assembler.add(*messages[0])
    header, arrays = messages[3]  # rows 1 and 2 never came
    if header["history_from"] == assembler._history.length:
        header = {**header, "history_from": header["history_from"] + 1}
    with pytest.raises(RemoteError, match="rows"):
        assembler.add(header, arrays)
    fresh = SnapshotAssembler()
    header, arrays = messages[2]
    arrays = {k: v for k, v in arrays.items() if not k.startswith(("W.", "b."))}
    header["history_from"] = 0
    header["layers_from"] = 0
    with pytest.raises(RemoteError, match="lacks"):  # no weights ever received
        fresh.add(header, arrays)


def test_the_runs_graph_replay_status_travels_and_an_unknown_one_is_refused():
    """The Device row shows what the run's own step graph decided, a fallback in the middle
    of a GPU run included (issue 14): the reason key and its detail cross the channel."""
    from dataclasses import replace

    snapshots, network = trained(epochs=1)
    assert snapshots[0].graph_reason == "cpu"  # the course example trains on the CPU
    fell_back = [replace(s, graph_reason="failed", graph_detail="out of memory")
                 for s in snapshots[:2]]  # fmt: skip
    backs = [back for _, back, _, _ in stream(fell_back, network)]
    assert [(b.graph_reason, b.graph_detail) for b in backs] == [("failed", "out of memory")] * 2
    header, arrays = unpack(SnapshotEncoder().message(1, snapshots[0]))
    for bad in ({"graph_reason": "sudo rm"}, {"graph_detail": 7}):
        with pytest.raises(RemoteError, match="graph replay"):
            SnapshotAssembler().add({**header, **bad}, arrays)


def test_needs_cross_the_channel_and_unreadable_ones_mean_everything():
    assert Needs.from_header(Needs((2, 0), False).fields()) == Needs((0, 2), False)
    assert Needs.from_header(Needs().fields()) == Needs()
    assert Needs.from_header({"layers": "x", "outputs": True}) == Needs()
    assert Needs.from_header({"layers": "0", "outputs": "yes"}) == Needs()
    assert Needs.from_header({}) == Needs()


def test_the_training_process_sends_what_the_views_need(monkeypatch):
    """End to end through a real training process, every view hidden."""
    from mlpstudio.experiment import remote

    config, dataset, network = course(epochs=4, batch=16)
    received = []
    deliver = remote.RemoteRun.deliver

    def spy(self, header, arrays):
        received.append((header, sorted(arrays)))
        return deliver(self, header, arrays)

    monkeypatch.setattr(remote.RemoteRun, "deliver", spy)
    process = remote.TrainingProcess()
    try:
        shapes = [(w.shape, b.shape) for w, b in network.weights_to_host()]
        run = process.start(config.to_toml(), 4, None, snapshot_interval=0.0005,
                            layer_shapes=shapes, n_params=network.n_params,
                            needs=Needs((), False))  # fmt: skip
        assert run.wait(60_000) and run.error is None
    finally:
        process.shutdown()
    snaps = [(h, a) for h, a in received if h["kind"] == "snapshot"]
    running = [a for h, a in snaps[1:] if h["status"] == "running"]
    assert running and not any(k.startswith(PAYLOAD) for a in running for k in a)
    # the timeline stays in the training process (issue 14): no snapshot carries an epoch's
    # parameters; each names the epochs kept there instead
    assert not any(k.startswith("params.") for _, a in snaps for k in a)
    assert snaps[-1][0]["timeline_first"] == 0 and snaps[-1][0]["timeline_latest"] == 4
    final = run.latest()
    assert final.status == "finished" and len(final.history["epoch"]) == 5
    expected = network.layers_of(run.final_params)
    for (w, b), (w0, b0) in zip(final.weights, expected):
        assert np.array_equal(w, w0) and np.array_equal(b, b0)


def test_predictions_keep_within_their_byte_rate_and_come_at_once_when_shown(monkeypatch):
    from mlpstudio.experiment import frames

    monkeypatch.setattr(frames, "OUTPUTS_BYTE_RATE", 1e-3)  # as if they were enormous
    snapshots, network = trained()
    k = 6
    out = list(stream(snapshots, network, Needs(None, True), step=0.01,
                      switch={k - 2: Needs(None, False), k: Needs(None, True)}))  # fmt: skip
    sent = [i for i, (_, _, _, a) in enumerate(out) if "plot_output" in a]
    assert sent == [0, k, len(out) - 1]  # the first, the view shown again, the end
    original, back, _, _ = out[k + 1]
    assert np.array_equal(back.plot_output, out[k][0].plot_output)  # kept between sends
    assert np.array_equal(out[-1][1].plot_output, snapshots[-1].plot_output)
