import re

from artlint.rules._claims import HEDGE_RE, ClaimRule, words_before


class PublicOpinionClaim(ClaimRule):
    """What 'the public' thinks is a polling result; without the poll it is a guess."""

    code = "AL503"
    name = "public-opinion-claim"
    category = "unsupported-claim"
    severity = "warning"
    what = "Claim about public opinion"
    features = {
        "opinion": r"\b(?:public|popular|voter|consumer)\s+(?:opinion|sentiment|support|attitudes?|perception)\s+(?:on|in|about|for|toward|towards|of|regarding)\s+[^.;\n]{1,60}?"
        r"\s+(?:is|are|remains?|has been|have been)\s+(?:generally\s+|largely\s+|overwhelmingly\s+|mostly\s+|broadly\s+|widely\s+|deeply\s+|strongly\s+|increasingly\s+|still\s+)?"
        r"(?:negative|positive|favou?rable|unfavou?rable|high|low|divided|split|hostile|supportive|skeptical|sceptical|mixed)\b",
        "support": r"\bsupport\s+for\s+[^.;\n]{1,80}?\s+(?:is|are|remains?)\s+(?:often\s+|generally\s+|very\s+|extremely\s+|relatively\s+|consistently\s+|still\s+)?(?:high|low|strong|weak|widespread|overwhelming)\b",
        "most": r"\b(?:most|the majority of|nearly all|almost all)\s+(?:people|citizens|americans|britons|adults|staff|[a-z]+(?:ers|ors|ists|ians|ents|ees))\s+(?:in\s+[^.;\n]{1,30}\s+)?(?:now\s+)?(?:believe|think|feel|support|oppose|prefer|agree|distrust|trust|want)\b",
        "public": r"\bthe\s+(?:general\s+)?public\s+(?:largely\s+|overwhelmingly\s+|generally\s+)?(?:believes?|supports?|opposes?|favou?rs?|wants?|distrusts?)\b",
    }
    summary = "Sweeping claims about what the public or most people think ('public opinion is generally negative') with no poll cited."
    rationale = (
        "Statements about what a population believes are claims about polling data. Without the poll they "
        "are the writer's guess presented as fact."
    )
    bad = "Public opinion on the new tax is overwhelmingly negative."
    good = "Public opinion on the new tax is negative: 61% opposed it in a March 2024 YouGov poll."

    def accept(self, m, text, sentence, doc=None, block=None, feature=None):
        if HEDGE_RE.search(words_before(text, m.start(), sentence.start, 2)):
            return False  # "probably most people think"
        return not re.search(r"\b(?:[Ww]e|[Oo]ur|I|[Mm]y)\b", text[sentence.start : m.start()])
