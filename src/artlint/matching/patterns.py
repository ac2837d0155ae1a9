"""Compiled patterns and the cheap tests that spare running them.

:class:`Prefilter` skips blocks that lack every text a rule's expressions need; :func:`lower_case_twin`
turns a case-insensitive pattern into one that runs on lower-cased text (the engine skips ahead only
without IGNORECASE); :class:`LazyPattern` compiles a pattern, and its twin, at first use;
:func:`phrase_alternation` and :func:`lower_case_scan` write a list of literal phrases as one pattern.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from artlint.document import Block, Document


class Prefilter:
    """A cheap test that skips blocks a rule's expressions cannot match.

    ``substrings`` are lower-case texts, one of which must occur in the block; ``words`` are runs of
    letters and digits, one of which must occur in the block as a whole run (a set lookup, so a list
    of hundreds of phrases costs one pass over the block's words, not one scan per phrase);
    ``patterns`` are expressions searched in the lower-cased text, for triggers no list can spell
    ("in" and a number). Keep each pattern starting with a literal, which the engine skips to.
    """

    __slots__ = ("words", "substrings", "patterns")

    def __init__(self, substrings=(), words=(), patterns=()):
        self.words = frozenset(words)
        self.substrings = tuple(sorted(set(substrings)))
        self.patterns = tuple(re.compile(p) for p in patterns)

    def __bool__(self) -> bool:
        return bool(self.words or self.substrings or self.patterns)

    def narrowed_to(self, doc: Document) -> Prefilter | None:
        """This prefilter cut down to the words, substrings and patterns ``doc`` contains; None if none
        (then no block of ``doc`` can pass: one look at the whole text, and most rules skip most articles).

        A block can only contain what its document contains, so the blocks are then tested against
        one or two triggers instead of every trigger of the rule.
        """
        lower = doc.lower
        narrow = Prefilter.__new__(Prefilter)
        narrow.words = self.words & doc.alnum_runs if self.words else self.words
        narrow.substrings = tuple(s for s in self.substrings if s in lower)
        narrow.patterns = tuple(p for p in self.patterns if p.search(lower))
        return narrow if narrow else None

    def passes(self, block: Block) -> bool:
        if self.words and not self.words.isdisjoint(block.alnum_runs):
            return True
        return self._in_text(block.lower)

    def _in_text(self, lower: str) -> bool:
        for s in self.substrings:  # `in` beats one alternation of them: it skips ahead, the engine cannot
            if s in lower:
                return True
        for p in self.patterns:
            if p.search(lower):
                return True
        return False


_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")  # (?i), (?-i:...) and the like
_LITERAL_CAPITAL = re.compile(r"(?<!\\)[A-Z]")  # a capital letter that is not an escape such as \S or \B
_MIXED_RANGE = re.compile(r"[A-Z]-(?![A-Z\]])")  # [A-z] spans punctuation; lower-cased it would not


def lower_case_twin(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` without re.IGNORECASE, for lower-cased text, when that matches the same spans.

    Python's engine cannot skip ahead to a pattern's first characters under IGNORECASE, and
    compares every character both ways, so scanning lower-cased text is often twice as fast.
    Literal capitals become lower case (under IGNORECASE they meant either case). Refused for
    patterns with inline flags (which may switch case-sensitivity back on), escaped backslashes
    named characters or ranges from a capital to a non-capital, where lower-casing changes the meaning.
    """
    source = lower_case_twin_source(pattern.pattern, pattern.flags)
    return None if source is None else re.compile(source, pattern.flags & ~re.IGNORECASE)


def lower_case_twin_source(source: str, flags: int) -> str | None:
    """The text of :func:`lower_case_twin`'s pattern (to be compiled with ``flags & ~re.IGNORECASE``), worked
    out without compiling anything; None where there is no twin."""
    if not flags & re.IGNORECASE or not isinstance(source, str):
        return None
    if _INLINE_FLAGS.search(source) or "\\\\" in source or "\\N" in source or _MIXED_RANGE.search(source):
        return None
    return _LITERAL_CAPITAL.sub(lambda m: m.group().lower(), source)


class LazyPattern:
    """A pattern compiled at its first use, with its lower-case twin: most patterns of the claim and note
    rules never pass their gate in a given run (a one-file run compiled some 40 of them for nothing)."""

    __slots__ = ("source", "flags", "_pattern", "_twin")

    def __init__(self, source: str, flags: int):
        self.source, self.flags = source, flags
        self._pattern = self._twin = None

    def get(self) -> re.Pattern:
        """The pattern itself (for ``block.text``)."""
        if self._pattern is None:
            self._pattern = re.compile(self.source, self.flags)
        return self._pattern

    def for_block(self, block) -> tuple[re.Pattern, str]:
        """The pattern to search ``block`` with, and the text to search: the twin and the lower-cased text when
        they give the same spans (lower-casing kept every offset), else the pattern and the text."""
        twin = self._twin
        if twin is None:
            twin = self._twin = lower_case_twin(self.get()) or False
        if twin and len(block.lower) == len(block.text):
            return twin, block.lower
        return self._pattern, block.text

    def warm(self) -> None:
        """Compile both now (before worker processes fork)."""
        self._twin = lower_case_twin(self.get()) or False


def phrase_alternation(tokens: list[str]) -> str:
    """Literal phrases as one alternation; word edges are guarded once per group, not per phrase."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for t in sorted(tokens, key=len, reverse=True):
        groups.setdefault((t[:1].isalnum(), t[-1:].isalnum()), []).append(re.escape(t).replace(r"\ ", r"\s+"))
    parts = []
    for (left, right), escaped in groups.items():
        before = r"(?<!\w)" if left else ""
        after = r"(?!\w)" if right else ""
        parts.append(before + "(?:" + "|".join(escaped) + ")" + after)
    return "|".join(parts)


def lower_case_scan(phrases: list[str]) -> str:
    """Phrases (lower case) as a case-sensitive pattern for lower-cased text, grouped by first character.

    Every alternative starts with a literal, so the regular-expression engine skips ahead to the
    characters that can start a phrase; the left word-edge guard is a look-behind after that
    character. Under re.IGNORECASE, or with the guard first, it would try every position.
    """
    by_first: dict[str, list[str]] = {}
    for p in sorted({p.lower() for p in phrases if p}, key=len, reverse=True):
        rest = re.escape(p[1:]).replace(r"\ ", r"\s+") + (r"(?!\w)" if p[-1].isalnum() else "")
        by_first.setdefault(p[0], []).append(rest)
    parts = []
    for first, rests in by_first.items():
        guard = r"(?<!\w.)" if first.isalnum() else ""
        parts.append(re.escape(first) + guard + "(?:" + "|".join(rests) + ")")
    return "|".join(parts)
