"""A typography finding on a line that a keyword-stuffing, placeholder or boilerplate finding explains is a
symptom of it (Rule.symptom_of): the report keeps the cause only."""

from .conftest import run_json


def _rules_by_line(path):
    _proc, report = run_json("--no-cache", path)
    out = {}
    for f in report["files"][0]["findings"]:
        out.setdefault(f["line"], set()).add(f["rule"])
    return out


def test_lowercase_start_of_a_pasted_query_is_not_reported_twice(tmp_path):
    page = tmp_path / "tyres.md"
    page.write_text(
        "# How to Fit Winter Tyres\n\n"
        "Winter tyres grip better below seven degrees because their rubber stays soft in the cold.\n\n"
        "Fitting them yourself saves money. best winter tyres cheap 2026 review near me is to book a slot early.\n\n"
        "best winter tyres for winter tyres reviews 2026 cheap\n\n"
        "Check the tread depth before the first frost. the legal minimum is 1.6 mm, but 3 mm is safer.\n",
        encoding="utf-8",
    )
    rules = _rules_by_line(page)
    for line in (5, 7):  # a query pasted after a sentence, a query line repeating a word: their cause only
        assert any(r.startswith("AL7") for r in rules[line]) and not rules[line] & {"AL902", "AL903"}, rules[line]
    assert "AL902" in rules[9]  # a real lower-case sentence start is still reported
