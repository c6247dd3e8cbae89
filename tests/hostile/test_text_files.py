"""Hostile TOML and JSON: special files, oversized files, nesting through every way in."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from mlpstudio.data.untrusted import MAX_BYTES, MAX_DEPTH, UntrustedFileError, loads_json
from mlpstudio.experiment.config import ConfigError, load_config
from mlpstudio.experiment.labs import LabError, load_lab

from .conftest import HAS_FIFO, assert_refused, cli_in_process, needs_fifo, refusal, run_cli

DEEP = 600


def deep_array(depth: int = DEEP) -> str:
    return "[" * depth + "]" * depth


def deep_inline_table(depth: int = DEEP) -> str:
    return "{a = " * depth + "1" + " }" * depth


# -- special files: refused before opening -------------------------------------------------
@needs_fifo
def test_a_named_pipe_as_config_is_refused_without_hanging(sandbox):
    fifo = sandbox.root / "exp.toml"
    os.mkfifo(fifo)
    sandbox.freeze()
    code, err, peak = run_cli(sandbox, "train", str(fifo), timeout=30)
    assert_refused(code, err, peak, "named pipe")
    sandbox.assert_unchanged()


@pytest.mark.parametrize("what", ["config", "lab", "symlinked config"])
def test_dev_zero_is_refused_before_reading(sandbox, what):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    target = "/dev/zero"
    if what == "symlinked config":
        link = sandbox.root / "innocent.toml"
        link.symlink_to("/dev/zero")
        target = str(link)
    sandbox.freeze()
    if what == "lab":
        refusal(LabError, lambda: load_lab(target), "device")
    else:
        refusal(ConfigError, lambda: load_config(target), "device")
    sandbox.assert_unchanged()


def test_dev_zero_on_the_command_line(sandbox, capsys):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    code, err, peak = cli_in_process(capsys, "train", "/dev/zero")
    assert_refused(code, err, peak, "device")


def test_a_folder_and_a_missing_file_are_refused(sandbox, capsys):
    folder = sandbox.root / "exp.toml"
    folder.mkdir()
    code, err, peak = cli_in_process(capsys, "train", str(folder))
    assert_refused(code, err, peak, "folder")
    code, err, peak = cli_in_process(capsys, "train", str(sandbox.root / "nothing.toml"))
    assert_refused(code, err, peak, "cannot be read")


def test_an_oversized_config_is_refused_before_parsing(sandbox, capsys):
    big = sandbox.root / "big.toml"
    big.write_text("# padding\n" * (MAX_BYTES["config"] // 10 + 10))
    code, err, peak = cli_in_process(capsys, "train", str(big))
    assert_refused(code, err, peak, "too large")


@pytest.mark.parametrize("where", ["file", "set"])
def test_an_integer_of_thousands_of_digits_is_refused(sandbox, capsys, where):
    digits = "7" * 5000  # beyond Python's integer conversion limit
    if where == "file":
        path = sandbox.root / "digits.toml"
        path.write_text(f"[model]\nhidden = [{digits}]\n")
        args = ["train", str(path)]
    else:
        args = ["train", "--set", f"training.epochs={digits}"]
    code, err, peak = cli_in_process(capsys, *args)
    assert_refused(code, err, peak, "number too long")


def test_an_unreadable_lab_names_the_reason(sandbox):
    if sys.platform == "win32" or os.geteuid() == 0:
        pytest.skip("permissions do not stop this user from reading")
    lab = sandbox.root / "lab.toml"
    lab.write_text("[lab]\n")
    lab.chmod(0)
    try:
        refusal(LabError, lambda: load_lab(lab), "cannot be read")
    finally:
        lab.chmod(stat.S_IRUSR | stat.S_IWUSR)


# -- nesting -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        f"[model]\nhidden = {deep_array()}\n",
        f"[data]\nformula = {deep_inline_table()}\n",
        f"[training]\nx = [{deep_inline_table(300)}, {deep_array(300)}]\n",
        "[data]\n" + ".".join(["a"] * 3000) + " = 1\n",  # dotted keys nest without brackets
        "[" + ".".join(["t"] * 3000) + "]\nx = 1\n",
    ],
    ids=["array", "inline-table", "mixed", "dotted-keys", "table-header"],
)
def test_deep_toml_in_a_file_is_refused(sandbox, capsys, body):
    path = sandbox.root / "deep.toml"
    path.write_text(body)
    sandbox.freeze()
    code, err, peak = cli_in_process(capsys, "train", str(path))
    assert_refused(code, err, peak, "nested", str(MAX_DEPTH))
    sandbox.assert_unchanged()


@pytest.mark.parametrize("value", [deep_array(), deep_inline_table(), deep_array(100_000)])
def test_deep_toml_in_set_is_refused(sandbox, capsys, value):
    code, err, peak = cli_in_process(capsys, "train", "--set", f"model.hidden={value}")
    assert_refused(code, err, peak, "nested")


def test_deep_toml_in_a_lab_is_refused(sandbox):
    lab = sandbox.root / "lab.toml"
    lab.write_text(f'[lab]\ntitle = "x"\n[experiment.model]\nhidden = {deep_array()}\n')
    refusal(LabError, lambda: load_lab(lab), "nested")


def test_brackets_inside_strings_and_comments_do_not_count(sandbox):
    """The scan skips text: a legal file full of brackets in strings still opens."""
    brackets = "[" * 200
    path = sandbox.root / "ok.toml"
    path.write_text(
        f"# {brackets}\n[data]\n"
        f'formula = "x" # {brackets}\n'
        f"root = '{brackets}'\n"
        'labels = """fine"""\n'
        "[model]\nhidden = [3, 4]\n"
    )
    config = load_config(path)
    assert config.data.root == brackets and config.model.hidden == [3, 4]


def test_deep_toml_as_the_apps_positional_file(sandbox):
    """``mlpstudio FILE.toml`` (the desktop app) refuses before showing a window."""
    path = sandbox.root / "deep.toml"
    path.write_text(f"[model]\nhidden = {deep_array()}\n")
    sandbox.freeze()
    code, err, peak = run_cli(sandbox, str(path), timeout=60)
    assert code == 2, err
    assert "Traceback" not in err and "nested" in err
    assert peak < 600
    sandbox.assert_unchanged()


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_deep_json_is_refused(depth):
    text = "[" * depth + "]" * depth
    message = refusal(UntrustedFileError, lambda: loads_json(text, "x.json"), "nested")
    assert "x.json" in message
    assert loads_json(json.dumps({"a": [[{"b": "[[[[[[[[[["}]]}), "ok.json")["a"][0][0]["b"]


def test_a_deep_store_manifest_is_ignored_not_fatal(sandbox):
    from mlpstudio.data.store import MANIFEST, Manifest

    folder = sandbox.root / "set"
    folder.mkdir()
    (folder / MANIFEST).write_text('{"files": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert Manifest(folder).files == {}
    if HAS_FIFO:
        (folder / MANIFEST).unlink()
        os.mkfifo(folder / MANIFEST)  # a pipe in place of the manifest must not hang the store
        assert Manifest(folder).files == {}


@pytest.mark.parametrize("syntax", ["json", "toml"])
@pytest.mark.parametrize("depth", [2, 5, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 80])
def test_the_depth_scan_agrees_with_the_real_nesting(syntax, depth):
    """Nested lists and tables whose strings hold brackets, quotes, escapes and '#'. JSON's
    brackets nest exactly as the data (the oracle: the nesting built), so the scan refuses
    exactly beyond MAX_DEPTH; TOML writes outer tables as headers, so there a legal depth must
    pass and a far deeper one must be refused."""
    import tomli_w

    from mlpstudio.data.untrusted import check_text_depth

    tricky = ['[[{{ "', "'''", '"""', "a\\\\", '\\"]]', "# {[", "}]'\n\"["]
    value = list(tricky)  # nesting 1
    for level in range(depth - 2):  # each wrap adds exactly one level
        value = {"k": value, "s": tricky[level % len(tricky)]} if level % 2 else [value, "x"]
    data = {"root": value}  # plus the root table: nesting == depth
    if syntax == "json":
        text = json.dumps(data)
        if depth > MAX_DEPTH:
            with pytest.raises(UntrustedFileError, match="nested"):
                check_text_depth(text, "t", syntax)
        else:
            check_text_depth(text, "t", syntax)
            assert json.loads(text) == data
        return
    text = tomli_w.dumps(data)
    if depth <= MAX_DEPTH:
        check_text_depth(text, "t", syntax)
    elif depth > 2 * MAX_DEPTH:
        with pytest.raises(UntrustedFileError, match="nested"):
            check_text_depth(text, "t", syntax)
