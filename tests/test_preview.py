"""Preview rules run only when a selector names them by code or name, never through ALL, a prefix or a category."""

import pytest

from .conftest import ROOT, run_json

BAD = ROOT / "tests" / "fixtures" / "rules" / "AL805" / "bad.md"


def _rules(*select):
    args = [a for s in select for a in ("--select", s)]
    _, report = run_json(BAD, "--no-cache", *args)
    return {f["rule"] for f in report["files"][0]["findings"]}


@pytest.mark.parametrize("select", [(), ("ALL",), ("AL8",), ("spun-text",)])
def test_preview_rule_is_off_unless_named(select):
    assert "AL805" not in _rules(*select)


@pytest.mark.parametrize("select", [("AL805",), ("spun-collocation",), ("ALL", "AL805")])
def test_preview_rule_runs_when_named(select):
    assert "AL805" in _rules(*select)
