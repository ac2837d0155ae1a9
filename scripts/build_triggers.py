#!/usr/bin/env python3
"""Write src/artlint/data/derived_triggers.json: the gate texts of every claim and note rule pattern.

The claim and note rules read, off each pattern, texts one of which every match holds (its "triggers",
see artlint.matching.triggers), and try the pattern only on blocks holding one. Working them
out parses ~300 patterns, which cost 0.15-0.3 s at every start; this table holds the results. Run it after
editing a claim or note rule (tests/test_triggers_table.py fails until you do):

    python scripts/build_triggers.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "artlint" / "data" / "derived_triggers.json"


def table() -> dict[str, list[str] | None]:
    """Every pattern the built-in claim and note rules ask triggers for, with its triggers, derived afresh."""
    from artlint.builtin import artlint_rules
    from artlint.matching import triggers
    from artlint.rules import _claims

    artlint_rules()  # imports the built-in rules, which register their classes
    _claims.PREPARED.ensure()
    out = {}
    for source, flags in sorted(triggers.ASKED, key=lambda k: (k[1], k[0])):
        found = triggers.derive_triggers(source, flags)
        out[f"{flags}:{source}"] = None if found is None else list(found)
    return out


def render() -> str:
    return json.dumps(table(), ensure_ascii=False, indent=0, sort_keys=True) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT} ({len(json.loads(OUT.read_text(encoding='utf-8')))} patterns)", file=sys.stderr)
