"""page-chrome (AL613) through the real CLI: what it adds to the boilerplate pack, and no double report."""

from .conftest import FIXTURES, run_json

OVERLAP = FIXTURES / "page_chrome" / "overlap.txt"


def _rules_by_line(*args):
    _, report = run_json("--no-cache", *args, OVERLAP)
    return sorted((f["line"], f["rule"]) for file in report["files"] for f in file["findings"])


def test_page_chrome_alone_finds_both_chrome_lines():
    assert _rules_by_line("--select", "AL613") == [(5, "AL613"), (9, "AL613")]


def test_a_specific_rule_wins_the_line_and_page_chrome_adds_the_rest():
    # "Advertisement" is the ad-slot pattern's (AL601); the toolbar matches no pattern, only the features
    assert _rules_by_line("--select", "boilerplate") == [(5, "AL601"), (9, "AL613")]
