"""The one document model every rule reads.

A parser turns a file into an immutable :class:`Document`: title, metadata and
ordered :class:`Block` objects (heading, paragraph, list item, table row,
quote, code). Each block keeps its prose ``text`` and a map from positions in
that text back to offsets in the source, so a finding anywhere in the prose
lands on the right line and column of the original file, whatever the format.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from artlint import text as textutil
from artlint.lazy import cached_property  # noqa: F401 - re-exported: rules import it from here

_EDGE = " \t-–—•*·|:;,.!?()[]\"'“”‘’"
PROSE_KINDS = frozenset({"paragraph", "list_item", "quote", "table_row"})


class Segment(NamedTuple):
    """A run of block text copied verbatim from the source (a tuple: cheap to make by the thousand)."""

    text_start: int
    src_start: int
    length: int


class Sentence(NamedTuple):
    """A sentence as a [start, end) slice of its block's text (a tuple: cheap to make by the thousand)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Block:
    """One unit of the article, with its place in the original file."""

    index: int
    kind: str  # heading | paragraph | list_item | table_row | quote | code
    text: str
    start: int  # source offset of the first character
    end: int  # source offset just past the last character
    segments: tuple[Segment, ...] = ()
    level: int = 0  # heading level (1-6); nesting depth for list items
    links: tuple[str, ...] = ()
    link_text_chars: int = 0  # characters of text inside links
    cells: tuple[str, ...] = ()  # table_row only
    table: int | None = None  # table_row only: which table
    header: bool = False  # table_row only: the header row
    section: int | None = None  # index of the heading this block sits under
    parent: int | None = None  # headings: index of the enclosing heading

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        if self.kind == "code":
            return ()
        text = self.text
        return tuple([Sentence(s, e, text[s:e]) for s, e in textutil.split_sentences(text)])

    @cached_property
    def trimmed(self) -> str:
        """The text without the bullets, dashes, punctuation and quotes around it (what a whole-line label is)."""
        return self.text.strip(_EDGE)

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        """The words of the text as written (none for code): found once, shared by every rule."""
        return () if self.kind == "code" else tuple(textutil.words(self.text))

    @cached_property
    def words(self) -> int:
        return len(self.tokens)

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def alnum_runs(self) -> frozenset[str]:
        """Lower-case runs of letters and digits ("don't" gives "don" and "t"): for quick "does it contain" tests."""
        norm = self.norm
        if "-" in norm or "'" in norm or "_" in norm:
            return frozenset(norm.replace("-", " ").replace("'", " ").replace("_", " ").split())
        return frozenset(self.norm_words)  # most blocks: every word is a run

    @cached_property
    def norm(self) -> str:
        """Lower-case words joined by single spaces: the form blocks are compared in."""
        return textutil.normalise_words(textutil.words(self.text) if self.kind == "code" else self.tokens)

    @cached_property
    def norm_words(self) -> tuple[str, ...]:
        """The words of :attr:`norm`."""
        return tuple(self.norm.split())

    @cached_property
    def _segment_starts(self) -> list[int]:
        return [s.text_start for s in self.segments]

    def source_offset(self, i: int) -> int:
        """Source offset of position ``i`` in :attr:`text`."""
        segs = self.segments
        if not segs:
            return self.start
        k = bisect.bisect_right(self._segment_starts, i) - 1
        if k < 0:
            return segs[0].src_start
        seg = segs[k]
        return seg.src_start + min(i - seg.text_start, seg.length)


@dataclass(frozen=True)
class Location:
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Document:
    """A parsed article. Rules read it; nothing writes to it."""

    path: str
    format: str  # text | markdown | html
    source: str  # decoded text, line endings normalised to "\n"
    blocks: tuple[Block, ...]
    title: str | None = None
    title_block: int | None = None  # index of the block holding the title, if any
    metadata: Mapping[str, object] = field(default_factory=dict)
    keyphrase: str | None = None
    keyphrase_source: str | None = None  # option | front-matter | inferred (pasted query lines); see also topic
    comments: tuple[tuple[int, str], ...] = ()  # (source offset, text) of HTML comments
    has_heading_levels: bool = True  # False for plain text, where levels are guessed

    # ----- positions -----------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.source)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        offset = max(0, min(offset, len(self.source)))
        starts = self._line_starts
        k = bisect.bisect_right(starts, offset) - 1
        return k + 1, offset - starts[k] + 1

    def locate(self, block: Block, start: int = 0, end: int | None = None) -> Location:
        """Location in the original file of ``block.text[start:end]``."""
        end = len(block.text) if end is None else end
        s = block.source_offset(start)
        e = block.source_offset(max(start, end - 1)) + 1 if end > start else s
        line, col = self.position(s)
        eline, ecol = self.position(e)
        return Location(line, col, eline, ecol)

    # ----- views ----------------------------------------------------------
    @cached_property
    def lower(self) -> str:
        """Every block's lower-cased text, one block per line (for quick "does it contain" tests)."""
        return "\n".join(b.lower for b in self.blocks)

    @cached_property
    def text(self) -> str:
        """Every block's text, one block per line (for quick "does it contain" tests)."""
        return "\n".join(b.text for b in self.blocks)

    @cached_property
    def alnum_runs(self) -> frozenset[str]:
        """Every block's :attr:`Block.alnum_runs`."""
        return frozenset().union(*(b.alnum_runs for b in self.blocks))

    @cached_property
    def headings(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "heading")

    @cached_property
    def short_blocks(self) -> tuple[Block, ...]:
        """Blocks of at most 400 characters: where page chrome (labels, buttons, prompts) can be."""
        return tuple(b for b in self.blocks if len(b.text) <= 400)

    @cached_property
    def prose(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.is_prose)

    @cached_property
    def body(self) -> tuple[Block, ...]:
        """Every block but the title and code."""
        return tuple(b for b in self.blocks if b.index != self.title_block and b.kind != "code")

    @cached_property
    def words(self) -> int:
        return sum(b.words for b in self.body)

    def iter_sentences(self, kinds=PROSE_KINDS) -> Iterator[tuple[Block, Sentence]]:
        for b in self.blocks:
            if b.kind in kinds:
                for s in b.sentences:
                    yield b, s

    @cached_property
    def vocabulary(self) -> textutil.Vocabulary:
        """Shared word statistics (computed once, used by several rules)."""
        return textutil.Vocabulary.of(self)

    @cached_property
    def topic(self):
        """What the article is about (:class:`artlint.topic.Topic`): keyphrase and its source, key terms, template labels."""
        from artlint.topic import Topic

        return Topic(self)
