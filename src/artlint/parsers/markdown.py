"""Markdown articles, parsed by markdown-it-py (CommonMark + GFM tables).

YAML (``---``) or TOML (``+++``) front matter gives title, description and
keyword. Code blocks, inline code, HTML comments, images and site shortcodes
(``{{< … >}}``, ``{{% … %}}``, ``{% … %}``) are not prose: shortcodes are blanked
out before parsing (keeping every offset), inline code becomes U+FFFC.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from artlint import text as textutil
from artlint.parsers import ParseError, RawBlock, build_document

FRONT_MATTER_RE = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)(?:\n|\A)(?:\1|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
SHORTCODE_RE = re.compile(r"\{\{[<%].{0,2000}?[>%]\}\}|\{%.{0,2000}?%\}|\{#.{0,2000}?#\}", re.S)
COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
CODE_MARK = "\ufffc"

_md = None


def _parser() -> MarkdownIt:
    global _md
    if _md is None:
        _md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return _md


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


def parse_markdown(source: str, path: str, keyword: str | None):
    meta, body = read_front_matter(source)
    comments = [(m.start(), m.group(1)) for m in COMMENT_RE.finditer(body)]
    body = SHORTCODE_RE.sub(_blank, body)
    line_starts = [0] + [m.end() for m in re.finditer("\n", body)]
    tokens = _parser().parse(body)

    raw: list[RawBlock] = []
    list_depth = 0
    quote_depth = 0
    table_id = -1
    row: RawBlock | None = None
    in_thead = False
    pending_kind = None
    pending_level = 0
    for tok in tokens:
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "heading_open":
            pending_kind, pending_level = "heading", int(tok.tag[1])
        elif t == "paragraph_open":
            pending_kind = "list_item" if list_depth else "quote" if quote_depth else "paragraph"
            pending_level = list_depth
        elif t == "table_open":
            table_id += 1
        elif t == "thead_open":
            in_thead = True
        elif t == "thead_close":
            in_thead = False
        elif t == "tr_open":
            start = line_starts[tok.map[0]] if tok.map else 0
            row = RawBlock("table_row", textutil.TextBuilder(), table=table_id, header=in_thead, fallback_src=start)
            row.cursor = start  # type: ignore[attr-defined]
        elif t == "tr_close" and row is not None:
            raw.append(row)
            row = None
        elif t in ("fence", "code_block"):
            b = RawBlock("code", textutil.TextBuilder(), fallback_src=line_starts[tok.map[0]] if tok.map else 0)
            raw.append(b)
        elif t == "inline":
            start = line_starts[tok.map[0]] if tok.map else 0
            end = line_starts[tok.map[1]] if tok.map and tok.map[1] < len(line_starts) else len(body)
            if row is not None:
                if row.cells:
                    row.builder.add(" | ")
                row.cursor = _inline(tok, body, row.cursor, end, row)  # type: ignore[attr-defined]
                row.cells.append(tok.content.strip())
                continue
            b = RawBlock(pending_kind or "paragraph", textutil.TextBuilder(), level=pending_level, fallback_src=start)
            _inline(tok, body, start, end, b)
            raw.append(b)
            pending_kind = None

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
    return build_document(
        path=path,
        fmt="markdown",
        source=source,
        raw_blocks=raw,
        metadata=meta,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        title_block=title_idx,
        keyword=keyword,
        comments=comments,
    )


def _inline(tok, body: str, cursor: int, end: int, block: RawBlock) -> int:
    """Append the prose of an inline token to ``block``, aligned to the source."""
    link_depth = 0
    for child in tok.children or ():
        ct = child.type
        if ct == "text":
            content = child.content
            idx = body.find(content, cursor, end) if content else -1
            if idx >= 0:
                block.builder.add(content, idx)
                cursor = idx + len(content)
            else:
                block.builder.add(content, None)
            if link_depth:
                block.link_text_chars += len(content)
        elif ct in ("softbreak", "hardbreak"):
            block.builder.space()
        elif ct == "code_inline":
            idx = body.find(child.content, cursor, end)
            if idx >= 0:
                cursor = idx + len(child.content)
            block.builder.add(CODE_MARK, max(cursor - 1, 0))
        elif ct == "link_open":
            link_depth += 1
            href = child.attrs.get("href")
            if href:
                block.links.append(str(href))
        elif ct == "link_close":
            link_depth = max(0, link_depth - 1)
        elif ct == "image":
            idx = body.find(")", cursor, end)
            cursor = idx + 1 if idx >= 0 else cursor
        elif ct == "html_inline":
            idx = body.find(child.content, cursor, end)
            if idx >= 0:
                cursor = idx + len(child.content)
    return cursor
