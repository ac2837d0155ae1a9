from artlint.rule import Rule
from artlint.rules._examples import paragraphs, text_of


class LongParagraph(Rule):
    """Yoast's paragraph-length check: long paragraphs are skimmed past."""

    code = "AL012"
    name = "long-paragraph"
    category = "readability"
    severity = "info"
    options = {"max_words": 150}
    summary = "A paragraph over 150 words (Yoast's threshold)."
    rationale = "Web readers scan; paragraphs over 150 words are read less (Yoast's paragraph-length assessment)."
    bad = text_of(180)  # one paragraph of 180 words
    good = paragraphs(2, 90)

    def check(self, doc):
        limit = self.opts["max_words"]
        wall = 300  # structure/wall-of-text reports those
        for b in doc.blocks:
            if b.kind in ("paragraph", "quote") and limit < b.words <= wall:
                yield self.hit(f"Paragraph of {b.words} words (limit {limit}).", b, 0, min(len(b.text), 80))
