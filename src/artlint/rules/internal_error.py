from artlint.rule import Finding, Rule


class InternalError(Rule):
    """Reported by the engine, not found in the text: a rule that raised or ran past its time budget on a file.

    The run goes on: the other rules' findings stand, and this finding names the rule and its plugin.
    """

    code = "AL000"
    name = "internal-error"
    category = "internal"
    severity = "error"
    engine_reported = True  # no article triggers it: the examples below describe the situation, they are not run
    summary = "A rule failed on this file (it raised, or ran past its time budget); its findings are missing."
    rationale = (
        "artlint reports a crashing or runaway rule instead of stopping the run, so one bad rule or plugin costs "
        "its own findings and nothing else. Report it to the rule's plugin; a rule past its budget on 3 files is "
        "not run again in the same run."
    )
    bad = "A plugin rule that raises ZeroDivisionError on an article: the file gets one AL000 finding naming the rule and plugin."
    good = "Every rule returns normally on the article: no AL000."

    def check(self, doc):
        return ()  # the engine reports crashes, through failure() below

    def failure(self, path: str, failed: Rule, exc: BaseException, severity: str | None = None) -> Finding:
        """The finding for ``failed``, which raised ``exc`` on the file at ``path``."""
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]  # one line: an exception may carry a traceback-sized text
        return Finding(
            path=path,
            rule=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            message=f"rule {failed.code} {failed.name} (plugin {failed.plugin}) failed: {detail}",
            line=None,
            column=None,
            end_line=None,
            end_column=None,
            plugin=failed.plugin,
        )
