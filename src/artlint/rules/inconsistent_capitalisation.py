import re
from collections import Counter

from artlint.rule import Rule

FUNCTION_WORDS = frozenset(
    "the a an in on at of for to and but or this that these those it its our their his her my your we they he she as by with from if when while after before".split()
)
# The capital comes first and the look-behind re-reads it, so the scan skips ahead to capitals.
CAP_PAIR_RE = re.compile(r"([A-Z])(?<![\w’'-][A-Z])([a-z]+)\s+([A-Z][a-z]+)(?![\w’'-])")


class InconsistentCapitalisation(Rule):
    """A name the article capitalises everywhere else, written in lower case once."""

    code = "AL905"
    name = "inconsistent-capitalisation"
    category = "typography"
    severity = "warning"
    summary = "A proper noun in lower case where the article spells it capitalised elsewhere ('united States' beside 'United States')."
    rationale = (
        "Names lose their capitals when text is spun or lower-cased by a tool. artlint learns the article's "
        "own two-word capitalised names and flags a copy whose first word lost its capital while the second "
        "kept it: a case no writer produces by choice."
    )
    bad = "Officials from the United States and Canada signed in May.\n\nLater, the United States ratified it.\n\nIn June, the united States withdrew."
    good = "Officials from the United States and Canada signed in May.\n\nLater, the United States ratified it.\n\nIn June, the United States withdrew."

    def check(self, doc):
        prose = [b for b in doc.blocks if b.kind != "code"]
        pairs: Counter = Counter()
        for b in prose:
            if b.kind not in ("paragraph", "quote", "list_item"):
                continue  # title-case headings and table cells do not teach names
            for capital, rest, second in CAP_PAIR_RE.findall(b.text):  # a pair never spans sentences: punctuation would sit between
                first = capital + rest
                if first.lower() not in FUNCTION_WORDS:  # "The Council" at a sentence start is no name
                    pairs[(first, second)] += 1
        names = {f"{a} {b}" for (a, b), n in pairs.items() if n >= 2}
        if not names:
            return
        canonical = {n.lower(): n for n in names}
        rx = None
        for b in prose:
            if b.kind == "heading" or not any(n in b.lower for n in canonical):
                continue
            if len(b.lower) == len(b.text):
                spans = sorted(_occurrences(b.lower, canonical))
            else:  # lower-casing moved the offsets (rare letters such as "İ"): search the text itself
                if rx is None:
                    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                    rx = re.compile(rf"(?<![\w’'-])(?:{alternation})(?![\w’'-])", re.I)
                spans = [m.span() for m in rx.finditer(b.text)]
            for start, end in spans:
                found = b.text[start:end]
                first, second = found.split(None, 1)
                if not (first[0].islower() and second[0].isupper()) or found.upper() == found:
                    continue  # only the mixed case of a broken name ("united States") is a sure sign
                yield self.hit(f"'{found}' is written '{canonical[found.lower()]}' elsewhere in the article.", b, start, end)


def _occurrences(lower: str, names):
    """(start, end) of each whole-word occurrence of the lower-case ``names`` in ``lower``."""
    for n in names:
        i = lower.find(n)
        while i >= 0:
            end = i + len(n)
            if (i == 0 or not _joins_word(lower[i - 1])) and (end == len(lower) or not _joins_word(lower[end])):
                yield i, end
            i = lower.find(n, i + 1)


def _joins_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_’'-"
