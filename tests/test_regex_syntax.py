"""Reading a pattern's structure goes through one wrapper of Python's private regex parser
(artlint.matching.regex_syntax), and findings do not depend on that parser being there.

If a Python release removes ``re._parser`` or changes the shape of its trees, the wrapper's probe fails and
every speed-up that reads patterns (pack gates, claim and note triggers, the longest whole-block match)
steps aside: the same findings, found more slowly. The subprocess runs below simulate both failures.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from artlint.matching import derive_triggers, regex_syntax
from artlint.matching.backtracking import backtracking_risk
from artlint.matching.literals import required_texts

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "artlint"


def test_the_parser_passes_the_probe_on_this_python():
    """A new Python that fails the probe silently turns the speed-ups off: this test says so instead."""
    assert regex_syntax.available(), f"re._parser changed shape on Python {sys.version.split()[0]}: update matching/regex_syntax.py"
    assert regex_syntax.max_width(r"ab|c{3}") == 3


def test_private_re_modules_are_used_in_one_place_only():
    users = sorted(
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if re.search(r"re\._parser|re\._constants|from re import _", p.read_text(encoding="utf-8"))
    )
    assert users == ["matching/regex_syntax.py"]


def test_without_the_parser_nothing_is_derived(monkeypatch):
    monkeypatch.setattr(regex_syntax, "_re_parser", None)
    monkeypatch.setattr(regex_syntax, "_AVAILABLE", None)
    assert not regex_syntax.available()
    assert regex_syntax.max_width("abc") is None
    assert required_texts(r"\bplaceholder text\b") is None  # no gate: the pattern is tried on every block
    assert derive_triggers(r"\bnine out of ten \w+") is None
    assert backtracking_risk(r"(a|aa)+$") is None  # accepted unchecked; the time budget still applies
    with pytest.raises(re.error):
        re.compile(r"(unclosed")  # the engine itself never needed the wrapper


# Run the CLI with the wrapper's parser taken away ("missing") or returning trees of another shape
# ("changed"), and with the shipped trigger table emptied, so every claim and note gate is derived then.
_RUN = """
import sys, types
mode, folder = sys.argv[1], sys.argv[2]
from artlint.matching import regex_syntax, triggers
if mode != "normal":
    triggers._triggers_table.cache_clear()
    triggers._triggers_table = lambda: {}
if mode == "missing":
    regex_syntax._re_parser = None
elif mode == "changed":
    regex_syntax._re_parser = types.SimpleNamespace(parse=lambda source, flags=0: [("LITERAL", 1)])
print(regex_syntax.available(), file=sys.stderr)
from artlint.cli import main
sys.argv = ["artlint", "check", "--no-cache", "--format", "json", "--jobs", "1", folder]
main()
"""
_FOLDER = ROOT / "tests" / "articles"  # annotated articles with pack phrases, patterns, page chrome, claims and notes


def _findings(mode: str) -> list:
    done = subprocess.run([sys.executable, "-c", _RUN, mode, str(_FOLDER)], capture_output=True, text=True, check=False)
    assert done.stdout, done.stderr[-2000:]
    assert done.stderr.split()[-1] == str(mode == "normal"), done.stderr[-2000:]  # the wrapper saw the simulated parser
    report = json.loads(done.stdout)
    return sorted(
        (r["path"], f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["message"])
        for r in report["files"]
        for f in r["findings"]
    )


@pytest.fixture(scope="module")
def normal_findings():
    found = _findings("normal")
    assert {f[1] for f in found} >= {"AL502", "AL406", "AL401", "AL402"}  # claim, note, pattern-pack and phrase-pack rules ran
    return found


@pytest.mark.parametrize("mode", ["missing", "changed"])
def test_findings_are_the_same_without_the_parser(mode, normal_findings):
    assert _findings(mode) == normal_findings


def _other_pythons() -> list[str]:
    found = {shutil.which(f"python3.{minor}") for minor in (11, 12, 13, 14)}
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found |= {str(p) for p in pyenv.glob("3.1[1-9]*/bin/python3")}
    mine = os.path.realpath(sys.executable)
    return sorted(
        p for p in found if p and "shims" not in Path(p).parts and os.path.realpath(p) != mine
    )  # pyenv's shims need a chosen version


@pytest.mark.parametrize(
    "python", _other_pythons() or [pytest.param(None, marks=pytest.mark.skip(reason="no other Python 3.11+ installed"))]
)
def test_the_probe_on_every_installed_python(python):
    """The wrapper needs only the standard library: load it on each other Python found and run its probe."""
    code = (
        "import importlib.util, sys; spec = importlib.util.spec_from_file_location('rs', sys.argv[1]); "
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); print(m.available(), m.max_width('ab|c{3}'))"
    )
    done = subprocess.run([python, "-c", code, str(SRC / "matching" / "regex_syntax.py")], capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["True", "3"], (python, done.stdout, done.stderr[-1000:])
