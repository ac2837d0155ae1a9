"""Baselines: record today's findings, then report only new ones.

Entries are fingerprints (rule + path + normalised flagged text and its context), so
edits elsewhere in a file keep old findings matched, a fixed finding simply drops out,
and a file that changed shape is still compared finding by finding.
"""

from __future__ import annotations

import json
from pathlib import Path

from artlint.fingerprint import fingerprints
from artlint.report import FileList, json_header


class BaselineError(Exception):
    pass


def dump(report) -> str:
    findings = report.findings
    entries = [
        {"fingerprint": fp, "rule": f.rule, "path": f.path, "excerpt": f.excerpt[:80]}
        for f, fp in zip(findings, fingerprints(findings), strict=True)
    ]
    return json.dumps({**json_header(), "findings": entries}, indent=1) + "\n"


def load(path: Path) -> set[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return {e["fingerprint"] for e in data["findings"]}
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError):
        raise BaselineError(f"{path}: not an artlint baseline file") from None


def apply(report, known: set[str]) -> int:
    """Drop findings whose fingerprint is in ``known``; returns how many were dropped."""
    dropped = 0
    kept = FileList()
    for fr in report.files:
        fps = fingerprints(fr.findings)
        keep = [f for f, fp in zip(fr.findings, fps, strict=True) if fp not in known]
        dropped += len(fr.findings) - len(keep)
        fr.findings = keep
        kept.append(fr)
    report.files = kept
    return dropped
