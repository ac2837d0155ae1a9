"""JUnit XML: one test case per file, failing with its findings; input errors as errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from artlint.reporters.text_report import clean


def render(report, options=None) -> str:
    suites = ET.Element("testsuites", name="artlint", tests=str(len(report.files) + len(report.errors)))
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="artlint",
        tests=str(len(report.files) + len(report.errors)),
        failures=str(sum(1 for fr in report.files if fr.findings)),
        errors=str(len(report.errors)),
    )
    for fr in report.files:
        case = ET.SubElement(suite, "testcase", classname="artlint", name=clean(fr.path), file=clean(fr.path))
        if fr.findings:
            body = "\n".join(f"{fr.path}:{f.line or 1}:{f.column or 1}: {f.rule} {f.name} {clean(f.message)}" for f in fr.findings)
            fail = ET.SubElement(case, "failure", message=f"{len(fr.findings)} finding(s)", type="artlint")
            fail.text = body
    for path, msg in report.errors:
        case = ET.SubElement(suite, "testcase", classname="artlint", name=clean(path), file=clean(path))
        err = ET.SubElement(case, "error", message=clean(msg), type="input")
        err.text = clean(msg)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
