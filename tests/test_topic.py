"""The topic model: the keyphrase and its source in the report, template labels, on-topic queries as keyword stuffing."""

import json
from pathlib import Path

import pytest

from .conftest import run_json

TEMPLATE_POSTS = Path(__file__).resolve().parent / "template_posts"


def test_template_posts_get_no_keyword_findings():
    """Posts built from one template repeat sub-headings ("What goes wrong", "Why it's worth it") under every item:
    those are labels, never the keyphrase, and nothing in them is keyword stuffing."""
    posts = sorted(TEMPLATE_POSTS.glob("*.md"))
    assert len(posts) >= 10
    _, report = run_json(TEMPLATE_POSTS, "--select", "keyword-stuffing")
    found = [(f["path"], x["line"], x["message"]) for f in report["files"] for x in f["findings"]]
    assert found == []
    assert len(report["files"]) == len(posts)
    for f in report["files"]:
        assert f["keyphrase_source"] == "title", (f["path"], f["keyphrase"])


@pytest.mark.parametrize(
    "name,text,args,phrase,source",
    [
        ("a.md", "---\nkeyword: sea kayaking\n---\n\n# Kayaking Basics\n\nPaddle on calm water.\n", (), "sea kayaking", "front-matter"),
        ("a.md", "# Kayaking Basics\n\nPaddle on calm water.\n", ("--keyword", "kayak lessons"), "kayak lessons", "option"),
        ("a.md", "# Sea Kayaking for Beginners: A Calm-Water Start\n\nPaddle on calm water.\n", (), "sea kayaking for beginners", "title"),
        ("sea-kayaking-tips.txt", "Paddle on calm water.\n\nWear a buoyancy aid.\n", (), "sea kayaking tips", "file-name"),
        (
            "page.html",
            '<html><head><meta name="keywords" content="kayak rolls, eskimo roll"></head><body><h1>Rolling a Kayak</h1>'
            "<p>Practise in a pool.</p></body></html>",
            (),
            "kayak rolls",
            "front-matter",
        ),
    ],
)
def test_report_shows_keyphrase_and_source(tmp_path, validate_report, name, text, args, phrase, source):
    art = tmp_path / name
    art.write_text(text)
    _, report = run_json(art, *args)
    validate_report(report)
    f = report["files"][0]
    assert (f["keyphrase"], f["keyphrase_source"]) == (phrase, source)


def test_query_lines_are_the_last_source(tmp_path):
    """With no title, front matter or telling file name, a search term pasted as several lines is the keyphrase."""
    art = tmp_path / "x1.txt"
    body = "Save a little every month.\n\nemergency fund how much to save\n\nKeep it in an easy-access account.\n\n"
    art.write_text(body + "emergency fund how much to save\n\nTop it up after use.\n\nemergency fund how much to save\n")
    _, report = run_json(art)
    f = report["files"][0]
    assert (f["keyphrase"], f["keyphrase_source"]) == ("emergency fund how much to save", "query-lines")


def test_on_topic_query_line_is_keyword_stuffing_not_off_topic(tmp_path):
    art = tmp_path / "tents.md"
    art.write_text(
        "# Pitching a Tent in the Rain\n\nPitch the fly first so the inner tent stays dry.\n\n"
        "## Choosing a Pitch\n\nPick higher ground and face the door away from the wind.\n\n"
        "pitching a tent in the rain tips best tarp\n\n## Packing Up\n\nShake the fly and pack it separately.\n\n"
        "cheap flights lisbon may weekend\n"
    )
    _, report = run_json(art, "--select", "keyword-stuffing,off-topic")
    got = sorted((x["line"], x["category"], x["rule"]) for x in report["files"][0]["findings"])
    assert got == [(9, "keyword-stuffing", "AL704"), (15, "off-topic", "AL303")]


def test_template_label_is_never_the_inferred_keyphrase(tmp_path):
    art = tmp_path / "p.md"
    sections = "".join(
        f"## Mistake {i}: {name}\n\n### why it's a mistake\n\nIt costs you {name.lower()} time.\n\n"
        for i, name in enumerate(["Rushing", "Skipping Prep", "Cheap Brushes", "No Primer"], 1)
    )
    art.write_text("---\ntitle: Painting Mistakes\n---\n\n" + sections)
    _, report = run_json(art, "--select", "keyword-stuffing")
    f = report["files"][0]
    assert f["findings"] == [] and f["keyphrase"] == "painting mistakes"
    json.dumps(report)  # the report stays serialisable
