"""The one place artlint reads the structure of a regular expression.

Python has no public parser for its regular expressions. The ``re`` module's own (``re._parser``, its
opcodes in ``re._constants``) is private and could change in a new Python. Everything that reads a
pattern's parts (the needles of pack patterns, the triggers of claim and note rules, the longest text a
pattern matches, the backtracking check of user packs) goes through :func:`parse` here.

The first call checks the parser on a probe pattern whose tree is known. If the parser is missing or
its output has another shape, :func:`parse` returns None for every pattern, and each caller falls back
to what needs no structure: no gate (every pattern is tried on every block), the 400-character cap of
``match: whole``, no backtracking check when a user pack loads. Runs get slower; findings do not change.
"""

from __future__ import annotations

try:  # the parser the re module itself uses (the same in Python 3.11 to 3.13)
    from re import _constants as OP
    from re import _parser as _re_parser
except ImportError:  # pragma: no cover - a Python without them: every caller takes its fallback
    OP = _re_parser = None

# A pattern with every construct the callers read, and the tree the parser gives it (see _expected).
_PROBE = r"(a)(?i:b)*?[^\d\s-]\b(?<!\w)(?=c)\1|.x{2,3}[e-g]"


def available() -> bool:
    """Whether :func:`parse` gives trees (False: the private parser is missing or has changed shape)."""
    global _AVAILABLE
    if _AVAILABLE is None:
        try:
            _AVAILABLE = _plain(_re_parser.parse(_PROBE, 0)) == _expected()
        except Exception:  # noqa: BLE001 - any failure of a private API means: do not use it
            _AVAILABLE = False
    return _AVAILABLE


_AVAILABLE: bool | None = None


def parse(source: str, flags: int = 0):
    """The parsed ``source``: a sequence of ``(opcode, argument)`` items (opcodes in :data:`OP`) with
    ``.state.flags`` and ``.getwidth()``; None when the parser is not available. Raises ``re.error`` for
    a bad pattern, as ``re.compile`` would."""
    if not available():
        return None
    return _re_parser.parse(source, flags)


def max_width(source: str, flags: int = 0) -> int | None:
    """The length of the longest text ``source`` can match (very large for unbounded repeats); None if unknown."""
    tree = parse(source, flags)
    return None if tree is None else tree.getwidth()[1]


def repeats() -> frozenset:
    """The opcodes of repeats (``*``, ``+?``, ``{m,n}`` and, where Python has them, possessive ones)."""
    return frozenset(getattr(OP, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(OP, n))


def _plain(items) -> list:
    """A parsed sequence as nested lists and tuples, to compare with :func:`_expected`."""

    def arg(a):
        if isinstance(a, tuple):
            return tuple(arg(x) for x in a)
        if isinstance(a, list) or type(a).__name__ == "SubPattern":
            return [arg(x) for x in a]
        return a

    return [arg(item) for item in items]


def _expected() -> list:
    o = OP
    first = [
        (o.SUBPATTERN, (1, 0, 0, [(o.LITERAL, ord("a"))])),
        (o.MIN_REPEAT, (0, o.MAXREPEAT, [(o.SUBPATTERN, (None, 2, 0, [(o.LITERAL, ord("b"))]))])),
        (o.IN, [(o.NEGATE, None), (o.CATEGORY, o.CATEGORY_DIGIT), (o.CATEGORY, o.CATEGORY_SPACE), (o.LITERAL, ord("-"))]),
        (o.AT, o.AT_BOUNDARY),
        (o.ASSERT_NOT, (-1, [(o.IN, [(o.CATEGORY, o.CATEGORY_WORD)])])),
        (o.ASSERT, (1, [(o.LITERAL, ord("c"))])),
        (o.GROUPREF, 1),
    ]
    second = [(o.ANY, None), (o.MAX_REPEAT, (2, 3, [(o.LITERAL, ord("x"))])), (o.IN, [(o.RANGE, (ord("e"), ord("g")))])]
    return [(o.BRANCH, (None, [first, second]))]
