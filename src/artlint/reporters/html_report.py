"""A self-contained HTML report: summary chart, then each article with its findings
highlighted in place and listed in the margin, filterable by category and severity.

Every piece of article text is escaped, and a Content-Security-Policy that allows only
this report's own inline script (by hash) means nothing in an article can execute.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter, defaultdict

from artlint.reporters.text_report import xml_safe
from artlint.rule import CATEGORIES, SEVERITIES
from artlint.version import __version__

COLOURS = {
    "structure": "#8e44ad",
    "duplicate": "#2980b9",
    "off-topic": "#d35400",
    "placeholder": "#c0392b",
    "unsupported-claim": "#b7950b",
    "boilerplate": "#7f8c8d",
    "keyword-stuffing": "#16a085",
    "spun-text": "#e84393",
    "typography": "#2c3e50",
    "readability": "#27ae60",
    "style": "#6c5ce7",
    "internal": "#000000",
}

SCRIPT = """
(function () {
  var boxes = document.querySelectorAll('input[data-filter]');
  function apply() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) off[b.dataset.filter] = true; });
    document.querySelectorAll('[data-cat]').forEach(function (el) {
      var hidden = off['cat:' + el.dataset.cat] || off['sev:' + el.dataset.sev];
      el.classList.toggle('hidden', !!hidden);
    });
    document.querySelectorAll('mark[data-ids]').forEach(function (m) {
      var ids = m.dataset.ids.split(' '), shown = false;
      ids.forEach(function (id) { var f = document.getElementById('f' + id); if (f && !f.classList.contains('hidden')) shown = true; });
      m.classList.toggle('off', !shown);
    });
  }
  var m = /hide=([^&]*)/.exec(decodeURIComponent(location.hash || ''));
  if (m) m[1].split(',').forEach(function (k) {
    boxes.forEach(function (b) { if (b.dataset.filter === k) b.checked = false; });
  });
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
  document.body.setAttribute('data-ready', '1');
})();
"""

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 8px}.summary{display:flex;gap:32px;flex-wrap:wrap;align-items:flex-start}
.filters label{margin-right:10px;white-space:nowrap}.file{margin:16px 24px;background:#fff;border:1px solid #ddd}
.file h2{font-size:15px;margin:0;padding:8px 12px;background:#f0f0f0;border-bottom:1px solid #ddd}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(240px,2fr)}
.article{font:13px/1.5 ui-monospace,monospace;overflow-x:auto;border-right:1px solid #eee}
.l{display:flex}.n{color:#999;min-width:3.5em;text-align:right;padding-right:8px;user-select:none}
.t{white-space:pre-wrap;word-break:break-word}
mark{background:#ffe58a;border-bottom:2px solid #d4a000}mark.off{background:none;border:0}
.margin ol{margin:0;padding:8px 8px 8px 28px}.margin li{margin-bottom:6px}.hidden{display:none}
.code{font-weight:600}.sev-error{color:#c0392b}.sev-warning{color:#b7950b}.sev-info{color:#2980b9}
.errors{margin:16px 24px;color:#c0392b}
"""


def e(s) -> str:
    return html.escape(xml_safe(str(s)), quote=True)  # characters XML forbids (a \x01 in a file name) shown escaped


def _chart(counts: Counter, order) -> str:
    items = [(k, counts[k]) for k in order if counts.get(k)]
    if not items:
        return "<p>No findings.</p>"
    top = max(v for _, v in items)
    rows = []
    for i, (k, v) in enumerate(items):
        w = int(220 * v / top)
        colour = COLOURS.get(k, {"error": "#c0392b", "warning": "#d4a000", "info": "#2980b9"}.get(k, "#555"))
        rows.append(
            f'<text x="0" y="{i * 22 + 15}" font-size="12">{e(k)}</text>'
            f'<rect x="130" y="{i * 22 + 3}" width="{max(w, 2)}" height="16" fill="{colour}"></rect>'
            f'<text x="{136 + w}" y="{i * 22 + 15}" font-size="12">{v}</text>'
        )
    return f'<svg role="img" width="400" height="{len(items) * 22 + 4}" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'


def _article(lines: list[str], findings, ids) -> str:
    """Lines of the source with the findings' spans wrapped in <mark>."""
    spans = defaultdict(list)  # line -> (start col, end col, id)
    for f, fid in zip(findings, ids, strict=True):
        if not f.line:
            continue
        last = f.end_line or f.line
        for ln in range(f.line, last + 1):
            if ln > len(lines):
                break
            start = f.column if ln == f.line else 1
            end = (f.end_column or start + 1) if ln == last else len(lines[ln - 1]) + 1
            spans[ln].append((max(start, 1), max(end, start + 1), fid))
    out = []
    for n, text in enumerate(lines, 1):
        marks = spans.get(n)
        if not marks:
            out.append(f'<div class="l"><span class="n">{n}</span><span class="t">{e(text)}</span></div>')
            continue
        cuts = sorted({1, len(text) + 1, *[c for s, t, _ in marks for c in (s, min(t, len(text) + 1))]})
        parts = []
        for a, b in zip(cuts, cuts[1:]):
            seg = text[a - 1 : b - 1]
            covering = [fid for s, t, fid in marks if s <= a < t]
            if covering and seg:
                parts.append(f'<mark data-ids="{" ".join(map(str, covering))}">{e(seg)}</mark>')
            else:
                parts.append(e(seg))
        if not text:
            parts.append('<mark data-ids="{}"> </mark>'.format(" ".join(str(fid) for _, _, fid in marks)))
        out.append(f'<div class="l" id="L{n}"><span class="n">{n}</span><span class="t">{"".join(parts)}</span></div>')
    return "\n".join(out)


def render(report, options=None) -> str:
    findings = report.findings
    by_cat = Counter(f.category for f in findings)
    by_sev = Counter(f.severity for f in findings)
    script_hash = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{script_hash}'"
    filters = (
        "".join(
            f'<label><input type="checkbox" checked data-filter="cat:{e(c)}"> {e(c)} ({by_cat[c]})</label>'
            for c in CATEGORIES
            if by_cat.get(c)
        )
        + "<br>"
        + "".join(
            f'<label><input type="checkbox" checked data-filter="sev:{s}"> {s} ({by_sev[s]})</label>' for s in SEVERITIES if by_sev.get(s)
        )
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta name="generator" content="artlint {e(__version__)}">',  # walks skip what artlint wrote (sources.GENERATED_MARK)
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        f"<title>artlint report: {len(findings)} findings in {len(report.files)} files</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<header><h1>artlint {e(__version__)}: {len(findings)} findings in {len(report.files)} files</h1>",
        '<div class="summary">',
        f"<div><h3>By category</h3>{_chart(by_cat, CATEGORIES)}</div>",
        f"<div><h3>By severity</h3>{_chart(by_sev, SEVERITIES)}</div>",
        f'<div class="filters"><h3>Show</h3>{filters}</div>',
        "</div></header>",
    ]
    if report.errors:
        parts.append(
            '<div class="errors"><h3>Errors</h3><ul>' + "".join(f"<li>{e(p)}: {e(m)}</li>" for p, m in report.errors) + "</ul></div>"
        )
    counter = 0
    for fr in report.files:
        ids = list(range(counter, counter + len(fr.findings)))
        counter += len(fr.findings)
        lines = (fr.source or "").split("\n")
        items = "".join(
            f'<li id="f{fid}" data-cat="{e(f.category)}" data-sev="{e(f.severity)}">'
            f'<a href="#L{f.line or 1}">{f.line or "-"}:{f.column or "-"}</a> '
            f'<span class="code sev-{e(f.severity)}">{e(f.rule)}</span> {e(f.name)}: {e(f.message)}</li>'
            for f, fid in zip(fr.findings, ids, strict=True)
        )
        parts.append(
            f'<section class="file"><h2>{e(fr.path)} ({e(fr.format)}, {fr.words} words, {len(fr.findings)} findings)</h2>'
            f'<div class="cols"><div class="article">{_article(lines, fr.findings, ids)}</div>'
            f'<div class="margin"><ol>{items}</ol></div></div></section>'
        )
    parts.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"


render.needs_source = True  # the report shows each article's text: the CLI keeps it (FileResult.source) for this reporter
