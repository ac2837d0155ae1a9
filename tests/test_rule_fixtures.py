"""Every rule: its bad fixture gives exactly the expected findings; its good fixture (hard negatives) none."""

import json

import pytest

from artlint.engine import Linter
from artlint.rule import validate_rule_class

from .conftest import FIXTURES

RULE_DIR = FIXTURES / "rules"
ALL_RULES = list(Linter().all_rules)
# AL000 is reported by the engine when a rule crashes: no article triggers it (tests/test_hostile.py provokes it)
TEXT_RULES = [r for r in ALL_RULES if not r.engine_reported]


def _one(folder, stem):
    files = [p for p in folder.glob(f"{stem}.*") if p.suffix != ".json"]
    assert len(files) == 1, f"{folder.name}: expected one {stem}.* fixture, found {files}"
    return files[0]


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_contract(rule):
    """A rule without fixtures, rationale or examples fails here."""
    assert not validate_rule_class(rule), validate_rule_class(rule)
    folder = RULE_DIR / rule.code
    assert folder.is_dir(), f"{rule.code} {rule.name} has no fixture folder {folder}"
    expected = json.loads((folder / "expected.json").read_text())
    assert expected, f"{rule.code}: expected.json lists no findings"
    _one(folder, "bad")
    _one(folder, "good")


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_bad_fixture_gives_expected_findings(rule):
    folder = RULE_DIR / rule.code
    bad = _one(folder, "bad")
    expected = [tuple(x) for x in json.loads((folder / "expected.json").read_text())]
    result = Linter(select=[rule.code, *rule.fixture_select]).lint_file(str(bad))
    mine = [f for f in result.findings if f.rule == rule.code]
    assert [(f.line, f.column) for f in mine] == expected, "\n".join(f"{f.line}:{f.column} {f.message}" for f in mine)
    for f in mine:
        assert f.category == rule.category and f.message


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_good_fixture_is_clean(rule):
    good = _one(RULE_DIR / rule.code, "good")
    result = Linter(select=[rule.code, *rule.fixture_select]).lint_file(str(good))
    mine = [f for f in result.findings if f.rule == rule.code]
    assert not mine, "\n".join(f"{f.line}:{f.column} {f.message}" for f in mine)


def test_every_fixture_folder_names_a_rule():
    codes = {r.code for r in TEXT_RULES}
    stray = [p.name for p in RULE_DIR.iterdir() if p.is_dir() and p.name not in codes]
    assert not stray, f"fixture folders for unknown rules: {stray}"
