"""JUnit XML: one test case per file, failing with its findings; input errors as errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from artlint.reporters.text_report import clean
from artlint.rule import SEVERITY_RANK


def render(report, options=None) -> str:
    """A file fails when a finding reaches ``--fail-on`` (options["fail_on"]); findings below it go to system-out."""
    threshold = (options or {}).get("fail_on", "info")  # without a threshold every finding fails the case
    rank = SEVERITY_RANK.get(threshold, 99)  # "never": no finding fails
    failed = [fr for fr in report.files if any(SEVERITY_RANK.get(f.severity, 0) >= rank for f in fr.findings)]
    suites = ET.Element("testsuites", name="artlint", tests=str(len(report.files) + len(report.errors)))
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="artlint",
        tests=str(len(report.files) + len(report.errors)),
        failures=str(len(failed)),
        errors=str(len(report.errors)),
    )
    for fr in report.files:
        case = ET.SubElement(suite, "testcase", classname="artlint", name=clean(fr.path), file=clean(fr.path))
        if fr.findings:
            body = "\n".join(
                f"{clean(fr.path)}:{f.line or 1}:{f.column or 1}: {f.rule} {f.name} {clean(f.message)}"
                + (f" [{f.severity}]" if f.severity != "warning" else "")  # as in the text report
                for f in fr.findings
            )
            if any(SEVERITY_RANK.get(f.severity, 0) >= rank for f in fr.findings):
                fail = ET.SubElement(case, "failure", message=f"{len(fr.findings)} finding(s)", type="artlint")
                fail.text = body
            else:
                ET.SubElement(case, "system-out").text = body
    for path, msg in report.errors:
        case = ET.SubElement(suite, "testcase", classname="artlint", name=clean(path), file=clean(path))
        err = ET.SubElement(case, "error", message=clean(msg), type="input")
        err.text = clean(msg)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
