"""Precision and recall of each section of an audit report on the test site, against expected.json.

artlint audit tests/site_mdx/content/blog --format json > /tmp/site.json
python tests/site_mdx/score.py /tmp/site.json
"""

from __future__ import annotations

import json
import re
import sys
from itertools import combinations
from pathlib import Path

EXPECTED = Path(__file__).parent / "expected.json"


def _slug(path: str) -> str:
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("’", "'")))


def _pr(found: int, right_found: int, expected: int, right_expected: int) -> dict:
    return {
        "precision": round(right_found / found, 3) if found else 1.0,
        "recall": round(right_expected / expected, 3) if expected else 1.0,
        "found": found,
        "expected": expected,
    }


def score(report: dict, expected: dict) -> dict:
    out = {}
    near = {tuple(sorted((_slug(d["a"]), _slug(d["b"])))) for d in report["near_duplicates"]}
    want = {tuple(sorted(p)) for p in expected["near_duplicates"]}
    out["near_duplicates"] = _pr(len(near), len(near & want), len(want), len(near & want))

    copied = [tuple(sorted({_slug(o["document"]) for o in b["occurrences"]})) for b in report["copied_blocks"]]
    want = {tuple(sorted(p)) for p in expected["copied_blocks"]}
    out["copied_blocks"] = _pr(len(copied), sum(c in want for c in copied), len(want), len(want & set(copied)))

    def pairs(groups):
        return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}

    got = pairs([[_slug(d) for d in g["documents"]] for g in report["cannibalisation"]])
    want = pairs(expected["cannibalisation"])
    out["cannibalisation"] = _pr(len(got), len(got & want), len(want), len(got & want))

    chrome = report["template_chrome"]
    wanted = expected["template_chrome"]

    def same(c, w):
        a, b = _norm(c["text"]), _norm(w["text"])
        return bool(a) and (a in b or b in a) and c["documents"] == w["documents"]

    right = [c for c in chrome if any(same(c, w) for w in wanted)]
    hit = [w for w in wanted if any(same(c, w) for c in chrome)]
    out["template_chrome"] = _pr(len(chrome), len(right), len(wanted), len(hit))
    placed = [c for c in right if any(same(c, w) and c.get("position") == w["position"] for w in wanted)]
    out["template_chrome"]["position_right"] = round(len(placed) / len(right), 3) if right else 1.0
    headings = {_norm(h) for h in expected["shared_headings"]}
    out["template_chrome"]["headings_reported"] = sum(_norm(c["text"]) in headings for c in chrome)
    return out


if __name__ == "__main__":
    result = score(json.loads(Path(sys.argv[1]).read_text()), json.loads(EXPECTED.read_text()))
    for section, numbers in result.items():
        print(f"{section:16} " + "  ".join(f"{k} {v}" for k, v in numbers.items()))
