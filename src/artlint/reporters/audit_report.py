"""The site audit's reports (schemas/audit-report.schema.json for JSON): text, JSON and HTML.

Registered by ``artlint.builtin`` through the ``artlint_audit_reporters`` hook, as a plugin registers its own.
"""

from __future__ import annotations

import json

from artlint.version import __version__


def render_json(report: dict, options=None) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def render_text(report: dict, options=None) -> str:
    c = report["corpus"]
    out = [f"{c['documents']} documents, {c['words']:,} words (near-duplicate threshold {c['threshold']})", ""]
    out.append(f"Near-duplicate articles: {len(report['near_duplicates'])}")
    out += [f"  {d['similarity']:.2f}  {d['a']}  ~  {d['b']}" for d in report["near_duplicates"]]
    out.append(f"Paragraphs copied across articles: {len(report['copied_blocks'])}")
    for blk in report["copied_blocks"][:50]:
        out.append(
            f"  {blk['excerpt'][:70]!r} ({blk['words']} words) in " + ", ".join(f"{o['document']}:{o['line']}" for o in blk["occurrences"])
        )
    out.append(f"Keyphrase cannibalisation: {len(report['cannibalisation'])} group(s)")
    for g in report["cannibalisation"]:
        out.append(f"  '{g['keyphrase']}': {len(g['documents'])} articles: " + ", ".join(g["documents"]))
        for j in g["joined_by"][:20]:
            out.append(f"    {' + '.join(j['documents'])}: same {j['by']} ({', '.join(j['terms'])})")
    out.append(f"Template chrome: {len(report['template_chrome'])} sentence(s) or phrase(s)")
    for t in report["template_chrome"][:50]:
        out.append(f"  {t['share']:.0%} of articles, mostly in the {t['position']}: {t['text']!r}")
        out.append(
            "    "
            + ", ".join(f"{o['document']}:{o['line']}:{o['column']}" for o in t["occurrences"][:10])
            + (" …" if len(t["occurrences"]) > 10 else "")
        )
    for e in report["errors"]:
        out.append(f"{e['path']}: error: {e['message']}")
    return "\n".join(out) + "\n"


def render_html(report: dict, options=None) -> str:
    import html

    e = html.escape

    def table(rows, headers):
        head = "".join(f"<th>{e(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table><tr>{head}</tr>{body}</table>"

    c = report["corpus"]
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f'<meta name="generator" content="artlint {__version__}">',  # walks skip what artlint wrote (sources.GENERATED_MARK)
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        "<title>artlint site audit</title><style>body{font:14px system-ui;margin:24px}table{border-collapse:collapse;margin-bottom:24px}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}</style></head><body>",
        f"<h1>artlint site audit: {c['documents']} documents, {c['words']:,} words</h1>",
        "<h2>Near-duplicate articles</h2>",
        table([(d["similarity"], d["a"], d["b"]) for d in report["near_duplicates"]], ["similarity", "article", "article"]),
        "<h2>Paragraphs copied across articles</h2>",
        table(
            [(b["excerpt"], ", ".join(f"{o['document']}:{o['line']}" for o in b["occurrences"])) for b in report["copied_blocks"]],
            ["paragraph", "where"],
        ),
        "<h2>Keyphrase cannibalisation</h2>",
        table(
            [
                (g["keyphrase"], "\n".join(g["documents"]), "; ".join(f"{j['by']}: {', '.join(j['terms'])}" for j in g["joined_by"]))
                for g in report["cannibalisation"]
            ],
            ["keyphrase", "articles", "joined by"],
        ),
        "<h2>Template chrome</h2>",
        table(
            [
                (
                    t["text"],
                    t["documents"],
                    f"{t['share']:.0%}",
                    t["position"],
                    ", ".join(f"{o['document']}:{o['line']}" for o in t["occurrences"]),
                )
                for t in report["template_chrome"]
            ],
            ["text", "articles", "share", "mostly in", "where"],
        ),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
