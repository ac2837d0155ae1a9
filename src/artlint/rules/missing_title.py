from artlint.rule import Rule


class MissingTitle(Rule):
    """An article with no title cannot rank or be shared well."""

    code = "AL101"
    name = "missing-title"
    category = "structure"
    severity = "error"
    summary = "The article has no title (no title line, H1, <title> or front-matter title)."
    rationale = (
        "Search engines, feeds and readers all start from the title. Scraped and generated articles often "
        "lose it and open with a summary sentence or the first paragraph instead."
    )
    bad = "The reduction in peace talks is influenced by several factors, as this article explains.\n\nReasons for the reduction\n..."
    example_format = "text"  # bare lines: a title, headings and widgets as plain text show them
    good = "Why Peace Talks Stalled in 2024\n\nThe reduction in peace talks is influenced by several factors."

    def check(self, doc):
        if not doc.title:
            first = next((b for b in doc.blocks if b.kind != "code"), None)
            what = f" it opens with a {first.kind.replace('_', ' ')} instead" if first is not None else ""
            yield self.hit(f"The article has no title;{what}.")
