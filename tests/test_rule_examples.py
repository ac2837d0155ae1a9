"""Every rule's examples run: `artlint explain` shows a `bad` example the rule flags and a `good` one it does not.

The examples are read in the rule's ``example_format`` (markdown unless the rule says otherwise), through the
same engine as real files, with only that rule (and the rules its fixtures need) enabled.
"""

import pytest

from artlint.engine import Linter

ALL_RULES = list(Linter().all_rules)
# AL000 is reported by the engine when a rule crashes: its examples describe that, no text triggers it
TEXT_RULES = [r for r in ALL_RULES if not r.engine_reported]


def _findings(rule, text):
    result = Linter(select=[rule.code, *rule.fixture_select]).lint_text(text, path=f"example-of-{rule.code}", fmt=rule.example_format)
    return [f for f in result.findings if f.rule == rule.code]


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_bad_example_is_flagged(rule):
    assert rule.example_format in ("markdown", "text", "html"), rule.example_format
    assert _findings(rule, rule.bad), f"{rule.code}: its bad example is not flagged:\n{rule.bad}"


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_good_example_is_not_flagged(rule):
    found = _findings(rule, rule.good)
    assert not found, f"{rule.code}: its good example is flagged: " + "; ".join(f.message for f in found)


def test_explain_shows_the_examples_that_are_tested():
    from .conftest import run_cli

    rule = next(r for r in ALL_RULES if r.code == "AL012")  # a generated example of 180 words
    out = run_cli("explain", rule.code).stdout.decode()
    assert rule.bad.split(".")[0] in out
    assert f"({len(rule.bad.split())} words in all)" in out  # cut, with its length
