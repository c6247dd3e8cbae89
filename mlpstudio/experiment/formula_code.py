"""A target formula as numpy code, generated from the allow-list parse tree of
:mod:`mlpstudio.data.expr`: nothing the user typed is evaluated or pasted into a script
unchecked (the exported scripts compute the target with this code; the text itself appears
only inside a string literal)."""

from __future__ import annotations

import ast

import numpy as np

from ..data.expr import CONSTANTS, FUNCTIONS, FormulaError
from ..data.functions import parse_condition, parse_target


def formula_to_numpy(text: str) -> tuple[str, tuple[str, ...]]:
    """(numpy expression, variables) for a target formula, generated from its parse tree.

    The formula is first parsed and checked by the app's own allow-list parser; the tree is
    then rebuilt node by node (numbers, variables, ``np.pi``/``np.e``, the allowed operators
    and ``np.<function>`` calls) and printed with :func:`ast.unparse`. Any other node is
    refused, so the output can only be numpy arithmetic.
    """
    formula = parse_target(text)  # raises FormulaError with the app's messages
    tree = ast.parse(formula.text, mode="eval")
    body = _numpy_node(tree.body, formula.variables)
    return ast.unparse(ast.fix_missing_locations(ast.Expression(body))), formula.variables


def condition_to_numpy(text: str) -> tuple[str, tuple[str, ...]]:
    """(numpy expression, variables) for a class condition (``x1**2 + x2**2 < 0.5``), built
    the same way: comparisons become ``np.less`` and friends, ``and``/``or`` become
    ``np.logical_and``/``np.logical_or``."""
    rule = parse_condition(text)  # raises FormulaError with the app's messages
    tree = ast.parse(rule.text, mode="eval")
    body = _condition_node(tree.body, rule.variables)
    return ast.unparse(ast.fix_missing_locations(ast.Expression(body))), rule.variables


_COMPARISONS = {ast.Lt: "less", ast.LtE: "less_equal", ast.Gt: "greater", ast.GtE: "greater_equal"}


def _np_call(name: str, args: list[ast.expr]) -> ast.expr:
    func = ast.Attribute(value=ast.Name(id="np", ctx=ast.Load()), attr=name, ctx=ast.Load())
    return ast.Call(func=func, args=args, keywords=[])


def _condition_node(node: ast.AST, variables: tuple[str, ...]) -> ast.expr:
    if isinstance(node, ast.BoolOp):
        join = "logical_and" if isinstance(node.op, ast.And) else "logical_or"
        out = _condition_node(node.values[0], variables)
        for value in node.values[1:]:
            out = _np_call(join, [out, _condition_node(value, variables)])
        return out
    if isinstance(node, ast.Compare) and all(type(op) in _COMPARISONS for op in node.ops):
        terms = [_numpy_node(t, variables) for t in [node.left, *node.comparators]]
        parts = [
            _np_call(_COMPARISONS[type(op)], [terms[i], terms[i + 1]])
            for i, op in enumerate(node.ops)
        ]
        out = parts[0]
        for part in parts[1:]:
            out = _np_call("logical_and", [out, part])
        return out
    raise FormulaError("The condition contains something that cannot be exported.")


_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)


def _numpy_node(node: ast.AST, variables: tuple[str, ...]) -> ast.expr:
    np_name = ast.Name(id="np", ctx=ast.Load())
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FormulaError("Only numbers are allowed in a formula.")
        return ast.Constant(float(node.value))
    if isinstance(node, ast.Name):
        if node.id in variables:
            return ast.Name(id=node.id, ctx=ast.Load())
        if node.id in CONSTANTS:
            return ast.Attribute(value=np_name, attr=node.id, ctx=ast.Load())
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return ast.UnaryOp(op=type(node.op)(), operand=_numpy_node(node.operand, variables))
    elif isinstance(node, ast.BinOp) and isinstance(node.op, _OPERATORS):
        left = _numpy_node(node.left, variables)
        right = _numpy_node(node.right, variables)
        if isinstance(node.op, ast.Div | ast.Pow) and _plain_float(left) and _plain_float(right):
            # Between two Python floats, 1/0 and (-8)**(1/3) would raise or turn complex;
            # numpy gives inf and nan, as the app does.
            attr = "true_divide" if isinstance(node.op, ast.Div) else "power"
            func = ast.Attribute(value=np_name, attr=attr, ctx=ast.Load())
            return ast.Call(func=func, args=[left, right], keywords=[])
        return ast.BinOp(left=left, op=type(node.op)(), right=right)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in FUNCTIONS
        and not node.keywords
        and len(node.args) == FUNCTIONS[node.func.id][1]
        and hasattr(np, node.func.id)
    ):
        func = ast.Attribute(value=np_name, attr=node.func.id, ctx=ast.Load())
        return ast.Call(func=func, args=[_numpy_node(a, variables) for a in node.args], keywords=[])
    raise FormulaError("The formula contains something that cannot be exported.")


def _plain_float(node: ast.expr) -> bool:
    """True when ``node`` evaluates to a Python float (no array or numpy scalar involved)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Attribute):  # np.pi, np.e
        return True
    if isinstance(node, ast.UnaryOp):
        return _plain_float(node.operand)
    if isinstance(node, ast.BinOp):
        return _plain_float(node.left) and _plain_float(node.right)
    return False
