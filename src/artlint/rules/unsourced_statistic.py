import re

from artlint.rules._claims import ClaimRule


class UnsourcedStatistic(ClaimRule):
    """A number stated as fact needs somewhere the reader can check it."""

    code = "AL502"
    name = "unsourced-statistic"
    category = "unsupported-claim"
    severity = "warning"
    what = "Statistic"
    # every match contains one of these (block text has single spaces): "9 in 10 people" needs "in" and a number
    triggers = ("%", "percent", "per cent", " out of ", "million", "billion")
    trigger_patterns = (r"in (?:\d|every |ten |five |four |three )",)
    summary = "A figure about what a population does or thinks ('73% of shoppers', '9 out of 10 dentists') with no source in its paragraph."
    rationale = (
        "Generated articles invent precise-looking figures. A statistic with no link, footnote or named "
        "source cannot be checked. Figures the writer measured ('we saw', 'our') are not flagged."
    )
    bad = "73% of shoppers abandon a cart when shipping costs are shown late."
    good = "73% of shoppers abandon a cart when shipping costs are shown late (Baymard Institute, 2023)."
    pattern = re.compile(
        r"\b\d{1,3}(?:\.\d+)?\s?(?:%|percent\b|per cent\b)\s+of\s+(?:all\s+|the\s+|today's\s+|u\.?s\.?\s+|american\s+|british\s+)?(?:[a-z-]+\s+){0,2}?"
        r"(?:people|adults|americans|britons|users|customers|consumers|shoppers|buyers|women|men|teens|teenagers|children|kids|parents|students|"
        r"patients|employees|workers|voters|households|businesses|companies|marketers|millennials|respondents|readers|viewers|visitors|"
        r"travel+ers|homeowners|investors|drivers|smokers|dieters|doctors|experts|professionals|owners|managers|leaders|executives|brands)\b"
        r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:out\s+of|in)\s+(?:every\s+)?(?:\d+|ten|five|four|three)\s+(?:people|adults|children|[a-z]+s)\b"
        r"|\b\d+(?:\.\d+)?\s?(?:million|billion)\s+(?:people|users|americans|customers|consumers|households)\s+(?:use|prefer|believe|say|suffer|struggle|buy|choose|trust)\b",
        re.I,
    )

    def accept(self, m, text, sentence):
        sentence = sentence.text
        if re.search(r"\b(?:we|our|us|I|my)\b", sentence):
            return False  # the writer's own figure
        # discounts, interest rates and specifications are not claims about the world
        if re.search(
            r"\b(?:off|discount|interest|apr|rate|tax|fee|vat|abv|humidity|battery|alcohol|sale|coupon|code|save)\b", sentence, re.I
        ):
            return False
        return True
