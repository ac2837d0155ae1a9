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

import bisect
import re

from artlint.rule import Rule, lower_case_twin
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


def alternation(features: dict[str, str]) -> str:
    """One pattern, a numbered group per feature (names would not survive lower_case_twin's "(?P")."""
    return "|".join(f"({source})" for source in features.values())


class ClaimRule(Rule):
    """Flags sentences matching one of ``features`` unless an attribution stands next to them."""

    features: dict[str, str] = {}  # name -> expression (case-insensitive); every match is a candidate claim
    labels: dict[str, str] = {}  # name -> what the message calls it
    what: str = "Claim"
    attribution_source_re = SOURCE_RE
    attribution_named = True  # a named person or body with a reporting verb clears the claim

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.features:
            cls.pattern = re.compile(alternation(cls.features), re.I)
            cls._lower_pattern = lower_case_twin(cls.pattern)
            cls._feature_names = (None, *cls.features)

    def candidate_blocks(self, doc):
        """Blocks where the pattern matches: one scan of the document's lower-cased text (blocks joined by
        newlines; no feature spans a newline), so the pattern is its own prefilter."""
        if self._lower_pattern is not None:
            lower, twin = doc.lower, self._lower_pattern
        else:  # a case-sensitive feature: scan the text as written
            lower, twin = doc.text, self.pattern
        m = twin.search(lower)
        if m is None:
            return
        starts, pos = [], 0
        for b in doc.blocks:
            starts.append(pos)
            pos += (len(b.lower) if twin is self._lower_pattern else len(b.text)) + 1
        seen = -1
        while m is not None:
            k = bisect.bisect_right(starts, m.start()) - 1
            if k > seen:
                seen = k
                yield doc.blocks[k]
            nxt = starts[k + 1] if k + 1 < len(starts) else len(lower)
            m = twin.search(lower, nxt)

    def check(self, doc):
        attribution = None
        for b in self.candidate_blocks(doc):
            if b.kind not in ("paragraph", "list_item", "quote", "table_row"):
                continue
            if self._lower_pattern is not None and len(b.lower) == len(b.text):
                pattern, text = self._lower_pattern, b.lower  # same spans, found faster
            else:
                pattern, text = self.pattern, b.text
            for k, s in enumerate(b.sentences):
                for m in pattern.finditer(text, s.start, s.end):
                    if not self.accept(m, b.text, s, doc, b):
                        continue
                    if attribution is None:
                        attribution = Attribution(doc, self.attribution_source_re, self.attribution_named)
                    if attribution.near(b, k):
                        break
                    found = b.text[m.start() : m.end()].strip()
                    label = self.labels.get(self.feature(m), self.what)
                    yield self.hit(f"{label} with no source: '{found[:70]}'. Name the source or link to it.", b, s.start, s.end)
                    break

    def feature(self, match: re.Match) -> str:
        """The name of the feature ``match`` comes from."""
        return self._feature_names[match.lastindex]

    def accept(self, match: re.Match, text: str, sentence, doc=None, block=None) -> bool:
        """Whether ``match`` (positions in the block's ``text``) inside ``sentence`` is a claim."""
        return True


def words_before(text: str, start: int, sentence_start: int, n: int = 4) -> str:
    """The last ``n`` words before ``start`` in the sentence."""
    return " ".join(text[sentence_start:start].split()[-n:])


def negated(match: re.Match, text: str, sentence) -> bool:
    """A negation or a warning among the few words before the match ("not a magic cure", "no guarantee")."""
    return bool(NEGATION_RE.search(words_before(text, match.start(), sentence.start, 4)))
