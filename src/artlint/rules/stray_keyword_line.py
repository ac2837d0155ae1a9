from artlint import text as textutil
from artlint.rule import Rule


class StrayKeywordLine(Rule):
    """The target keyphrase pasted as a line of its own is written for crawlers, not readers."""

    code = "AL701"
    name = "stray-keyword-line"
    category = "keyword-stuffing"
    severity = "warning"
    summary = "The target keyphrase standing alone as a line (often the raw lower-case search term)."
    rationale = (
        "SEO tools and careless templates paste the target keyphrase as a line of its own, often as image "
        "alt text or a fake heading. Readers see a stray phrase; search engines see keyword stuffing."
    )
    bad = (
        "---\ntitle: Best Running Shoes for Flat Feet\nkeyword: best running shoes flat feet\n---\n\n"
        "Choosing a shoe for flat feet starts with support under the arch.\n\nbest running shoes flat feet\n\n"
        "Stability shoes use firmer foam on the inside of the sole."
    )
    good = (
        "---\ntitle: Best Running Shoes for Flat Feet\nkeyword: best running shoes flat feet\n---\n\n"
        "Choosing a shoe for flat feet starts with support under the arch.\n\n"
        "Stability shoes use firmer foam on the inside of the sole."
    )

    def check(self, doc):
        if not doc.keyphrase:
            return
        for b in doc.blocks:
            if b.kind not in ("heading", "paragraph") or b.index == doc.title_block:
                continue
            if textutil.normalise(b.text) == doc.keyphrase:
                yield self.hit(f"The keyphrase '{doc.keyphrase}' ({doc.keyphrase_source}) stands alone as a line.", b)
