"""Every output format from the seeds, validated; baseline and suppressions under edits."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from .conftest import ROOT, SEEDS, run_cli, run_json

SARIF_SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"


def _report(tmp_path, fmt, *paths):
    out = tmp_path / f"report.{fmt}"
    proc = run_cli("check", *(paths or ["seeds"]), "--format", fmt, "--output", out, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return out.read_text()


def test_sarif_validates_against_official_schema(tmp_path):
    import jsonschema

    sarif = json.loads(_report(tmp_path, "sarif"))
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["AL301"]["help"]["text"] and rules["AL301"]["shortDescription"]["text"]
    res = run["results"]
    assert res and all(r["ruleId"] in rules and run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in res)
    loc = res[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].startswith("seeds/") and loc["region"]["startLine"] >= 1


def test_github_annotations(tmp_path):
    lines = _report(tmp_path, "github").splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any("file=seeds/003_15efb98dc8094c88.txt,line=240,col=3," in line and "AL601" in line for line in lines)


def test_gitlab_code_quality_fingerprints_stable_under_edits(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("A Title\n\nFirst paragraph,with a typo.\n\nLorem ipsum dolor sit amet.\n")
    first = json.loads(_report(tmp_path, "gitlab", art))
    assert {i["severity"] for i in first} <= {"info", "minor", "major", "critical", "blocker"}
    assert all(i["location"]["path"].endswith("a.txt") and i["location"]["lines"]["begin"] >= 1 for i in first)
    art.write_text("A Title\n\nA new paragraph on top.\n\nFirst paragraph,with a typo.\n\nLorem ipsum dolor sit amet.\n")
    second = json.loads(_report(tmp_path, "gitlab", art))
    assert {i["fingerprint"] for i in first} == {i["fingerprint"] for i in second}
    assert len({i["fingerprint"] for i in second}) == len(second)


def test_junit_one_case_per_file(tmp_path):
    root = ET.fromstring(_report(tmp_path, "junit"))
    cases = root.findall(".//testcase")
    assert len(cases) == 4 and all(c.find("failure") is not None or c.find("system-out") is not None for c in cases)
    assert "AL601" in cases[3].find("failure").text
    for c in cases:  # a case fails when a finding reaches --fail-on (warning by default); info findings only: system-out
        body = (c.find("failure") if c.find("failure") is not None else c.find("system-out")).text
        assert (c.find("failure") is not None) == any(not line.endswith("[info]") for line in body.splitlines())


def test_html_report_escapes_and_is_self_contained(tmp_path):
    art = tmp_path / "x.md"
    art.write_text('# T\n\n<script>alert(1)</script> and <img src=x onerror="alert(2)"> Lorem ipsum dolor.\n')
    html = _report(tmp_path, "html", art)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'onerror="alert' not in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html


def test_baseline_reports_only_new_findings(tmp_path):
    art = tmp_path / "post.md"
    art.write_text("# Post\n\nFirst paragraph,with a typo.\n\nLorem ipsum dolor sit amet.\n")
    base = tmp_path / "base.json"
    assert run_cli("check", art, "--write-baseline", base).returncode == 1
    proc, report = run_json(art, "--baseline", base)
    assert proc.returncode == 0 and report["summary"]["findings"] == 0
    # edit elsewhere: old findings stay matched, the new one is reported
    art.write_text("# Post\n\nAn added intro,badly spaced.\n\nFirst paragraph,with a typo.\n\nLorem ipsum dolor sit amet.\n")
    proc, report = run_json(art, "--baseline", base)
    assert [(x["rule"], x["line"]) for x in report["files"][0]["findings"]] == [("AL901", 3)]
    # fix an old finding: it simply drops out, nothing else changes
    art.write_text("# Post\n\nFirst paragraph, with a typo.\n\nLorem ipsum dolor sit amet.\n")
    proc, report = run_json(art, "--baseline", base)
    assert proc.returncode == 0 and report["summary"]["findings"] == 0


def test_bad_baseline_file(tmp_path):
    (tmp_path / "b.json").write_text("[1, 2")
    proc = run_cli("check", SEEDS, "--baseline", tmp_path / "b.json")
    assert proc.returncode == 2 and b"not an artlint baseline" in proc.stderr


def test_inline_suppressions_markdown_and_html(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(
        "# Post\n\n<!-- artlint-disable-next-line AL901 -->\nOne,two.\n\nThree,four.\n\n"
        "<!-- artlint-disable placeholder -->\nLorem ipsum dolor sit amet.\n<!-- artlint-enable -->\n\nLorem ipsum again.\n\n"
        "<!-- artlint-disable-next-line AL402 -->\nNothing to suppress here.\n"
    )
    _, report = run_json(md, "--select", "AL901,AL402,AL001")
    got = [(x["rule"], x["line"]) for x in report["files"][0]["findings"]]
    assert got == [("AL901", 6), ("AL402", 12), ("AL001", 14)]
    html = tmp_path / "b.html"
    html.write_text("<article><h1>T</h1><!-- artlint-disable-file typography --><p>One,two.</p><p>Lorem ipsum dolor.</p></article>")
    _, report = run_json(html, "--select", "AL901,AL402")
    assert [x["rule"] for x in report["files"][0]["findings"]] == ["AL402"]


def test_plain_text_comments_are_not_directives(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text("Title Line\n\n<!-- artlint-disable AL901 -->\nOne,two.\n")
    _, report = run_json(txt, "--select", "AL901")
    assert [x["line"] for x in report["files"][0]["findings"]] == [4]


# ---- output safety (issue 15, items 13, 16, 17) -------------------------------------------------

_FORGED = "post.md: all clear\nreal.md"


def _hostile_names(tmp_path):
    """Files whose names hold a newline, a control character and an undecodable byte."""
    import os

    d = tmp_path / "site"
    d.mkdir()
    body = "# T\n\nText,here.\n"
    (d / _FORGED).write_text(body)
    (d / "ctl\x01.md").write_text(body)
    with open(os.path.join(os.fsencode(d), b"bad\xff.md"), "w") as fh:
        fh.write(body)
    return d


def test_control_characters_in_file_names_cannot_forge_a_line(tmp_path):
    d = _hostile_names(tmp_path)
    for fmt in ("text", "github"):
        proc = run_cli("check", "--no-cache", "--format", fmt, d, cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr.decode()
        lines = proc.stdout.decode("utf-8").splitlines()
        findings = [ln for ln in lines if "AL901" in ln]
        assert len(findings) == 3, lines  # one line per finding, none split by the newline in the name
        assert not any(ln.startswith("real.md") for ln in lines)
        shown = "post.md: all clear\\nreal.md" if fmt == "text" else "post.md%3A all clear\\nreal.md"  # GitHub escapes ':'
        assert "\x01" not in proc.stdout.decode() and any(shown in ln for ln in findings)


def test_reports_stay_valid_with_hostile_file_names(tmp_path):
    import jsonschema

    d = _hostile_names(tmp_path)
    for fmt in ("junit", "html", "sarif", "json", "gitlab"):
        out = tmp_path / f"r.{fmt}"
        proc = run_cli("check", "--no-cache", "--format", fmt, "--output", out, d.name, cwd=tmp_path)
        assert proc.returncode == 1 and b"Traceback" not in proc.stderr, proc.stderr.decode()[-800:]
        text = out.read_text(encoding="utf-8")
        if fmt == "junit":
            root = ET.fromstring(text.encode())  # an XML parser refuses \x01
            names = {c.get("name") for c in root.iter("testcase")}
            assert names == {"site/post.md: all clear\\nreal.md", "site/ctl\\x01.md", "site/bad\\udcff.md"}
        elif fmt == "html":
            assert "\x01" not in text and "ctl\\x01.md" in text
        else:
            data = json.loads(text)
            if fmt == "sarif":
                jsonschema.validate(data, json.loads(SARIF_SCHEMA.read_text()))
                uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
                assert "site/bad%FF.md" in uris


def test_junit_failures_follow_fail_on(tmp_path):
    (tmp_path / "info.md").write_text("# Tea\n\n" + " ".join(["word"] * 60) + " end.\n")  # one long sentence: info only
    (tmp_path / "warn.md").write_text("# Tea\n\nText,here.\n")
    for fail_on, failing in [("warning", {"warn.md"}), ("info", {"info.md", "warn.md"}), ("error", set()), ("never", set())]:
        out = tmp_path / f"{fail_on}.xml"
        proc = run_cli(
            "check",
            "--no-cache",
            "--select",
            "AL011,AL901",
            "--fail-on",
            fail_on,
            "--format",
            "junit",
            "-o",
            out,
            "info.md",
            "warn.md",
            cwd=tmp_path,
        )
        assert proc.returncode == (1 if failing else 0), proc.stderr.decode()
        root = ET.fromstring(out.read_text())
        cases = {c.get("name"): c for c in root.iter("testcase")}
        assert cases["info.md"].find("system-out") is not None or "info.md" in failing  # shown, not failed
        assert {n for n, c in cases.items() if c.find("failure") is not None} == failing
        assert root.find("testsuite").get("failures") == str(len(failing))


def test_input_errors_go_to_stderr_and_stay_in_the_json_report(tmp_path):
    (tmp_path / "ok.md").write_text("# Tea\n\nText,here.\n")
    (tmp_path / "empty.md").write_text("  \n")
    proc = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert "empty.md: error: empty file" in proc.stderr.decode()
    assert "empty.md" not in proc.stdout.decode() and "ok.md:3:5: AL901" in proc.stdout.decode()
    proc, report = run_json("--no-cache", ".", cwd=tmp_path)
    assert report["errors"] == [{"path": "empty.md", "message": "empty file"}]
    assert "empty.md: error: empty file" in proc.stderr.decode()
