import re

from artlint.rules._claims import ClaimRule


class VagueAttribution(ClaimRule):
    """'Studies show' with no study named is the commonest unsupported claim."""

    code = "AL501"
    name = "vague-attribution"
    category = "unsupported-claim"
    severity = "warning"
    what = "Vague attribution"
    # every match contains one of these whole words
    trigger_words = frozenset(
        [
            "according",
            "analysts",
            "commonly",
            "dentists",
            "dermatologists",
            "doctors",
            "economists",
            "everybody",
            "everyone",
            "everywhere",
            "evidence",
            "experts",
            "generally",
            "nutritionists",
            "physicians",
            "poll",
            "polls",
            "professionals",
            "psychologists",
            "research",
            "researchers",
            "science",
            "scientists",
            "specialists",
            "statistics",
            "studies",
            "survey",
            "surveys",
            "universally",
            "widely",
        ]
    )
    summary = "Claims credited to unnamed authorities ('studies show', 'experts agree', 'doctors recommend') with no source."
    rationale = (
        "Weasel attributions borrow authority without giving the reader a way to check it. A named, dated "
        "source or a link in the sentence or its paragraph clears the claim."
    )
    bad = "Studies show that drinking coffee improves memory."
    good = "A 2021 study by the University of Bristol found that coffee improved short-term memory."
    pattern = re.compile(
        r"\b(?:many |some |recent |numerous |several |multiple )?(?:studies|research|science|surveys?|polls?|statistics|evidence|scientific evidence)\s+"
        r"(?:has |have |clearly |consistently )?(?:shows?|shown|suggests?|suggested|proves?|proven|finds?|found|confirms?|confirmed|indicates?|demonstrates?|reveals?)\b"
        r"|\b(?:most |many |leading |top |some )?(?:experts|scientists|doctors|researchers|analysts|economists|specialists|professionals|dermatologists|nutritionists|dentists|physicians|psychologists)\s+"
        r"(?:agree|say|believe|recommend|suggest|warn|claim|estimate|predict|argue)\b"
        r"|\baccording to (?:many |most |some |leading )?(?:experts|studies|research|scientists|specialists|sources|analysts)\b"
        r"|\bit is (?:widely|generally|commonly|universally) (?:known|believed|accepted|agreed|recognized|recognised)\b"
        r"|\b(?:research|science) (?:has )?(?:clearly )?(?:proves?|proven)\b"
        r"|\b[a-z]+s everywhere (?:agree|say|know|swear\s+by)\b|\b(?:everyone|everybody) (?:knows|agrees)\b",
        re.I,
    )

    def accept(self, m, text, sentence):
        before = text[sentence.start : m.start()].rstrip()
        # "Harvard researchers found", "the WHO's experts say": a named source right before
        return not re.search(r"(?:[A-Z][\w&.-]+(?:'s|’s)?|\d{4})$", before)
