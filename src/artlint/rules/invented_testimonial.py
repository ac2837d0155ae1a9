import re

from artlint.rules._claims import TESTIMONIAL_SOURCE_RE, ClaimRule

# a result: a reporting verb, a change, or a figure and a span of time
RESULT_RE = re.compile(
    r"\b(?:says|said|told|tells|swears|reports|reported|went from|lost|saved|gained|doubled|tripled|halved|cut|earned|paid for itself|"
    r"cleared|cured|transformed|improved|boosted|dropped|fluent|in (?:just|only) |within)\b|\d+ (?:days|weeks|months|kg|lbs?|pounds)\b",
    re.I,
)


class InventedTestimonial(ClaimRule):
    """A first name, an age or a home town and a result, with no source, is the shape of an invented testimonial."""

    code = "AL505"
    name = "invented-testimonial"
    category = "unsupported-claim"
    severity = "warning"
    what = "Testimonial"
    # a capitalised name then ", 41," / " (41)" / ", a 52-year-old" / " from Leeds, 29,": matched case-sensitively
    features = {
        "person": r"\b[A-Z][a-z]+(?: [A-Z][a-z]+| [A-Z]\.)?(?: from [A-Z][a-z]+)?(?:, | \()(?:a |an )?\d\d(?:-year-old\b|,|\)| years old\b)",
        "aged": r"\b\d\d-year-old (?:[a-z]+ ){0,3}?(?:from|in) [A-Z][a-z]+",
    }
    flags = 0  # names are told by their capital letters
    attribution_source_re = TESTIMONIAL_SOURCE_RE
    attribution_named = False  # the person's own words are the claim, not its source
    summary = "A named person with an age or a home town and a result ('Daniel, 41, from Rotterdam, doubled his energy') and no source."
    rationale = (
        "Content pipelines invent customers and case studies: a first name, an age, a town and a neat result. "
        "A real testimonial links to the review, the interview or the case study, or says where it was published."
    )
    bad = "Daniel, 41, a forklift driver from Rotterdam, says the new routine doubled his energy within a month."
    good = "Daniel Okafor, a forklift driver, described his routine in a [2024 interview with the Sleep Foundation](https://example.org/okafor)."

    def accept(self, m, text, sentence, doc=None, block=None, feature=None):
        rest = text[sentence.start : m.start()] + " " + text[m.end() : sentence.end]
        return bool(RESULT_RE.search(rest))
