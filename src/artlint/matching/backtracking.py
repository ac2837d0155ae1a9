"""The load-time check of user patterns: nested repeats and overlapping alternatives backtrack exponentially.

A pack's pattern runs on every block of every article; ``(a+)+$`` or ``(a|aa)+$`` can take minutes on one
line. :func:`backtracking_risk` reads the pattern's structure and names such a construct, so a user pack
is refused when it loads instead of hanging a run.
"""

from __future__ import annotations

import re

from artlint.matching import regex_syntax
from artlint.matching.regex_syntax import OP


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` could backtrack catastrophically (a repeat inside an unbounded repeat), or None.

    None as well when Python's parser is not available (:mod:`~artlint.matching.regex_syntax`): the pattern
    is then accepted unchecked, and the engine's time budget per rule is the only guard."""
    c = OP
    try:
        tree = regex_syntax.parse(pattern)
    except re.error as exc:
        return f"bad pattern: {exc}"
    if tree is None:
        return None

    repeats = regex_syntax.repeats()

    def walk(items, inside, repeated=False, body=None):
        """``inside``: we are in the body of a repeat that can run more than once without a delimiter;
        ``repeated``: in the body of any repeat that can run more than once (its alternatives must differ)."""
        for k, (op, av) in enumerate(items):
            if op in repeats:
                lo, hi, sub = av
                variable = lo != hi
                if inside and variable and (hi == c.MAXREPEAT or hi > 100):
                    return "a variable repeat inside another repeat, such as (a+)+ or (.*x){20}, can take exponential time; rewrite it"
                delimited = bool(sub) and sub[0][0] in (c.LITERAL, c.NOT_LITERAL, c.AT)
                found = walk(sub, inside or (hi > 1 and not delimited), repeated or hi > 1, sub if hi > 1 else body)
                if found:
                    return found
            elif op == c.SUBPATTERN:
                found = walk(av[-1], inside, repeated, body)
                if found:
                    return found
            elif op == c.BRANCH:
                follow = _char_run(items[k + 1 :], c) or _char_run(body or [], c)  # what comes next: the rest, or the next round
                if repeated and _branches_overlap(av[1], follow, c):
                    return (
                        "alternatives that can match the same text inside a repeat, such as (a|aa)+ or (\\w|\\d\\d)+, "
                        "can take exponential time; make the alternatives exclusive or use one character class"
                    )
                for branch in av[1]:
                    found = walk(branch, inside, repeated, body)
                    if found:
                        return found
            elif op in (c.ASSERT, c.ASSERT_NOT):
                found = walk(av[1], inside, repeated, body)
                if found:
                    return found
        return None

    return walk(tree, False)


# Characters a branch's first characters are compared on: ASCII and a few others that classes split on.
_PROBE = [chr(i) for i in range(128)] + list("\u00a0\u00e9\u00df\u2019\u2014\u0661\u4e2d")


def _branches_overlap(branches, follow, c) -> bool:
    """Whether two alternatives can match the same text, so a repeat around them can split a string many ways.

    Each branch is read as a run of single characters (literals, classes, ``.``) up to its first other
    item. Two branches differ if at some position both runs reach no character fits both. When one
    branch is a shorter complete run (``a`` against ``aa``), they differ too if what follows the
    alternation (``follow``) cannot start with the longer one's next character: ``(?:\\s+(?:a|an))+``
    is fine, ``(a|aa)+`` is not. Anything the runs do not cover counts as a possible overlap.
    """
    runs = [(_char_run(branch, c), len(_char_run(branch, c)) == len(branch)) for branch in branches]
    for i, (a, a_whole) in enumerate(runs):
        for b, b_whole in runs[i + 1 :]:
            if not all(_meet(x, y) for x, y in zip(a, b)):
                continue
            if len(a) != len(b):
                (short, short_whole), (long_, _) = sorted([(a, a_whole), (b, b_whole)], key=lambda r: len(r[0]))
                if short_whole and follow and not _meet(follow[0], long_[len(short)]):
                    continue
            return True
    return False


def _meet(x: frozenset, y: frozenset) -> bool:
    return bool(x & y)


def _char_run(items, c) -> list[frozenset]:
    """The probe characters each of a branch's first single characters can be (case folded: packs may use re.I).

    A repeat of one character that must match at least once gives its first character and ends the run."""
    run = []
    for op, av in items:
        chars = _char_set(op, av, c)
        if chars is None and op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and len(av[2]) == 1:
            chars = _char_set(*av[2][0], c)
            if chars is not None:
                run.append(chars)
            break
        if chars is None:
            break
        run.append(chars)
    return run


def _char_set(op, av, c) -> frozenset | None:
    """The probe characters one item matches, or None when the item is not one character."""
    if op == c.LITERAL:
        return _folded(chr(av))
    if op == c.NOT_LITERAL:
        return _ALL - _folded(chr(av))
    if op == c.ANY:
        return _ALL
    if op != c.IN:
        return None
    out, negate = set(), False
    for iop, iav in av:
        if iop == c.NEGATE:
            negate = True
        elif iop == c.LITERAL:
            out |= _folded(chr(iav))
        elif iop == c.RANGE:
            out |= {ch for ch in _PROBE if any(iav[0] <= ord(f) <= iav[1] for f in (ch, ch.lower(), ch.upper()) if len(f) == 1)}
        elif iop == c.CATEGORY and str(iav) in _CATEGORY_TESTS:
            out |= {ch for ch in _PROBE if _CATEGORY_TESTS[str(iav)](ch)}
        else:
            out |= _ALL  # anything else: assume it can overlap
    return _ALL - out if negate else frozenset(out)


def _folded(ch: str) -> frozenset:
    return frozenset(p for p in _PROBE if p.lower() == ch.lower())


_ALL = frozenset(_PROBE)
_CATEGORY_TESTS = {
    "CATEGORY_DIGIT": str.isdigit,
    "CATEGORY_NOT_DIGIT": lambda ch: not ch.isdigit(),
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda ch: not ch.isspace(),
    "CATEGORY_WORD": lambda ch: ch.isalnum() or ch == "_",
    "CATEGORY_NOT_WORD": lambda ch: not (ch.isalnum() or ch == "_"),
}
