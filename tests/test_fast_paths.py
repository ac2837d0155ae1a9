"""The speed-ups must not change what is found.

Prefilters may only skip blocks a rule's expression cannot match, and the lower-case scans of
phrase packs and claim patterns must find exactly the spans of the original case-insensitive
expressions. Checked on every article, fixture and sample the tests ship, plus hard cases.
"""

import re

import pytest

from artlint.document import Block
from artlint.engine import Linter
from artlint.matching import Prefilter, lower_case_twin
from artlint.packs import PackRule
from artlint.parsers import format_for, parse
from artlint.rules._claims import ClaimRule, _shared
from artlint.rules._notes import NoteRule

from .conftest import FIXTURES, ROOT

RULES = list(Linter().rules)
HARD = [
    "Studies show it. STUDIES SHOW IT. Experts’ view: experts agree.",
    "A game-changer; a super-game-changer; game_changer; GAME-CHANGER.",
    "İstanbul’s experts agree that the best phone on the market is 100% guaranteed.",
    "Delve into it. delve\ninto it. Nine out of ten dentists recommend 73 percent of users.",
    "The public largely supports it; most voters in Ohio now believe it; support for it is high.",
    "Insert an image below. Embed the chart above. Place a photo of the team here.",
    "Nine in ten adults agree. 9 in every 10 users do. Writer's note: fix. Note to the editor: check.",
    "[EDITOR: add links] Image suggestion: a tyre. Certainly! Here is a 900-word post. I hope this article helps. TK: add a quote.",
    "Section to be expanded: tread. See our guide: INSERT LINK. Coming soon! We're working on it. Actionable Tip: check it.",
]


def _documents():
    paths = sorted(ROOT.glob("tests/articles/*")) + sorted(FIXTURES.glob("rules/*/*")) + sorted(ROOT.glob("seeds/*"))
    for p in paths:
        fmt = format_for(p.name)
        if fmt:
            yield parse(p.read_text(encoding="utf-8"), str(p), fmt)
    for i, text in enumerate(HARD):
        yield parse(text, f"hard{i}.txt", "text")


DOCS = list(_documents())


def _pattern_and_prefilter(rule):
    if isinstance(rule, PackRule):
        return rule.regex, rule.scan.prefilter
    if isinstance(rule, ClaimRule):
        rule.prepare()
        return rule.combined()[0], rule._prefilter
    return None, None


@pytest.mark.parametrize("rule", [r for r in RULES if _pattern_and_prefilter(r)[1]], ids=lambda r: r.code)
def test_prefilter_never_skips_a_match(rule):
    pattern, prefilter = _pattern_and_prefilter(rule)
    matched = 0
    for doc in DOCS:
        for b in doc.blocks:
            if b.kind == "code" or not pattern.search(b.text):
                continue
            matched += 1
            assert prefilter.passes(b), f"{rule.code}: prefilter skips {b.text[:80]!r} in {doc.path}"
            narrowed = prefilter.narrowed_to(doc)
            assert narrowed is not None, f"{rule.code}: document prefilter skips {doc.path}"
            assert narrowed.passes(b), f"{rule.code}: prefilter narrowed to {doc.path} skips {b.text[:80]!r}"
    assert matched, f"{rule.code}: no text in the tests matches it, so nothing was checked"


@pytest.mark.parametrize("rule", [r for r in RULES if isinstance(r, PackRule) and r.scan.lower_regex is not None], ids=lambda r: r.code)
def test_lower_case_scan_finds_the_same_spans(rule):
    for doc in DOCS:
        for b in doc.blocks:
            if len(b.lower) == len(b.text):
                assert [m.span() for m in rule.scan.lower_regex.finditer(b.lower)] == [m.span() for m in rule.regex.finditer(b.text)], (
                    b.text
                )


PHRASE_GATED = [r for r in RULES if isinstance(r, PackRule) and r.scan.phrase_gate is not None]


def test_the_phrase_packs_are_gated():
    assert {"AL021", "AL402", "AL801"} <= {r.code for r in PHRASE_GATED}


@pytest.mark.parametrize("rule", PHRASE_GATED, ids=lambda r: r.code)
def test_phrase_gate_finds_the_same_spans(rule):
    """Scanning a block only for the phrases whose trigger it holds finds every span of the full scan."""
    matched = 0
    for doc in DOCS:
        narrowed = rule.scan.prefilter.narrowed_to(doc)
        for b in doc.blocks:
            if len(b.lower) != len(b.text):
                continue
            expected = [m.span() for m in rule.scan.lower_regex.finditer(b.lower)]
            passes = narrowed is not None and narrowed.passes(b)
            got = [m.span() for m in rule.scan.phrase_gate.regex_for(narrowed, b).finditer(b.lower)] if passes else []
            assert got == expected, (rule.code, doc.path, b.text[:80])
            matched += bool(expected)
    assert matched, f"{rule.code}: no text in the tests matches it, so nothing was checked"


CLAIM_RULES = [r for r in RULES if isinstance(r, ClaimRule)]


@pytest.mark.parametrize("rule", CLAIM_RULES, ids=lambda r: r.code)
def test_claim_scan_never_skips_a_match(rule):
    """A claim rule's patterns are spelled out and gated by texts read off them: still, every match of each
    feature in a prose block is found, at the same place."""
    features = {name: re.compile(source, re.I) for name, source in rule.features.items()}
    matched = 0
    for doc in DOCS:
        found = {(b.index, name, start) for b, name, start, _ in rule.spans(doc)}
        for b in doc.blocks:
            if b.kind not in ("paragraph", "list_item", "quote", "table_row"):
                continue
            for name, feature in features.items():
                for m in feature.finditer(b.text):
                    matched += 1
                    assert (b.index, name, m.start()) in found, f"{rule.code}: {name} missed at {m.start()} in {b.text[:80]!r} ({doc.path})"
    assert matched, f"{rule.code}: no text in the tests matches it, so nothing was checked"


@pytest.mark.parametrize("rule", [r for r in CLAIM_RULES if r.combined()[1] is not None], ids=lambda r: r.code)
def test_claim_twin_finds_the_same_spans(rule):
    pattern, twin = rule.combined()
    for doc in DOCS:
        for b in doc.blocks:
            if len(b.lower) == len(b.text):
                assert [m.span() for m in twin.finditer(b.lower)] == [m.span() for m in pattern.finditer(b.text)], b.text


def test_twin_refused_for_case_sensitive_patterns():
    assert lower_case_twin(re.compile(r"(?-i:[A-Z])\w+", re.I)) is None
    assert lower_case_twin(re.compile(r"smith")) is None  # not case-insensitive to begin with
    assert lower_case_twin(re.compile(r"[A-z]+", re.I)) is None  # the range holds [ \\ ] ^ _ `
    assert lower_case_twin(re.compile(r"a\\Sb", re.I)) is None  # an escaped backslash, then a literal S


def test_twin_lower_cases_literal_capitals_only():
    assert lower_case_twin(re.compile(r"\bsmith\S*", re.I)).pattern == r"\bsmith\S*"
    assert lower_case_twin(re.compile(r"\bI (?:CAN|can't)\B[A-Z]\W\x4A", re.I)).pattern == r"\bi (?:can|can't)\B[a-z]\W\x4a"
    twin = lower_case_twin(re.compile(r"\bMr\. Smith\b", re.I))
    assert twin.flags & re.I == 0 and twin.search("so mr. smith said") and not twin.search("mr. smithson")


def test_prefilter_words_match_whole_runs_only():
    pf = Prefilter(words=["art"], substrings=["#1"])
    block = Block(index=0, kind="paragraph", text="State-of-the-art work", start=0, end=21)
    assert pf.passes(block)
    assert not pf.passes(Block(index=0, kind="paragraph", text="Artistry and party", start=0, end=18))
    assert pf.passes(Block(index=0, kind="paragraph", text="We are #1 here", start=0, end=14))


def test_packed_findings_round_trip():
    from artlint.rule import Finding, Related, pack_findings, unpack_findings

    findings = [
        Finding("a.md", "AL1", "n", "typography", "warning", "m", 1, 2, 1, 5, "ex", (Related(3, 4, "first"),), "builtin", "ctx"),
        Finding("a.md", "AL2", "n", "readability", "info", "whole file", None, None, None, None),
    ]
    back = unpack_findings(pack_findings(findings))
    assert back == findings and [hash(f) for f in back] == [hash(f) for f in findings]
    assert [(f.plugin, f.context) for f in back] == [("builtin", "ctx"), (None, "")]


@pytest.mark.parametrize("rule", [r for r in RULES if isinstance(r, NoteRule)], ids=lambda r: r.code)
def test_note_gates_never_skip_a_match(rule):
    """A note rule's gates are read off its patterns: every block a feature matches is tried for it."""
    matched = 0
    for doc in DOCS:
        shared = _shared(doc)
        rule.prepare()
        for name, _at_start, lazy, gate in rule._features:
            pattern = lazy.get()
            tried = {b.index for b in shared.holding(gate, doc.lower)}
            for b in doc.blocks:
                if b.kind == "code" or not pattern.search(b.text):
                    continue
                matched += 1
                assert b.index in tried, f"{rule.code}: {name} skips {b.text[:80]!r} in {doc.path}"
    assert matched, f"{rule.code}: no text in the tests matches it, so nothing was checked"
