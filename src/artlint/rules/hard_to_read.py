from artlint.rule import Rule


class HardToRead(Rule):
    """Flesch reading ease for the whole article (textstat's formula; engine "textstat" runs textstat itself)."""

    code = "AL014"
    name = "hard-to-read"
    category = "readability"
    severity = "info"
    options = {"min_flesch": 30.0, "min_words": 200, "engine": "fast"}
    option_choices = {"engine": ("fast", "textstat")}
    summary = "Flesch reading ease below 30 ('very difficult') for the whole article."
    rationale = "Most web audiences read comfortably at Flesch 60+; below 30 is graduate-level text."
    bad = " ".join(
        [
            "Notwithstanding multifaceted geopolitical considerations, comprehensive institutionalised negotiation frameworks necessitate unprecedented intergovernmental coordination."
        ]
        * 20
    )
    good = " ".join(["Both sides want a deal, but they disagree on three points. The talks go on next week."] * 13)

    def check(self, doc):
        if doc.words < self.opts["min_words"]:
            return
        from artlint.readability import flesch_of_blocks, flesch_reading_ease

        blocks = [b for b in doc.body if b.kind in ("paragraph", "quote", "list_item")]
        if self.opts["engine"] == "textstat":
            score = flesch_reading_ease("\n".join(b.text for b in blocks), "textstat")
        else:
            score = flesch_of_blocks(blocks)
        if score < self.opts["min_flesch"]:
            yield self.hit(f"Flesch reading ease {score:.0f} (below {self.opts['min_flesch']:.0f}): very hard to read.")
