from artlint.rule import Rule
from artlint.rules._examples import paragraphs, text_of


class WallOfText(Rule):
    """Paragraphs far past what readers scan, usually merged paragraphs."""

    code = "AL106"
    name = "wall-of-text"
    category = "structure"
    severity = "warning"
    options = {"max_words": 300}
    summary = "A paragraph so long it is a wall of text (over 300 words by default)."
    rationale = (
        "Readers scan web articles; a paragraph of several hundred words is skipped. It usually means "
        "paragraph breaks were lost when the text was scraped or generated."
    )
    bad = text_of(350)  # one paragraph of 350 words
    good = paragraphs(4, 80)

    def check(self, doc):
        limit = self.opts["max_words"]
        for b in doc.blocks:
            if b.kind in ("paragraph", "quote") and b.words > limit:
                yield self.hit(f"Paragraph of {b.words} words (limit {limit}); split it.", b, 0, min(len(b.text), 80))
