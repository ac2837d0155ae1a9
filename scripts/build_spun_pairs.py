#!/usr/bin/env python3
"""Write src/artlint/data/spun_pairs.bin: the gate of AL805 (spun-collocation), derived from its index.

Every variant in spun_index.bin holds two content words side by side once function words are dropped
(the swapped word and a neighbour: "regulation thumb" for "regulation of thumb"). An article whose content
words hold none of these pairs cannot hold a variant, and one that holds a pair needs only the index
entries of that pair's trigger words. The file holds two bands, each two zlib streams of
as many lines: the sorted pairs, then their trigger words (space-separated). The first band holds the pairs
of variants at the warning score (what runs by default), the second those of the lower scores (read when
the rule's ``min_score`` option asks for them). Same index, same bytes. Run it after rebuilding the index
(tests/test_spun_pairs.py fails until you do):

    python scripts/build_spun_pairs.py
"""

from __future__ import annotations

import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "artlint" / "data" / "spun_pairs.bin"


def pairs() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """{pair: its trigger words} for the variants at the warning score and for those below it."""
    from artlint.rules import spun_collocation as sc

    high: dict[str, set[str]] = {}
    low: dict[str, set[str]] = {}
    for trigger in sc._index()[0]:
        for _, _, table in sc._records(trigger)[1]:
            for variant, (original, score) in table.items():
                band = high if score >= sc.WARNING_SCORE else low
                band.setdefault(sc.gate_pair(variant, original.split()), set()).add(trigger)
    return high, low


def _streams(band: dict[str, set[str]]) -> list[bytes]:
    keys = sorted(band)
    return [zlib.compress("\n".join(lines).encode("utf-8"), 9) for lines in (keys, [" ".join(sorted(band[k])) for k in keys])]


def render() -> bytes:
    """Four streams, each after its length (4 bytes, little-endian)."""
    high, low = pairs()
    return b"".join(len(s).to_bytes(4, "little") + s for s in (*_streams(high), *_streams(low)))


if __name__ == "__main__":
    OUT.write_bytes(render())
