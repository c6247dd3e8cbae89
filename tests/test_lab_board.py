"""Labs that travel and the class board: the packed lab text round-trips and refuses any
changed character; submitted results are signed, read back exactly and ranked."""

import base64
import hashlib
import hmac
import json
import zlib

import pytest

from mlpstudio.experiment.board import (
    MAX_HISTORY,
    ResultError,
    make_result,
    read_board,
    submit,
    thin_history,
    verify,
)
from mlpstudio.experiment.config import Config
from mlpstudio.experiment.lab_text import pack_lab, pack_text, unpack_lab, unpack_text
from mlpstudio.experiment.labs import LabError, lab_from_text, load_lab, shipped_labs

LAB = """
[lab]
title = { en = "Few parameters", es = "Pocos parámetros" }
instructions = "Fit the sine with as few parameters as you can."
results = "results"

[experiment]
preset = "course-sine"
lock = ["data"]

[[goals]]
metric = "test_mse"
below = 0.01
"""


@pytest.fixture
def lab(tmp_path):
    path = tmp_path / "lab.toml"
    path.write_text(LAB, encoding="utf-8")
    (tmp_path / "results").mkdir()
    return load_lab(path)


def results(params=31, train=0.004, test=0.006):
    return {"params": params, "epochs": 200, "seconds": 1.5, "train_loss": train,
            "test_loss": test, "test_mse": test, "test_r2": 0.99, "train_r2": 0.995}  # fmt: skip


HISTORY = {"epoch": [1.0, 2.0, 3.0], "train_loss": [0.5, 0.1, 0.004],
           "test_loss": [0.6, 0.2, 0.006]}  # fmt: skip


# -- the lab as text --------------------------------------------------------------------------
@pytest.mark.parametrize("path", shipped_labs(), ids=lambda p: p.name)
def test_shipped_labs_round_trip_through_text(path):
    lab = load_lab(path)
    text = pack_lab(lab)
    assert text.startswith("MLPLAB1:") and "\n" not in text
    again = unpack_lab(text)
    assert again.text == path.read_text(encoding="utf-8")  # byte for byte
    assert again.config == lab.config and again.goals == lab.goals and again.lock == lab.lock


def test_wrapped_text_from_a_chat_still_reads(lab):
    text = pack_lab(lab)
    wrapped = "\n".join(text[i : i + 50] for i in range(0, len(text), 50))
    assert unpack_text("  " + wrapped + " \r\n") == LAB


def test_every_flipped_character_is_refused(lab):
    """Flip each character of the payload and check in turn (every position, so no lucky one)."""
    text = pack_lab(lab)
    start = text.index(":") + 1
    for i in range(start, len(text)):
        if text[i] == ":":
            continue
        flipped = "B" if text[i] != "B" else "C"
        if text[i] in "0123456789abcdef" and i > text.rindex(":"):
            flipped = "0" if text[i] != "0" else "1"
        changed = text[:i] + flipped + text[i + 1 :]
        with pytest.raises(LabError, match="checksum"):
            unpack_text(changed)


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda t: t[: len(t) // 2], "checksum|incomplete"),
        (lambda t: t.replace("MLPLAB1", "MLPLAB9"), "cannot read"),
        (lambda t: "hello " + t, "does not start"),
        (lambda t: t.replace(":", ";"), "incomplete|does not start"),
        (lambda t: t[:20] + "é" + t[21:], "characters"),
        (lambda t: "MLPLAB1:" + "A" * (3 << 20) + ":0000000000", "too long"),
    ],
)
def test_damaged_text_is_refused_in_one_message(lab, mangle, message):
    with pytest.raises(LabError, match=message) as info:
        unpack_text(mangle(pack_lab(lab)))
    assert len(info.value.problems) == 1


def _forge(raw: bytes) -> str:
    payload = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    return f"MLPLAB1:{payload}:{hashlib.sha256(payload.encode()).hexdigest()[:10]}"


def test_a_zip_bomb_with_a_valid_checksum_is_stopped_at_the_cap():
    bomb = zlib.compress(b"#" * (64 << 20), 9)  # 64 MB of comment in ~64 kB
    with pytest.raises(LabError, match="more than"):
        unpack_text(_forge(bomb))


def test_hostile_toml_inside_valid_text_is_refused_like_a_file():
    with pytest.raises(LabError, match="nested"):
        unpack_lab(_forge(zlib.compress(b"x = " + b"[" * 5000 + b"]" * 5000)))
    with pytest.raises(LabError, match="UTF-8"):
        unpack_text(_forge(zlib.compress(b"\xff\xfe title")))
    with pytest.raises(LabError, match="unknown preset"):
        unpack_lab(pack_text(LAB.replace("course-sine", "course-sin")))


def test_results_folder_must_be_one_line():
    with pytest.raises(LabError, match="lab.results"):
        lab_from_text(LAB.replace('results = "results"', 'results = "a\\nb"'))
    with pytest.raises(LabError, match="lab.results"):
        lab_from_text(LAB.replace('results = "results"', "results = 3"))


def test_relative_results_folder_is_taken_from_the_lab_file(lab, tmp_path):
    assert lab.results_folder() == tmp_path / "results"
    assert lab_from_text(LAB).results_folder() is None  # pasted: no folder to be relative to
    absolute = LAB.replace('"results"', f'"{(tmp_path / "x").as_posix()}"')
    assert lab_from_text(absolute).results_folder() == tmp_path / "x"


# -- results and the board --------------------------------------------------------------------
def test_submitted_result_reads_back_exactly(lab, tmp_path):
    body = make_result(lab, "  Ana   García ", Config(), results(), HISTORY)
    path = submit(lab, lab.results_folder(), body)
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk == body and on_disk["student"] == "Ana García"
    assert on_disk["history"]["test_loss"] == [0.6, 0.2, 0.006]
    board = read_board(lab, lab.results_folder())
    assert board.notes == []
    (entry,) = board.entries
    assert (entry.student, entry.params, entry.test_error, entry.train_error) == (
        "Ana García", 31, 0.006, 0.004,
    )  # fmt: skip
    assert entry.task == "regression" and entry.file == path.name
    assert [p.name for p in tmp_path.joinpath("results").iterdir()] == [path.name]


def test_signature_is_hmac_sha256_of_the_canonical_body(lab):
    body = make_result(lab, "Ana", Config(), results(), HISTORY)
    key = hashlib.sha256(b"mlpstudio-lab-result-key\0" + LAB.encode()).digest()
    unsigned = {k: v for k, v in body.items() if k != "signature"}
    message = json.dumps(unsigned, sort_keys=True, separators=(",", ":")).encode()
    assert body["signature"] == hmac.new(key, message, hashlib.sha256).hexdigest()
    assert verify(body, lab)
    assert not verify({**body, "test_error": 0.0001}, lab)
    assert not verify(body, lab_from_text(LAB + "\n# edited\n"))  # another lab's key


def test_classification_error_is_one_minus_accuracy(lab):
    figures = {"params": 100, "train_loss": 0.1, "test_loss": 0.2,
               "train_accuracy": 0.98, "test_accuracy": 0.75}  # fmt: skip
    body = make_result(lab, "Bo", Config(), figures, {})
    assert body["task"] == "classification"
    assert body["test_error"] == pytest.approx(0.25) and body["train_error"] == pytest.approx(0.02)


def test_nothing_to_submit_before_training_and_a_name_is_required(lab):
    with pytest.raises(ResultError, match="train"):
        make_result(lab, "Ana", Config(), {"params": 31}, {})
    with pytest.raises(ResultError, match="name"):
        make_result(lab, "   ", Config(), results(), HISTORY)
    with pytest.raises(ResultError, match="one line"):
        make_result(lab, "x" * 81, Config(), results(), HISTORY)


def test_missing_folder_is_refused_and_nothing_is_written(lab, tmp_path):
    body = make_result(lab, "Ana", Config(), results(), HISTORY)
    with pytest.raises(ResultError, match="does not exist"):
        submit(lab, tmp_path / "nowhere", body)
    assert not (tmp_path / "nowhere").exists()


def test_history_is_thinned_keeping_both_ends():
    n = 10_000
    history = {"epoch": list(range(1, n + 1)), "train_loss": [1 / k for k in range(1, n + 1)]}
    thin = thin_history(history)
    assert len(thin["epoch"]) == MAX_HISTORY
    assert thin["epoch"][0] == 1 and thin["epoch"][-1] == n
    assert all(b > a for a, b in zip(thin["epoch"], thin["epoch"][1:]))
    assert all(t == 1 / e for e, t in zip(thin["epoch"], thin["train_loss"]))


def test_best_fits_rank_by_test_error_then_parameters(lab):
    folder = lab.results_folder()
    for name, params, test in [("A", 31, 0.02), ("B", 301, 0.005), ("C", 10, 0.005), ("D", 7, 0.3)]:
        submit(lab, folder, make_result(lab, name, Config(), results(params, 0.001, test), {}))
    board = read_board(lab, folder)
    assert [e.student for e in board.best()] == ["C", "B", "A", "D"]
    assert [e.student for e in board.best(2)] == ["C", "B"]


# -- the command line -------------------------------------------------------------------------
def test_cli_pack_unpack_submit_and_board(lab, tmp_path, capsys):
    from mlpstudio.cli import main

    source = tmp_path / "lab.toml"
    assert main(["lab", "pack", str(source)]) == 0
    packed = capsys.readouterr().out.strip()
    (tmp_path / "packed.txt").write_text(packed[:30] + "\n" + packed[30:], encoding="utf-8")
    assert (
        main(["lab", "unpack", str(tmp_path / "packed.txt"), "--out", str(tmp_path / "b.toml")])
        == 0
    )
    assert (tmp_path / "b.toml").read_text(encoding="utf-8") == LAB
    flipped = packed[:40] + ("x" if packed[40] != "x" else "y") + packed[41:]
    (tmp_path / "flipped.txt").write_text(flipped, encoding="utf-8")
    capsys.readouterr()
    assert (
        main(["lab", "unpack", str(tmp_path / "flipped.txt"), "--out", str(tmp_path / "c.toml")])
        == 2
    )
    err = capsys.readouterr().err
    assert "checksum" in err and "Traceback" not in err and not (tmp_path / "c.toml").exists()

    for name, hidden in [("Ana", "[2]"), ("Bo", "[8]")]:
        code = main(["lab", "submit", str(source), "--name", name, "--epochs", "3",
                     "--set", f"model.hidden={hidden}"])  # fmt: skip
        assert code == 0
    assert main(["lab", "submit", str(source), "--name", "Eve", "--set", "data.noise=0.5"]) == 2
    assert "locks data.noise" in capsys.readouterr().err
    assert main(["board", str(source), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert sorted(e["student"] for e in shown["entries"]) == ["Ana", "Bo"]
    assert {e["params"] for e in shown["entries"]} == {2 * 2 + 3, 8 * 2 + 9}  # 1-h-1: 3h + 1
    assert shown["notes"] == []
