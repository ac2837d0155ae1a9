import re

from artlint.rule import Prefilter, Rule

# After a word (a letter, digit or closing quote or bracket): "?." or "!." (a mark then a full stop), ",,"
# ";;" ",." (a mark typed twice), ".." that is no ellipsis, and "!!" or "??" (runs of marks), each followed by
# a space or the end (so "std::cout", "../lib" and "1..10" are not matched).
DOUBLED_RE = re.compile(r"(?<=[^\W_]|[\"”’')\]])(?:[?!]\.(?!\.)|,,|;;|,\.|(?<!\.)\.\.(?!\.)|!!+|\?\?+)(?=[\s\"”’')\]]|$)")
NEEDLES = Prefilter(substrings=("?.", "!.", ",,", ";;", ",.", "..", "!!", "??"))
QUOTE_MARKS = ('"', "“")


class DoubledPunctuation(Rule):
    """'matter?. Because', 'enough,, but', 'serving..': punctuation typed twice."""

    code = "AL907"
    name = "doubled-punctuation"
    category = "typography"
    severity = "warning"
    summary = "Punctuation typed twice: '?.', '!.', ',,', ';;', ',.', '..' (not an ellipsis), '!!' or '??' in body text."
    rationale = (
        "A question or exclamation mark already ends the sentence, and a doubled comma or full stop is a "
        "slip left by editing or by joining generated fragments; runs of '!!' read as shouting. Ellipses "
        "('...'), ranges (1..10), paths (../), code, URLs and quotations are not flagged."
    )
    bad = "Why does this matter?. Because wet floors soak through,, and fast.."
    good = "Why does this matter? Because wet floors soak through, and fast... See ../docs or 1..10."

    def check(self, doc):
        needles = NEEDLES.narrowed_to(doc)
        if needles is None:
            return
        for b in doc.blocks:
            if b.kind in ("code", "heading") or not needles.passes(b):
                continue
            text = b.text
            for m in DOUBLED_RE.finditer(text):
                start = m.start()
                token_start = text.rfind(" ", 0, start) + 1
                token = text[token_start : m.end()]
                if "://" in token or "www." in token or _in_quotes(text, start):
                    continue
                yield self.hit(f"Doubled punctuation '{m.group()}'.", b, start, m.end())


def _in_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` sits inside a quotation ("..." or “...”): quoted speech keeps its own marks."""
    before = text[:pos]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1
