"""Parsers: plain text, Markdown, MDX and HTML (and plugins' formats), all producing one :class:`Document`.

Each parser yields :class:`RawBlock` objects; :func:`build_document` turns them
into immutable blocks, links headings into sections, and settles the title and
the target keyphrase the same way for every format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from artlint import text as textutil
from artlint.document import Block, Document, Segment
from artlint.topic import template_labels

# Inline code (a Markdown code span, an HTML <code>): one U+FFFC in the text, a hole in the sentence.
CODE_MARK = "\ufffc"


@dataclass(frozen=True)
class InputFormat:
    """One input format: its name (``--format-in``), file extensions, and parser.

    ``parser`` is ``fn(source, path, keyword) -> Document`` or a ``"module:function"`` string imported on
    first use (so start-up pays only for the formats it reads). Plugins add formats through the
    ``artlint_input_formats`` hook.
    """

    name: str
    extensions: tuple[str, ...]
    parser: object
    description: str = ""

    def load(self):
        if isinstance(self.parser, str):
            import importlib

            module, _, fn = self.parser.partition(":")
            return getattr(importlib.import_module(module), fn)
        return self.parser


# the one registry of input formats: name -> format; FORMATS (extension -> name) is derived from it
REGISTRY: dict[str, InputFormat] = {}
FORMATS: dict[str, str] = {}


def register_format(fmt: InputFormat) -> None:
    """Add a format; a name or extension already taken by another format is an error."""
    old = REGISTRY.get(fmt.name)
    if old is not None and old != fmt:
        raise ValueError(f"input format {fmt.name!r} is already registered")
    for ext in fmt.extensions:
        ext = ext.lower() if ext.startswith(".") else "." + ext.lower()
        if FORMATS.get(ext, fmt.name) != fmt.name:
            raise ValueError(f"extension {ext} already belongs to input format {FORMATS[ext]!r}")
    REGISTRY[fmt.name] = fmt
    for ext in fmt.extensions:
        FORMATS[ext.lower() if ext.startswith(".") else "." + ext.lower()] = fmt.name


for _fmt in (
    InputFormat("text", (".txt", ".text"), "artlint.parsers.plain:parse_plain", "plain text"),
    InputFormat(
        "markdown", (".md", ".markdown", ".mdown"), "artlint.parsers.markdown:parse_markdown", "Markdown (CommonMark + GFM tables)"
    ),
    InputFormat("mdx", (".mdx",), "artlint.parsers.mdx:parse_mdx", "MDX (Markdown with JSX and ESM)"),
    InputFormat("html", (".html", ".htm", ".xhtml"), "artlint.parsers.html:parse_html", "HTML"),
):
    register_format(_fmt)


def extensions_text() -> str:
    """The known extensions, for help and error messages: '.txt, .text, .md, …'."""
    return ", ".join(FORMATS)


def formats_text() -> str:
    """The known formats with their extensions, for ``--help``: 'text (.txt, .text), markdown (.md, …)'."""
    return ", ".join(f"{f.name} ({', '.join(f.extensions)})" for f in REGISTRY.values())


class ParseError(Exception):
    """Input that cannot be read as an article."""


@dataclass
class RawBlock:
    kind: str
    builder: textutil.TextBuilder
    level: int = 0
    links: list[str] = field(default_factory=list)
    link_text_chars: int = 0
    cells: list[str] = field(default_factory=list)
    table: int | None = None
    header: bool = False
    fallback_src: int = 0


def format_for(path: str) -> str | None:
    suffix = path[path.rfind(".") :].lower() if "." in path.rsplit("/", 1)[-1] else ""
    return FORMATS.get(suffix)


def parse(source: str, path: str, fmt: str, keyword: str | None = None) -> Document:
    """Parse decoded ``source`` as ``fmt``. CRLF and lone CR become LF (line numbers are unchanged)."""
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    if source.startswith("\ufeff"):
        source = source[1:]
    entry = REGISTRY.get(fmt) or REGISTRY["text"]
    return entry.load()(source, path, keyword)


def build_document(
    *,
    path: str,
    fmt: str,
    source: str,
    raw_blocks: list[RawBlock],
    metadata: Mapping[str, object],
    title: str | None,
    title_block: int | None,
    keyword: str | None,
    comments=(),
    has_heading_levels: bool = True,
) -> Document:
    blocks: list[Block] = []
    stack: list[Block] = []  # open headings
    section = None
    for raw in raw_blocks:
        text, segs = raw.builder.build()
        if not text and raw.kind != "code":
            continue
        idx = len(blocks)
        start = segs[0][1] if segs else raw.fallback_src
        end = segs[-1][1] + segs[-1][2] if segs else start
        parent = None
        if raw.kind == "heading":
            while stack and stack[-1].level >= raw.level:
                stack.pop()
            parent = stack[-1].index if stack else None
        block = Block(
            index=idx,
            kind=raw.kind,
            text=text,
            start=start,
            end=end,
            segments=tuple(map(Segment._make, segs)),
            level=raw.level,
            links=tuple(raw.links),
            link_text_chars=raw.link_text_chars,
            cells=tuple(raw.cells),
            table=raw.table,
            header=raw.header,
            section=section if raw.kind != "heading" else parent,
            parent=parent,
        )
        if raw.kind == "heading":
            stack.append(block)
            section = idx
        blocks.append(block)
    if title_block is not None:
        # the parser counted raw blocks; map to the kept block with the same title
        title_block = next((b.index for b in blocks if b.kind == "heading" and b.text == title), None)
    phrase, source_of = keyword, "option" if keyword else None
    if not phrase:
        phrase = _front_matter_keyword(metadata)
        source_of = "front-matter" if phrase else None
    if not phrase:
        phrase = infer_keyphrase(blocks)
        source_of = "inferred" if phrase else None
    return Document(
        path=path,
        format=fmt,
        source=source,
        blocks=tuple(blocks),
        title=title,
        title_block=title_block,
        metadata=dict(metadata),
        keyphrase=phrase,
        keyphrase_source=source_of,
        comments=tuple(comments),
        has_heading_levels=has_heading_levels,
    )


def _front_matter_keyword(meta: Mapping[str, object]) -> str | None:
    for key in ("keyword", "keyphrase", "focus_keyword", "focus_keyphrase", "keywords"):
        value = meta.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and value.strip():
            return value.split(",")[0].strip() if key == "keywords" else value.strip()
    return None


_SEP = re.compile(r"\s*(?:[,:|]|\s[–—-])\s+")


def infer_keyphrase(blocks: list[Block]) -> str | None:
    """The raw keyphrase an SEO tool pasted into the article, if there is one.

    It shows as the same 3+ word phrase standing alone as a line at least twice
    and pasted onto other lines (before a dash, after a comma or colon in a
    heading) for three or more occurrences in all. A template label (a sub-heading or label line that
    the template repeats under every section, such as "Why it's a mistake") is structure, never the keyphrase.
    """
    standalone: dict[str, int] = {}
    for b in blocks:
        if b.kind in ("heading", "paragraph") and b.text[-1:] not in ".!?" and _looks_raw(b.tokens):
            norm = textutil.normalise(b.text)
            standalone[norm] = standalone.get(norm, 0) + 1
    best = None
    candidates = [p for p, c in standalone.items() if c >= 2]
    if candidates:  # the labels only matter for a line that stands alone twice (most articles have none: not worked out)
        labels = template_labels(blocks)
        candidates = [p for p in candidates if p not in labels]
    norms = [b.norm for b in blocks] if candidates else []
    for phrase in candidates:
        count = standalone[phrase]
        embedded = 0
        for b, norm in zip(blocks, norms, strict=True):
            if norm != phrase and phrase in norm:
                parts = [textutil.normalise(p) for p in _SEP.split(b.text)]
                if any(p == phrase for p in parts) or norm.startswith(phrase + " ") or norm.endswith(" " + phrase):
                    embedded += 1
        if count >= 3 or (embedded >= 1 and count + embedded >= 3):
            if best is None or count + embedded > best[1]:
                best = (phrase, count + embedded)
    return best[0] if best else None


def _looks_raw(words) -> bool:
    """A search term as typed (given as its words): three or more words, mostly lower case after the first."""
    alpha = [w for w in words if w[0].isalpha()]
    if len(alpha) < 3:
        return False
    lower = sum(1 for w in alpha[1:] if w[0].islower())
    return lower >= 0.6 * (len(alpha) - 1)


def is_dateline(text: str) -> bool:
    """A line that is only a date, e.g. 'Wednesday, June 18, 2025'."""
    return bool(
        re.fullmatch(
            r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\s+)?"
            r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}"
            r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}",
            text.strip(),
            re.I,
        )
    )
