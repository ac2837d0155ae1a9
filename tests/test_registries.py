"""Each extension point has one registry, and what is written elsewhere agrees with it.

Categories: ``artlint.rule.CATEGORIES`` against the schemas, the README's table, the HTML report's
colours and the scorer. Input formats: the error messages are built from ``artlint.parsers.REGISTRY``.
Output formats: a reporter that needs the article text says so itself.
"""

import importlib.util
import json
import re

from artlint.rule import CATEGORIES, SCORED_CATEGORIES

from .conftest import ROOT, run_cli


def _enum_of_category(schema: dict) -> list[str]:
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "category" and isinstance(value, dict) and "enum" in value:
                    found.append(value["enum"])
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert len(found) == 1, found
    return found[0]


def test_schemas_list_the_categories():
    report = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    pack = json.loads((ROOT / "schemas" / "rule-pack.schema.json").read_text(encoding="utf-8"))
    assert _enum_of_category(report) == list(CATEGORIES)
    assert _enum_of_category(pack) == [c for c in CATEGORIES if c != "internal"]  # a pack's rule never reports a crash


def test_readme_table_lists_the_categories():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| AL[0-9x]+ \| ([a-z-]+)", readme, re.M)
    assert list(dict.fromkeys(rows)) == list(CATEGORIES)


def test_html_report_colours_every_category():
    from artlint.reporters.html_report import COLOURS

    assert list(COLOURS) == list(CATEGORIES)


def test_scorer_scores_the_scored_categories():
    spec = importlib.util.spec_from_file_location("vendored_score", ROOT / "tests" / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    assert list(score.SCORED) == list(SCORED_CATEGORIES)


def test_every_rule_has_a_listed_category():
    rules = json.loads(run_cli("rules", "--format", "json").stdout)
    assert {r["category"] for r in rules} <= set(CATEGORIES)


def test_unknown_extension_error_lists_the_registered_extensions(tmp_path):
    from artlint.parsers import FORMATS, REGISTRY

    odd = tmp_path / "article.odd"
    odd.write_text("Title\n\nA sentence.\n", encoding="utf-8")
    err = run_cli("check", str(odd)).stderr.decode()
    assert all(ext in err for ext in FORMATS) and all(name in err for name in REGISTRY), err


SOURCE_REPORTER = """
import artlint


def _lengths(report, options):
    return "".join(f"{fr.path} {len(fr.source) if fr.source is not None else 'none'}\\n" for fr in report.files)


def _with_text(report, options):
    return _lengths(report, options)


_with_text.needs_source = True


@artlint.hookimpl
def artlint_reporters():
    return {"lengths": _lengths, "lengths-with-text": _with_text}
"""


def test_a_plugin_reporter_that_declares_it_gets_the_article_text(tmp_path):
    """No edit of the CLI: the reporter's ``needs_source`` is what makes the text kept."""
    site = tmp_path / "site"
    info = site / "src_reporter-0.1.dist-info"
    info.mkdir(parents=True)
    (site / "src_reporter.py").write_text(SOURCE_REPORTER)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: src-reporter\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[artlint]\nsrcrep = src_reporter\n")
    art = tmp_path / "a.txt"
    art.write_text("A Title\n\nA sentence of text.\n")
    env = {"PYTHONPATH": str(site)}
    without = run_cli("check", str(art), "--format", "lengths", "--no-cache", env=env).stdout.decode()
    with_text = run_cli("check", str(art), "--format", "lengths-with-text", "--no-cache", env=env).stdout.decode()
    assert without.split()[-1] == "none"
    assert with_text.split()[-1] == str(len(art.read_text()))


def test_internal_error_is_an_ordinary_rule_that_explain_shows():
    from artlint.engine import Linter
    from artlint.rule import Rule

    internal = Linter().all_rules.get("AL000")
    assert internal is not None and internal.engine_reported and internal.category == "internal"
    out = run_cli("explain", "AL000").stdout.decode()
    assert "AL000 internal-error" in out and internal.summary in out

    class Raises(Rule):
        code = "XR001"
        name = "raises-always"
        category = "style"
        summary = rationale = bad = good = "x"

        def check(self, doc):
            raise ZeroDivisionError("boom")

    linter = Linter(select=["AL901"])
    raises = Raises()
    raises.plugin = "test-plugin"
    linter.rules.rules["XR001"] = raises
    (crash,) = [f for f in linter.lint_text("Title\n\nOne sentence.\n", "t.txt", "text").findings if f.rule == "AL000"]
    assert (crash.name, crash.category, crash.severity) == (internal.name, internal.category, internal.severity)
    assert crash.message == "rule XR001 raises-always (plugin test-plugin) failed: ZeroDivisionError: boom"


def test_audit_formats_come_from_the_reporter_hook(tmp_path):
    from artlint.plugins import collect_reporters, make_manager

    names = sorted(collect_reporters(make_manager(), "artlint_audit_reporters"))
    assert names == ["html", "json", "text"]
    (tmp_path / "a.md").write_text("# A title\n\nSome text about tea.\n", encoding="utf-8")
    proc = run_cli("audit", str(tmp_path), "--format", "nosuch")
    assert proc.returncode == 2 and f"choose from {', '.join(names)}" in proc.stderr.decode()
