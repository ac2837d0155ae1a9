import re
from functools import cache
from importlib import resources

from artlint.rule import Rule
from artlint.text import common_rank, stopwords

LOWER_WORD_RE = re.compile(r"(?<![\w’'])[a-z]{4,}(?![\w’'])")  # the word list has no word under four letters
# A token that is a URL, a path, a file name, a handle or a slug: its words are not prose.
NOT_PROSE_RE = re.compile(r"://|www\.|[@#/\\_=<>]|\w\.\w|-\w+-")
# The name runs on into a capitalised function word with no full stop between ("... against south africa This
# win"): a lower-case headline or search term spliced into the prose, which the off-topic rules report.
SPLICE_RE = re.compile(r" ([A-Z][a-z]*)\b")
TERM_SEPARATORS_RE = re.compile(r"[,;|]")


@cache
def _names() -> str:
    """Each word English writes only with a capital, as written, one per line (the file's comment lines cut off).

    Built by tools/build_proper_nouns.py from SCOWL's case-preserving word lists and GeoNames places.
    """
    data = resources.files("artlint.data").joinpath("proper_nouns_en.txt").read_text(encoding="utf-8")
    start = 0
    while data.startswith("#", start):  # the licence comment heads the file
        start = data.index("\n", start) + 1
    return data[start:].strip("\n")


@cache
def proper_nouns() -> dict[str, str]:
    """Lower-case form -> the capitalised form (built at the first finding: most articles have none)."""
    return {w.lower(): w for w in _names().split("\n")}


@cache
def lower_proper_nouns() -> frozenset[str]:
    """The lower-case forms, as a set: a block's words are tested against it in one set operation."""
    return frozenset(_names().lower().split("\n"))  # string methods over the whole list: no loop in Python


class LowercaseProperNoun(Rule):
    """'shopping in ireland', 'flying in january': a name written without its capital."""

    code = "AL906"
    name = "lowercase-proper-noun"
    category = "typography"
    severity = "warning"
    summary = "A proper noun (a place, month, weekday, nationality, language, person or brand) written in lower case."
    rationale = (
        "Names lose their capitals when text is lower-cased by a tool or typed in a hurry. artlint ships "
        "a list of words that English dictionaries only list capitalised (SCOWL word lists, GeoNames "
        "places); a word that also has a lower-case sense ('china', 'turkey', 'may', 'bath', 'reading') "
        "is not on it. URLs, file names, handles, code, quotations and text written all in lower case "
        "are left alone."
    )
    bad = "We spent a week in portugal last january."
    good = "We spent a week in Portugal last January; see lisbon-guide.html or @portugal_trips. Fine china may break."

    def check(self, doc):
        lower_forms = lower_proper_nouns()
        keyphrase = set((doc.keyphrase or "").lower().split())  # a pasted keyphrase is keyword-stuffing's business
        for b in doc.blocks:
            if b.kind in ("code", "quote") or lower_forms.isdisjoint(b.tokens):
                continue
            text = b.text
            if text.lower() == text or _is_term_list(text):
                continue  # written all in lower case on purpose (a stylised heading), or a line of tags
            for m in LOWER_WORD_RE.finditer(text):
                word = m.group()
                if word not in lower_forms:
                    continue
                canonical = proper_nouns()[word]
                if word in keyphrase or any(word in link.lower() for link in b.links):
                    continue  # a pasted keyphrase; a name spelled as in the address it links to ("[khmer](…/khmer)")
                start, end = m.span()
                sentence = next((s.text for s in b.sentences if s.start <= start < s.end), text)
                if sentence.lower() == sentence or not _is_english(sentence):
                    continue  # a lower-case fragment (a pasted search term) or a foreign passage (lorem ipsum)
                token_start = text.rfind(" ", 0, start) + 1
                token_end = text.find(" ", end)
                token = text[token_start : token_end if token_end >= 0 else len(text)]
                if NOT_PROSE_RE.search(token) or _in_quotes(text, start):
                    continue
                splice = SPLICE_RE.match(text, end)
                if splice and splice.group(1).lower() in stopwords():
                    continue
                yield self.hit(f"'{word}' is a proper noun: write '{canonical}'.", b, start, end)


def _in_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` sits inside a quotation ("..." or “...”) of the block."""
    before = text[:pos]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def _is_term_list(text: str) -> bool:
    """'porto, portugal, city break, wine': three or more short items between separators, no full stop."""
    items = TERM_SEPARATORS_RE.split(text.rstrip(" ."))
    return len(items) >= 3 and all(len(i.split()) <= 4 for i in items)


def _is_english(sentence: str) -> bool:
    """At least half of the sentence's longer lower-case words are among the 12,000 commonest English words."""
    rank = common_rank()
    found = LOWER_WORD_RE.findall(sentence)
    return sum(w in rank for w in found) * 2 >= len(found)
