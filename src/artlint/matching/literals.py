"""Texts that every match of a regular expression contains, found from the expression itself.

Python's engine tries a pattern such as ``\\b(?:insert|add) (?:an? )?image here`` at every
position of a text. A rule that first checks that the text contains "image here" (a fast
substring search) skips most texts without running the pattern at all. The needles are
derived from the parsed pattern, so unlike a hand-written list they cannot miss a match.

``required_texts`` returns a set of :class:`Needle` s, one of which occurs in every match (or
None when the pattern guarantees nothing useful). A needle's ``word`` is a run of letters and
digits that the pattern bounds on both sides (by ``\\b``, ``(?<!\\w)``, a space ...), so it occurs
in the text as a whole run: a document is tested with a set lookup instead of a scan.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from artlint.matching import regex_syntax
from artlint.matching.regex_syntax import OP as C

_EDGE = "\x00"  # a zero-width mark: "the character on this side is not a letter or digit"
_LIMIT = 32  # alternatives kept before a set of exact strings is cut short
_SCANS = 6  # needles without a whole word (each a search through the document) allowed in one set
_RUN = re.compile(r"[^\W_]+")
_REPEATS = regex_syntax.repeats()


class Needle(NamedTuple):
    text: str  # occurs in every match (case as the pattern matches it)
    word: str | None  # a lower-case whole run of letters and digits inside ``text``, if the pattern bounds one


class _Unsupported(Exception):
    """Back-references and conditionals: the pattern's matches depend on text seen earlier."""


def required_texts(source: str, flags: int = 0, most: int = 3) -> tuple[frozenset[Needle], ...] | None:
    """Up to ``most`` needle sets, each of which has a needle in every match of ``source`` (so a text must
    contain one needle of every set); None if the pattern guarantees nothing useful.

    Case-insensitive patterns get None (under re.IGNORECASE 's' also matches 'ſ', so no literal
    test is safe); give their lower-case twin instead. None too when Python's parser is not available
    (:mod:`~artlint.matching.regex_syntax`): the pattern is then tried on every text.
    """
    try:
        tree = regex_syntax.parse(source, flags)
        if tree is None or tree.state.flags & (re.IGNORECASE | re.ASCII):  # ASCII: \w and \b no longer mean our runs' edges
            return None
        exact, candidates = _sequence(list(tree))
    except (re.error, _Unsupported, RecursionError):
        return None
    ranked = [(key, s) for s in [exact, *candidates] if (key := _score(s)) is not None]
    if not ranked:
        return None
    ranked.sort(key=lambda ks: ks[0], reverse=True)
    chosen: list[frozenset[Needle]] = []
    for _key, s in ranked:
        kept = _minimised(s)
        bare = {t.replace(_EDGE, "") for t in kept}
        if any(all(any(b in n.text for b in bare) for n in c) for c in chosen):
            continue  # every text of a chosen set already contains one of these: no new information
        needles = _needles(kept)
        if sum(1 for n in needles if n.word is None) > (_SCANS if not chosen else 0):
            continue  # too many texts to search a whole document for (a further set must cost no search)
        chosen.append(needles)
        if len(chosen) == most:
            break
    if not chosen:
        return None
    return tuple(chosen)


def _needles(texts: frozenset[str]) -> frozenset[Needle]:
    from artlint.text import common_rank

    rank = common_rank()
    unknown = len(rank)
    out = set()
    for s in texts:
        whole = [m.group().lower() for m in _RUN.finditer(s) if 0 < m.start() and m.end() < len(s)]
        word = max(whole, key=lambda w: (rank.get(w, unknown), len(w))) if whole else None
        out.add(Needle(s.replace(_EDGE, ""), word))
    return frozenset(out)


def _sequence(items) -> tuple[set[str] | None, list[set[str]]]:
    """(every string the sequence can match, or None if unknown or too many; sets of which every match
    contains a member, one per part of the sequence)."""
    acc: set[str] | None = {""}
    whole = True  # acc still spells the entire sequence
    candidates: list[set[str]] = []
    for op, av in items:
        exact, factors = _item(op, av)
        if factors is not None:
            candidates.append(factors)
        if acc is not None and exact is not None and len(acc) * len(exact) <= _LIMIT:
            acc = {_join(a, b) for a in acc for b in exact}
            continue
        whole = False
        if acc is not None:
            candidates.append(acc)
            # keep one character of left context when every string ends in the same non-word character
            ends = {a[-1:] for a in acc}
            if exact is not None and len(ends) == 1 and ends != {""} and not next(iter(ends)).isalnum():
                acc = {_join(next(iter(ends)), b) for b in exact}
                continue
        acc = exact
    if acc is not None and not whole:
        candidates.append(acc)
    return (acc if whole else None), candidates


def _join(a: str, b: str) -> str:
    return a + (b[1:] if a.endswith(_EDGE) and b.startswith(_EDGE) else b)


def _item(op, av) -> tuple[set[str] | None, set[str] | None]:
    if op is C.LITERAL:
        return {chr(av)}, None
    if op is C.IN:
        if len(av) <= 8 and all(o is C.LITERAL for o, _ in av):
            return {chr(c) for _, c in av}, None
        return None, None
    if op is C.AT:
        return ({""} if av == C.AT_NON_BOUNDARY else {_EDGE}), None  # \b, ^, $: no letter or digit beyond
    if op is C.ASSERT_NOT and _is_word_class(av[1]):
        return {_EDGE}, None  # (?<!\w) / (?!\w) and the like
    if op in (C.ASSERT, C.ASSERT_NOT):
        return {""}, None  # zero-width: adds nothing to the match
    if op is C.SUBPATTERN:
        _group, add_flags, _del, sub = av
        if add_flags & (re.IGNORECASE | re.ASCII):
            return None, None
        return _single(_sequence(list(sub)))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _single(_sequence(list(av)))
    if op is C.BRANCH:
        results = [_single(_sequence(list(alt))) for alt in av[1]]
        exact = None
        if all(e is not None for e, _ in results):
            union = set().union(*(e for e, _ in results))
            exact = union if len(union) <= _LIMIT else None
        picks = [_best([e, f]) for e, f in results]
        factors = set().union(*picks) if all(p is not None for p in picks) else None
        return exact, factors
    if op in _REPEATS:
        lo, hi, sub = av
        exact, factors = _single(_sequence(list(sub)))
        if lo == 0:
            return ({""} | exact if hi == 1 and exact is not None else None), None
        if lo == hi == 1:
            return exact, factors
        return None, _best([exact, factors])
    if op in (C.GROUPREF, C.GROUPREF_EXISTS) or op is getattr(C, "GROUPREF_IGNORE", None):
        raise _Unsupported
    return None, None  # any character, a class, a category: nothing certain


def _is_word_class(items) -> bool:
    """One character that is not a word character: ``\\w`` or a class such as ``[\\w-]``."""
    if len(items) != 1:
        return False
    op, av = items[0]
    return op is C.IN and (C.NEGATE, None) not in av and (C.CATEGORY, C.CATEGORY_WORD) in av


def _single(result) -> tuple[set[str] | None, set[str] | None]:
    exact, candidates = result
    return exact, _best(candidates)


def _minimised(s) -> frozenset[str] | None:
    """``s`` without needles that contain another (None if it has the empty text: no use)."""
    if not s or any(not t.replace(_EDGE, "") for t in s):
        return None
    kept: list[str] = []
    for t in sorted(s, key=len):
        # "add" covers "address" only without edge marks: a kept needle's marks must hold for t too
        if not any(k in t for k in kept):
            kept.append(t)
    return frozenset(kept)


def _score(s) -> tuple[int, int] | None:
    """How selective a needle set is: its shortest needle's length, then how few needles; None if of no use."""
    kept = _minimised(s)
    return None if kept is None else (min(len(t.replace(_EDGE, "")) for t in kept), -len(kept))


def _best(sets) -> frozenset[str] | None:
    """The most selective of several needle sets, minimised."""
    ranked = [(key, s) for s in sets if (key := _score(s)) is not None]
    return _minimised(max(ranked, key=lambda ks: ks[0])[1]) if ranked else None
