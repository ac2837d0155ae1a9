"""Inline suppressions in Markdown and HTML comments (and MDX's ``{/* … */}``).

    <!-- artlint-disable AL901 typography -->   ... <!-- artlint-enable -->
    <!-- artlint-disable-next-line AL401 -->
    <!-- artlint-disable-file off-topic -->

With no selectors a directive covers every rule. A directive that suppresses nothing is itself
reported (AL001 unused-suppression), so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DIRECTIVE_RE = re.compile(r"^\s*artlint-(disable-next-line|disable-file|disable|enable)\b([^>]*)$", re.S)


@dataclass
class Directive:
    kind: str
    selectors: list[str]
    line: int
    column: int
    first: int  # first line covered
    last: int  # last line covered
    used: bool = field(default=False)


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
            for d in list(open_disables):
                if not selectors or set(selectors) & set(d.selectors) or not d.selectors:
                    d.last = line
                    open_disables.remove(d)
            continue
        if kind == "disable-file":
            d = Directive(kind, selectors, line, col, 1, total_lines)
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
    return not d.selectors or any(matches(finding, s) for s in d.selectors)
