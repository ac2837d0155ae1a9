"""HTML pages: lint the article, not the site around it.

The page is tokenised by the standard library's HTML parser (which reports the
line and column of every tag and text run, and never recurses, so deeply nested
markup cannot overflow the stack). The article is the largest ``<article>``,
else ``<main>``, else the element whose paragraphs carry the most text (the
readability heuristic). ``<title>`` and the meta description and keywords
become metadata. Scripts, styles, navigation and code are never prose.
"""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser

from artlint import text as textutil
from artlint.parsers import CODE_MARK, RawBlock, build_document

SKIP = {"script", "style", "noscript", "template", "svg", "nav", "iframe", "head", "object", "canvas", "math", "select", "button"}
CHROME = {"header", "footer", "aside", "form"}  # skipped only when we fall back to the whole body
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "blockquote",
    "pre",
    "tr",
    "td",
    "th",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "figcaption",
    "caption",
    "summary",
    "ul",
    "ol",
    "dl",
    "figure",
    "header",
    "footer",
    "aside",
    "form",
    "address",
    "details",
    "hr",
    "br",
    "body",
    "html",
    "label",
}
# "br" ends a paragraph line only inside bare divs; inside <p> it is a space (handled below)


_SHOWN_AS_CODE = frozenset({"pre", "code", "textarea", "xmp"})
# Inline elements whose text is code, keys or program output: a hole in the sentence (U+FFFC, as in
# Markdown's code spans), never prose for the typography and claim rules.
INLINE_CODE = frozenset({"code", "kbd", "samp", "tt"})


class _Node:
    __slots__ = ("tag", "attrs", "parent", "score", "paras")

    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.score = 0.0
        self.paras = 0


class _Tokens(HTMLParser):
    """Flat list of (kind, node id, data, source offset) events plus the element table."""

    def __init__(self, line_starts):
        super().__init__(convert_charrefs=False)
        self.line_starts = line_starts
        self.nodes: list[_Node] = [_Node("#root", {}, None)]
        self.stack = [0]
        self.code_depth = 0  # open elements that show code (<pre>, <code>...): comments there are not directives
        self.events: list[tuple[str, int, str, int]] = []
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.comments: list[tuple[int, str]] = []
        self.in_title = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        off = self._offset()
        attrs = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            name = (attrs.get("name") or attrs.get("property") or "").lower()
            if name in ("description", "keywords", "og:title", "og:description") and attrs.get("content"):
                self.meta.setdefault(name, attrs["content"])
            return
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            self.events.append(("void", self.stack[-1], tag, off))
            return
        # implicit closes for the common unclosed tags
        if tag in ("p", "li", "tr", "td", "th", "dt", "dd", "option"):
            self._implicit_close(tag)
        node = _Node(tag, attrs, self.stack[-1])
        self.nodes.append(node)
        nid = len(self.nodes) - 1
        self.stack.append(nid)
        if tag in _SHOWN_AS_CODE:
            self.code_depth += 1
        self.events.append(("start", nid, tag, off))

    def _implicit_close(self, tag):
        closers = {
            "p": ("p",),
            "li": ("li",),
            "tr": ("tr", "td", "th"),
            "td": ("td", "th"),
            "th": ("td", "th"),
            "dt": ("dt", "dd"),
            "dd": ("dt", "dd"),
            "option": ("option",),
        }[tag]
        barrier = {"li": ("ul", "ol"), "tr": ("table",), "td": ("tr",), "th": ("tr",)}.get(
            tag, ("div", "section", "article", "td", "li", "blockquote")
        )
        for depth in range(len(self.stack) - 1, 0, -1):
            t = self.nodes[self.stack[depth]].tag
            if t in barrier:
                return
            if t in closers:
                self._close_to(depth)
                return

    def _close_to(self, depth):
        off = self._offset()
        while len(self.stack) > depth:
            nid = self.stack.pop()
            if self.nodes[nid].tag in _SHOWN_AS_CODE:
                self.code_depth -= 1
            self.events.append(("end", nid, self.nodes[nid].tag, off))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and tag != "meta":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.nodes[self.stack[depth]].tag == tag:
                self._close_to(depth)
                return

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        self.events.append(("data", self.stack[-1], data, self._offset()))

    def handle_entityref(self, name):
        self.handle_data_ref(f"&{name};")

    def handle_charref(self, name):
        self.handle_data_ref(f"&#{name};")

    def handle_data_ref(self, ref):
        text = htmllib.unescape(ref)
        if self.in_title:
            self.title_parts.append(text)
        self.events.append(("ref", self.stack[-1], text, self._offset()))

    def handle_comment(self, data):
        if not self.code_depth:  # one shown in a code sample is not a directive
            self.comments.append((self._offset(), data))

    def parse_marked_section(self, i, report=1):
        """The standard library asserts on unknown sections such as ``<![FOO ...``; skip them as bogus comments."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1


def _choose_container(p: _Tokens) -> tuple[int, bool]:
    """The element holding the article, and whether it is the whole-body fallback."""
    nodes = p.nodes
    # text length per node, accumulated bottom-up (parents always precede children)
    text_len = [0] * len(nodes)
    para_text = [0] * len(nodes)
    for kind, nid, data, _ in p.events:
        if kind in ("data", "ref"):
            text_len[nid] += len(data.strip())
    for nid in range(len(nodes) - 1, 0, -1):
        node = nodes[nid]
        if node.tag == "p" and text_len[nid] >= 25:
            para_text[nid] += text_len[nid]
        text_len[node.parent] += text_len[nid]
    for tag in ("article", "main"):
        cands = [i for i, n in enumerate(nodes) if n.tag == tag or (tag == "main" and n.attrs.get("role") == "main")]
        if cands:
            return max(cands, key=lambda i: text_len[i]), False
    # readability: paragraphs vote for their parent (and half for the grandparent)
    for nid in range(1, len(nodes)):
        if para_text[nid]:
            parent = nodes[nid].parent
            nodes[parent].score += 1 + min(para_text[nid] / 100, 3)
            grand = nodes[parent].parent
            if grand is not None:
                nodes[grand].score += (1 + min(para_text[nid] / 100, 3)) / 2
    best = max(range(len(nodes)), key=lambda i: nodes[i].score)
    if nodes[best].score >= 3 and nodes[best].tag not in ("body", "html", "#root"):
        return best, False
    body = next((i for i, n in enumerate(nodes) if n.tag == "body"), 0)
    return body, True


# Beyond this many '<' that open no tag, they are defused (a handful is ordinary: "a < b" in a script).
UNCLOSED_TAGS_LIMIT = 32


def _unclosed_tag_starts(source: str) -> list[int]:
    """Offsets of '<' followed by another '<' before any '>' (outside comments): each opens no tag.

    One pass: the next '>' is looked up again only once the scan has passed the last one found."""
    found, i, gt = [], 0, -1
    while True:
        i = source.find("<", i)
        if i < 0:
            return found
        if source.startswith("<!--", i):
            end = source.find("-->", i + 4)
            if end < 0:
                return found
            i = end + 3
            continue
        if gt != len(source) and gt <= i:
            gt = source.find(">", i + 1)
            gt = len(source) if gt < 0 else gt
        nxt = source.find("<", i + 1)
        if nxt >= 0 and nxt < gt or gt == len(source):
            found.append(i)
        i += 1


def parse_html(source: str, path: str, keyword: str | None):
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
    unclosed = _unclosed_tag_starts(source)
    if len(unclosed) > UNCLOSED_TAGS_LIMIT:
        # The standard parser re-reads the rest of the page from each such '<' (quadratic: 20 KB of
        # '<a b={' took 1.8 s). '‹' has the same length, so every offset stays right.
        chars = list(source)
        for at in unclosed:
            chars[at] = "\u2039"
        source = "".join(chars)
    p = _Tokens(line_starts)
    p.feed(source)
    p.close()
    p._close_to(1)  # elements left open at the end of the file
    container, fallback = _choose_container(p)
    nodes = p.nodes

    def inside(nid: int, tags) -> str | None:
        depth = 0
        while nid and depth < 100000:
            if nodes[nid].tag in tags:
                return nodes[nid].tag
            nid = nodes[nid].parent
            depth += 1
        return None

    skip_root = None
    raw: list[RawBlock] = []
    current: RawBlock | None = None
    table_id = -1
    row: RawBlock | None = None
    list_depth = 0
    quote_depth = 0
    pre_depth = 0
    code_depth = 0  # open inline code elements (outside <pre>)
    code_marked = False  # the open inline code element has its U+FFFC
    link_depth = 0
    link_href = None
    active = container == 0  # no <body>: the whole document
    heading_level = 0
    ancestors: list[int] = []

    def flush():
        nonlocal current
        if current is not None and (current.builder.length or current.kind == "code"):
            raw.append(current)
        current = None

    def open_block(kind, off, level=0):
        nonlocal current
        flush()
        current = RawBlock(kind, textutil.TextBuilder(), level=level, fallback_src=off)

    for kind, nid, data, off in p.events:
        if kind == "start" and nid == container:
            active = True
            ancestors = [nid]
            continue
        if not active:
            continue
        if kind == "end" and nid == container:
            break
        if kind == "start":
            ancestors.append(nid)
            tag = data
            if skip_root is not None:
                continue
            if tag in SKIP or (fallback and tag in CHROME) or "hidden" in nodes[nid].attrs:
                skip_root = nid
                continue
            if tag in ("ul", "ol"):
                list_depth += 1
            elif tag == "blockquote":
                quote_depth += 1
            elif tag == "pre":
                pre_depth += 1
                open_block("code", off)
            elif tag in INLINE_CODE and not pre_depth:
                code_depth += 1
                code_marked = False
            elif tag == "a":
                link_depth += 1
                link_href = nodes[nid].attrs.get("href")
                if link_href and current is not None:
                    current.links.append(link_href)
            elif tag == "table":
                table_id += 1
            elif tag == "tr":
                flush()
                row = RawBlock("table_row", textutil.TextBuilder(), table=table_id, fallback_src=off)
                row.header = inside(nid, {"thead"}) == "thead"
            elif tag in ("td", "th"):
                if row is not None:
                    if row.cells or row.builder.length:
                        row.builder.add(" | ")
                    row.cells.append("")
                    if tag == "th" and not row.cells[:-1]:
                        row.header = row.header or inside(nid, {"thead"}) == "thead"
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                heading_level = int(tag[1])
                open_block("heading", off, heading_level)
            elif tag == "li":
                open_block("list_item", off, list_depth)
            elif tag in BLOCK_TAGS and not pre_depth and row is None:
                if tag == "p" and current is not None and current.kind == "list_item" and not current.builder.length:
                    continue
                flush()
        elif kind == "end":
            if ancestors and ancestors[-1] == nid:
                ancestors.pop()
            tag = data
            if skip_root is not None:
                if nid == skip_root:
                    skip_root = None
                continue
            if tag in ("ul", "ol"):
                list_depth = max(0, list_depth - 1)
            elif tag == "blockquote":
                quote_depth = max(0, quote_depth - 1)
            elif tag == "pre":
                pre_depth = max(0, pre_depth - 1)
                flush()
            elif tag in INLINE_CODE and not pre_depth:
                code_depth = max(0, code_depth - 1)
            elif tag == "a":
                link_depth = max(0, link_depth - 1)
            elif tag == "tr" and row is not None:
                if row.builder.length:
                    raw.append(row)
                row = None
            elif tag in BLOCK_TAGS and not pre_depth and row is None:
                flush()
        elif kind == "void":
            if skip_root is not None:
                continue
            if data == "br":
                target = row or current
                if target is not None:
                    target.builder.space()
            elif data == "hr":
                flush()
        else:  # data / ref
            if skip_root is not None:
                continue
            if row is not None:
                target = row
                if row.cells:
                    row.cells[-1] += data
            else:
                if current is None:
                    if not data.strip():
                        continue
                    k = "code" if pre_depth else "quote" if quote_depth else "list_item" if list_depth else "paragraph"
                    open_block(k, off, list_depth)
                target = current
            if pre_depth:
                continue  # code is not prose
            if code_depth:
                if not code_marked and data.strip():
                    target.builder.add(CODE_MARK, off)
                    code_marked = True
                continue
            target.builder.add(data, off)
            if link_depth:
                target.link_text_chars += len(data.strip())
    flush()
    for b in raw:
        if b.kind == "table_row":
            b.cells = [c.strip() for c in b.cells]

    title_text = re.sub(r"\s+", " ", "".join(p.title_parts)).strip() or None
    h1 = next((i for i, b in enumerate(raw) if b.kind == "heading" and b.level == 1), None)
    title, title_idx = title_text, None
    if h1 is not None:
        title, title_idx = raw[h1].builder.build()[0], h1
    meta = {"title": title_text} if title_text else {}
    if "description" in p.meta:
        meta["description"] = p.meta["description"]
    if "keywords" in p.meta:
        meta["keywords"] = p.meta["keywords"]
    return build_document(
        path=path,
        fmt="html",
        source=source,
        raw_blocks=raw,
        metadata=meta,
        title=title,
        title_block=title_idx,
        keyword=keyword,
        comments=p.comments,
    )
