"""The report model: each file's result, the files of a run, and the report the reporters write.

Below the engine and the runner (they fill it) and above ``rule`` (the findings it holds). The JSON
header (``version`` and ``tool``) is one function, shared by the JSON report, baselines and the audit.
"""

from __future__ import annotations

import json
import marshal
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from artlint.rule import SEVERITY_RANK, Finding, RuleSet, pack_findings, unpack_findings
from artlint.version import __version__

REPORT_VERSION = 1  # the "version" of every JSON file artlint writes (schemas/report.schema.json)


def json_header() -> dict:
    """The first keys of every JSON file artlint writes: the format version and the tool that wrote it."""
    return {"version": REPORT_VERSION, "tool": {"name": "artlint", "version": __version__}}


@dataclass
class FileResult:
    path: str
    format: str
    words: int
    findings: list[Finding]
    title: str | None = None
    keyphrase: str | None = None
    warnings: list[str] = field(default_factory=list)
    source: str | None = field(default=None, repr=False)  # kept only for reports that show the text
    keyphrase_source: str | None = None  # where the keyphrase came from (see artlint.topic)

    def to_json(self) -> dict:
        out = {
            "path": self.path,
            "format": self.format,
            "words": self.words,
            "title": self.title,
            "keyphrase": self.keyphrase,
            "keyphrase_source": self.keyphrase_source,
            "findings": [f.to_json() for f in self.findings],
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


class FileList:
    """The files of a report, in order, each with its findings packed into bytes.

    A FileResult is rebuilt when read, so reporters that go through the files one at a time
    (text, json, github, junit) keep memory flat however many files a run covers.
    """

    def __init__(self, results=()):
        self._entries: list[tuple[FileResult, bytes]] = []
        self.by_severity: Counter = Counter()
        self.by_category: Counter = Counter()
        self.n_findings = 0
        for r in results:
            self.append(r)

    def append(self, result: FileResult) -> None:
        self.n_findings += len(result.findings)
        self.by_severity.update(f.severity for f in result.findings)
        self.by_category.update(f.category for f in result.findings)
        self._entries.append((replace(result, findings=[]), pack_findings(result.findings)))

    def append_packed(self, shell: FileResult, packed: bytes) -> None:
        """A result whose findings come packed (from the cache): counted without rebuilding them."""
        rows = marshal.loads(packed)
        self.n_findings += len(rows)
        self.by_severity.update(r[4] for r in rows)
        self.by_category.update(r[3] for r in rows)
        self._entries.append((shell, packed))

    def iter_json(self) -> Iterator[dict]:
        """Each file's JSON form, straight from the packed findings."""
        for shell, packed in self._entries:
            out = shell.to_json()
            out["findings"] = [Finding.json_of_tuple(t) for t in marshal.loads(packed)]
            yield out

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, i: int) -> FileResult:
        shell, packed = self._entries[i]
        return replace(shell, findings=unpack_findings(packed), warnings=list(shell.warnings))

    def __iter__(self) -> Iterator[FileResult]:
        for i in range(len(self._entries)):
            yield self[i]


@dataclass
class Report:
    files: FileList = field(default_factory=FileList)
    errors: list[tuple[str, str]] = field(default_factory=list)
    rules: RuleSet | None = None

    def __post_init__(self):
        if not isinstance(self.files, FileList):
            self.files = FileList(self.files)

    @property
    def findings(self) -> list[Finding]:
        """Every finding, as one list (reporters that need them all at once; see :meth:`iter_findings`)."""
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[Finding]:
        for fr in self.files:
            yield from fr.findings

    def reaches(self, threshold: str) -> bool:
        """True when any finding is at or above ``threshold`` (never: False)."""
        if threshold == "never":
            return False
        return any(n and SEVERITY_RANK.get(sev, 0) >= SEVERITY_RANK[threshold] for sev, n in self.files.by_severity.items())

    def summary(self) -> dict:
        return {
            "files": len(self.files),
            "findings": self.files.n_findings,
            "by_severity": dict(sorted(self.files.by_severity.items())),
            "by_category": dict(sorted(self.files.by_category.items())),
        }

    def to_json(self) -> dict:
        """The JSON report as one object (the CLI writes it with :meth:`json_chunks` instead)."""
        return {**self._head(), "files": list(self.files.iter_json()), **self._tail()}

    def json_chunks(self) -> Iterator[str]:
        """The JSON report (schemas/report.schema.json), compact, one file at a time."""
        yield json.dumps(self._head())[:-1] + ', "files": ['
        for i, entry in enumerate(self.files.iter_json()):
            yield (", " if i else "") + json.dumps(entry, ensure_ascii=False)
        yield "], " + json.dumps(self._tail(), ensure_ascii=False)[1:]

    def _head(self) -> dict:
        return json_header()

    def _tail(self) -> dict:
        return {"summary": self.summary(), "errors": [{"path": p, "message": m} for p, m in self.errors]}
