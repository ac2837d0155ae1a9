"""What an article is about: one topic model per document, computed once and shared by the rules.

- the keyphrase and where it came from: ``option`` (``--keyword``) > ``front-matter`` (front matter or
  HTML meta keywords) > ``title`` (the head of the title or H1) > ``file-name`` (the URL slug or file
  name) > ``query-lines`` (the same raw search term pasted as several lines);
- the key terms: content words weighted by where they occur (title, headings, lead, body) and by how
  rare they are in English (``common_en.txt``, derived from wordfreq), so "mortgage" outweighs "time";
- the template labels: a heading or short label line repeated under several sections ("Why it's a
  mistake" under every item). A label is page structure, never the keyphrase nor a search query.
"""

from __future__ import annotations

import heapq
import re
import weakref
from collections import Counter

from artlint import text as textutil
from artlint.lazy import cached_property

# Words a search box gets and prose seldom does: price, ranking and format qualifiers, a year.
QUERY_MODIFIERS = frozenset(
    "best cheap cheapest free top review reviews vs near online pdf tips ideas price prices cost buy deal deals "
    "discount coupon beginners".split()
) | frozenset(str(y) for y in range(1990, 2040))
QUERY_MODIFIER_RE = re.compile(r"^(?:" + "|".join(sorted(QUERY_MODIFIERS)) + r")$")
# Where the head of a title ends: "Winter Bike Commuting: How to Keep Riding" -> "Winter Bike Commuting".
_TITLE_HEAD_RE = re.compile(r"\s*(?:[:|?!(]|\s[–—-]\s|\.\s)")
_SLUG_NOISE_RE = re.compile(r"^(?:[a-z]{0,4}\d+[a-z]?|index|post|article|draft)$")  # "d13", "tpa04", "2025"
# Sources whose keyphrase is known, not guessed from the title: density and exact-phrase rules use only these.
CONFIDENT_SOURCES = frozenset({"option", "front-matter", "query-lines"})

# Weights of a content word by where it stands: the title says most about the topic, the body least.
_WEIGHT_TITLE, _WEIGHT_HEADING, _WEIGHT_LEAD, _WEIGHT_BODY = 4.0, 2.0, 1.5, 1.0
_KEY_TERMS = 15  # how many top terms make the article's key terms (about one per 100 words of a typical post)

# A change of frame that marks an aside about something else rather than the article's subject: news time
# ("last weekend", "on Saturday", "this week"; not "the last week" of a plan), a completed event ("recently";
# not "finally", an ordinary adverb of any story: "has finally met someone" raised false alarms), or the
# writer's own life ("my sister", "our town", "my phone contract"). These are general English deixis, not topics or phrases from articles; alone they mean nothing (anecdotes use them too), so
# the off-topic rules count them only in a passage that is already lexically isolated from the rest.
# They are found with set tests on each block's cached words and substring searches, not a regex scan: a
# case-insensitive alternation tried at every character cost 1.1 G instructions per 100 bench articles.
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_SHIFT_ALONE = frozenset("yesterday tonight recently".split())
_DEICTIC = ("this", "last", "next")
_TIMES = frozenset("week weekend month year spring summer autumn winter morning night".split()) | _DAYS
_POSSESSIVE = ("my", "our")
_PERSONAL = frozenset(
    "sister brother wife husband partner mum mom mother dad father son daughter kids children family friend friends "
    "neighbour neighbor neighbours neighbors editor town village street landlord phone car bathroom garden holiday "
    "commute".split()
)
FRAME_WORDS = _SHIFT_ALONE | _TIMES | _PERSONAL  # every frame shift holds one of these
_SHIFT_KINDS = frozenset({"paragraph", "list_item", "quote"})


def _phrases(runs) -> list[tuple[str, bool]]:
    """The frame-shift phrases a block's word set allows, each with whether "the"/"of" before it cancels it."""
    out = [(w, False) for w in runs & _SHIFT_ALONE]
    for day in runs & _DAYS:
        out += [(f"on {day}", False), (f"{day}'s", False), (f"{day}’s", False)]
    if not runs.isdisjoint(_DEICTIC):
        out += [(f"{d} {t}", True) for t in runs & _TIMES for d in _DEICTIC if d in runs]
    if not runs.isdisjoint(_POSSESSIVE):
        for n in runs & _PERSONAL:
            for p in _POSSESSIVE:
                if p in runs:
                    out += [(f"{p} {n}", False), (f"{p} own {n}", False)]
    return out


def frame_shifts_in(block) -> list[tuple[int, int]]:
    """Sorted (start, end) offsets in ``block.text`` of its frame-shift phrases (see above)."""
    runs = block.alnum_runs
    if runs.isdisjoint(FRAME_WORDS):
        return []
    phrases = _phrases(runs)
    if not phrases:
        return []
    text = block.lower
    if len(text) != len(block.text):  # lower-casing changed the length (rare letters): offsets would drift
        return []
    out = []
    for phrase, cancelled_by_article in phrases:
        i = text.find(phrase)
        while i >= 0:
            end = i + len(phrase)
            if (
                (i == 0 or not text[i - 1].isalnum())
                and (end == len(text) or not text[end].isalnum())
                and not (cancelled_by_article and text.endswith(("the ", "of "), 0, i))
            ):
                out.append((i, end))
            i = text.find(phrase, end)
    return sorted(out)


def frame_shift(doc, block) -> str | None:
    """The first frame-shift phrase in a prose block of ``doc`` as written, or None (found once per document)."""
    spans = doc.topic.frame_shifts.get(block.index)
    return block.text[spans[0][0] : spans[0][1]] if spans else None


def template_labels(blocks) -> frozenset[str]:
    """Normalised texts of the labels a template repeats under several sections.

    A label is a heading, or a short line with no end punctuation that introduces the block after it,
    that occurs at least twice under different parent sections (a stray search query repeated at the
    end of sections introduces nothing: the next block is a heading).
    """
    seen: dict[str, list[tuple[int | None, bool]]] = {}
    for i, b in enumerate(blocks):
        if b.kind not in ("heading", "paragraph") or len(b.tokens) > 8 or not b.tokens or b.text[-1:] in ".!?":
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "heading":
            where, labels_next = b.parent, nxt is not None
        else:
            where, labels_next = b.section, nxt is not None and nxt.kind != "heading"
        seen.setdefault(b.norm, []).append((where, labels_next))
    out = set()
    for norm, uses in seen.items():
        if len(uses) >= 2 and len({w for w, _ in uses}) >= 2 and all(ok for _, ok in uses):
            out.add(norm)
    return frozenset(out)


def title_head(title: str) -> str | None:
    """The head of a title as a lower-case phrase of 2-12 words ("How to Learn Piano as an Adult: ..." -> its first part)."""
    head = _TITLE_HEAD_RE.split(title.strip(), maxsplit=1)[0]
    words = textutil.words(head)
    if not 2 <= len(words) <= 12 or "›" in title or "»" in title:
        return None
    return textutil.normalise_words(words)


def slug_phrase(path: str) -> str | None:
    """The file name (or the last part of a URL) as words: "d13_ebike-battery-care.html" -> "ebike battery care"."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    name = name.split("?", 1)[0].rsplit(".", 1)[0] if "." in name else name
    words = [w for w in re.split(r"[\W_]+", name.lower()) if w]
    while words and _SLUG_NOISE_RE.match(words[0]):
        words.pop(0)
    return " ".join(words) if len(words) >= 2 and sum(1 for w in words if not w.isdigit()) >= 2 else None


def stem_twins(stem: str) -> tuple[str, ...]:
    """Other stems of the same word that ``text.stem`` can produce: "filed" and "filing" stay whole (too short to
    strip) while "files" gives "fil" and "file" stays "file"; "pens" keeps its "s". Rules use them only for a
    word that would otherwise count as new to the article."""
    twins = [stem[:-1]] if stem.endswith("e") else [stem + "e"]
    if len(stem) <= 6:
        if stem.endswith("s"):
            twins.append(stem[:-1])
        elif stem.endswith("ed"):
            twins += [stem[:-1], stem[:-2]]
        elif stem.endswith("ing"):
            twins += [stem[:-3] + "e", stem[:-3]]
        else:
            twins.append(stem + "s")
    return tuple(twins)


class Topic:
    """The topic model of one document. The keyphrase is settled at once; terms and labels on first use."""

    def __init__(self, doc):
        self._doc = weakref.ref(doc)  # the document holds its topic: no reference cycle, freed as soon as it is done
        phrase, source = doc.keyphrase, doc.keyphrase_source
        if source == "inferred":  # the query-lines guess comes last in the order of provenance
            phrase, source = None, None
        h1 = next((b for b in doc.headings if b.level == 1 and b.index != doc.title_block), None)
        self.h1 = h1
        if not phrase:
            for t in (doc.title, h1.text if h1 else None):
                head = title_head(t) if t else None
                if head:
                    phrase, source = head, "title"
                    break
        if not phrase:
            phrase = slug_phrase(doc.path)
            source = "file-name" if phrase else None
        if not phrase and doc.keyphrase:
            phrase, source = doc.keyphrase, "query-lines"
        self.keyphrase: str | None = phrase
        self.keyphrase_source: str | None = source  # option | front-matter | title | file-name | query-lines

    @property
    def doc(self):
        return self._doc()

    @property
    def confident(self) -> bool:
        """True when the keyphrase was given or pasted (not guessed from a title or a file name)."""
        return self.keyphrase_source in CONFIDENT_SOURCES

    @cached_property
    def labels(self) -> frozenset[str]:
        """Normalised template labels (see :func:`template_labels`)."""
        return template_labels(self.doc.blocks)

    @cached_property
    def frame_shifts(self) -> dict[int, list[tuple[int, int]]]:
        """Block index -> (start, end) of the frame-shift phrases of each prose block that has one."""
        doc = self.doc
        runs = doc.alnum_runs
        # the frame words this article can use (times only after this/last/next, people only after my/our):
        # usually a handful, so the test per block below is a few lookups
        usable = (runs & _SHIFT_ALONE) | (runs & _DAYS)
        if not runs.isdisjoint(_DEICTIC):
            usable |= runs & _TIMES
        if not runs.isdisjoint(_POSSESSIVE):
            usable |= runs & _PERSONAL
        if not usable:
            return {}
        out = {}
        for b in doc.blocks:
            if b.kind in _SHIFT_KINDS and not usable.isdisjoint(b.alnum_runs):
                spans = frame_shifts_in(b)
                if spans:
                    out[b.index] = spans
        return out

    @cached_property
    def title_terms(self) -> frozenset[str]:
        """Content stems of the title, the H1 and the keyphrase."""
        doc = self.doc
        out = set(textutil.content_words(doc.title or ""))
        if self.h1 is not None:
            out.update(textutil.content_words(self.h1.text))
        if self.keyphrase:
            out.update(textutil.content_words(self.keyphrase))
        return frozenset(out)

    @cached_property
    def terms(self) -> dict[str, float]:
        """Content stem -> weight: rarity in English x (blocks using it + extra for the title, headings and lead)."""
        doc = self.doc
        voc = doc.vocabulary
        placed: Counter = Counter(voc.doc_freq)  # body: one per block that uses the word
        for s in self.title_terms:
            placed[s] += _WEIGHT_TITLE
        lead = 0
        for b in doc.blocks:
            if b.kind == "heading" and b.index != doc.title_block:
                if b.norm in self.labels:  # a template label says nothing about the subject
                    for s in voc.block_terms.get(b.index, ()):
                        placed[s] -= _WEIGHT_BODY
                    continue
                for s in voc.block_terms.get(b.index, ()):
                    placed[s] += _WEIGHT_HEADING - _WEIGHT_BODY
            elif b.kind == "paragraph" and lead < 2:
                lead += 1
                for s in voc.block_terms.get(b.index, ()):
                    placed[s] += _WEIGHT_LEAD - _WEIGHT_BODY
        rarity = textutil.RARITY.__getitem__
        return {s: n * rarity(s) for s, n in placed.items()}

    @cached_property
    def key_terms(self) -> frozenset[str]:
        """The article's top terms by weight."""
        terms = self.terms
        return frozenset(heapq.nlargest(_KEY_TERMS, terms, key=terms.__getitem__))

    def overlap(self, stems, doc_freq=None, own=()) -> int:
        """How many of the stems are topic terms (title terms count double).

        With ``doc_freq`` (the document's block counts) and ``own`` (the stems of the block being judged), a key
        term counts only if another block uses it: a pasted line must not make itself the topic.
        """
        title, key = self.title_terms, self.key_terms
        n = 0
        for s in stems:
            if s in title:
                n += 2
            elif s in key and (doc_freq is None or doc_freq[s] > (1 if s in own else 0)):
                n += 1
        return n
