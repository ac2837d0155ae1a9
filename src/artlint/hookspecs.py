"""Every hook artlint calls, with its contract. Plugins implement these.

A plugin is a module (or object) with functions decorated by
``artlint.hookimpl``, registered through the ``artlint`` entry-point group.
artlint's own rules, packs and reporters are registered the same way
(``artlint.builtin``), so a third-party plugin can do anything a built-in does.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("artlint")
hookimpl = pluggy.HookimplMarker("artlint")


@hookspec
def artlint_rules():
    """Return the rule classes this plugin provides.

    Called once when the rule set is built. Return a list of
    :class:`artlint.rule.Rule` subclasses (not instances). Each must carry a
    unique code, a kebab-case name, a category, a default severity, a summary,
    a rationale and bad/good examples; a rule that does not is refused with an
    error naming the plugin. A code already taken by another plugin is an error.
    """


@hookspec
def artlint_rule_packs():
    """Return paths of YAML rule packs this plugin ships.

    Called once when the rule set is built. Each path is a file validated
    against ``schemas/rule-pack.schema.json``; its entries become rules just
    like Python ones. Return an empty list (or nothing) for none.
    """


@hookspec
def artlint_reporters():
    """Return a mapping of output-format name to a reporter callable.

    A reporter is ``fn(report: artlint.report.Report, options: dict) -> str``
    and returns the text to write, either as one string or as strings one after
    another (an iterator: the CLI writes them as they come, so memory stays flat;
    ``report.files`` and ``report.iter_findings()`` also yield one at a time).
    A reporter that shows the articles' text sets ``fn.needs_source = True``:
    each ``FileResult.source`` then holds the text (and the cache is not used).
    Called when the CLI resolves ``--format``; a later plugin may not replace an
    existing name.
    """


@hookspec
def artlint_audit_reporters():
    """Return a mapping of ``artlint audit --format`` name to a reporter callable.

    A reporter is ``fn(report: dict, options: dict) -> str``; the report is the audit's JSON object
    (schemas/audit-report.schema.json). A later plugin may not replace an existing name.
    """


@hookspec
def artlint_input_formats():
    """Return the input formats this plugin reads, as :class:`artlint.parsers.InputFormat` objects.

    Each has a name (for ``--format-in``), file extensions (walked folders pick them up) and a parser
    ``fn(source, path, keyword) -> artlint.document.Document`` (build it with
    :func:`artlint.parsers.build_document`), or a ``"module:function"`` string imported on first use.
    Called when the linter is built; a name or extension another format already has is an error.
    """
