from artlint.rules._claims import Attribution
from artlint.rules._line_model import LearnedLineRule, Scored


class LikelyUnsupportedClaim(LearnedLineRule):
    """A sentence the learned line model reads as a claim that needs a source, with none near it."""

    code = "AL507"
    name = "likely-unsupported-claim"
    category = "unsupported-claim"
    model_class = "unsupported-claim"
    what = "Likely a claim that needs a source (none in the sentence or next to it)"
    summary = (
        "A sentence that the learned line model (training/README.md) classes as an unsupported claim "
        "(statistics, promises, rankings, testimonials, trends) and that has no link, named source or "
        "'(Source, year)' in it or in the sentences next to it."
    )
    rationale = (
        "AL501-AL506 find claims by named features; this rule scores the sentences they miss from features "
        "learned from labelled claims and content, and keeps the same attribution check over the sentence "
        "and its neighbours. Warnings only, never on a line another claim rule already flags."
    )
    bad = "# Insulating a loft\n\nHomes that top up loft insulation sell 20% faster than homes without it.\n"
    good = (
        "# Insulating a loft\n\nHomes that top up loft insulation sell 20% faster than homes without it, "
        "according to [the Energy Saving Trust](https://example.org/est).\n"
    )
    advice = "Cite a source next to the claim, or soften or remove it."

    def accept(self, doc, unit: Scored) -> bool:
        attribution = doc.__dict__.get("_line_model_attribution")
        if attribution is None:
            attribution = doc.__dict__["_line_model_attribution"] = Attribution(doc)
        return unit.block.kind == "heading" or not attribution.near(unit.block, unit.sentence)
