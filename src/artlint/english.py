"""Statistics of English word order: which word pairs English prose attests.

The pairs are the 2 M bigrams of CMU Sphinx's US English language model (BSD 2-clause), shipped as
hashes in ``data/en_bigrams.bin`` by ``scripts/build_bigrams.py``. The table is read on first use (4 MB,
one read and two array copies, no parsing) and a test costs one CRC-32 and one bisection.
"""

from __future__ import annotations

import array
import sys
import zlib
from bisect import bisect_left
from functools import cache
from importlib import resources

BUCKETS = 65536  # by the top 16 bits of a pair's CRC-32; the low 16 bits are stored, sorted per bucket


@cache
def _table() -> tuple[array.array, array.array]:
    raw = resources.files("artlint.data").joinpath("en_bigrams.bin").read_bytes()
    offsets, low = array.array("I"), array.array("H")
    offsets.frombytes(raw[: 4 * (BUCKETS + 1)])
    low.frombytes(raw[4 * (BUCKETS + 1) :])
    if sys.byteorder == "big":
        offsets.byteswap()
        low.byteswap()
    return offsets, low


def attested(a: str, b: str) -> bool:
    """True when the lower-case word pair "a b" occurs in English prose (a bigram of the reference model).

    About 1 pair in 2,000 that the model lacks tests true too (16-bit fingerprints): evidence, not proof.
    """
    h = zlib.crc32(f"{a} {b}".encode())
    offsets, low = _table()
    top, key = h >> 16, h & 0xFFFF
    end = offsets[top + 1]
    i = bisect_left(low, key, offsets[top], end)
    return i < end and low[i] == key
