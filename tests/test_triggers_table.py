"""The shipped table of claim and note rule triggers (scripts/build_triggers.py) matches the rules."""

import json
import subprocess
import sys
from pathlib import Path

from artlint.matching import triggers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import build_triggers  # noqa: E402


def test_table_is_current():
    shipped = json.loads(build_triggers.OUT.read_text(encoding="utf-8"))
    fresh = build_triggers.table()
    stale = sorted(k for k in shipped.keys() ^ fresh.keys()) + sorted(k for k in shipped.keys() & fresh.keys() if shipped[k] != fresh[k])
    assert not stale, f"run `python scripts/build_triggers.py`: {len(stale)} patterns differ, e.g. {stale[:3]}"


def test_a_pattern_missing_from_the_table_is_derived():
    source = r"\bzebra crossings? (?:near|beside) schools\b"
    assert f"2:{source}" not in triggers._triggers_table()
    assert triggers.derived_triggers(source) == ("=zebra",)  # the rarest word every match holds


def test_findings_do_not_depend_on_the_table(tmp_path):
    """The same findings with the table and without it (every trigger derived at start)."""
    article = ROOT / "tests" / "articles"  # annotated articles with claims and notes of many kinds
    code = (
        "import sys, json; from artlint.matching import triggers; "
        "triggers._triggers_table.cache_clear(); triggers._triggers_table = (lambda: {}) if sys.argv[1] == 'off' else triggers._triggers_table; "
        "from artlint.cli import main; sys.argv = ['artlint', 'check', '--no-cache', '--format', 'json', sys.argv[2]]; main()"
    )
    outs = []
    for mode in ("on", "off"):
        done = subprocess.run([sys.executable, "-c", code, mode, str(article)], capture_output=True, text=True)
        report = json.loads(done.stdout)
        outs.append(sorted((r["path"], f["rule"], f["line"], f["column"]) for r in report["files"] for f in r["findings"]))
    assert outs[0] == outs[1]
    assert {c for _p, c, _l, _c in outs[0]} >= {"AL502", "AL406"}  # claim and note rules did run
