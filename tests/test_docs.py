"""docs/rules.md is what the rules' metadata says (regenerate it with scripts/gen_rules_doc.py)."""

import importlib.util

from .conftest import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "scripts" / "gen_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_doc_is_current():
    gen = _generator()
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == gen.render(), "docs/rules.md is out of date: run python scripts/gen_rules_doc.py"


def test_rules_doc_covers_every_builtin_rule():
    from artlint.plugins import collect_rules, make_manager

    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in collect_rules(make_manager(load_entry_points=False)):
        assert f"### {rule.code} {rule.name}\n" in committed
