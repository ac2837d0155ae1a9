from artlint import text as textutil
from artlint.rule import Rule


class DuplicateHeading(Rule):
    """The same heading twice among siblings is a repeated or mis-generated section."""

    code = "AL201"
    name = "duplicate-heading"
    category = "duplicate"
    severity = "warning"
    summary = "The same heading twice under the same parent."
    rationale = (
        "Two sibling sections with one heading are a copy or a generation loop. The same heading under "
        "different parents ('Pros' under each product) is fine and not flagged. In plain text, where "
        "nesting is unknown, only headings of three or more words, or repeats in a row, are flagged."
    )
    bad = "## Impacts on diplomacy\n\n## Impacts on diplomacy\n\nThe impacts are..."
    good = "## Phone A\n\n### Pros\n\nLong battery.\n\n## Phone B\n\n### Pros\n\nBright screen."

    def check(self, doc):
        seen: dict[tuple, object] = {}
        prev = None
        if doc.title_block is not None:
            title = doc.blocks[doc.title_block]
            seen[(None, textutil.normalise(title.text))] = title
        for h in doc.headings:
            norm = textutil.normalise(h.text)
            if not norm or h.index == doc.title_block or (doc.keyphrase and doc.keyphrase in norm):
                prev = h
                continue
            key = (h.parent, norm) if doc.has_heading_levels else (None, norm)
            first = seen.get(key) or seen.get((None, norm)) if h.index != doc.title_block else None
            adjacent = prev is not None and textutil.normalise(prev.text) == norm
            if first is not None and (doc.has_heading_levels or adjacent or len(norm.split()) >= 3):
                yield self.hit(
                    f"Heading repeats '{first.text[:60]}' (line {doc.position(first.start)[0]}).",
                    h,
                    related=((first, 0, len(first.text), "first occurrence"),),
                )
            else:
                seen.setdefault(key, h)
            prev = h
