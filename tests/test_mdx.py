"""MDX input: ESM, JSX and expressions are not prose; positions point into the original file; one
registry of input formats (CLI help, errors, a plugin hook)."""

import json
from pathlib import Path

from artlint.parsers import REGISTRY, InputFormat, format_for, parse

from .conftest import run_cli, run_json

FIXTURE = Path(__file__).parent / "fixtures" / "mdx" / "post.mdx"


def _doc():
    return parse(FIXTURE.read_text(), str(FIXTURE), "mdx")


def test_mdx_prose_is_text_children_only():
    doc = _doc()
    assert doc.format == "mdx" and doc.title == "Growing Tomatoes on a Balcony"
    texts = [b.text for b in doc.blocks if b.kind != "code"]
    assert "Water the pot until it drains from the bottom, then let the top inch dry out." in texts  # a component's child
    assert "Feed every week with a high-potash fertiliser once the first flowers open." in texts  # nested, indented
    joined = "\n".join(texts)
    for syntax in ("import", "export", "Callout", "Figure", "TabItem", "readingTime", "author", "<", ">", "{", "}", "deeply"):
        assert syntax not in joined, syntax
    # an expression inside a sentence is a hole in it (like inline code), not its source
    assert "Cherry tomatoes grow well in a 20-litre pot that gets \ufffc hours of sun." in texts
    assert "Tie the main stem to a cane with soft string, and pinch out side shoots every few days." in texts
    assert [b.kind for b in doc.blocks].count("code") == 1  # the fence with JSX inside stays code


def test_mdx_positions_point_into_the_original_file():
    doc = _doc()
    source = FIXTURE.read_text()
    lines = source.split("\n")
    checked = 0
    for b in doc.blocks:
        if b.kind == "code" or not b.text:
            continue
        for i in range(0, len(b.text), 7):  # every seventh character of every block
            ch = b.text[i]
            if ch in " \ufffc":
                continue
            line, col = doc.position(b.source_offset(i))
            assert lines[line - 1][col - 1] == ch, (b.text, i)
            checked += 1
    assert checked > 50


def test_check_mdx_finds_and_places_findings():
    proc, report = run_json(FIXTURE, "--no-cache", "--select", "AL402")
    (f,) = report["files"][0]["findings"]  # the first lorem ipsum is suppressed by an MDX comment
    line = FIXTURE.read_text().split("\n").index("    Lorem ipsum dolor sit amet.") + 1
    assert (f["rule"], f["line"], f["column"]) == ("AL402", line, 5)


def test_check_walks_mdx_and_reads_it_from_stdin(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "post.mdx").write_text(FIXTURE.read_text())
    proc, report = run_json(tmp_path / "content", "--no-cache")
    assert [Path(f["path"]).name for f in report["files"]] == ["post.mdx"]
    proc, report = run_json(tmp_path, "--include", "*.mdx", "--no-cache")
    assert len(report["files"]) == 1
    # from stdin, named .mdx: front matter and imports are not findings
    proc, stdin_report = run_json("-", "--stdin-filename", "post.mdx", "--no-cache", input=FIXTURE.read_bytes())
    assert [f["rule"] for f in stdin_report["files"][0]["findings"]] == [f["rule"] for f in report["files"][0]["findings"]]


def test_unknown_stdin_extension_is_an_error_unless_format_in_names_it():
    proc = run_cli("check", "-", "--stdin-filename", "post.xyz", "--no-cache", input=FIXTURE.read_bytes())
    said = proc.stdout + proc.stderr  # the text report lists input errors
    assert proc.returncode == 2 and b"post.xyz: error: unknown file type" in said and b".mdx" in said and b"--format-in" in said
    assert b"Traceback" not in said
    proc, report = run_json("-", "--stdin-filename", "post.xyz", "--format-in", "mdx", "--no-cache", input=FIXTURE.read_bytes())
    assert proc.returncode in (0, 1) and report["files"][0]["path"] == "post.xyz"
    proc = run_cli("check", "-", "--format-in", "nope", input=b"Hello.\n")
    assert proc.returncode == 2 and b"unknown input format 'nope'" in proc.stderr and b"mdx" in proc.stderr


def test_help_lists_the_formats_from_the_registry():
    out = run_cli("check", "--help").stdout.decode()
    for fmt in REGISTRY.values():
        assert fmt.name in out and all(ext in out for ext in fmt.extensions)


def test_a_plugin_adds_an_input_format(tmp_path):
    from artlint.engine import Linter
    from artlint.hookspecs import hookimpl
    from artlint.parsers.plain import parse_plain

    class RstLike:
        @hookimpl
        def artlint_input_formats(self):
            return [InputFormat("shout", (".shout",), lambda s, p, k: parse_plain(s.lower(), p, k), "lower-cased text")]

    post = tmp_path / "a.shout"
    post.write_text("A TITLE\n\nLOREM IPSUM DOLOR SIT AMET.\n")
    try:
        linter = Linter(plugins=[RstLike()], select=["AL402"])
        assert format_for(str(post)) == "shout"
        result = linter.lint_file(str(post))
        assert result.format == "shout" and [f.rule for f in result.findings] == ["AL402"]
    finally:
        from artlint import parsers

        parsers.REGISTRY.pop("shout", None)
        parsers.FORMATS.pop(".shout", None)


def test_audit_reads_mdx(tmp_path):
    site = tmp_path / "blog"
    site.mkdir()
    for i in range(3):
        (site / f"p{i}.mdx").write_text(FIXTURE.read_text().replace("Balcony", f"Balcony {i}"))
    proc = run_cli("audit", site, "--format", "json", timeout=300)
    report = json.loads(proc.stdout)
    assert report["corpus"]["documents"] == 3 and not report["errors"]


def test_readme_lists_every_registered_extension():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("### Input formats") : readme.index("### Speed")]
    for fmt in REGISTRY.values():
        for ext in fmt.extensions:
            assert f"`{ext}`" in section or f"/`{ext}`" in section, ext


def test_a_less_than_sign_that_opens_no_tag_is_text():
    """'a < b' in MDX used to stop the scan from advancing: the parse never returned."""
    proc = run_cli("check", "-", "--stdin-filename", "p.mdx", "--no-cache", input=b"# Sizes\n\nIf a < b, pick a.\n\n<\n", timeout=60)
    assert proc.returncode in (0, 1), proc.stderr
