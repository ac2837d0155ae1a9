"""Gates: which of a rule's patterns or phrases can match a block, judged by texts every match holds.

:class:`PatternGate` serves lists of patterns (needles read off each pattern by
:mod:`~artlint.matching.literals`); :class:`PhraseGate` serves lists of literal phrases (each phrase's
rarest word). Both only leave out what cannot match, so the spans found are those of the full list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from artlint.matching.literals import required_texts
from artlint.matching.patterns import Prefilter

if TYPE_CHECKING:
    from artlint.document import Document

_ALNUM_RUN = re.compile(r"[^\W_]+")


class PatternGate:
    """Runs only the patterns of a list that can match a text, judged by texts every match contains.

    A pattern whose every match contains one needle of each of its sets (:func:`~artlint.matching.literals.required_texts`)
    cannot match a text that lacks one, so leaving it out of the alternation changes no match.
    ``lower``: the patterns are lower-case twins, run on lower-cased text.
    """

    def __init__(self, sources: list[str], flags: int, *, lower: bool):
        self.sources = sources
        self.flags = flags
        self.lower = lower
        self.needles = [required_texts(p, flags) for p in sources]
        self._compiled: dict[tuple[int, ...], re.Pattern] = {}

    def live(self, doc: Document) -> list[tuple[int, tuple[tuple[str, ...], ...] | None]]:
        """(pattern, its needle sets cut to what ``doc`` has, or None: not known) for each pattern that can match in ``doc``.

        A needle's whole word is looked up in the document's runs first: most needles are ruled out without a search.
        """
        text = doc.lower if self.lower else doc.text
        runs = doc.alnum_runs
        searched: dict[str, bool] = {}  # patterns share needles ("[" and "]"): search for each once

        def in_doc(n) -> bool:
            if n.word is not None and n.word not in runs:
                return False  # ruled out without a search
            if n.text not in searched:
                searched[n.text] = n.text in text
            return searched[n.text]

        out = []
        for i, sets in enumerate(self.needles):
            if sets is None:
                out.append((i, None))
                continue
            present = []
            for needles in sets:
                found = tuple(n.text for n in needles if in_doc(n))
                if not found:
                    break  # this pattern cannot match here: its other sets need no search
                present.append(found)
            else:
                out.append((i, tuple(sorted(present, key=len))))  # the set with fewest needles here first: most likely to fail
        return out

    def regex_for(self, live, text: str) -> re.Pattern | None:
        """The alternation of the live patterns ``text`` has needles for, in their order; None if none."""
        key = tuple([i for i, sets in live if sets is None or _meets(sets, text)])
        if not key:
            return None
        regex = self._compiled.get(key)
        if regex is None:
            if len(self._compiled) >= 256:
                self._compiled.clear()
            regex = self._compiled[key] = re.compile("|".join(f"(?:{self.sources[i]})" for i in key), self.flags)
        return regex


def _meets(sets, text: str) -> bool:
    """``text`` has a needle of every set (plain loops: this runs for every block)."""
    for needles in sets:
        for n in needles:
            if n in text:
                break
        else:
            return False
    return True


class PhraseGate:
    """Scans a block only for the phrases of a list whose trigger it holds.

    Each phrase's trigger is its rarest word, or the phrase itself when it has no letters or digits
    (:func:`_trigger`); a phrase cannot match a block without its trigger. Leaving such phrases
    out of the lower-case scan changes no match, and a scan of one or two phrases lets the
    regular-expression engine skip ahead to their first letter instead of trying every position.
    """

    def __init__(self, phrases: list[str]):
        self.by_trigger: dict[str, list[str]] = {}
        for phrase in phrases:
            self.by_trigger.setdefault(_trigger(phrase), []).append(phrase)
        self.prefilter = trigger_prefilter(self.by_trigger)
        self._compiled: dict[frozenset[str], re.Pattern] = {}

    def regex_for(self, narrowed: Prefilter, block) -> re.Pattern:
        """The lower-case scan of the phrases whose triggers ``block`` has (``narrowed``: the prefilter cut to its document)."""
        key = frozenset(narrowed.words & block.alnum_runs).union([s for s in narrowed.substrings if s in block.lower])
        regex = self._compiled.get(key)
        if regex is None:
            if len(self._compiled) >= 256:
                self._compiled.clear()
            regex = self._compiled[key] = re.compile(lower_case_scan([p for t in key for p in self.by_trigger[t]]) or "(?!)")
        return regex


def _trigger(phrase: str) -> str:
    """The rarest (by English word frequency) run of letters and digits of ``phrase``, lower case; else the phrase.

    A phrase's runs of letters and digits are bounded by its spaces and punctuation and its edges
    are guarded as words, so each of them occurs in a matching block as a whole run; the rarest
    lets the fewest blocks through.
    """
    from artlint.text import common_rank

    rank = common_rank()
    runs = _ALNUM_RUN.findall(phrase.lower())
    if not runs:
        return phrase.lower()
    return max(runs, key=lambda w: (rank.get(w, len(rank)), len(w)))  # a word missing from the list is rarest


def trigger_prefilter(triggers) -> Prefilter:
    """Triggers that are words are looked up in a block's runs; the rest are searched for as text."""
    texts = {t for t in triggers if not _ALNUM_RUN.search(t)}
    return Prefilter(substrings=texts, words=set(triggers) - texts)


def phrase_alternation(tokens: list[str]) -> str:
    """Literal phrases as one alternation; word edges are guarded once per group, not per phrase."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for t in sorted(tokens, key=len, reverse=True):
        groups.setdefault((t[:1].isalnum(), t[-1:].isalnum()), []).append(re.escape(t).replace(r"\ ", r"\s+"))
    parts = []
    for (left, right), escaped in groups.items():
        before = r"(?<!\w)" if left else ""
        after = r"(?!\w)" if right else ""
        parts.append(before + "(?:" + "|".join(escaped) + ")" + after)
    return "|".join(parts)


def lower_case_scan(phrases: list[str]) -> str:
    """Phrases (lower case) as a case-sensitive pattern for lower-cased text, grouped by first character.

    Every alternative starts with a literal, so the regular-expression engine skips ahead to the
    characters that can start a phrase; the left word-edge guard is a look-behind after that
    character. Under re.IGNORECASE, or with the guard first, it would try every position.
    """
    by_first: dict[str, list[str]] = {}
    for p in sorted({p.lower() for p in phrases if p}, key=len, reverse=True):
        rest = re.escape(p[1:]).replace(r"\ ", r"\s+") + (r"(?!\w)" if p[-1].isalnum() else "")
        by_first.setdefault(p[0], []).append(rest)
    parts = []
    for first, rests in by_first.items():
        guard = r"(?<!\w.)" if first.isalnum() else ""
        parts.append(re.escape(first) + guard + "(?:" + "|".join(rests) + ")")
    return "|".join(parts)
