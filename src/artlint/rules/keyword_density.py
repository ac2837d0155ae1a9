from collections import Counter

from artlint.rule import Rule
from artlint.rules._keyphrase import phrase_regex


class KeywordDensity(Rule):
    """Repeating the keyphrase far above natural use is stuffing; each excess use is reported."""

    code = "AL703"
    name = "keyword-density"
    category = "keyword-stuffing"
    severity = "warning"
    options = {"max_density": 3.0, "min_occurrences": 5}
    summary = "The target keyphrase repeated above a density threshold (3% of words by default); one finding per excess use, in the blocks that hold the most."
    rationale = (
        "Yoast and most SEO guides put a natural keyphrase density at 0.5-3%; above that the text reads as "
        "written for crawlers and search engines may demote it. Each use past the limit is reported so it "
        "can be rewritten."
    )
    bad = (
        "---\ntitle: Vegan Protein Powder Guide\nkeyword: vegan protein powder\n---\n\n"
        "Vegan protein powder is easy to add to breakfast. Pick a vegan protein powder with twenty grams per scoop. "
        "A pea-based vegan protein powder mixes well with oat milk. Some vegan protein powder brands add sweeteners. "
        "Store vegan protein powder in a dry cupboard."
    )
    good = (
        "---\ntitle: Vegan Protein Powder Guide\nkeyword: vegan protein powder\n---\n\n"
        "Vegan protein powder is easy to add to breakfast. Pick one with twenty grams per scoop. A pea-based blend "
        "mixes well with oat milk. Some brands add sweeteners, so read the label. Store the tub in a dry cupboard."
    )

    def check(self, doc):
        if not doc.keyphrase or not doc.words:
            return
        rx = phrase_regex(doc.keyphrase)
        uses = [(b, m) for b in doc.body if b.kind != "code" for m in rx.finditer(b.text)]
        n_words = len(doc.keyphrase.split())
        density = 100.0 * len(uses) * n_words / doc.words
        if len(uses) < self.opts["min_occurrences"] or density <= self.opts["max_density"]:
            return
        allowed = int(self.opts["max_density"] * doc.words / (100.0 * n_words))
        # the excess uses are reported where they are crowded (a block holding several), not wherever they fall last
        per_block = Counter(b.index for b, _ in uses)
        crowded = sorted(range(len(uses)), key=lambda i: (-per_block[uses[i][0].index], i))
        excess = sorted(crowded[: len(uses) - allowed])
        for b, m in (uses[i] for i in excess):
            yield self.hit(
                f"Keyphrase '{doc.keyphrase}' used {len(uses)} times in {doc.words} words: density {density:.1f}% "
                f"(limit {self.opts['max_density']:.1f}%).",
                b,
                m.start(),
                m.end(),
            )
