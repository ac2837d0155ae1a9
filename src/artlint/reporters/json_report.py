"""The JSON report (schemas/report.schema.json).

Written compact and one file at a time (see ``Report.json_chunks``), so a report on 10,000
articles never sits in memory whole. `jq .` or `python -m json.tool` shows it indented.
"""

from __future__ import annotations

from collections.abc import Iterator


def render(report, options=None) -> Iterator[str]:
    yield from report.json_chunks()
    yield "\n"
