import re
from operator import eq

from artlint.rule import Rule

REPEAT_RE = re.compile(r"(?<![\w’'-])([^\W\d_][\w’']*)\s+(\1)(?![\w’'-])", re.I)
ALLOWED = frozenset(
    {"that", "had", "bye", "ha", "no", "yeah", "hey", "so", "very", "knock", "tut", "now", "chop", "bora", "walla", "pago", "mahi"}
)

# "It takes longer than it used to to heat": the first "to" closes a semi-modal whose verb was left out, and
# the second opens an infinitive. English grammar's closed class of such verbs, not phrases from articles.
SEMI_MODAL_RE = re.compile(
    r"\b(?:used|have|has|had|having|want|wants|wanted|need|needs|needed|going|got|ought|able|unable|supposed|"
    r"tend|tends|tended|seem|seems|seemed|like|likes|liked|love|loves|prefer|try|tries|tried|meant|allowed)\s+$",
    re.I,
)


def _has_adjacent_pair(words: tuple[str, ...]) -> bool:
    """Any word twice in a row in the block's normalised words (a fast test before the regex).

    ``operator.eq``, a plain C function, compares a pair in a third of the instructions of the slot wrapper ``str.__eq__``.
    """
    return any(map(eq, words, words[1:]))


class RepeatedWord(Rule):
    """'the the': a doubled word left by editing or generation."""

    code = "AL903"
    name = "repeated-word"
    category = "typography"
    symptom_of = frozenset({"keyword-stuffing", "placeholder", "boilerplate"})
    severity = "warning"
    summary = "The same word twice in a row ('the the')."
    rationale = "A doubled word is almost always an editing slip. Legitimate doubles ('had had', 'that that', 'used to to') are allowed."
    bad = "Click the the button to start."
    good = "Click the button to start. What he had had was enough. It takes longer than it used to to heat up."

    def check(self, doc):
        for b in doc.blocks:
            if b.kind == "code" or not _has_adjacent_pair(b.norm_words):
                continue
            for m in REPEAT_RE.finditer(b.text):
                word = m.group(1)
                if word.lower() in ALLOWED or (word[0].isupper() and m.group(2)[0].isupper() and m.start() > 0):
                    continue  # names such as "Duran Duran"
                if word.lower() == "to" and SEMI_MODAL_RE.search(b.text, max(0, m.start() - 12), m.start()):
                    continue
                yield self.hit(f"Repeated word '{word} {m.group(2)}'.", b, m.start(), m.end(), fix=((m.end(1), m.end(), ""),))
