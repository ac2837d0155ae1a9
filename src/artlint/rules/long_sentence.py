from artlint.rule import Rule


class LongSentence(Rule):
    """Very long sentences are hard to follow on screen."""

    code = "AL011"
    name = "long-sentence"
    category = "readability"
    severity = "info"
    options = {"max_words": 40}
    summary = "A sentence longer than 40 words (Yoast warns from 20 words when they are over a quarter of sentences)."
    rationale = "Readers lose the thread of a sentence past 30-40 words, more so on a phone."
    bad = "A single sentence that runs on for forty-five words, stacking clause after clause..."
    good = "Two or three sentences that each make one point."

    def check(self, doc):
        limit = self.opts["max_words"]
        for b, s in doc.iter_sentences():
            if s.text.count(" ") < limit:  # block text has single spaces only: at most `limit` words
                continue
            n = len(s.text.split())
            if n > limit:
                yield self.hit(f"Sentence of {n} words (limit {limit}).", b, s.start, s.end)
