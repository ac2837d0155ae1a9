"""Shared machinery of the unsupported-claim rules: a pattern, cleared by a source nearby."""

from __future__ import annotations

import re

from artlint.rule import Prefilter, Rule
from artlint.rules._shared import has_source


class ClaimRule(Rule):
    """Flags sentences matching ``pattern`` unless the sentence or its paragraph cites a source."""

    pattern: re.Pattern
    what: str = "Claim"
    triggers: tuple[str, ...] = ()  # lower-case substrings, one of which every match contains (a cheap prefilter)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._prefilter = Prefilter(substrings=cls.triggers)

    def check(self, doc):
        for b in doc.blocks:
            if b.kind not in ("paragraph", "list_item", "quote", "table_row"):
                continue
            if self._prefilter and not self._prefilter.passes(b):
                continue
            if not self.pattern.search(b.text):
                continue
            hits = [(s, m) for s in b.sentences for m in [self.pattern.search(s.text)] if m and self.accept(m, s.text)]
            if not hits or has_source(b):
                continue
            for s, m in hits:
                yield self.hit(f"{self.what} with no source: '{m.group().strip()[:70]}'. Name the source or link to it.", b, s.start, s.end)

    def accept(self, match: re.Match, sentence: str) -> bool:
        return True
