"""Text helpers shared by parsers and rules: sentences, words, word lists.

Everything here is linear in the input and uses no data from the network.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain, repeat
from operator import contains

WORD_RE = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?")
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr vs etc e.g i.e e.g. i.e. cf fig no nos vol approx inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft u.s u.k a.m p.m al dept est""".split()
)
# a sentence's end marks (group 1) and the white space after them; "[m][m]*", not "[m]+": a pattern that opens with
# a plain class gets the engine's fast scan to its first character (split_sentences 20% faster), one that opens
# with a repeat does not. Text with full stops only (97% of blocks) is scanned for a literal ".", which the engine
# skips to far faster than to a class of marks (0.7 -> 0.3 M instructions per article)
_SENT_END = re.compile(r"([.!?…][.!?…]*[\"”’')\]]*)(?:\s+|$)")
_DOT_END = re.compile(r"(\.[.]*[\"”’')\]]*)(?:\s+|$)")
_DOTTED = re.compile(r"(?:[a-z]{1,3}\.)+[a-z]{1,3}")


# Words Title Case keeps in lower case ("Guide to the Lakes"): a line is Title Case when its other words are capitalised
TITLE_SMALL_WORDS = frozenset("a an the and or but nor for of on in at to by with from as vs into".split())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences in ``text``.

    A sentence ends at ., ! or ? followed by white space, whatever the case of
    the next word (so "ends. lower case" is two sentences, as a reader sees it),
    except after a known abbreviation or a single initial.
    """
    spans = []
    n = len(text)
    start = n - len(text.lstrip()) if text[:1].isspace() else 0
    spaced = text.isprintable()  # its only white space is " ": a word's start is found with rfind
    ends = _SENT_END if "!" in text or "?" in text or "…" in text else _DOT_END
    for m in ends.finditer(text):
        ms, end = m.span(1)
        nxt = m.end()  # the next sentence's start, after the white space
        next_char = text[nxt : nxt + 1]
        mark = text[ms]
        if mark == ".":
            if spaced and text[ms - 1 : ms] != " ":
                last = text[max(start, text.rfind(" ", start, ms) + 1) : ms]
            else:
                before = text[start:ms].rsplit(None, 1)
                last = before[-1] if before else ""
            last = last.lower().lstrip("([\"“‘'")
            if last in ABBREVIATIONS or (len(last) == 1 and "a" <= last <= "z") or ("." in last and _DOTTED.fullmatch(last)):
                continue  # "e.g. the", "U.S. officials", "J. Smith", "Ph.D. the"
            if next_char == "." or (next_char.islower() and text[ms - 2 : ms] == ". "):
                continue  # inside a spaced ellipsis ". . .", or one running on in lower case
        if next_char.islower() and (mark in "!?" or text[end - 1] in "\"”’')]"):
            continue  # '"Is it safe?" she asked' and '(write it down!) all': one sentence
        if end > start:
            spans.append((start, end))
        start = nxt
    end = len(text.rstrip()) if text[-1:].isspace() else n
    if start < end:
        spans.append((start, end))
    return spans


# ASCII text's words without the regex engine: a word is a run of letters, digits, _ ' and - trimmed to its first
# and last letter or digit, which is what WORD_RE finds there (a property test holds them equal); 17% fewer instructions
# than a regex for ASCII words
_ASCII_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c in "_'-")})


def words(text: str) -> list[str]:
    if text.isascii():
        return list(filter(None, map(str.strip, text.translate(_ASCII_NON_WORD).split(), repeat("_'-"))))
    return WORD_RE.findall(text)


_DIGIT_RE = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit (what ``\\d`` matches).

    ASCII text is searched for each of the ten digits with ``in`` (a vectorised byte scan), far fewer
    instructions than the regex engine stepping through the text character by character.
    """
    if text.isascii():
        return any(map(contains, repeat(text), "0123456789"))
    return _DIGIT_RE.search(text) is not None


def count_words(text: str) -> int:
    return len(words(text))


def normalise(text: str) -> str:
    """Lower case, words only, single spaces: the form used to compare blocks."""
    return normalise_words(words(text))


def normalise_words(words) -> str:
    """:func:`normalise` of text already split into words."""
    return " ".join(words).lower().replace("’", "'")


@cache
def _wordlist(name: str) -> tuple[str, ...]:
    data = resources.files("artlint.data").joinpath(name).read_text(encoding="utf-8")
    return tuple(w for line in data.splitlines() if not line.startswith("#") for w in line.split())


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_wordlist("stopwords_en.txt"))


@cache
def common_rank() -> dict[str, int]:
    """Rank of each of the ~12,000 most frequent English words (0 = most frequent)."""
    return {w: i for i, w in enumerate(_wordlist("common_en.txt"))}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to match 'talks'/'talk', 'relations'/'relation'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suf in ("ies", "ing", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)] + ("y" if suf == "ies" else "")
    return w


class Memo(dict):
    """A one-argument function's results in a plain dict, computed on first sight.

    Looking a result up is one dict access (``memo[key]``, or ``memo.__getitem__`` in a loop): 1.75x
    faster than an ``lru_cache`` call. Past ``limit`` entries it starts again, which bounds the memory
    on huge, varied corpora.
    """

    def __init__(self, fn, limit: int = 200_000):
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, key):
        if len(self) > self.limit:
            self.clear()
        out = self[key] = self.fn(key)
        return out


def _content_stem(w: str) -> str:
    """A word's stem, or "" for a word that carries no meaning (a stop word, a number, a short word)."""
    keep = w.lower() not in stopwords() and not w[0].isdigit() and (len(w) > 2 or w.isupper() and len(w) == 2)
    return stem(w) if keep else ""


_CONTENT = Memo(_content_stem, limit=500_000)  # word as written -> _content_stem


def content_words(text: str | tuple[str, ...]) -> list[str]:
    """Stems of the words that carry meaning (no stop words, no numbers) in a text or a list of its words."""
    return list(filter(None, map(_CONTENT.__getitem__, words(text) if isinstance(text, str) else text)))


def _rarity(word_stem: str) -> float:
    rank = common_rank().get(word_stem)
    return 1.0 if rank is None else min(1.0, max(0.05, (math.log10(rank + 1) - 2.3) / 2.0))


RARITY = Memo(_rarity)  # stem -> rarity(stem)


def rarity(word_stem: str) -> float:
    """How much a word says about a topic: 0.05 for the commonest English words, 1.0 for rare ones."""
    return RARITY[word_stem]


@dataclass(frozen=True)
class Vocabulary:
    """Per-document word statistics shared by the rules."""

    block_terms: dict[int, Counter]  # block index -> content-word stems
    doc_freq: Counter  # stem -> number of blocks it occurs in

    @classmethod
    def of(cls, doc) -> Vocabulary:  # doc: an artlint.document.Document (not imported: text sits below document)
        stems = _CONTENT.__getitem__
        block_terms = {b.index: Counter(filter(None, map(stems, b.tokens))) for b in doc.blocks if b.kind != "code"}
        return cls(block_terms, Counter(chain.from_iterable(block_terms.values())))  # a Counter iterates its keys


_COLLAPSIBLE_WS = re.compile(r"\s(?:(?<! )\s*|\s+)")  # runs of white space other than one space


class TextBuilder:
    """Builds a block's prose text while recording where each piece came from.

    Runs of white space collapse to one space; pieces without a source
    position (e.g. a placeholder for inline code) map to the last known spot.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[tuple[int, int, int]] = []
        self.length = 0

    def _emit(self, s: str, src: int | None) -> None:
        if not s:
            return
        if src is not None:
            if (
                self.segments
                and self.segments[-1][0] + self.segments[-1][2] == self.length
                and self.segments[-1][1] + self.segments[-1][2] == src
            ):
                t, sr, ln = self.segments[-1]
                self.segments[-1] = (t, sr, ln + len(s))
            else:
                self.segments.append((self.length, src, len(s)))
        self.parts.append(s)
        self.length += len(s)

    def add(self, s: str, src: int | None = None) -> None:
        """Append source text ``s`` found at source offset ``src``."""
        pos = 0
        if not self.length or self.parts[-1].endswith(" "):
            pos = len(s) - len(s.lstrip())  # no leading white space, and no second space
        if "  " not in s and s.isprintable():  # only single spaces (the usual case): nothing to collapse
            self._emit(s[pos:], None if src is None else src + pos)
            return
        for m in _COLLAPSIBLE_WS.finditer(s, pos):  # a single space is copied verbatim
            a, b = m.span()
            self._emit(s[pos:a], None if src is None else src + pos)
            if self.length and not self.parts[-1].endswith(" "):
                self._emit(" ", None if src is None else src + a)
            pos = b
        self._emit(s[pos:], None if src is None else src + pos)

    def space(self) -> None:
        if self.length and not self.parts[-1].endswith(" "):
            self._emit(" ", None)

    def build(self) -> tuple[str, tuple[tuple[int, int, int], ...]]:
        """Text (trimmed) and its segments."""
        whole = "".join(self.parts)
        text = whole.strip()
        if len(text) == len(whole):
            return text, tuple(self.segments)  # nothing trimmed: every segment stands as recorded
        lead = len(whole) - len(whole.lstrip())
        segs = []
        for t, s, ln in self.segments:
            t2, s2, ln2 = t - lead, s, ln
            if t2 < 0:
                s2 -= t2
                ln2 += t2
                t2 = 0
            if ln2 > 0 and t2 < len(text):
                segs.append((t2, s2, min(ln2, len(text) - t2)))
        return text, tuple(segs)
