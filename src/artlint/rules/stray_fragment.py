import re

from artlint import text as textutil
from artlint.rule import Rule
from artlint.rules._query import is_query_text, on_topic

# matched at the paragraph's last end mark only: the fragment holds none, so no earlier mark can start a match (a
# search from the start tried the look-behind at every character: 1.1 M instructions per article)
FRAGMENT_RE = re.compile(r"[.!?]\s+([a-z][a-z0-9’' -]{8,80})$")


class StrayFragment(Rule):
    """Anchor text or search terms left dangling after the last sentence."""

    code = "AL302"
    name = "stray-fragment"
    category = "off-topic"
    severity = "warning"
    summary = "A lower-case run of words with no punctuation left after a paragraph's last sentence (stray anchor text)."
    rationale = (
        "When a link or a related-search widget is scraped, its text ('best running shoes 2024') is glued "
        "onto the paragraph before it. It is not a sentence and usually names another subject."
    )
    bad = "Prices rose again in March. cheap flights to lisbon"
    good = "Prices rose again in March, as the airline had warned."

    def check(self, doc):
        for b in doc.blocks:
            if b.kind not in ("paragraph", "quote"):
                continue
            text = b.text
            last_mark = max(text.rfind("."), text.rfind("!"), text.rfind("?"))
            m = FRAGMENT_RE.match(text, last_mark) if last_mark >= 0 else None
            if not m or len(m.group(1).split()) < 3:
                continue
            frag = m.group(1)
            rare = [w for w in textutil.content_words(frag) if doc.vocabulary.doc_freq[w] <= 2]
            if len(rare) >= 2 and not (is_query_text(frag.strip()) and on_topic(doc, frag.split(), b)):
                # (a search query on the article's subject is keyword stuffing: search-query-pasted reports it)
                yield self.hit(
                    f"Stray fragment '{frag[:60]}' after the last sentence: not a sentence, and off the article's topic.",
                    b,
                    m.start(1),
                    m.end(1),
                )
