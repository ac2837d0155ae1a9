import re

from artlint.rule import Rule

# letter letter [,;] letter  |  letter/digit x2 [.!?] Capital lower. The punctuation comes first and the
# look-behinds re-read it, so the engine can skip ahead to candidate characters (about 10x faster).
MISSING_RE = re.compile(r"[,;.!?](?:(?<=[^\W\d_]{2}[,;])(?=[^\W\d_])|(?<=[^\W_]{2}[.!?])(?=[A-Z][a-z]))")
URLISH_RE = re.compile(r"://|www\.|@|\.(?:com|org|net|io|gov|edu|co|uk|js|py|md|html?|php|json|yaml|yml|txt|pdf|xml)\b", re.I)


class MissingSpaceAfterPunctuation(Rule):
    """'end.Next' and 'this,the': a space lost in scraping or generation."""

    code = "AL901"
    name = "missing-space-after-punctuation"
    category = "typography"
    severity = "warning"
    summary = "No space after a comma, semicolon or full stop between two words (not in URLs, numbers or abbreviations)."
    rationale = (
        "A missing space glues two words into one token: readers stumble and search engines index a "
        "non-word. URLs, file names, numbers (1,000) and abbreviations (e.g., U.S.) are not flagged."
    )
    bad = "The war ended in 1945.Peace talks began,the archives show."
    good = "The war ended in 1945. Peace talks began, the archives show; Node.js and example.com are fine."

    def check(self, doc):
        for b in doc.blocks:
            if b.kind == "code":
                continue
            for m in MISSING_RE.finditer(b.text):
                start = b.text.rfind(" ", 0, m.start()) + 1
                end = b.text.find(" ", m.end())
                token = b.text[start : end if end >= 0 else len(b.text)]
                if URLISH_RE.search(token):
                    continue
                mark = m.group()
                if mark in ",;" and b.text[m.start() - 1].isupper() and b.text[m.end()].isupper():
                    continue  # "TL;DR", "Q,A": acronyms
                yield self.hit(
                    f"Missing space after '{mark}' in '{token[:40]}'.", b, m.start(), m.end(), fix=((m.start(), m.end(), mark + " "),)
                )
