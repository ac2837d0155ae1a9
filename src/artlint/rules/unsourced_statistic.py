import re

from artlint.rules._claims import OWN_RE, ClaimRule

NUM = r"\d\d*(?:[.,]\d+)*"  # "\d\d*", not "\d+": a pattern opening with it keeps the engine's fast scan to a digit
WORDNUM = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
PERCENT = rf"{NUM} ?(?:%|percent\b|per cent\b)"
HEDGED_NUM = r"(?:up to |as much as |over |more than |about |around |nearly |almost |roughly )?"
# a plural noun phrase of up to three words ("online shoppers", "winter bike crashes"), not a pronoun
PLURAL = r"(?!(?:your|my|our|their|its|his|her|this|these|those|the time)\b)(?:[a-z-]+ ){0,2}?(?:[a-z-]{2,}s|people|children|men|women|folk)\b(?<!\bits)(?<!\bthis)(?<!\bwas)(?<!\bhis)"
# verbs of a change, and of what a population gains or loses (an English closed class, not a sample's words)
CHANGE = r"(?:increas|reduc|cut|lower|rais|boost|improv|decreas|slash|extend|shorten|drop|rose|fell|grew|grow)[a-z]*"
MONEY = rf"[$£€] ?{NUM}(?:k|m|bn| million| billion)?"
ACRONYM_RE = re.compile(r"\b[A-Z]{2,}s?\b")
# "up 300%", "add around 15 percent", "rose 12%": the words right before a percentage that make it a change
CHANGE_BEFORE_RE = re.compile(
    rf"(?:\b(?:{CHANGE}|add|adds|added|adding|rise|rises|rising|risen|jump[a-z]*|climb[a-z]*|soar[a-z]*|surg[a-z]*|"
    r"plung[a-z]*|fall|falls|falling|fallen|up|down) (?:by )?(?:up to |as much as |over |more than |about |around |nearly "
    r"|almost |roughly |an extra |another )?)$",
    re.I,
)
# instruction verbs that start a how-to sentence ("Reduce the heat by 10%", "Use 25% less sugar")
IMPERATIVE_RE = re.compile(
    r"^\W*(?:add|use|mix|reduce|increase|set|keep|cut|lower|raise|aim|allow|try|make|put|fill|leave|pour|bake|cook|heat|run|turn|"
    r"check|apply|buy|save|spend|pay|budget|plan|expect|start|stop|drop|boost|limit|stir|water|feed|dilute|charge|inflate|aim)\b",
    re.I,
)
# discounts, rates and specifications are facts about a product, not claims about the world
SPEC_RE = re.compile(
    r"\b(?:off|discount|coupon|promo|code|sale|interest|apr|aer|apy|tax|vat|fee|fees|abv|alcohol|humidity|moisture|battery|charge|"
    r"efficiency|brightness|volume|hydration|tolerance|solution|concentration|dilution|strength|grade|gradient|incline|slope|"
    r"tip|tips|commission|deposit|margin|payment|payments|tariff|rent|salary|wage|wages)\b",
    re.I,
)

# the writer's own data: "we examined", "our analytics" (anywhere in the paragraph, which then reports it)
OWN_DATA_RE = re.compile(
    r"\b(?:[Ww]e|I)\b(?: [a-z]+){0,3}? (?:examined|measured|analy[sz]ed|tested|tracked|counted|surveyed|recorded|collected|"
    r"compared|asked|interviewed|studied|reviewed|logged|timed|weighed)\b|"
    r"\b[Oo]ur (?:own )?(?:data|analysis|survey|tests?|testing|figures|numbers|research|analytics|records|study|sample|logs)\b"
)
# the figure is shown: "(pie chart below)", "see table 2"
SHOWN_RE = re.compile(r"\b(?:chart|graph|table|figure|fig\.|diagram|plot|map)s? (?:below|above|\d+)\b", re.I)
# a named subject: a web property ("Search.gov") or two capitalised words inside the sentence ("the Trusted Traveler Programs")
NAMED_SUBJECT_RE = re.compile(r"\b[A-Za-z-]+\.(?:gov|com|org|net|io|edu)\b|\S (?:[A-Z][\w&-]+ ){1,}[A-Z][\w&-]+")


# the rest of "N in M" / "N out of M" after its opening word: "every" optional, a number, a plural that is not a unit of time
N_OF_M = rf"(?:every )?(?:{NUM}|{WORDNUM}|a hundred|a thousand) (?!(?:seconds|minutes|hours|days|weeks|months|years|steps)\b){PLURAL}"


class UnsourcedStatistic(ClaimRule):
    """A number stated as fact needs somewhere the reader can check it."""

    code = "AL502"
    name = "unsourced-statistic"
    category = "unsupported-claim"
    severity = "warning"
    what = "Statistic"
    # each feature starts with a literal, a digit or a short alternation of words (the regex engine then
    # skips to where it can match); what comes before ("reduce ... by", "save ... $") is checked in accept
    features = {
        "share": rf"\b{PERCENT} of (?:all |the |today's )?{PLURAL}",
        "comparative": rf"\b{PERCENT} (?:less|more|fewer|faster|slower|cheaper|lower|higher|longer|shorter|better|worse|likelier|smaller|bigger|larger)\b",
        "change": rf"\bby {HEDGED_NUM}{PERCENT}",
        # a percentage right after a verb of change or "up"/"down" ("add around 15 percent", "up 300% on last
        # year"); what comes before is checked in accept
        "change_direct": rf"\b{PERCENT}",
        # two alternatives, each opening with its literal: the engine then skips to "in " or "out of " ("(?:out of|in)"
        # first made it try every position of nearly every block)
        "n_in_m": rf"\bout of {N_OF_M}|\bin {N_OF_M}",
        "rating": rf"\b\d\.\d ?/ ?(?:5|10)\b|\b\d(?:\.\d)? (?:out of (?:5|10|five|ten) )?stars\b|\brated {NUM} ?(?:/ ?\d+|out of \d+|stars?)",
        "average": rf"\baverage of {HEDGED_NUM}(?:[$£€] ?)?{NUM}",
        "money": rf"[$£€] ?{NUM}",
        "multiplier": r"\b\d+(?:\.\d+)? times (?:as (?:likely|much|many|fast|long|often|effective)|more|less|faster|slower|likelier|higher|lower|better|cheaper)\b"
        r"|\b\d+(?:\.\d+)? ?x (?:as (?:likely|much|many|fast|long|often|effective)|more|less|faster|slower|likelier|higher|lower|better|cheaper)\b",
        "multiplier_words": r"\b(?:twice|three times|four times|five times|ten times) (?:as (?:likely|much|many|fast|long|often|effective)|more|less|faster|slower|likelier|higher|lower|better|cheaper)\b",
        "multiplied": r"\b(?:doubles|doubled|triples|tripled|halves|halved|quadruples|quadrupled) (?:your|their|his|her|the (?:risk|chance|odds|likelihood|rate)) ",
        "count": rf"\b{NUM}(?: million| billion)? (?:[a-z-]+ )?[a-z-]+s (?:use|trust|prefer|choose|love|rely on|swear by|have switched|suffer|struggle|buy|believe)\b",
    }
    labels = {
        "rating": "Rating",
        "multiplier": "Comparison",
        "multiplier_words": "Comparison",
        "multiplied": "Comparison",
        "money": "Figure",
        "average": "Average",
    }
    summary = (
        "A figure about the world stated as fact: a share ('73% of shoppers'), 'N in M', an average, money saved per "
        "household, a multiplier ('twice as likely'), a rating ('4.8/5'), with no source in its sentence or the next."
    )
    rationale = (
        "Generated articles invent precise-looking figures. A statistic with no link, footnote or named "
        "source cannot be checked. Figures the writer measured ('we saw', 'our'), prices, discounts and "
        "specifications are not flagged; nor are instructions ('reduce the heat by 10%')."
    )
    bad = "73% of shoppers abandon a cart when shipping costs are shown late."
    good = "73% of shoppers abandon a cart when shipping costs are shown late (Baymard Institute, 2023)."

    _seen: tuple = (None, False)  # (the last sentence asked about, whether its own or shown data clears it)

    def accept(self, m, text, sentence, doc=None, block=None, feature=None):
        s = sentence.text
        kind = feature
        # the words before the figure that the tests below read (bounded: a sentence of many figures stays linear)
        before = text[max(sentence.start, m.start() - 120) : m.start()]
        if kind == "change_direct" and not CHANGE_BEFORE_RE.search(before[-60:]):
            return False
        if self._seen[0] is not sentence:  # whole-sentence tests once per sentence, not once per figure
            cleared = bool(OWN_RE.search(s) or SHOWN_RE.search(s) or (block is not None and OWN_DATA_RE.search(block.text)))
            self._seen = (sentence, cleared)
        if self._seen[1]:
            return False  # the writer's own figure, or a figure shown in a chart or table
        if kind == "n_in_m" and not re.search(rf"(?:\d|\b{WORDNUM}) $", before, re.I):
            return False  # "N in M" needs its N
        if kind == "change" and not re.search(rf"\b{CHANGE} (?:[\w'-]+ ){{0,4}}$", before, re.I):
            return False  # "cut bills by 30%": a change, not "by 5% a year"
        if kind == "money" and not re.search(
            r"\b(?:save|saves|saved|saving|lose|loses|lost|losing|waste|wastes|wasted|spend|spends|spent|earn|earns|earned)"
            r" (?:[\w'-]+ ){0,3}(?:up to |as much as |over |more than |about |around |nearly |almost |roughly |an average of |on average )?$",
            before,
            re.I,
        ):
            return False  # a price: only money saved, lost, spent or earned is a claim about the world
        lead = max(sentence.start, m.start() - 120)
        if kind in ("comparative", "change", "change_direct") and NAMED_SUBJECT_RE.search(text, lead, m.start()):
            return False  # a figure about a named thing, not a population
        if kind == "change_direct" and ACRONYM_RE.search(text, lead, m.start()):
            return False  # "visits to CDC sites increased 254%": a named body's own figures
        # a specification word next to the figure ("15% moisture", "20% off"), not anywhere in the sentence
        # ("3 in 5 homes ... a moisture problem", "... so this is not a job to put off")
        near = text[max(sentence.start, m.start() - 40) : min(sentence.end, m.end() + 25)]
        if kind in ("share", "comparative", "change", "change_direct", "n_in_m", "average") and SPEC_RE.search(near):
            return False
        if kind in (
            "comparative",
            "change",
            "change_direct",
            "money",
            "multiplier",
            "multiplier_words",
            "multiplied",
            "average",
        ) and IMPERATIVE_RE.match(s):
            return False  # an instruction, not a claim
        return True
