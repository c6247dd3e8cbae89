"""Target-function formulas typed by the user, turned into vectorised numpy functions safely.

The text is parsed by Python's own parser (:func:`ast.parse`, which only builds a syntax tree
and never runs anything) and then *compiled by hand* from an allow-list: numbers, the
variables, ``pi`` and ``e``, ``+ - * / **``, unary minus, parentheses and calls of a fixed set
of numpy functions with positional arguments. Any other node (attribute access, subscripts,
keyword arguments, lambdas, comparisons, names outside the list...) is refused with a message
that says what is allowed and where the problem is. Nothing from the text is ever passed to
``eval``, ``exec``, ``getattr`` or ``compile``.

Numbers are floats, so ``9**9**9`` evaluates to ``inf`` in microseconds instead of building a
gigantic integer; the dataset builder then reports the non-finite values.
"""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, translate

MAX_LENGTH = 1000  # characters: far above any real formula, small enough to parse instantly
MAX_DEPTH = 100  # nested operations (a sum of 90 terms is 90 deep)

#: Allowed functions: name -> (numpy function, number of arguments).
FUNCTIONS: dict[str, tuple[Callable, int]] = {
    "sin": (np.sin, 1),
    "cos": (np.cos, 1),
    "tan": (np.tan, 1),
    "exp": (np.exp, 1),
    "log": (np.log, 1),
    "log10": (np.log10, 1),
    "log2": (np.log2, 1),
    "sqrt": (np.sqrt, 1),
    "abs": (np.abs, 1),
    "tanh": (np.tanh, 1),
    "sinh": (np.sinh, 1),
    "cosh": (np.cosh, 1),
    "arcsin": (np.arcsin, 1),
    "arccos": (np.arccos, 1),
    "arctan": (np.arctan, 1),
    "sign": (np.sign, 1),
    "floor": (np.floor, 1),
    "ceil": (np.ceil, 1),
    "sinc": (np.sinc, 1),
    "minimum": (np.minimum, 2),
    "maximum": (np.maximum, 2),
    "arctan2": (np.arctan2, 2),
    "hypot": (np.hypot, 2),
}
CONSTANTS = {"pi": np.pi, "e": np.e}

_BINARY = {
    ast.Add: np.add,
    ast.Sub: np.subtract,
    ast.Mult: np.multiply,
    ast.Div: np.true_divide,
    ast.Pow: np.power,
}
_UNARY = {ast.USub: np.negative, ast.UAdd: np.positive}
#: The comparisons a class condition may use (``==`` is useless on real numbers).
_COMPARISONS = {
    ast.Lt: np.less,
    ast.LtE: np.less_equal,
    ast.Gt: np.greater,
    ast.GtE: np.greater_equal,
}

# Friendly names for the syntax a formula may not contain.
_REFUSED = {
    ast.Attribute: QT_TRANSLATE_NOOP("Formula", "attribute access with '.'"),
    ast.Subscript: QT_TRANSLATE_NOOP("Formula", "indexing with [ ]"),
    ast.Lambda: QT_TRANSLATE_NOOP("Formula", "a lambda"),
    ast.Compare: QT_TRANSLATE_NOOP("Formula", "a comparison"),
    ast.BoolOp: QT_TRANSLATE_NOOP("Formula", "'and' / 'or'"),
    ast.IfExp: QT_TRANSLATE_NOOP("Formula", "'if ... else'"),
    ast.List: QT_TRANSLATE_NOOP("Formula", "a list"),
    ast.Tuple: QT_TRANSLATE_NOOP("Formula", "a tuple (a stray comma?)"),
    ast.Dict: QT_TRANSLATE_NOOP("Formula", "a dictionary"),
    ast.Set: QT_TRANSLATE_NOOP("Formula", "a set"),
    ast.ListComp: QT_TRANSLATE_NOOP("Formula", "a comprehension"),
    ast.GeneratorExp: QT_TRANSLATE_NOOP("Formula", "a comprehension"),
    ast.DictComp: QT_TRANSLATE_NOOP("Formula", "a comprehension"),
    ast.SetComp: QT_TRANSLATE_NOOP("Formula", "a comprehension"),
    ast.NamedExpr: QT_TRANSLATE_NOOP("Formula", "an ':=' assignment"),
    ast.Starred: QT_TRANSLATE_NOOP("Formula", "'*' unpacking"),
    ast.JoinedStr: QT_TRANSLATE_NOOP("Formula", "text in quotes"),
    ast.Await: QT_TRANSLATE_NOOP("Formula", "'await'"),
    ast.Yield: QT_TRANSLATE_NOOP("Formula", "'yield'"),
    ast.YieldFrom: QT_TRANSLATE_NOOP("Formula", "'yield'"),
    ast.Slice: QT_TRANSLATE_NOOP("Formula", "a slice"),
}
_OPERATOR_HINTS = {
    ast.BitXor: QT_TRANSLATE_NOOP("Formula", "'^' is not a power here: write x**2 for x squared"),
    ast.Mod: QT_TRANSLATE_NOOP("Formula", "'%' is not allowed"),
    ast.FloorDiv: QT_TRANSLATE_NOOP("Formula", "'//' is not allowed: use floor(a / b)"),
    ast.MatMult: QT_TRANSLATE_NOOP("Formula", "'@' is not allowed"),
    ast.BitAnd: QT_TRANSLATE_NOOP("Formula", "'&' is not allowed"),
    ast.BitOr: QT_TRANSLATE_NOOP("Formula", "'|' is not allowed"),
    ast.LShift: QT_TRANSLATE_NOOP("Formula", "'<<' is not allowed"),
    ast.RShift: QT_TRANSLATE_NOOP("Formula", "'>>' is not allowed"),
    ast.Invert: QT_TRANSLATE_NOOP("Formula", "'~' is not allowed"),
    ast.Not: QT_TRANSLATE_NOOP("Formula", "'not' is not allowed"),
}


class FormulaError(ValueError):
    """A formula that cannot be used, with a message for the user and, when known, the
    0-based character position of the problem (for a caret in the editor)."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass(frozen=True)
class Formula:
    """A parsed formula: call it with one array per variable to get float64 values."""

    text: str
    variables: tuple[str, ...]
    used_names: frozenset[str] = field(repr=False)
    _evaluate: Callable = field(repr=False, compare=False)

    def __call__(self, *values) -> np.ndarray:
        return self._run(values, {})

    def undefined(self, *values) -> np.ndarray:
        """For a condition: where a side of a comparison is infinite or NaN (``log(x1) < 0``
        at x1 <= 0), so that the comparison's answer there means nothing."""
        sink: list = []
        self._run(values, {_UNDEFINED: sink})
        shape = np.broadcast_shapes(*(np.shape(v) for v in values))
        out = np.zeros(shape, dtype=bool)
        for mask in sink:
            out |= np.broadcast_to(mask, shape)
        return out

    def _run(self, values, extra: dict) -> np.ndarray:
        if len(values) != len(self.variables):
            raise TypeError(f"expected {len(self.variables)} arrays, got {len(values)}")
        env = {name: np.asarray(v, dtype=np.float64) for name, v in zip(self.variables, values)}
        shape = np.broadcast_shapes(*(a.shape for a in env.values()))
        env.update(extra)
        with np.errstate(all="ignore"):
            out = self._evaluate(env)
        return np.broadcast_to(np.asarray(out, dtype=np.float64), shape).copy()


#: The key under which :meth:`Formula.undefined` collects the comparisons' undefined points
#: (no variable name holds a NUL).
_UNDEFINED = "\0undefined"


def parse_formula(
    text: str, variables: tuple[str, ...] = ("x",), condition: bool = False
) -> Formula:
    """Parse ``text`` into a :class:`Formula` of ``variables`` or raise :class:`FormulaError`.

    ``condition=True``: the text is a condition (comparisons ``< <= > >=`` of formulas, joined
    by ``and``/``or``), and the formula gives 1.0 where it holds and 0.0 elsewhere."""
    if not isinstance(text, str):
        raise FormulaError(translate("Formula", "The formula must be text."), 0)
    if len(text) > MAX_LENGTH:
        raise FormulaError(
            translate(
                "Formula", "The formula is too long ({n} characters; at most {limit})."
            ).format(n=f"{len(text):,}", limit=MAX_LENGTH),
            MAX_LENGTH,
        )
    stripped = text.strip()
    if not stripped:
        example = "sin(3*pi*x)" if variables == ("x",) else "sin(pi*x1) * cos(pi*x2)"
        raise FormulaError(
            translate("Formula", "Type a formula in {variables}, for example {example}.").format(
                variables=", ".join(variables), example=example
            ),
            0,
        )
    # Leading whitespace would shift positions and is an indentation error for ast.
    offset = len(text) - len(text.lstrip())
    try:
        tree = ast.parse(stripped, mode="eval")
    except SyntaxError as exc:
        raise _syntax_error(stripped, exc, offset) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # null bytes, absurd nesting
        raise FormulaError(
            translate("Formula", "The formula cannot be read: {reason}.").format(
                reason=_short(exc)
            ),
            offset,
        ) from None
    used: set[str] = set()
    compiler = _Compiler(stripped, variables, offset, used)
    if condition:
        evaluate = compiler.condition(tree.body, 0)
    else:
        evaluate = compiler.compile(tree.body, 0)
    return Formula(
        text=stripped, variables=tuple(variables), used_names=frozenset(used), _evaluate=evaluate
    )


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _syntax_error(text: str, exc: SyntaxError, offset: int) -> FormulaError:
    raw = exc.msg or "invalid syntax"
    ends_early = False
    if "null bytes" in raw and "\0" in text:
        position = text.index("\0") + offset
    elif exc.offset and 0 < exc.offset <= len(text) + 1 and (exc.lineno or 1) == 1:
        position = exc.offset - 1 + offset
    else:
        # Python gives no usable place when the text stops in the middle of an expression
        # ("x +", "sin(x) *"): the problem is at its end.
        position = len(text) + offset
        ends_early = True
    if ends_early and text.rstrip()[-1:] in set("+-*/(,."):
        message = translate(
            "Formula", "the formula ends too early: something is missing after '{char}'"
        ).format(char=text.rstrip()[-1])
    elif "was never closed" in raw:
        message = translate("Formula", "an opening parenthesis '(' was never closed")
    elif "unmatched" in raw:
        message = translate("Formula", "a closing parenthesis ')' is unmatched")
    elif "null bytes" in raw:
        message = translate("Formula", "the text contains null bytes")
    else:
        message = translate("Formula", "invalid syntax")
    if re.search(r"\d\s*[A-Za-z_(]", text) and "invalid" in raw:
        message += " " + translate("Formula", "(write 3*x, not 3x: multiplication needs '*')")
    return FormulaError(
        translate("Formula", "Syntax error at character {n}: {message}.").format(
            n=position + 1, message=message
        ),
        position,
    )


class _Compiler:
    """Turns an allowed syntax tree into nested closures ``f(env) -> array``."""

    def __init__(self, text, variables, offset, used):
        self.text, self.variables, self.offset, self.used = text, tuple(variables), offset, used

    def error(self, node, message) -> FormulaError:
        col = getattr(node, "col_offset", None)
        position = (col if col is not None else 0) + self.offset
        where = translate("Formula", "(character {n})").format(n=position + 1)
        return FormulaError(f"{message} {where}.", position)

    def condition(self, node, depth):
        """A condition: comparisons of formulas, joined by ``and`` / ``or``."""
        if depth > MAX_DEPTH:
            raise self.error(
                node,
                translate("Formula", "The formula is nested too deeply (more than {n})").format(
                    n=MAX_DEPTH
                ),
            )
        if isinstance(node, ast.BoolOp):
            parts = [self.condition(v, depth + 1) for v in node.values]
            join = np.logical_and if isinstance(node.op, ast.And) else np.logical_or

            def joined(env, parts=parts, join=join):
                out = parts[0](env)
                for part in parts[1:]:
                    out = join(out, part(env))
                return out

            return joined
        if not isinstance(node, ast.Compare):
            raise self.error(
                node,
                translate(
                    "Formula",
                    "A condition needs a comparison such as x1**2 + x2**2 < 0.5",
                ),
            )
        if not all(type(op) in _COMPARISONS for op in node.ops):
            raise self.error(
                node, translate("Formula", "Only the comparisons < <= > >= are allowed")
            )
        terms = [self.compile(node.left, depth + 1)]
        terms += [self.compile(c, depth + 1) for c in node.comparators]
        ops = [_COMPARISONS[type(op)] for op in node.ops]

        def compared(env, terms=terms, ops=ops):
            values = [t(env) for t in terms]
            sink = env.get(_UNDEFINED)
            if sink is not None:
                sink.extend(~np.isfinite(v) for v in values)
            out = ops[0](values[0], values[1])
            for i, op in enumerate(ops[1:], start=1):
                out = np.logical_and(out, op(values[i], values[i + 1]))
            return out

        return lambda env: compared(env).astype(np.float64)

    def compile(self, node, depth):
        if depth > MAX_DEPTH:
            raise self.error(
                node,
                translate("Formula", "The formula is nested too deeply (more than {n})").format(
                    n=MAX_DEPTH
                ),
            )
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            what = _REFUSED.get(type(node)) or _OPERATOR_HINTS.get(type(node))
            what = translate("Formula", what) if what else type(node).__name__
            raise self.error(
                node,
                translate("Formula", "{what} is not allowed in a formula").format(
                    what=_capital(what)
                ),
            )
        return method(node, depth + 1)

    def _Constant(self, node, depth):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            kind = (
                translate("Formula", "text in quotes")
                if isinstance(value, str)
                else type(value).__name__
            )
            raise self.error(
                node, translate("Formula", "Only numbers are allowed, not {kind}").format(kind=kind)
            )
        try:
            number = float(value)
        except OverflowError:
            raise self.error(
                node, translate("Formula", "A number in the formula is too large")
            ) from None
        return lambda env: number

    def _Name(self, node, depth):
        name = node.id
        if name in self.variables:
            self.used.add(name)
            return lambda env: env[name]
        if name in CONSTANTS:
            number = CONSTANTS[name]
            return lambda env: number
        if name in FUNCTIONS:
            raise self.error(
                node,
                translate("Formula", "'{name}' is a function: write {name}(...)").format(name=name),
            )
        allowed = list(self.variables) + list(CONSTANTS)
        hint = difflib.get_close_matches(name, allowed + list(FUNCTIONS), n=1)
        suggestion = (
            translate("Formula", "; did you mean '{name}'?").format(name=hint[0]) if hint else ""
        )
        raise self.error(
            node,
            translate("Formula", "Unknown name '{name}': the formula may use {allowed}").format(
                name=_clip(name), allowed=", ".join(allowed)
            )
            + suggestion,
        )

    def _UnaryOp(self, node, depth):
        op = _UNARY.get(type(node.op))
        if op is None:
            hint = _OPERATOR_HINTS.get(type(node.op))
            raise self.error(
                node,
                _capital(translate("Formula", hint))
                if hint
                else translate("Formula", "Operator not allowed"),
            )
        operand = self.compile(node.operand, depth)
        return lambda env: op(operand(env))

    def _BinOp(self, node, depth):
        op = _BINARY.get(type(node.op))
        if op is None:
            hint = _OPERATOR_HINTS.get(type(node.op))
            raise self.error(
                node,
                _capital(translate("Formula", hint))
                if hint
                else translate("Formula", "Operator not allowed"),
            )
        left = self.compile(node.left, depth)
        right = self.compile(node.right, depth)
        return lambda env: op(left(env), right(env))

    def _Call(self, node, depth):
        if isinstance(node.func, ast.Attribute):
            raise self.error(
                node.func,
                translate("Formula", "{what} is not allowed in a formula").format(
                    what=_capital(translate("Formula", _REFUSED[ast.Attribute]))
                ),
            )
        if not isinstance(node.func, ast.Name):
            raise self.error(
                node, translate("Formula", "Only functions from the list may be called, by name")
            )
        name = node.func.id
        if name not in FUNCTIONS:
            hint = difflib.get_close_matches(name, list(FUNCTIONS), n=1)
            suggestion = (
                (" " + translate("Formula", "Did you mean '{name}'?").format(name=hint[0]))
                if hint
                else ""
            )
            raise self.error(
                node,
                translate("Formula", "'{name}' is not an allowed function.").format(
                    name=_clip(name)
                )
                + suggestion
                + " "
                + translate("Formula", "Allowed: {functions}").format(
                    functions=", ".join(FUNCTIONS)
                ),
            )
        if node.keywords:
            raise self.error(
                node,
                translate(
                    "Formula", "{name}() takes positional arguments only (no name=value)"
                ).format(name=name),
            )
        function, arity = FUNCTIONS[name]
        if len(node.args) != arity:
            template = (
                translate("Formula", "{name}() takes 1 argument, not {given}")
                if arity == 1
                else translate("Formula", "{name}() takes {n} arguments, not {given}")
            )
            raise self.error(node, template.format(name=name, n=arity, given=len(node.args)))
        args = [self.compile(a, depth) for a in node.args]
        if arity == 1:
            (arg,) = args
            return lambda env: function(arg(env))
        first, second = args
        return lambda env: function(first(env), second(env))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clip(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[:limit] + "..."


def describe_allowed(variables: tuple[str, ...] = ("x",)) -> str:
    """A one-paragraph summary of the formula language, for tooltips and error dialogs."""
    return translate(
        "Formula",
        "Variables: {variables}. Constants: pi, e. Operators: + - * / ** and parentheses. "
        "Functions: {functions}.",
    ).format(variables=", ".join(variables), functions=", ".join(FUNCTIONS))
