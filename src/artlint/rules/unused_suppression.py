from artlint.rule import Rule


class UnusedSuppression(Rule):
    """Reported by the engine: an inline suppression comment that suppressed no finding."""

    code = "AL001"
    name = "unused-suppression"
    category = "internal"
    severity = "warning"
    formats = ("markdown", "mdx", "html")
    fixture_select = ("AL402", "AL901")
    summary = "An artlint-disable comment that suppresses nothing (in Markdown and HTML)."
    rationale = (
        "Suppressions outlive the text they were written for. One that no longer suppresses anything hides "
        "nothing today but would hide a new problem tomorrow; remove it (as Ruff's RUF100)."
    )
    bad = "<!-- artlint-disable-next-line AL901 -->\nA sentence with nothing wrong in it."
    good = "<!-- artlint-disable-next-line AL901 -->\nA sentence that needs it,really."

    def check(self, doc):
        return ()  # the engine applies suppressions and reports the unused ones under this code
