"""Triggers read off a pattern: texts one of which every match holds, so a block without any is not searched.

A cheap prefilter needs, for every match, a literal text it must contain. Rather than a hand-written
list that a new alternative can outgrow, the list is read off the pattern's parse tree: the literal
runs every match of a sequence must contain, and for an alternation the union of its branches'. A
trigger is a whole word ("=word", looked up among a block's words), a text (searched in the lower-cased
block) or :data:`DIGIT` (some digit). A claim feature is tried as :class:`Variant` s, each with its own
triggers, and a document's blocks are found by trigger through one :class:`BlockIndex`. Deriving the
triggers of the ~300 patterns of the claim and note rules at every start cost 0.15-0.3 s, so they are read
from a table that ``scripts/build_triggers.py`` writes.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from artlint import text as textutil
from artlint.matching import regex_syntax
from artlint.matching.patterns import LazyPattern
from artlint.matching.regex_syntax import OP

DIGIT = "\\d"  # the trigger "some digit" (a character class every match needs), tested with DIGIT_RE
DIGIT_RE = re.compile(r"\d")
_RANK_OF_UNKNOWN = 12000  # a word outside the ~12,000 most frequent
_RANK_OF_SYMBOL = 5000  # "%", "#", "$", "/": rare in prose
_RANK_OF_PUNCTUATION = 20  # ".", ",", "'", "(": in nearly every block
_RANK_OF_DIGIT = 10  # some digit: in most documents and many blocks


def _rank(t: str) -> int:
    """How rare a trigger is, as the frequency rank of its rarest part (higher is rarer, so more selective).
    Read when a rule is prepared, at the first document (other rules load the same word list)."""
    from artlint.text import common_rank

    if t == DIGIT:
        return _RANK_OF_DIGIT
    ranks = common_rank()
    if t[0] == "=":
        return ranks.get(t[1:], _RANK_OF_UNKNOWN) + 1
    best = 1
    for w in re.findall(r"[a-z]+", t):
        best = max(best, ranks.get(w, _RANK_OF_UNKNOWN) + 1 if len(w) > 4 else 1)  # "ha", "est": parts of many words
    if re.search(r"\d", t):
        best = max(best, _RANK_OF_DIGIT)
    symbols = re.sub(r"[a-z\d\s]", "", t)
    if symbols:
        best = max(best, _RANK_OF_SYMBOL if re.search(r"[^.,;:'’()\-]", symbols) else _RANK_OF_PUNCTUATION)
    return best


def _cost(options: frozenset[str]) -> float:
    """Expected share of blocks a trigger set lets through (Zipf: a word of rank r is about 1/r of words);
    a substring costs a scan, a whole word only a set lookup."""
    return sum(1 / _rank(t) + (0 if t.startswith("=") else 0.002) for t in options)


def _edge(item, side: int = 0) -> bool:
    """Whether ``item`` next to a letter guarantees a word boundary there (a space, a \\b, a class of
    punctuation); ``side`` 0 looks at the item's first character, -1 at its last."""
    c = OP
    op, arg = item
    if op is c.LITERAL:
        return not chr(arg).isalnum()
    if op is c.AT:
        return arg is c.AT_BOUNDARY
    if op is c.IN:
        return all((o is c.LITERAL and not chr(v).isalnum()) or (o is c.CATEGORY and v is c.CATEGORY_SPACE) for o, v in arg)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
        return bool(arg[2]) and _edge(arg[2][side], side)
    if op is c.SUBPATTERN:
        sub = arg[-1]
        return bool(sub) and _edge(sub[side], side)
    if op is c.BRANCH:
        return all(b and _edge(b[side], side) for b in arg[1])
    return False


def _run_option(text: str, left: bool, right: bool) -> str:
    """A literal run as a trigger: its rarest whole word ("=word", looked up among a block's words) when
    the run's edges are word boundaries, else the run itself (a substring)."""
    words = []
    for m in re.finditer(r"[a-z]+", text):
        whole_left = m.start() > 0 or left
        whole_right = m.end() < len(text) or right
        if whole_left and whole_right and len(m.group()) > 1:
            words.append(m.group())
    if words:
        return "=" + max(words, key=lambda w: _rank("=" + w))
    return text


def _required(items, left: bool = False, right: bool = False) -> frozenset[str] | None:
    """Triggers one of which every match of the parsed sequence ``items`` contains (None: nothing required).
    ``left``/``right``: whether the sequence is bounded by a word boundary on that side."""
    c = OP
    options: list[frozenset[str]] = []
    run: list[str] = []
    run_left = left

    def close(right_edge: bool):
        if run:
            text = "".join(run)
            if text.strip():
                options.append(frozenset([_run_option(text, run_left, right_edge)]))
            run.clear()

    n = len(items)
    for i, (op, arg) in enumerate(items):
        before = _edge(items[i - 1], -1) if i else left
        after = _edge(items[i + 1], 0) if i + 1 < n else right
        if op is c.LITERAL:
            if not run:
                run_left = before
            run.append(chr(arg).lower())
            continue
        close(_edge((op, arg), 0))
        if op is c.SUBPATTERN:
            sub = _required(arg[-1], before, after)
        elif op is c.BRANCH:
            subs = [_required(branch, before, after) for branch in arg[1]]
            sub = None if any(s is None for s in subs) else frozenset().union(*subs)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
            once = arg[1] == 1
            sub = _required(arg[2], before and once, after and once)
        elif op is c.IN:
            sub = _class(arg)
        else:
            sub = None
        if sub:
            options.append(sub)
    close(right)
    if not options:
        return None
    return min(options, key=_cost)


def _class(arg) -> frozenset[str] | None:
    """A character class as triggers: its literal characters, or "some digit" for \\d."""
    c = OP
    if all(op is c.LITERAL for op, _ in arg):
        return frozenset(chr(v).lower() for _, v in arg)
    if len(arg) == 1 and arg[0] == (c.CATEGORY, c.CATEGORY_DIGIT):
        return frozenset([DIGIT])
    return None


TRIGGERS_TABLE = "derived_triggers.json"
ASKED: set[tuple[str, int]] = set()  # (pattern, flags) whose triggers this process asked for: what the table must hold


def derived_triggers(source: str, flags: int = re.I) -> tuple[str, ...] | None:
    """Lower-case texts one of which every match of ``source`` contains, or None if there is no such set.

    Read from the table that ``scripts/build_triggers.py`` writes (parsing the ~300 patterns of the claim and
    note rules took 0.15-0.3 s at every start); a pattern missing from it (a rule edited, a plugin's rule) is
    derived here, so a stale table costs time, never findings. tests/test_triggers_table.py keeps it current.
    """
    ASKED.add((source, int(flags)))
    table = _triggers_table()
    key = f"{int(flags)}:{source}"
    if key in table:
        found = table[key]
        return None if found is None else tuple(found)
    return derive_triggers(source, flags)


def derive_triggers(source: str, flags: int = re.I) -> tuple[str, ...] | None:
    """:func:`derived_triggers`, worked out from the parsed pattern (None as well when Python's parser is not
    available: :mod:`~artlint.matching.regex_syntax`; the pattern is then tried on every block)."""
    tree = regex_syntax.parse(source, flags)
    found = None if tree is None else _required(tree)
    return tuple(sorted(found)) if found else None


@cache
def _triggers_table() -> dict[str, list[str] | None]:
    try:
        return json.loads(resources.files("artlint.data").joinpath(TRIGGERS_TABLE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def split_triggers(triggers) -> tuple[frozenset[str], tuple[str, ...], bool]:
    """Triggers as (whole words, substrings, needs a digit): what a block is looked up by."""
    words = frozenset(t[1:] for t in triggers if t[0] == "=")
    texts = tuple(t for t in triggers if t[0] != "=" and t != DIGIT)
    return words, texts, DIGIT in triggers


def gate_of(source: str, flags: int = re.I) -> tuple[frozenset[str], tuple[str, ...], bool] | None:
    """The triggers of ``source`` split for look-ups (:func:`split_triggers`); None: try it on every block."""
    found = derived_triggers(source, flags)
    return None if found is None else split_triggers(found)


class GateWords:
    """The rule classes of one family (claim and note rules) and the gate words of all of them, gathered as each
    class prepares at the first document: one word index per document then serves every rule of the family."""

    def __init__(self):
        self.classes: list = []
        self.words: frozenset[str] = frozenset()
        self.ready = False

    def register(self, cls) -> None:
        """``cls.prepare()`` is called before the first index is built."""
        self.classes.append(cls)
        self.ready = False

    def add_words(self, sets) -> None:
        self.words = self.words.union(*sets)

    def ensure(self) -> None:
        if not self.ready:
            for cls in list(self.classes):
                cls.prepare()
            self.ready = True


class BlockIndex:
    """A document's blocks of some kinds, looked up by trigger: by gate word (a dictionary built once), by
    text (searched once per text) and by "some digit"."""

    __slots__ = ("blocks", "index", "seen", "_digit_blocks")

    def __init__(self, doc, kinds, gate_words: GateWords):
        self.blocks = [b for b in doc.blocks if b.kind in kinds]
        self.seen: dict[str, list] = {}  # trigger text -> blocks holding it
        gate_words.ensure()
        words = gate_words.words & doc.alnum_runs
        self.index: dict[str, list] = {}  # gate word -> blocks holding it
        if words:
            for b in self.blocks:
                for w in b.alnum_runs & words:
                    self.index.setdefault(w, []).append(b)
        self._digit_blocks = None

    def text_blocks(self, t: str, lower: str) -> list:
        """Blocks holding trigger text ``t`` (``lower``: the document's lower-cased text)."""
        blocks = self.seen.get(t)
        if blocks is None:
            blocks = self.seen[t] = [b for b in self.blocks if t in b.lower] if t in lower else []
        return blocks

    @property
    def digit_blocks(self):
        if self._digit_blocks is None:
            self._digit_blocks = [b for b in self.blocks if textutil.has_digit(b.lower)]
        return self._digit_blocks

    def holding(self, gate, lower: str):
        """The blocks holding one of ``gate``'s triggers (:func:`gate_of`; all blocks when the pattern has no gate);
        ``lower``: the document's lower-cased text."""
        if gate is None:
            return self.blocks
        words, texts, digit = gate
        picked: dict[int, object] = {}
        for w in words:
            for b in self.index.get(w, ()):
                picked[b.index] = b
        for t in texts:
            for b in self.text_blocks(t, lower):
                picked[b.index] = b
        if digit:
            for b in self.digit_blocks:
                picked[b.index] = b
        return picked.values()


def block_index(doc, key: str, kinds, gate_words: GateWords) -> BlockIndex:
    """The document's :class:`BlockIndex` for one family of rules, built at its first use and kept on the document."""
    found = doc.__dict__.get(key)
    if found is None:
        found = doc.__dict__[key] = BlockIndex(doc, kinds, gate_words)
    return found


# ----- features as variants the engine scans quickly --------------------------------------------------
# Python's engine skips ahead to a pattern's first character only when the pattern opens with a literal;
# one that opens with a group of alternatives, or under a ``\b``, is tried at nearly every position. So a
# feature is cut at its top-level ``|``, a leading group of alternatives is spread over the rest
# ("(?:always|never) fails" as "always fails" and "never fails"), and a leading ``\b`` is left to the caller.


class Variant:
    """One top-level alternative of a feature: its gate (:func:`gate_of`) and its
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
