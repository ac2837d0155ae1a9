from artlint.rule import Rule


class NoSubheadings(Rule):
    """A long article with no subheadings cannot be scanned or navigated."""

    code = "AL107"
    name = "no-subheadings"
    category = "structure"
    severity = "warning"
    options = {"min_words": 1500}
    summary = "A long article (1,500+ words by default) with no subheadings."
    rationale = "Subheadings let readers scan and let search engines understand the parts of an article."
    bad = "A 1,200-word article made only of paragraphs."
    good = "The same article with a subheading every 200-300 words."

    def check(self, doc):
        if doc.words >= self.opts["min_words"] and not [h for h in doc.headings if h.index != doc.title_block]:
            yield self.hit(f"{doc.words} words and no subheadings.")
