"""A class board's results folder is a shared drive: anyone may drop anything there. Every
hostile, foreign or oversized file is skipped with one note naming it, sizes are checked before
a byte is read, and the genuine results are still listed."""

import json
import os

import pytest

from mlpstudio.experiment import board as board_module
from mlpstudio.experiment.board import BoardReader, make_result, read_board, submit
from mlpstudio.experiment.config import Config
from mlpstudio.experiment.labs import lab_from_text, load_lab

from .conftest import assert_refused, cli_in_process, needs_fifo, run_cli

LAB = """
[lab]
title = "Board"
results = "results"
[experiment]
preset = "course-sine"
"""
FIGURES = {"params": 31, "epochs": 10, "train_loss": 0.01, "test_loss": 0.02}


@pytest.fixture
def lab(tmp_path):
    (tmp_path / "lab.toml").write_text(LAB, encoding="utf-8")
    (tmp_path / "results").mkdir()
    return load_lab(tmp_path / "lab.toml")


def genuine(lab, name, test=0.02):
    body = make_result(lab, name, Config(), {**FIGURES, "test_loss": test}, {})
    return submit(lab, lab.results_folder(), body)


def hostile_folder(lab, tmp_path):
    """Two genuine results among every kind of file a shared folder may hold."""
    folder = lab.results_folder()
    good = [genuine(lab, "Ana"), genuine(lab, "Bo", 0.01)]
    body = json.loads(good[0].read_text(encoding="utf-8"))
    write = lambda name, data: (folder / name).write_bytes(data)  # noqa: E731
    write("tampered.json", json.dumps({**body, "test_error": 1e-9}).encode())
    other = lab_from_text(LAB + "\n# another lab\n")
    write("other-lab.json", json.dumps(make_result(other, "Eve", Config(), FIGURES, {})).encode())
    write("deep.json", b"[" * 100_000 + b"]" * 100_000)
    write("latin1.json", '{"student": "Jos\xe9"}'.encode("latin-1"))
    write("not-json.json", b"PK\x03\x04 a zip in disguise")
    write("array.json", b"[1, 2, 3]")
    write("bad-field.json", json.dumps({**body, "params": "31"}).encode())
    write("extra-field.json", json.dumps({**body, "pickle": "gASV"}).encode())
    write("homework.docx", b"PK\x03\x04")
    with open(folder / "huge.json", "wb") as f:  # sparse: 10 GB on paper, nothing on disk
        f.truncate(10 << 30)
    os.mkfifo(folder / "pipe.json")
    os.symlink("/dev/zero", folder / "zero.json")
    os.symlink(good[0], folder / "link.json")
    (folder / "subfolder").mkdir()
    write(".Ana.json.mlpstudio-abcd12345678.part", b'{"half": ')  # a write in progress
    write(".DS_Store", b"\0\0\0\1Bud1")
    return good


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_hostile_files_are_skipped_with_one_note_each(lab, tmp_path, monkeypatch):
    good = hostile_folder(lab, tmp_path)
    read = []
    real = board_module.read_capped
    monkeypatch.setattr(
        board_module, "read_capped", lambda path, kind: read.append(path.name) or real(path, kind)
    )
    board = read_board(lab, lab.results_folder())
    assert sorted(e.file for e in board.entries) == sorted(p.name for p in good)
    noted = {note.split(":")[0]: note for note in board.notes}
    expected = {
        "tampered.json": "signature does not match",
        "other-lab.json": "another lab",
        "deep.json": "nested",
        "latin1.json": "UTF-8",
        "not-json.json": "not valid JSON",
        "array.json": "not an MLP Studio result",
        "bad-field.json": "'params'",
        "extra-field.json": "unknown field 'pickle'",
        "homework.docx": "not a result file",
        "huge.json": "too large",
        "pipe.json": "not a plain file",
        "zero.json": "not a plain file",
        "link.json": "not a plain file",
    }
    assert set(noted) == set(expected)
    for name, words in expected.items():
        assert words in noted[name], noted[name]
        assert "\n" not in noted[name] and noted[name].endswith("skipped.")
    # sizes and kinds were checked before reading: these were never opened
    assert not {"huge.json", "pipe.json", "zero.json", "link.json", "homework.docx"} & set(read)
    assert not any(name.startswith(".") for name in read)


def test_live_refresh_reads_only_new_or_changed_files(lab, tmp_path, monkeypatch):
    genuine(lab, "Ana")
    reader = BoardReader(lab, lab.results_folder())
    assert len(reader.read().entries) == 1
    read = []
    real = board_module.read_capped
    monkeypatch.setattr(
        board_module, "read_capped", lambda path, kind: read.append(path.name) or real(path, kind)
    )
    assert len(reader.read().entries) == 1 and read == []  # nothing new: nothing read
    new = genuine(lab, "Bo")
    assert len(reader.read().entries) == 2 and read == [new.name]
    new.write_text("{}", encoding="utf-8")  # replaced by something foreign
    board = reader.read()
    assert len(board.entries) == 1 and any(new.name in n for n in board.notes)
    new.unlink()
    assert reader.read().notes == []


def test_unreadable_folder_is_one_refusal(lab, tmp_path):
    with pytest.raises(board_module.ResultError, match="cannot be read"):
        read_board(lab, tmp_path / "missing")


# -- the command line: the refusal contract -------------------------------------------------
@needs_fifo
def test_lab_unpack_refuses_a_pipe_a_device_and_a_huge_file(sandbox, capsys):
    fifo = sandbox.root / "text.txt"
    os.mkfifo(fifo)
    huge = sandbox.root / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(10 << 30)
    out = str(sandbox.root / "lab.toml")
    sandbox.freeze()
    code, err, peak = run_cli(sandbox, "lab", "unpack", str(fifo), "--out", out, timeout=30)
    assert_refused(code, err, peak, "named pipe")
    for target, words in [("/dev/zero", "device"), (str(huge), "too large")]:
        code, err, peak = cli_in_process(capsys, "lab", "unpack", target, "--out", out)
        assert_refused(code, err, peak, words)
    sandbox.assert_unchanged()  # no lab.toml, no temporary


def test_board_on_a_hostile_folder_lists_the_genuine_and_notes_the_rest(sandbox, capsys):
    from mlpstudio.cli import main

    (sandbox.root / "lab.toml").write_text(LAB, encoding="utf-8")
    (sandbox.root / "results").mkdir()
    genuine(load_lab(sandbox.root / "lab.toml"), "Ana")
    (sandbox.root / "results" / "x.json").write_bytes(b"{" * 10_000)
    assert main(["board", str(sandbox.root / "lab.toml"), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert [e["student"] for e in shown["entries"]] == ["Ana"]
    assert len(shown["notes"]) == 1 and shown["notes"][0].startswith("x.json:")
    # a lab that names no results folder: asked for --folder, exit 2
    (sandbox.root / "plain.toml").write_text(LAB.replace('results = "results"', ""))
    code, err, peak = cli_in_process(capsys, "board", str(sandbox.root / "plain.toml"))
    assert_refused(code, err, peak, "--folder")


def test_more_files_than_the_cap_are_noted(lab, monkeypatch):
    monkeypatch.setattr(board_module, "MAX_FILES", 3)
    for name in "ABCDE":
        genuine(lab, name)
    board = read_board(lab, lab.results_folder())
    assert len(board.entries) == 3
    assert board.notes == ["Only the first 3 files of the folder were read."]


# -- correctly signed results with values no submission writes (attack 2, items 5, 6, 21) ----
def forged(lab, name, **changes):
    """A result signed with the lab's key (any student could do it) but holding ``changes``."""
    body = json.loads(genuine(lab, "Ana").read_text(encoding="utf-8"))
    body.update(changes)
    body["results"] = {**body["results"], **changes.pop("results", {})}
    body["signature"] = board_module.sign(body, lab)
    (lab.results_folder() / name).write_text(json.dumps(body), encoding="utf-8")


def test_signed_results_with_huge_integers_or_escapes_are_skipped_with_a_note(lab):
    forged(lab, "te.json", test_error=10**400)
    forged(lab, "params.json", params=10**1000)
    forged(lab, "evil.json", student="\u202e\x1b[31mEVIL")
    forged(lab, "epochs.json", results={"epochs": 10**400})
    board = read_board(lab, lab.results_folder())
    notes = "\n".join(board.notes)
    for name, field in [("te", "test_error"), ("params", "params"), ("evil", "student")]:
        assert f"{name}.json: not an MLP Studio result (field '{field}')" in notes
    by_file = {e.file: e for e in board.entries}
    assert by_file["epochs.json"].epochs is None  # shown without a count, not a crash
    assert all("\x1b" not in e.student and "\u202e" not in e.student for e in board.entries)


def test_board_cli_prints_no_escape_and_exits_0_on_forged_results(sandbox, capsys):
    from mlpstudio.cli import main

    (sandbox.root / "lab.toml").write_text(LAB, encoding="utf-8")
    (sandbox.root / "results").mkdir()
    lab_ = load_lab(sandbox.root / "lab.toml")
    forged(lab_, "evil.json", student="\u202e\x1b[31mEVIL")
    forged(lab_, "big.json", test_error=10**400)
    for extra in ([], ["--json"]):
        assert main(["board", str(sandbox.root / "lab.toml"), *extra]) == 0
        out = capsys.readouterr()
        assert "\x1b" not in out.out + out.err and "\u202e" not in out.out + out.err
        assert "evil.json" in out.out + out.err and "big.json" in out.out + out.err


def test_a_name_that_is_not_utf8_or_holds_escapes_is_refused_on_submit(lab):
    for name in ["\udcff\udcfe", "Ana\u202e", "Ana\x9b[31m", "Ana\u200b"]:
        with pytest.raises(board_module.ResultError, match="cannot be shown as typed"):
            make_result(lab, name, Config(), FIGURES, {})
    assert list(lab.results_folder().iterdir()) == []


def test_a_file_name_that_moves_the_cursor_is_escaped_in_its_note(lab):
    folder = lab.results_folder()
    (folder / "\x1b[2J\u202e.json").write_bytes(b"[1]")
    (notes,) = read_board(lab, folder).notes
    assert notes.startswith("\\x1b[2J\\u202e.json: not an MLP Studio result")


def test_a_result_naming_a_key_twice_is_noted_as_such(lab):
    folder = lab.results_folder()
    text = genuine(lab, "Ana").read_text(encoding="utf-8")
    (folder / "dup.json").write_text(text.replace("{", '{"test_error": 0.0,', 1), encoding="utf-8")
    notes = read_board(lab, folder).notes
    assert notes == [
        "dup.json: not an MLP Studio result (the key 'test_error' appears twice in one object "
        "(which of them counts is not defined); refused); skipped."
    ]
