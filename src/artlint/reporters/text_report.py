"""Human-readable report: ``path:line:col: CODE name message``, then a summary.

Colour only when the output is a terminal; control characters from article
text never reach the terminal.
"""

from __future__ import annotations

import re
from collections import Counter

# control characters (line breaks and tabs too), zero-width and bidi controls, lone surrogates (an undecodable
# byte in a file name) and the two non-characters
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
# what XML 1.0 forbids (its Char production): most C0 controls, lone surrogates, U+FFFE and U+FFFF
_NOT_XML = re.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _escape(m: re.Match) -> str:
    ch = m.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}")


def clean(s: str) -> str:
    """Text safe to print on one line: control characters, escape sequences and bidi controls from a file
    name or the article are shown escaped (a newline as \\n), so none can forge a line or drive a terminal."""
    return _CONTROL.sub(_escape, s)


def xml_safe(s: str) -> str:
    """Text with the characters XML 1.0 forbids shown escaped (\\x01, \\udcff); line breaks and tabs kept."""
    return _NOT_XML.sub(_escape, s)


def render(report, options=None):
    """The report's lines, one file at a time (the CLI writes them as they come)."""
    options = options or {}
    colour = options.get("colour", False)
    quiet = options.get("quiet", False)

    def style(s, **kw):
        if not colour:
            return s
        import click

        return click.style(s, **kw)

    by_rule: Counter = Counter()
    by_severity: Counter = Counter()
    unsafe = options.get("unsafe_fixes", False)
    fixable = hidden = 0
    wrote = False
    for fr in report.files:
        lines = []
        for f in fr.findings:
            by_rule[(f.rule, f.name, f.severity)] += 1
            by_severity[f.severity] += 1
            can_fix = f.fix is not None and (f.fix.applicability == "safe" or unsafe)
            fixable += can_fix
            hidden += f.fix is not None and not can_fix
            if quiet:
                continue
            where = f"{clean(f.path)}:{f.line or 1}:{f.column or 1}:"
            lines.append(
                f"{style(where, bold=True)} {style(f.rule, fg=_COLOURS.get(f.severity), bold=True)} "
                + f"{f.name} "
                + ("[*] " if can_fix else "")
                + f"{clean(f.message)}"
                + (f" [{f.severity}]" if f.severity != "warning" else "")
            )
            for r in f.related:
                lines.append(f"    {clean(f.path)}:{r.line}:{r.column}: {clean(r.message)}")
        if lines:
            wrote = True
            yield "\n".join(lines) + "\n"
    lines = []
    for path, msg in [] if options.get("errors_on_stderr") else report.errors:  # the CLI prints them on stderr
        lines.append(f"{style(clean(path), bold=True)}: {style('error', fg='red')}: {clean(msg)}")
    if options.get("statistics") and by_rule:
        lines.append("")
        for (code, name, sev), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"{n:6d}  {code:6} {name:34} {sev}")
    if not quiet:
        total = sum(by_severity.values())
        parts = ", ".join(
            f"{by_severity[s]} {s}{'s' if by_severity[s] != 1 else ''}" for s in ("error", "warning", "info") if by_severity[s]
        )
        n_files = len(report.files)
        summary = (
            f"Found {total} finding{'s' if total != 1 else ''}"
            + (f" ({parts})" if parts else "")
            + f" in {n_files} file{'s' if n_files != 1 else ''}"
            + (f"; {len(report.errors)} error{'s' if len(report.errors) != 1 else ''}" if report.errors else "")
            + "."
        )
        lines.append(style(summary, bold=True) if total or report.errors else summary)
        if fixable or hidden:
            flag = "--fix --unsafe-fixes" if unsafe else "--fix"
            more = f" ({hidden} more with --unsafe-fixes)" if hidden else ""
            lines.append(f"[*] {fixable} fixable with {flag}{more}.")
    if lines or wrote:
        yield "\n".join(lines) + ("\n" if lines else "")
