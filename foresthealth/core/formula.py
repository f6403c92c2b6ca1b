"""Band formulas (vegetation indices and masks) parsed and evaluated without ``eval``.

fordead evaluates its formulas with Python's ``eval``, so Python's operator precedence
applies: ``|`` and ``&`` bind *tighter* than comparisons, and its tutorial mask
``B2 > 600 | (B3 == 0) | (B4 == 0)`` really means ``B2 > (600 | (B3 == 0) | (B4 == 0))``.
:func:`parse` reproduces that by default (``precedence="python"``); with
``precedence="logical"`` comparisons bind tighter than ``&`` and ``|`` (as in QGIS
expressions, SQL or R), which is what the formula's author meant.

Grammar: numbers, band names (``B2`` … ``B12``, ``B8A``; ``B02`` is ``B2``), ``+ - * / **``,
comparisons ``> >= < <= == !=``, ``& | ~``, parentheses and
the functions ``sqrt abs log exp`` (``np.`` prefix accepted). Arithmetic follows numpy on
the bands' own integer type, as fordead does on its int16 stacks.
"""
import operator
import re
from dataclasses import dataclass

import numpy as np

from ...rasterblocks.errors import QT_TRANSLATE_NOOP, DataTerraError

# name: (formula, sign): sign +1 when the index rises with dieback, -1 when it falls
VEGETATION_INDICES = {
    "CRSWIR": ("B11/(B8A+((B12-B8A)/(2185.7-864))*(1610.4-864))", +1),
    "NDVI": ("(B8-B4)/(B8+B4)", -1),
    "BSI": ("(B4 + B2 - B3)/(B4 + B2 + B3)", -1),
    "NDWI": ("(B8A-B11)/(B8A+B11)", -1),
    "NBR": ("(B8-B12)/(B8+B12)", -1),
}

BANDS_10M = ("B2", "B3", "B4", "B8")
BANDS_20M = ("B5", "B6", "B7", "B8A", "B11", "B12")
ALL_BANDS = BANDS_10M + BANDS_20M
FUNCTIONS = {"sqrt": np.sqrt, "abs": np.abs, "log": np.log, "exp": np.exp}

_TOKEN = re.compile(r"\s*(?:(?P<number>\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)"
                    r"|(?P<name>(?:np\.)?[A-Za-z_][A-Za-z0-9_]*)"
                    r"|(?P<op>\*\*|>=|<=|==|!=|[-+*/()<>&|~]))")
_COMPARISONS = {">": np.greater, ">=": np.greater_equal, "<": np.less, "<=": np.less_equal,
                "==": np.equal, "!=": np.not_equal}
_ARITHMETIC = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.true_divide, "**": np.power,
               "&": np.bitwise_and, "|": np.bitwise_or}

# binding power of binary operators; higher binds tighter
PRECEDENCE = {
    "python": {"cmp": 10, "|": 20, "&": 30, "+": 40, "-": 40, "*": 50, "/": 50, "**": 70},
    "logical": {"|": 10, "&": 20, "cmp": 30, "+": 40, "-": 40, "*": 50, "/": 50, "**": 70},
}
UNARY_POWER = 60  # unary - and ~ (Python: below ** , above * /)


class FormulaError(DataTerraError):
    """A formula that cannot be parsed or uses an unknown name."""


@dataclass(frozen=True)
class Node:
    kind: str  # "num", "band", "unary", "binary", "call"
    value: object = None
    args: tuple = ()


def band_name(name: str) -> str:
    """``B02`` → ``B2``, ``B8a`` → ``B8A``; unchanged when not a Sentinel-2 band name."""
    match = re.fullmatch(r"[Bb]0?(\d{1,2})([Aa]?)", name)
    return f"B{int(match.group(1))}{match.group(2).upper()}" if match else name


def _tokens(text: str):
    position, tokens = 0, []
    text = text.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise FormulaError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot read the formula {formula!r} at "
                                                 "character {position}."), formula=text, position=position + 1)
        position = match.end()
        kind = match.lastgroup
        value = match.group(kind)
        tokens.append((kind, value))
    return tokens


class _Parser:
    def __init__(self, text, precedence):
        self.text = text
        self.tokens = _tokens(text)
        self.position = 0
        self.power = PRECEDENCE[precedence]

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else (None, None)

    def take(self):
        token = self.peek()
        self.position += 1
        return token

    def fail(self):
        raise FormulaError(QT_TRANSLATE_NOOP("DataTerraError", "The formula {formula!r} is not well formed "
                                             "(check its operators and parentheses)."), formula=self.text)

    def binary_power(self, op):
        return self.power["cmp"] if op in _COMPARISONS else self.power.get(op)

    def expression(self, minimum=0):
        left = self.unary()
        while True:
            kind, op = self.peek()
            power = self.binary_power(op) if kind == "op" else None
            if power is None or power <= minimum:
                return left
            self.take()
            # ** is right-associative; the others left-associative
            right = self.expression(power - 1 if op == "**" else power)
            left = Node("binary", op, (left, right))

    def unary(self):
        kind, value = self.take()
        if kind == "op" and value in ("-", "+", "~"):
            operand = self.expression(UNARY_POWER)
            return operand if value == "+" else Node("unary", value, (operand,))
        if kind == "op" and value == "(":
            inner = self.expression()
            if self.take() != ("op", ")"):
                self.fail()
            return inner
        if kind == "number":
            return Node("num", float(value) if any(c in value for c in ".eE") else int(value))
        if kind == "name":
            return self.name(value)
        self.fail()

    def name(self, value):
        function = value[3:] if value.startswith("np.") else value
        if self.peek() == ("op", "("):
            if function not in FUNCTIONS:
                raise FormulaError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown function {name!r} in the formula; "
                                                     "use one of {known}."), name=value, known=", ".join(FUNCTIONS))
            self.take()
            argument = self.expression()
            if self.take() != ("op", ")"):
                self.fail()
            return Node("call", function, (argument,))
        band = band_name(value)
        if band not in ALL_BANDS:
            raise FormulaError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown name {name!r} in the formula; bands are "
                                                 "named {known}."), name=value, known=", ".join(ALL_BANDS))
        return Node("band", band)


@dataclass(frozen=True)
class Formula:
    """A parsed band formula: ``bands`` it reads, ``evaluate(bands)`` over numpy arrays."""

    text: str
    tree: Node
    precedence: str

    @property
    def bands(self) -> tuple:
        found = []

        def walk(node):
            if node.kind == "band" and node.value not in found:
                found.append(node.value)
            for child in node.args:
                walk(child)
        walk(self.tree)
        return tuple(found)

    def evaluate(self, bands: dict):
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            return _evaluate(self.tree, bands)


def _evaluate(node, bands):
    if node.kind == "num":
        return node.value
    if node.kind == "band":
        return bands[node.value]
    if node.kind == "call":
        return FUNCTIONS[node.value](_evaluate(node.args[0], bands))
    if node.kind == "unary":
        operand = _evaluate(node.args[0], bands)
        return np.negative(operand) if node.value == "-" else np.invert(operand)
    left, right = (_evaluate(child, bands) for child in node.args)
    if node.value in _COMPARISONS:
        return _COMPARISONS[node.value](left, right)
    if isinstance(left, (int, float)) and isinstance(right, (int, float)):
        return _python_arithmetic(node.value, left, right)  # constants fold as Python does
    return _ARITHMETIC[node.value](left, right)


def _python_arithmetic(op, left, right):
    return {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "**": operator.pow,
            "&": operator.and_, "|": operator.or_}[op](left, right)


def parse(text: str, precedence: str = "python") -> Formula:
    """Parse ``text``; ``precedence`` "python" (fordead's reading) or "logical" (the fix)."""
    parser = _Parser(text, precedence)
    tree = parser.expression()
    if parser.position != len(parser.tokens):
        parser.fail()
    return Formula(text, tree, precedence)


def vegetation_index(name: str = "CRSWIR", formula: str = None, sign: int = None):
    """(Formula, sign) of a named index, or of a user ``formula`` with its dieback ``sign``."""
    if formula:
        if sign not in (-1, 1):
            raise FormulaError(QT_TRANSLATE_NOOP("DataTerraError", "A user formula needs the direction in which "
                                                 "it changes with dieback: +1 (rises) or -1 (falls)."))
        return parse(formula), sign
    if name not in VEGETATION_INDICES:
        raise FormulaError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown vegetation index {name!r}; use one of "
                                             "{known} or give a formula."), name=name,
                           known=", ".join(VEGETATION_INDICES))
    text, default_sign = VEGETATION_INDICES[name]
    return parse(text), default_sign
