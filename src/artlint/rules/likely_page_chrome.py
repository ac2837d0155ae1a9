from artlint.rules._line_model import LearnedLineRule


class LikelyPageChrome(LearnedLineRule):
    """A line the learned line model reads as page chrome (a widget, a notice, a label) copied into the body."""

    code = "AL614"
    name = "likely-page-chrome"
    category = "boilerplate"
    model_class = "boilerplate"
    what = "Likely page chrome (a widget, notice or label of the site) copied into the article"
    summary = (
        "A line that the learned line model (training/README.md) classes as boilerplate: share and follow "
        "bars, cookie and consent notices, sponsor labels, subscription prompts, bylines and tag lines, "
        "however they are worded."
    )
    rationale = (
        "Scraped and templated pages carry the site around the article; AL613 scores it from named features "
        "and the packs name the common widgets. This rule adds a model learned from labelled lines (button and "
        "platform words, separators, capitals, no sentence grammar, place at the top or tail). Warnings only, "
        "never on a line another boilerplate rule already flags."
    )
    bad = "# Growing garlic\n\nPlant cloves in autumn, pointed end up.\n\nShare this article: Facebook | Twitter | Email\n"
    good = "# Growing garlic\n\nPlant cloves in autumn, pointed end up.\n\nHarvest when the lower leaves turn brown.\n"
    advice = "Remove the page chrome from the article body."
