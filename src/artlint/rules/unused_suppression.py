from artlint.rule import Finding, Rule


class UnusedSuppression(Rule):
    """An inline suppression comment that suppressed no finding.

    The engine applies a document's suppressions after every rule ran, then asks this rule which of
    them were unused (:meth:`unused`): only then is it known what each one suppressed.
    """

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
        return ()  # the engine calls unused() once it has applied the document's suppressions

    def unused(self, doc, directives, enabled, names, severity: str) -> list[Finding]:
        """A finding for each directive that suppressed nothing (``d.used`` is False).

        Like Ruff's RUF100, only when every rule the directive names actually ran (``enabled`` are the rules
        that ran, ``names(rule, selector)`` says whether a selector names a rule); a directive naming no rule
        counts when any rule besides this one ran.
        """
        out = []
        for d in directives:
            ran = all(any(names(r, s) for r in enabled) for s in d.selectors) if d.selectors else len(enabled) > 1
            if d.used or not ran:
                continue
            what = " ".join(d.selectors) or "all rules"
            out.append(
                Finding(
                    path=doc.path,
                    rule=self.code,
                    name=self.name,
                    category=self.category,
                    severity=severity,
                    message=f"Unused suppression (artlint-{d.kind} {what}): it suppresses no finding.",
                    line=d.line,
                    column=d.column,
                    end_line=d.line,
                    end_column=d.column,
                    plugin=self.plugin,
                )
            )
        return out
