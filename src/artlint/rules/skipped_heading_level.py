from artlint.rule import Rule


class SkippedHeadingLevel(Rule):
    """Heading levels are an outline: jumping from H2 to H4 breaks it."""

    code = "AL102"
    name = "skipped-heading-level"
    category = "structure"
    severity = "warning"
    formats = ("markdown", "mdx", "html")
    summary = "A heading skips a level (an H4 straight after an H2)."
    rationale = (
        "Screen readers and search engines read headings as an outline. A skipped level leaves a section "
        "without its parent and usually means a heading was copied from another page."
    )
    bad = "# Guide\n\n## Setup\n\n#### Install the tools\n"
    good = "# Guide\n\n## Setup\n\n### Install the tools\n"

    def check(self, doc):
        prev = 1 if doc.title else 0
        for h in doc.headings:
            if h.level > prev + 1 and prev:
                yield self.hit(f"Heading level {h.level} follows level {prev}; expected level {prev + 1} or lower.", h)
            prev = h.level
