"""SARIF 2.1.0, with rule metadata and help text, as GitHub code scanning expects."""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from artlint.fingerprint import fingerprints
from artlint.reporters.text_report import xml_safe
from artlint.rules.internal_error import InternalError
from artlint.version import __version__

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> dict:
    if os.path.isabs(path):
        rel = os.path.relpath(path)
        if not rel.startswith(".."):
            return {"uri": quote(rel.replace(os.sep, "/"), errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}
        return {"uri": "file://" + quote(path.replace(os.sep, "/"), errors="surrogateescape")}
    return {"uri": quote(path.replace(os.sep, "/"), errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}


def _region(line, column, end_line, end_column) -> dict:
    region = {"startLine": line or 1, "startColumn": column or 1}
    if end_line:
        region["endLine"] = end_line
        region["endColumn"] = max(end_column or 1, 1)
    return region


def _descriptor(meta: dict) -> dict:
    help_text = f"{meta['summary']}\n\n{meta['rationale']}"
    markdown = f"**{meta['summary']}**\n\n{meta['rationale']}"
    if meta.get("bad"):
        markdown += f"\n\nFlagged:\n\n```\n{meta['bad'].strip()}\n```\n\nNot flagged:\n\n```\n{meta['good'].strip()}\n```"
    return {
        "id": meta["code"],
        "name": meta["name"],
        "shortDescription": {"text": meta["summary"]},
        "fullDescription": {"text": meta["rationale"]},
        "help": {"text": help_text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[meta["severity"]]},
        "properties": {"category": meta["category"], "tags": [meta["category"]]},
    }


def _fix(f) -> dict:
    """SARIF's fix: each edit as a deleted region (lines and columns of the original file) and inserted text."""
    return {
        "description": {"text": f"{f.fix.applicability} fix for {f.rule} {f.name}"},
        "artifactChanges": [
            {
                "artifactLocation": _uri(f.path),
                "replacements": [
                    {
                        "deletedRegion": {"startLine": e.line, "startColumn": e.column, "endLine": e.end_line, "endColumn": e.end_column},
                        "insertedContent": {"text": e.replacement},
                    }
                    for e in f.fix.edits
                ],
            }
        ],
        "properties": {"applicability": f.fix.applicability},
    }


def render(report, options=None) -> str:
    metas = [r.metadata() for r in (report.rules or [])]
    if not any(m["code"] == "AL000" for m in metas):
        metas.append(InternalError().metadata())  # a crash can be reported whatever rules were selected
    index = {m["code"]: i for i, m in enumerate(metas)}
    results = []
    findings = report.findings
    for f, fp in zip(findings, fingerprints(findings), strict=True):
        if f.rule not in index:  # a rule from a plugin that is not in the selected set
            index[f.rule] = len(metas)
            metas.append(
                {"code": f.rule, "name": f.name, "summary": f.name, "rationale": f.name, "severity": f.severity, "category": f.category}
            )
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS[f.severity],
            "message": {"text": xml_safe(f.message)},
            "locations": [
                {"physicalLocation": {"artifactLocation": _uri(f.path), "region": _region(f.line, f.column, f.end_line, f.end_column)}}
            ],
            "partialFingerprints": {"artlint/v1": fp},
            "properties": {"category": f.category},
        }
        if f.fix is not None:
            result["fixes"] = [_fix(f)]
        if f.related:
            result["relatedLocations"] = [
                {
                    "id": i,
                    "message": {"text": xml_safe(r.message or "related")},
                    "physicalLocation": {"artifactLocation": _uri(f.path), "region": _region(r.line, r.column, None, None)},
                }
                for i, r in enumerate(f.related)
            ]
        results.append(result)
    notifications = [
        {"level": "error", "message": {"text": xml_safe(msg)}, "locations": [{"physicalLocation": {"artifactLocation": _uri(path)}}]}
        for path, msg in report.errors
    ]
    run = {
        "tool": {
            "driver": {
                "name": "artlint",
                "version": __version__,
                "informationUri": "https://github.com/artlint/artlint",
                "rules": [_descriptor(m) for m in metas],
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + quote(os.getcwd().replace(os.sep, "/")) + "/"}},
        "results": results,
        "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
    }
    doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
