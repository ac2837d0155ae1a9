"""MDX articles (Next.js, Docusaurus, Astro, Gatsby): Markdown plus ESM and JSX.

Nothing MDX adds is prose: ``import``/``export`` blocks, JSX tags (``<Callout type="tip">``,
``<Chart />``, ``</Tabs>``) and ``{expressions}`` (``{/* comments */}`` too) are blanked out with
spaces, newlines kept, so the Markdown parser (:mod:`artlint.parsers.markdown`) sees only the text,
and every offset still points into the original file. Text children of components stay prose. An
expression inside a line of text becomes U+FFFC (like inline code: a hole in the sentence). Code
fences and inline code are left alone, JSX inside them included.

MDX has no indented code blocks: text indented inside a component is a paragraph. Those lines are
dedented for the Markdown parser, and positions are mapped back to the original columns.
"""

from __future__ import annotations

import bisect
import re

from artlint.parsers.markdown import CODE_MARK, parse_markdown

_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_ESM_RE = re.compile(r"(?:import|export)\b")
_TAG_START_RE = re.compile(r"<(?:/?[A-Za-z][\w.:-]*|/?>)")  # <Name, </Name, <>, </>
_AUTOLINK_RE = re.compile(r"<[A-Za-z][\w+.-]*:[^\s<>]*>")  # <https://…> is not a tag
_MDX_COMMENT_RE = re.compile(r"\{\s*/\*(.*?)\*/\s*\}", re.S)
_INDENT_RE = re.compile(r"[ \t]*")
_SPECIAL_RE = re.compile(r"[`<{]")
# A tag or expression is looked for at most this far (a tag never past a blank line), and after this many
# that never close (not MDX, or hostile input) the rest is read as text: the scan stays linear.
MAX_SCAN = 5000
MAX_FAILURES = 50
_REST_BLANK = re.compile(r"[ \t]*(?:\n|\Z)")


def parse_mdx(source: str, path: str, keyword: str | None):
    return parse_markdown(source, path, keyword, fmt="mdx", prepare=prepare)


def prepare(body: str):
    """(body with MDX syntax blanked and components' contents dedented, offset map back, comments, and a
    mask of the blanked characters inside lines of text, or None)."""
    comments = [(m.start(), m.group(1)) for m in _MDX_COMMENT_RE.finditer(body)]
    out = list(body)
    lines = body.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    code = [False] * len(lines)  # lines inside a fence (the fence lines too)
    fence = None
    for i, line in enumerate(lines):
        m = _FENCE_RE.match(line)
        if fence is None and m:
            fence = m.group(1)
            code[i] = True
        elif fence is not None:
            code[i] = True
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip().strip(fence[0]):
                fence = None
    # ESM: a line starting with import/export opens a block that runs to the next blank line
    i = 0
    while i < len(lines):
        if not code[i] and _ESM_RE.match(lines[i]):
            while i < len(lines) and lines[i].strip():
                _blank(out, starts[i], starts[i] + len(lines[i]))
                code[i] = True
                i += 1
        i += 1
    hidden = bytearray(len(body))  # 1: blanked syntax inside a line of text, left out of the prose
    block_tags: dict[int, int] = {}  # line -> +1 (opens a component), -1 (closes one) when the tag stands alone
    pos, n = 0, len(body)
    failures = 0
    next_blank = -1  # where the paragraph being scanned ends (inline code never crosses it)
    while pos < n:
        m = _SPECIAL_RE.search(body, pos)
        if m is None:
            break
        pos = m.start()
        line = bisect.bisect_right(starts, pos) - 1
        if code[line]:
            pos = starts[line + 1] if line + 1 < len(starts) else n
            continue
        ch = body[pos]
        if ch == "`":
            run = _run(body, pos, "`")
            if next_blank < pos:
                next_blank = body.find("\n\n", pos)
                next_blank = n if next_blank < 0 else next_blank
            close = _find_code_end(body, pos + run, run, next_blank)
            pos = close if close is not None else pos + run
        elif ch == "<" and not body.startswith("<!--", pos) and not _AUTOLINK_RE.match(body, pos) and _TAG_START_RE.match(body, pos):
            end = _tag_end(body, pos) if failures < MAX_FAILURES else None
            if end is None:
                failures += 1
                pos += 1
                continue
            _blank(out, pos, end)
            first, last = line, bisect.bisect_right(starts, end - 1) - 1
            if _alone_before(out, starts[first], pos) and _REST_BLANK.match(body, end):
                tag = body[pos:end]
                if not tag.endswith("/>"):
                    block_tags[first if tag.startswith("</") else last] = -1 if tag.startswith("</") else 1
            else:  # inside a line of text: "shoots <strong>every few days</strong>." reads without the gaps
                hidden[pos:end] = b"\x01" * (end - pos)
            pos = end
        elif ch == "{":
            end = _brace_end(body, pos) if failures < MAX_FAILURES else None
            if end is None:
                failures += 1
                pos += 1
                continue
            _blank(out, pos, end)
            if not (_alone_before(out, starts[line], pos) and _REST_BLANK.match(body, end)):  # in a line of text: a hole in it
                out[pos] = CODE_MARK
                hidden[pos + 1 : end] = b"\x01" * (end - pos - 1)
            pos = end
        else:  # a '<' that starts no tag ("a < b"): text
            pos += 1
    text, remap, hidden = _dedent("".join(out), block_tags, hidden)
    comments = [(at, c) for at, c in comments if not code[bisect.bisect_right(starts, at) - 1]]  # shown in code: text
    return text, remap, comments, hidden if any(hidden) else None


def _run(s: str, pos: int, ch: str) -> int:
    end = pos
    while end < len(s) and s[end] == ch:
        end += 1
    return end - pos


def _find_code_end(s: str, pos: int, run: int, limit: int) -> int | None:
    """The end of an inline code span opened by ``run`` backticks (it cannot cross the blank line at ``limit``)."""
    while True:
        at = s.find("`" * run, pos, limit)
        if at < 0:
            return None
        length = _run(s, at, "`")
        if length == run:
            return at + run
        pos = at + length


def _alone_before(out: list[str], line_start: int, pos: int) -> bool:
    """Nothing but blanks between the start of the line and ``pos`` (a long stretch is text, unread)."""
    return pos - line_start <= 200 and not "".join(out[line_start:pos]).strip()


def _blank(out: list[str], start: int, end: int) -> None:
    for k in range(start, end):
        if out[k] != "\n":
            out[k] = " "


def _skip_string(s: str, pos: int) -> int | None:
    quote = s[pos]
    k = pos + 1
    while k < len(s) and k - pos < MAX_SCAN:
        if s[k] == "\\":
            k += 2
            continue
        if s[k] == quote:
            return k + 1
        if s[k] == "\n" and quote != "`":
            return None
        k += 1
    return None


def _skip(s: str, k: int, quotes: str, comments: bool) -> int | None:
    """Where the string opening at ``k`` with one of ``quotes`` ends, or (``comments``) the ``/* … */`` comment;
    ``k`` itself when neither opens there, None when it is never closed. Either end is past ``k``: scans advance."""
    if s[k] in quotes:
        return _skip_string(s, k)
    if comments and s.startswith("/*", k):
        close = s.find("*/", k + 2)
        return None if close < 0 else close + 2
    return k


_EXPRESSION_QUOTES = "\"'`"  # strings in a JavaScript expression
_ATTRIBUTE_QUOTES = "\"'"  # strings of a tag's attributes


def _brace_end(s: str, pos: int) -> int | None:
    """The end of the balanced ``{…}`` at ``pos`` (strings and comments inside skipped), or None."""
    depth, k = 0, pos
    while k < len(s) and k - pos < MAX_SCAN:
        c = s[k]
        if c in "\"'`/":
            nxt = _skip(s, k, _EXPRESSION_QUOTES, comments=True)
            if nxt is None:
                return None
            if nxt > k:
                k = nxt
                continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return None


def _tag_end(s: str, pos: int) -> int | None:
    """The end of the JSX tag at ``pos`` (attributes' strings and ``{…}`` values skipped), or None."""
    k = pos + 1
    while k < len(s) and k - pos < MAX_SCAN:
        c = s[k]
        if c in "\"'{":  # an attribute's string or {…} value
            nxt = _brace_end(s, k) if c == "{" else _skip(s, k, _ATTRIBUTE_QUOTES, comments=False)
            if nxt is None:
                return None
            k = nxt
            continue
        if c == ">":
            return k + 1
        if c == "<" or s.startswith("\n\n", k):
            return None
        k += 1
    return None


def _dedent(text: str, block_tags: dict[int, int], hidden: bytearray):
    """Dedent the lines inside components by the indent of their first line; map offsets back."""
    lines = text.split("\n")
    stack: list[int | None] = []
    removed = [0] * len(lines)
    for i, line in enumerate(lines):
        tag = block_tags.get(i)
        if tag == 1:
            stack.append(None)
            continue
        if tag == -1:
            if stack:
                stack.pop()
            continue
        if not stack or not line.strip():
            continue
        indent = len(_INDENT_RE.match(line).group())
        if stack[-1] is None:
            stack[-1] = indent
        removed[i] = min(indent, stack[-1])
    if not any(removed):
        return text, None, hidden
    new_lines = [line[r:] for line, r in zip(lines, removed, strict=True)]
    new_hidden = bytearray()
    at = 0
    for line, r in zip(lines, removed, strict=True):
        new_hidden += hidden[at + r : at + len(line) + 1]
        at += len(line) + 1
    new_starts, shift = [], []
    at = total = 0
    for line, r in zip(new_lines, removed, strict=True):
        total += r
        new_starts.append(at)
        shift.append(total)
        at += len(line) + 1

    def remap(offset: int) -> int:
        return offset + shift[bisect.bisect_right(new_starts, offset) - 1]

    return "\n".join(new_lines), remap, new_hidden
