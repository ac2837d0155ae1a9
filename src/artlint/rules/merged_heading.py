"""A heading run together with its subtitle: "Frame and Stability Why Crossbars Matter".

When a heading and its subtitle (or the next heading) lose the line break or separator between them,
the result reads as two headings in one line. The join shows where a second heading starts in the
middle: a capitalised "Why", "What" or "How" straight after a capitalised noun,
with no colon, dash or question mark before it.
"""

from __future__ import annotations

import re

from artlint import text as textutil
from artlint.rule import Rule
from artlint.rules.flattened_table import flattened_tables

# A second heading opening mid-line: a capitalised word, one space, then a capitalised question word.
# Only "Why", "What" and "How": "Which", "When", "Where" and "Who" also open relative clauses after a noun
# ("Places Where Dogs Are Welcome"), which are one heading.
JOIN_RE = re.compile(
    r"(?<=[A-Za-z0-9])(?<![,:;])\s(Why|What|How)\s+(?=[A-Z0-9]|(?:to|a|an|the|it|you|we|they|your|our|much|many|long|often)\s)"
)
# Verbs that take a question-word clause ("Know What to Expect", "Choosing Which Desk to Buy"): a heading
# that starts with one of them is one phrase. A small lexicon of a grammatical class, not of headings.
WH_VERBS = frozenset(
    "know learn ask decide choose find understand explain see check discover figure consider tell show pick "
    "determine identify remember wonder work plan guess teach give get watch hear read forget predict measure "
    "compare test track describe imagine study notice mind let help matter matters here that this exactly "
    "just do does is are was were".split()
)
# A direct question after the join ("When Should I Refinance") without its "?" is a pasted search query
# (keyword stuffing), not a subtitle, which is an embedded question ("Why Crossbars Matter").
AUXILIARIES = frozenset("do does did is are was were can could should would will shall must may might has have".split())
MIN_PART_WORDS = 2  # each half must be a heading of its own: two words or more


class MergedHeading(Rule):
    """A heading and its subtitle (or the next heading) joined into one line."""

    code = "AL110"
    name = "merged-heading"
    category = "structure"
    severity = "warning"
    summary = (
        "A heading merged with its subtitle or the next heading: a second heading starts mid-line ('... Stability Why Crossbars Matter')."
    )
    rationale = (
        "A lost line break or separator runs two headings together. The outline then shows one long, "
        "ungrammatical heading. Found where a capitalised question word opens a second heading in the middle "
        "of the line, after a capitalised word and with no colon, dash or question mark before it."
    )
    bad = "## Frame and Stability Why Crossbars and Leg Shape Matter\n\nA wobbly desk is tiring to type on.\n"
    good = "## Frame and Stability: Why Crossbars and Leg Shape Matter\n\nA wobbly desk is tiring to type on.\n"

    def check(self, doc):
        stop = textutil.stopwords()
        table_headers = {t.header.block.index for t in flattened_tables(doc)} if doc.format == "text" else set()
        for h in doc.headings:
            text = h.text
            if h.index in table_headers:
                continue  # column labels run together (flattened-table reports them)
            m = JOIN_RE.search(text)
            if not m:
                continue
            before, after = text[: m.start()].split(), text[m.end(1) :].split()
            if len(before) < MIN_PART_WORDS or len(after) < MIN_PART_WORDS:
                continue
            if after[0].lower() in AUXILIARIES:
                continue
            first, last = before[0].lower().strip("'’"), before[-1]
            if not last[0].isupper() or last.lower() in stop or last.lower() in WH_VERBS:
                continue  # "and Why", "Here's Why": one phrase
            if len(last) >= 5 and last.endswith("ed") and not last.endswith("eed"):
                continue  # a participle taking the clause: "Grinders Explained How Burrs Work"
            if first in WH_VERBS or first in stop or (first.endswith("ing") and len(before) <= 2):
                continue  # "Learn How to ...", "Knowing Your Limits What ...", "The Way How ..."
            yield self.hit(
                f"Heading merged with a second one: '{m.group(1)} {' '.join(after)[:40]}' starts mid-line with no separator.",
                h,
                m.start(1),
                len(text),
            )
