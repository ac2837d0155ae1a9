"""The real pre-commit (from PyPI) with this checkout as the hook repository."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


def _git(cwd, *args, check=True):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=check, timeout=600)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    if not os.path.exists(pre_commit):
        pytest.fail("pre-commit is not installed (it is in the test extras)")
    head = _git(ROOT, "rev-parse", "HEAD", check=False)
    if head.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    repo = tmp_path_factory.mktemp("content")
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.strip()}\n    hooks:\n      - id: artlint-fix\n      - id: artlint\n"
    )
    os.environ.setdefault("PRE_COMMIT_HOME", str(tmp_path_factory.mktemp("pre-commit-home")))
    subprocess.run([pre_commit, "install"], cwd=repo, check=True, capture_output=True, timeout=120)
    _git(repo, "add", ".pre-commit-config.yaml")
    _git(repo, "commit", "-q", "-m", "config", "--no-verify")
    return repo


def test_defective_article_refused_then_accepted_after_fix(hook_repo):
    art = hook_repo / "post.md"
    art.write_text("# Growing Chillies\n\nSow seeds indoors in February.\n\nLorem ipsum dolor sit amet.\n")
    # an unstaged defective file must not be checked
    (hook_repo / "draft.md").write_text("# Draft\n\nTODO write this,later.\n")
    _git(hook_repo, "add", "post.md")
    refused = _git(hook_repo, "commit", "-m", "add post", check=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "post.md:5:1: AL402 lorem-ipsum" in output
    assert "draft.md" not in output
    art.write_text("# Growing Chillies\n\nSow seeds indoors in February.\n\nKeep them warm until they sprout.\n")
    _git(hook_repo, "add", "post.md")
    accepted = _git(hook_repo, "commit", "-m", "add post", check=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_fix_hook_rewrites_the_file_then_the_commit_goes_through(hook_repo):
    art = hook_repo / "fixable.md"
    art.write_text("# Pruning roses\n\nCut above a bud,then seal the cut . Water the the roots.\n")
    _git(hook_repo, "add", "fixable.md")
    first = _git(hook_repo, "commit", "-m", "add fixable", check=False)
    assert first.returncode != 0, first.stdout + first.stderr  # pre-commit stops a commit whose files a hook changed
    assert art.read_text() == "# Pruning roses\n\nCut above a bud, then seal the cut. Water the roots.\n"
    _git(hook_repo, "add", "fixable.md")
    second = _git(hook_repo, "commit", "-m", "add fixable", check=False)
    assert second.returncode == 0, second.stdout + second.stderr
