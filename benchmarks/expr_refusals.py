"""How fast the formula parser refuses hostile or malformed input (tests check only that it
refuses, with the right message; timings live here).

Times every hostile input of ``tests/test_expr.py`` (parse, then build the dataset for those
that parse), the non-finite formulas, and 2,000 random token soups; prints the slowest of 5
runs of each and the worst case of each group, in milliseconds. The app's target: every
refusal well under 100 ms, so typing never stalls.

    python benchmarks/expr_refusals.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import numpy as np  # noqa: E402

from mlpstudio.data.dataset import DataError  # noqa: E402
from mlpstudio.data.expr import FormulaError, parse_formula  # noqa: E402
from mlpstudio.data.functions import function_dataset  # noqa: E402

NON_FINITE = ["9**9**9", "exp(1000*x)", "1/(x+1)", "log(x)", "sqrt(x)"]
TOKENS = ["x", "(", ")", "+", "-", "*", "/", "**", "sin", "exp", "log", ",", ".", "1",
          "9e9", "pi", "e", "abs", "minimum", "[", "]", "'", "=", "lambda", "__", "9", " ",
          "^"]  # fmt: skip


def slowest(call, repeats: int = 5) -> float:
    worst = 0.0
    for _ in range(repeats):
        started = time.perf_counter()
        try:
            call()
        except (FormulaError, DataError):
            pass
        worst = max(worst, time.perf_counter() - started)
    return worst * 1000


def main() -> int:
    from test_expr import HOSTILE

    print("hostile input (first 40 characters)             slowest of 5, ms")
    worst = 0.0
    for text, _ in HOSTILE:
        text = text.replace("{canary}", "/nonexistent/pwned")
        ms = slowest(lambda t=text: (parse_formula(t), function_dataset(t)))
        worst = max(worst, ms)
        print(f"  {text[:40]!r:48s} {ms:8.2f}")
    print(f"worst hostile input: {worst:.2f} ms")
    worst = max(slowest(lambda t=t: function_dataset(t, step=0.005)) for t in NON_FINITE)
    print(f"worst non-finite formula (400 points): {worst:.2f} ms")
    rng = random.Random(0)
    x = np.linspace(-0.9, 0.9, 37)
    soups = ["".join(rng.choice(TOKENS) for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    times = sorted(slowest(lambda s=s: parse_formula(s)(x), repeats=1) for s in soups)
    print(f"2,000 token soups: median {times[1000]:.3f} ms, worst {times[-1]:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
