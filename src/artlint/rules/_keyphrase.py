"""Finding the target keyphrase in block text, case- and punctuation-insensitively."""

from __future__ import annotations

import re


def phrase_regex(phrase: str) -> re.Pattern:
    words = phrase.split()
    return re.compile(r"(?<![\w])" + r"[\W_]+".join(re.escape(w) for w in words) + r"(?![\w])", re.I)


SEPARATOR_RE = re.compile(r"^\s*(?:[,:;|–—-]|\s[–—-])\s*|\s*(?:[,:;|–—-]|[–—-]\s)\s*$")
