"""The JSON report (schemas/report.schema.json)."""

from __future__ import annotations

import json


def render(report, options=None) -> str:
    return json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
