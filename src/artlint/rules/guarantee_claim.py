import re

from artlint.rules._claims import HEDGE_RE, ClaimRule, negated, quoted_speaker, words_before

# any "-est" adjective, but not the nouns and verbs that end the same way ("interest", "harvest", "latest")
EST = r"(?!(?:inter|hon|mod|for|harv|requ|cont|prot|sugg|dig|inv|arr|conqu|manif|w|r|n|gu|qu|ch|lat|near|t|b|z|p|l|v|j)est\b)[a-z]{2,}est"
SUPERLATIVE = (
    EST + r"|(?:best|safest|fastest|cheapest|healthiest|strongest|easiest|quickest|greatest|largest|biggest|smartest|finest|"
    r"most (?:[a-z]+)|top|leading|number one|#1)"
)
SUPERLATIVE = f"(?:{SUPERLATIVE})"
# a scope that turns a superlative into a ranking of the whole world
SCOPE = (
    r"\b(?:in the (?:world|country|industry|business|market|universe)|on the (?:market|planet)|on earth|money can buy|of all time|"
    r"ever (?:made|devised|invented|created|built|designed|produced|sold|written|recorded)|available(?: today| anywhere| now)?)\b"
)
# contractual promises (an SLA, a warranty, a refund) are terms of sale, not claims about results
CONTRACT_RE = re.compile(
    r"\b(?:sla|slas|warrant(?:y|ies)|money[- ]back|refunds?|contract(?:ual)?|terms|policy|uptime|plan|plans|tier|service level|"
    r"covered|coverage|insured|statutory|by law|legally|price match|licen[cs]es?)\b",
    re.I,
)
# the writer's verdict from their own testing (not "our sheets are the softest on the market": that is marketing)
OPINION_RE = re.compile(
    r"\b(?:[Ww]e|I)(?:'ve| have)? (?:\w+ ){0,2}?(?:tested|tried|found|rate|rated|think|reckon|picked|chose|consider)\b|"
    r"\b[Oo]ur (?:tests?|testing|pick|picks|favourite|favorite|verdict|experience|view|opinion|reviewers?|testers?)\b|"
    r"\b[Ii]n my (?:experience|view|opinion)\b"
)
# a how-to sentence addressed to the reader ("Always check...", "Never leave...")
IMPERATIVE_START_RE = re.compile(r"^\W*(?:always|never|you should|make sure|be sure|remember)\b", re.I)


class GuaranteeClaim(ClaimRule):
    """Promised outcomes, rankings of the whole market and 'never fails' universals need evidence."""

    code = "AL504"
    name = "guarantee-claim"
    category = "unsupported-claim"
    severity = "warning"
    what = "Guarantee or superlative"
    features = {
        "guarantee": r"\b(?:guarantee|guarantees|guaranteed)\b(?: (?:to |that |you |results?\b|success\b|weight loss\b|returns?\b|profits?\b|income\b|fluency\b)|[.!])",
        "riskfree": r"\b(?:risk[- ]free|zero[- ]risk|with no risk|100 ?% safe|completely safe|perfectly safe|totally safe)\b",
        "cure": r"\b(?:miracle|magic|instant|permanent|guaranteed) (?:cure|pill|fix|solution|remedy)\b"
        r"|\bcure (?:your |the |any |all |most )?[a-z-]+ (?:in|within|overnight|for good|forever|permanently|instantly)\b"
        r"|\bcures (?:your |the |any |all |most )?[a-z-]+ (?:in|within|overnight|for good|forever|permanently|instantly)\b|\bwill cure\b",
        "proven": r"\b(?:clinically|scientifically|medically) (?:proven|tested and proven)\b|\bproven to (?:work|cure|reduce|boost|increase|eliminate|remove|burn|double|reverse)\b"
        r"|\b100 ?% (?:guaranteed|effective|safe|natural|risk[- ]free|success(?:ful)?|proven)\b",
        "certain": r"\bwill (?:undoubtedly|definitely|certainly|surely) (?:double|triple|boost|skyrocket|cure|make you rich|transform your)\b"
        r"|\bwill (?:completely|permanently|totally|instantly) (?:erase|eliminate|remove|cure|reverse|get rid of|stop)\b",
        "universal": r"\b(?:never|always) (?:breaks? down|break|breaks|fails?|goes wrong|go wrong|disappoints?|wears? out|needs? (?:repairs?|fixing|replacing)|"
        r"succeeds?|wins?|pays? off|gets? paid|get results|loses?|rusts?|leaks?)\b|\b(?:work|works) (?:every (?:single )?time|for everyone|in every case|100 ?% of the time)\b",
        "superlative": rf"\bthe {SUPERLATIVE} (?:[a-z-]+ ){{0,4}}?{SCOPE}",
        "world_superlative": rf"\b(?:world|planet|earth|industry|nation|country)(?:'s|’s) {SUPERLATIVE}\b",
        "rank": r"(?:#1|\bnumber one|\bno\. ?1) (?:[a-z-]+ )?(?:way|choice|brand|method|cause|reason|tool|app|product|solution|seller|pick|destination|source)\b",
        "ranked": r"\b(?:ranked|rated|voted) (?:the )?(?:#1|number one|no\. ?1|best)\b|\b(?:best|top|highest)[- ]rated\b|\bmost[- ](?:trusted|recommended)\b",
        "only": r"\bthe only [a-z -]{0,30}?(?:that (?:really |actually |truly )?works|you(?:'ll| will)? ever need)\b",
    }
    labels = {
        "guarantee": "Guarantee",
        "riskfree": "Promise of no risk",
        "cure": "Cure claim",
        "proven": "'Proven' claim",
        "certain": "Promised result",
        "universal": "Universal claim",
        "superlative": "Superlative",
        "world_superlative": "Superlative",
        "ranked": "Ranking",
        "rank": "Ranking",
        "only": "'The only' claim",
    }
    summary = (
        "Guarantees and promises ('guaranteed results', 'risk-free', 'cures', 'never breaks down'), rankings ('#1 way', "
        "'best-rated', 'the fastest ... in the world') with no source. Negated, hedged and contractual ones are not flagged."
    )
    rationale = (
        "Promises of results and claims to be the best are the claims regulators and readers distrust most. "
        "Back them with a source, or soften them. 'Not a magic cure', 'may never need', a warranty or an "
        "uptime SLA are not claims of this kind."
    )
    bad = "This serum is clinically proven to remove wrinkles in 7 days."
    good = "In a 2022 trial of 40 people (linked), the serum reduced wrinkle depth by 12% after 8 weeks."

    def accept(self, m, text, sentence, doc=None, block=None, feature=None):
        s = sentence.text
        kind = feature
        if negated(m, text, sentence) or quoted_speaker(m, text, sentence):
            return False
        if kind in ("guarantee", "riskfree", "universal") and CONTRACT_RE.search(s):
            return False
        before = words_before(text, m.start(), sentence.start, 3)
        if kind == "guarantee" and re.search(r"\b(?:I|[Ww]e) ?$", before):
            return False  # "I guarantee that you've heard it": a figure of speech, the writer's own promise
        if kind in ("universal", "superlative", "world_superlative", "rank", "ranked", "only", "riskfree") and HEDGE_RE.search(before):
            return False  # "may never need", "one of the best"
        if kind == "universal" and IMPERATIVE_START_RE.match(s):
            return False
        if kind in ("superlative", "world_superlative", "rank", "ranked") and OPINION_RE.search(s):
            return False  # the writer's own verdict on what they tested ("our pick", "we rate it"), not a fact about the market
        return True
