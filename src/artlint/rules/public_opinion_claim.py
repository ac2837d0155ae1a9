import re

from artlint.rules._claims import ClaimRule


class PublicOpinionClaim(ClaimRule):
    """What 'the public' thinks is a polling result; without the poll it is a guess."""

    code = "AL503"
    name = "public-opinion-claim"
    category = "unsupported-claim"
    severity = "warning"
    what = "Claim about public opinion"
    # every match contains one of these whole words
    trigger_words = frozenset(["attitude", "attitudes", "majority", "most", "opinion", "perception", "public", "sentiment", "support"])
    summary = "Sweeping claims about what the public or most people think ('public opinion is generally negative') with no poll cited."
    rationale = (
        "Statements about what a population believes are claims about polling data. Without the poll they "
        "are the writer's guess presented as fact."
    )
    bad = "Public opinion on the new tax is overwhelmingly negative."
    good = "Public opinion on the new tax is negative: 61% opposed it in a March 2024 YouGov poll."
    pattern = re.compile(
        r"\b(?:public|popular|voter|consumer)\s+(?:opinion|sentiment|support|attitudes?|perception)\s+(?:on|in|about|for|toward|towards|of|regarding)\s+[^.;]{1,60}?"
        r"\s+(?:is|are|remains?|has been|have been)\s+(?:generally\s+|largely\s+|overwhelmingly\s+|mostly\s+|broadly\s+|widely\s+|deeply\s+|strongly\s+|increasingly\s+|still\s+)?"
        r"(?:negative|positive|favou?rable|unfavou?rable|high|low|divided|split|hostile|supportive|skeptical|sceptical|mixed)\b"
        r"|\bsupport\s+for\s+[^.;]{1,80}?\s+(?:is|are|remains?)\s+(?:often\s+|generally\s+|very\s+|extremely\s+|relatively\s+|consistently\s+|still\s+)?(?:high|low|strong|weak|widespread|overwhelming)\b"
        r"|\b(?:most|the majority of)\s+(?:people|citizens|americans|britons|adults|staff|[a-z]+(?:ers|ors|ists|ians|ents|ees))\s+(?:in\s+[^.;]{1,30}\s+)?(?:now\s+)?(?:believe|think|feel|support|oppose|prefer|agree|distrust|trust|want)\b"
        r"|\bthe\s+(?:general\s+)?public\s+(?:largely\s+|overwhelmingly\s+|generally\s+)?(?:believes?|supports?|opposes?|favou?rs?|wants?|distrusts?)\b",
        re.I,
    )
