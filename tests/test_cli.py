"""The real CLI in a subprocess: reports, exit codes, selection, stdin, bad input."""

import json
import os

import pytest

from .conftest import ROOT, SEEDS, run_cli, run_json


def test_version():
    proc = run_cli("--version")
    assert proc.returncode == 0 and b"artlint" in proc.stdout


def test_seeds_json_report_validates_and_scores(validate_report, tmp_path):
    proc, report = run_json(SEEDS)
    assert proc.returncode == 1  # the seeds have warnings
    validate_report(report)
    assert report["summary"]["files"] == 4
    assert report["summary"]["findings"] == sum(len(f["findings"]) for f in report["files"])
    # deterministic: a second run gives the same report
    _, again = run_json(SEEDS)
    assert again == report


def test_findings_sorted_and_unique():
    _, report = run_json(SEEDS)
    for f in report["files"]:
        keys = [(x["line"] or 0, x["column"] or 0, x["rule"], x["message"]) for x in f["findings"]]
        assert keys == sorted(keys)
        assert len(keys) == len(set(keys))


def test_text_output_shape():
    proc = run_cli("check", SEEDS / "002_394fcee345a4ee0d.txt", "--select", "AL901")
    lines = proc.stdout.decode().splitlines()
    assert lines[0].startswith(str(SEEDS / "002_394fcee345a4ee0d.txt") + ":")
    _path, line, col, rest = lines[0].split(":", 3)
    assert int(line) > 0 and int(col) > 0 and rest.startswith(" AL901 missing-space-after-punctuation ")
    assert lines[-2].startswith("Found ") and lines[-1].endswith(" fixable with --fix.")  # AL901's findings can be fixed
    assert "\x1b[" not in proc.stdout.decode()  # no colour when not a terminal


def test_output_file_and_two_formats(tmp_path, validate_report):
    out = tmp_path / "report.json"
    proc = run_cli("check", SEEDS, "--format", "json", "--output", out, "--format", "text")
    validate_report(json.loads(out.read_text()))
    assert proc.stdout.decode().splitlines()[-2].startswith("Found ")  # then "[*] N fixable with --fix."
    assert not [p for p in tmp_path.iterdir() if p.name != "report.json"]  # no temporary file left


@pytest.mark.parametrize(
    "selector,expect",
    [("AL2", {"duplicate"}), ("duplicate-heading", {"duplicate"}), ("typography", {"typography"}), ("AL901,AL902", {"typography"})],
)
def test_select(selector, expect):
    _, report = run_json(SEEDS, "--select", selector)
    cats = {x["category"] for f in report["files"] for x in f["findings"]}
    assert cats == expect


def test_ignore_category():
    _, report = run_json(SEEDS, "--ignore", "typography,readability,style")
    cats = {x["category"] for f in report["files"] for x in f["findings"]}
    assert cats and not cats & {"typography", "readability", "style"}


@pytest.mark.parametrize("fail_on,code", [("error", 1), ("never", 0)])
def test_fail_on(fail_on, code):
    # 003 has a placeholder (an error)
    proc = run_cli("check", SEEDS / "003_15efb98dc8094c88.txt", "--fail-on", fail_on)
    assert proc.returncode == code


def test_fail_on_error_passes_without_errors():
    proc = run_cli("check", SEEDS / "000_4a5f199fcc1795d4.txt", "--fail-on", "error")
    assert proc.returncode == 0, proc.stdout.decode()


def test_stdin_with_filename():
    text = b"# Title\n\nThis is fine.\n\n## Part\n\nLorem ipsum dolor sit amet.\n"
    proc, report = run_json("-", "--stdin-filename", "post.md", input=text)
    (f,) = report["files"]
    assert f["path"] == "post.md" and f["format"] == "markdown"
    assert [(x["rule"], x["line"]) for x in f["findings"] if x["rule"] == "AL402"] == [("AL402", 7)]


def test_keyword_option_drives_keyword_rules(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Lisbon Travel Guide\n\nLisbon is hilly and bright.\n\ncheap lisbon hotels\n\nTrams climb the hills.\n")
    _, report = run_json(art, "--keyword", "cheap lisbon hotels", "--select", "keyword-stuffing")
    assert [x["line"] for x in report["files"][0]["findings"]] == [5]


def test_statistics_and_quiet():
    import re
    from collections import Counter

    row = re.compile(r"^\s*(\d+)  (AL\d{3})\s+([a-z0-9-]+)\s+(error|warning|info)$", re.M)
    with_stats = {code: int(n) for n, code, _, _ in row.findall(run_cli("check", SEEDS, "--statistics").stdout.decode())}
    assert not row.findall(run_cli("check", SEEDS).stdout.decode())  # the table is there only when asked for
    _, report = run_json(SEEDS)
    assert with_stats == Counter(f["rule"] for fr in report["files"] for f in fr["findings"])  # one row per rule, its count
    quiet = run_cli("check", SEEDS, "--quiet")
    assert quiet.stdout == b"" and quiet.returncode == 1


def test_rules_and_explain():
    proc = run_cli("rules", "--format", "json")
    rules = json.loads(proc.stdout)
    assert len(rules) >= 40 and {r["category"] for r in rules} >= {
        "structure",
        "duplicate",
        "off-topic",
        "placeholder",
        "unsupported-claim",
        "boilerplate",
        "keyword-stuffing",
        "spun-text",
        "typography",
        "readability",
        "style",
    }
    for r in rules:
        out = run_cli("explain", r["code"]) if r["code"] in ("AL201", "AL601") else None
        if out is not None:
            text = out.stdout.decode()
            assert out.returncode == 0 and "Flagged" in text and "Not flagged" in text and r["name"] in text
    assert run_cli("explain", "no-such-rule").returncode == 2


def test_explain_shows_examples_for_every_rule():
    from click.testing import CliRunner

    from artlint.cli import main
    from artlint.engine import Linter

    runner = CliRunner()
    for rule in Linter().all_rules:
        res = runner.invoke(main, ["explain", rule.name])
        assert res.exit_code == 0, res.output
        for example in (rule.bad, rule.good):  # a long generated example is cut after 80 words: its opening is shown
            assert " ".join(example.split()[:12]) in " ".join(res.output.split()), (rule.code, example[:60])


# ---- bad input: one line, no traceback, exit 2, the rest still linted -------------------------


def _assert_clean_error(proc, needle):
    err = proc.stderr.decode() + proc.stdout.decode()
    assert "Traceback" not in err
    assert needle in err


def test_missing_path_still_lints_the_rest():
    proc, report = run_json(SEEDS / "000_4a5f199fcc1795d4.txt", "does/not/exist.md")
    assert proc.returncode == 2
    assert [e["path"] for e in report["errors"]] == ["does/not/exist.md"]
    assert len(report["files"]) == 1


@pytest.mark.parametrize(
    "name,data,needle",
    [
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("empty.md", b"", "empty"),
        ("latin1.txt", "Caf\xe9 culture\n\nThe caf\xe9 opens at nine.\n".encode("latin-1"), "invalid UTF-8"),
    ],
)
def test_bad_files(tmp_path, name, data, needle):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "ok.txt").write_text("A Title\n\nA fine paragraph about bread.\n")
    proc, report = run_json(tmp_path)
    assert proc.returncode == 2
    _assert_clean_error(proc, "")
    assert any(needle in e["message"] for e in report["errors"]), report["errors"]
    assert "ok.txt" in {os.path.basename(f["path"]) for f in report["files"]}


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    p = tmp_path / "secret.md"
    p.write_text("# T\n\ntext\n")
    p.chmod(0)
    proc, report = run_json(p)
    assert proc.returncode == 2 and "permission" in report["errors"][0]["message"]


def test_folder_without_articles(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    proc = run_cli("check", tmp_path)
    assert proc.returncode == 2
    _assert_clean_error(proc, "no articles found")


def test_utf16_and_crlf_line_numbers(tmp_path):
    text = "Title Here\r\n\r\nFirst paragraph is fine.\r\n\r\nSecond one has a typo,here.\r\n"
    (tmp_path / "crlf.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "cr.txt").write_bytes(text.replace("\r\n", "\r").encode())
    _, report = run_json(tmp_path, "--select", "AL901")
    for f in report["files"]:
        assert [(x["line"], x["column"]) for x in f["findings"]] == [(5, 22)], f["path"]


def test_inputs_never_modified(tmp_path):
    p = tmp_path / "a.md"
    data = b"# T\r\n\r\nLorem ipsum dolor sit amet,the end.\r\n"
    p.write_bytes(data)
    before = os.stat(p).st_mtime_ns
    run_cli("check", p)
    assert p.read_bytes() == data and os.stat(p).st_mtime_ns == before


def test_include_exclude(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.md").write_text("# X\n\nTODO write this.\n")
    (tmp_path / "post.md").write_text("# Y\n\nTODO write this.\n")
    _, report = run_json(tmp_path, "--exclude", "drafts")
    assert [os.path.basename(f["path"]) for f in report["files"]] == ["post.md"]
    _, report = run_json(tmp_path, "--include", "*/drafts/*")
    assert [os.path.basename(f["path"]) for f in report["files"]] == ["x.md"]


def test_readme_commands_are_what_ci_runs():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "pip install '.[test]'" in readme and "pip install '.[test]'" in ci
    assert "pytest" in readme and "pytest" in ci


def test_jobs_and_cache_give_identical_reports(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, p in enumerate(sorted(SEEDS.glob("*.txt")) * 5):
        (corpus / f"{i:02d}-{p.name}").write_bytes(p.read_bytes())
    work = tmp_path / "work"
    work.mkdir()
    reports = []
    for extra in (["--jobs", "1", "--no-cache"], ["--jobs", "3", "--no-cache"], ["--jobs", "2"], ["--jobs", "2"]):
        proc, report = run_json(corpus, *extra, cwd=work)
        reports.append(report)
    assert reports[0] == reports[1] == reports[2] == reports[3]
    from artlint.cache import VERSION

    entries = [p for p in (work / ".artlint_cache" / VERSION).rglob("*") if p.is_file()]
    assert len(entries) == 20  # one per file; the fourth run read them all back


def test_cache_follows_content_and_config(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("A Title\n\nOne paragraph,here.\n")
    (tmp_path / "artlint.toml").write_text('select = ["AL901"]\n')
    _, first = run_json(art, cwd=tmp_path)
    assert first["summary"]["findings"] == 1
    art.write_text("A Title\n\nOne paragraph, here.\n")
    _, second = run_json(art, cwd=tmp_path)
    assert second["summary"]["findings"] == 0  # new content is linted, not served from the cache
    art.write_text("A Title\n\nOne paragraph,here.\n")
    (tmp_path / "artlint.toml").write_text('select = ["AL901"]\n[severity]\nAL901 = "error"\n')
    _, third = run_json(art, cwd=tmp_path)
    assert third["files"][0]["findings"][0]["severity"] == "error"  # a config change invalidates
