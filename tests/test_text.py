"""The text helpers every rule leans on: sentence spans and the white-space-collapsing builder."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from artlint import text as textutil
from artlint.text import TextBuilder, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("It ends. lower case starts the next", ["It ends.", "lower case starts the next"]),
        ("Use tools, e.g. the saw. Then rest.", ["Use tools, e.g. the saw.", "Then rest."]),
        ("U.S. officials met Dr. Ruiz. They agreed.", ["U.S. officials met Dr. Ruiz.", "They agreed."]),
        ("Ask J. Smith about it. He knows.", ["Ask J. Smith about it.", "He knows."]),
        ("She has a Ph.D. the hard way.", ["She has a Ph.D. the hard way."]),
        ("Wait . . . and then go.", ["Wait . . . and then go."]),
        ("He paused. . . Then he went on.", ["He paused. . .", "Then he went on."]),
        ('"Is it safe?" she asked. Yes.', ['"Is it safe?" she asked.', "Yes."]),
        ("(Write it down!) all of it. Done.", ["(Write it down!) all of it.", "Done."]),
        ('He said "stop." Then left.', ['He said "stop."', "Then left."]),
        ("  Leading and trailing.  Space.  ", ["Leading and trailing.", "Space."]),
        ("Lines\nbreak. Here\n\nand there.\tTabs. too", ["Lines\nbreak.", "Here\n\nand there.", "Tabs.", "too"]),
        ("A word . Next one.", ["A word .", "Next one."]),
        ("Prices rose 2.5 percent. Then fell.", ["Prices rose 2.5 percent.", "Then fell."]),
        (" xU.S. more", [" xU.S. more"[1:]]),  # a dotted word at the very start of the text
        ("Wow!!! Really?! Yes…", ["Wow!!!", "Really?!", "Yes…"]),
        ("", []),
        ("   ", []),
        ("No end mark at all", ["No end mark at all"]),
    ],
)
def test_sentence_spans(text, expected):
    assert sentences(text) == expected


def test_sentence_spans_are_trimmed_and_ordered():
    text = "First one.   Second one!\n\nThird one? fourth"
    spans = split_sentences(text)
    assert spans == sorted(spans)
    for s, e in spans:
        assert text[s:e] == text[s:e].strip()


@pytest.mark.parametrize(
    ("pieces", "text"),
    [
        (["Plain words"], "Plain words"),
        (["  leading", " kept single"], "leading kept single"),
        (["runs   of\t\tspace\n\nand\u00a0\u00a0nbsp"], "runs of space and nbsp"),
        (["ends with space ", "next"], "ends with space next"),
    ],
)
def test_text_builder_collapses_white_space(pieces, text):
    b = TextBuilder()
    pos = 0
    for p in pieces:
        b.add(p, pos)
        pos += len(p)
    built, segments = b.build()
    assert built == text
    source = "".join(pieces)
    for t, s, n in segments:  # every segment maps back to the same words in the source
        assert built[t : t + n].split() == source[s : s + n].split()


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=300))
def test_ascii_word_pattern_finds_the_same_words(text):
    """The fast path for ASCII text finds what the word pattern finds."""
    assert textutil.words(text) == textutil.WORD_RE.findall(text)


@given(st.text(alphabet="ab 1٣9\n0é.", max_size=40) | st.text(max_size=40))
def test_has_digit_is_the_digit_class(text):
    """The ASCII shortcut answers what the regex engine's \\d answers."""
    assert textutil.has_digit(text) == (re.search(r"\d", text) is not None)
