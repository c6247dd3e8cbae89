"""Hostile .mlpx files: bombs of every zip method, lies in sizes, damaged state and history,
special files; through ``load_experiment`` and through File > Open in the app."""

from __future__ import annotations

import io
import json
import os
import struct
import zipfile

import numpy as np
import pytest

from mlpstudio.core.network import Network
from mlpstudio.experiment.archive import ArchiveError, load_experiment, save_experiment
from mlpstudio.experiment.config import Config

from .conftest import HAS_FIFO, needs_fifo, refusal

BIG = [2048, 2048]  # 4.2 M parameters: legal, but opening needs more than the 256 MB budget


def small_experiment(tmp_path, optimizer="adam", epochs=3):
    """A genuine small experiment file and its parts."""
    config = Config()
    config.model.hidden = [4]
    config.training.optimizer = optimizer
    network = Network([1, 4, 1], ["tanh"], seed=0)
    n = network.n_params
    state = {"t": np.array(epochs)}
    if optimizer == "adam":
        state.update(m=np.full(n, 0.01), v=np.full(n, 0.02))
    elif optimizer in ("momentum", "nesterov"):
        state.update(velocity=np.full(n, 0.01))
    else:
        state = None
    history = {
        "epoch": np.arange(epochs + 1, dtype=float),
        "train_loss": np.linspace(1, 0.5, epochs + 1),
    }
    path = tmp_path / "good.mlpx"
    save_experiment(path, config, network, history, state)
    return path


def rewrite(source, target, replace=None, method=zipfile.ZIP_DEFLATED, meta=None):
    """Copy an archive, replacing members (name -> bytes or array) and the metadata."""
    replace = dict(replace or {})
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "experiment.json" and meta is not None:
                data = meta(json.loads(data)) if callable(meta) else meta
                data = data if isinstance(data, bytes) else json.dumps(data).encode()
            if info.filename in replace:
                data = replace.pop(info.filename)
            if isinstance(data, np.ndarray):
                buffer = io.BytesIO()
                np.save(buffer, data, allow_pickle=False)
                data = buffer.getvalue()
            new.writestr(info.filename, data, compress_type=method)
        for name, data in replace.items():
            new.writestr(name, data, compress_type=method)
    return target


def big_meta(meta):
    """experiment.json declaring the BIG architecture (legal), keeping everything else."""
    meta["config"]["model"]["hidden"] = BIG
    meta["model"]["sizes"] = [1, *BIG, 1]
    meta["model"]["activations"] = ["tanh"] * len(BIG)
    return meta


def npy_zeros_header(shape, dtype="<f8") -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buffer, {"descr": dtype, "fortran_order": False, "shape": tuple(shape)}
    )
    return buffer.getvalue()


# -- bombs -----------------------------------------------------------------------------------
@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
def test_bombs_in_other_zip_methods_are_refused_before_inflating(sandbox, method):
    good = small_experiment(sandbox.root)
    # 16 MB of zeros squeezed to a few hundred bytes: any inflation would show in the peak
    zeros = npy_zeros_header((BIG[0], 1024)) + bytes(BIG[0] * 1024 * 8)
    bomb = rewrite(good, sandbox.root / "bomb.mlpx", {"weights/W2.npy": zeros}, method=method)
    assert bomb.stat().st_size < 1 << 20
    sandbox.freeze()
    refusal(ArchiveError, lambda: load_experiment(bomb), "compression method", peak_limit_mb=40)
    sandbox.assert_unchanged()


def test_a_deflate_bomb_within_the_declared_architecture_hits_the_budget(sandbox):
    """Every member has exactly the size the (legal) architecture calls for, so only the
    memory budget stands between the file and gigabytes: refused before decompressing."""
    good = small_experiment(sandbox.root)
    n = sum(o * (i + 1) for i, o in zip([1, *BIG], [*BIG, 1]))
    members = {
        "weights/W1.npy": np.zeros((BIG[0], 1)),
        "weights/b1.npy": np.zeros(BIG[0]),
        "weights/W2.npy": np.zeros((BIG[1], BIG[0])),
        "weights/b2.npy": np.zeros(BIG[1]),
        "weights/W3.npy": np.zeros((1, BIG[1])),
        "weights/b3.npy": np.zeros(1),
        "optimizer/m.npy": np.zeros(n),
        "optimizer/v.npy": np.zeros(n),
    }
    bomb = rewrite(good, sandbox.root / "bomb.mlpx", members, meta=big_meta)
    del members
    assert bomb.stat().st_size < 2 << 20
    sandbox.freeze()
    refusal(ArchiveError, lambda: load_experiment(bomb), "memory budget", "needs",
            peak_limit_mb=40)  # fmt: skip
    sandbox.assert_unchanged()


def test_a_member_claiming_more_than_the_architecture_is_refused(sandbox):
    good = small_experiment(sandbox.root)
    padded = npy_zeros_header((4, 1)) + bytes(8 << 20)
    bomb = rewrite(good, sandbox.root / "bomb.mlpx", {"weights/W1.npy": padded})
    refusal(ArchiveError, lambda: load_experiment(bomb), "claims", peak_limit_mb=40)


def test_a_member_lying_about_its_size_is_refused(sandbox):
    """The directory claims 8 bytes for a member that inflates to 8 MB."""
    good = small_experiment(sandbox.root)
    target = sandbox.root / "liar.mlpx"
    rewrite(good, target, {"weights/W1.npy": npy_zeros_header((4, 1)) + bytes(8 << 20)})
    data = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as archive:
        info = archive.getinfo("weights/W1.npy")
    struct.pack_into("<I", data, info.header_offset + 22, 200)  # local header
    name = info.filename.encode()
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
        assert central > 0
    struct.pack_into("<I", data, central + 24, 200)  # central directory
    target.write_bytes(bytes(data))
    refusal(ArchiveError, lambda: load_experiment(target), peak_limit_mb=40)


def test_a_truncated_archive_is_refused(sandbox):
    good = small_experiment(sandbox.root)
    data = good.read_bytes()
    for cut in (len(data) // 2, len(data) - 10, 30):
        part = sandbox.root / f"cut{cut}.mlpx"
        part.write_bytes(data[:cut])
        refusal(ArchiveError, lambda p=part: load_experiment(p))


def test_deep_experiment_json_is_refused(sandbox):
    good = small_experiment(sandbox.root)
    deep = b'{"format": "mlpstudio-experiment", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    bad = rewrite(good, sandbox.root / "deep.mlpx", meta=deep)
    refusal(ArchiveError, lambda: load_experiment(bad), "nested")


# -- special files -----------------------------------------------------------------------------
def test_pipes_devices_and_links_to_them_are_refused(sandbox):
    if HAS_FIFO:
        fifo = sandbox.root / "pipe.mlpx"
        os.mkfifo(fifo)
        refusal(ArchiveError, lambda: load_experiment(fifo), "named pipe")
    if os.path.exists("/dev/zero"):
        refusal(ArchiveError, lambda: load_experiment("/dev/zero"), "device")
        link = sandbox.root / "zero.mlpx"
        link.symlink_to("/dev/zero")
        refusal(ArchiveError, lambda: load_experiment(link), "device")


# -- damaged state and history ---------------------------------------------------------------
@pytest.mark.parametrize(
    "optimizer, member, values, words",
    [
        ("adam", "optimizer/m.npy", np.nan, ("'m'", "finite")),
        ("adam", "optimizer/v.npy", np.inf, ("'v'", "finite")),
        ("adam", "optimizer/v.npy", -1.0, ("negative",)),
        ("momentum", "optimizer/velocity.npy", np.nan, ("velocity", "finite")),
    ],
)
def test_damaged_optimiser_state_is_refused(sandbox, optimizer, member, values, words):
    good = small_experiment(sandbox.root, optimizer)
    n = load_experiment(good).params.size
    array = np.full(n, 0.01)
    array[n // 2] = values
    bad = rewrite(good, sandbox.root / "bad.mlpx", {member: array})
    refusal(ArchiveError, lambda: load_experiment(bad), *words)


@pytest.mark.parametrize(
    "epochs",
    [[0, 1, np.nan, 3], [0, 2, 1, 3], [0, 1, 1.5, 3], [-1, 0, 1, 2], [0, 1, 2, np.inf]],
    ids=["nan", "falling", "fraction", "negative", "inf"],
)
def test_a_damaged_epoch_column_is_refused(sandbox, epochs):
    good = small_experiment(sandbox.root)
    bad = rewrite(good, sandbox.root / "bad.mlpx", {"history/epoch.npy": np.array(epochs)})
    refusal(ArchiveError, lambda: load_experiment(bad), "epoch")


def test_the_genuine_file_still_opens(sandbox):
    experiment = load_experiment(small_experiment(sandbox.root))
    assert experiment.epochs == 3 and experiment.optimizer_state["v"].min() > 0


# -- File > Open in the app ------------------------------------------------------------------
@pytest.fixture
def messages(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind,
            staticmethod(lambda parent, title, text, *a, k=kind: shown.append((k, title, text))),
        )  # fmt: skip
    return shown


def test_file_open_in_the_app_refuses_each_hostile_file(sandbox, qtbot, messages, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from mlpstudio.gui.controller import ExperimentController
    from mlpstudio.gui.main_window import MainWindow

    good = small_experiment(sandbox.root)
    n = load_experiment(good).params.size
    cases = {
        "nan-epoch.mlpx": rewrite(good, sandbox.root / "nan-epoch.mlpx",
                                  {"history/epoch.npy": np.array([0, 1, np.nan, 3.0])}),
        "nan-adam.mlpx": rewrite(good, sandbox.root / "nan-adam.mlpx",
                                 {"optimizer/m.npy": np.full(n, np.nan)}),
        "bzip2.mlpx": rewrite(good, sandbox.root / "bzip2.mlpx", method=zipfile.ZIP_BZIP2),
    }  # fmt: skip
    if HAS_FIFO:
        fifo = sandbox.root / "pipe.mlpx"
        os.mkfifo(fifo)
        cases["pipe.mlpx"] = fifo

    config = Config()
    config.training.epochs = 5
    window = MainWindow(ExperimentController(config), settings=None)
    qtbot.addWidget(window)
    before = window.controller.network.params_to_host()
    try:
        for name, path in cases.items():
            messages.clear()
            # through the real dialog path: File > Open asks the (answered) file dialog
            monkeypatch.setattr(
                QFileDialog, "getOpenFileName", staticmethod(lambda *a, p=path, **k: (str(p), ""))
            )
            window.files.act_open.trigger()
            assert len(messages) == 1, (name, messages)
            kind, _, text = messages[0]
            assert kind == "warning" and name in text and "Traceback" not in text, text
            np.testing.assert_array_equal(window.controller.network.params_to_host(), before)
            assert window.files.path is None
    finally:
        window.close()


@needs_fifo
def test_open_lab_in_the_app_refuses_pipes_and_deep_files(sandbox, qtbot, messages, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from mlpstudio.gui.controller import ExperimentController
    from mlpstudio.gui.main_window import MainWindow

    deep = sandbox.root / "deep-lab.toml"
    deep.write_text("[lab]\n[experiment.model]\nhidden = " + "[" * 600 + "]" * 600 + "\n")
    pipe = sandbox.root / "pipe-lab.toml"
    os.mkfifo(pipe)
    window = MainWindow(ExperimentController(Config()), settings=None)
    qtbot.addWidget(window)
    try:
        for path, words in ((deep, "nested"), (pipe, "named pipe")):
            messages.clear()
            monkeypatch.setattr(
                QFileDialog, "getOpenFileName", staticmethod(lambda *a, p=path, **k: (str(p), ""))
            )
            assert not window.open_lab()
            assert len(messages) == 1 and words in messages[0][2], messages
            assert "Traceback" not in messages[0][2] and window.lab is None
    finally:
        window.close()


def test_an_architecture_beyond_the_budget_is_an_error_in_the_app_not_a_crash(sandbox, qtbot):
    from mlpstudio.gui.controller import ExperimentController
    from mlpstudio.gui.main_window import MainWindow

    config = Config()
    config.model.hidden = [65536, 65536]
    window = MainWindow(ExperimentController(config), settings=None)
    qtbot.addWidget(window)
    try:
        controller = window.controller
        assert controller.network is None and "memory budget" in controller.network_error
        assert not controller.can_train
    finally:
        window.close()


def test_a_directory_claiming_too_many_members_is_refused_before_listing(sandbox):
    """The end record claims 65,535 members: refused before zipfile builds them."""
    good = small_experiment(sandbox.root)
    data = bytearray(good.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 0xFFFF, 0xFFFF)  # entries on disk, in total
    liar = sandbox.root / "many.mlpx"
    liar.write_bytes(bytes(data))
    message = refusal(ArchiveError, lambda: load_experiment(liar), peak_limit_mb=20)
    assert "65,535 members" in message
