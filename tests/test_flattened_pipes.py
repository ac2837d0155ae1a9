"""AL108 on tables pasted with their pipes but without table markup (HTML rows as paragraphs, a Markdown
table missing its "|---|" line), through the real CLI; a breadcrumb or a sentence with pipes stays quiet."""

import json

from tests.conftest import run_cli

HTML = """<html><head><title>Sharpening a Chisel</title></head><body><article>
<h1>Sharpening a Chisel</h1>
<p>Work through the grits in order; each stone removes the scratches of the one before.</p>
<p>Stone | Grit | What it does</p>
<p>Coarse diamond | 300 | flattens the back and sets the bevel</p>
<p>Medium water stone | 1000 | removes the coarse scratches</p>
<p>Fine water stone | 6000 | polishes the edge</p>
<p>Strop the edge on leather when you are done | it takes a minute and the edge lasts longer.</p>
<p>Home | Workshop | Hand tools</p>
</article></body></html>
"""

MARKDOWN = """# Sharpening a Chisel

Work through the grits in order.

Stone | Grit | What it does
Coarse diamond | 300 | flattens the back
Medium water stone | 1000 | removes the scratches
Fine water stone | 6000 | polishes the edge

| Stone | Grit |
|---|---|
| Coarse diamond | 300 |
| Fine water stone | 6000 |
"""


def _al108(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "AL108", "--format", "json", path)
    report = json.loads(proc.stdout)
    return [(f["line"], f["column"], f["message"]) for f in report["files"][0]["findings"]]


def test_html_rows_pasted_as_paragraphs(tmp_path):
    found = _al108(tmp_path, "chisel.html", HTML)
    assert [(line, col) for line, col, _ in found] == [(4, 4)]
    assert "3 cells separated by '|'" in found[0][2] and "3 rows" in found[0][2]


def test_markdown_table_without_delimiter_row(tmp_path):
    found = _al108(tmp_path, "chisel.md", MARKDOWN)
    assert [(line, col) for line, col, _ in found] == [(5, 1)]
