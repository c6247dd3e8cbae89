"""Comparisons in the training process (issue 11, item 5): the rows that stream back are the
ones the in-process :class:`Comparison` computes, every message is checked, and Stop ends it."""

import numpy as np
import pytest

from mlpstudio.experiment import frames
from mlpstudio.experiment.compare import Comparison
from mlpstudio.experiment.config import Config
from mlpstudio.experiment.remote import RemoteError, TrainingProcess


def course(epochs):
    return Config().with_overrides([f"training.epochs={epochs}"])


@pytest.fixture
def process():
    p = TrainingProcess()
    yield p
    p.shutdown(timeout=5)


def test_a_comparison_in_the_child_gives_the_in_process_rows(process):
    config = course(15)
    architectures = [[3], [], [4, 2]]
    job = process.compare(config.to_toml(), architectures, snapshot_interval=0.01)
    assert job.wait(120_000) and job.error is None
    expected = Comparison(config, architectures).run()  # the oracle: the same code in-process
    assert [r.hidden for r in job.rows] == architectures
    for got, want in zip(job.rows, expected):
        assert (got.layers, got.params, got.epochs, got.status) == (
            want.layers, want.params, want.epochs, want.status)  # fmt: skip
        assert got.test_loss == pytest.approx(want.test_loss, rel=1e-9)
        np.testing.assert_allclose(got.final_params, want.final_params, rtol=1e-9)
        np.testing.assert_array_equal(got.history["epoch"], want.history["epoch"])
    assert job.progress is not None and job.progress[0] == len(architectures) - 1


def test_stop_ends_a_comparison_in_the_child_and_starts_no_other(process):
    job = process.compare(course(1_000_000).to_toml(), [[5], [6]], snapshot_interval=0.01)
    while job.progress is None and job.is_running():
        job.wait(50)
    job.stop()
    assert job.wait(30_000) and job.error is None
    assert [r.status for r in job.rows] == ["stopped"]  # the second never started
    assert 0 < job.rows[0].epochs < 1_000_000


def test_a_bad_row_is_refused():
    config = course(2)
    (row,) = Comparison(config, [[3]]).run()
    header, arrays = frames.unpack(frames.row_message(1, row))
    assert frames.row_from(header, arrays, [3]).params == row.params
    with pytest.raises(RemoteError, match="not for the architecture"):
        frames.row_from(header, arrays, [4])  # a row for another architecture
    with pytest.raises(RemoteError, match="parameters"):
        frames.row_from({**header, "params": row.params + 1}, arrays, [3])
    short = {**arrays, "params": arrays["params"][:-1]}
    with pytest.raises(RemoteError, match="parameter vector"):
        frames.row_from(header, short, [3])
    with pytest.raises(RemoteError, match="status"):
        frames.row_from({**header, "status": "exploded"}, arrays, [3])


FAKE_CHILD = """\
import sys
from mlpstudio.experiment.remote import pack, private_pipes, read_frame
inp, out = private_pipes()
out.write(pack({"kind": "hello"})); out.flush()
request, _ = read_frame(inp)
out.write(pack({"kind": "progress", "run": request["run"], "index": 5, "epoch": 1,
                "total_epochs": 2})); out.flush()
read_frame(inp)  # (held open until the parent closes the pipe)
"""


def test_a_comparison_message_out_of_range_ends_it_with_an_error(monkeypatch):
    import sys

    from mlpstudio.experiment import remote

    monkeypatch.setattr(remote, "worker_command", lambda: [sys.executable, "-c", FAKE_CHILD])
    process = TrainingProcess()
    try:
        job = process.compare(course(5).to_toml(), [[3], [4]])  # index 5 names no architecture
        assert job.wait(30_000)
        assert "invalid message" in job.error and "out of range" in job.error
        assert job.rows == [] and not job.start_failed
    finally:
        process.shutdown(timeout=5)
