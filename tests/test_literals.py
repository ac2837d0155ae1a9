"""Needles derived from a pattern must occur in every match, or the gate would hide findings."""

import random
import re

import pytest

from artlint.engine import Linter
from artlint.matching.literals import Needle, required_texts
from artlint.packs import PackRule

from .test_fast_paths import DOCS


def texts(pattern, flags=0):
    sets = required_texts(pattern, flags)
    return None if sets is None else [sorted(n.text for n in s) for s in sets]


def test_literals_alternatives_and_optional_parts():
    assert texts(r"this is (?:a|an) placeholder") == [["this is a placeholder", "this is an placeholder"]]
    assert texts(r"colou?r chart") == [["color chart", "colour chart"]]
    # every set must be met; a further set is kept only if it costs no search (its needles have whole words)
    assert texts(r"\b(?:insert|add) \w+ here") == [[" here"], ["add ", "insert "]]
    assert texts(r"(?:insert|add) \w+ here") == [[" here"]]


def test_whole_words_come_only_from_bounded_runs():
    (needles,) = required_texts(r"\bplaceholder text\b")
    assert needles == {Needle("placeholder text", "placeholder")} or needles == {Needle("placeholder text", "text")}
    (needles,) = required_texts(r"placeholder")  # nothing bounds it: "placeholders" matches too
    assert needles == {Needle("placeholder", None)}
    (needles,) = required_texts(r"(?<![\w-])todo(?![\w-])")
    assert needles == {Needle("todo", "todo")}


def test_no_needles_where_nothing_is_certain():
    assert required_texts(r"\w+ly") is not None  # "ly" is certain
    assert required_texts(r"\d+%?") is None
    assert required_texts(r"(?:a|\w+)") is None  # one alternative guarantees nothing
    assert required_texts(r"(x)y\1") is None  # back-references: left alone
    assert required_texts(r"placeholder", re.IGNORECASE) is None  # 's' would also match 'ſ'
    assert required_texts(r"(?i:placeholder)") is None
    assert required_texts(r"placeholder", re.ASCII) is None  # \b would no longer bound our runs


def test_needles_occur_in_every_match_of_random_patterns():
    rng = random.Random(7)
    atoms = [
        "ab",
        "c",
        r"\b",
        r"(?<!\w)",
        r"(?!\w)",
        " ",
        "-",
        r"\w",
        r"\d+",
        "x?",
        "(?:ab|cd)",
        "(?:e|f g)",
        "[hi]",
        "(?:j )?",
        "k+",
        ".",
        r"(?:\bab\b|abcde)",
        r"(?:\bc\b|ck)",
        r"\Bab\b",
    ]
    pieces = [*"abcdefghijk xy-_1", "ab", "abcde", "ck", "f g", "j ", "xab", "ab "]
    for _ in range(400):
        pattern = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 6)))
        sets = required_texts(pattern)
        if sets is None:
            continue
        rx = re.compile(pattern)
        for _ in range(150):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
            runs = set(re.findall(r"[^\W_]+", text))
            if rx.search(text):
                for needles in sets:
                    assert any(n.text in text and (n.word is None or n.word in runs) for n in needles), (pattern, text, sets)


GATED = [r for r in Linter().rules if isinstance(r, PackRule) and r.scan.gate is not None]


def test_the_pattern_packs_are_gated():
    assert {"AL401", "AL403", "AL404", "AL802", "AL804"} <= {r.code for r in GATED}


@pytest.mark.parametrize("rule", GATED, ids=lambda r: r.code)
def test_gate_finds_the_same_spans(rule):
    """Every match of the full alternation is found by the gated one, in every shipped article and fixture."""
    gate = rule.scan.gate
    full = re.compile("|".join(f"(?:{p})" for p in gate.sources), gate.flags)
    matched = 0
    for doc in DOCS:
        live = gate.live(doc)
        for b in doc.blocks:
            subject = b.lower if gate.lower else b.text
            expected = [m.span() for m in full.finditer(subject)]
            regex = gate.regex_for(live, subject) if live else None
            got = [m.span() for m in regex.finditer(subject)] if regex else []
            assert got == expected, (rule.code, doc.path, b.text[:80])
            matched += bool(expected)
    assert matched, f"{rule.code}: no text in the tests matches it, so nothing was checked"
