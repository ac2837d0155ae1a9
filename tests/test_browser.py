"""The HTML report in real headless Chromium (Debian's package, installed by .ci/run)."""

import os
import shutil
import subprocess

import pytest

from .conftest import ROOT, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if not CHROMIUM:
    if os.environ.get("ARTLINT_REQUIRE_BROWSER") == "1":
        raise RuntimeError("ARTLINT_REQUIRE_BROWSER=1 but no chromium on PATH")
    pytest.skip("chromium is not installed (.ci/run installs it)", allow_module_level=True)


def dump_dom(tmp_path, url):
    proc = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=5000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return proc.stdout.decode()


def _html(tmp_path, *paths, cwd=ROOT):
    out = tmp_path / "report.html"
    proc = run_cli("check", *paths, "--format", "html", "--output", out, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return out


def test_seeds_report_renders_with_highlights_and_filters(tmp_path):
    out = _html(tmp_path, "seeds")
    dom = dump_dom(tmp_path, out.as_uri())
    assert 'data-ready="1"' in dom  # the report's own script ran under its CSP
    assert dom.count('<section class="file"') == 4
    assert dom.count("<mark data-ids=") > 50
    assert "Advertisement -spot_img" in dom
    # filtering: hide typography through the URL fragment
    filtered = dump_dom(tmp_path, out.as_uri() + "#hide=cat:typography")
    assert 'data-cat="typography" data-sev="warning" class="hidden"' in filtered
    assert 'class="off"' in filtered


def test_article_markup_executes_nothing(tmp_path):
    art = tmp_path / "evil.md"
    art.write_text(
        "# Title <script>document.title='PWNED'</script>\n\n"
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> Lorem ipsum dolor sit amet,bad.\n\n"
        "</textarea><svg onload=\"document.body.setAttribute('data-pwned','2')\"></svg> TODO\n"
    )
    out = _html(tmp_path, art, cwd=tmp_path)
    dom = dump_dom(tmp_path, out.as_uri())
    assert 'data-ready="1"' in dom
    assert "data-pwned" not in dom.replace("setAttribute('data-pwned'", "")
    assert "PWNED</title>" not in dom and "<title>artlint report" in dom
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
