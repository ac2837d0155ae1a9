"""Preview rules run only when a selector names them by code or name, never through ALL, a prefix or a
category. The preview rule comes from a real plugin (an entry point on a distribution), as a third
party's new, unproven rule would."""

import pytest

from .conftest import ROOT, install_plugin, run_json

ARTICLE = ROOT / "seeds"
PLUGIN = """
import artlint
from artlint.rule import Rule


class LongTitle(Rule):
    code = "XP900"
    name = "long-title"
    category = "structure"
    severity = "info"
    preview = True
    summary = "A title of more than three words."
    rationale = "To test preview selection."
    bad = "# How to Brew Good Tea\\n\\nBoil water.\\n"
    good = "# Brewing Tea\\n\\nBoil water.\\n"

    def check(self, doc):
        if doc.title and len(doc.title.split()) > 3:
            yield self.hit("Long title.", doc.blocks[doc.title_block])


@artlint.hookimpl
def artlint_rules():
    return [LongTitle]
"""


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return install_plugin(tmp_path_factory.mktemp("site"), "xp_preview", PLUGIN, "xpp")


def _rules(env, *select):
    args = [a for s in select for a in ("--select", s)]
    _, report = run_json(ARTICLE, "--no-cache", *args, env=env)
    return {f["rule"] for file in report["files"] for f in file["findings"]}


@pytest.mark.parametrize("select", [(), ("ALL",), ("XP9",), ("structure",)])
def test_preview_rule_is_off_unless_named(env, select):
    assert "XP900" not in _rules(env, *select)


@pytest.mark.parametrize("select", [("XP900",), ("long-title",), ("ALL", "XP900")])
def test_preview_rule_runs_when_named(env, select):
    assert "XP900" in _rules(env, *select)
