from artlint.rule import Rule
from artlint.rules._examples import paragraphs


class NoSubheadings(Rule):
    """A long article with no subheadings cannot be scanned or navigated."""

    code = "AL107"
    name = "no-subheadings"
    category = "structure"
    severity = "warning"
    options = {"min_words": 1500}
    summary = "A long article (1,500+ words by default) with no subheadings."
    rationale = "Subheadings let readers scan and let search engines understand the parts of an article."
    bad = "# Choosing Hiking Boots\n\n" + paragraphs(16, 100)  # 1,600 words, no subheading
    good = "# Choosing Hiking Boots\n\n" + "\n\n".join(f"## Part {k + 1}\n\n" + paragraphs(2, 100) for k in range(8))

    def check(self, doc):
        if doc.words >= self.opts["min_words"] and not [h for h in doc.headings if h.index != doc.title_block]:
            yield self.hit(f"{doc.words} words and no subheadings.")
