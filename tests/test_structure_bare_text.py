"""Structure rules on bare-line text, where heading levels are guessed (through the real CLI)."""

from .conftest import FIXTURES, run_json

BARE = FIXTURES / "bare_text"


def _findings(path, code):
    _, report = run_json("--no-cache", "--select", code, path)
    return [(f["line"], f["rule"]) for file in report["files"] for f in file["findings"]]


def test_empty_section_in_bare_text_is_found():
    assert _findings(BARE / "empty_section_bad.txt", "AL104") == [(9, "AL104")]


def test_heading_over_subheadings_in_bare_text_is_not_an_empty_section():
    # a parent written in another style over its first child, and a FAQ heading over its first question
    assert _findings(BARE / "empty_section_good.txt", "AL104") == []


def test_long_title_case_first_line_is_the_title(tmp_path):
    # an SEO title with a subtitle runs past a heading's 14 words; it is still the title, not a paragraph
    body = "\n\nA feeder in the right place brings finches within a week. Here is how to choose one.\n"
    titled = tmp_path / "titled.txt"
    titled.write_text("Choosing a Bird Feeder: What to Buy, What to Fill It With and Where to Hang It" + body)
    untitled = tmp_path / "untitled.txt"
    untitled.write_text("Choosing a bird feeder means thinking about what to buy and what to fill it with and where to hang it" + body)
    assert _findings(titled, "AL101") == []
    assert _findings(untitled, "AL101") == [(None, "AL101")]
