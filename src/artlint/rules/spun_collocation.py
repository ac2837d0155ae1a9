"""AL805: a span that a synonym spinner made out of an attested English collocation.

Spinners swap words for thesaurus synonyms; inside a fixed expression the swap breaks it ("heart
attack" becomes "heart assault", "in other words" becomes "in other phrases"). The rule does not know
spun phrases: ``scripts/build_collocations.py`` derives, from English bigram counts (Google Books
n-grams via symspellpy) and the Moby thesaurus, every one-word synonym swap of a strongly attested
collocation (a multi-word entry of the thesaurus) that is itself unattested, with its original and
a score: how many times more frequent the original is. The
rule looks up each word pair of the text in that index (CRC-32 keys, loaded once, lazily), and the
runs of two to four words around a pair that holds a swapped word.
"""

from __future__ import annotations

import array
import re
import sys
import zlib
from bisect import bisect_left
from functools import cache
from importlib import resources
from itertools import repeat

from artlint.rule import Rule

# The index holds swaps scored at least 2 (the build's MIN_RATIO: the original at least twice the
# bigram list's floor of 6.4 million, and twice any pair the text's word makes in another sense). A
# score of RATIO_FLOOR or more is reported: at 2 the clean corpora (shared/corpus, tests/corpus_clean)
# gained rare correct pairs ("fitting even", "look rough") and no development article gained a swap.
RATIO_FLOOR = 3
# Quote marks: a span inside a quotation is someone else's wording, not the article's.
QUOTES = '"“”«»'
URL_PARTS_RE = re.compile(r"://|www\.|[/@_\\`]|\.[a-z]")


@cache
def _index():
    """(pair keys as a set, sorted CRC array, original ids, scores, originals): the shipped index."""
    data = resources.files("artlint.data").joinpath("spun_index.bin").read_bytes()
    n = int.from_bytes(data[:4], "little")
    crcs = array.array("I")
    crcs.frombytes(data[4 : 4 + 4 * n])
    ids = array.array("H")
    ids.frombytes(data[4 + 4 * n : 4 + 6 * n])
    scores = data[4 + 6 * n : 4 + 7 * n]
    at = 4 + 7 * n
    m = int.from_bytes(data[at : at + 4], "little")
    pairs = array.array("I")
    pairs.frombytes(data[at + 4 : at + 4 + 4 * m])
    if sys.byteorder == "big":
        for a in (crcs, ids, pairs):
            a.byteswap()
    originals = resources.files("artlint.data").joinpath("spun_originals.txt").read_text(encoding="utf-8").split("\n")
    return frozenset(pairs), crcs, ids, scores, originals


def _pair_crcs(words: list[bytes]) -> list[int]:
    """CRC-32 of each pair of ``words`` (UTF-8) as the index keys them ("w1 w2"), all in C.

    CRC-32 continues from a prefix's value: "w1 " is hashed and extended by "w2", with no joined string.
    """
    return list(map(zlib.crc32, words[1:], map(zlib.crc32, map(bytes.__add__, words, repeat(b" ")))))


def _lookup(gram: str, key: int | None = None) -> tuple[str, int] | None:
    """(original, ratio) when ``gram`` is an indexed swap of an original that differs in one word."""
    _, crcs, ids, ratios, originals = _index()
    key = zlib.crc32(gram.encode()) if key is None else key
    i = bisect_left(crcs, key)
    if i == len(crcs) or crcs[i] != key:
        return None
    original = originals[ids[i]]
    a, b = gram.split(), original.split()
    if len(a) != len(b) or sum(x != y for x, y in zip(a, b)) != 1:
        return None  # a CRC collision with some other variant
    return original, ratios[i]


def _quoted(text: str, start: int) -> bool:
    """Inside a quotation: an odd number of quote marks before the span in its block."""
    before = text[:start]
    return sum(before.count(q) for q in QUOTES) % 2 == 1


class SpunCollocation(Rule):
    """A span absent from English whose one-word synonym swap is a common collocation."""

    code = "AL805"
    name = "spun-collocation"
    category = "spun-text"
    severity = "info"
    # On 16 annotated articles written after it was built it found none of their 42 swaps
    # and raised 8 false alarms ("peak temperature", "keen edge"): it runs only when named (--select AL805).
    preview = True
    summary = "A phrase a synonym spinner made from a common collocation ('heart assault' for heart attack)."
    rationale = (
        "Spinners disguise copied text by swapping words for thesaurus synonyms, which breaks fixed "
        "expressions. A span that English does not use, while one synonym swap gives a collocation "
        "English uses all the time, is most likely such a swap; the finding names the original and "
        "how many times more frequent it is."
    )
    bad = "A heart assault needs care at once, and common logic says to call for help."
    good = "A heart attack needs care at once, and common sense says to call for help."

    def check(self, doc):
        keys = None
        uses: dict[str, int] = {}  # how often the article uses a swapped word
        for b in doc.blocks:
            if b.kind not in ("paragraph", "list_item", "table_row", "heading"):
                continue  # code and quotations keep their own wording
            norm = b.norm
            if keys is None:
                keys = _index()[0]
            pairs = _pair_crcs(norm.replace("-", " ").encode().split())
            if keys.isdisjoint(pairs):
                continue
            words = norm.replace("-", " ").split()
            yield from self._block_hits(doc, b, words, pairs, keys, uses)

    def _block_hits(self, doc, b, words, pairs, keys, uses):
        seen = set()
        for i, key in enumerate(pairs):
            if key not in keys:
                continue
            # the pair holds the swapped word: the variant is this pair or a longer run around it
            for start, n in ((i - 2, 4), (i - 1, 4), (i, 4), (i - 1, 3), (i, 3), (i, 2)):
                if start < 0 or start + n > len(words):
                    continue
                gram = " ".join(words[start : start + n])
                if gram in seen:
                    continue
                seen.add(gram)  # each distinct run is judged once per block
                found = _lookup(gram)
                if found is None:
                    continue
                original, ratio = found
                if ratio < RATIO_FLOOR:
                    continue
                swapped = next(x for x, y in zip(gram.split(), original.split()) if x != y)
                if swapped not in uses:
                    uses[swapped] = sum(blk.norm_words.count(swapped) for blk in doc.blocks)
                if uses[swapped] > 1:
                    continue  # a word the article keeps using is its subject's term ("right needle" in knitting)
                for m in self._spans(b, gram.split()):
                    yield self.hit(
                        f"'{m.group(0)}': likely a synonym swap of '{original}' (the original is {ratio}× as frequent in English).",
                        b,
                        m.start(),
                        m.end(),
                    )
                break  # the longest run that is a known swap is the finding

    @staticmethod
    def _spans(b, gram_words):
        """Where the gram stands in the block's text as plain prose (not a name, quotation or URL)."""
        pattern = r"(?<![\w'’-])" + r"[\s-]+".join(map(re.escape, gram_words)) + r"(?![\w'’-])"
        text = b.text
        for m in re.finditer(pattern, text, re.I):
            left = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            right = min((k for k in (text.find(" ", m.end()), text.find("\n", m.end())) if k >= 0), default=len(text))
            if URL_PARTS_RE.search(text, left, right):
                continue  # part of a URL, an address or a file name
            if _quoted(text, m.start()):
                continue
            caps = [w[:1].isupper() for w in m.group(0).replace("-", " ").split()]
            at_start = m.start() == 0 or text[: m.start()].rstrip()[-1:] in '.!?:;"“(' or b.is_heading
            if any(caps[1:]) and not (b.is_heading and all(caps)):
                continue  # a capitalised word inside: a name or title ("Constant Gardener")
            if caps[0] and not at_start:
                continue
            yield m
