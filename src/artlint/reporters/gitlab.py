"""GitLab Code Quality report (a JSON array) with stable fingerprints."""

from __future__ import annotations

import json

from artlint.fingerprint import fingerprints

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(report, options=None) -> str:
    findings = report.findings
    issues = []
    for f, fp in zip(findings, fingerprints(findings), strict=True):
        issues.append(
            {
                "type": "issue",
                "check_name": f"{f.rule} {f.name}",
                "description": f"{f.rule} {f.message}",
                "categories": ["Style" if f.category in ("typography", "style", "readability") else "Bug Risk"],
                "severity": SEVERITY[f.severity],
                "fingerprint": fp,
                "location": {"path": f.path, "lines": {"begin": f.line or 1, "end": f.end_line or f.line or 1}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
