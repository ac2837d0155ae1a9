import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict

from artlint import text as textutil
from artlint.rule import Rule

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")


def features(tokens, text: str) -> set[str]:
    """Stems of the content words, and the numbers ('#45'): what a rewording keeps."""
    found = set(textutil.content_words(tokens))
    found.update("#" + n for n in NUMBER_RE.findall(text))
    return found


class ParaphrasedPassage(Rule):
    """A paragraph that says again, in other words and in the same order, what an earlier one said."""

    code = "AL203"
    name = "paraphrased-passage"
    category = "duplicate"
    severity = "warning"
    options = {"min_words": 20, "overlap": 0.33, "aligned": 0.6}
    summary = "A paragraph that restates an earlier paragraph in other words, sentence by sentence."
    rationale = (
        "Generated articles restate a point in a later section with synonyms swapped in, which a "
        "word-for-word comparison misses. Paragraphs are compared by the rare words and numbers they "
        "share, each weighted by how rare it is in English and in the article (topic words that every "
        "paragraph uses count little); candidates come from an index of those words (no all-pairs "
        "comparison); a pair is reported when, besides sharing them, most sentences of one have a "
        "counterpart in the other, in the same order. Paragraphs next to each other, list items and "
        "table rows (parallel steps, pros and cons) are not compared."
    )
    bad = (
        "Check the stated portion before anything else. Makers pick the portion themselves, and 30 g of cereal is far less than a bowl.\n\n"
        "## Sugar\n\nSugar hides under many names.\n\n"
        "## Portions\n\nLook at the portion stated on the pack first. The maker picks that amount, and 30 g of cereal "
        "is much smaller than a real bowl."
    )
    good = (
        "Check the stated portion before anything else. Makers pick the portion themselves, and 30 g of cereal is far less than a bowl.\n\n"
        "## Sugar\n\nSugar hides under many names.\n\n"
        "## Salt\n\nSalt is listed per 100 g. Anything above 1.5 g per 100 g counts as high, so compare two brands side by side."
    )

    def check(self, doc):
        units = [b for b in doc.blocks if b.kind == "paragraph" and b.words >= self.opts["min_words"] and len(b.sentences) >= 2]
        if len(units) < 2:
            return
        feats = [features(b.tokens, b.text) for b in units]
        df = Counter()
        for f in feats:
            df.update(f)
        n = len(units)

        def weight(f: str) -> float:
            # rare in English (numbers count as rare) and rare in the article: ln(1 + n/df) is about 0.7 for a word in every paragraph
            return (1.0 if f[0] == "#" else textutil.rarity(f)) * math.log(1 + n / df[f])

        totals = [sum(map(weight, f)) for f in feats]
        # candidate pairs through an index of the words in two paragraphs or more, but in at most a third of them
        # (a word in most paragraphs is the topic: it weighs little, and its postings would pair everything)
        most = max(2, n // 3)
        postings = defaultdict(list)
        for i, f in enumerate(feats):
            for x in f:
                if 1 < df[x] <= most:
                    postings[x].append(i)
        shared = Counter()
        for x, ids in postings.items():
            w = weight(x)
            for a in range(len(ids)):
                for b in range(a + 1, len(ids)):
                    shared[(ids[a], ids[b])] += w
        reported = set()
        for (i, j), _w in sorted(shared.items(), key=lambda kv: kv[0][::-1]):
            if j in reported or units[j].index - units[i].index <= 1:
                continue  # neighbours continue one topic
            first, later = units[i], units[j]
            if max(first.words, later.words) > 2 * min(first.words, later.words):
                continue  # a restatement is about as long as what it restates
            overlap = 2 * sum(map(weight, feats[i] & feats[j])) / (totals[i] + totals[j])
            if overlap < self.opts["overlap"]:
                continue
            aligned = self._aligned(first, later, weight)
            if aligned < self.opts["aligned"] or self._near_copy(first, later):
                continue
            reported.add(j)
            line = doc.position(first.start)[0]
            yield self.hit(
                f"This paragraph restates the paragraph at line {line} in other words "
                f"({overlap:.0%} of its weighted key words, {aligned:.0%} of the sentences in the same order).",
                later,
                0,
                min(len(later.text), 80),
                related=((first, 0, min(len(first.text), 80), "paragraph it restates"),),
            )

    @staticmethod
    def _aligned(first, later, weight) -> float:
        """Share of sentences of the longer paragraph matched, in order, by a sentence of the other."""
        fa = [features(textutil.words(s.text), s.text) for s in first.sentences]
        fb = [features(textutil.words(s.text), s.text) for s in later.sentences]
        wa = [sum(map(weight, f)) for f in fa]
        matches = []
        for f in fb:
            wf = sum(map(weight, f))
            best, where = 0.0, -1
            for k, g in enumerate(fa):
                d = 2 * sum(map(weight, f & g)) / ((wf + wa[k]) or 1)
                if d > best:
                    best, where = d, k
            if best >= 0.25:  # a sentence sharing a quarter of its weighted words: measured on rewordings in the dev articles
                matches.append(where)
        return _longest_increasing(matches) / max(len(fa), len(fb))

    @staticmethod
    def _near_copy(first, later) -> bool:
        """A copy or light rewording (about 80% the same): duplicate-passage reports those."""
        from rapidfuzz import fuzz

        return fuzz.ratio(first.norm, later.norm) >= 80 or fuzz.token_sort_ratio(first.norm, later.norm) >= 80


def _longest_increasing(seq) -> int:
    tails: list[int] = []
    for x in seq:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)
