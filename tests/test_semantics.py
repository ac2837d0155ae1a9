"""Suppressions, selectors, configuration lookup and CLI semantics, through the real CLI (issue 15)."""

import re

import pytest

from .conftest import ROOT, install_plugin, run_cli, run_json


def _codes(report, path_end=None):
    return sorted(f["rule"] for fr in report["files"] if path_end is None or fr["path"].endswith(path_end) for f in fr["findings"])


# --- 5. only real comments are directives -----------------------------------------------------------


@pytest.mark.parametrize(
    "name, text",
    [
        ("fenced.md", "# Post\n\n```html\n<!-- artlint-disable-file -->\n```\n\nOne,two.\n"),
        ("indented.md", "# Post\n\nSee:\n\n    <!-- artlint-disable-file -->\n\nOne,two.\n"),
        ("span.md", "# Post\n\nWrite `<!-- artlint-disable-file -->` to silence a file. One,two.\n"),
        ("pre.html", "<article><h1>Post</h1><pre><!-- artlint-disable-file --></pre><p>One,two.</p></article>"),
        ("code.html", "<article><h1>Post</h1><p>Use <code><!-- artlint-disable-file --></code>. One,two.</p></article>"),
        ("text.html", "<article><h1>Post</h1><p>Use &lt;!-- artlint-disable-file --&gt; here. One,two.</p></article>"),
    ],
)
def test_directive_shown_in_code_is_not_a_directive(tmp_path, name, text):
    f = tmp_path / name
    f.write_text(text)
    proc, report = run_json(f, "--select", "AL901,AL001", "--no-cache")
    assert _codes(report) == ["AL901"], report


def test_real_comment_still_a_directive(tmp_path):
    f = tmp_path / "real.md"
    f.write_text("# Post\n\nText <!-- artlint-disable-file --> here.\n\nOne,two.\n")
    proc, report = run_json(f, "--select", "AL901,AL001", "--no-cache")
    assert _codes(report) == [] and proc.returncode == 0


# --- 6. enable re-enables only the named rules; disable-line ------------------------------------------


def test_enable_reenables_only_named_rules(tmp_path):
    f = tmp_path / "post.md"
    f.write_text(
        "# Post\n\n<!-- artlint-disable AL901 AL903 -->\n\nOne,two and the the end.\n\n"
        "<!-- artlint-enable AL901 -->\n\nThree,four and the the end.\n"
    )
    proc, report = run_json(f, "--select", "AL901,AL903,AL001", "--no-cache")
    found = sorted((x["rule"], x["line"]) for x in report["files"][0]["findings"])
    assert found == [("AL901", 9)], found  # AL903 stays disabled on line 9


def test_enable_after_disable_all_keeps_the_rest_disabled(tmp_path):
    f = tmp_path / "post.md"
    f.write_text("# Post\n\n<!-- artlint-disable -->\n\nOne,two.\n\n<!-- artlint-enable AL903 -->\n\nThree,four and the the end.\n")
    proc, report = run_json(f, "--select", "AL901,AL903,AL001", "--no-cache")
    found = sorted((x["rule"], x["line"]) for x in report["files"][0]["findings"])
    assert found == [("AL903", 9)], found


def test_disable_line(tmp_path):
    f = tmp_path / "post.md"
    f.write_text("# Post\n\nOne,two. <!-- artlint-disable-line AL901 -->\n\nThree,four.\n")
    proc, report = run_json(f, "--select", "AL901,AL001", "--no-cache")
    found = sorted((x["rule"], x["line"]) for x in report["files"][0]["findings"])
    assert found == [("AL901", 5)], found


# --- 7. every documented suppression example behaves as documented -----------------------------------

_DIRECTIVE = re.compile(r"<!--\s*artlint-[a-z-]+([^>]*?)-->")
DOC_EXAMPLES = [
    (doc, i, block)
    for doc in ("README.md", "docs/ci.md")
    for i, block in enumerate(re.findall(r"```markdown\n(.*?)```", (ROOT / doc).read_text(encoding="utf-8"), re.S))
    if "artlint-" in block
]


def test_docs_have_suppression_examples():
    assert {d for d, _, _ in DOC_EXAMPLES} == {"README.md", "docs/ci.md"}


@pytest.mark.parametrize("doc, index, block", DOC_EXAMPLES, ids=[f"{d}-{i}" for d, i, _ in DOC_EXAMPLES])
def test_documented_suppression_example(tmp_path, doc, index, block):
    """Each example, as written in the docs: every directive silences something (no AL001, exit 0);
    without its comments the same text has findings of every rule the directives name."""
    selectors = sorted({s for m in _DIRECTIVE.finditer(block) for s in m.group(1).split()})
    assert selectors, "an example should name the rules it silences"
    (tmp_path / "example.md").write_text(block)
    (tmp_path / "bare.md").write_text(_DIRECTIVE.sub("", block))
    args = ("--no-cache", "--fail-on", "info", "--select", ",".join([*selectors, "AL001"]))
    proc, report = run_json(tmp_path / "example.md", *args)
    assert proc.returncode == 0 and _codes(report) == [], report
    proc, bare = run_json(tmp_path / "bare.md", *args)
    assert proc.returncode == 1
    found = bare["files"][0]["findings"]
    for s in selectors:
        assert any(s in (f["rule"], f["name"], f["category"]) for f in found), (s, found)


# --- 8. unknown selectors stop the run with a suggestion ---------------------------------------------

BODY = "# Post\n\nOne,two and the the end.\n"


@pytest.mark.parametrize(
    "args, config, needle",
    [
        (("--select", "AL9011"), None, "'AL9011' (did you mean 'AL901'?)"),
        (("--ignore", "typograpy"), None, "'typograpy' (did you mean 'typography'?)"),
        ((), '[severity]\nrepeated-wrod = "error"\n', "'repeated-wrod' (did you mean 'repeated-word'?)"),
        ((), "[rules.AL1066]\nmax_words = 5\n", "no rule 'AL1066'"),
        ((), 'select = ["AL90", "bogus"]\n', "unknown rule selector 'bogus'"),
        ((), '[per-file-ignores]\n"*.md" = ["AL9O1"]\n', "'AL9O1' (did you mean 'AL901'?)"),
    ],
)
def test_unknown_selector_is_an_error(tmp_path, args, config, needle):
    (tmp_path / "post.md").write_text(BODY)
    if config:
        (tmp_path / "artlint.toml").write_text(config)
    proc = run_cli("check", "--no-cache", *args, tmp_path / "post.md")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and needle in err and "Traceback" not in err, err


# --- 9. [severity] takes any selector, most specific wins; option types checked at load --------------


def test_severity_by_category_prefix_name_and_code(tmp_path):
    (tmp_path / "artlint.toml").write_text(
        'select = ["AL901", "AL903", "AL502"]\n[severity]\nALL = "error"\ntypography = "info"\nAL90 = "warning"\n'
        'repeated-word = "error"\nAL5 = "info"\n'
    )
    (tmp_path / "post.md").write_text(BODY + "\n70% of readers skim a page before they read it.\n")
    proc, report = run_json(tmp_path / "post.md", "--no-cache")
    sev = {f["rule"]: f["severity"] for f in report["files"][0]["findings"]}
    assert sev == {"AL901": "warning", "AL903": "error", "AL502": "info"}, sev


@pytest.mark.parametrize("value", ['"five"', "true", "5.5", "[5]"])
def test_wrong_option_type_rejected_at_load(tmp_path, value):
    (tmp_path / "artlint.toml").write_text(f"[rules.AL106]\nmax_words = {value}\n")
    (tmp_path / "post.md").write_text(BODY)
    proc = run_cli("check", "--no-cache", tmp_path / "post.md")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "[rules.AL106]: option max_words must be an integer" in err, err
    assert not proc.stdout.strip()


def test_option_with_choices_rejects_others(tmp_path):
    (tmp_path / "artlint.toml").write_text('[rules.hard-to-read]\nengine = "textstats"\n')
    (tmp_path / "post.md").write_text(BODY)
    proc = run_cli("check", "--no-cache", tmp_path / "post.md")
    assert proc.returncode == 2 and "option engine must be one of 'fast', 'textstat'" in proc.stderr.decode()


def test_float_option_accepts_an_integer(tmp_path):
    (tmp_path / "artlint.toml").write_text("[rules.AL703]\nmax_density = 2\n")
    (tmp_path / "post.md").write_text(BODY)
    proc, _ = run_json(tmp_path / "post.md", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr


# --- 12. a plugin that cannot load is one clean line, exit 2 -----------------------------------------


def _fake_plugin(tmp_path, source):
    return install_plugin(tmp_path / "site", "bad_plugin", source, "badone", version="0.3")


@pytest.mark.parametrize(
    "source, needle",
    [
        ("import no_such_module_here\n", "cannot be loaded: ModuleNotFoundError"),
        ("raise RuntimeError('broken at import')\n", "cannot be loaded: RuntimeError: broken at import"),
        ("import artlint\n\n@artlint.hookimpl\ndef artlint_rulez():\n    return []\n", "unknown hook 'artlint_rulez'"),
    ],
)
def test_broken_plugin_is_a_clean_error(tmp_path, source, needle):
    env = _fake_plugin(tmp_path, source)
    (tmp_path / "post.md").write_text(BODY)
    for args in (("check", "--no-cache", tmp_path / "post.md"), ("rules",)):
        proc = run_cli(*args, env=env)
        err = proc.stderr.decode()
        assert proc.returncode == 2, err
        assert "Traceback" not in err and "plugin badone" in err and needle in err, err
        assert len(err.strip().splitlines()) == 1, err


# --- 14. the cache is git-ignored; artlint's own reports are not linted --------------------------------


def test_cache_folder_ignores_itself(tmp_path):
    (tmp_path / "post.md").write_text(BODY)
    run_cli("check", "post.md", cwd=tmp_path)
    assert (tmp_path / ".artlint_cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_own_html_reports_are_not_linted_when_walking(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "post.md").write_text(BODY)
    assert run_cli("check", "--no-cache", site, "--format", "html", "--output", site / "report.html").returncode == 1
    assert run_cli("audit", site, "--format", "html", "--output", site / "audit.html").returncode == 0
    proc, report = run_json("--no-cache", site)
    assert [f["path"].rsplit("/", 1)[-1] for f in report["files"]] == ["post.md"], report
    # a hand-written page that merely mentions artlint is still linted
    (site / "about.html").write_text("<html><head><title>About artlint</title></head><body><p>artlint is a linter.</p></body></html>")
    proc, report = run_json("--no-cache", site)
    assert sorted(f["path"].rsplit("/", 1)[-1] for f in report["files"]) == ["about.html", "post.md"]


# --- 10. each file follows its nearest configuration ------------------------------------------------


def _two_sites(tmp_path):
    for site, config in (("siteA", 'select = ["AL901"]\n'), ("siteB", 'select = ["AL903"]\n[severity]\nAL903 = "error"\n')):
        (tmp_path / site / "posts").mkdir(parents=True)
        (tmp_path / site / "artlint.toml").write_text(config)
        (tmp_path / site / "posts" / "post.md").write_text(BODY)
    return tmp_path / "siteA", tmp_path / "siteB"


def test_each_site_uses_its_own_config_in_either_order(tmp_path):
    a, b = _two_sites(tmp_path)
    seen = []
    for order in ((a, b), (b, a)):
        proc, report = run_json("--no-cache", *order)
        seen.append({fr["path"]: [(f["rule"], f["severity"]) for f in fr["findings"]] for fr in report["files"]})
    assert seen[0] == seen[1]
    assert seen[0] == {f"{a}/posts/post.md": [("AL901", "warning")], f"{b}/posts/post.md": [("AL903", "error")]}
    # --config still wins for every file
    proc, report = run_json("--no-cache", "--config", a / "artlint.toml", b, a)
    assert {fr["path"]: _codes(report, fr["path"]) for fr in report["files"]} == {
        f"{b}/posts/post.md": ["AL901"],
        f"{a}/posts/post.md": ["AL901"],
    }


def test_patterns_are_relative_to_the_config_file(tmp_path):
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    (site / "drafts").mkdir()
    (site / "artlint.toml").write_text('select = ["AL901", "AL903"]\nexclude = ["drafts/*"]\n[per-file-ignores]\n"news/*.md" = ["AL901"]\n')
    (site / "news" / "a.md").write_text(BODY)
    (site / "drafts" / "d.md").write_text(BODY)
    for cwd, target in ((site / "news", "."), (site, "."), (tmp_path, "site")):
        proc, report = run_json("--no-cache", target, cwd=cwd)
        assert [(fr["path"].rsplit("/", 1)[-1], _codes(report, fr["path"])) for fr in report["files"]] == [("a.md", ["AL903"])], (
            cwd,
            report,
        )


def test_cache_follows_each_files_config(tmp_path):
    a, b = _two_sites(tmp_path)
    first = run_json(a, b, cwd=tmp_path)[1]
    (b / "artlint.toml").write_text('select = ["AL901"]\n')  # only siteB's configuration changes
    second = run_json(a, b, cwd=tmp_path)[1]
    assert _codes(first) == ["AL901", "AL903"] and _codes(second) == ["AL901", "AL901"]


# --- 11. --force-exclude, .gitignore, no path means "." ------------------------------------------------


def test_force_exclude_applies_to_named_files(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "artlint.toml").write_text('exclude = ["drafts"]\n')
    (tmp_path / "drafts" / "wip.md").write_text(BODY)
    (tmp_path / "post.md").write_text(BODY)
    proc, report = run_json("--no-cache", "drafts/wip.md", "post.md", cwd=tmp_path)
    assert [fr["path"] for fr in report["files"]] == ["drafts/wip.md", "post.md"]  # named: linted
    proc, report = run_json("--no-cache", "--force-exclude", "drafts/wip.md", "post.md", cwd=tmp_path)
    assert [fr["path"] for fr in report["files"]] == ["post.md"]
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "--force-exclude" in hooks


def test_gitignore_respected_when_walking(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n*.tmp.md\n")
    site = tmp_path / "content"
    (site / "build").mkdir(parents=True)
    (site / "sub").mkdir()
    (site / "sub" / ".gitignore").write_text("secret.md\n")
    for name in ("post.md", "x.tmp.md", "build/out.md", "sub/secret.md", "sub/ok.md"):
        (site / name).write_text(BODY)
    proc, report = run_json("--no-cache", "content", cwd=tmp_path)
    assert sorted(fr["path"] for fr in report["files"]) == ["content/post.md", "content/sub/ok.md"]
    proc, report = run_json("--no-cache", "--no-respect-gitignore", "content", cwd=tmp_path)
    assert len(report["files"]) == 5


def test_no_path_means_current_folder(tmp_path):
    (tmp_path / "post.md").write_text(BODY)
    proc, report = run_json("--no-cache", cwd=tmp_path)
    assert [fr["path"] for fr in report["files"]] == ["post.md"] and proc.returncode == 1
