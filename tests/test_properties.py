"""Property tests: arbitrary text, Markdown and HTML never crash the linter, every report is well
formed (positions inside the file, deterministic, sorted, unique) and block text has single spaces only."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from artlint.engine import Linter
from artlint.parsers import ParseError, parse
from artlint.sources import InputError

LINTER = Linter()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from(
    "the a lorem ipsum TODO Advertisement studies show 73% of users {{name}} {city} [Insert image] "
    "iPhone eBay united States Pros Cons FAQ? See also: Read more Leave a reply , . ; : ! ? ( ) \" ' - – "
    "Ünïcödé 日本語 😀 \u200b \ufffc &amp; < > | # ## ### * _ ` ``` --- +++ {{< x >}} {% y %} <!-- z -->".split(" ")
)
LINES = st.lists(st.lists(WORDS, max_size=25).map(" ".join), max_size=30)


def _check(text, fmt, path):
    try:
        result = LINTER.lint_text(text, path, fmt)
    except ParseError as exc:  # malformed front matter: reported as an input error, by design
        assert str(exc).startswith("malformed front matter")
        return
    except InputError as exc:  # nothing but white space, code or markup: no article text
        assert str(exc).startswith("no article text")
        return
    again = LINTER.lint_text(text, path, fmt)
    for b in parse(text, path, fmt).blocks:  # rules rely on it: block text is words and single spaces
        assert b.kind == "code" or not re.search(r"[^\S ]|  ", b.text), b.text
    assert result.findings == again.findings
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    keys = [f.sort_key() for f in result.findings]
    assert keys == sorted(keys) and len(set(result.findings)) == len(result.findings)
    for f in result.findings:
        assert f.rule != "AL000", f.message  # no rule crashed
        if f.line is None:
            continue
        assert 1 <= f.line <= len(lines) and 1 <= f.column <= len(lines[f.line - 1]) + 1, (f, len(lines))
        assert f.end_line >= f.line and f.end_line <= len(lines)


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_unicode_text(text):
    _check(text, "text", "t.txt")


MDX_WORDS = st.sampled_from(
    "the a lorem ipsum TODO <Callout> </Callout> <Chart /> <A b={1}> </A> {x} {/* c */} {`t`} import export "
    "const x = { } <> </> ``` ` # ## - * 1. \n \n\n    Ünïcödé 😀 \ufffc < > ' \" --- title: T".split(" ")
)


@SETTINGS
@given(st.lists(MDX_WORDS, max_size=200).map(" ".join))
def test_mdx_like_text(text):
    _check(text, "mdx", "t.mdx")


@SETTINGS
@given(st.text(max_size=2000))
def test_arbitrary_unicode_as_markdown_and_html(text):
    _check(text, "markdown", "t.md")
    _check(text, "html", "t.html")


@SETTINGS
@given(LINES, st.sampled_from(["\n", "\r\n", "\r"]))
def test_generated_plain_text(lines, newline):
    _check(newline.join(lines), "text", "g.txt")


MD_BLOCK = st.one_of(
    LINES.map(lambda ls: "\n".join(ls)),
    st.tuples(st.integers(1, 6), WORDS).map(lambda t: "#" * t[0] + " " + t[1]),
    LINES.map(lambda ls: "\n".join("- " + x for x in ls)),
    LINES.map(lambda ls: "```\n" + "\n".join(ls) + "\n```"),
    LINES.map(lambda ls: "\n".join("| " + x.replace(" ", " | ") + " |" for x in ls)),
    LINES.map(lambda ls: "> " + "\n> ".join(ls)),
    st.just("---\ntitle: [unclosed\n---"),
    st.just("---\ntitle: T\nkeyword: the a\n---"),
)


@SETTINGS
@given(st.lists(MD_BLOCK, max_size=12))
def test_generated_markdown(blocks):
    _check("\n\n".join(blocks), "markdown", "g.md")


TAGS = st.sampled_from(
    [
        "p",
        "div",
        "article",
        "main",
        "h1",
        "h2",
        "h4",
        "ul",
        "li",
        "table",
        "tr",
        "td",
        "th",
        "pre",
        "code",
        "script",
        "nav",
        "span",
        "a",
        "blockquote",
    ]
)


@st.composite
def html_docs(draw):
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        tag = draw(TAGS)
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(LINES.map(" ".join)))
        else:
            parts.append(
                draw(st.sampled_from(["&amp;", "&#x1F600;", "&bogus;", "<!-- artlint-disable -->", "<br/>", "<img onerror=x>", "<", "&"]))
            )
    return "".join(parts)


@SETTINGS
@given(html_docs())
def test_generated_html(doc):
    _check(doc, "html", "g.html")
