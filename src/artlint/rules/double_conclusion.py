import re

from artlint import text as textutil
from artlint.rule import Rule

# Headings that close an article ("Conclusion", "Final Thoughts", "The Bottom Line: ...") and the discourse
# markers a closing paragraph opens with ("In conclusion, ...", "To sum up, ..."): English's stock closers.
CLOSING_HEADING_RE = re.compile(
    r"(?:in |the |a |our )?(?:conclusions?|summary|recap|verdict|bottom line|takeaways?|wrap[- ]?up|wrapping up|"
    r"(?:final|closing|concluding|last) (?:thoughts?|words?|verdict|notes?|remarks?)|in closing|to sum (?:it )?up|summing up|"
    r"key takeaways?|in short|all in all)\b",
    re.I,
)
CLOSING_OPENER_RE = re.compile(
    r"(?:in conclusion|to conclude|to sum (?:it )?up|to summari[sz]e|in summary|summing up|in short|all in all|in the end|"
    r"to wrap (?:it |things )?up|all things considered|in a nutshell|the bottom line is|ultimately|overall)\b",
    re.I,
)
MIN_SHARED = 2  # rare words two closings have in common: besides the topic word, at least one of its points


class DoubleConclusion(Rule):
    """Two closing sections or paragraphs, one after the other, that sum up the same article twice."""

    code = "AL204"
    name = "double-conclusion"
    category = "duplicate"
    severity = "warning"
    options = {"min_words": 15}
    summary = "A second conclusion: two closing sections or paragraphs near the end that both sum the article up."
    rationale = (
        "Content pipelines that generate an article in parts often append a closing section to a text that "
        "already has one ('Conclusion' followed by 'Final Thoughts'), and the two restate each other in "
        "other words. A closing unit is a section whose heading closes ('Conclusion', 'In Summary', 'The "
        "Bottom Line') or a paragraph opening with a closing marker ('To sum up,', 'In conclusion,'). Two of "
        "them in the last third of the article, sharing rare words, are reported. A summary box of bullet "
        "points, and an introduction that the conclusion echoes, are not closing units."
    )
    bad = (
        "## Watering\n\nWater a fern whenever the top of the compost feels dry, and mist the fronds in summer.\n\n"
        "## Repotting\n\nMove the fern to a pot one size larger each spring, in fresh peat-free compost.\n\n"
        "## Conclusion\n\nRepotting a fern every spring, into fresh compost, keeps its roots healthy and its fronds green all year.\n\n"
        "## Final Thoughts\n\nTo sum up, moving your fern to fresh compost each spring is what keeps its fronds green and its roots strong."
    )
    good = (
        "## Watering\n\nWater a fern whenever the top of the compost feels dry, and mist the fronds in summer.\n\n"
        "## Repotting\n\nMove the fern to a pot one size larger each spring, in fresh peat-free compost.\n\n"
        "## Conclusion\n\nRepotting a fern every spring, into fresh compost, keeps its roots healthy and its fronds green all year.\n\n"
        "Overall, a fern asks for little more than fresh compost each spring and a damp, shady spot."
    )

    def check(self, doc):
        body = [b for b in doc.body if b.kind in ("heading", "paragraph", "list_item", "quote", "table_row")]
        if len(body) < 6:
            return
        tail_start = body[len(body) * 2 // 3].index  # the last third of the article
        units = []  # (heading or None, first paragraph): each closing unit
        heading = None
        closing_section = False
        for b in body:
            if b.kind == "heading":
                heading = b
                closing_section = bool(CLOSING_HEADING_RE.match(b.trimmed))
                continue
            if b.kind != "paragraph" or b.words < self.opts["min_words"]:
                continue
            if closing_section:
                if not units or units[-1][0] is not heading:
                    units.append((heading, b))  # the first paragraph of a closing section
            elif CLOSING_OPENER_RE.match(b.text) and (not units or units[-1][0] is not heading or heading is None):
                units.append((heading, b))
        units = [u for u in units if u[1].index >= tail_start or (u[0] is not None and u[0].index >= tail_start)]
        for (_h1, first), (_h2, second) in zip(units, units[1:]):
            shared = [
                w
                for w in set(textutil.content_words(first.tokens)) & set(textutil.content_words(second.tokens))
                if textutil.rarity(w) >= 0.3
            ]
            if len(shared) < MIN_SHARED:
                continue
            line = doc.position(first.start)[0]
            yield self.hit(
                f"A second conclusion: this closing passage sums the article up again after the one at line {line} "
                f"(both on {', '.join(sorted(shared)[:4])}).",
                second,
                0,
                min(len(second.text), 80),
                related=((first, 0, min(len(first.text), 80), "first conclusion"),),
            )
