import re

from artlint import text as textutil
from artlint.document import Block, Segment
from artlint.rule import Rule
from artlint.rules._keyphrase import phrase_regex
from artlint.rules._query import (
    INVERTED_QUESTION_RE,
    QUERY_MODIFIERS,
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
    last = text.rsplit(None, 1)[-1][:1]
    if not (last.islower() or last.isdigit()):
        return None  # a query tail runs to the end of the heading in lower case
    seps = list(_TAIL_SEP_RE.finditer(text)) if any(c in text for c in ",|–—-") else ()
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
    if title_case_doc is None:
        title_case_doc = _title_case_headings(doc)
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
        words = [w for w in h.text.split(None, 4) if w[:1].isalpha()]
        if len(words) >= 3:
            votes.append(is_title_case(words[:3]))
    return len(votes) >= 2 and sum(votes) >= 0.6 * len(votes)


# Image alt text in the source: HTML alt attributes and Markdown ![alt](src).
_ALT_RE = re.compile(r"""<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')|!\[([^\]\n]{8,200})\]\(""", re.I)


def _alt_texts(doc):
    """Blocks (outside ``doc.blocks``) for the alt texts of the article's images, placed at their source offsets."""
    if not doc.blocks or ("<img" not in doc.source and "![" not in doc.source):
        return
    lo, hi = doc.blocks[0].start, len(doc.source)
    if doc.format == "html":  # a page's images outside its <article> are site chrome
        close = doc.source.find("</article>", doc.blocks[-1].end)
        hi = close if close >= 0 else hi
    for m in _ALT_RE.finditer(doc.source, lo, hi):
        k = next(i for i in (1, 2, 3) if m.group(i) is not None)
        alt, start = m.group(k), m.start(k)
        if alt:
            yield Block(-1, "alt", alt, start, start + len(alt), (Segment(0, start, len(alt)),))


# Words that give a sentence its grammar: a sentence with none of them and a query modifier is a pasted query.
_GRAMMAR_WORDS = frozenset(
    "the a an this that these those my your our their his her its it you we they i he she there each every some any "
    "is are was were be been has have had do does did can will would should must may might".split()
)


def _query_sentences(doc, block):
    """(start, end, query) of search queries pasted as, or at the start of, a sentence after the block's first.

    Lower-case sentence starts anywhere; a capitalised sentence with no grammar words only as the last sentence.
    """
    has_modifier = not QUERY_MODIFIERS.isdisjoint(block.alnum_runs)
    last = len(block.sentences) - 1
    for k, s in enumerate(block.sentences):
        first = s.text[:1]
        # a capitalised query sentence is looked for at the paragraph's end, where it gets pasted
        if k == 0 or not (first.islower() or has_modifier and k == last and first.isupper()):
            continue
        words = s.text.split()
        if first.islower():
            body = s.text.rstrip()
            if is_query_text(body) and on_topic(doc, words, block):  # a lower-case fragment: the whole sentence
                yield s.start, s.start + len(body), body
                continue
            if not has_modifier:
                continue
            # "best way how to clean wood stove chimney yourself cheap sweep kit near me is to buy...": a query glued
            # on as the sentence's start; it runs to its last modifier
            mods = [i for i, w in enumerate(words[:16]) if w.lower().strip(",") in QUERY_MODIFIERS]
            if mods and mods[0] <= 3 and on_topic(doc, words[: mods[-1] + 1], block):
                end = mods[-1] + 1
                if end < len(words) and words[end].lower() == "me":  # "near me"
                    end += 1
                query = " ".join(words[:end])
                yield s.start, s.start + len(query), query
            continue
        if len(words) < 6:
            continue
        lower = [w.lower().strip(".,!?;:") for w in words]
        if QUERY_MODIFIERS.isdisjoint(lower) or not _GRAMMAR_WORDS.isdisjoint(lower):
            continue
        if sum(1 for w in lower if w in textutil.stopwords()) <= 0.2 * len(words) and on_topic(doc, words, block):
            body = s.text.rstrip()
            yield s.start, s.start + len(body), body.rstrip(".!")


def _phrase_uses(text: str, phrase: str):
    """(start, end) of the phrase's words in order in the text, with at most one small word between two
    ("chess openings for beginners" for "chess openings beginners"); compared in lower case."""
    want = phrase.split()
    spans = [(m.start(), m.end(), m.group().lower()) for m in _WORD_RE.finditer(text)]
    words = [w.strip(".,;:!?()\"'“”‘’") for _, _, w in spans]
    for i in range(len(words)):
        if words[i] != want[0]:
            continue
        j, ok = i, True
        for w in want[1:]:
            if j + 1 < len(words) and words[j + 1] == w:
                j += 1
            elif j + 2 < len(words) and words[j + 1] in _GAP_WORDS and words[j + 2] == w:
                j += 2
            else:
                ok = False
                break
        if ok:
            last = spans[j]
            yield spans[i][0], last[0] + len(text[last[0] : last[1]].rstrip(".,;:!?)\"'”’"))


_GAP_WORDS = frozenset("for to in of the a an and with on at".split())


def _pasted_in_sentence(block, phrase):
    """Lower-case uses of the target phrase glued into a sentence after a word it cannot follow.

    "Keeping accurate records small business bookkeeping basics from day one...": a noun phrase put
    straight after a plural noun or an adverb, with no determiner, preposition or verb before it.
    """
    text = block.text
    for m_start, m_end in _phrase_uses(text, phrase):
        used = text[m_start:m_end]
        if used != used.lower():
            continue
        before = text[:m_start].split()
        if len(before) < 2 or before[-1][-1:] in '.,;:!?)"”':
            continue
        prev, prev2 = before[-1].lower(), before[-2].lower()
        if not prev.isalpha() or prev in textutil.stopwords() or prev in SMALL_WORDS or prev2 in _VERB_BEFORE:
            continue
        end = m_end
        after = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        modifier = after is not None and has_query_modifier([after.group().strip(".,;:")])
        if modifier:
            end = after.start() + len(after.group().rstrip(".,;:"))
        if modifier or prev.endswith("ly") or (prev.endswith("s") and not prev.endswith("ss")):
            yield m_start, end


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
        kp = doc.keyphrase  # lines holding it: stray-keyword-line and keyword-pasted report them
        title_case_doc = None
        found: dict[str, int] = {}
        flagged: set[int] = set()
        for b in doc.blocks:
            if b.index == doc.title_block or b.kind not in ("paragraph", "heading") or b.links:
                continue
            if kp and (b.norm == kp or kp in b.norm and doc.keyphrase_source == "inferred"):
                continue
            if b.text[:1].islower() and is_query_line(doc, b):
                norm = b.norm
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
            last = b.text.rstrip()[-1:]
            if not (last.islower() or last.isdigit()):
                continue  # no lower-case tail
            if title_case_doc is None and not any(c in b.text for c in ",|–—-"):
                title_case_doc = _title_case_headings(doc)
            tail = _heading_tail(doc, b, title_case_doc)
            if tail:
                start, query = tail
                flagged.add(b.index)
                found.setdefault(textutil.normalise(query), 0)
                yield self.hit(f"Search query '{query}' appended to the heading: it reads fine without it.", b, start, len(b.text.rstrip()))
        for alt in _alt_texts(doc):  # alt text: a search query there needs a modifier (descriptions can be lower case)
            words = alt.text.split()
            if is_query_text(alt.text.strip()) and has_query_modifier(words) and words[0] not in _GRAMMAR_WORDS:
                if on_topic(doc, words):
                    found.setdefault(alt.norm, 0)
                    yield self.hit(f"Search query '{alt.text.strip()}' used as an image's alt text.", alt)
        # further uses of a query found above, and the target phrase pasted into sentences
        repeats = [q for q in found if len(q.split()) >= 3]
        rxs = [(q, phrase_regex(q)) for q in repeats]
        phrase = doc.topic.keyphrase if doc.topic.keyphrase_source != "query-lines" else None
        phrase_words = phrase.split() if phrase else ()
        for b in doc.blocks:
            if b.index in flagged or b.index == doc.title_block or b.kind not in ("paragraph", "list_item", "quote"):
                continue
            hit_here = False
            if len(b.sentences) > 1 and (b.text.find(". ") > 0 or "?" in b.text or "!" in b.text):
                for start, end, query in _query_sentences(doc, b):
                    hit_here = True
                    yield self.hit(f"Search query '{query}' pasted into the paragraph as a sentence of its own.", b, start, end)
            for q, rx in rxs if not hit_here else ():
                for m in rx.finditer(b.text):
                    hit_here = True
                    yield self.hit(f"Search query '{q}' used again in the text.", b, m.start(), m.end())
            if hit_here or len(phrase_words) < 3 or phrase_words[0] not in b.lower or not all(w in b.lower for w in phrase_words):
                continue
            for start, end in _pasted_in_sentence(b, phrase):
                yield self.hit(
                    f"Search query '{b.text[start:end]}' pasted into the sentence: the sentence reads fine without it.",
                    b,
                    start,
                    end,
                )
