"""Build ``src/artlint/data/en_bigrams.bin``: the word pairs English prose attests, for :mod:`artlint.english`.

Source (pinned; fetch it with ``pip download --no-deps -d DIR pocketsphinx==5.1.1``): the US English
language model that CMU Sphinx ships in its wheel (``pocketsphinx/model/en-us/en-us.lm.bin``; BSD 2-clause,
Carnegie Mellon University and Alpha Cephei Inc.): 72,547 words and 2,051,547 bigrams. The model is a
trie in Sphinx's binary format; this script reads it in pure Python (nothing of pocketsphinx is imported
or run), following ``lm_trie.c``/``ngram_model_trie.c``:

    "Trie Language Model", order (uint8), one uint32 count per order, a uint32 (1), the quantisation
    tables (65,536 float32 per table; two per middle order, one for the longest), the unigrams
    ((count + 1) x {float32 prob, float32 backoff, uint32 first bigram}), the bigram records
    (bit-packed, little-endian: word id, 16-bit prob, 16-bit backoff, pointer to trigrams; an n-gram is
    stored last word first, so unigram w's records hold the words that come *before* w), the trigram
    records, then a uint32 byte count and the words, NUL-separated, in id order.

Output: every bigram of two words written in lower-case letters, digits, apostrophes, hyphens or dots,
as the CRC-32 of "first second" (UTF-8): a table of 65,537 uint32 offsets by the hash's top 16 bits, then
the low 16 bits of every hash, sorted within its bucket (little-endian). A pair absent from the model may
test present with probability ~ (bucket size) / 65,536, about 1 in 2,000: the rules use the set as
evidence of English word order, never as proof.

Usage::

    python scripts/build_bigrams.py DIR [OUT]

The same wheel gives the same bytes.
"""

from __future__ import annotations

import array
import re
import sys
import zipfile
import zlib
from pathlib import Path

WHEEL_GLOB = "pocketsphinx-5.1.1-*.whl"
MODEL = "pocketsphinx/model/en-us/en-us.lm.bin"
HEADER = b"Trie Language Model"
TABLE = 65536  # float32 values per quantisation table (16-bit quantisation)
WORD_RE = re.compile(r"[a-z0-9][a-z0-9'.-]*")


def _bits(value: int) -> int:
    """``bitarr_required_bits``: how many bits hold ``value``."""
    return value.bit_length()


def read_bigrams(model: bytes) -> list[tuple[str, str]]:
    """Every (first, second) word pair of a Sphinx trie model of order 2 or more, in trie order."""
    if not model.startswith(HEADER):
        raise SystemExit("not a Sphinx trie language model")
    at = len(HEADER)
    order = model[at]
    at += 1
    counts = [int.from_bytes(model[at + 4 * i : at + 4 * i + 4], "little") for i in range(order)]
    at += 4 * order + 4  # the counts, then the quantisation type (always 1)
    at += ((order - 2) * 2 + 1) * TABLE * 4
    unigrams = model[at : at + (counts[0] + 1) * 12]
    at += (counts[0] + 1) * 12
    next_index = array.array("I")
    next_index.frombytes(b"".join(unigrams[i * 12 + 8 : i * 12 + 12] for i in range(counts[0] + 1)))
    if sys.byteorder == "big":
        next_index.byteswap()
    word_bits = _bits(counts[0])
    next_bits = _bits(counts[2]) if order > 2 else 0
    total = word_bits + 32 + next_bits if order > 2 else word_bits + 16
    middle = model[at:]
    # the words come after every n-gram record: find them from the end (uint32 length, then the words)
    sizes = [((1 + counts[1]) * total + 7) // 8 + 8]
    if order > 2:
        sizes += [
            ((1 + counts[n]) * (word_bits + (32 if n < order - 1 else 16) + (_bits(counts[n + 1]) if n < order - 1 else 0)) + 7) // 8 + 8
            for n in range(2, order)
        ]
    words_at = at + sum(sizes)
    k = int.from_bytes(model[words_at : words_at + 4], "little")
    words = model[words_at + 4 : words_at + 4 + k].decode("utf-8", "replace").split("\0")[: counts[0]]
    mask = (1 << word_bits) - 1
    out = []
    for first in range(counts[0]):
        for i in range(next_index[first], next_index[first + 1]):
            bit = i * total
            second = (int.from_bytes(middle[bit >> 3 : (bit >> 3) + 8], "little") >> (bit & 7)) & mask
            out.append((words[second], words[first]))  # the trie keys an n-gram by its last word first
    return out


def encode(pairs) -> bytes:
    """The shipped table (see the module docstring)."""
    hashes = sorted({zlib.crc32(f"{a} {b}".encode()) for a, b in pairs if WORD_RE.fullmatch(a) and WORD_RE.fullmatch(b)})
    offsets = array.array("I", [0] * 65537)
    for h in hashes:
        offsets[(h >> 16) + 1] += 1
    for i in range(65536):
        offsets[i + 1] += offsets[i]
    low = array.array("H", (h & 0xFFFF for h in hashes))
    if sys.byteorder == "big":
        offsets.byteswap()
        low.byteswap()
    return offsets.tobytes() + low.tobytes()


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    wheel = next(Path(argv[1]).glob(WHEEL_GLOB), None)
    if wheel is None:
        print(f"{argv[1]}: no {WHEEL_GLOB} (pip download --no-deps -d {argv[1]} pocketsphinx==5.1.1)")
        return 2
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parents[1] / "src/artlint/data/en_bigrams.bin"
    pairs = read_bigrams(zipfile.ZipFile(wheel).read(MODEL))
    data = encode(pairs)
    out.write_bytes(data)
    print(f"{out}: {len(pairs)} bigrams read, {(len(data) - 4 * 65537) // 2} kept, {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
