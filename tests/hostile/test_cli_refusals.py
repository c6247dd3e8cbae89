"""Refusals found by a second outside attack: each is exit 2 with one paragraph."""

import pytest

from .conftest import assert_refused, run_cli


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["train", "--set", "model.hidden=[3]\n[evil]\nx=1"], ["one line"]),
        (["train", "--out", ""], ["--out"]),
        (["compare", "--hidden", "10 50"], ["ambiguous"]),
        (["compare", "--hidden", "10,,5"], ["missing"]),
        (["data", "import", "mnist", "stick", "--dir", "afile"], ["not a directory"]),
    ],
    ids=["set-newline", "out-empty", "hidden-space", "hidden-empty-width", "dir-is-a-file"],
)
def test_refused_with_exit_2(sandbox, args, words):
    (sandbox.root / "afile").write_text("x")
    (sandbox.root / "stick").mkdir()
    code, stderr, peak = run_cli(sandbox, *args)
    assert_refused(code, stderr, peak, *words)


def test_a_diverged_run_leaves_the_previous_results(sandbox):
    code, stderr, _ = run_cli(sandbox, "train", "--epochs", "2", "--out", "d")
    assert code == 0, stderr
    before = {p.name: p.read_bytes() for p in (sandbox.root / "d").iterdir()}
    code, stderr, _ = run_cli(sandbox, "train", "--epochs", "20", "--out", "d",
                              "--set", "training.learning_rate=100",
                              "--set", "training.optimizer=sgd")  # fmt: skip
    assert code == 1 and "nothing was written" in stderr
    assert {p.name: p.read_bytes() for p in (sandbox.root / "d").iterdir()} == before


def test_a_csv_field_over_the_csv_modules_limit_is_a_refusal(tmp_path):
    from mlpstudio.data.dataset import DataError
    from mlpstudio.data.tabular import read_table

    path = tmp_path / "wide.csv"
    path.write_text('a,b\n1,"' + "x" * 200_000 + '"\n2,3\n')
    with pytest.raises(DataError, match="not a table"):
        read_table(path)
