import re

from artlint.rules._claims import ClaimRule


class GuaranteeClaim(ClaimRule):
    """Promised outcomes and 'proven' superlatives need evidence, and often break advertising rules."""

    code = "AL504"
    name = "guarantee-claim"
    category = "unsupported-claim"
    severity = "warning"
    what = "Guarantee or superlative"
    # every match contains one of these whole words (or '#1')
    triggers = ("#1",)
    trigger_words = frozenset(
        [
            "100",
            "best",
            "certainly",
            "completely",
            "definitely",
            "effective",
            "guarantee",
            "guaranteed",
            "guarantees",
            "instantly",
            "magic",
            "miracle",
            "number",
            "permanently",
            "proven",
            "risk",
            "surely",
            "top",
            "totally",
            "undoubtedly",
        ]
    )
    summary = (
        "Guarantees and unqualified superlatives ('guaranteed results', 'clinically proven', 'the best on the market') with no source."
    )
    rationale = (
        "Promises of results and claims to be the best are the claims regulators and readers distrust most. "
        "Back them with a source, or soften them."
    )
    bad = "This serum is clinically proven to remove wrinkles in 7 days."
    good = "In a 2022 trial of 40 people (linked), the serum reduced wrinkle depth by 12% after 8 weeks."
    pattern = re.compile(
        r"\bguarantee[sd]?\s+(?:to\s+\w+|results?|success|weight\s+loss|returns?|profits?|income)\b"
        r"|\b100\s?%\s+(?:guaranteed|effective|safe|natural|risk[- ]free|success(?:ful)?|proven)\b"
        r"|\b(?:clinically|scientifically|medically)\s+(?:proven|tested\s+and\s+proven)\b"
        r"|\b(?:miracle|magic)\s+(?:cure|pill|solution|remedy)\b"
        r"|\b(?:risk[- ]free|zero[- ]risk)\s+(?:investment|returns?|profits?)\b"
        r"|\b(?:the\s+)?(?:best|#1|number\s+one|top[- ]rated|most\s+effective)\s+[\w -]{0,30}?\s+(?:on\s+the\s+market|in\s+the\s+world|ever\s+made|money\s+can\s+buy)\b"
        r"|\bwill\s+(?:undoubtedly|definitely|certainly|surely)\s+(?:double|triple|boost|skyrocket|cure|make\s+you\s+rich|transform\s+your)\b"
        r"|\bwill\s+(?:completely|permanently|totally|instantly)\s+(?:erase|eliminate|remove|cure|reverse|get\s+rid\s+of|stop)\b"
        r"|,\s*guaranteed[.!]",
        re.I,
    )
