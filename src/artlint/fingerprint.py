"""Stable fingerprints of findings: rule + path + the normalised flagged text and its context.

Line numbers are left out, so a finding keeps its fingerprint when text is added or removed
elsewhere in the file. Used by the baseline and by the GitLab and SARIF reports.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from artlint.text import normalise


def fingerprint(path: str, rule: str, excerpt: str, context: str = "") -> str:
    key = "\x1f".join([rule, path.replace("\\", "/"), normalise(excerpt), normalise(context)])
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]  # a file name may hold undecodable bytes


def fingerprints(findings) -> list[str]:
    """Fingerprints in order; repeats of the same text get an occurrence suffix (":2", ":3")."""
    seen: Counter = Counter()
    out = []
    for f in findings:
        fp = fingerprint(f.path, f.rule, f.excerpt, f.context)
        seen[fp] += 1
        out.append(fp if seen[fp] == 1 else f"{fp}:{seen[fp]}")
    return out
