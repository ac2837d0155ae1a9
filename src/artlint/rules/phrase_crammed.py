from collections import Counter

from artlint import text as textutil
from artlint.rule import Rule
from artlint.rules._keyphrase import phrase_regex


def _is_content(w: str) -> bool:
    return (len(w) > 2 or w[:1].isdigit()) and w not in textutil.stopwords()


def crammed_phrase(tokens, min_uses: int):
    """(phrase, uses, [word index of each use]) of the longest 3-6 word phrase used ``min_uses`` times, or None.

    A phrase starts and ends with a content word and has three ("freelance invoice template", "learn piano as an
    adult"); "ability to measure" is ordinary repetition.
    """
    words = [w.lower().replace("’", "'") for w in tokens]
    content = [_is_content(w) for w in words]
    best = None
    for n in range(6, 2, -1):
        grams = Counter(
            tuple(words[i : i + n]) for i in range(len(words) - n + 1) if content[i] and content[i + n - 1] and sum(content[i : i + n]) >= 3
        )
        gram, uses = grams.most_common(1)[0] if grams else (None, 0)
        if uses >= min_uses and (best is None or uses > best[1]):
            best = (gram, uses)
    if best is None:
        return None
    gram, uses = best
    n = len(gram)
    starts, i = [], 0
    while i <= len(words) - n:
        if tuple(words[i : i + n]) == gram:
            starts.append(i)
            i += n
        else:
            i += 1
    return " ".join(gram), len(starts), starts


class PhraseCrammed(Rule):
    """The same multi-word phrase crammed into one paragraph: keyphrase stuffing, whatever the keyphrase is."""

    code = "AL705"
    name = "phrase-crammed"
    category = "keyword-stuffing"
    severity = "warning"
    # Four uses of one 3+ word phrase in a paragraph, making 15% of its words: prose varies its wording long before
    # (Yoast's whole-article ceiling is 3%; one paragraph at five times that is the stuffing pattern).
    options = {"min_uses": 4, "max_share": 15.0}
    summary = "A phrase of three or more words used four times or more in one paragraph, making over 15% of its words."
    rationale = (
        "Stuffing tools repeat the target phrase inside one paragraph ('A freelance invoice template... every freelance "
        "invoice template... download our freelance invoice template'). No writer repeats a three-word phrase four "
        "times in a few sentences; readers notice and search engines demote it. Each use past the second is reported."
    )
    bad = (
        "Using a freelance invoice template saves time. A good freelance invoice template has every field, so each "
        "freelance invoice template looks the same. Save your freelance invoice template as a master copy."
    )
    good = "Using an invoice template saves time. A good one has every field, so each invoice looks the same."

    @staticmethod
    def _over_article_density(doc) -> bool:
        """True when keyword-density (AL703, default limit 3%) reports the keyphrase over the whole article."""
        uses = sum(len(phrase_regex(doc.keyphrase).findall(b.text)) for b in doc.body if b.kind != "code")
        return uses >= 5 and 100.0 * uses * len(doc.keyphrase.split()) / max(doc.words, 1) > 3.0

    def check(self, doc):
        min_uses = self.opts["min_uses"]
        voc = doc.vocabulary
        for b in doc.blocks:
            if b.kind not in ("paragraph", "list_item", "quote") or b.words < 12 or b.links:  # link titles repeat by design
                continue
            # cheap test first: a phrase used N times needs two content words used N times each
            terms = voc.block_terms.get(b.index)
            if not terms or sum(1 for n in terms.values() if n >= min_uses) < 2:
                continue
            found = crammed_phrase(b.tokens, min_uses)
            if not found:
                continue
            phrase, uses, starts = found
            if phrase == doc.keyphrase and self._over_article_density(doc):
                continue  # keyword-density already reports these uses of the target keyphrase
            share = 100.0 * uses * len(phrase.split()) / b.words
            if uses < min_uses or share <= self.opts["max_share"]:
                continue
            spans = [m.span() for m in textutil.WORD_RE.finditer(b.text)]  # the same words as b.tokens
            n = len(phrase.split())
            written = [b.text[spans[k][0] : spans[min(k + n, len(spans)) - 1][1]] for k in starts]
            if 2 * sum(1 for w in written if w[1:] == w[1:].lower()) < len(written):
                continue  # a capitalised name or title cited again and again, not a pasted query
            for k in starts[2:]:
                start, end = (spans[k][0], spans[k + n - 1][1]) if k + n - 1 < len(spans) else (0, None)
                yield self.hit(
                    f"'{phrase}' used {uses} times in this paragraph of {b.words} words: {share:.0f}% of its words "
                    f"(limit {self.opts['max_share']:.0f}%).",
                    b,
                    start,
                    end,
                )
