import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from functools import cache
from itertools import chain

from artlint import text as textutil
from artlint.rule import Rule

NUMBER_RE = re.compile(r"\d\d*(?:[.,]\d+)?")  # "\d+" opening a pattern forgoes the engine's fast scan to a digit
MIN_RARE_SHARED = 3  # words (or numbers) in no third block that a pair must share to be compared at all


def features(tokens, text: str) -> set[str]:
    """Stems of the content words, and the numbers ('#45'): what a rewording keeps."""
    return _with_numbers(set(textutil.content_words(tokens)), text)


def _with_numbers(stems: set[str], text: str) -> set[str]:
    stems.update("#" + n for n in NUMBER_RE.findall(text))
    return stems


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
        units, seen = [], set()
        for b in doc.blocks:
            if b.kind == "paragraph" and b.words >= self.opts["min_words"] and b.norm not in seen and len(b.sentences) >= 2:
                seen.add(b.norm)  # a second copy is duplicate-passage's to report
                units.append(b)
        if len(units) < 2:
            return
        vocabulary = doc.vocabulary  # the content-word stems of each block and their block counts, found once for every rule
        stems = [vocabulary.block_terms.get(b.index, {}).keys() for b in units]
        numbers = [{"#" + x for x in NUMBER_RE.findall(b.text)} if textutil.has_digit(b.text) else set() for b in units]
        number_df = Counter(chain.from_iterable(numbers))
        block_df = vocabulary.doc_freq
        # candidate pairs through an index of the rare words: in two to four blocks of the article (a restatement shares
        # several words with what it restates that no other paragraph has; a word in many blocks is the topic and would
        # pair everything)
        rare = {x for x, k in block_df.items() if 1 < k <= 4}
        rare.update(x for x, k in number_df.items() if k > 1)
        postings = defaultdict(list)
        rare_of = []
        for i, found in enumerate(stems):
            mine = rare.intersection(found)
            mine.update(rare.intersection(numbers[i]))
            rare_of.append(len(mine))
            for x in mine:
                postings[x].append(i)
        shared = Counter()
        for ids in postings.values():
            if len(ids) == 2:  # the usual case (a word in one unit has no pair)
                shared[(ids[0], ids[1])] += 1
            elif len(ids) > 2:
                for a in range(len(ids)):
                    for b in range(a + 1, len(ids)):
                        shared[(ids[a], ids[b])] += 1
        # compared further: pairs sharing three rare words or more, and a third of the rare words of one of them
        candidates = []
        for (i, j), k in shared.items():
            if k >= MIN_RARE_SHARED and k * 3 >= min(rare_of[i], rare_of[j]) and _comparable(units[i], units[j]):
                a, b = stems[i], stems[j]
                if 8 * len(a & b) >= len(a) + len(
                    b
                ):  # a Dice of 0.25 unweighted (the rewordings in the dev articles: 0.31 and up): a cheap test before weighing
                    candidates.append((i, j))
        if not candidates:
            return
        n = len(vocabulary.block_terms)

        @cache
        def weight(x: str) -> float:
            # rare in English (numbers count as rare) and rare in the article: ln(1 + n/df) is about 0.7 for a word in every block
            if x[0] == "#":
                return math.log(1 + n / number_df[x])
            return textutil.rarity(x) * math.log(1 + n / block_df[x])

        feats = {}
        for i in {k for pair in candidates for k in pair}:
            feats[i] = set(stems[i]) | numbers[i]
        totals = {i: sum(map(weight, f)) for i, f in feats.items()}
        reported = set()
        for i, j in sorted(candidates, key=lambda pair: (pair[1], pair[0])):
            if j in reported:
                continue
            first, later = units[i], units[j]
            overlap = 2 * sum(map(weight, feats[i] & feats[j])) / (totals[i] + totals[j])
            if overlap < self.opts["overlap"]:
                continue
            if self._near_copy(first, later):
                continue
            aligned = self._aligned(first, later, weight)
            if aligned < self.opts["aligned"]:
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
        w = weight
        fa = [features(textutil.words(s.text), s.text) for s in first.sentences]
        fb = [features(textutil.words(s.text), s.text) for s in later.sentences]
        wa = [sum(w(x) for x in f) for f in fa]
        matches = []
        for f in fb:
            wf = sum(w(x) for x in f)
            best, where = 0.0, -1
            for k, g in enumerate(fa):
                d = 2 * sum(w(x) for x in f & g) / ((wf + wa[k]) or 1)
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


def _comparable(first, later) -> bool:
    """Whether two paragraphs can be a restatement at all (tested before any weighing): not neighbours (they continue
    one topic), about as long as each other (a restatement is), not copies (duplicate-passage's)."""
    if later.index - first.index <= 1:
        return False
    return max(first.words, later.words) <= 2 * min(first.words, later.words) and first.norm != later.norm


def _longest_increasing(seq) -> int:
    tails: list[int] = []
    for x in seq:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)
