"""A feature pattern as variants the regex engine can scan quickly, each with its gate.

Python's engine skips ahead to a pattern's first character only when the pattern opens with a literal;
one that opens with a group of alternatives, or under a ``\\b``, is tried at nearly every position. So a
feature is cut at its top-level ``|``, a leading group of alternatives is spread over the rest
("(?:always|never) fails" as "always fails" and "never fails"), and a leading ``\\b`` is left to the
caller. Each variant carries the triggers read off it (:mod:`~artlint.matching.triggers`).
"""

from __future__ import annotations

import re

from artlint.matching.patterns import LazyPattern
from artlint.matching.triggers import gate_of


class Variant:
    """One top-level alternative of a feature: its gate (:func:`~artlint.matching.triggers.gate_of`) and its
    pattern without a leading \\b (checked by the caller, so the engine can skip ahead to the pattern's first
    characters), compiled at first use, with its lower-case twin."""

    __slots__ = ("name", "gate", "bounded", "pattern")

    def __init__(self, name: str, alternative: str, flags: int):
        self.name = name
        self.bounded = alternative.startswith("\\b")
        self.pattern = LazyPattern(alternative[2:] if self.bounded else alternative, flags)
        self.gate = gate_of(alternative, flags)


def compile_feature(name: str, source: str, flags: int = re.I) -> list[Variant]:
    """A feature as one :class:`Variant` per top-level alternative, a leading group of alternatives spread out
    ("(?:always|never) fails" as "always fails" and "never fails"): a pattern that opens with a word gets the regex
    engine's fast scan to that word, one that opens with a group tries nearly every position."""
    return [Variant(name, spread, flags) for alternative in _split_top_level(source) for spread in _spread(alternative)]


def _spread(alternative: str) -> list[str]:
    """``alternative`` with a leading non-capturing group of alternatives distributed over the rest; unchanged
    when it has none, or when it holds groups or references whose numbering the change could upset."""
    bound = "\\b" if alternative.startswith("\\b") else ""
    body = alternative[len(bound) :]
    if not body.startswith("(?:") or "(?P" in body or re.search(r"\\\d|\((?!\?)", body):
        return [alternative]
    close = next((i for i, ch, depth in _structure(body) if ch == ")" and depth == 1), None)
    if close is None:
        return [alternative]
    inner, rest = body[3:close], body[close + 1 :]
    if rest[:1] in ("?", "*", "+", "{"):
        return [alternative]  # the group is optional or repeated: not a fixed opening
    options = _split_top_level(inner)
    if len(options) < 2 or any(not o or o[0] in "(\\[." for o in options):
        return [alternative]  # only alternatives that open with a plain character gain the fast scan
    return [f"{bound}{o}{rest}" for o in options]  # neither has a top-level "|": the parts join as they are


def _split_top_level(source: str) -> list[str]:
    """``source`` cut at its top-level '|'."""
    cuts = [-1, *(i for i, ch, depth in _structure(source) if ch == "|" and depth == 0), len(source)]
    return [source[cuts[j] + 1 : cuts[j + 1]] for j in range(len(cuts) - 1)]


def _structure(source: str):
    """(index, character, group depth before it) of each '(', ')' and '|' of a pattern that is not escaped
    or inside a character class."""
    depth, escaped, in_class = 0, False, False
    for i, ch in enumerate(source):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()|":
            yield i, ch, depth
            depth += 1 if ch == "(" else -1 if ch == ")" else 0
