from artlint.rule import Rule
from artlint.rules._shared import faq_regions, is_question


class UnansweredFaq(Rule):
    """A FAQ question with no answer is a broken promise (and invalid FAQ markup)."""

    code = "AL105"
    name = "unanswered-faq"
    category = "structure"
    severity = "warning"
    summary = "A question in a FAQ section with no answer before the next question."
    rationale = (
        "FAQ sections are generated as question/answer pairs; when an answer is lost the question dangles, "
        "and FAQ rich results reject the page."
    )
    bad = "## FAQ\n\n### Is it free?\n\n### Can I cancel?\n\nYes, at any time.\n"
    good = "## FAQ\n\n### Is it free?\n\nYes, for personal use.\n\n### Can I cancel?\n\nYes, at any time.\n"

    def check(self, doc):
        for _heading, region in faq_regions(doc):
            for i, b in enumerate(region):
                if not is_question(b):
                    continue
                nxt = region[i + 1] if i + 1 < len(region) else None
                if nxt is None or is_question(nxt) or (nxt.kind == "heading" and nxt.level <= b.level and b.kind == "heading"):
                    yield self.hit("FAQ question with no answer.", b)
