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


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_fifo_socket_and_links_to_them_are_never_opened(tmp_path):
    """Reading a FIFO waits for a writer forever: a walk (or a symlink) meeting one reports it instead."""
    import socket

    d = tmp_path / "d"
    d.mkdir()
    _with_ok(d)
    os.mkfifo(d / "pipe.md")
    os.symlink(d / "pipe.md", tmp_path / "link.md")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(d / "sock.txt"))
    try:
        proc, report = run_json(d, tmp_path / "link.md", timeout=60)  # a hang fails here
    finally:
        sock.close()
    _no_traceback(proc)
    assert proc.returncode == 2
    errors = {os.path.basename(e["path"]): e["message"] for e in report["errors"]}
    assert errors == {"pipe.md": "not a regular file", "sock.txt": "not a regular file", "link.md": "not a regular file"}
    assert [os.path.basename(f["path"]) for f in report["files"]] == ["ok.md"]


def test_read_bytes_refuses_a_fifo_without_blocking(tmp_path):
    """The check at read time too (a file can be swapped for a FIFO between the walk and the read)."""
    import threading

    from artlint.sources import InputError, read_bytes

    os.mkfifo(tmp_path / "p.md")
    outcome = []

    def read():
        try:
            read_bytes(tmp_path / "p.md")
        except InputError as exc:
            outcome.append(str(exc))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=20)  # it blocked forever before
    assert outcome == ["not a regular file"]


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


def _wait_until_linting(proc, workers=2):
    """Until the run's worker processes exist (a fixed sleep interrupts start-up instead on a busy machine)."""
    if not os.path.isdir("/proc/self"):
        time.sleep(3)
        return
    deadline = time.monotonic() + 120
    while len(_group(proc.pid)) < 1 + workers:  # the parent and its workers: the run is under way
        assert proc.poll() is None, "the run finished before it could be interrupted"
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)


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
            "--jobs",
            "2",
        ],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    _wait_until_linting(proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err.decode()[-1000:]
    assert list(out.iterdir()) == []  # no report, no baseline, no temporary file
    assert b"Traceback" not in err


def _group(pgid):
    """Live (not zombie) processes in process group ``pgid``, from /proc."""
    out = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = open(f"/proc/{pid}/stat").read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            out.append(int(pid))
    return out


def _interrupt_group_twice(tmp_path, command, n_files, sig, code):
    """Run ``artlint COMMAND`` with two workers on ``n_files`` articles, send ``sig`` to its whole process group
    twice (what Ctrl-C twice in a terminal does), and check it ends at once with ``code``: no traceback, no
    report, no temporary file, no worker left running."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (SEEDS / "003_15efb98dc8094c88.txt").read_text()
    for i in range(n_files):
        (corpus / f"a{i}.txt").write_text(f"{text}\n\nArticle {i}.\n")
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(NONET)}
    args = [sys.executable, "-m", "artlint", *command, corpus, "--jobs", "2", "--format", "json", "--output", out / "r.json"]
    proc = subprocess.Popen(args, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait_until_linting(proc)
        os.killpg(proc.pid, sig)
        time.sleep(0.05)
        os.killpg(proc.pid, sig)
        _, err = proc.communicate(timeout=60)  # a hang fails here (it used to wait forever)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == code, err.decode()[-1000:]
    assert b"Traceback" not in err
    assert list(out.iterdir()) == []  # no report and no temporary file
    deadline = time.monotonic() + 10
    while _group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _group(proc.pid) == []  # no worker left running


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads the process table from /proc")
@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_second_signal_to_the_process_group_ends_the_run_at_once(tmp_path, sig, code):
    """Ctrl-C twice in a terminal reaches every process of the group: the run ends, workers too, no report."""
    _interrupt_group_twice(tmp_path, ("check", "--no-cache"), 1000, sig, code)


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
    "ab.Cd," * 100,  # one space-free run of missing spaces: AL901 re-read the whole run for each one
    "<A b={" * 200,  # MDX: tags and expressions that never close
    "{`" * 300,
    "<Tag>x " * 150,
]


def _timings(text, fmt, keys=None):
    """CPU seconds to parse ``text``, and for each rule (or those in ``keys``) to check the parsed document.

    CPU time, not wall time: other processes on a busy machine do not count. The garbage collector is
    off while a step runs: a full collection that happens to land in one step (its cost grows with every
    object alive, not with the step) made a linear step look super-linear now and then."""
    import gc

    from artlint.parsers import parse

    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        doc = parse(text, "adv", fmt)
        out = {"parse": time.process_time() - start}
        for rule in Linter().rules:
            if keys is None or rule.code in keys:
                start = time.process_time()
                list(rule.check(doc))
                out[rule.code] = time.process_time() - start
    finally:
        gc.enable()
    return out


def _superlinear(unit, fmt, small_size, big_size, keys=None):
    """(key, small, big) for each step whose time grows much faster than its input (ten times here).

    One measurement first; a step that looks super-linear is measured four times more and judged on the
    best of five, so a pause on a loaded machine does not fail the run (a quadratic step is ~100x, a
    linear one 10x: the bound of 25x sits between them with room for cache effects)."""

    def measure(keys):
        return (
            _timings("Title\n\n" + unit * (small_size // len(unit)), fmt, keys),
            _timings("Title\n\n" + unit * (big_size // len(unit)), fmt, keys),
        )

    def suspects(small, big):
        return {k for k, t in big.items() if t > 0.3 and t > 25 * max(small[k], 0.01)}

    small, big = measure(keys)
    slow = suspects(small, big)
    for _ in range(4):
        if not slow:
            break
        again_small, again_big = measure({k for k in slow if k != "parse"} or {"parse"})
        for k in again_big:
            small[k], big[k] = min(small[k], again_small[k]), min(big[k], again_big[k])
        slow = suspects(small, big) & slow
    return [(k, round(small[k], 3), round(big[k], 3)) for k in sorted(slow)]


@pytest.mark.parametrize("fmt", ["text", "markdown", "mdx", "html"])
def test_every_rule_is_linear_on_adversarial_input(fmt):
    """Ten times the input must not take much more than ten times as long (super-linear growth fails)."""
    slow = []
    for unit in ADVERSARIAL:
        slow += [(unit[:12], *found) for found in _superlinear(unit, fmt, 50_000, 500_000)]
    assert not slow, slow


def test_missing_space_rule_is_linear_on_a_long_run_without_spaces():
    """'ab.Cd,' * n is one token with n missing spaces: each used to re-read the token (2.7 s at 10 KB, 9 s at 20 KB)."""
    assert _superlinear("ab.Cd,", "text", 4_000, 40_000, keys={"AL901"}) == []
    report = Linter(select=["AL901"]).lint_text("Title\n\n" + "ab.Cd," * 20_000, "t.txt", "text")
    assert len(report.findings) == 2 * 20_000 - 1  # every missing space found, none lost to the time budget


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


def test_rule_that_keeps_timing_out_is_disabled_for_the_run():
    """A slow pattern costs one budget per file: after three files the rule stops, said once."""
    from artlint.rule import Rule

    calls = []

    class Slow(Rule):
        code = "XS002"
        name = "always-slow"
        category = "style"
        summary = rationale = bad = good = "x"

        def check(self, doc):
            calls.append(doc.path)
            while True:
                pass
            yield

    linter = Linter(select=["AL901"])
    slow = Slow()
    slow.plugin = "test-plugin"
    linter.rules.rules["XS002"] = slow
    linter.budget_base, linter.budget_per_mb = 0.2, 0.0
    results = [linter.lint_text("Title\n\nOne,two.\n", f"t{i}.txt", "text") for i in range(6)]
    assert calls == ["t0.txt", "t1.txt", "t2.txt"]  # not run on the last three files
    crashes = [[f.message for f in r.findings if f.rule == "AL000"] for r in results]
    assert [len(c) for c in crashes] == [1, 1, 1, 0, 0, 0]
    assert "disabled for the rest of this run" in crashes[2][0] and "XS002" in crashes[2][0]
    assert not any("disabled" in c[0] for c in crashes[:2])
    assert all(any(f.rule == "AL901" for f in r.findings) for r in results)  # the other rules still run


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


@pytest.mark.parametrize("pattern", ["(a|aa)+$", "(?:a|aa)+$", r"(\w|\d\d)+$", "(?:x|)*y"])
def test_user_pack_with_overlapping_alternatives_in_a_repeat_is_refused(tmp_path, pattern):
    """(a|aa)+$ splits a run of a's in exponentially many ways: refused at load time, naming pack, rule and pattern."""
    (tmp_path / "p.yaml").write_text(
        "pack: p\nrules:\n  - code: PP002\n    name: slow\n    category: style\n    kind: existence\n"
        f"    patterns: ['{pattern}']\n    summary: s\n    rationale: r\n    bad: b\n    good: g\n"
    )
    (tmp_path / "artlint.toml").write_text('packs = ["p.yaml"]\n')
    (tmp_path / "a.md").write_text("# T\n\n" + "a" * 50 + "\n")
    proc = run_cli("check", tmp_path / "a.md", timeout=30)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "p.yaml" in err and "PP002" in err and repr(pattern) in err and "exponential" in err and "Traceback" not in err


def test_load_time_check_accepts_every_shipped_pattern_and_exclusive_alternatives():
    import yaml

    from artlint.matching.backtracking import backtracking_risk

    from .conftest import ROOT

    shipped = [
        p for f in sorted((ROOT / "rules").glob("*.yaml")) for r in yaml.safe_load(f.read_text())["rules"] for p in r.get("patterns", [])
    ]
    assert len(shipped) > 50
    assert [p for p in shipped if backtracking_risk(p)] == []
    # alternatives that cannot match the same text, or that a delimiter keeps apart, are fine
    for pattern in ["(ab|ac)+", "(?:foo|bar)+", r"(\w|\d)+", r"(?:,\s*(?:a|aa))+", "(?:[^a]|a)+", r"(?:\s|\u00a0)+"]:
        assert backtracking_risk(pattern) is None, pattern


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads the process table from /proc")
@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupted_site_audit_stops_its_workers(tmp_path, sig, code):
    """The audit's sketching pool is the runner's: Ctrl-C twice ends the run and its workers, no report."""
    _interrupt_group_twice(tmp_path, ("audit",), 3000, sig, code)
