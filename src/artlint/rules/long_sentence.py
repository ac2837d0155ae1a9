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
    bad = (
        "When the talks resumed on Monday, both delegations arrived with new proposals on tariffs, fishing quotas, "
        "border checks and the status of workers already living abroad, and each side insisted that its own draft "
        "should be the starting point for every session of the week."
    )
    good = (
        "The talks resumed on Monday. Both delegations brought new proposals on tariffs, fishing quotas, border "
        "checks and workers living abroad. Each side wants its own draft to be the starting point."
    )

    def check(self, doc):
        limit = self.opts["max_words"]
        for b, s in doc.iter_sentences():
            if s.text.count(" ") < limit:  # block text has single spaces only: at most `limit` words
                continue
            n = len(s.text.split())
            if n > limit:
                yield self.hit(f"Sentence of {n} words (limit {limit}).", b, s.start, s.end)
