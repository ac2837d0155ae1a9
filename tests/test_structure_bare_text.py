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
