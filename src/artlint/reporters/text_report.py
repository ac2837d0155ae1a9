"""Human-readable report: ``path:line:col: CODE name message``, then a summary.

Colour only when the output is a terminal; control characters from article
text never reach the terminal.
"""

from __future__ import annotations

import re
from collections import Counter

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def clean(s: str) -> str:
    """Text safe to print: no escape sequences or bidi controls from the article."""
    return _CONTROL.sub("\ufffd", s)


def render(report, options=None) -> str:
    options = options or {}
    colour = options.get("colour", False)
    quiet = options.get("quiet", False)

    def style(s, **kw):
        if not colour:
            return s
        import click

        return click.style(s, **kw)

    lines = []
    if not quiet:
        for f in report.findings:
            where = f"{clean(f.path)}:{f.line or 1}:{f.column or 1}:"
            lines.append(
                f"{style(where, bold=True)} {style(f.rule, fg=_COLOURS.get(f.severity), bold=True)} "
                f"{f.name} {clean(f.message)}" + (f" [{f.severity}]" if f.severity != "warning" else "")
            )
            for r in f.related:
                lines.append(f"    {clean(f.path)}:{r.line}:{r.column}: {clean(r.message)}")
    for path, msg in report.errors:
        lines.append(f"{style(clean(path), bold=True)}: {style('error', fg='red')}: {clean(msg)}")
    if options.get("statistics"):
        counts = Counter((f.rule, f.name, f.severity) for f in report.findings)
        if counts:
            lines.append("")
            for (code, name, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"{n:6d}  {code:6} {name:34} {sev}")
    if not quiet:
        findings = report.findings
        by = Counter(f.severity for f in findings)
        parts = ", ".join(f"{by[s]} {s}{'s' if by[s] != 1 else ''}" for s in ("error", "warning", "info") if by[s])
        n_files = len(report.files)
        summary = (
            f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''}"
            + (f" ({parts})" if parts else "")
            + f" in {n_files} file{'s' if n_files != 1 else ''}"
            + (f"; {len(report.errors)} error{'s' if len(report.errors) != 1 else ''}" if report.errors else "")
            + "."
        )
        lines.append(style(summary, bold=True) if findings or report.errors else summary)
    return "\n".join(lines) + ("\n" if lines else "")
