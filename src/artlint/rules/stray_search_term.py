import re

from artlint.rule import Rule
from artlint.rules._query import is_query_line

TERM_RE = re.compile(r"[a-z0-9][a-z0-9’' -]*")


class StraySearchTermLine(Rule):
    """A raw lower-case search phrase standing alone as a line: pasted anchor text about something else.

    A query line about the article's own subject is keyword stuffing (search-query-pasted), not off topic.
    """

    code = "AL303"
    name = "stray-search-term-line"
    category = "off-topic"
    severity = "warning"
    summary = (
        "A line that is only a lower-case search phrase ('best crypto wallet 2025 hardware'): no capital, no punctuation, not a sentence."
    )
    rationale = (
        "SEO tools and scrapers leave the raw search term or a link's anchor text as a line of its own. "
        "Written prose never has a lower-case, unpunctuated line between paragraphs."
    )
    bad = "Back up your wallet before you move large amounts.\n\ncheap flights lisbon may weekend"
    good = "Back up your wallet before you move large amounts.\n\nThe best hardware wallets in 2025 all support this."

    def check(self, doc):
        for b in doc.blocks:
            if b.kind != "paragraph" or b.links:
                continue
            words = b.text.split()
            if 3 <= len(words) <= 12 and TERM_RE.fullmatch(b.text) and (not doc.keyphrase or doc.keyphrase != " ".join(words)):
                if is_query_line(doc, b):
                    continue  # on the article's subject: search-query-pasted reports it as keyword stuffing
                yield self.hit(f"Stray search phrase '{b.text[:60]}' on a line of its own.", b)
