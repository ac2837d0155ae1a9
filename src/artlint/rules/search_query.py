import re

from artlint import text as textutil
from artlint.rule import Rule
from artlint.rules._keyphrase import phrase_regex
from artlint.rules._query import (
    INVERTED_QUESTION_RE,
    SMALL_WORDS,
    has_query_modifier,
    is_query_line,
    is_query_text,
    is_title_case,
    on_topic,
)

_TAIL_SEP_RE = re.compile(r"\s+[|–—-]\s+|,\s+|\s+\|\s*")
_WORD_RE = re.compile(r"\S+")
_VERB_BEFORE = frozenset("to can could will would should must may might cannot".split())


def _heading_tail(doc, block, title_case_doc):
    """(start, tail) of a search query appended to a heading, or None: the heading reads fine without it."""
    text = block.text.rstrip()
    seps = list(_TAIL_SEP_RE.finditer(text))
    if seps:
        sep = seps[-1]
        head, tail = text[: sep.start()], text[sep.end() :]
        head_words = head.split()
        if (
            len(head_words) >= 2
            and is_query_text(tail, 12)
            and on_topic(doc, tail.split(), block)
            and (is_title_case(head_words) or has_query_modifier(tail.split()))
        ):
            return sep.end(), tail
    if not title_case_doc:
        return None
    # no separator: a Title Case heading that turns into a lower-case run of content words to its end
    spans = [(m.start(), m.group()) for m in _WORD_RE.finditer(text)]
    i = len(spans)
    while i > 0 and (spans[i - 1][1][:1].islower() or spans[i - 1][1][:1].isdigit()):
        i -= 1
    head = [w for _, w in spans[:i]]
    tail = [w for _, w in spans[i:]]
    if len(tail) < 3 or sum(1 for w in tail if w.lower() not in SMALL_WORDS) < 2 or not is_title_case(head):
        return None
    tail_text = text[spans[i][0] :]
    if is_query_text(tail_text, 12) and on_topic(doc, tail, block):
        return spans[i][0], tail_text
    return None


def _title_case_headings(doc) -> bool:
    """True when most of the article's multi-word headings start in Title Case (so a lower-case run stands out).

    A heading votes by its first three words, before any tail pasted onto it.
    """
    votes = []
    for h in doc.headings:
        words = [w for w in h.text.split() if w[:1].isalpha()]
        if len(words) >= 3:
            votes.append(is_title_case(words[:3]))
    return len(votes) >= 2 and sum(votes) >= 0.6 * len(votes)


def _pasted_in_sentence(doc, block, phrase):
    """Lower-case uses of the target phrase glued into a sentence after a word it cannot follow.

    "Keeping accurate records small business bookkeeping basics from day one...": a noun phrase put
    straight after a plural noun or an adverb, with no determiner, preposition or verb before it.
    """
    words = phrase.split()
    gap = r"(?:\s+(?:for|to|in|of|the|a|an|and|with|on|at))?\s+"
    rx = re.compile(r"(?<![\w-])" + gap.join(re.escape(w) for w in words) + r"(?![\w-])")
    text = block.text
    for m in rx.finditer(text):
        if m.group() != m.group().lower():
            continue
        before = text[: m.start()].split()
        if len(before) < 2 or before[-1][-1:] in '.,;:!?)"”':
            continue
        prev, prev2 = before[-1].lower(), before[-2].lower()
        if not prev.isalpha() or prev in textutil.stopwords() or prev in SMALL_WORDS or prev2 in _VERB_BEFORE:
            continue
        end = m.end()
        after = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        modifier = after is not None and has_query_modifier([after.group().strip(".,;:")])
        if modifier:
            end = after.start() + len(after.group().rstrip(".,;:"))
        if modifier or prev.endswith("ly") or (prev.endswith("s") and not prev.endswith("ss")):
            yield m.start(), end


class SearchQueryPasted(Rule):
    """The search query an article targets, pasted where a reader meets it: a line, a heading's tail, a caption, a sentence."""

    code = "AL704"
    name = "search-query-pasted"
    category = "keyword-stuffing"
    severity = "warning"
    summary = (
        "A search query in search-box form (lower case, no punctuation, about the article's subject) standing as a line "
        "or caption, appended to a heading, or pasted into a sentence; then each further use of it."
    )
    rationale = (
        "SEO tools paste the raw query an article should rank for ('best winter bike tires 2025 cheap') where readers "
        "see it. It is on topic by construction, so it reads as keyword stuffing, not as a change of subject. The "
        "article's subject comes from its topic model (title, headings, key terms weighted by rarity)."
    )
    bad = (
        "# Winter Bike Tyres\n\nStudded tyres grip on ice.\n\n## Choosing Studded Tyres best winter bike tyres cheap\n\n"
        "Count the studs before you buy.\n\nwinter bike tyres studded review 2025"
    )
    good = "# Winter Bike Tyres\n\nStudded tyres grip on ice.\n\n## Choosing Studded Tyres\n\nCount the studs before you buy."

    def check(self, doc):
        kp = doc.keyphrase if doc.keyphrase_source == "inferred" else None  # its lines: stray-keyword-line, keyword-pasted
        title_case_doc = None
        found: dict[str, int] = {}
        flagged: set[int] = set()
        for b in doc.blocks:
            if b.index == doc.title_block or b.kind not in ("paragraph", "heading") or b.links:
                continue
            norm = textutil.normalise(b.text)
            if kp and kp in norm:
                continue
            if is_query_line(doc, b):
                flagged.add(b.index)
                found.setdefault(norm, 0)
                found[norm] += 1
                where = "as a caption or line of its own" if b.kind == "paragraph" else "as a heading"
                if found[norm] > 1:
                    yield self.hit(f"Search query '{b.text.strip()}' repeated {where} (use {found[norm]}).", b)
                else:
                    yield self.hit(f"Search query '{b.text.strip()}' stands {where}: lower case, no sentence, the article's subject.", b)
                continue
            if b.kind != "heading":
                continue
            m = INVERTED_QUESTION_RE.search(b.text)
            if m and not b.text.rstrip().endswith("?") and on_topic(doc, b.tokens, b):
                flagged.add(b.index)
                yield self.hit(
                    f"Heading '{b.text.strip()}' is two search queries run together (a question with no question mark from "
                    f"'{m.group().split()[0]}').",
                    b,
                    m.start(),
                )
                continue
            if title_case_doc is None:
                title_case_doc = _title_case_headings(doc)
            tail = _heading_tail(doc, b, title_case_doc)
            if tail:
                start, query = tail
                flagged.add(b.index)
                found.setdefault(textutil.normalise(query), 0)
                yield self.hit(f"Search query '{query}' appended to the heading: it reads fine without it.", b, start, len(b.text.rstrip()))
        # further uses of a query found above, and the target phrase pasted into sentences
        repeats = [q for q in found if len(q.split()) >= 3]
        rxs = [(q, phrase_regex(q)) for q in repeats]
        phrase = doc.topic.keyphrase if doc.topic.keyphrase_source != "query-lines" else None
        for b in doc.blocks:
            if b.index in flagged or b.index == doc.title_block or b.kind not in ("paragraph", "list_item", "quote"):
                continue
            hit_here = False
            for q, rx in rxs:
                for m in rx.finditer(b.text):
                    hit_here = True
                    yield self.hit(f"Search query '{q}' used again in the text.", b, m.start(), m.end())
            if hit_here or not phrase or len(phrase.split()) < 3 or phrase.split()[0] not in b.alnum_runs:
                continue
            for start, end in _pasted_in_sentence(doc, b, phrase):
                yield self.hit(
                    f"Search query '{b.text[start:end]}' pasted into the sentence: the sentence reads fine without it.",
                    b,
                    start,
                    end,
                )
