"""Shared machinery of the unsupported-claim rules: claim features, cleared by an attribution nearby.

A rule lists its *features*, each a named expression for one form of claim (a share of a population,
a rating, a superlative with a scope, ...). The features are joined into one pattern; that pattern is
also the prefilter (one scan of the document's lower-cased text picks the blocks to look at), so a new
feature can never be skipped by a trigger list someone forgot to extend. A match is a claim when the
rule's :meth:`ClaimRule.accept` keeps it (negation, hedging, the writer's own figures, prices...) and
no attribution (a link, a footnote, "(Source, 2023)", a named organisation or person with a reporting
verb) stands in its sentence or the sentences right before and after it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from artlint import text as textutil
from artlint.rule import Prefilter, Rule, lower_case_twin
from artlint.rules._shared import SOURCE_RE

# A named person or organisation with a reporting verb ("Dr Ana Ruiz, who ..., says", "the NHS recommends",
# "says Jane Doe"): two capitalised words in a row or an acronym, so a capital at the start of a sentence
# is not taken for a name.
NAMED_REPORT_RE = re.compile(
    r"(?:\b[A-Z][\w&.'’-]+(?: (?:of |for |and |de |van )?[A-Z][\w&.'’-]+)+|\b[A-Z]{2,}[a-z]?s?\b)"
    r"(?:'s|’s)?,?(?: [\w,'’-]+){0,8}? (?:says|said|told|tells|reports?|reported|found|finds|estimates?|estimated|notes?|noted|"
    r"writes?|wrote|explains?|explained|recommends?|recommended|advises?|advised|warns?|warned|publishe[sd]|"
    r"measured|calculated|surveyed|rates?|rated|ranks?|ranked|concluded|shows?|showed)\b"
    r"|\b(?:says|said|according to|writes|wrote|explains|notes|told) (?:the )?(?:Dr\.? |Prof\.? )?[A-Z][\w&.'’-]+"
)
# A line that names the source of a table ("Source: ONS, 2024").
TABLE_SOURCE_RE = re.compile(r"^\W*(?:sources?|data|figures)\s*:", re.I)
# What sources a testimonial: a link, a footnote, a citation, or where the words were published.
TESTIMONIAL_SOURCE_RE = re.compile(
    r"https?://|www\.|\[\d+\]|\^\d+|[¹²³⁴⁵⁶⁷⁸⁹]|\(\s*(?:source|via)\b|\bsource:\s|\((?-i:[A-Z])[\w&.' -]+,? (?:19|20)\d\d\)|"
    r"\b(?:interview(?:ed)? (?:with|by|in)|published (?:in|by|on)|reported (?:in|by)|quoted in|case study (?:by|from|published)|"
    r"review (?:on|in)|wrote in|writing in) (?:a |an |the )?(?:\d{4} )?(?-i:[A-Z])",
    re.I,
)
# Link markup in the source: the end of a link's text ("[text](", "text</a>").
_LINK_END_RE = re.compile(r"\]\(|\]\[|</a\s*>", re.I)
# Words that negate or soften what follows ("not a magic cure", "no guarantee", "rarely fails").
NEGATION_RE = re.compile(
    r"\b(?:not|no|never|nothing|neither|nor|without|isn't|aren't|wasn't|won't|don't|doesn't|can't|cannot|hardly|rarely|"
    r"nobody|none|myth|myths|false|falsely|claim|claims|claimed|promise|promises|beware|wary|avoid)\b|n't\b",
    re.I,
)
HEDGE_RE = re.compile(
    r"\b(?:may|might|could|can|perhaps|possibly|probably|likely|often|usually|typically|generally|sometimes|tend|tends|"
    r"almost|nearly|arguably|one of|some of|among)\b",
    re.I,
)
# The writer's own work ("we measured", "our tests", "in my kitchen"): first-person figures are not claims about the world.
OWN_RE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|I|[Mm]y|[Oo]urselves)\b")


def link_ends(doc, block) -> list[int] | None:
    """Positions in ``block.text`` where a link's text ends; None when the block links but the
    markup cannot be placed (then the whole block counts as linked)."""
    if not block.links:
        return []
    src = doc.source[block.start : block.end]
    ends = []
    for m in _LINK_END_RE.finditer(src):
        o = block.start + m.start()
        pos = None
        for seg in block.segments:
            if seg.src_start + seg.length <= o:
                pos = seg.text_start + seg.length
            else:
                break
        if pos is not None:
            ends.append(pos)
    return ends or None


class Attribution:
    """Which sentences of a document have a source (computed lazily, per block)."""

    def __init__(self, doc, source_re=SOURCE_RE, named=True):
        self.doc = doc
        self.source_re = source_re
        self.named = named
        self._blocks: dict[int, list[bool]] = {}

    def sentences(self, block) -> list[bool]:
        flags = self._blocks.get(block.index)
        if flags is None:
            ends = link_ends(self.doc, block)
            flags = []
            for s in block.sentences:
                sourced = ends is None or any(s.start < e <= s.end for e in ends)
                sourced = sourced or bool(self.source_re.search(s.text))
                sourced = sourced or (self.named and bool(NAMED_REPORT_RE.search(s.text)))
                flags.append(sourced)
            self._blocks[block.index] = flags
        return flags

    def near(self, block, k: int) -> bool:
        """A source in sentence ``k`` of ``block``, the sentence before or after it, a lead-in ending in ':'
        right before the block, or a source line of the block's table."""
        flags = self.sentences(block)
        if any(flags[max(0, k - 1) : k + 2]):
            return True
        blocks = self.doc.blocks
        if k == 0 and block.index > 0:
            prev = blocks[block.index - 1]
            if prev.kind != "heading" and prev.text.rstrip().endswith(":") and any(self.sentences(prev)[-1:]):
                return True
        if block.kind == "table_row":
            rows = [b for b in blocks if b.table == block.table and b.kind == "table_row"]
            after = rows[-1].index + 1
            around = [*rows, *blocks[after : after + 1], *blocks[max(0, rows[0].index - 1) : rows[0].index]]
            return any(TABLE_SOURCE_RE.match(b.text) or any(self.sentences(b)) for b in around if b is not block)
        return False


class Variant:
    """One top-level alternative of a feature: its gate (texts every match holds, read off the pattern by
    :func:`derived_triggers`) and its pattern without a leading \\b (checked by the caller, so the engine can
    skip ahead to the pattern's first characters), compiled at first use, with its lower-case twin."""

    __slots__ = ("name", "gate", "source", "flags", "bounded", "_slow", "_fast")

    def __init__(self, name: str, alternative: str, flags: int):
        self.name, self.flags = name, flags
        self.bounded = alternative.startswith("\\b")
        self.source = alternative[2:] if self.bounded else alternative
        found = derived_triggers(alternative, flags)
        self.gate = None if found is None else split_triggers(found)
        self._slow = self._fast = None

    def pattern_for(self, block) -> tuple[re.Pattern, str]:
        """The pattern to search ``block`` with, and the text to search (lower-cased when the twin applies)."""
        if self._slow is None:
            self._slow = re.compile(self.source, self.flags)
            self._fast = lower_case_twin(self._slow)
        if self._fast is not None and len(block.lower) == len(block.text):
            return self._fast, block.lower
        return self._slow, block.text


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


class _Prepared:
    """The claim and note rule classes, and the gate words of all of them (one word index per document)."""

    def __init__(self):
        self.classes: list = []
        self.words: frozenset[str] = frozenset()
        self.ready = False

    def register(self, cls) -> None:
        self.classes.append(cls)
        self.ready = False

    def add_words(self, sets) -> None:
        self.words = self.words.union(*sets)

    def ensure(self) -> None:
        if not self.ready:
            for cls in list(self.classes):
                cls.prepare()
            self.ready = True


PREPARED = _Prepared()


class _EmptyBlock:
    text = lower = ""


_EMPTY_BLOCK = _EmptyBlock()  # what Variant.pattern_for needs to compile both its patterns


class _Shared:
    """What every claim rule needs of a document, found once (kept on the document, like its cached views)."""

    __slots__ = ("prose", "index", "seen", "_digit_blocks")

    def __init__(self, doc):
        self.prose = [b for b in doc.blocks if b.kind in NOTE_KINDS]  # claim rules skip the headings
        self.seen: dict[str, list] = {}  # trigger text -> prose blocks holding it
        PREPARED.ensure()
        words = PREPARED.words & doc.alnum_runs
        self.index: dict[str, list] = {}  # gate word -> prose blocks holding it
        if words:
            for b in self.prose:
                for w in b.alnum_runs & words:
                    self.index.setdefault(w, []).append(b)
        self._digit_blocks = None

    def text_blocks(self, t: str, lower: str) -> list:
        """Prose blocks holding trigger text ``t``."""
        blocks = self.seen.get(t)
        if blocks is None:
            blocks = self.seen[t] = [b for b in self.prose if t in b.lower] if t in lower else []
        return blocks

    @property
    def digit_blocks(self):
        if self._digit_blocks is None:
            self._digit_blocks = [b for b in self.prose if textutil.has_digit(b.lower)]
        return self._digit_blocks


def _shared(doc) -> _Shared:
    shared = doc.__dict__.get("_claims")
    if shared is None:
        shared = doc.__dict__["_claims"] = _Shared(doc)
    return shared


PROSE = frozenset(("paragraph", "list_item", "quote", "table_row"))
NOTE_KINDS = PROSE | {"heading"}


class Span:
    """A match's place in its block's text (what :meth:`ClaimRule.accept` reads of it)."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int):
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def alternation(features: dict[str, str]) -> str:
    """One pattern, a numbered group per feature (names would not survive lower_case_twin's "(?P")."""
    return "|".join(f"({source})" for source in features.values())


class ClaimRule(Rule):
    """Flags sentences matching one of ``features`` unless an attribution stands next to them."""

    features: dict[str, str] = {}  # name -> expression (case-insensitive); every match is a candidate claim
    labels: dict[str, str] = {}  # name -> what the message calls it
    what: str = "Claim"
    triggers: tuple[str, ...] = ()  # derived from ``features`` (never written by hand)
    flags = re.I  # features are case-insensitive unless a rule says otherwise
    attribution_source_re = SOURCE_RE
    attribution_named = True  # a named person or body with a reporting verb clears the claim

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.features:
            PREPARED.register(cls)

    @classmethod
    def prepare(cls) -> None:
        """Compile the features and read their gates (once per class, at the first document: not at import,
        so `artlint rules` and `explain` start fast)."""
        if "_variants" in cls.__dict__:
            return
        found = [derived_triggers(source, cls.flags) for source in cls.features.values()]
        cls.triggers = () if None in found else tuple(sorted({t for f in found for t in f}))
        cls._prefilter = Prefilter(
            words=[t[1:] for t in cls.triggers if t[0] == "="],
            substrings=[t for t in cls.triggers if t != DIGIT and t[0] != "="],
            patterns=[DIGIT] if DIGIT in cls.triggers else (),
        )
        cls._variants = [v for name, source in cls.features.items() for v in compile_feature(name, source, cls.flags)]
        PREPARED.add_words(v.gate[0] for v in cls._variants if v.gate is not None)

    def warm(self) -> None:
        self.prepare()
        for v in self._variants:
            v.pattern_for(_EMPTY_BLOCK)

    @classmethod
    def combined(cls) -> tuple[re.Pattern, re.Pattern | None]:
        """All features as one pattern and its lower-case twin (for tests and documentation)."""
        pattern = re.compile(alternation(cls.features), cls.flags)
        return pattern, lower_case_twin(pattern)

    def spans(self, doc):
        """(block, feature, start, end) of every match in prose blocks, in document order. A pattern is
        tried only on the blocks holding its gate (a whole word, or a text such as '%', read off the
        pattern), and only when the document holds it: set lookups for most patterns of most documents."""
        shared = _shared(doc)
        prose, index = shared.prose, shared.index
        found = []
        for v in self._variants:
            gate = v.gate
            if gate is None:
                blocks = prose
            else:
                words, texts, digit = gate
                picked: dict[int, object] = {}
                for w in words:
                    for b in index.get(w, ()):
                        picked[b.index] = b
                for t in texts:
                    for b in shared.text_blocks(t, doc.lower):
                        picked[b.index] = b
                if digit:
                    for b in shared.digit_blocks:
                        picked[b.index] = b
                if not picked:
                    continue
                blocks = picked.values()
            bounded, name = v.bounded, v.name
            for b in blocks:
                if b.kind == "heading":
                    continue
                pattern, text = v.pattern_for(b)
                for m in pattern.finditer(text):
                    i = m.start()
                    if bounded and i and text[i - 1].isalnum():
                        continue  # the \\b the pattern leaves out
                    found.append((b.index, i, m.end(), name))
        for k, start, end, name in sorted(found):
            yield doc.blocks[k], name, start, end

    def check(self, doc):
        self.prepare()
        attribution = None
        done = set()
        for b, name, start, end in self.spans(doc):
            sentences = b.sentences
            k = next((j for j, s in enumerate(sentences) if s.start <= start < s.end), None)
            if k is None or (b.index, k) in done:
                continue
            s = sentences[k]
            if end > s.end or not self.accept(Span(start, end), b.text, s, doc, b, name):
                continue
            done.add((b.index, k))
            if attribution is None:
                attribution = Attribution(doc, self.attribution_source_re, self.attribution_named)
            if not attribution.near(b, k):
                label = self.labels.get(name, self.what)
                found = b.text[start:end].strip()
                yield self.hit(f"{label} with no source: '{found[:70]}'. Name the source or link to it.", b, s.start, s.end)

    def accept(self, match: re.Match, text: str, sentence, doc=None, block=None, feature=None) -> bool:
        """Whether ``match`` (positions in the block's ``text``) inside ``sentence`` is a claim."""
        return True


def words_before(text: str, start: int, sentence_start: int, n: int = 4) -> str:
    """The last ``n`` words before ``start`` in the sentence."""
    return " ".join(text[sentence_start:start].split()[-n:])


def negated(match: re.Match, text: str, sentence) -> bool:
    """A negation or a warning among the few words before the match ("not a magic cure", "no guarantee")."""
    return bool(NEGATION_RE.search(words_before(text, match.start(), sentence.start, 4)))


# ----- triggers derived from a pattern -----------------------------------------------------------
# A cheap prefilter needs, for every match, a literal text it must contain. Rather than a hand-written
# list that a new alternative can outgrow, the list is read off the pattern's parse tree: the literal
# runs every match of a sequence must contain, and for an alternation the union of its branches'.

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
    from re import _constants as c

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
    from re import _constants as c

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
    from re import _constants as c

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
    """:func:`derived_triggers`, worked out from the parsed pattern."""
    from re import _parser

    found = _required(_parser.parse(source, flags))
    return tuple(sorted(found)) if found else None


@cache
def _triggers_table() -> dict[str, list[str] | None]:
    try:
        return json.loads(resources.files("artlint.data").joinpath(TRIGGERS_TABLE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def split_triggers(triggers) -> tuple[frozenset[str], tuple[str, ...], bool]:
    """Triggers as (whole words, substrings, needs a digit), for :func:`holds`."""
    words = frozenset(t[1:] for t in triggers if t[0] == "=")
    texts = tuple(t for t in triggers if t[0] != "=" and t != DIGIT)
    return words, texts, DIGIT in triggers


def holds(block, trigger) -> bool:
    """Whether ``block`` (or a document) holds one of the triggers of :func:`split_triggers`: a word among
    its words, a text in its lower-cased text, a digit."""
    words, texts, digit = trigger
    if words and not words.isdisjoint(block.alnum_runs):
        return True
    text = block.lower
    for t in texts:
        if t in text:
            return True
    return digit and DIGIT_RE.search(text) is not None


QUOTE_MARKS = '"“”'
SPEAKER_RE = re.compile(r"\b(?:says|said|told|tells|explains|explained|adds|added|writes|wrote|insists|recalls)\b")


def quoted_speaker(match, text: str, sentence) -> bool:
    """Whether the match stands inside quotation marks in a sentence that names who said it
    ('"Our glaze is the best in the world," says potter Jane Smith'): a person's words about their own work."""
    inside = sum(text.count(q, sentence.start, match.start()) for q in QUOTE_MARKS) % 2 == 1
    return inside and bool(SPEAKER_RE.search(sentence.text))
