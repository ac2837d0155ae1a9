"""A table whose markup was lost: a line of column labels, then lines with the same number of cells.

Converters and copy-paste turn a table into bare lines. The cells are then separated by tabs or runs
of spaces, or (worse) by one space, so the row reads as a string of words. Such lines are not
sentences, sit next to each other with no blank line between, and repeat one shape: the rule finds
that shape in the source lines of the article's prose.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from artlint import text as textutil
from artlint.rule import Rule

CELL_SPLIT_RE = re.compile(r"\t+|\s{2,}")  # what a flattened row keeps between its cells
SENTENCE_END = (".", "!", "?", ":", ";", ",")
MIN_ROWS = 2  # a header and two rows: fewer is a pair of lines, not a table
MAX_CELL_WORDS = 6  # a cell is a label or a value; longer pieces are prose split by double spaces
# One-space rows are told only from a plain-text file's separate lines, header plus three rows at least.
MIN_ROWS_SINGLE_SPACE = 3
MAX_ROW_WORDS = 14  # the parser's limit for a heading-like line: longer lines are prose
BOUNDARY_RE = re.compile(r"\b([a-z][\w'-]*|\d[\d.,]*\w*|[A-Z][\w'-]*)\s+([A-Z][\w'-]*|\d[\d.,]*)")
# Title Case keeps these in lower case before a capital, so after them a capital is no cell boundary.
# A pipe is an explicit cell separator: a table pasted as text keeps it (a Markdown table without its
# "|---|" line, or HTML rows pasted as paragraphs). Cells between pipes may run longer than cells cut out by
# spaces, since the pipe says where they end; a longer piece is a sentence with a pipe in it.
PIPE_SPLIT_RE = re.compile(r"\s*\|\s*")
MAX_PIPED_CELL_WORDS = 12
TAG_RE = re.compile(r"<[^>]*>")
MINOR_WORDS = frozenset("a an the and or but nor for of on in at to by with from as vs via per into onto over up off out".split())


def _boundaries(text: str) -> int:
    """Places where a cell seems to end: a capital or number after a lower-case content word or a number
    ("weight Needle", "mm 30", "Aran 5"), but not after Title Case's small words ("Guide to Knots")."""
    n = 0
    for m in BOUNDARY_RE.finditer(text):
        left, right = m.group(1), m.group(2)
        if left[0].isupper() and not right[0].isdigit():
            continue  # two capitalised words: a name or Title Case, not a boundary
        if left.lower() not in MINOR_WORDS:
            n += 1
    return n


class Line(NamedTuple):
    number: int  # 1-based line of the source
    text: str
    block: object


class Table(NamedTuple):
    header: Line
    rows: tuple[Line, ...]
    cells: int  # 0 when the cells are separated by single spaces, minus the count when by pipes


def _candidate(doc, b) -> bool:
    """A block that can hold table lines: in plain text a line that does not end like a sentence; in
    Markdown and HTML a paragraph of three source lines or more with a tab or a run of spaces inside."""
    if b.kind not in ("heading", "paragraph") or b.end <= b.start:
        return False
    if doc.format == "text":
        return not b.text.endswith(SENTENCE_END)
    raw = doc.source[b.start : b.end]
    return raw.count("\n") >= MIN_ROWS and ("\t" in raw or "  " in raw)


def _source_lines(doc) -> list[Line]:
    """The source lines of the candidate blocks, in order (each line once). Only groups of consecutive
    candidate blocks that can hold a header and two rows are located in the source (most hold none)."""
    groups: list[list] = []
    prev = -2
    for b in doc.blocks:
        if _candidate(doc, b):
            if b.index == prev + 1 and groups:
                groups[-1].append(b)
            else:
                groups.append([b])
            prev = b.index
    lines: list[Line] = []
    last = 0
    for group in groups:
        if len(group) <= MIN_ROWS and doc.format == "text":
            continue  # in plain text each line is a block: fewer than three cannot be a table
        for b in group:
            first, _ = doc.position(b.start)
            for k, raw in enumerate(doc.source[b.start : b.end].split("\n")):
                if first + k > last and raw.strip():
                    lines.append(Line(first + k, raw.strip(), b))
                    last = first + k
    return lines


def _runs(lines: list[Line]) -> list[list[Line]]:
    """Lines that follow each other with no blank line between them."""
    runs: list[list[Line]] = []
    for ln in lines:
        if runs and runs[-1][-1].number == ln.number - 1:
            runs[-1].append(ln)
        else:
            runs.append([ln])
    return [r for r in runs if len(r) > MIN_ROWS]


def _cells(text: str) -> list[str]:
    return [c for c in CELL_SPLIT_RE.split(text) if c]


def _delimited(run: list[Line]):
    """Maximal stretches of lines with the same number (2+) of space- or tab-separated short cells."""
    i = 0
    while i < len(run):
        cells = _cells(run[i].text)
        k = len(cells)
        j = i + 1
        if k >= 2 and all(textutil.count_words(c) <= MAX_CELL_WORDS for c in cells):
            while j < len(run):
                row = _cells(run[j].text)
                if len(row) != k or any(textutil.count_words(c) > MAX_CELL_WORDS for c in row):
                    break
                j += 1
            rows = run[i + 1 : j]
            if len(rows) >= MIN_ROWS and (k >= 3 or len(rows) >= 3) and not run[i].text.endswith(SENTENCE_END):
                yield Table(run[i], tuple(rows), k)
                i = j
                continue
        i += 1


def _piped_cells(text: str) -> list[str]:
    return [c for c in PIPE_SPLIT_RE.split(text.strip().strip("|")) if c]


def _piped_lines(doc) -> list[Line]:
    """Source lines of paragraphs and headings that hold a pipe, without their HTML tags."""
    lines: list[Line] = []
    for b in doc.blocks:
        if b.kind not in ("heading", "paragraph") or b.end <= b.start or "|" not in b.text:
            continue
        first, _ = doc.position(b.start)
        for k, raw in enumerate(doc.source[b.start : b.end].split("\n")):
            raw = TAG_RE.sub("", raw).strip() if doc.format == "html" else raw.strip()
            if "|" in raw:
                lines.append(Line(first + k, raw, b))
    return lines


def _piped(lines: list[Line]):
    """A label row and two rows or more, on adjacent source lines (or one blank line apart, as pasted
    paragraphs are), each with the same number (2+) of pipe-separated cells of a few words."""
    i = 0
    while i < len(lines):
        k = len(_piped_cells(lines[i].text))
        j = i + 1
        if k >= 2 and not any(ch.isdigit() for ch in lines[i].text):
            while (
                j < len(lines)
                and lines[j].number - lines[j - 1].number <= 2
                and len(row := _piped_cells(lines[j].text)) == k
                and all(textutil.count_words(c) <= MAX_PIPED_CELL_WORDS for c in row)
            ):
                j += 1
            if j - i - 1 >= MIN_ROWS and all(textutil.count_words(c) <= MAX_CELL_WORDS for c in _piped_cells(lines[i].text)):
                yield Table(lines[i], tuple(lines[i + 1 : j]), -k)
                i = j
                continue
        i += 1


def _is_label_row(text: str) -> bool:
    """Column labels: three or more words, no figures, each label capitalised ("Yarn weight Needle size")."""
    words = text.split()
    if len(words) < 3 or any(c.isdigit() for c in text):
        return False
    return _boundaries(text) >= 2 or all(w[0].isupper() for w in words)


def _single_spaced(run: list[Line]):
    """Plain-text lines with cells joined by one space: a label row, then rows whose cells show as
    a capital or a number straight after a lower-case word or a number ("weight Needle", "mm 30")."""
    plain = [
        ln.block.kind in ("heading", "paragraph") and not ln.text.endswith(SENTENCE_END) and textutil.count_words(ln.text) <= MAX_ROW_WORDS
        for ln in run
    ]
    i = 0
    while i < len(run):
        if not (plain[i] and _is_label_row(run[i].text)):
            i += 1
            continue
        rows, misses = [], 0
        for j in range(i + 1, len(run)):
            if not plain[j]:
                break
            if not _boundaries(run[j].text):
                misses += 1
                if misses > 1:  # one row may have no visible boundary ("Brie Champagne Bubbles ...")
                    break
            rows.append(run[j])
        while rows and not _boundaries(rows[-1].text):
            rows.pop()
        shaped = sum(1 for r in rows if _boundaries(r.text))
        if shaped >= MIN_ROWS_SINGLE_SPACE and shaped >= len(rows) - 1:
            yield Table(run[i], tuple(rows), 0)
            i += len(rows) + 1
        else:
            i += 1


def _text_position(doc, block, line: int) -> int:
    """The first position of ``block.text`` on source line ``line`` (source offsets grow with text positions)."""
    target = doc._line_starts[line - 1]
    lo, hi = 0, len(block.text)
    while lo < hi:
        mid = (lo + hi) // 2
        if block.source_offset(mid) < target:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, max(0, len(block.text) - 1))


def flattened_tables(doc) -> list[Table]:
    """Every flattened table of the document (also used by empty-section and merged-heading, which must not
    read its rows as headings). Found once per document: the result is kept on it, as cached properties are."""
    cached = doc.__dict__.get("_flattened_tables")
    if cached is not None:
        return cached
    found: list[Table] = []
    for run in _runs(_source_lines(doc)):
        tables = list(_delimited(run))
        if not tables and doc.format == "text":
            tables = list(_single_spaced(run))
        found.extend(tables)
    taken = {ln.number for t in found for ln in (t.header, *t.rows)}
    found.extend(t for t in _piped(_piped_lines(doc)) if t.header.number not in taken)
    doc.__dict__["_flattened_tables"] = found
    return found


class FlattenedTable(Rule):
    """A table that lost its markup and reads as lines of words."""

    code = "AL108"
    name = "flattened-table"
    category = "structure"
    severity = "warning"
    summary = "A table flattened into lines: a line of column labels, then lines with the same number of cells."
    rationale = (
        "When a table loses its markup, readers get a run of lines that are not sentences, with cells run "
        "together by tabs, runs of spaces or single spaces, or left between pipes; search engines see no table. Found from the shape: "
        "adjacent lines, none a sentence, with the same number of short cells (or, in plain text, a label row "
        "followed by rows whose cells show as a capital or a number straight after a lower-case word)."
    )
    bad = (
        "Choosing a Seed Mix\n\nCompare the grasses before you buy.\n\n"
        "Grass type  Germination  Shade tolerance\nPerennial ryegrass  5-10 days  Low\n"
        "Chewings fescue  10-14 days  Medium\nCreeping red fescue  10-14 days  High\n"
    )
    good = (
        "Choosing a Seed Mix\n\nCompare the grasses before you buy.\n\n"
        "| Grass type | Germination | Shade tolerance |\n|---|---|---|\n| Perennial ryegrass | 5-10 days | Low |\n"
    )

    def check(self, doc):
        for t in flattened_tables(doc):
            b = t.header.block
            start = _text_position(doc, b, t.header.number)
            if t.cells < 0:
                how = f"{-t.cells} cells separated by '|' (no table markup)"
            elif t.cells:
                how = f"{t.cells} cells separated by tabs or spaces"
            else:
                how = "cells separated by single spaces"
            yield self.hit(
                f"Table flattened into lines: a row of column labels and {len(t.rows)} rows of {how}; mark it up as a table.",
                b,
                start,
                min(len(b.text), start + len(" ".join(t.header.text.split()))),
            )
