"""Shared machinery of the rules that find text about the document instead of content (notes, prompts).

A rule lists features: expressions tried at the start of each sentence (``at_start``: labels such as
"Image suggestion:" or "Certainly!") and expressions searched anywhere in a block (``anywhere``: "[IMAGE:
...]", "INSERT LINK"), the latter only in blocks holding one of their gate texts. A match inside quotes,
or named as a word ("phrases like ..."), is a mention, not a use, and stays quiet.
"""

from __future__ import annotations

import re

from artlint.matching import LazyPattern, gate_of
from artlint.rule import Rule
from artlint.rules._claims import PREPARED, _shared

PROSE = frozenset(("paragraph", "list_item", "quote", "table_row", "heading"))
# a word named rather than used: "phrases like", "the word", "write ... next to"
MENTION_BEFORE_RE = re.compile(
    r"(?:\b(?:phrase|phrases|word|words|term|terms|line|lines|sentence|sentences|label|labels|like|such as|called|"
    r"says|saying|reads|marked|mark|write|writes|type|typing|from|replace)\b|[\"“‘'`])\W*$",
    re.I,
)
QUOTED_AFTER_RE = re.compile(r"^[\"”’'`]")


def mentioned(text: str, start: int, end: int) -> bool:
    """Whether the span is named rather than used: in quotes, or after "phrases like", "the word"..."""
    before = text[max(0, start - 40) : start]
    if MENTION_BEFORE_RE.search(before):
        return True
    return bool(QUOTED_AFTER_RE.match(text[end : end + 1])) and before.rstrip()[-1:] in "\"“‘'`"


class NoteRule(Rule):
    """Flags sentences opening with an ``at_start`` feature, or holding an ``anywhere`` one."""

    at_start: dict[str, str] = {}  # name -> expression matched at a sentence's start
    anywhere: dict[str, tuple[tuple[str, ...], str]] = {}  # name -> (gate texts, expression searched in the block)
    labels: dict[str, str] = {}
    flags = re.I
    what = "Note"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        PREPARED.register(cls)

    @classmethod
    def prepare(cls) -> None:
        """Compile the features and read their gates, once, at the first document."""
        if "_features" in cls.__dict__:
            return
        # (name, at start?, pattern, gate read off the pattern: see matching.triggers); a sentence starts
        # at a word boundary, so "\\b" lets the gate of an opening pattern use its first words as whole words
        cls._features = [
            *((n, True, LazyPattern(p, cls.flags), gate_of("\\b" + p, cls.flags)) for n, p in cls.at_start.items()),
            *((n, False, LazyPattern(p, cls.flags), gate_of(p, cls.flags)) for n, (_, p) in cls.anywhere.items()),
        ]
        PREPARED.add_words(f[3][0] for f in cls._features if f[3] is not None)

    def check(self, doc):
        self.prepare()
        shared = _shared(doc)
        found = {}
        for name, at_start, lazy, gate in self._features:
            for b in shared.holding(gate, doc.lower):
                if b.kind not in PROSE:
                    continue
                pattern = lazy.get()
                text = b.text
                if at_start:
                    for s in b.sentences:
                        lead = len(s.text) - len(s.text.lstrip(" *_-#>•–—\t[{("))
                        m = pattern.match(text, s.start + lead, s.end)
                        if m and (b.index, s.start) not in found and self.accept(name, m, b, s, doc):
                            found[(b.index, s.start)] = self._hit(name, m, b, s)
                    continue
                for m in pattern.finditer(text):
                    s = next((s for s in b.sentences if s.start <= m.start() < s.end), None)
                    if s is None or (b.index, s.start) in found or mentioned(text, m.start(), m.end()):
                        continue
                    if self.accept(name, m, b, s, doc):
                        found[(b.index, s.start)] = self._hit(name, m, b, s)
        for key in sorted(found):
            yield found[key]

    def warm(self) -> None:
        self.prepare()
        for _name, _at_start, lazy, _gate in self._features:
            lazy.get()

    def _hit(self, name, m, b, s):
        found = m.group().strip()
        label = self.labels.get(name, self.what)
        return self.hit(f"{label}: '{found[:70]}'. {self.advice}", b, s.start, s.end)

    advice = "Remove it or write the content it stands for."

    def accept(self, name, m, block, sentence, doc) -> bool:
        return True
