from artlint.rules._claims import OWN_RE, ClaimRule, negated


class TrendClaim(ClaimRule):
    """'More and more people are switching' is a claim about data the article does not show."""

    code = "AL506"
    name = "trend-claim"
    category = "unsupported-claim"
    severity = "info"  # trends are often stated loosely in good writing too: shown, not pressed
    what = "Trend claim"
    features = {
        "more_and_more": r"\bmore and more (?:[a-z-]+ ){0,3}?(?:are|is|have|people|choose|prefer|switch|turn)\b",
        "growing_number": r"\b(?:a|an) (?:growing|increasing|rising|record|ever-growing|ever-increasing) (?:number|share|proportion) of\b",
        "increasingly": r"\b(?:is|are) (?:becoming |getting )?(?:increasingly|ever more|more and more) (?:popular|common|mainstream|widespread)\b",
        "rise": r"\b(?:is|are) on the rise\b|\btaking the [a-z]+ by storm\b",
        "everyone": r"\b(?:everyone|everybody) (?:is|are) (?:now )?(?:switching|talking about|moving|turning|using|buying|going)\b",
        "surge": r"\b(?:popularity|demand|sales|interest|adoption) (?:of |for |in )?(?:[a-z-]+ ){0,3}?(?:has|have) (?:soared|skyrocketed|exploded|surged|boomed|doubled|tripled)\b",
    }
    summary = (
        "Claims that a trend is under way ('more and more drivers are switching', 'a growing number of', 'is on the rise') with no source."
    )
    rationale = (
        "A trend is a claim about figures over time. Without them it is an impression the reader cannot "
        "check; name the survey or the sales figures, or say it is your impression."
    )
    bad = "More and more drivers are switching to all-season tyres."
    good = "Sales of all-season tyres rose 18% in 2024, according to the Tyre Industry Federation."

    def accept(self, m, text, sentence, doc=None, block=None, feature=None):
        return not negated(m, text, sentence) and not OWN_RE.search(text[sentence.start : m.start()])
