import re

from artlint.rules._claims import ClaimRule

# unnamed authorities: professions and '-ologists' (a closed class of nouns, not a sample's words)
AUTHORITY = (
    r"(?:experts|scientists|doctors|researchers|analysts|economists|specialists|professionals|physicians|clinicians|nutritionists|"
    r"dietitians|dentists|therapists|pharmacists|paediatricians|pediatricians|veterinarians|vets|engineers|mechanics|trainers|coaches|"
    r"nurses|insiders|authorities|pros|psychologists|dermatologists|cardiologists|neurologists|biologists|ecologists|sociologists|"
    r"gynaecologists|gynecologists|oncologists|radiologists|criminologists|climatologists|meteorologists|toxicologists)"
)
REPORTING = (
    r"(?:agree|say|believe|recommend|suggest|warn|claim|estimate|predict|argue|advise|insist|confirm|concur|swear by|know|"
    r"have found|have shown|have proven|now think)"
)
DEGREE = (
    r"(?:overwhelmingly |widely |generally |largely |broadly |all |now |unanimously |increasingly |strongly |universally |often |also )?"
)


class VagueAttribution(ClaimRule):
    """'Studies show' with no study named is the commonest unsupported claim."""

    code = "AL501"
    name = "vague-attribution"
    category = "unsupported-claim"
    severity = "warning"
    what = "Vague attribution"
    features = {
        "research": r"\b(?:studies|research|science|survey|surveys|poll|polls|statistics|evidence|the data)\s+"
        r"(?:has |have |clearly |consistently |now )?(?:shows?|shown|says|suggests?|suggested|proves?|proven|finds?|found|confirms?|confirmed|indicates?|demonstrates?|reveals?)\b",
        "authority": rf"\b{AUTHORITY} {DEGREE}{REPORTING}\b",
        "according": r"\baccording to (?:many |most |some |leading )?(?:experts|studies|research|scientists|specialists|sources|analysts|insiders)\b",
        "known": r"\bit is (?:widely|generally|commonly|universally) (?:known|believed|accepted|agreed|recognized|recognised)\b"
        r"|\bit is (?:a )?(?:well[- ]known|common knowledge|an established fact)\b",
        "everywhere": r"s everywhere (?:agree|say|know|swear by)\b",
        "everyone": r"\b(?:everyone|everybody) (?:knows|agrees)\b|\bas (?:everyone|everybody) knows\b",
    }
    summary = (
        "Claims credited to unnamed authorities ('studies show', 'experts agree', 'sleep specialists say', 'science says') with no source."
    )
    rationale = (
        "Weasel attributions borrow authority without giving the reader a way to check it. A named, dated "
        "source or a link in the sentence or the one before or after clears the claim; 'everyone knows' "
        "about the writer's own team is not a claim about the world."
    )
    bad = "Studies show that drinking coffee improves memory."
    good = "A 2021 study by the University of Bristol found that coffee improved short-term memory."

    def accept(self, m, text, sentence, doc=None, block=None, feature=None):
        before = text[sentence.start : m.start()].rstrip()
        if re.search(r"\b(?:[Nn]o|[Ff]ew|[Nn]ot all|[Nn]ot many)$", before):
            return False  # "no experts recommend", "not all doctors agree"
        # "Harvard researchers found", "the WHO's experts say": a name right before (a capital that does not
        # just start the sentence) or a year
        if re.search(r"(?:\S\s+[A-Z][\w&.-]+(?:'s|’s)?|\b[A-Z]{2,}\w*(?:'s|’s)?|\d{4})$", before):
            return False
        matched = text[m.start() : m.end()]
        if re.match(r"[A-Z]{2,}", matched):
            return False  # "NHS dietitians recommend"
        first = re.search(r"(?:^|[^\w\s]\s*)([A-Z][a-z]+) $", before + " ")  # a capitalised word opening the sentence
        if first and feature == "authority" and doc is not None and re.search(rf"[a-z,;] {first.group(1)}\b", doc.text):
            return False  # "Harvard researchers": the word is capitalised inside sentences too, so it is a name
        if feature == "everyone" and re.search(r"\b(?:[Ww]e|[Oo]ur|team|here|office|house|family|class)\b", sentence.text):
            return False  # a team's own practice
        return True
