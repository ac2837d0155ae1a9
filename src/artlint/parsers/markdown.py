"""Markdown articles, parsed by pulldown-cmark through pyromark (CommonMark + GFM tables).

YAML (``---``) or TOML (``+++``) front matter gives title, description and
keyword. Code blocks, inline code, HTML comments, images and site shortcodes
(``{{< … >}}``, ``{{% … %}}``, ``{% … %}``) are not prose: shortcodes are blanked
out before parsing (keeping every offset), inline code becomes U+FFFC.

pulldown-cmark reports where each piece of text came from, so every character of a block's text
maps to its own place in the file (it parses about ten times faster than markdown-it-py did).
"""

from __future__ import annotations

import re

from artlint import text as textutil
from artlint.parsers import CODE_MARK, ParseError, RawBlock, build_document

FRONT_MATTER_RE = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)(?:\n|\A)(?:\1|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
SHORTCODE_RE = re.compile(r"\{\{[<%].{0,2000}?[>%]\}\}|\{%.{0,2000}?%\}|\{#.{0,2000}?#\}", re.S)
COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)

_OPTIONS = None  # pyromark's options: GFM tables and strikethrough on top of CommonMark
_INLINE = frozenset({"Emphasis", "Strong", "Strikethrough", "Link"})  # inside a block: only links matter
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _events(body: str):
    """pulldown-cmark's (event, byte range) pairs for ``body`` (imported on first use)."""
    global _OPTIONS
    import pyromark

    if _OPTIONS is None:
        _OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
    return pyromark.events_with_range(body, options=_OPTIONS)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def read_front_matter(source: str) -> tuple[dict, str]:
    """Front matter as a dict, and the source with it blanked out (lines kept)."""
    m = FRONT_MATTER_RE.match(source)
    if not m:
        return {}, source
    body = m.group(2)
    try:
        if m.group(1) == "---":
            import yaml

            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available; safe either way
            data = yaml.load(body, Loader=loader) if body.strip() else {}  # noqa: S506 - a SafeLoader
        else:
            import tomllib

            data = tomllib.loads(body)
    except Exception as exc:  # yaml.YAMLError, tomllib.TOMLDecodeError
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ParseError(f"malformed front matter: {first}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ParseError("malformed front matter: expected key: value pairs")
    return data, _blank(m) + source[m.end() :]


def parse_markdown(source: str, path: str, keyword: str | None, fmt: str = "markdown", prepare=None):
    """``prepare`` (MDX's): body -> (body to parse, offset map back to the source or None, more comments,
    a mask of characters to leave out of the text or None)."""
    meta, body = read_front_matter(source)
    comments = [(m.start(), m.group(1)) for m in COMMENT_RE.finditer(body)]
    body = SHORTCODE_RE.sub(_blank, body)
    remap = hidden = None
    more: list[tuple[int, str]] = []  # MDX's {/* comments */}, which its prepare step found outside code
    if prepare is not None:
        body, remap, more, hidden = prepare(body)
    offset = _CharOffsets(body)
    if offset.ascii is None:  # lone surrogates (a lenient decoder's): U+FFFD keeps every offset
        body = _SURROGATE_RE.sub("\ufffd", body)
        offset = _CharOffsets(body)

    raw: list[RawBlock] = []
    block: RawBlock | None = None  # where inline content goes
    list_depth = quote_depth = link_depth = image_depth = 0
    in_code = False  # a code or HTML block: not prose
    table_id = -1
    html_spans: list[tuple[int, int]] = []  # where pulldown-cmark saw raw HTML: only comments there are real
    for event, where in _events(body):
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule
            if event in ("SoftBreak", "HardBreak") and block is not None and not image_depth:
                block.builder.space()
            continue
        kind, value = next(iter(event.items()))
        if kind == "Start":
            tag, attrs = (value, None) if isinstance(value, str) else next(iter(value.items()))
        elif kind == "End":
            tag, attrs = (value if isinstance(value, str) else next(iter(value))), None
        else:  # Text, Code, InlineHtml, Html
            if comments and kind in ("Html", "InlineHtml"):
                html_spans.append((offset(where["start"]), offset(where["end"])))
            if in_code or image_depth or kind not in ("Text", "Code"):
                continue
            start, end = offset(where["start"]), offset(where["end"])
            if block is None:  # a tight list item's text has no paragraph around it
                block = _open(raw, list_depth, quote_depth, start)
            at = body.find(value, start, end)
            if kind == "Text":
                if hidden is not None and at >= 0 and any(hidden[at : at + len(value)]):
                    for piece, src in _visible(value, at, hidden):
                        block.builder.add(piece, src)
                else:
                    block.builder.add(value, at if at >= 0 else None)  # not found: an entity such as &amp;
                if link_depth:
                    block.link_text_chars += len(value)
            else:
                block.builder.add(CODE_MARK, max((at + len(value) if at >= 0 else start) - 1, 0))
            continue

        if tag == "Image":  # its alt text is not prose
            image_depth += 1 if kind == "Start" else -1
        elif image_depth or in_code and tag != "CodeBlock" and tag != "HtmlBlock":
            continue
        elif tag in _INLINE:
            if tag == "Link":
                if kind == "End":
                    link_depth = max(0, link_depth - 1)
                    continue
                link_depth += 1
                if block is None:
                    block = _open(raw, list_depth, quote_depth, offset(where["start"]))
                if attrs.get("dest_url"):
                    block.links.append(str(attrs["dest_url"]))
        elif kind == "End":
            block = None
            if tag in ("CodeBlock", "HtmlBlock"):
                in_code = False
            elif tag == "List":
                list_depth -= 1
            elif tag == "BlockQuote":
                quote_depth -= 1
        else:
            block = None
            start = offset(where["start"])
            if tag in ("CodeBlock", "HtmlBlock"):
                in_code = True
                if tag == "CodeBlock":
                    raw.append(RawBlock("code", textutil.TextBuilder(), fallback_src=body.rfind("\n", 0, start) + 1))
            elif tag == "List":
                list_depth += 1
            elif tag == "BlockQuote":
                quote_depth += 1
            elif tag == "Paragraph":
                block = _open(raw, list_depth, quote_depth, start)
            elif tag == "Heading":
                block = RawBlock("heading", textutil.TextBuilder(), level=int(attrs["level"][1]), fallback_src=start)
                raw.append(block)
            elif tag == "Table":
                table_id += 1
            elif tag in ("TableHead", "TableRow"):  # a head holds its cells directly
                raw.append(RawBlock("table_row", textutil.TextBuilder(), table=table_id, header=tag == "TableHead", fallback_src=start))
            elif tag == "TableCell":
                block = raw[-1]
                if block.cells:
                    block.builder.add(" | ")
                block.cells.append(body[start : offset(where["end"])].strip())

    if comments:  # a comment shown in a code block or code span is text, not a directive
        comments = _in_spans(comments, html_spans)
    comments = sorted(comments + more)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    title_idx = None
    h1 = [i for i, b in enumerate(raw) if b.kind == "heading" and b.level == 1]
    if h1 and h1[0] == next((i for i, b in enumerate(raw) if b.kind != "code"), None):
        title_idx = h1[0]
        if not title:
            title = raw[title_idx].builder.build()[0]
        else:
            title_idx = title_idx if raw[title_idx].builder.build()[0] == title else None
    meta = {k: v for k, v in meta.items()}
    if remap is not None:  # offsets in the dedented body back to the file's
        for r in raw:
            r.builder.segments = [(t, remap(s), ln) for t, s, ln in r.builder.segments]
            r.fallback_src = remap(r.fallback_src)
    return build_document(
        path=path,
        fmt=fmt,
        source=source,
        raw_blocks=raw,
        metadata=meta,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        title_block=title_idx,
        keyword=keyword,
        comments=comments,
    )


def _in_spans(comments: list[tuple[int, str]], spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """The comments that start inside one of the spans (both in source order: one pass over each)."""
    out, i = [], 0
    for at, text in comments:
        while i < len(spans) and spans[i][1] <= at:
            i += 1
        if i < len(spans) and spans[i][0] <= at:
            out.append((at, text))
    return out


def _visible(value: str, at: int, hidden) -> list[tuple[str, int]]:
    """The pieces of ``value`` (found at ``at``) outside the ``hidden`` mask, with their offsets."""
    out, start = [], None
    for k in range(len(value) + 1):
        if k < len(value) and not hidden[at + k]:
            if start is None:
                start = k
        elif start is not None:
            out.append((value[start:k], at + start))
            start = None
    return out


def _open(raw: list[RawBlock], list_depth: int, quote_depth: int, start: int) -> RawBlock:
    """A new block for a paragraph: a list item inside a list (its depth the level), a quote inside a block quote."""
    kind = "list_item" if list_depth else "quote" if quote_depth else "paragraph"
    raw.append(RawBlock(kind, textutil.TextBuilder(), level=list_depth, fallback_src=start))
    return raw[-1]


class _CharOffsets:
    """pulldown-cmark's UTF-8 byte offsets as offsets into the str, counted from the last one asked (offsets come in order)."""

    def __init__(self, text: str):
        try:
            self.data = text.encode("utf-8")
        except UnicodeEncodeError:
            self.ascii = None
            return
        self.ascii = len(self.data) == len(text)
        self.byte = self.char = 0

    def __call__(self, b: int) -> int:
        if self.ascii:
            return b
        if b >= self.byte:
            self.char += len(self.data[self.byte : b].decode("utf-8"))
        else:  # a cell's text after the cell's end: step back
            self.char -= len(self.data[b : self.byte].decode("utf-8"))
        self.byte = b
        return self.char
