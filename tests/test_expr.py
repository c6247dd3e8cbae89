"""The formula parser: agrees with numpy on valid input, refuses everything else (how fast:
``python benchmarks/expr_refusals.py``; tests assert no timings)."""

import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlpstudio.data.dataset import DataError
from mlpstudio.data.expr import FUNCTIONS, MAX_LENGTH, FormulaError, parse_formula
from mlpstudio.data.functions import function_dataset, parse_target

X = np.linspace(-0.9, 0.9, 37)

VALID = [
    ("sin(3*pi*x) + cos(2*pi*x)", lambda x: np.sin(3 * np.pi * x) + np.cos(2 * np.pi * x)),
    ("x**2 - 3*x + 1", lambda x: x**2 - 3 * x + 1),
    ("-x**2", lambda x: -(x**2)),  # unary minus binds looser than **, as in Python
    ("2**-1 * x", lambda x: 0.5 * x),
    ("exp(-10*x**2)", lambda x: np.exp(-10 * x**2)),
    ("abs(x) + sqrt(abs(x))", lambda x: np.abs(x) + np.sqrt(np.abs(x))),
    ("tanh(5*x) / 2", lambda x: np.tanh(5 * x) / 2),
    ("arcsin(x) + arccos(x) + arctan(x)", lambda x: np.arcsin(x) + np.arccos(x) + np.arctan(x)),
    ("sinh(x) * cosh(x) - tan(x)", lambda x: np.sinh(x) * np.cosh(x) - np.tan(x)),
    ("sign(x) * floor(3*x)", lambda x: np.sign(x) * np.floor(3 * x)),
    ("minimum(x, 0.2) + maximum(x, -0.1)", lambda x: np.minimum(x, 0.2) + np.maximum(x, -0.1)),
    ("log(x + 2) * e", lambda x: np.log(x + 2) * np.e),
    ("1.5e-1 + 3", lambda x: np.full_like(x, 3.15)),
    ("((x))", lambda x: x),
    ("+x - -x", lambda x: 2 * x),
]


@pytest.mark.parametrize("text,reference", VALID)
def test_valid_formulas_agree_with_numpy(text, reference):
    formula = parse_formula(text)
    np.testing.assert_allclose(formula(X), reference(X), rtol=1e-12, atol=1e-12)


def test_two_variable_formula():
    formula = parse_target("sin(pi*x1) * cos(pi*x2) + x1")
    assert formula.variables == ("x1", "x2")
    a, b = np.meshgrid(X, X)
    expected = np.sin(np.pi * a) * np.cos(np.pi * b) + a
    np.testing.assert_allclose(formula(a, b), expected, rtol=1e-12)


def test_mixing_x_with_x1_is_refused():
    with pytest.raises(FormulaError, match="either x"):
        parse_target("x + x1")


HOSTILE = [
    ("x.__class__", "attribute"),
    ("().__class__.__bases__[0].__subclasses__()", "attribute"),
    ("__import__('os').system('touch {canary}')", "attribute"),
    ("__import__('os')", "not an allowed function"),
    ("eval('1+1')", "not an allowed function"),
    ("exec('x=1')", "not an allowed function"),
    ("open('{canary}', 'w')", "not an allowed function"),
    ("getattr(x, 'real')", "not an allowed function"),
    ("sin(x=1)", "positional"),
    ("(lambda: 1)()", "by name"),
    ("lambda x: x", "lambda"),
    ("y + 1", "Unknown name 'y'"),
    ("__builtins__", "Unknown name"),
    ("", "Type a formula"),
    ("   ", "Type a formula"),
    ("sin(x", "never closed"),
    ("sin(x))", "unmatched"),
    ("x ^ 2", "x**2"),
    ("3x", "3*x"),
    ("x if x else 1", "if"),
    ("x[0]", "indexing"),
    ("[x for x in ()]", "comprehension"),
    ("'text'", "numbers"),
    ("x < 1", "omparison"),
    ("sin", "is a function"),
    ("sin(x, x)", "1 argument"),
    ("x; import os", "Syntax error"),
    ("x\x00", "null bytes"),
    ("(" * 300 + "x" + ")" * 300, ""),
    ("-" * 900 + "x", "nested too deeply"),
    ("x+" * 50_000 + "x", "too long"),  # 100 kB
    ("1" * 1000, ""),
]


@pytest.mark.parametrize("text,fragment", HOSTILE)
def test_hostile_or_malformed_input_is_refused(text, fragment, tmp_path):
    canary = tmp_path / "pwned"  # what an attack that ran would create
    if "{canary}" in text:
        text = text.replace("{canary}", canary.as_posix())
    with pytest.raises(FormulaError) as info:
        parse_formula(text)
        function_dataset(text)  # for inputs that parse: evaluating must fail clearly too
    assert fragment.lower() in info.value.message.lower()
    assert not canary.exists()


@pytest.mark.parametrize("text", ["9**9**9", "exp(1000*x)", "1/(x+1)", "log(x)", "sqrt(x)"])
def test_non_finite_values_give_a_clear_data_error(text):
    with pytest.raises(DataError, match="not defined on the whole domain"):
        function_dataset(text, step=0.005)


def test_error_positions_point_at_the_problem():
    with pytest.raises(FormulaError) as info:
        parse_formula("sin(x) + foo(x)")
    assert info.value.position == 9
    with pytest.raises(FormulaError) as info:
        parse_formula("  x + y")
    assert info.value.position == 6


@pytest.mark.parametrize(
    "text,position,fragment",
    [
        ("sin(3*pi*x)+", 12, "after '+'"),  # Python reports no place for a trailing operator
        ("sin(x) *", 8, "after '*'"),
        ("  x -", 5, "after '-'"),
        ("", 0, "type a formula"),
        ("x" * (MAX_LENGTH + 1), MAX_LENGTH, "too long"),
        ("x\0+1", 1, "null bytes"),
        ("x + y", 4, "unknown name"),
    ],
)
def test_every_error_has_a_position(text, position, fragment):
    with pytest.raises(FormulaError) as info:
        parse_formula(text)
    assert info.value.position == position
    assert fragment in info.value.message.lower()


def test_mixing_x_and_x1_points_at_the_second_kind():
    with pytest.raises(FormulaError) as info:
        parse_target("sin(x) + x1")
    assert info.value.position == 9
    with pytest.raises(FormulaError) as info:
        parse_target(" x1 * x2 + x")
    assert info.value.position == 11


def test_suggestions_for_typos():
    with pytest.raises(FormulaError, match="(?i)did you mean 'sin'"):
        parse_formula("sn(x)")
    with pytest.raises(FormulaError, match="(?i)did you mean 'pi'"):
        parse_formula("pie * x")


class _AuditRecorder:
    """Records audit events that would mean code ran: imports, exec, files, processes."""

    WATCH = ("exec", "open", "import", "os.system", "subprocess.Popen", "os.exec", "os.posix_spawn")
    events: list = []
    active = False

    @classmethod
    def hook(cls, event, args):
        if cls.active and event.startswith(cls.WATCH):
            cls.events.append(event)


sys.addaudithook(_AuditRecorder.hook)


def test_parsing_and_evaluating_never_runs_code():
    payloads = [text for text, _ in HOSTILE[:12]] + ["9**9**9", "sin(3*pi*x)"]
    _AuditRecorder.events = []
    _AuditRecorder.active = True
    try:
        for text in payloads:
            try:
                parse_formula(text)(X)
            except FormulaError:
                pass
    finally:
        _AuditRecorder.active = False
    assert _AuditRecorder.events == []


# -- fuzzing ----------------------------------------------------------------------------------
TOKENS = st.sampled_from(
    list(FUNCTIONS)
    + [
        "x",
        "pi",
        "e",
        "(",
        ")",
        "+",
        "-",
        "*",
        "/",
        "**",
        ",",
        ".",
        "_",
        "__",
        "=",
        "lambda",
        "import",
        "[",
        "]",
        "'",
        '"',
        "1",
        "2.5",
        "1e309",
        "9",
        " ",
        "^",
        "%",
        ":",
        "os",
        "y",
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=40).map("".join))
def test_fuzz_token_soup_parses_or_fails_cleanly(text):
    try:
        formula = parse_formula(text)
    except FormulaError as exc:
        assert exc.message
        assert exc.position is not None and 0 <= exc.position <= len(text)
    else:
        values = formula(X)
        assert values.shape == X.shape


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_fuzz_arbitrary_text(text):
    try:
        parse_formula(text)
    except FormulaError as exc:
        assert isinstance(exc.message, str) and exc.message
        assert exc.position is not None and 0 <= exc.position <= len(text)


def _expressions():
    """Random valid formulas paired with a numpy function computing the same thing."""
    leaves = st.one_of(
        st.just(("x", lambda x: x)),
        st.just(("pi", lambda x: np.pi)),
        st.floats(0.1, 9.0, allow_nan=False).map(lambda c: (repr(c), lambda x, c=c: c)),
    )
    unary = ["sin", "cos", "tanh", "arctan", "abs", "exp"]

    def extend(children):
        binary = st.tuples(st.sampled_from(["+", "-", "*"]), children, children).map(
            lambda t: (
                f"({t[1][0]} {t[0]} {t[2][0]})",
                lambda x, t=t: {"+": np.add, "-": np.subtract, "*": np.multiply}[t[0]](
                    t[1][1](x), t[2][1](x)
                ),
            )
        )
        call = st.tuples(st.sampled_from(unary), children).map(
            lambda t: (f"{t[0]}({t[1][0]})", lambda x, t=t: getattr(np, t[0])(t[1][1](x)))
        )
        return st.one_of(binary, call)

    return st.recursive(leaves, extend, max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(_expressions())
def test_fuzz_generated_formulas_agree_with_numpy(pair):
    text, reference = pair
    with np.errstate(all="ignore"):
        expected = np.broadcast_to(reference(X), X.shape)
        actual = parse_formula(text)(X)
    np.testing.assert_allclose(actual, expected, rtol=1e-12, atol=1e-12, equal_nan=True)
