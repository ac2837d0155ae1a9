"""Plain-text articles: headings, lists and tables are inferred from bare lines.

Scraped and generated articles arrive as text with no markup. Some separate
blocks with blank lines, some do not, and some are hard-wrapped. A line is a
heading when it is short, starts with a capital or digit and does not end like
a sentence; the title is the first such line before any paragraph.
"""

from __future__ import annotations

import re

from artlint import text as textutil
from artlint.parsers import RawBlock, build_document, is_dateline

LIST_RE = re.compile(r"^(\s*)([-*•▪◦‣●–]|\d{1,3}[.)])\s+")
TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
SENTENCE_END = tuple('.!?:;,"”’)…')


def looks_like_heading(line: str) -> bool:
    """Short, starts with a capital, digit or symbol, and does not end like a sentence."""
    s = line.strip()
    if not s or len(s) > 150:
        return False
    first = s[0]
    if first.islower() or first in "[({<":
        return False
    if s.endswith("?"):
        return textutil.count_words(s) <= 20
    if s.endswith((".", "!", ":", ";", ",", "…", '"', "”")) or len(s) > 120:
        return False  # tested before the words are counted: most lines are sentences
    return 1 <= textutil.count_words(s) <= 14


TITLE_MAX_WORDS = 25  # SEO titles with a colon and a subtitle run to 15-20 words; body lines are longer


def looks_like_long_title(text: str) -> bool:
    """A first line too long for a heading that is still a title: one line, Title Case (three quarters of
    its content words capitalised), not ending like a sentence ("Choosing a Bird Feeder: What to Buy,
    What to Fill It With and Where to Hang It")."""
    s = text.strip()
    if "\n" in s or not s or s.endswith(SENTENCE_END) or not s[0].isupper():
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", s)]
    content = [w for w in words if w.lower() not in textutil.TITLE_SMALL_WORDS]
    if not 3 <= len(content) or len(words) > TITLE_MAX_WORDS:
        return False
    return sum(w[0].isupper() for w in content) >= 0.75 * len(content)


def parse_plain(source: str, path: str, keyword: str | None):
    raw: list[RawBlock] = []
    table_id = -1
    prev_blank = True
    prev_line = ""
    offset = 0
    for line in source.split("\n"):
        start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            prev_blank = True
            continue
        lead = len(line) - len(line.lstrip())
        if TABLE_SEP_RE.match(line) and "-" in line:
            if raw and raw[-1].kind == "table_row":
                raw[-1].header = True
            prev_blank, prev_line = False, line
            continue
        if line.count("|") >= 2 or (line.count("|") == 1 and raw and raw[-1].kind == "table_row" and not prev_blank):
            if not (raw and raw[-1].kind == "table_row") or prev_blank:
                table_id += 1
            raw.append(_table_row(line, start, table_id))
            prev_blank, prev_line = False, line
            continue
        m = LIST_RE.match(line)
        if m and len(stripped) > len(m.group(2)):
            b = RawBlock("list_item", textutil.TextBuilder(), level=1 + lead // 2, fallback_src=start)
            b.builder.add(line[m.end() :], start + m.end())
            raw.append(b)
        elif (
            not prev_blank
            and raw
            and raw[-1].kind == "paragraph"
            and not prev_line.rstrip().endswith(SENTENCE_END)
            and (stripped[0].islower() or len(prev_line.strip()) >= 60)
        ):
            # a hard-wrapped paragraph continues on this line
            raw[-1].builder.add("\n" + line, start - 1)
        else:
            kind = "heading" if looks_like_heading(line) else "paragraph"
            b = RawBlock(kind, textutil.TextBuilder(), level=2 if kind == "heading" else 0, fallback_src=start)
            b.builder.add(line[lead:], start + lead)
            raw.append(b)
        prev_blank, prev_line = False, line

    title = title_idx = None
    for i, b in enumerate(raw[:4]):
        text = b.builder.build()[0]
        if is_dateline(text):
            continue
        if b.kind == "paragraph" and looks_like_long_title(text):
            b.kind = "heading"
        if b.kind == "heading":  # a question is a fine title ("How Much Sleep Does a Baby Need?")
            b.level = 1
            title, title_idx = text, i
        break
    return build_document(
        path=path,
        fmt="text",
        source=source,
        raw_blocks=raw,
        metadata={},
        title=title,
        title_block=title_idx,
        keyword=keyword,
        has_heading_levels=False,
    )


def _table_row(line: str, start: int, table_id: int) -> RawBlock:
    b = RawBlock("table_row", textutil.TextBuilder(), table=table_id, fallback_src=start)
    pos = 0
    cells = []
    for m in re.finditer(r"[^|]+", line):
        cell = m.group()
        if not cell.strip():
            continue
        lead = len(cell) - len(cell.lstrip())
        if cells:
            b.builder.add(" | ", None)
        b.builder.add(cell.strip(), start + m.start() + lead)
        cells.append(cell.strip())
        pos = m.end()
    del pos
    b.cells = cells
    return b
