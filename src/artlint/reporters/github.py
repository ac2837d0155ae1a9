"""GitHub Actions workflow commands: one ::error/::warning/::notice annotation per finding."""

from __future__ import annotations

from artlint.reporters.text_report import clean

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    # line breaks would end the command: shown escaped, like every other control character
    return clean(s).replace("%", "%25")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(report, options=None):
    """One line per finding, written as the files come (memory stays flat)."""
    for f in report.iter_findings():
        props = [f"file={_prop(f.path)}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
            if f.end_line:
                props += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
        props.append(f"title={_prop(f'{f.rule} {f.name}')}")
        yield f"::{LEVELS[f.severity]} {','.join(props)}::{_data(f.message)}\n"
    for path, msg in report.errors:
        yield f"::error file={_prop(path)},title=artlint::{_data(msg)}\n"
