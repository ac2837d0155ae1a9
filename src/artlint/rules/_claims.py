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

import re

from artlint.matching import DIGIT, BlockIndex, GateWords, Prefilter, block_index, compile_feature, derived_triggers, lower_case_twin
from artlint.rule import Rule
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


PREPARED = GateWords()  # the claim and note rule classes, and the gate words of all of them


def _shared(doc) -> BlockIndex:
    """The document's prose blocks (headings too: note rules read them) by the gate words of every claim and note
    rule, built once per document and kept on it, like its cached views."""
    return block_index(doc, "_claims", NOTE_KINDS, PREPARED)


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
            v.pattern.warm()

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
        lower = doc.lower
        found = []
        for v in self._variants:
            blocks = shared.holding(v.gate, lower)
            if not blocks:
                continue
            bounded, name, for_block = v.bounded, v.name, v.pattern.for_block
            for b in blocks:
                if b.kind == "heading":
                    continue
                pattern, text = for_block(b)
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


QUOTE_MARKS = '"“”'
SPEAKER_RE = re.compile(r"\b(?:says|said|told|tells|explains|explained|adds|added|writes|wrote|insists|recalls)\b")


def quoted_speaker(match, text: str, sentence) -> bool:
    """Whether the match stands inside quotation marks in a sentence that names who said it
    ('"Our glaze is the best in the world," says potter Jane Smith'): a person's words about their own work."""
    inside = sum(text.count(q, sentence.start, match.start()) for q in QUOTE_MARKS) % 2 == 1
    return inside and bool(SPEAKER_RE.search(sentence.text))
