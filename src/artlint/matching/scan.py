"""One way to find a list of phrases or patterns in a document's blocks, whatever speed-up applies.

A pack rule means "these phrases or patterns, in these blocks". :class:`BlockScan` finds them, and picks
the fastest of several equivalent ways once, when it is built: a gate over a pattern list
(:class:`PatternGate`: needles read off each pattern by :mod:`~artlint.matching.literals`), a gate over a
phrase list scanned in lower case (:class:`PhraseGate`: each phrase's rarest word), the lower-case twin of
the whole expression, or the expression itself (also wherever lower-casing a block moved its offsets, as
"İ" does). Every way yields the spans the expression itself finds; tests/test_fast_paths.py and
tests/test_literals.py check it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING

from artlint.matching import regex_syntax
from artlint.matching.literals import required_texts
from artlint.matching.patterns import Prefilter, lower_case_scan, lower_case_twin, lower_case_twin_source

if TYPE_CHECKING:
    from artlint.document import Document

_ALNUM_RUN = re.compile(r"[^\W_]+")

# The longest block a whole-block expression is tried on: page chrome ("Leave a reply", a cookie notice)
# is short, and this also bounds it when Python's parser cannot tell the expression's longest match.
LONGEST_WHOLE = 400


class BlockScan:
    """Where ``source`` (compiled with ``flags``) matches in blocks.

    ``phrases``: the literal phrases the expression was built from (lists scanned in lower case),
    ``patterns``: the patterns it was built from, ``substrings``: texts the author says every match holds
    (one of them, lower case), ``whole``: a block matches only when its trimmed text is one whole match.
    Everything is compiled or read at first use, so a run that never reaches the rule does not pay for it.
    """

    def __init__(self, source: str, flags: int = 0, *, phrases=(), patterns=(), substrings=(), whole: bool = False):
        self.source, self.flags, self.whole = source, flags, whole
        self.phrases, self.patterns, self.substrings = list(phrases), list(patterns), list(substrings)
        # phrase lists under IGNORECASE: the same phrases in lower case, matched against lower-cased text
        self.lower_source = lower_case_scan(self.phrases) if flags & re.I and self.phrases and not self.patterns else ""

    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.source, self.flags)

    @cached_property
    def lower_regex(self) -> re.Pattern | None:
        """The same spans in lower-cased text, found faster: the phrase scan, or the patterns' twin."""
        if self.lower_source:
            return re.compile(self.lower_source)
        return None if self.whole else lower_case_twin(self.regex)

    @cached_property
    def longest(self) -> int:
        """The longest text a whole-block expression can match, at most :data:`LONGEST_WHOLE`."""
        width = regex_syntax.max_width(self.source, self.flags)
        return LONGEST_WHOLE if width is None else min(LONGEST_WHOLE, width)

    @cached_property
    def gate(self) -> PatternGate | None:
        """For pattern lists: which patterns can match a document or block (None: run them all)."""
        # Whole-block rules test short blocks, where a failed fullmatch costs less than searching the
        # document for their needles (measured: 6% more instructions with them gated).
        if not self.patterns or self.whole or self.phrases:
            return None
        if not self.flags & re.IGNORECASE:
            return PatternGate(self.patterns, self.flags, lower=False)
        twins = [lower_case_twin_source(p, self.flags) for p in self.patterns]  # sources only: nothing compiled twice
        if any(t is None for t in twins):
            return None
        return PatternGate(twins, self.flags & ~re.IGNORECASE, lower=True)

    @cached_property
    def phrase_gate(self) -> PhraseGate | None:
        """For phrase lists scanned in lower case: which phrases a block can hold (None: scan them all)."""
        if not self.lower_source or self.substrings:
            return None
        return PhraseGate(self.phrases)

    @cached_property
    def prefilter(self) -> Prefilter:
        """A block that does not pass is skipped: the author's substrings; for phrase lists, each phrase's
        trigger (which reads the word-frequency list: built on first use, not by a cached re-run)."""
        if self.phrase_gate is not None:
            return self.phrase_gate.prefilter
        if self.substrings:
            return Prefilter(substrings=[p.lower() for p in self.substrings])
        if self.patterns:
            return Prefilter()
        return trigger_prefilter({_trigger(p) for p in self.phrases})

    def warm(self) -> None:
        """Build what :meth:`spans` will use now (before worker processes fork)."""
        self.regex, self.gate, self.phrase_gate, self.prefilter  # noqa: B018
        if self.gate is None and self.phrase_gate is None:
            self.lower_regex  # noqa: B018

    def spans(self, doc, targets: Callable) -> Iterator[tuple[object, int, int]]:
        """(block, start, end) of every match in the blocks ``targets(doc)`` returns, positions in ``block.text``."""
        prefilter = self.prefilter.narrowed_to(doc) if self.prefilter else None
        if prefilter is None and self.prefilter:
            return  # no block of the document holds a trigger
        if self.whole:
            yield from self._whole_blocks(targets(doc), prefilter)
            return
        gate, phrase_gate = self.gate, self.phrase_gate
        # a gated list scans the text itself where lower-casing moved offsets: no use for the whole twin then
        lower_regex = self.lower_regex if gate is None and phrase_gate is None else None
        live = gate.live(doc) if gate is not None else None
        if live == []:
            return  # no pattern can match anywhere in the document
        for block in targets(doc):
            if prefilter is not None and not prefilter.passes(block):
                continue
            text, lower = block.text, block.lower
            same_length = len(lower) == len(text)  # else lower-casing moved offsets ("İ"): scan the text itself
            if gate is not None and (same_length or not gate.lower):
                subject = lower if gate.lower else text
                regex = gate.regex_for(live, subject)
                if regex is None:
                    continue
                matches = regex.finditer(subject)  # the same spans: only patterns that cannot match are left out
            elif phrase_gate is not None and same_length:
                matches = phrase_gate.regex_for(prefilter, block).finditer(lower)  # the same spans
            elif lower_regex is not None and same_length:
                matches = lower_regex.finditer(lower)  # the same spans, found faster
            else:
                matches = self.regex.finditer(text)
            for m in matches:
                yield block, m.start(), m.end()

    def _whole_blocks(self, blocks, prefilter: Prefilter | None):
        """Blocks that are, trimmed, one whole match: page chrome on a line of its own."""
        fullmatch, longest = self.regex.fullmatch, self.longest
        for block in blocks:
            core = block.trimmed
            if not core or len(core) > longest or (prefilter is not None and not prefilter.passes(block)):
                continue
            if fullmatch(core):
                off = block.text.find(core)
                yield block, off, off + len(core)


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
