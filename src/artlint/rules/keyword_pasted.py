from artlint import text as textutil
from artlint.rule import Rule
from artlint.rules._keyphrase import SEPARATOR_RE, phrase_regex


class KeywordPasted(Rule):
    """The keyphrase glued onto a heading or the start of a paragraph, joined by a comma, colon or dash."""

    code = "AL702"
    name = "keyword-pasted"
    category = "keyword-stuffing"
    severity = "warning"
    summary = "The target keyphrase pasted onto a heading or a paragraph, joined by a comma, colon or dash."
    rationale = (
        "Stuffing tools append the keyphrase to headings ('History of the Talks, us russia talks') or put "
        "it before the lead ('us russia talks – The talks began...'). The line no longer reads as English."
    )
    bad = "Cheap Flights to Lisbon\n\ncheap flights lisbon deals – Flights to Lisbon are cheapest in late January.\n\nBudget airlines from the UK\n\nFly midweek to save the most.\n\nWhen to Book, cheap flights lisbon deals\n\nBook six to eight weeks ahead.\n\ncheap flights lisbon deals\n\nCompare the total price including bags.\n\ncheap flights lisbon deals\n"
    good = "Cheap Flights to Lisbon\n\nFlights to Lisbon are cheapest in late January.\n\nWhen to Book\n\nBook six to eight weeks ahead to find cheap flights to Lisbon.\n"
    example_format = "text"

    def check(self, doc):
        if not doc.keyphrase:
            return
        rx = phrase_regex(doc.keyphrase)
        for b in doc.blocks:
            if b.kind not in ("heading", "paragraph", "list_item") or b.index == doc.title_block:
                continue
            if textutil.normalise(b.text) == doc.keyphrase:
                continue  # a stray line: stray-keyword-line
            for m in rx.finditer(b.text):
                before, after = b.text[: m.start()], b.text[m.end() :]
                glued_after = bool(before.strip()) and SEPARATOR_RE.search(before) and not after.strip(" .!?")
                glued_before = not before.strip() and after.strip() and SEPARATOR_RE.match(after)
                raw = m.group() != doc.keyphrase and m.group().lower() == m.group() or doc.keyphrase_source == "inferred"
                if b.kind == "heading" and (glued_after or glued_before) and raw:
                    yield self.hit(f"The keyphrase '{doc.keyphrase}' is pasted onto this heading.", b, m.start(), m.end())
                elif b.kind != "heading" and glued_before and raw:
                    yield self.hit(f"The keyphrase '{doc.keyphrase}' is pasted before the text, joined by a dash.", b, m.start(), m.end())
