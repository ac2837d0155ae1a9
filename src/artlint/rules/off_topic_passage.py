import re
from collections import Counter

from artlint import text as textutil
from artlint.rule import Rule
from artlint.topic import frame_shift

# "While the talks go on, it's worth noting that ...": the glue of an inserted passage, at a sentence start.
BRIDGE_RE = re.compile(
    r"(?:while|as|although|though|with)\b[^.!?]{4,200}?,\s*it(?:'s|’s| is)\s+(?:also\s+)?"
    r"(?:worth\s+(?:noting|considering|mentioning|looking|pointing)|interesting\s+to\s+(?:note|consider|see|look)|important\s+to\s+consider\s+the\s+broader)"
    r"|(?:in other news|on (?:a|an) (?:different|separate|unrelated|lighter|other|related) note|on another note|incidentally|by the way|switching gears|shifting gears|"
    r"changing (?:the )?subject|speaking of [^,.;]{2,40}(?=,)|meanwhile|elsewhere|separately|in unrelated news|"
    r"(?:on|while (?:we(?:'re|’re| are)|you(?:'re|’re| are)) on) the (?:topic|subject) of [^,.;]{2,40}(?=,))\b",
    re.I,
)
WEAK_BRIDGES = frozenset({"meanwhile", "elsewhere", "separately"})
_AFTER_STOP = re.compile(r"[.!?]\s+")
# Author notes and bios: about the writer, not the article's subject, and meant to be (AL301 stays quiet on them).
AUTHOR_NOTE_RE = re.compile(
    r"(?:about the (?:author|writer|contributor)s?|author(?:'s|’s)? (?:note|bio)|editor(?:'s|’s)? note|about me|"
    r"(?:written|reviewed) by)\b|(?-i:[A-Z][\w’'-]+(?: [A-Z][\w’'.-]+){1,2}) is an? [^.]{0,60}?\b(?:writer|journalist|editor|"
    r"author|blogger|reporter|contributor|columnist|photographer|critic|researcher)\b",
    re.I,
)


def find_bridge(text: str):
    """The first bridge at the start of the text or after a sentence's end mark (tried only there: fast)."""
    m = BRIDGE_RE.match(text)
    if m:
        return m
    for stop in _AFTER_STOP.finditer(text):
        m = BRIDGE_RE.match(text, stop.end())
        if m:
            return m
    return None


RETURN_RE = re.compile(
    r"^(?:so|now|anyway|but|and),?\s+(?:getting\s+)?back to\b|^(?:returning|coming back) to\b|^back to (?:the|our)\b", re.I
)


def shared_fraction(doc, block, text=None, give_up_above=None):
    """Share of a text's content words (weighted by rarity) used in other blocks (fully from three blocks on).

    ``text`` is a part of ``block`` (a sentence); without it, the whole block, from its cached term counts.
    With ``give_up_above``, it returns (1.0, weight so far) as soon as the share must exceed that value.
    """
    voc = doc.vocabulary
    own = voc.block_terms.get(block.index, {})
    terms = own if text is None else Counter(textutil.content_words(text))
    rarity = textutil.RARITY.__getitem__
    doc_freq = voc.doc_freq
    # the final weight is at most the number of words (rarity <= 1), so a larger shared part settles it
    cap = give_up_above * sum(terms.values()) if give_up_above is not None else float("inf")
    num = den = 0.0
    for w, n in terms.items():
        r = rarity(w) * n
        den += r
        others = doc_freq[w] - (1 if w in own else 0)
        if not others and len(w) <= 5:  # text.stem keeps short plurals: "pens" is "pen", "nibs" is "nib"
            twin = w[:-1] if w[-1] == "s" else w + "s"  # (not all of topic.stem_twins: bridged seeds sit at 50%)
            others = doc_freq[twin] - (1 if twin in own else 0)
        if others:
            num += r if others >= 3 else r * (others / 3)  # a word seen in one other block is weak evidence of the topic
            if num > cap:
                return 1.0, den
    return (num / den if den else 1.0), den


def novel_names(doc, text):
    """Capitalised words (not at a sentence start) that the rest of the article hardly uses: new people, places, brands."""
    voc = doc.vocabulary
    out = set()
    for m in re.finditer(r"(?<=[\w,;’'] )([A-Z][\w’'-]*)", text):
        word = m.group(1)
        if word.lower() in textutil.stopwords():
            continue
        if voc.doc_freq[textutil.stem(word)] <= 2:
            out.add(word)
    return out


class OffTopicPassage(Rule):
    """Passages about another subject, pasted in to pad or to plant links."""

    code = "AL301"
    name = "off-topic-passage"
    category = "off-topic"
    severity = "warning"
    # Unbridged paragraphs. Lexical isolation alone (<= 5% of rarity-weighted key words shared, 30+ words) also
    # picks on-topic paragraphs full of new names or technical words (tests/first_run/tuned, devset), so it is
    # reported as info; a frame shift (news time, the writer's life: topic.frame_shifts_in) makes a switch clear
    # enough for a shorter paragraph (10+ words, <= 8%, weight >= 4: on devset, tuned, dev_r6, tests/articles,
    # newarts7/dev and four articles of our own, all 8 paragraphs reported this way are real switches, and
    # none on the clean posts; anecdotes with a frame shift share the article's words and stay above 8%).
    options = {
        "bridge_max_shared": 0.5,
        "max_shared": 0.05,
        "min_weight": 10.0,
        "min_words": 30,
        "shifted_max_shared": 0.08,
        "shifted_min_weight": 4.0,
        "shifted_min_words": 10,
    }
    summary = "A paragraph or sentence about an unrelated subject, often glued on with a bridge sentence."
    rationale = (
        "Content farms splice unrelated paragraphs (sport into diplomacy, celebrity news into finance) into "
        "articles, glued on with a sentence that names the main topic ('While X is under way, it's worth "
        "noting...'). artlint scores each sentence by the share of its content words, weighted by how rare "
        "they are in English, that occur elsewhere in the article; the score is in the message."
    )
    bad = "Switching Your Mortgage to a Fixed Rate\n\nRising interest rates have pushed many homeowners to ask whether a fixed-rate mortgage is worth the arrangement fee.\n\nA fixed rate protects your monthly payment from further rate rises, but it usually starts higher than a tracker rate.\n\nLenders charge early repayment fees if you leave a fixed deal before its term ends, so check the exit terms.\n\nWhile mortgage rates remain high, it's worth noting that the football transfer window has also produced some surprises. Manchester United signed a Brazilian striker for a record fee, and supporters queued outside the stadium shop for new shirts.\n\nCompare the total cost of each mortgage deal over the fixed term, including fees, rather than the headline rate.\n\nSpeak to a mortgage broker if your income is irregular, because lenders assess self-employed borrowers differently.\n"
    good = "Switching Your Mortgage to a Fixed Rate\n\nRising interest rates have pushed many homeowners to ask whether a fixed-rate mortgage is worth the arrangement fee.\n\nA fixed rate protects your monthly payment from further rate rises, but it usually starts higher than a tracker rate.\n\nLenders charge early repayment fees if you leave a fixed deal before its term ends, so check the exit terms.\n\nWhile mortgage rates remain high, it's worth noting that some lenders still offer fee-free fixed deals to borrowers with a large deposit.\n\nCompare the total cost of each mortgage deal over the fixed term, including fees, rather than the headline rate.\n\nSpeak to a mortgage broker if your income is irregular, because lenders assess self-employed borrowers differently.\n"
    example_format = "text"

    def check(self, doc):
        blocks = [b for b in doc.blocks if b.kind in ("paragraph", "quote") and b.index != doc.title_block]
        if len(blocks) < 4:
            return
        previous_flagged = None
        for b in blocks:
            before = doc.blocks[b.index - 1] if b.index else None
            if AUTHOR_NOTE_RE.match(b.text) or (before is not None and before.words <= 6 and AUTHOR_NOTE_RE.match(before.text)):
                previous_flagged = None
                continue
            bridge = find_bridge(b.text)
            scored = []
            if bridge:  # sentence scores are only needed to confirm a bridged passage
                for s in b.sentences:
                    frac, weight = shared_fraction(doc, b, s.text)
                    if weight >= 3.0:
                        scored.append((frac, weight, s))
            if RETURN_RE.match(b.text) and previous_flagged is not None:
                yield self.hit("Bridge back to the topic after an off-topic passage.", b)
                continue
            if bridge and scored:
                frac, weight, s = min(scored, key=lambda t: t[0])
                names = novel_names(doc, b.text[bridge.end() :])
                # a bare "Meanwhile," or "Elsewhere," also opens asides on the subject: it needs a clearer switch
                weak = bridge.group().strip(" ,").lower() in WEAK_BRIDGES
                if frac <= self.opts["bridge_max_shared"] and (len(names) >= 2 or frac <= (0.1 if weak else 0.25)):
                    previous_flagged = b
                    start = bridge.start()
                    yield self.hit(
                        f"Off-topic passage glued on with a bridge ('{bridge.group().strip(' .!?')[:50]}…'); its most novel sentence "
                        f"shares {frac:.0%} of its key words with the rest of the article.",
                        b,
                        start,
                    )
                    continue
            if b.words < self.opts["shifted_min_words"] or b.links:
                previous_flagged = None
                continue
            shift = frame_shift(doc, b)
            if shift is None and b.words < self.opts["min_words"]:
                previous_flagged = None
                continue
            key = "shifted_" if shift is not None else ""
            frac, weight = shared_fraction(doc, b, give_up_above=self.opts[key + "max_shared"])  # stops past the bound
            if (
                b.words >= self.opts[key + "min_words"]
                and weight >= self.opts[key + "min_weight"]
                and frac <= self.opts[key + "max_shared"]
                and sum(1 for w in b.tokens if w[0].isupper()) < 0.25 * b.words  # credits and thank-you lists: all names
                # a passage introducing three or more new people or places (a day trip in a travel guide, an
                # anecdote) is isolated by nature: without a frame shift it is not evidence of a switch
                and (shift is not None or len(novel_names(doc, b.text)) < 3)
            ):
                previous_flagged = b
                if shift is not None:
                    yield self.hit(
                        f"Paragraph shares only {frac:.0%} of its key words with the rest of the article and switches "
                        f"frame ('{shift}'): off topic.",
                        b,
                    )
                else:  # isolation alone: on-topic paragraphs full of new names look the same, so only info
                    yield self.hit(
                        f"Paragraph shares only {frac:.0%} of its key words with the rest of the article: probably off topic.",
                        b,
                        severity="info",
                    )
                continue
            previous_flagged = None
