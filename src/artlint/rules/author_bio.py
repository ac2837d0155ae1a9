import re

from artlint.rule import Rule

LABEL_RE = re.compile(r"(?:about the )?(?:author|autor|auteur|writer)s?(?: bio)?|written by.{0,40}|posted by.{0,40}", re.I)
BIO_RE = re.compile(
    r"^(?:we are|we're|i am|i'm|(?-i:[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) is)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:writer|journalist|editor|blogger|author|reporter|contributor|copywriter|content (?:writer|creator|strategist)|seo (?:expert|specialist))s?\b",
    re.I,
)


BYLINE_RE = re.compile(r"(?:written|posted|published|reviewed) by:?\s+(?-i:[A-Z][\w.'-]*)(?:\s+(?-i:[A-Z][\w.'-]*)){0,3}", re.I)


class AuthorBio(Rule):
    """The site's author box (bio and mission statement) scraped into the article."""

    code = "AL612"
    name = "author-bio"
    category = "boilerplate"
    severity = "warning"
    summary = "An author box ('Written by Jane Doe', 'We are a group of experienced writers...') inside the article."
    rationale = (
        "The author box is page chrome repeated on every post. In the body it interrupts the article and is "
        "duplicated across the site. Flagged when it follows an author label or sits in the article's last blocks."
    )
    bad = "Author\n\nWe are a group of experienced writers with degrees in journalism and a focus on SEO."
    good = "We are a group of five volunteers who have mapped the trail since 2015, and this is what we found."

    def check(self, doc):
        blocks = [b for b in doc.blocks if b.kind != "code"]
        tail = max(0, len(blocks) - 4)
        for i, b in enumerate(blocks):
            if i >= tail and b.kind in ("paragraph", "heading") and BYLINE_RE.fullmatch(b.text.strip()):
                yield self.hit("Author-box byline at the end of the article, not article content.", b)
                continue
            if b.kind not in ("paragraph", "list_item", "quote") or not BIO_RE.search(b.text):
                continue
            after_label = any(LABEL_RE.fullmatch(p.text.strip(" :")) for p in blocks[max(0, i - 2) : i])
            if after_label or i >= tail:
                yield self.hit("Author bio from the page's author box, not article content.", b, 0, min(len(b.text), 80))
