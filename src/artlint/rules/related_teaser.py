from artlint.rule import Rule
from artlint.rules._shared import AD_RE, WIDGET_LABEL_RE


class RelatedTeaser(Rule):
    """Headlines and teasers of other posts, scraped from a related-content widget."""

    code = "AL611"
    name = "related-teaser"
    category = "boilerplate"
    severity = "warning"
    summary = "Other posts' headlines and teasers listed under a widget label ('Latest News', 'Related posts')."
    rationale = (
        "A related-content widget scraped into the article leaves its label and then a run of other posts' "
        "headlines and truncated teasers ('...'). They belong to other articles."
    )
    bad = "Latest News\n\nIndia's Central Bank Cuts Rates\n\nThe bank delivered a larger than expected cut, sending..."
    example_format = "text"  # bare lines: a title, headings and widgets as plain text show them
    good = "Latest news on the merger came on Tuesday, when both boards approved the deal."

    def check(self, doc):
        blocks = doc.blocks
        for i, b in enumerate(blocks):
            if b.kind not in ("heading", "paragraph") or not WIDGET_LABEL_RE.fullmatch(b.text.strip()):
                continue
            for nxt in blocks[i + 1 : i + 12]:
                text = nxt.text.strip()
                if WIDGET_LABEL_RE.fullmatch(text) or AD_RE.search(text):
                    break  # the next widget, or an ad slot (ad-slot reports it), ends this one
                teaser = text.endswith(("...", "…", "[…]", "[...]")) and nxt.words <= 60
                headline = nxt.kind in ("heading", "list_item") and nxt.words <= 16 and not text.endswith((".", ":"))
                if not (teaser or headline):
                    break
                yield self.hit(f"Teaser of another post under '{b.text.strip()[:30]}': '{text[:50]}'.", nxt)
