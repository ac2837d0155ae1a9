"""Inline suppressions in Markdown and HTML comments (and MDX's ``{/* … */}``).

    <!-- artlint-disable AL901 typography -->   ... <!-- artlint-enable -->
    <!-- artlint-disable-next-line AL401 -->
    <!-- artlint-disable-line AL401 -->          (the line the comment is on)
    <!-- artlint-disable-file off-topic -->

With no selectors a directive covers every rule. ``enable`` with selectors re-enables only those
rules (as markdownlint does); ``enable`` alone ends every open ``disable``. Only real comments count:
the parsers leave out comments shown inside code (fences, indented blocks, code spans, <pre>/<code>). A directive that suppresses nothing is itself
reported (AL001 unused-suppression), so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DIRECTIVE_RE = re.compile(r"^\s*artlint-(disable-next-line|disable-file|disable-line|disable|enable)\b([^>]*)$", re.S)


@dataclass
class Directive:
    kind: str
    selectors: list[str]
    line: int
    column: int
    first: int  # first line covered
    last: int  # last line covered
    used: bool = field(default=False)
    # (from line, selectors) pairs: rules an ``enable`` re-enabled from that line on
    exceptions: list[tuple[int, list[str]]] = field(default_factory=list)


def parse_directives(doc) -> list[Directive]:
    out: list[Directive] = []
    open_disables: list[Directive] = []
    total_lines = doc.source.count("\n") + 1
    for offset, text in doc.comments:
        m = DIRECTIVE_RE.match(text)
        if not m:
            continue
        kind = m.group(1)
        selectors = [s for s in re.split(r"[\s,|]+", m.group(2).strip()) if s]
        line, col = doc.position(offset)
        at = doc.source.find(text, offset)
        end_line = doc.position((at if at >= 0 else offset) + len(text))[0]  # where the directive's text ends
        if kind == "enable":
            named = {s.upper() for s in selectors}
            for d in list(open_disables):
                if not selectors or (d.selectors and {s.upper() for s in d.selectors} <= named):
                    d.last = line  # everything it disabled is enabled again
                    open_disables.remove(d)
                else:
                    d.exceptions.append((line, selectors))
            continue
        if kind == "disable-file":
            d = Directive(kind, selectors, line, col, 1, total_lines)
        elif kind == "disable-line":
            d = Directive(kind, selectors, line, col, line, line)
        elif kind == "disable-next-line":
            nxt = end_line + 1
            lines = doc.source.split("\n")
            while nxt <= len(lines) and not lines[nxt - 1].strip():
                nxt += 1
            d = Directive(kind, selectors, line, col, nxt, nxt)
        else:
            d = Directive(kind, selectors, line, col, line, total_lines)
            open_disables.append(d)
        out.append(d)
    return out


def covers(d: Directive, finding, matches) -> bool:
    line = finding.line or 1
    end = finding.end_line or line
    if not (d.first <= end and line <= d.last):
        return False
    if d.kind == "disable-next-line" and line != d.first:
        return False
    for since, enabled in d.exceptions:
        if line >= since and any(matches(finding, s) for s in enabled):
            return False
    return not d.selectors or any(matches(finding, s) for s in d.selectors)
