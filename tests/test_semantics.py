"""Suppressions, selectors, configuration lookup and CLI semantics, through the real CLI (issue 15)."""

import json
import re

import pytest

from .conftest import ROOT, run_cli, run_json


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
