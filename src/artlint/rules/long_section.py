from artlint.rule import Rule
from artlint.rules._examples import paragraphs


class LongSection(Rule):
    """Yoast's subheading-distribution check: long runs of text with no subheading."""

    code = "AL013"
    name = "long-section"
    category = "readability"
    severity = "info"
    options = {"max_words": 300}
    summary = "More than 300 words of text without a subheading (Yoast's threshold)."
    rationale = "Subheadings every 300 words or so let readers find their place (Yoast's subheading distribution)."
    bad = "## Testing the boots\n\n" + paragraphs(5, 90)  # 450 words under one heading
    good = "## Testing the boots\n\n" + paragraphs(2, 90) + "\n\n## Breaking them in\n\n" + paragraphs(2, 90)

    def check(self, doc):
        limit = self.opts["max_words"]
        run, start = 0, None
        for b in list(doc.blocks) + [None]:
            if b is None or b.kind == "heading":
                if run > limit and start is not None:
                    yield self.hit(f"{run} words without a subheading (limit {limit}).", start, 0, min(len(start.text), 60))
                run, start = 0, None
                continue
            if b.kind != "code":
                run += b.words
                start = start or b
