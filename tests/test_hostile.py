"""Hostile input through the real CLI: nothing crashes, hangs, is lost or executes."""

import os
import signal
import subprocess
import sys
import time

import pytest

from artlint.engine import Linter

from .conftest import NONET, SEEDS, run_cli, run_json


def _no_traceback(proc):
    err = proc.stderr.decode(errors="replace")
    assert "Traceback" not in err, err[-2000:]


def _with_ok(tmp_path):
    (tmp_path / "ok.md").write_text("# Fine\n\nA short, clean paragraph about tea.\n")


@pytest.mark.parametrize(
    "name,data,code,needle",
    [
        ("nul.txt", b"Title Line\n\nText with a NUL \x00 byte in it.\n", 2, "NUL bytes replaced"),
        ("bom16.md", "# Titre\n\nUn texte,ici.\n".encode("utf-16"), 1, None),
        ("front-only.md", b"---\ndescription: Only front matter\n---\n", 2, "no article text found (front matter only)"),
        ("bad-front.md", b"---\ntitle: [unclosed\n---\n\nBody text.\n", 2, "malformed front matter"),
        ("empty.html", b"   \n\n", 2, "empty file"),
    ],
)
def test_bad_input_matrix(tmp_path, name, data, code, needle):
    (tmp_path / name).write_bytes(data)
    _with_ok(tmp_path)
    proc, report = run_json(tmp_path)
    _no_traceback(proc)
    assert proc.returncode == code, (proc.returncode, report["errors"])
    if needle:
        assert any(needle in e["message"] for e in report["errors"]), report["errors"]
    assert "ok.md" in {os.path.basename(f["path"]) for f in report["files"]}


def test_symlink_loop_and_dangling_link(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.md").write_text("# A\n\nText,here.\n")
    os.symlink(d, d / "loop")
    os.symlink(tmp_path / "missing.md", tmp_path / "dangling.md")
    proc, report = run_json(tmp_path)
    _no_traceback(proc)
    assert proc.returncode == 2
    assert [os.path.basename(f["path"]) for f in report["files"]].count("a.md") == 1
    assert any(e["path"].endswith("dangling.md") for e in report["errors"])


def test_million_character_line(tmp_path):
    p = tmp_path / "line.txt"
    p.write_text("Long Line\n\n" + "word,another word. " * 55000)
    proc, report = run_json(p, "--select", "AL901", timeout=300)
    _no_traceback(proc)
    f = report["files"][0]["findings"]
    assert f and all(x["line"] == 3 for x in f) and max(x["column"] for x in f) > 1_000_000


def test_html_nested_ten_thousand_levels(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div>" * 10000 + "<p>Deep text,here.</p>" + "</div>" * 10000 + "</body></html>")
    proc, report = run_json(p, "--select", "AL901")
    _no_traceback(proc)
    assert [(x["line"], x["rule"]) for x in report["files"][0]["findings"]] == [(1, "AL901")]


def test_twenty_megabyte_article(tmp_path):
    paras = [p for p in (SEEDS / "003_15efb98dc8094c88.txt").read_text().split("\n\n") if p.strip()]
    text = "\n\n".join(paras[i % len(paras)] for i in range(20_000_000 // 110))
    p = tmp_path / "big.txt"
    p.write_text("Big Article\n\n" + text[:20_000_000])
    assert p.stat().st_size >= 20_000_000
    proc, report = run_json(p, "--select", "typography,placeholder,boilerplate", timeout=900)
    _no_traceback(proc)
    assert proc.returncode == 1 and report["files"][0]["words"] > 2_500_000


def test_folder_of_ten_thousand_files(tmp_path):
    root = tmp_path / "many"
    for i in range(100):
        sub = root / f"d{i:03d}"
        sub.mkdir(parents=True)
        for j in range(100):
            (sub / f"a{j:03d}.txt").write_text(f"Title {i} {j}\n\nShort text number {j}, it is short,here.\n")
    proc, report = run_json(root, "--select", "AL901", timeout=900)
    _no_traceback(proc)
    assert report["summary"]["files"] == 10_000 and report["summary"]["findings"] == 10_000


def test_terminal_escapes_never_reach_the_terminal(tmp_path):
    p = tmp_path / "esc\x1b[31mname.txt"
    p.write_text("Title\x1b[2J Here\n\nA paragraph,with \x1b]0;pwned\x07 escapes and \u202e bidi.\n")
    proc = run_cli("check", p, "--no-color")
    out = proc.stdout.decode() + proc.stderr.decode()
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "AL901" in out


# ---- nothing lost -------------------------------------------------------------------------------


@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupted_run_leaves_no_partial_report(tmp_path, sig, code):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (SEEDS / "003_15efb98dc8094c88.txt").read_text()
    for i in range(800):  # each its own text, and a fresh cache: no result can come from an earlier run
        (corpus / f"a{i}.txt").write_text(f"{text}\n\nArticle {i}.\n")
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(NONET)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "artlint",
            "check",
            corpus,
            "--format",
            "json",
            "--output",
            out / "report.json",
            "--write-baseline",
            out / "base.json",
        ],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(3)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err.decode()[-1000:]
    assert list(out.iterdir()) == []  # no report, no baseline, no temporary file
    assert b"Traceback" not in err


def test_inputs_are_never_written(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(b"# T\r\n\r\nLorem ipsum,dolor.\r\n")
    before = (p.read_bytes(), os.stat(p).st_mtime_ns)
    run_cli("check", p, "--format", "json", "--output", tmp_path / "r.json", "--write-baseline", tmp_path / "b.json")
    assert (p.read_bytes(), os.stat(p).st_mtime_ns) == before


# ---- linear time and runaway rules ---------------------------------------------------------------

ADVERSARIAL = [
    "a" * 1000,
    " " * 1000,
    "{{" * 500,
    "[" * 1000,
    "X" * 1000,
    "word, " * 200,
    "a.b" * 400,
    "Share " * 200,
    "see also " * 120,
    "the the " * 150,
    "—" * 1000,
    "While it is " * 100,
    "99% of " * 150,
    "Studies show " * 100,
    "(" * 500 + ")" * 500,
    "<A b={" * 200,  # MDX: tags and expressions that never close
    "{`" * 300,
    "<Tag>x " * 150,
]


def _timings(text, fmt):
    """Seconds to parse ``text``, and for each rule to check the parsed document."""
    from artlint.parsers import parse

    start = time.perf_counter()
    doc = parse(text, "adv", fmt)
    out = {"parse": time.perf_counter() - start}
    for rule in Linter().rules:
        start = time.perf_counter()
        list(rule.check(doc))
        out[rule.code] = time.perf_counter() - start
    return out


@pytest.mark.parametrize("fmt", ["text", "markdown", "mdx", "html"])
def test_every_rule_is_linear_on_adversarial_input(fmt):
    """Ten times the input must not take much more than ten times as long (super-linear growth fails)."""
    slow = []
    for unit in ADVERSARIAL:
        small = _timings("Title\n\n" + unit * (50_000 // len(unit)), fmt)
        big = _timings("Title\n\n" + unit * (500_000 // len(unit)), fmt)
        for key, t_big in big.items():
            if t_big > 0.3 and t_big > 25 * max(small[key], 0.01):
                slow.append((key, unit[:12], round(small[key], 3), round(t_big, 3)))
    assert not slow, slow


def test_runaway_rule_becomes_internal_error(monkeypatch):
    from artlint.rule import Rule

    class Spin(Rule):
        code = "XS001"
        name = "spins-forever"
        category = "style"
        summary = rationale = bad = good = "x"

        def check(self, doc):
            while True:
                pass
            yield

    linter = Linter(select=["AL901"])
    spin = Spin()
    spin.plugin = "test-plugin"
    linter.rules.rules["XS001"] = spin
    linter.budget_base, linter.budget_per_mb = 1.0, 0.0
    start = time.perf_counter()
    result = linter.lint_text("Title\n\nOne,two.\n", "t.txt", "text")
    assert time.perf_counter() - start < 10
    rules = {(f.rule, f.name) for f in result.findings}
    assert ("AL901", "missing-space-after-punctuation") in rules
    crash = [f for f in result.findings if f.rule == "AL000"]
    assert len(crash) == 1 and "XS001" in crash[0].message and "test-plugin" in crash[0].message and "budget" in crash[0].message


def test_malformed_plugin_findings_are_isolated():
    from artlint.rule import Rule

    class Bad(Rule):
        code = "XB001"
        name = "bad-output"
        category = "style"
        summary = rationale = bad = good = "x"

        def check(self, doc):
            yield "not a hit"

    linter = Linter(select=["AL901"])
    bad = Bad()
    bad.plugin = "bad-plugin"
    linter.rules.rules["XB001"] = bad
    result = linter.lint_text("Title\n\nOne,two.\n", "t.txt", "text")
    assert {f.rule for f in result.findings} == {"AL901", "AL000"}
    assert "bad-plugin" in next(f.message for f in result.findings if f.rule == "AL000")


def test_user_pack_with_catastrophic_pattern_is_refused(tmp_path):
    (tmp_path / "p.yaml").write_text(
        "pack: p\nrules:\n  - code: PP001\n    name: evil\n    category: style\n    kind: existence\n"
        "    patterns: ['(a+)+b']\n    summary: s\n    rationale: r\n    bad: b\n    good: g\n"
    )
    (tmp_path / "artlint.toml").write_text('packs = ["p.yaml"]\n')
    (tmp_path / "a.md").write_text("# T\n\n" + "a" * 50 + "\n")
    proc = run_cli("check", tmp_path / "a.md", timeout=30)
    assert proc.returncode == 2 and b"patterns[0]" in proc.stderr and b"exponential" in proc.stderr
