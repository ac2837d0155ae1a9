"""artlint's own plugin: its rules, rule packs and reporters, through the public hooks."""

from __future__ import annotations

import importlib
import pkgutil

from artlint.hookspecs import hookimpl
from artlint.resources import packs_dir
from artlint.rule import Rule


@hookimpl
def artlint_rules():
    """Every Rule subclass defined in a module of ``artlint.rules`` (one rule per module)."""
    from artlint import rules as package

    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__ and hasattr(value, "code"):
                value.source = module.__name__
                found.append(value)
    return found


@hookimpl
def artlint_rule_packs():
    return sorted(packs_dir().glob("*.yaml"))


@hookimpl
def artlint_reporters():
    from artlint.reporters import github, gitlab, html_report, json_report, junit, sarif, text_report

    return {
        "text": text_report.render,
        "json": json_report.render,
        "sarif": sarif.render,
        "github": github.render,
        "gitlab": gitlab.render,
        "junit": junit.render,
        "html": html_report.render,
    }


@hookimpl
def artlint_audit_reporters():
    from artlint.reporters import audit_report

    return {"text": audit_report.render_text, "json": audit_report.render_json, "html": audit_report.render_html}
