"""Telling a pasted search query from prose and from headings (shared by the keyword and off-topic rules).

A search query is typed into a box: lower case, no end punctuation, no sentence grammar, and about
the article's subject (it is what the article wants to rank for). Whether it is about the subject is
read from the document's topic model (:attr:`artlint.document.Document.topic`).
"""

from __future__ import annotations

import re

from artlint import text as textutil
from artlint.topic import QUERY_MODIFIERS as QUERY_MODIFIERS  # re-exported for the rules

# The whole text of a typed query: starts lower case (or with a digit), only words, spaces, & + / ' -.
QUERY_TEXT_RE = re.compile(r"[a-z0-9][\w’'&+/ -]*")
# Words Title Case leaves in lower case (articles, short prepositions, conjunctions).
SMALL_WORDS = frozenset("a an the and or nor but of for to in on at by with as from into onto per vs via up off out".split())
# An inverted question in the middle of a heading ("... Calculator When Should I Refinance My House"):
# prose embeds a question without inverting it ("Knowing When to Refinance"), a search box keeps it.
INVERTED_QUESTION_RE = re.compile(
    r"(?<=[A-Za-z0-9] )(?:How|What|When|Where|Why|Which|Who)\s+(?:Should|Can|Do|Does|Did|Is|Are|Will|Would)\s+"
    r"(?:I|You|We|My|Your|It|They|The|A)\b"
)


def on_topic(doc, words, block=None) -> bool:
    """True when the words name the article's subject: a title term, or two key terms other blocks use too."""
    own = doc.vocabulary.block_terms.get(block.index, ()) if block is not None else ()
    return doc.topic.overlap(textutil.content_words(tuple(words)), doc.vocabulary.doc_freq, own) >= 2


def is_query_text(text: str, max_words: int = 16) -> bool:
    """Lower-case, unpunctuated text of 3 to ``max_words`` words: a search box's form."""
    words = text.split()
    return (
        3 <= len(words) <= max_words and text == text.lower() and bool(QUERY_TEXT_RE.fullmatch(text)) and any(w[0].isalpha() for w in words)
    )


def is_query_line(doc, block) -> bool:
    """A whole line (paragraph, heading or caption) that is a search query about the article's subject."""
    if block.links or block.index == doc.title_block or block.kind not in ("paragraph", "heading"):
        return False
    text = block.text.strip()
    if not is_query_text(text) or textutil.normalise(text) in doc.topic.labels:
        return False
    return on_topic(doc, block.tokens, block)


def is_title_case(words) -> bool:
    """Every word capitalised except small function words (the first always): 'Sharing With Family Members'."""
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    caps = 0
    for w in words:
        if w[:1].isupper() or w[:1].isdigit():
            caps += w[:1].isupper()
        elif w.lower() not in SMALL_WORDS:
            return False
    return caps >= 2


def has_query_modifier(words) -> bool:
    return any(w.lower() in QUERY_MODIFIERS for w in words)
