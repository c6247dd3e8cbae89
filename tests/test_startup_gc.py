"""The app starts without the cyclic garbage collector (mlpstudio/startup.py): it must be back
on for whatever runs after the start, a command as much as the window."""

from __future__ import annotations

import gc

import pytest

from mlpstudio import startup


@pytest.fixture
def collector():
    """Leave the collector as the test found it (on, nothing frozen)."""
    yield
    gc.unfreeze()
    gc.enable()


def test_resume_starts_the_collector_and_leaves_the_start_out_of_its_scans(collector):
    startup.pause()
    assert not gc.isenabled()
    before = len(gc.get_objects())
    startup.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before * 0.9  # what the start made is frozen
    startup.resume()  # a second call changes nothing
    assert gc.isenabled()


def test_a_command_runs_with_the_collector_on(collector, monkeypatch, capsys):
    """The entry point pauses the collector; a command (here ``data list``, which may be
    followed by hours of training in others) finds it running."""
    from mlpstudio import cli
    from mlpstudio.cli import data

    seen = []
    monkeypatch.setattr(data, "cmd_list", lambda args: seen.append(gc.isenabled()) or 0)
    startup.pause()
    assert cli.main(["data", "list"]) == 0
    assert seen == [True]
