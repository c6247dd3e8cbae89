"""The command line's own behaviour: help without the GUI, the app's options, --threads, no
display, and the last line of defence (exit 3 with a crash report)."""

import os
import subprocess
import sys

import pytest

from mlpstudio import cli
from mlpstudio.cli import main


def run(*args, env=None, timeout=60):
    return subprocess.run([sys.executable, "-m", "mlpstudio", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)  # fmt: skip


def headless_env(**extra):
    """The environment without any display or Qt platform choice."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}  # fmt: skip
    env.update(extra)
    return env


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("-h",),
        ("--lang", "es", "--help"),
        ("--smoke", "--tour", "--help"),
        ("exp.toml", "--help"),
    ],
)
def test_help_documents_the_app_options_and_never_starts_the_gui(args):
    # No display at all: if the GUI started, it would refuse with status 2 (or abort).
    result = run(*args, env=headless_env())
    assert result.returncode == 0, result.stderr
    for option in (
        "--lang",
        "--smoke",
        "--tour",
        "--presentation",
        "--screenshot-dir",
        "--threads",
        "--preset",
        "FILE",
        "train",
        "data",
        "compare",
    ):
        assert option in result.stdout, option
    assert "cannot open its window" not in result.stderr


@pytest.mark.parametrize("command", [("train",), ("data", "fetch"), ("compare",)])
def test_command_help_is_the_command_s(command):
    result = run("--threads", "1", *command, "--help", env=headless_env())
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: mlpstudio {' '.join(command)} ")
    assert "--threads" in result.stdout and "--smoke" not in result.stdout


def test_no_display_gives_one_paragraph_and_status_2():
    result = run(env=headless_env())
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0] and "DISPLAY" in lines[0]
    assert "Traceback" not in result.stderr and "xcb" not in result.stderr.lower()


def test_missing_xcb_libraries_are_named_with_their_packages():
    from mlpstudio.gui.display import display_problem

    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    text = display_problem([], {"DISPLAY": ":0"}, "linux", can_load=lambda n: n not in missing)
    assert "libxcb-cursor.so.0" in text and "libxcb-icccm.so.4" in text
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in text
    assert "libxcb-keysyms" not in text  # only what is missing
    every = {"can_load": lambda n: True}
    assert (
        display_problem([], {"DISPLAY": ":0"}, "linux", reachable=lambda d: True, **every) is None
    )
    unreachable = display_problem(
        [], {"DISPLAY": ":7"}, "linux", reachable=lambda d: False, **every
    )
    assert "no X server answers on the display :7" in unreachable
    # other platforms and headless Qt platforms are not checked
    assert display_problem([], {}, "win32") is None
    assert display_problem([], {"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem(["-platform", "offscreen"], {}, "linux") is None
    assert display_problem([], {"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert "no display" in display_problem([], {}, "linux")


@pytest.mark.parametrize(
    "args, says",
    [
        (("--lang", "fr"), "invalid choice"),
        (("--bogus",), "unknown option --bogus"),
        (("--tour",), "--tour goes with --smoke"),
        (("--smoke", "--tour", "--preset", "xor"), "takes no FILE"),
        (("--screenshot", "a.png"), "--screenshot goes with --smoke"),
        (("x.toml", "--preset", "xor"), "not both"),
        (("--lang", "es", "train"), "--lang is an option of the app, not of train"),
        (("--threads", "0", "train"), "between 1 and"),
        (("train", "--threads", "many"), "not a whole number"),
    ],
)
def test_bad_app_options_are_refused_with_status_2(args, says, capsys):
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own refusal (usage line + one error line)
        code = exit_.code
    assert code == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_bad_threads_environment_is_refused(monkeypatch, capsys):
    monkeypatch.setenv("MLPSTUDIO_THREADS", "lots")
    assert main(["train", "--epochs", "1"]) == 2
    assert "MLPSTUDIO_THREADS" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["before", "after"])
def test_threads_reach_threadpoolctl_and_the_training_process(where, monkeypatch):
    from threadpoolctl import threadpool_info

    from mlpstudio.experiment.remote import blas_threads
    from mlpstudio.threads import THREADS_ENV, logical_cpus

    monkeypatch.delenv(THREADS_ENV, raising=False)
    seen = {}

    def handler(args):
        import numpy as np

        np.ones((64, 64)) @ np.ones((64, 64))  # BLAS is loaded
        seen["blas"] = {p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"}
        seen["child"] = blas_threads()  # what the GUI's training process will use
        return 0

    monkeypatch.setattr(cli, "cmd_train", handler)
    argv = ["--threads", "1", "train"] if where == "before" else ["train", "--threads", "1"]
    assert main(argv) == 0
    assert seen["blas"] == {1} and seen["child"] == 1
    # without --threads: the physical cores (one fewer beside the window), never above the CPUs
    monkeypatch.delenv(THREADS_ENV)
    assert main(["train"]) == 0
    assert 1 <= seen["child"] <= logical_cpus()


def test_physical_cores_never_exceed_logical_processors():
    from mlpstudio.threads import blas_threads, logical_cpus, physical_cores

    assert 1 <= physical_cores() <= logical_cpus()
    assert blas_threads(beside_gui=True) == max(1, physical_cores() - 1)


def test_hyper_threads_of_one_core_count_once(tmp_path):
    from mlpstudio.threads import _linux_physical_cores

    # two packages; cpus 0/2 and 1/3 are hyper-threads of cores 0 and 1 of package 0
    layout = {0: (0, 0), 1: (0, 1), 2: (0, 0), 3: (0, 1), 4: (1, 0), 5: (1, 0)}
    for cpu, (package, core) in layout.items():
        topology = tmp_path / f"cpu{cpu}" / "topology"
        topology.mkdir(parents=True)
        (topology / "physical_package_id").write_text(f"{package}\n")
        (topology / "core_id").write_text(f"{core}\n")
    assert _linux_physical_cores(str(tmp_path), cpus=range(6)) == 3
    assert _linux_physical_cores(str(tmp_path), cpus=[0, 2]) == 1  # affinity: one core
    assert _linux_physical_cores(str(tmp_path), cpus=[0, 4]) == 2  # same core id, two packages


def test_an_x_display_without_a_server_is_unreachable():
    from mlpstudio.gui.display import x_display_reachable

    answer = x_display_reachable(":97")  # no X server listens there in a test run
    if answer is None:
        pytest.skip("libxcb is not installed here")
    assert answer is False


def test_unexpected_error_exits_3_with_a_saved_crash_report(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLPSTUDIO_LOG_DIR", str(tmp_path / "logs"))

    def broken(args):
        raise RuntimeError("a bug nobody expected")

    monkeypatch.setattr(cli, "cmd_train", broken)
    assert main(["train", "--epochs", "1"]) == 3
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err  # one paragraph, no traceback
    assert "Traceback" not in err and "a bug nobody expected" in err
    reports = list((tmp_path / "logs").iterdir())
    assert len(reports) == 1 and reports[0].name.startswith("crash-")  # no .part left over
    assert str(reports[0]) in err
    text = reports[0].read_text()
    from mlpstudio import __version__

    assert f"MLP Studio {__version__}" in text
    assert "'train', '--epochs', '1'" in text  # the command line
    assert "Traceback" in text and "RuntimeError: a bug nobody expected" in text
    assert "in broken" in text  # the frame where it happened


def test_bad_input_still_exits_2_not_3(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLPSTUDIO_LOG_DIR", str(tmp_path / "logs"))
    assert main(["train", "--set", "model.hidden=oops"]) == 2
    assert not (tmp_path / "logs").exists()


def test_smoke_leaves_nothing_in_the_temporary_folder(tmp_path):
    """The smoke run's settings folder and its screen description are removed at exit."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "mlpstudio", "--smoke"], env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.iterdir()) == []
