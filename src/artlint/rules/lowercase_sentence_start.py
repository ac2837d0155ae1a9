import re

from artlint.rule import Rule

# Words that are written in lower case even at the start of a sentence.
LOWERCASE_OK = frozenset("npm pip git yarn curl wget ssh sudo bash zsh vim emacs ffmpeg grep awk sed cron jq".split())
FIRST_WORD_RE = re.compile(r"[\"“‘'(\[]*([^\W\d_][\w’'-]*)")


class LowercaseSentenceStart(Rule):
    """A sentence that starts in lower case: a lost full stop, a spinner's swap or a paste error."""

    code = "AL902"
    name = "lowercase-sentence-start"
    category = "typography"
    symptom_of = frozenset({"keyword-stuffing", "placeholder", "boilerplate"})
    severity = "warning"
    summary = "A sentence or paragraph that starts with a lower-case letter (brand names such as iPhone and eBay excepted)."
    rationale = (
        "Sentences start with a capital. A lower-case start usually means text was spliced or spun "
        "('though, the effects...' for 'However, the effects...'). Words with a capital inside (iPhone, "
        "eBay, macOS) and command names are not flagged; list items and table cells are not checked."
    )
    bad = "The results came in on Friday. the team was pleased."
    good = "The results came in on Friday. The team was pleased. iPhone sales rose; eBay's fell."

    def check(self, doc):
        for b in doc.blocks:
            if b.kind not in ("paragraph", "quote"):
                continue
            for s in b.sentences:
                m = FIRST_WORD_RE.match(s.text)
                if not m:
                    continue
                word = m.group(1)
                if not word[0].islower() or any(c.isupper() for c in word[1:]) or word.lower() in LOWERCASE_OK:
                    continue
                if s.end == len(b.text) and not s.text.rstrip().endswith((".", "!", "?", "…", '"', "”")) and s.text.lower() == s.text:
                    continue  # a lower-case fragment with no full stop is not a sentence (stray-fragment reports it)
                if s.start and b.text[: s.start].rstrip().endswith(("...", "…")):
                    continue  # an ellipsis can run on in lower case
                at = s.start + m.start(1)
                yield self.hit(f"Sentence starts in lower case: '{word}'.", b, at, s.start + m.end(1), fix=((at, at + 1, word[0].upper()),))
