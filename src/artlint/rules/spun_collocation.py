"""AL805: a span that a synonym spinner made out of a fixed English expression.

Spinners swap words for thesaurus synonyms; inside a fixed expression the swap breaks it ("rule of
thumb" becomes "rule of digit", "hit or miss" becomes "strike or miss"). The rule knows no spun
phrase: ``scripts/build_collocations.py`` takes the fixed expressions of WordNet 3.0 and the Moby
Thesaurus (frames of two content words such as "rule of thumb", "on the other hand"; two-word root
entries of Moby such as "flip side"), swaps one content word for each of its synonyms (Moby both
ways and WordNet's synsets), and keeps the variants that are not attested English themselves (in
WordNet, Moby, WordNet's glosses or Google Books' frequent bigrams), each with its original and a
score. The rule intersects the article's words with the variants' trigger words (one set operation),
and only where a trigger stands compares the words around it with that trigger's variants. A gate
comes first: an article is read only if two of its content words side by side form the pair a variant
holds (``data/spun_pairs.bin``, derived from the index by ``scripts/build_spun_pairs.py``).
"""

from __future__ import annotations

import array
import re
import sys
import zlib
from bisect import bisect_left
from functools import cache
from importlib import resources
from itertools import filterfalse

from artlint.rule import Rule

# The score is 3 per source that links the swapped word to its synonym (Moby's entry, Moby's reverse
# entry, WordNet's synsets: 3, 6 or 9). At 9 all three agree the words are synonyms, and on the
# development sets every finding at 9 was a real swap: a warning; below, the finding is info.
WARNING_SCORE = 9
# Quote marks: a span inside a quotation is someone else's wording, not the article's.
QUOTES = '"“”«»'
RUN_RE = re.compile(r"[a-z0-9]+")
# Words a variant shares with every text (the build's function words): no use in telling blocks apart.
FUNCTION = frozenset("a an the of in on at to for from by with as and or but than so if is are be it its this that all no not".split())
URL_PARTS_RE = re.compile(r"://|www\.|[/@_\\`]|\.[a-z]")


@cache
def _index() -> tuple[list[str], array.array, bytes]:
    """(trigger words, sorted; offsets of their groups; the groups), loaded once."""
    data = resources.files("artlint.data")
    triggers = data.joinpath("spun_triggers.txt").read_text(encoding="utf-8").split("\n")[:-1]
    raw = data.joinpath("spun_index.bin").read_bytes()
    n = int.from_bytes(raw[:4], "little")
    offsets = array.array("I")
    offsets.frombytes(raw[4 : 8 + 4 * n])
    if sys.byteorder == "big":
        offsets.byteswap()
    return triggers, offsets, raw[8 + 4 * n :]


def gate_pair(variant: tuple[str, ...], original: list[str]) -> str:
    """The swapped word of ``variant`` and the content word next to it (the one after it, if any), in order."""
    k = next(i for i, (x, y) in enumerate(zip(variant, original)) if x != y)
    content = [i for i, w in enumerate(variant) if w not in FUNCTION]
    at = content.index(k)
    a, b = (content[at], content[at + 1]) if at + 1 < len(content) else (content[at - 1], content[at])
    return f"{variant[a]} {variant[b]}"


def _streams(raw: bytes, count: int) -> list[str]:
    """The first ``count`` length-prefixed zlib streams of ``raw``, decoded."""
    out, at = [], 0
    for _ in range(count):
        n = int.from_bytes(raw[at : at + 4], "little")
        out.append(zlib.decompress(raw[at + 4 : at + 4 + n]).decode("utf-8"))
        at += 4 + n
    return out


@cache
def _gate(all_scores: bool) -> dict[tuple[str, ...], str]:
    """{content-word pair a variant holds: the trigger words whose index entries hold it}, for the variants
    at the warning score, or of every score."""
    raw = resources.files("artlint.data").joinpath("spun_pairs.bin").read_bytes()
    streams = _streams(raw, 4 if all_scores else 2)
    # keyed by word tuples: a block's pairs are then zip's tuples, hashed from the words' cached hashes
    gate = dict(zip(map(tuple, map(str.split, streams[0].split("\n"))), streams[1].split("\n")))
    if all_scores:
        for pair, triggers in zip(map(tuple, map(str.split, streams[2].split("\n"))), streams[3].split("\n")):
            gate[pair] = f"{gate[pair]} {triggers}" if pair in gate else triggers
    return gate


def _content_pairs(words: list[str]):
    """Adjacent content words (function words dropped), each pair as a tuple."""
    content = list(filterfalse(FUNCTION.__contains__, words))
    return zip(content, content[1:])


@cache
def _records(trigger: str) -> tuple[frozenset[str], tuple[tuple[int, int, dict[tuple[str, ...], tuple[str, int]]], ...]]:
    """The variants of ``trigger``: (their other content words, as runs of letters; by shape: where the
    trigger stands, the length, and {variant: (original, score)})."""
    triggers, offsets, groups = _index()
    i = bisect_left(triggers, trigger)
    start, length = offsets[i], offsets[i + 1] - offsets[i]
    shapes: dict[tuple[int, int], dict[tuple[str, ...], tuple[str, int]]] = {}
    partners: set[str] = set()
    for line in zlib.decompress(groups[start : start + length]).decode("utf-8").split("\n"):
        variant, original, score = line.split("\t")
        words = tuple(variant.split())
        k = words.index(trigger)
        shapes.setdefault((k, len(words)), {})[words] = (original, int(score))
        partners.update(RUN_RE.findall(" ".join(w for w in words if w != trigger and w not in FUNCTION)))
    return frozenset(partners), tuple((k, n, table) for (k, n), table in sorted(shapes.items()))


def _quoted(text: str, start: int) -> bool:
    """Inside a quotation: an odd number of quote marks before the span in its block."""
    before = text[:start]
    return sum(before.count(q) for q in QUOTES) % 2 == 1


class SpunCollocation(Rule):
    """A span that is not English itself but one synonym away from a fixed English expression."""

    code = "AL805"
    name = "spun-collocation"
    category = "spun-text"
    severity = "info"
    # Precise but far from complete: 17 of the 260 swaps of the held-out phrase list (0 of its 185 correct
    # phrases flagged), 4 of the devset's 31. On four annotated sets nobody built it on (36 spun phrases),
    # its findings at the warning score were 3 of 3 right and those below it 2 of 6, so by default only
    # the warning score is reported; ``min_score = 3`` or ``6`` shows the rest (at info).
    options = {"min_score": WARNING_SCORE}
    summary = "A phrase a synonym spinner made from a fixed expression ('rule of digit' for rule of thumb)."
    rationale = (
        "Spinners disguise copied text by swapping words for thesaurus synonyms, which breaks fixed "
        "expressions. A span that English dictionaries and n-gram lists do not attest, one synonym away "
        "from a fixed expression, is most likely such a swap; the finding names the original and a score "
        "(how many thesauri link the two words)."
    )
    bad = "As a rule of digit, cheap seed mixes are strike or miss."
    good = "As a rule of thumb, cheap seed mixes are hit or miss."

    def warm(self) -> None:
        _gate(self.opts["min_score"] < WARNING_SCORE)

    def check(self, doc):
        gate = _gate(self.opts["min_score"] < WARNING_SCORE)
        blocks = [b for b in doc.blocks if b.kind in ("paragraph", "list_item", "table_row", "heading")]  # not code
        hits = gate.keys() & _content_pairs(" | ".join(b.norm for b in blocks).replace("-", " ").split())
        if not hits:
            return  # no two content words side by side that a variant holds (nearly every article stops here)
        found = {t for pair in hits for t in gate[pair].split()}  # only these triggers' entries can match
        uses: dict[str, int] = {}  # how often the article uses a swapped word
        for b in blocks:
            if found.isdisjoint(b.alnum_runs):
                continue
            words = b.norm.replace("-", " ").split()
            seen: set[str] = set()
            runs = b.alnum_runs
            for w in found.intersection(runs):
                partners, shapes = _records(w)
                if partners.isdisjoint(runs):
                    continue  # none of its variants' other words is in this block (most triggers stop here)
                i = -1
                while True:
                    try:
                        i = words.index(w, i + 1)
                    except ValueError:
                        break
                    yield from self._variants_at(doc, b, words, i, shapes, seen, uses)

    def _variants_at(self, doc, b, words, i, shapes, seen, uses):
        """Findings for the variants that stand in ``words`` around position ``i``."""
        for k, n, table in shapes:
            if i < k or i - k + n > len(words) or (entry := table.get(tuple(words[i - k : i - k + n]))) is None:
                continue
            variant, (original, score) = words[i - k : i - k + n], entry
            if original in seen or score < self.opts["min_score"]:
                continue
            swapped = next(x for x, y in zip(variant, original.split()) if x != y)
            if swapped not in uses:
                uses[swapped] = sum(blk.norm_words.count(swapped) for blk in doc.blocks)
            if uses[swapped] > 1:
                continue  # a word the article keeps using is its subject's term ("right needle" in knitting)
            seen.add(original)
            for m in self._spans(b, variant):
                yield self.hit(
                    f"'{m.group(0)}': likely a synonym swap of '{original}' (score {score} of 9).",
                    b,
                    m.start(),
                    m.end(),
                    severity="warning" if score >= WARNING_SCORE else "info",
                    fix=((m.start(), m.end(), original[:1].upper() + original[1:] if m.group(0)[:1].isupper() else original),),
                    fix_applicability="unsafe",  # the likely original; a person confirms it
                )

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
