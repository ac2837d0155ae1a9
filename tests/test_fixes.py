"""Fixes: --fix, --unsafe-fixes, --diff and --fix-only through the real CLI; bytes kept outside the edits;
round trips on the seeds and tests/articles; a property test of idempotence and untouched code and front matter."""

import codecs
import json
import re
import shutil
from collections import Counter

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from artlint.engine import Linter
from artlint.fixes import chosen_fixes, fixed_bytes
from artlint.parsers import parse
from artlint.sources import decode

from .conftest import ROOT, SEEDS, run_cli, run_json

ARTICLES = ROOT / "tests" / "articles"
SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
TYPO = "# Pruning roses\n\nCut above a bud,then seal the cut . Water the the roots. the leaves stay dry.\n"
TYPO_FIXED = "# Pruning roses\n\nCut above a bud, then seal the cut. Water the roots. The leaves stay dry.\n"


def _article_files(folder):
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html") and not p.name.endswith(".gold.json"))


def test_fix_rewrites_the_file_and_reports_what_remains(tmp_path):
    art = tmp_path / "post.md"
    art.write_text(TYPO + "\nLorem ipsum dolor sit amet.\n")
    proc = run_cli("check", "--no-cache", "--fix", art)
    assert art.read_text() == TYPO_FIXED + "\nLorem ipsum dolor sit amet.\n"
    out = proc.stdout.decode()
    assert proc.returncode == 1 and "AL402" in out and "AL90" not in out, out  # the lorem ipsum remains
    assert "Fixed 4 findings." in proc.stderr.decode()
    again = run_cli("check", "--no-cache", "--fix", art)
    assert art.read_text() == TYPO_FIXED + "\nLorem ipsum dolor sit amet.\n" and "Fixed 0 findings." in again.stderr.decode()
    only = run_cli("check", "--fix-only", art)
    assert only.returncode == 0 and "AL402" in only.stdout.decode()


def test_text_report_marks_fixable_findings(tmp_path):
    art = tmp_path / "post.md"
    art.write_text(TYPO + "\nLorem ipsum dolor sit amet.\n")
    out = run_cli("check", "--no-cache", art).stdout.decode()
    assert re.search(r"post\.md:3:16: AL901 missing-space-after-punctuation \[\*\] Missing space", out), out
    assert re.search(r"AL402 lorem-ipsum", out) and "lorem-ipsum [*]" not in out
    assert out.rstrip().endswith("[*] 4 fixable with --fix."), out


def test_diff_prints_and_writes_nothing(tmp_path):
    art = tmp_path / "post.md"
    art.write_text(TYPO)
    proc = run_cli("check", "--diff", art)
    assert proc.returncode == 1 and art.read_text() == TYPO
    diff = proc.stdout.decode()
    assert f"--- a/{art}" in diff and "-Cut above a bud,then seal the cut ." in diff and "+" + TYPO_FIXED.splitlines()[2] in diff
    art.write_text(TYPO_FIXED)
    clean = run_cli("check", "--diff", art)
    assert clean.returncode == 0 and clean.stdout == b""


def test_stdin_cannot_be_fixed():
    proc = run_cli("check", "--fix", "-", input=TYPO.encode())
    assert proc.returncode == 2 and b"not on stdin" in proc.stderr


def test_suppressed_and_baselined_findings_are_not_fixed(tmp_path):
    art = tmp_path / "post.md"
    text = "# Pruning roses\n\nCut above a bud,then wait. <!-- artlint-disable-line AL901 -->\n\nWater the the roots.\n"
    art.write_text(text)
    run_cli("check", "--no-cache", "--fix", art)
    assert art.read_text() == text.replace("the the", "the")
    art.write_text(text)
    base = tmp_path / "base.json"
    run_cli("check", "--no-cache", art, "--write-baseline", base)
    run_cli("check", "--no-cache", "--fix", "--baseline", base, art)
    assert art.read_text() == text


def test_json_and_sarif_carry_fixes(tmp_path, report_schema):
    art = tmp_path / "post.md"
    art.write_text(TYPO)
    _, report = run_json("--no-cache", art)
    jsonschema.validate(report, report_schema)
    fixes = [f["fix"] for f in report["files"][0]["findings"] if f["fix"]]
    assert len(fixes) == 4 and all(f["applicability"] == "safe" for f in fixes)
    comma = next(f for f in report["files"][0]["findings"] if f["rule"] == "AL901")["fix"]["edits"]
    assert comma == [{"start": 32, "end": 33, "replacement": ", ", "line": 3, "column": 16, "end_line": 3, "end_column": 17}]
    out = tmp_path / "r.sarif"
    run_cli("check", "--no-cache", art, "--format", "sarif", "--output", out)
    sarif = json.loads(out.read_text())
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    results = [r for r in sarif["runs"][0]["results"] if r.get("fixes")]
    assert len(results) == 4
    rep = results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert rep["deletedRegion"]["startLine"] == 3 and "insertedContent" in rep


def _expected_bytes(raw: bytes, edits, bom: bytes, encoding: str, newline: str) -> bytes:
    """The file as it should be: decoded, line endings as LF, edits applied by offset, then written back."""
    text = raw[len(bom) :].decode(encoding).replace(newline, "\n")
    for e in sorted(edits, key=lambda e: -e["start"]):
        text = text[: e["start"]] + e["replacement"] + text[e["end"] :]
    return bom + text.replace("\n", newline).encode(encoding)


def _edits(path):
    _, report = run_json("--no-cache", path)
    fixes = [f["fix"] for f in report["files"][0]["findings"] if f["fix"]]
    return [e for fx in fixes for e in fx["edits"]]


def test_crlf_utf16_and_html_keep_their_bytes_outside_the_edits(tmp_path):
    crlf = tmp_path / "crlf.md"
    crlf.write_bytes(TYPO.replace("\n", "\r\n").encode())
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(codecs.BOM_UTF16_LE + TYPO.replace("\n", "\r\n").encode("utf-16-le"))
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Roses,then the the</title><meta name="description" content="Cut,then wait"></head><body><nav>Home,About the the</nav><article><h1>Pruning roses</h1>'
        '<p class="a,b" title="x ,y">Cut above a bud,then seal the cut . Water <b>the</b> the roots.</p>'
        "<pre>keep ,this,as is</pre></article><footer>c ,d</footer></body></html>\n"
    )
    cases = [(crlf, b"", "utf-8", "\r\n"), (utf16, codecs.BOM_UTF16_LE, "utf-16-le", "\r\n"), (page, b"", "utf-8", "\n")]
    expected = {}
    for path, bom, enc, nl in cases:
        raw = path.read_bytes()
        edits = _edits(path)
        assert edits, path
        expected[path] = _expected_bytes(raw, edits, bom, enc, nl)
    run_cli("check", "--no-cache", "--fix", *(c[0] for c in cases))
    for path, *_ in cases:
        assert path.read_bytes() == expected[path], path
    assert crlf.read_bytes() == TYPO_FIXED.replace("\n", "\r\n").encode()
    assert utf16.read_bytes().startswith(codecs.BOM_UTF16_LE) and b"\r\x00\n\x00" in utf16.read_bytes()
    html = page.read_text()
    assert '<title>Roses,then the the</title><meta name="description" content="Cut,then wait">' in html
    assert "<nav>Home,About the the</nav>" in html and 'class="a,b" title="x ,y"' in html and "<pre>keep ,this,as is</pre>" in html
    assert "Cut above a bud, then seal the cut. Water <b>the</b> roots." in html and "<footer>c ,d</footer>" in html


def _shape(path):
    """Headings (level and count) and code blocks (exact text) of a file: what fixes must leave alone."""
    doc = parse(decode(path.read_bytes()).text, str(path), {".md": "markdown", ".html": "html"}.get(path.suffix, "text"))
    return [b.level for b in doc.headings], [b.text for b in doc.blocks if b.kind == "code"]


def test_round_trip_on_seeds_and_articles(tmp_path):
    for folder in (SEEDS, ARTICLES):
        work = tmp_path / folder.name
        work.mkdir()
        for p in _article_files(folder):
            shutil.copy(p, work / p.name)
        _, before = run_json("--no-cache", work)
        shapes = {p.name: _shape(p) for p in work.iterdir()}
        n_fixes = sum(1 for fr in before["files"] for f in fr["findings"] if f["fix"])
        assert n_fixes, folder
        run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", work)
        _, after = run_json("--no-cache", work)
        for fb, fa in zip(before["files"], after["files"], strict=True):
            left = Counter(f["rule"] for f in fb["findings"] if not f["fix"])
            now = Counter(f["rule"] for f in fa["findings"])
            assert not now - left, (fb["path"], now - left)  # nothing fixed comes back, nothing new appears
            assert not [f for f in fa["findings"] if f["fix"]], fb["path"]
        assert {p.name: _shape(p) for p in work.iterdir()} == shapes


# ----- property: idempotent, and never a byte of code or front matter changed -------------------------
LINTER = Linter()
WORDS = st.sampled_from(
    "the the a cut,then bud.Next ok , . ; roses water Advertisement Share on Facebook leave a reply iPhone "
    "Ünïcödé 日本語 &amp; < > * _ ` | x,y".split(" ")
)
PROSE = st.lists(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=6)
CODE = st.lists(WORDS, max_size=12).map(" ".join)


def _fix_to_the_end(raw: bytes, name: str) -> tuple[bytes, int]:
    """What --fix does to a file: fix, lint again, until nothing changes (at most 10 rounds)."""
    for rounds in range(10):
        result = LINTER.lint_file(name, data=raw, display=name)
        chosen = chosen_fixes(result.findings, unsafe=True)
        if not chosen:
            return raw, rounds
        raw = fixed_bytes(raw, [fx for _, fx in chosen])
    return raw, 10


def _protected(text: str) -> list[str]:
    front = re.match(r"---\n.*?\n---\n", text, re.S)
    return [front.group() if front else "", *re.findall(r"```\n.*?\n```", text, re.S)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(PROSE, CODE), min_size=1, max_size=4), CODE, st.booleans())
def test_fix_is_idempotent_and_leaves_code_and_front_matter_alone(parts, front, crlf):
    text = f"---\ntitle: roses,then the the\nkeyword: '{front}'\n---\n# Roses\n\n"
    for prose, code in parts:
        text += "\n\n".join(prose) + f"\n\n```\n{code}\n```\n\n"
    nl = "\r\n" if crlf else "\n"
    raw = text.replace("\n", nl).encode()
    fixed, rounds = _fix_to_the_end(raw, "post.md")
    assert rounds < 10
    again, more = _fix_to_the_end(fixed, "post.md")
    assert again == fixed and more == 0
    out = fixed.decode()
    assert out.count("\r\n") == out.count("\n") if crlf else "\r" not in out
    assert _protected(out.replace("\r\n", "\n")) == _protected(text)


def test_unsafe_fix_only_with_unsafe_fixes(tmp_path):
    art = tmp_path / "post.md"
    para = "A paragraph that is long enough to be compared with the others in this short test.\n"
    text = f"# Roses\n\n{para}\nSomething else entirely goes in this middle paragraph of the post.\n\n{para}"
    art.write_text(text)
    out = run_cli("check", "--no-cache", art).stdout.decode()
    assert "AL202 duplicate-passage This paragraph" in out and "[*] 0 fixable with --fix (1 more with --unsafe-fixes)." in out
    run_cli("check", "--no-cache", "--fix", art)
    assert art.read_text() == text
    run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", art)
    assert art.read_text() == text[: -len(para) - 1]  # the second copy and the blank line before it


def test_cached_results_keep_their_fixes(tmp_path):
    (tmp_path / "post.md").write_text(TYPO)
    first = run_cli("check", "post.md", cwd=tmp_path).stdout.decode()
    assert (tmp_path / ".artlint_cache").is_dir()
    second = run_cli("check", "post.md", cwd=tmp_path).stdout.decode()
    assert second == first and "[*] 4 fixable with --fix." in second
    _, report = run_json("post.md", cwd=tmp_path)
    assert sum(1 for f in report["files"][0]["findings"] if f["fix"]) == 4


def test_pack_substitution_fix_is_unsafe_and_keeps_a_sentence_capital(tmp_path):
    art = tmp_path / "ai.md"
    text = "# AI\n\nFacts sharing matters. We use a choice tree here.\n"
    art.write_text(text)
    run_cli("check", "--no-cache", "--fix", art)
    assert art.read_text() == text
    run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", art)
    assert art.read_text() == "# AI\n\nInformation sharing matters. We use a decision tree here.\n"
