from artlint import text as textutil
from artlint.rule import Rule
from artlint.rules._shared import CHROME_LABEL_RE, FAQ_HEADING_RE, WIDGET_LABEL_RE
from artlint.rules.flattened_table import flattened_tables
from artlint.rules.sentence_heading import is_callout

# In bare text, two heading-like lines in a row are a heading and its subheading as often as an empty
# section; only a document that never stacks headings elsewhere says which. One or two stacked pairs among
# three or more sections with a body are read as empty sections.
MAX_STACKED_BARE = 2
MIN_SECTIONS_BARE = 3
MAX_HEADING_WORDS_BARE = 12  # longer "headings" in bare text are captions, links or sentences


def _style(text: str) -> tuple:
    """How a heading is written: Title Case or not, a question, numbered, short. Siblings share it."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in textutil.TITLE_SMALL_WORDS]
    title_case = bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
    numbered = text[:1].isdigit()
    return title_case, text.rstrip().endswith("?"), numbered, len(text.split()) <= MAX_HEADING_WORDS_BARE


class EmptySection(Rule):
    """A heading that promises a section and delivers nothing."""

    code = "AL104"
    name = "empty-section"
    category = "structure"
    severity = "warning"
    summary = "A heading with no body: the next heading of the same or a higher level follows at once."
    rationale = (
        "A heading followed directly by a sibling heading (or by the end of the article) has no content. "
        "Generated articles leave such shells when a section failed to generate."
    )
    bad = "## Pricing\n\n## Support\n\nEmail us any time.\n"
    good = "## Pricing\n\nPlans start at $9 a month.\n\n## Support\n\nEmail us any time.\n"

    def check(self, doc):
        headings = [h for h in doc.headings if h.index != doc.title_block]
        bare = set() if doc.has_heading_levels else self._bare_empty(doc, headings)
        for h in headings:
            if CHROME_LABEL_RE.fullmatch(h.text) or h.text.rstrip().endswith("?") or is_callout(doc, h):
                continue  # page chrome, FAQ questions and callout sentences have their own rules
            if doc.keyphrase and doc.keyphrase in textutil.normalise(h.text):
                continue
            nxt = doc.blocks[h.index + 1] if h.index + 1 < len(doc.blocks) else None
            if nxt is None:
                if any(WIDGET_LABEL_RE.fullmatch(b.text.strip()) for b in doc.blocks[max(0, h.index - 10) : h.index]):
                    continue  # the last headline of a related-posts list (related-teaser reports it)
                yield self.hit("Heading at the end of the article with no body.", h)
            elif nxt.kind == "heading" and doc.has_heading_levels and nxt.level <= h.level:
                if textutil.normalise(nxt.text) == textutil.normalise(h.text):
                    continue  # a repeated heading: duplicate-heading reports it
                yield self.hit(f"Heading with no body: '{nxt.text[:60]}' follows it directly.", h)
            elif h.index in bare:
                yield self.hit(f"Heading with no body: '{nxt.text[:60]}' follows it directly.", h)

    @staticmethod
    def _bare_empty(doc, headings) -> set[int]:
        """Plain text: headings followed at once by another heading, in a text that otherwise gives each a body."""
        table_lines = set()
        for t in flattened_tables(doc):
            table_lines.update(ln.block.index for ln in (t.header, *t.rows))
        blocks = doc.blocks
        stacked, with_body = [], 0
        for h in headings:
            if h.index in table_lines or h.index + 1 >= len(blocks):
                continue
            nxt = blocks[h.index + 1]
            if nxt.kind == "heading" and nxt.index not in table_lines:
                stacked.append(h)
            elif nxt.is_prose:
                with_body += 1
        if not stacked or len(stacked) > MAX_STACKED_BARE or with_body < MIN_SECTIONS_BARE:
            return set()
        found = set()
        for h in stacked:
            before = blocks[h.index - 1] if h.index else None
            after = blocks[h.index + 2] if h.index + 2 < len(blocks) else None
            if before is None or not before.is_prose or after is None or not after.is_prose:
                continue  # a title and its subtitle, or a heading over a subheading's own section
            if ":" in h.text or CHROME_LABEL_RE.fullmatch(h.text) or FAQ_HEADING_RE.search(h.text):
                continue  # a label, a widget, or a FAQ over its questions
            if not h.text[:1].isalnum() or _style(h.text) != _style(blocks[h.index + 1].text):
                continue  # an attribution or caption line, or a parent over a child written another way
            terms = [w for w in textutil.content_words(h.text) if textutil.rarity(w) >= 0.2]
            if h.words >= 5 and len(terms) >= 2 and not any(doc.vocabulary.doc_freq[w] > 1 for w in terms):
                continue  # about something else: another post's headline (stray-headline reports it)
            found.add(h.index)
        return found
