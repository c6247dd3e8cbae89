"""Experiment files (.mlpx): a faithful round trip, continuing training, and strict refusal of
damaged or hostile files without touching anything on disk."""

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import zipfile

import numpy as np
import pytest

from mlpstudio.core.training import History
from mlpstudio.experiment import archive
from mlpstudio.experiment.archive import (
    ArchiveError,
    flatten_layers,
    load_experiment,
    restore,
    save_experiment,
)
from mlpstudio.experiment.build import build_dataset, build_trainer
from mlpstudio.experiment.config import Config


def trained(epochs=10, optimizer="adam", hidden="[10]"):
    config = Config().with_overrides(
        [f"training.epochs={epochs}", f"training.optimizer={optimizer}", f"model.hidden={hidden}"]
    )
    dataset = build_dataset(config.data)
    trainer = build_trainer(config, dataset=dataset, snapshot_interval=0.0)
    final = trainer.run()
    return config, dataset, trainer, final


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A trained course experiment saved once; tests copy its bytes."""
    config, dataset, trainer, final = trained()
    path = tmp_path_factory.mktemp("saved") / "course.mlpx"
    save_experiment(
        path, config, trainer.network, final.history, trainer.optimizer.state(), {"note": "ok"}
    )
    return path.read_bytes()


def snapshot_of_folder(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def assert_refused(path, *fragments):
    """Opening ``path`` raises ArchiveError mentioning every fragment and changes nothing."""
    before = snapshot_of_folder(path.parent)
    with pytest.raises(ArchiveError) as info:
        load_experiment(path)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message
    assert snapshot_of_folder(path.parent) == before  # no file written, changed or removed
    return message


def rewrite(data: bytes, replace=None, add=None, drop=()) -> bytes:
    """A copy of the zip ``data`` with members replaced, added (name -> bytes) or dropped."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, payload in add.items():
            dst.writestr(zipfile.ZipInfo(name), payload)
    return out.getvalue()


def npy(array, allow_pickle=False) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=allow_pickle)
    return buffer.getvalue()


def edited_meta(data: bytes, change) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        meta = json.loads(src.read("experiment.json"))
    change(meta)
    return rewrite(data, replace={"experiment.json": json.dumps(meta).encode()})


# -- round trip ------------------------------------------------------------------------------
@pytest.mark.parametrize("optimizer", ["adam", "momentum", "sgd"])
def test_round_trip_keeps_weights_history_and_optimizer_state(tmp_path, optimizer):
    config, _, trainer, final = trained(epochs=5, optimizer=optimizer, hidden="[6,4]")
    state = trainer.optimizer.state()
    path = save_experiment(
        tmp_path / "run.mlpx", config, trainer.network, final.history, state, {"test_mse": 0.5}
    )
    opened = load_experiment(path)

    assert opened.config.to_dict() == config.to_dict()
    assert opened.sizes == [1, 6, 4, 1] and opened.activations == ["tanh", "tanh"]
    for (w, b), (w0, b0) in zip(opened.layers, trainer.network.weights_to_host()):
        np.testing.assert_array_equal(w, w0)
        np.testing.assert_array_equal(b, b0)
    np.testing.assert_array_equal(opened.params, trainer.network.params_to_host())
    assert set(opened.history) == set(History.COLUMNS)
    for column in History.COLUMNS:  # NaN (val_loss) compares equal here
        np.testing.assert_array_equal(opened.history[column], final.history[column])
    assert set(opened.optimizer_state) == set(state)
    for key in state:
        np.testing.assert_array_equal(opened.optimizer_state[key], state[key])
    assert opened.results == {"test_mse": 0.5}
    assert opened.epochs == 5
    assert opened.meta["data"]["formula"] == config.data.formula
    # The members are plain .npy files that numpy reads without pickle.
    with zipfile.ZipFile(path) as zf:
        w1 = np.load(io.BytesIO(zf.read("weights/W1.npy")), allow_pickle=False)
    assert w1.shape == (6, 1)


def test_flatten_layers_is_the_network_layout():
    _, _, trainer, _ = trained(epochs=1, hidden="[3,5]")
    net = trainer.network
    np.testing.assert_array_equal(flatten_layers(net.weights_to_host()), net.params_to_host())


def test_continuing_from_the_file_equals_continuing_the_original(tmp_path):
    config, dataset, trainer, final = trained(epochs=10)
    path = save_experiment(
        tmp_path / "run.mlpx", config, trainer.network, final.history, trainer.optimizer.state()
    )
    longer = config.with_overrides(["training.epochs=20"])

    original = build_trainer(
        longer,
        dataset=dataset,
        network=trainer.network,
        history=History.from_columns(final.history),
        optimizer_state=trainer.optimizer.state(),
        snapshot_interval=0.0,
    )
    end_a = original.run()

    network, history, state = restore(load_experiment(path), dataset)
    reopened = build_trainer(
        longer,
        dataset=dataset,
        network=network,
        history=history,
        optimizer_state=state,
        snapshot_interval=0.0,
    )
    end_b = reopened.run()

    assert end_a.epoch == end_b.epoch == 20
    assert len(end_b.history["epoch"]) == 21
    np.testing.assert_array_equal(network.params_to_host(), original.network.params_to_host())
    for column in ("epoch", "train_loss", "test_loss", "test_metric"):
        np.testing.assert_array_equal(end_b.history[column], end_a.history[column])
    # ...and the continuation really trained: the weights moved away from the saved ones.
    assert not np.array_equal(network.params_to_host(), load_experiment(path).params)


def test_restore_refuses_data_of_another_shape(tmp_path, saved):
    path = tmp_path / "course.mlpx"
    path.write_bytes(saved)
    toy = build_dataset(Config().with_overrides(["data.kind=toy"]).data)
    with pytest.raises(ArchiveError, match="open it with the data it was trained on"):
        restore(load_experiment(path), toy)


def test_saving_replaces_the_file_in_one_piece(tmp_path, saved):
    path = tmp_path / "course.mlpx"
    path.write_bytes(b"old contents")
    config, _, trainer, final = trained(epochs=3)
    save_experiment(path, config, trainer.network, final.history, None)
    assert load_experiment(path).optimizer_state is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course.mlpx"]  # no temporary left


def test_saving_refuses_a_foreign_optimizer_state_and_keeps_the_old_file(tmp_path, saved):
    path = tmp_path / "course.mlpx"
    path.write_bytes(saved)
    config, _, trainer, final = trained(epochs=2)
    with pytest.raises(ArchiveError, match="does not belong"):
        save_experiment(path, config, trainer.network, final.history, {"t": np.array(3)})
    assert path.read_bytes() == saved


def test_saving_refuses_a_network_that_does_not_match_the_config(tmp_path):
    config, _, trainer, final = trained(epochs=1)
    other = config.with_overrides(["model.hidden=[4]"])
    with pytest.raises(ArchiveError, match="does not match the configuration"):
        save_experiment(tmp_path / "x.mlpx", other, trainer.network, final.history)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_writing_keeps_the_old_file(tmp_path, saved, monkeypatch):
    path = tmp_path / "course.mlpx"
    path.write_bytes(saved)
    config, _, trainer, final = trained(epochs=2)
    calls = []

    def failing(zf, name, array):
        calls.append(name)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        original(zf, name, array)

    original = archive._write_member
    monkeypatch.setattr(archive, "_write_member", failing)
    with pytest.raises(OSError):
        save_experiment(path, config, trainer.network, final.history, trainer.optimizer.state())
    assert path.read_bytes() == saved
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course.mlpx"]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_process_killed_while_saving_leaves_the_previous_file(tmp_path, saved):
    path = tmp_path / "big.mlpx"
    path.write_bytes(saved)
    child = textwrap.dedent(
        f"""
        import sys, time
        from mlpstudio.experiment import archive
        from mlpstudio.experiment.build import build_trainer
        from mlpstudio.experiment.config import Config

        config = Config().with_overrides(["training.epochs=1", "model.hidden=[512,512]"])
        trainer = build_trainer(config, snapshot_interval=0.0)
        final = trainer.run()
        original = archive._write_member

        def slow(zf, name, array):  # a slow disk: every member takes a while
            original(zf, name, array)
            print("wrote", name, flush=True)
            time.sleep(30)

        archive._write_member = slow
        archive.save_experiment({str(path)!r}, config, trainer.network, final.history,
                                trainer.optimizer.state())
        print("finished", flush=True)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", child], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = proc.stdout.readline()  # the first member is in the temporary file
        assert line.startswith("wrote"), proc.stderr.read()
        partial = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        assert partial, "the save should be writing a temporary file"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert path.read_bytes() == saved  # the previous experiment, byte for byte
    assert load_experiment(path).sizes == [1, 10, 1]
    for leftover in tmp_path.iterdir():
        assert leftover == path or (
            leftover.name.startswith(".") and leftover.name.endswith(".part")
        )


# -- refusals --------------------------------------------------------------------------------
def test_refuses_object_arrays(tmp_path, saved):
    path = tmp_path / "evil.mlpx"
    payload = npy(np.array([[1], [2]] * 5, dtype=object), allow_pickle=True)
    path.write_bytes(rewrite(saved, replace={"weights/W1.npy": payload}))
    assert_refused(path, "weights/W1.npy", "Python objects")


@pytest.mark.parametrize("member", ["../../x", "/etc/passwd", "weights\\W1.npy", "a/../../b"])
def test_refuses_member_paths_that_leave_the_archive(tmp_path, saved, member):
    path = tmp_path / "evil.mlpx"
    path.write_bytes(rewrite(saved, add={member: b"x"}))
    assert_refused(path, "not a plain relative path")
    assert not (tmp_path.parent / "x").exists()


def test_refuses_unexpected_and_duplicate_members(tmp_path, saved):
    path = tmp_path / "extra.mlpx"
    path.write_bytes(rewrite(saved, add={"notes.txt": b"hello"}))
    assert_refused(path, "unexpected member 'notes.txt'")

    with pytest.warns(UserWarning, match="Duplicate name"):
        twice = rewrite(saved, add={"weights/W1.npy": npy(np.zeros((10, 1), np.float32))})
    path.write_bytes(twice)
    assert_refused(path, "appears twice")


def test_refuses_truncated_and_corrupt_files(tmp_path, saved):
    path = tmp_path / "cut.mlpx"
    path.write_bytes(saved[: len(saved) // 2])
    assert_refused(path, "damaged or truncated")

    # A flipped byte inside a member's stored data: caught by the CRC check.
    with zipfile.ZipFile(io.BytesIO(saved)) as zf:
        stored = io.BytesIO()
        with zipfile.ZipFile(stored, "w", compression=zipfile.ZIP_STORED) as out:
            for info in zf.infolist():
                out.writestr(info.filename, zf.read(info.filename))
    data = bytearray(stored.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("weights/W2.npy")
    data[info.header_offset + 30 + len(info.filename) + info.compress_size - 1] ^= 0xFF
    path.write_bytes(bytes(data))
    assert_refused(path, "damaged or truncated", "CRC")

    path.write_bytes(b"this is not a zip file at all")
    assert_refused(path, "not an MLP Studio experiment file")


def test_refuses_a_zip_bomb_before_decompressing(tmp_path, saved):
    path = tmp_path / "bomb.mlpx"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(saved)) as src:
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                payload = src.read(info.filename)
                if info.filename == "history/epoch.npy":
                    payload = b"\x93NUMPY" + bytes(64 << 20)  # 64 MB of zeros, ~64 kB packed
                dst.writestr(info.filename, payload)
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 2 << 20
    assert_refused(path, "history/epoch.npy", "claims 67,108,870 bytes")


def test_refuses_a_newer_format(tmp_path, saved):
    path = tmp_path / "future.mlpx"
    path.write_bytes(edited_meta(saved, lambda m: m.update(format_version=99, app_version="9.0")))
    assert_refused(path, "saved by MLP Studio 9.0 in file format 99", "Update MLP Studio")


def test_refuses_arrays_that_do_not_fit_the_architecture(tmp_path, saved):
    path = tmp_path / "shape.mlpx"
    path.write_bytes(rewrite(saved, replace={"weights/W1.npy": npy(np.zeros((5, 1), np.float32))}))
    assert_refused(path, "weights/W1.npy", "shape (5, 1)", "needs (10, 1)")

    path.write_bytes(rewrite(saved, replace={"optimizer/m.npy": npy(np.zeros(7, np.float32))}))
    assert_refused(path, "optimizer/m.npy", "shape (7,)")

    path.write_bytes(rewrite(saved, drop={"weights/b2.npy"}))
    assert_refused(path, "weights/b2.npy", "missing")

    path.write_bytes(edited_meta(saved, lambda m: m["model"].update(sizes=[1, 12, 1])))
    assert_refused(path, "does not match the stored configuration")


def test_refuses_an_invalid_configuration_with_its_message(tmp_path, saved):
    path = tmp_path / "config.mlpx"
    path.write_bytes(
        edited_meta(saved, lambda m: m["config"]["training"].update(optimizer="adamw"))
    )
    assert_refused(path, "configuration is invalid", "training.optimizer", "'adamw'")


def test_refuses_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(ArchiveError, match="no such file"):
        load_experiment(tmp_path / "nothing.mlpx")
    with pytest.raises(ArchiveError):
        load_experiment(tmp_path)


def test_opening_removes_the_leftovers_of_a_killed_save(tmp_path, saved):
    from mlpstudio import atomic

    path = tmp_path / "course.mlpx"
    path.write_bytes(saved)
    leftover = tmp_path / atomic.temp_name("course.mlpx")  # what kill -9 during a save leaves
    leftover.write_bytes(b"half an experiment")
    load_experiment(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course.mlpx"]


def test_an_optimiser_this_version_does_not_know_is_refused_clearly(tmp_path, saved):
    """A file from a version with another optimiser: one clear refusal, never a KeyError."""

    def foreign(meta):
        meta["config"]["training"]["optimizer"] = "lion"
        meta["optimizer"]["name"] = "lion"

    path = tmp_path / "foreign.mlpx"
    path.write_bytes(edited_meta(saved, foreign))
    assert_refused(path, "training.optimizer", "lion")
    with pytest.raises(ArchiveError, match="'lion' is not one this version"):
        archive.optimizer_buffers("lion")
    assert archive.optimizer_buffers("rmsprop") == ("square_avg",)
