"""Shared machinery of the unsupported-claim rules: a pattern, cleared by a source nearby."""

from __future__ import annotations

import re

from artlint.rule import Prefilter, Rule, lower_case_twin
from artlint.rules._shared import has_source


class ClaimRule(Rule):
    """Flags sentences matching ``pattern`` unless the sentence or its paragraph cites a source."""

    pattern: re.Pattern
    what: str = "Claim"
    triggers: tuple[str, ...] = ()  # lower-case substrings, one of which every match contains (a cheap prefilter)
    trigger_words: frozenset[str] = frozenset()  # or lower-case runs of letters and digits, as whole runs
    trigger_patterns: tuple[str, ...] = ()  # or expressions found in the lower-cased text

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._prefilter = Prefilter(substrings=cls.triggers, words=cls.trigger_words, patterns=cls.trigger_patterns)
        cls._lower_pattern = lower_case_twin(cls.pattern) if hasattr(cls, "pattern") else None

    def check(self, doc):
        prefilter = self._prefilter.narrowed_to(doc) if self._prefilter else None
        if prefilter is None and self._prefilter:
            return
        for b in doc.blocks:
            if b.kind not in ("paragraph", "list_item", "quote", "table_row"):
                continue
            if prefilter is not None and not prefilter.passes(b):
                continue
            if self._lower_pattern is not None and len(b.lower) == len(b.text):
                pattern, text = self._lower_pattern, b.lower  # same spans, found faster
            else:
                pattern, text = self.pattern, b.text
            if not pattern.search(text):
                continue
            hits = [(s, m) for s in b.sentences for m in [pattern.search(text, s.start, s.end)] if m and self.accept(m, b.text, s)]
            if not hits or has_source(b):
                continue
            for s, m in hits:
                found = b.text[m.start() : m.end()].strip()
                yield self.hit(f"{self.what} with no source: '{found[:70]}'. Name the source or link to it.", b, s.start, s.end)

    def accept(self, match: re.Match, text: str, sentence) -> bool:
        """Whether ``match`` (positions in the block's ``text``) inside ``sentence`` is a claim."""
        return True
