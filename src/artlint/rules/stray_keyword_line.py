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
    bad = "Best Running Shoes for Flat Feet\n\nbest running shoes flat feet\n\nChoosing a shoe starts with..."
    good = "Best Running Shoes for Flat Feet\n\nChoosing a shoe starts with..."

    def check(self, doc):
        if not doc.keyphrase:
            return
        for b in doc.blocks:
            if b.kind not in ("heading", "paragraph") or b.index == doc.title_block:
                continue
            if textutil.normalise(b.text) == doc.keyphrase:
                yield self.hit(f"The keyphrase '{doc.keyphrase}' ({doc.keyphrase_source}) stands alone as a line.", b)
