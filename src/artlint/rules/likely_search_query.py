from artlint.rules._line_model import LearnedLineRule


class LikelySearchQuery(LearnedLineRule):
    """A line, heading or sentence the learned line model reads as a search query pasted into the article."""

    code = "AL706"
    name = "likely-search-query"
    category = "keyword-stuffing"
    model_class = "search-query"
    what = "Likely a search query pasted into the article"
    summary = (
        "A line, heading or sentence that the learned line model (training/README.md) classes as a search "
        "query: search-box word order, query modifiers, no sentence grammar, as a stray line, a heading "
        "tail or pasted into a sentence."
    )
    rationale = (
        "Keyword stuffing pastes the target query where it does not belong. AL704 finds it from the "
        "article's topic model; this rule scores units from features learned from labelled queries and "
        "content (word pairs, function words, capitals, length, final punctuation). Warnings only, never on a "
        "line another keyword-stuffing rule already flags."
    )
    bad = "# Descaling a kettle\n\nFill it with equal parts water and white vinegar.\n\nhow to descale kettle without vinegar uk cheap\n"
    good = "# Descaling a kettle\n\nFill it with equal parts water and white vinegar.\n\nBoil, leave it an hour, then rinse twice.\n"
    advice = "Remove the query, or write it into a sentence that reads naturally."
