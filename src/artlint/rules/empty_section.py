from artlint import text as textutil
from artlint.rule import Rule
from artlint.rules._shared import CHROME_LABEL_RE, WIDGET_LABEL_RE


class EmptySection(Rule):
    """A heading that promises a section and delivers nothing."""

    code = "AL104"
    name = "empty-section"
    category = "structure"
    severity = "warning"
    summary = "A heading with no body: the next heading of the same or a higher level follows at once."
    rationale = (
        "A heading followed directly by a sibling heading (or by the end of the article) has no content. "
        "Generated articles leave such shells when a section failed to generate."
    )
    bad = "## Pricing\n\n## Support\n\nEmail us any time.\n"
    good = "## Pricing\n\nPlans start at $9 a month.\n\n## Support\n\nEmail us any time.\n"

    def check(self, doc):
        headings = [h for h in doc.headings if h.index != doc.title_block]
        for h in headings:
            if CHROME_LABEL_RE.fullmatch(h.text) or h.text.rstrip().endswith("?"):
                continue  # page chrome and FAQ questions have their own rules
            if doc.keyphrase and doc.keyphrase in textutil.normalise(h.text):
                continue
            nxt = doc.blocks[h.index + 1] if h.index + 1 < len(doc.blocks) else None
            if nxt is None:
                if any(WIDGET_LABEL_RE.fullmatch(b.text.strip()) for b in doc.blocks[max(0, h.index - 10) : h.index]):
                    continue  # the last headline of a related-posts list (related-teaser reports it)
                yield self.hit("Heading at the end of the article with no body.", h)
            elif nxt.kind == "heading" and doc.has_heading_levels and nxt.level <= h.level:
                if textutil.normalise(nxt.text) == textutil.normalise(h.text):
                    continue  # a repeated heading: duplicate-heading reports it
                yield self.hit(f"Heading with no body: '{nxt.text[:60]}' follows it directly.", h)
