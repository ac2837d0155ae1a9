"""artlint: a content-quality linter for SEO articles."""

from __future__ import annotations

__all__ = ["__version__", "hookimpl", "lint_text", "lint_path"]

from artlint.hookspecs import hookimpl
from artlint.version import __version__  # in a leaf module: the modules below this facade read it from there


def lint_text(text: str, format: str = "text", path: str | None = None, keyword: str | None = None, config=None):
    """Lint ``text`` and return its findings (a list of :class:`artlint.rule.Finding`)."""
    from artlint.engine import Linter
    from artlint.parsers import REGISTRY

    if format not in REGISTRY:
        raise ValueError(f"unknown input format {format!r} (choose from {', '.join(REGISTRY)})")
    ext = REGISTRY[format].extensions[0]
    return Linter(config, keyword=keyword).lint_text(text, path or f"<text>{ext}", format).findings


def lint_path(*paths: str, keyword: str | None = None, config=None):
    """Lint files and folders; returns an :class:`artlint.report.Report`."""
    from artlint.engine import Linter
    from artlint.runner import run

    return run(Linter(config, keyword=keyword), list(paths))
