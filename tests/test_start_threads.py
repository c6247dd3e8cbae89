"""The app's start: OpenBLAS loads with one thread, and every entry point then sets its own
count (issue 14, item 5). Each check runs in a fresh interpreter, where numpy is not loaded."""

import json
import os
import subprocess
import sys

SCRIPT = """
import json, os, sys
import mlpstudio.cli as cli
from mlpstudio.threads import blas_threads

def threads():
    import threadpoolctl
    return [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]

seen = {}
def handler(args):
    seen["command"] = threads()
    seen["env"] = os.environ.get("OPENBLAS_NUM_THREADS")
    return 0
cli.cmd_train = handler
with cli._one_blas_thread_while_numpy_loads():
    import numpy
    seen["loading"] = threads()
seen["after"] = os.environ.get("OPENBLAS_NUM_THREADS")
cli.main(["train"])
seen["cores"] = blas_threads()
print(json.dumps(seen))
"""


def run(env_extra):
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env.update(env_extra, MLPSTUDIO_THREADS="2")
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            env=env, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_numpy_loads_with_one_blas_thread_and_a_command_sets_its_own():
    seen = run({})
    assert seen["loading"] == [1]
    assert seen["after"] is None  # gone: a training process started later chooses its own
    assert seen["env"] is None
    assert seen["command"] == [seen["cores"]] == [2]  # raised again for the command's work


def test_a_count_the_user_set_is_left_alone():
    seen = run({"OPENBLAS_NUM_THREADS": "2"})
    assert seen["loading"] == [2] and seen["after"] == "2"
