"""Plugins through real entry points, YAML packs, configuration, and rule failures."""

import json
import textwrap

from .conftest import SEEDS, install_plugin, run_cli, run_json

PLUGIN = """
import artlint
from artlint.rule import Rule


class ShoutingTitle(Rule):
    code = "XP001"
    name = "shouting-title"
    category = "style"
    severity = "warning"
    summary = "Title in capitals."
    rationale = "Capitals read as shouting."
    bad = "HOW TO BREW TEA"
    good = "How to Brew Tea"

    def check(self, doc):
        if doc.title and doc.title.isupper():
            yield self.hit("Title is in capitals.", doc.blocks[doc.title_block])


class Broken(Rule):
    code = "XP002"
    name = "always-crashes"
    category = "style"
    summary = "Crashes."
    rationale = "To test isolation."
    bad = "x"
    good = "y"

    def check(self, doc):
        raise RuntimeError("boom")
        yield


@artlint.hookimpl
def artlint_rules():
    return [ShoutingTitle, Broken]
"""


def _install_plugin(tmp_path):
    """A real distribution on sys.path: module + .dist-info with an `artlint` entry point."""
    return install_plugin(tmp_path / "site", "xp_plugin", PLUGIN, "xp")


def test_external_plugin_rule_listed_reported_and_isolated(tmp_path, validate_report):
    env = _install_plugin(tmp_path)
    from .conftest import NONET

    env["PYTHONPATH"] = f"{NONET}:{env['PYTHONPATH']}"
    rules = json.loads(run_cli("rules", "--format", "json", env=env).stdout)
    mine = {r["code"]: r for r in rules if r["code"].startswith("XP")}
    assert mine["XP001"]["plugin"] == "xp" and mine["XP001"]["name"] == "shouting-title"
    art = tmp_path / "a.txt"
    art.write_text("HOW TO BREW TEA\n\nBoil the water first.\n")
    proc, report = run_json(art, env=env)
    validate_report(report)
    found = {(x["rule"], x["name"]) for x in report["files"][0]["findings"]}
    assert ("XP001", "shouting-title") in found
    crash = [x for x in report["files"][0]["findings"] if x["rule"] == "AL000"]
    assert len(crash) == 1 and "XP002" in crash[0]["message"] and "boom" in crash[0]["message"] and "xp" in crash[0]["message"]
    assert crash[0]["name"] == "internal-error"


def test_config_select_severity_options_and_per_file_ignores(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        textwrap.dedent("""
        [tool.artlint]
        select = ["structure", "AL901"]
        [tool.artlint.severity]
        AL901 = "error"
        [tool.artlint.rules.AL106]
        max_words = 5
        [tool.artlint.per-file-ignores]
        "skip-*.txt" = ["AL106"]
    """)
    )
    body = "A Title\n\nThis paragraph has more than five words,surely.\n"
    (tmp_path / "a.txt").write_text(body)
    (tmp_path / "skip-b.txt").write_text(body)
    proc, report = run_json(tmp_path)
    by = {f["path"].rsplit("/", 1)[-1]: {(x["rule"], x["severity"]) for x in f["findings"]} for f in report["files"]}
    assert by["a.txt"] == {("AL106", "warning"), ("AL901", "error")}
    assert by["skip-b.txt"] == {("AL901", "error")}


def test_config_unknown_key_and_wrong_type(tmp_path):
    (tmp_path / "artlint.toml").write_text('selekt = ["AL1"]\n')
    (tmp_path / "a.txt").write_text("T\n\ntext.\n")
    proc = run_cli("check", tmp_path / "a.txt")
    assert proc.returncode == 2 and b"unknown key 'selekt'" in proc.stderr and b"Traceback" not in proc.stderr
    (tmp_path / "artlint.toml").write_text("fail-on = 3\n")
    proc = run_cli("check", tmp_path / "a.txt")
    assert proc.returncode == 2 and b"fail-on" in proc.stderr


def test_user_pack_from_config(tmp_path):
    (tmp_path / "house.yaml").write_text(
        textwrap.dedent("""
        pack: house
        rules:
          - code: HS101
            name: banned-superlative
            category: style
            kind: substitution
            swap: {world-class: excellent}
            summary: No superlatives.
            rationale: Readers distrust them.
            bad: A world-class team.
            good: An experienced team.
    """)
    )
    (tmp_path / "artlint.toml").write_text('packs = ["house.yaml"]\nselect = ["HS"]\n')
    (tmp_path / "a.md").write_text("# T\n\nWe have a World-class team.\n")
    _, report = run_json(tmp_path / "a.md")
    (f,) = report["files"][0]["findings"]
    assert (f["rule"], f["line"], f["column"]) == ("HS101", 3, 11) and "excellent" in f["message"]


def test_bad_pack_names_file_and_field(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "pack: x\nrules:\n  - code: HS1\n    name: Bad Name\n    category: style\n    kind: existence\n    tokens: [a]\n    summary: s\n    rationale: r\n    bad: b\n    good: g\n"
    )
    (tmp_path / "artlint.toml").write_text('packs = ["bad.yaml"]\n')
    (tmp_path / "a.md").write_text("# T\n\ntext\n")
    proc = run_cli("check", tmp_path / "a.md")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "bad.yaml" in err and "rules[0]" in err and "Traceback" not in err
    (tmp_path / "bad.yaml").write_text("pack: x\nrules: [\n")
    proc = run_cli("check", tmp_path / "a.md")
    assert proc.returncode == 2 and "not valid YAML" in proc.stderr.decode()


def test_pack_yaml_cannot_run_code(tmp_path):
    (tmp_path / "evil.yaml").write_text("pack: !!python/object/apply:os.system ['touch pwned']\nrules: []\n")
    (tmp_path / "artlint.toml").write_text('packs = ["evil.yaml"]\n')
    (tmp_path / "a.md").write_text("# T\n\ntext\n")
    proc = run_cli("check", tmp_path / "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and not (tmp_path / "pwned").exists()


def test_python_api():
    import artlint

    findings = artlint.lint_text("# Title\n\nLorem ipsum dolor sit amet.\n", format="markdown")
    assert [f.rule for f in findings] == ["AL402"]
    report = artlint.lint_path(str(SEEDS))
    assert len(report.files) == 4


def test_builtin_packs_validate_against_schema():
    """Built-in packs skip validation at run time for speed, so it happens here."""
    from artlint.packs import load_pack
    from artlint.resources import packs_dir

    packs = sorted(packs_dir().glob("*.yaml"))
    assert len(packs) >= 4
    for p in packs:
        assert load_pack(p, validate=True)
