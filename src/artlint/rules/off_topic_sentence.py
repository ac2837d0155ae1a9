from collections import Counter

from artlint import text as textutil
from artlint.rule import Rule
from artlint.rules.off_topic_passage import AUTHOR_NOTE_RE, shared_fraction

_PROSE = ("paragraph", "list_item")  # quotations are someone else's words: never judged


def _share(terms: Counter, pool) -> float:
    """Rarity-weighted share of ``terms`` found in ``pool`` (a set or a Counter of stems)."""
    rarity = textutil.RARITY.__getitem__
    den = num = 0.0
    for w, n in terms.items():
        r = rarity(w) * n
        den += r
        if w in pool:
            num += r
    return num / den if den else 1.0


class _InOtherBlocks:
    """``stem in pool`` is true when a stem of a block also occurs in another block."""

    __slots__ = ("doc_freq",)

    def __init__(self, doc_freq):
        self.doc_freq = doc_freq

    def __contains__(self, stem) -> bool:
        return self.doc_freq[stem] > 1


class OffTopicSentence(Rule):
    """One or two sentences about something else, slipped into an on-topic paragraph."""

    code = "AL305"
    name = "off-topic-sentence"
    category = "off-topic"
    severity = "warning"
    # From the dev sets (devset, tuned, dev_r6, tests/articles, newarts7/dev, four articles of our own): inserted
    # sentences share 0-6% of their rarity-weighted key words with the rest of the article, and no on-topic
    # sentence with a frame shift shares that little; weight >= 2.8 (about three rare words) keeps short
    # sentences, whose share says little, out; <= 10% shared with the sentences either side and >= 15% of the
    # rest of the paragraph shared with other blocks: the insertion interrupts an on-topic paragraph.
    options = {"max_shared": 0.06, "max_neighbour": 0.1, "min_weight": 2.8, "min_rest_shared": 0.15}
    summary = "A sentence inside an on-topic paragraph that switches to an unrelated subject (news, the writer's errands, a promotion)."
    rationale = (
        "Spun and padded articles drop single sentences about other things into real paragraphs ('Our town "
        "also opened a new climbing wall last month'). artlint flags a sentence when almost none of its key "
        "words (weighted by rarity in English) occur elsewhere in the article or in the sentences around it, "
        "while the rest of its paragraph is on topic, and it switches frame: news time ('last "
        "weekend', 'on Saturday') or the writer's own life ('my sister'). Anecdotes that use the article's "
        "words stay quiet."
    )
    bad = (
        "How to Clean a Fountain Pen\n\n"
        "A fountain pen needs cleaning now and then, because dried ink clogs the feed and the nib starts to skip.\n\n"
        "Unscrew the barrel and remove the cartridge or converter. Hold the section under cool running water until the ink runs clear.\n\n"
        "Flush the converter with clean water several times, then blot the nib with a paper towel. "
        "My neighbour finally sold his caravan last weekend after months of adverts on the village noticeboard. "
        "Let the pen dry for a few hours before you refill it with ink.\n\n"
        "Clean the pen whenever you change ink colour, and every month if you write with it daily.\n\n"
        "Store the pen capped and away from sunlight, so the ink in the feed does not dry out.\n"
    )
    good = (
        "How to Clean a Fountain Pen\n\n"
        "A fountain pen needs cleaning now and then, because dried ink clogs the feed and the nib starts to skip.\n\n"
        "Unscrew the barrel and remove the cartridge or converter. Hold the section under cool running water until the ink runs clear.\n\n"
        "Flush the converter with clean water several times, then blot the nib with a paper towel. "
        "My grandfather, who sold pens for forty years, finally showed me this trick last winter: a night in water revives most clogged nibs. "
        "Let the pen dry for a few hours before you refill it with ink.\n\n"
        "Clean the pen whenever you change ink colour, and every month if you write with it daily.\n\n"
        "Store the pen capped and away from sunlight, so the ink in the feed does not dry out.\n"
    )
    example_format = "text"

    def check(self, doc):
        shifts = doc.topic.frame_shifts
        if not shifts:
            return  # no frame shift anywhere (most articles): nothing to read
        voc = doc.vocabulary
        opts = self.opts
        blocks = doc.blocks
        prose = None  # the article's prose blocks, listed only once a sentence is a candidate
        for index, spans in shifts.items():
            b = blocks[index]
            if b.kind not in _PROSE or index == doc.title_block:
                continue
            sents = b.sentences
            if len(sents) < 2 or AUTHOR_NOTE_RE.match(b.text):
                continue  # a one-sentence block is judged whole by AL301
            done = -1
            for cue_start, cue_end in spans:
                i = next(j for j, s in enumerate(sents) if cue_start < s.end or j == len(sents) - 1)
                s = sents[i]
                if i == done or s.text[:1] in "\"“‘'":
                    continue
                done = i
                frac, weight = shared_fraction(doc, b, s.text, give_up_above=opts["max_shared"])
                if weight < opts["min_weight"] or frac > opts["max_shared"]:
                    continue
                if prose is None:
                    prose = [x.index for x in blocks if x.kind in _PROSE and x.index != doc.title_block]
                if len(prose) < 4:
                    return
                k = prose.index(index)
                # coherence: it interrupts a text (there is one on both sides) and shares (almost) nothing with either side
                own = Counter(textutil.content_words(s.text))
                before = Counter(textutil.content_words(sents[i - 1].text)) if i else (voc.block_terms.get(prose[k - 1], {}) if k else {})
                after = (
                    Counter(textutil.content_words(sents[i + 1].text))
                    if i + 1 < len(sents)
                    else (voc.block_terms.get(prose[k + 1], {}) if k + 1 < len(prose) else {})
                )
                if not before or not after or _share(own, before.keys() | after.keys()) > opts["max_neighbour"]:
                    continue
                # ... while the rest of its paragraph is on topic (a paragraph off topic as a whole is AL301's)
                rest = voc.block_terms.get(b.index, Counter()) - own
                if _share(rest, _InOtherBlocks(voc.doc_freq)) < opts["min_rest_shared"]:
                    continue
                yield self.hit(
                    f"Sentence off the article's subject: it shares {frac:.0%} of its key words with the rest of the "
                    f"article and none with the sentences around it, and switches frame ('{b.text[cue_start:cue_end]}').",
                    b,
                    s.start,
                    s.end,
                )
