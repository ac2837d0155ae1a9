"""One document model from three formats, with positions in the original file."""

from artlint.parsers import parse

from .conftest import run_json


def blocks(doc):
    return [(b.kind, b.level, b.text, doc.position(b.start)) for b in doc.blocks]


def test_plain_text_infers_title_headings_lists_tables():
    src = (
        "Wednesday, June 18, 2025\n\nHow to Brew Tea\n\nTea needs fresh water.\n\nSteeping times\n"
        "  • Green: two minutes\n- Black: four minutes\nTea | Minutes |\n---|---|\nGreen | 2 |\n"
    )
    doc = parse(src, "t.txt", "text")
    assert doc.title == "How to Brew Tea"
    kinds = [(k, t) for k, _l, t, _p in blocks(doc)]
    assert ("heading", "Steeping times") in kinds
    assert ("list_item", "Green: two minutes") in kinds and ("list_item", "Black: four minutes") in kinds
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("Tea", "Minutes"), ("Green", "2")]
    assert rows[0].header and not rows[1].header
    assert doc.position(rows[1].start) == (12, 1)


def test_plain_text_without_title_and_hard_wrapped():
    src = "This article opens with a long sentence that wraps onto the next line because it was\nhard-wrapped by an editor at eighty columns.\n\nSecond paragraph.\n"
    doc = parse(src, "t.txt", "text")
    assert doc.title is None
    assert doc.blocks[0].kind == "paragraph" and doc.blocks[0].text.endswith("eighty columns.")
    # a position inside the wrapped line maps to line 2
    i = doc.blocks[0].text.index("hard-wrapped")
    assert doc.locate(doc.blocks[0], i, i + 4).line == 2


def test_markdown_front_matter_code_and_shortcodes():
    src = (
        "---\ntitle: Brewing Guide\nkeyword: green tea\n---\n\n"
        "Intro with `{{ code }}` inline and a {{< figure src=x >}} shortcode.\n\n"
        "```\nTODO {{name}}\n```\n\n<!-- a comment -->\n\n## Steps\n\n1. Boil *water*, then [pour](http://x.org).\n"
    )
    doc = parse(src, "t.md", "markdown")
    assert doc.title == "Brewing Guide" and doc.keyphrase == "green tea" and doc.keyphrase_source == "front-matter"
    intro = doc.blocks[0]
    assert "{{" not in intro.text and "figure" not in intro.text and "\ufffc" in intro.text
    assert [b.kind for b in doc.blocks] == ["paragraph", "code", "heading", "list_item"]
    li = doc.blocks[-1]
    assert li.text == "Boil water, then pour." and li.links == ("http://x.org",)
    i = li.text.index("pour")
    assert doc.locate(li, i, i + 4).line == 16 and doc.locate(li, i, i + 4).column == src.splitlines()[15].index("pour") + 1
    assert doc.comments and "a comment" in doc.comments[0][1]


def test_markdown_table_rows_have_cells_and_lines():
    src = "# T\n\n| A | B |\n|---|---|\n| one | two,three |\n"
    doc = parse(src, "t.md", "markdown")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("A", "B"), ("one", "two,three")]
    i = rows[1].text.index(",three")
    assert (doc.locate(rows[1], i).line, doc.locate(rows[1], i).column) == (5, 12)


def test_html_main_content_and_metadata():
    src = """<html><head><title>Tea | Site</title><meta name="description" content="All about tea.">
<style>p{}</style><script>var x = "Advertisement";</script></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Brewing Tea</h1>
<p>Use fresh water &amp; a warm pot.</p>
<pre><code>TODO not prose</code></pre>
<ul><li>Green <b>two</b> minutes</li></ul>
<table><tr><th>Tea</th><th>Min</th></tr><tr><td>Black</td><td>4</td></tr></table>
</article><footer>Copyright 2024</footer></body></html>"""
    doc = parse(src, "t.html", "html")
    assert doc.title == "Brewing Tea" and doc.metadata["description"] == "All about tea."
    texts = [b.text for b in doc.blocks if b.kind != "code"]
    assert texts == ["Brewing Tea", "Use fresh water & a warm pot.", "Green two minutes", "Tea | Min", "Black | 4"]
    p = doc.blocks[1]
    i = p.text.index("a warm")
    assert doc.locate(p, i).line == 5 and doc.locate(p, i).column == src.splitlines()[4].index("a warm") + 1


def test_html_without_article_uses_densest_block():
    para = "<p>" + "Tea is grown on hills in many countries, and it is picked by hand. " * 3 + "</p>"
    src = f"<html><body><div id=side><p>Subscribe now</p></div><div id=content><h2>Tea</h2>{para * 4}</div><footer>Footer text</footer></body></html>"
    doc = parse(src, "t.html", "html")
    texts = " ".join(b.text for b in doc.blocks)
    assert "Subscribe" not in texts and "Footer" not in texts and "Tea is grown" in texts


def test_html_deep_nesting_does_not_recurse():
    src = "<div>" * 10000 + "<p>Deep text here.</p>" + "</div>" * 10000
    doc = parse(src, "deep.html", "html")
    assert any(b.text == "Deep text here." for b in doc.blocks)


def test_inferred_keyphrase_needs_repetition():
    src = "Main Title\n\nbest cheap hotels rome\n\nText about Rome.\n\nA Heading, best cheap hotels rome\n\nMore text.\n\nbest cheap hotels rome\n"
    assert parse(src, "k.txt", "text").keyphrase == "best cheap hotels rome"
    assert parse("Main Title\n\nSome heading here\n\nText.\n\nSome heading here\n\nText.\n", "k.txt", "text").keyphrase is None


def test_markdown_positions_past_non_ascii_text():
    """pulldown-cmark counts UTF-8 bytes; every position must still be a character of the file."""
    src = "# Café über alles\n\n| Tée | Größe |\n|---|---|\n| naïve | 日本語 text |\n\nAfter “quotes” and émojis 🎉 the *word* here.\n"
    doc = parse(src, "t.md", "markdown")
    lines = src.splitlines()
    for b in doc.blocks:
        for word in ("text", "word", "here", "naïve", "Größe"):
            if word in b.text:
                i = b.text.index(word)
                loc = doc.locate(b, i, i + len(word))
                assert lines[loc.line - 1][loc.column - 1 : loc.end_column - 1] == word, (word, loc)
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("Tée", "Größe"), ("naïve", "日本語 text")] and rows[0].header


def test_markdown_lists_quotes_images_html_and_entities():
    src = (
        "Intro ![alt words here](i.png) text &amp; more, \\*not emphasis\\*.\n\n"
        "- tight *one*\n  continued\n  - nested item\n- two\n\n"
        "1. loose\n\n2. loose too\n\n"
        "> quoted line\n\n"
        "<div>\nHTML block text\n</div>\n\n"
        "    indented code\n"
    )
    doc = parse(src, "t.md", "markdown")
    got = [(b.kind, b.level, b.text) for b in doc.blocks]
    assert got == [
        ("paragraph", 0, "Intro text & more, *not emphasis*."),
        ("list_item", 1, "tight one continued"),
        ("list_item", 2, "nested item"),
        ("list_item", 1, "two"),
        ("list_item", 1, "loose"),
        ("list_item", 1, "loose too"),
        ("quote", 0, "quoted line"),
        ("code", 0, ""),
    ]
    p = doc.blocks[0]
    i = p.text.index("more")
    assert doc.locate(p, i, i + 4).column == src.index("more") + 1  # after the image and the entity


def test_markdown_with_lone_surrogates_parses():
    doc = parse("# Title\n\nBad \udc80 byte here.\n", "t.md", "markdown")
    i = doc.blocks[1].text.index("here")
    assert doc.blocks[1].text.startswith("Bad") and doc.locate(doc.blocks[1], i).column == 12


def test_html_inline_code_is_a_hole_in_the_sentence():
    src = (
        "<html><body><article><h1>Regex</h1><p>The dot <code>.</code> is special: escape it as <code>\\.</code>. "
        "Use <kbd>Ctrl</kbd>+<kbd>F</kbd> to search.</p><pre>x = 1 .</pre></article></body></html>"
    )
    doc = parse(src, "t.html", "html")
    para = doc.blocks[1]
    assert para.text == "The dot \ufffc is special: escape it as \ufffc. Use \ufffc+\ufffc to search."
    i = para.text.index("is special")
    assert doc.locate(para, i).column == src.index("is special") + 1


def test_html_inline_code_raises_no_typography_finding(tmp_path):
    page = tmp_path / "regex.html"
    page.write_text(
        "<html><head><title>Regex basics</title></head><body><article><h1>Regex basics</h1>"
        "<p>The dot <code>.</code> is the first special character to learn. To match a real dot, escape it with a "
        "backslash: <code>\\.</code>. The class <code>[aeiou]</code> matches one vowel.</p></article></body></html>",
        encoding="utf-8",
    )
    _proc, report = run_json("--select", "AL902,AL904", page)
    assert [f["rule"] for f in report["files"][0]["findings"]] == []
    page.write_text(page.read_text(encoding="utf-8").replace("To match", "to match"), encoding="utf-8")
    assert [f["rule"] for f in run_json("--select", "AL902,AL904", page)[1]["files"][0]["findings"]] == [
        "AL902"
    ]  # prose around code is still read
