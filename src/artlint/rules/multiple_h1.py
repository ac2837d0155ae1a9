from artlint.rule import Rule


class MultipleH1(Rule):
    """One page, one H1: a second H1 competes with the title."""

    code = "AL103"
    name = "multiple-h1"
    category = "structure"
    severity = "warning"
    formats = ("markdown", "mdx", "html")
    summary = "More than one top-level (H1) heading."
    rationale = "The H1 is the article's title. A second one splits the page's topic for readers and search engines."
    bad = "# Best Hiking Boots\n\nText.\n\n# Buying Guide\n\nText.\n"
    good = "# Best Hiking Boots\n\nText.\n\n## Buying Guide\n\nText.\n"

    def check(self, doc):
        h1 = [h for h in doc.headings if h.level == 1]
        for h in h1[1:]:
            yield self.hit(
                f"Second H1 heading; the article already has '{h1[0].text[:60]}' as its H1.",
                h,
                related=((h1[0], 0, len(h1[0].text), "first H1"),),
            )
