"""Patterns several rules need (not a rule module: the leading underscore keeps it out of discovery)."""

from __future__ import annotations

import re

from artlint.document import Block, Document

# Labels of page widgets (related posts, comment forms, ...): a heading made of one is chrome, not a section.
CHROME_LABEL_RE = re.compile(
    r"(?:related|you (?:may|might) (?:also )?like|more (?:articles|posts|stories|news)(?: like this)?|must[- ]read|"
    r"(?:latest|recent|popular|trending|top) (?:news|posts|stories|articles)|read (?:more|next|also)(?: content)?|"
    r"leave a (?:reply|comment)|comments?|(?:about the )?autho?rs?|autor|share(?: this)?(?: article| post)?|"
    r"advertisement|sponsored|newsletter|subscribe|tags?|categories)\W*",
    re.I,
)
# Headings of related-content widgets: what follows them is other posts' headlines and teasers.
WIDGET_LABEL_RE = re.compile(
    r"(?:related(?: posts?| articles?| stories| content| news)?|you (?:may|might) (?:also )?(?:like|enjoy)|"
    r"more (?:articles|posts|stories|news)(?: like this| from [\w ]{1,30})?|(?:latest|recent|popular|trending|top|breaking) "
    r"(?:news|posts|stories|articles|headlines)|trending(?: now)?|most (?:popular|read|viewed)|recommended(?: for you| reading)?|"
    r"editor'?s'? picks|read next|don'?t miss)\W*",
    re.I,
)
AD_RE = re.compile(r"\badvertis\w*|\bsponsored\b|\bspot_im", re.I)
FAQ_HEADING_RE = re.compile(r"\bFAQs?\b|frequently asked questions|questions and answers|\bQ\s?&\s?A\b", re.I)

# A named or linked source in a sentence or its paragraph clears a claim.
SOURCE_RE = re.compile(
    r"https?://|www\.|\[\d+\]|\^\d+|[¹²³⁴⁵⁶⁷⁸⁹]|\(\s*(?:source|via|see)\b|\bsource:\s|"
    r"\((?-i:[A-Z])[\w&.' -]+,? (?:et al\.?,? )?(?:19|20)\d\d[a-z]?\)|"
    r"\baccording to (?:a |an |the )?(?:(?:new|recent|latest|\d{4}) )*(?-i:[A-Z])|"
    r"\b(?:study|survey|report|poll|analysis|research|paper|data|figures|census|review|trial|audit|index)\s+"
    r"(?:by|from|of|at|published (?:by|in)|conducted by|released by)\s+(?:the\s+)?(?-i:[A-Z0-9])|"
    r"(?-i:\b[A-Z][\w&.-]+(?:\s+(?:of\s+)?[A-Z][\w&.-]+)*)(?:'s|’s)?\s+(?:\d{4}\s+)?"
    r"(?:study|survey|report|poll|data|analysis|research|researchers|scientists|economists|analysts|census|figures)\b|"
    r"\b(?:published|reported|found) (?:in|by) (?:the )?(?-i:[A-Z])",
    re.I,
)


def has_source(block: Block) -> bool:
    """True when the block links somewhere, or the paragraph names a source."""
    if block.links:
        return True
    return bool(SOURCE_RE.search(block.text))


def is_question(block: Block) -> bool:
    return block.text.rstrip().endswith("?") and block.words <= 30


def faq_regions(doc: Document):
    """(FAQ heading, blocks of its section) for each FAQ section."""
    for h in doc.headings:
        if not FAQ_HEADING_RE.search(h.text):
            continue
        region = []
        for k in range(h.index + 1, len(doc.blocks)):
            b = doc.blocks[k]
            if b.kind == "heading" and b.level <= h.level and not is_question(b):
                break
            region.append(b)
        yield h, region
