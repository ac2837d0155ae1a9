"""The JSON report (schemas/report.schema.json).

Written compact (one line): Python's C encoder only runs without indentation, and on a
1,000-article run indenting cost a quarter of a second. `jq .` or `python -m json.tool` shows it indented.
"""

from __future__ import annotations

import json


def render(report, options=None) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False) + "\n"
