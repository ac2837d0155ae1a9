"""A callout sentence marked up as a heading: a long, full sentence with no section under it.

Generated and converted articles turn a tip box or a pull quote into a heading. It then reads as a
sentence in the outline (25 words where a heading has five) and heads nothing: the next heading of the
same or a higher level follows at once. Long sentence-headings *with* a body are a house style some
guides use, so they are left alone.
"""

from __future__ import annotations

from artlint import text as textutil
from artlint.rule import Rule

MIN_WORDS = 15  # headings run 3-10 words; SEO guides cap them near 60-70 characters (c. 10-12 words)
MIN_STOPWORD_SHARE = 0.3  # jusText's threshold for running text: a sentence, not a list of key words


def is_callout(doc, h) -> bool:
    """A heading that is a long sentence in sentence case, with no body before the next sibling heading."""
    if h.kind != "heading" or h.index == doc.title_block or h.words < MIN_WORDS or h.text.rstrip().endswith("?"):
        return False
    stop = textutil.stopwords()
    if sum(1 for w in h.norm_words if w in stop) < MIN_STOPWORD_SHARE * h.words:
        return False
    content = [w for w in h.tokens if w[:1].isalpha() and w.lower() not in textutil.TITLE_SMALL_WORDS]
    if content and sum(w[0].isupper() for w in content) >= 0.75 * len(content):
        return False  # a long Title Case line is a headline (stray-headline's business), not a callout
    nxt = doc.blocks[h.index + 1] if h.index + 1 < len(doc.blocks) else None
    return nxt is None or (nxt.kind == "heading" and (not doc.has_heading_levels or nxt.level <= h.level))


class SentenceHeading(Rule):
    """A callout or tip sentence marked up as a heading, heading nothing."""

    code = "AL109"
    name = "sentence-heading"
    category = "structure"
    severity = "warning"
    summary = "A full sentence (15+ words) marked up as a heading, with no section under it: a callout, not a heading."
    rationale = (
        "A tip box or pull quote converted into a heading breaks the outline: the table of contents shows a "
        "sentence, and the 'section' is empty because the next heading follows at once. Make it a paragraph "
        "or a callout box."
    )
    bad = (
        "## Seasoning\n\nRepeat the oiling three times.\n\n"
        "### Never leave a cast iron pan soaking in the sink overnight because standing water will strip the "
        "seasoning within a few hours\n\n## Everyday Care\n\nWipe the pan while it is still warm.\n"
    )
    good = (
        "## Seasoning\n\nRepeat the oiling three times.\n\n"
        "### Standing water strips the seasoning from a cast iron pan within a few hours, so never leave it to soak\n\n"
        "Dry the pan on the hob straight after washing.\n"
    )

    def check(self, doc):
        for h in doc.headings:
            if is_callout(doc, h):
                yield self.hit(f"A {h.words}-word sentence marked up as a heading, with no section under it.", h)
