from artlint import text as textutil
from artlint.parsers import is_dateline
from artlint.rule import Rule
from artlint.rules._shared import CHROME_LABEL_RE
from artlint.topic import stem_twins


class StrayHeadline(Rule):
    """Another post's headline left in the article: a heading with no body, about something else."""

    code = "AL304"
    name = "stray-headline"
    category = "off-topic"
    severity = "warning"
    summary = "A headline (5+ words) with no section under it whose key words appear nowhere else in the article: another post's headline."
    rationale = (
        "Scraped pages keep headlines from 'trending' and 'related' widgets. Alone on a line, with the next "
        "heading straight after, and sharing no key word with the article, they are links to other posts."
    )
    bad = "Baking\n\nBake at 250C for 40 minutes.\n\nTop 10 Celebrity Diets That Actually Work\n\nTroubleshooting\n\nA dense loaf..."
    example_format = "text"  # bare lines: a title, headings and widgets as plain text show them
    good = "Baking\n\nBake at 250C for 40 minutes.\n\nTroubleshooting a Dense Loaf\n\nA dense loaf..."

    def check(self, doc):
        voc = doc.vocabulary
        for h in doc.headings:
            if h.index == doc.title_block or CHROME_LABEL_RE.fullmatch(h.text) or h.text.rstrip().endswith("?"):
                continue
            if h.words < 5 or is_dateline(h.text):
                continue  # section names are short; other posts' headlines are not
            nxt = doc.blocks[h.index + 1] if h.index + 1 < len(doc.blocks) else None
            if nxt is not None and not (nxt.kind == "heading" and nxt.level <= h.level):
                continue  # it has a body: a real section
            terms = [w for w in textutil.content_words(h.text) if textutil.rarity(w) >= 0.2]
            if len(terms) < 2:
                continue
            shared = [w for w in terms if voc.doc_freq[w] > 1 or any(voc.doc_freq[t] for t in stem_twins(w))]
            if not shared:
                yield self.hit(f"Headline with no section under it, sharing no key word with the article: '{h.text[:60]}'.", h)
