"""How rules find text fast without finding anything else: the speed-ups behind one small interface.

Rule modules say what they look for (phrases, patterns, claim features); this package decides how to
find it quickly, and every shortcut yields the spans the plain expression would:

- :class:`BlockScan` (pack rules): a phrase or pattern list in a document's blocks, through a gate,
  a lower-case twin or the expression itself, picked once;
- :func:`compile_feature` / :class:`Variant` (claim rules) and :class:`LazyPattern` with
  :func:`gate_of` (note rules): patterns compiled at first use, tried only on the blocks a
  :class:`BlockIndex` finds holding their triggers (read off the pattern: :mod:`.triggers`, shipped in
  ``data/derived_triggers.json``);
- :class:`Prefilter` and :func:`lower_case_twin`: the cheap block test and the lower-case pattern;
- :mod:`.backtracking`: the load-time check of user patterns (imported only when a user pack loads).

Reading a pattern's structure needs Python's private regex parser: only :mod:`.regex_syntax` touches it,
and without it everything still works, only slower.
"""

from artlint.matching.patterns import LazyPattern, Prefilter, lower_case_twin, phrase_alternation
from artlint.matching.scan import BlockScan
from artlint.matching.triggers import (
    DIGIT,
    DIGIT_RE,
    BlockIndex,
    GateWords,
    Variant,
    block_index,
    compile_feature,
    derive_triggers,
    derived_triggers,
    gate_of,
    split_triggers,
)

__all__ = [
    "DIGIT",
    "DIGIT_RE",
    "BlockIndex",
    "BlockScan",
    "GateWords",
    "LazyPattern",
    "Prefilter",
    "Variant",
    "block_index",
    "compile_feature",
    "derive_triggers",
    "derived_triggers",
    "gate_of",
    "lower_case_twin",
    "phrase_alternation",
    "split_triggers",
]
