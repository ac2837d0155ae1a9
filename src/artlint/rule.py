"""What a rule is, and what it reports.

A rule is a class with explicit metadata and a ``check(doc)`` generator of
findings. Rules are pure: they read the :class:`~artlint.document.Document`
and their options, and never do I/O. Built-in rules, YAML pack rules and
third-party rules all share this contract.
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from artlint.document import Block, Document
from artlint.matching.patterns import Prefilter, lower_case_twin  # noqa: F401 - their former home: plugins import them from here

# The one list of categories. The schemas' enums, the README's table, the HTML report's colours and the
# scorer's SCORED list are checked against it (tests/test_registries.py): a new category starts here.
CATEGORIES = (
    "structure",
    "duplicate",
    "off-topic",
    "placeholder",
    "unsupported-claim",
    "boilerplate",
    "keyword-stuffing",
    "spun-text",
    "typography",
    "readability",
    "style",
    "internal",
)
# Not counted in the quality figures (README, eval/score.py): advice at info level, and crashes of rules.
UNSCORED_CATEGORIES = frozenset({"readability", "style", "internal"})
SCORED_CATEGORIES = tuple(c for c in CATEGORIES if c not in UNSCORED_CATEGORIES)
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
CODE_RE = re.compile(r"^[A-Z]{1,6}[0-9]{2,4}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Related:
    line: int
    column: int
    message: str = ""


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` of the document's text (line endings as LF) with ``replacement``.

    The line and columns are where ``start`` and ``end`` fall in the original file, for reports.
    """

    start: int
    end: int
    replacement: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


FIX_APPLICABILITY = ("safe", "unsafe")


@dataclass(frozen=True)
class Fix:
    """Edits applied together or not at all. ``safe``: the meaning is unchanged; ``unsafe``: it may change."""

    edits: tuple[Edit, ...]
    applicability: str = "safe"

    def as_tuple(self) -> tuple:
        return (self.applicability, tuple((e.start, e.end, e.replacement, e.line, e.column, e.end_line, e.end_column) for e in self.edits))

    @staticmethod
    def from_tuple(t) -> Fix | None:
        return Fix(tuple(Edit(*e) for e in t[1]), t[0]) if t else None

    @staticmethod
    def json_of_tuple(t) -> dict | None:
        if not t:
            return None
        keys = ("start", "end", "replacement", "line", "column", "end_line", "end_column")
        return {"applicability": t[0], "edits": [dict(zip(keys, e)) for e in t[1]]}


@dataclass(frozen=True)
class Finding:
    path: str
    rule: str
    name: str
    category: str
    severity: str
    message: str
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    excerpt: str = ""
    related: tuple[Related, ...] = ()
    plugin: str | None = field(default=None, compare=False)
    context: str = field(default="", compare=False, repr=False)  # words around the span, for fingerprints
    fix: Fix | None = field(default=None, compare=False)

    def sort_key(self):
        return (self.path, self.line or 0, self.column or 0, self.rule, self.message)

    def as_tuple(self) -> tuple:
        """Every field as plain values (for :func:`pack_findings`)."""
        return (
            self.path,
            self.rule,
            self.name,
            self.category,
            self.severity,
            self.message,
            self.line,
            self.column,
            self.end_line,
            self.end_column,
            self.excerpt,
            tuple((r.line, r.column, r.message) for r in self.related),
            self.plugin,
            self.context,
            self.fix.as_tuple() if self.fix else None,
        )

    @classmethod
    def from_tuple(cls, t: tuple) -> Finding:
        """The inverse of :meth:`as_tuple`. Fills the instance directly: a frozen dataclass's __init__
        sets fields one by one, and reports rebuild findings by the hundred thousand."""
        f = object.__new__(cls)
        d = f.__dict__
        d.update(zip(_FINDING_FIELDS, t))
        if t[11]:
            d["related"] = tuple(Related(*r) for r in t[11])
        else:
            d["related"] = ()
        d["fix"] = Fix.from_tuple(t[14]) if len(t) > 14 and t[14] else None
        return f

    def to_json(self) -> dict[str, Any]:
        """The report's form (schemas/report.schema.json)."""
        return Finding.json_of_tuple(self.as_tuple())

    @staticmethod
    def json_of_tuple(t: tuple) -> dict[str, Any]:
        """:meth:`to_json` of a finding in its :meth:`as_tuple` form (reports of cached results skip the object)."""
        return {
            "rule": t[1],
            "name": t[2],
            "category": t[3],
            "severity": t[4],
            "message": t[5],
            "line": t[6],
            "column": t[7],
            "end_line": t[8],
            "end_column": t[9],
            "excerpt": t[10],
            "related": [{"line": r[0], "column": r[1], "message": r[2]} for r in t[11]],
            "fix": Fix.json_of_tuple(t[14] if len(t) > 14 else None),
        }


@dataclass(frozen=True)
class Hit:
    """What ``Rule.check`` yields: a span of a block (or the whole document)."""

    message: str
    block: Block | None = None
    start: int = 0
    end: int | None = None
    related: tuple[tuple[Block, int, int, str], ...] = ()  # (block, start, end, message)
    severity: str | None = None  # overrides the rule's default for this hit
    # edits of ``block.text`` as (start, end, replacement); a replacement of None removes the block's whole line
    fix: tuple[tuple[int, int, str | None], ...] = ()
    fix_applicability: str = "safe"


class Rule:
    """Base class. Subclasses set the metadata and implement :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[str] = "warning"
    summary: ClassVar[str] = ""
    rationale: ClassVar[str] = ""
    bad: ClassVar[str] = ""  # an example that is flagged
    good: ClassVar[str] = ""  # the same example, fixed: not flagged
    example_format: ClassVar[str] = "markdown"  # the format bad and good are read in (tests/test_rule_examples.py)
    options: ClassVar[dict[str, Any]] = {}
    # each option's type (a type or a tuple of types); an option not listed has its default's type
    option_types: ClassVar[dict[str, Any]] = {}
    option_choices: ClassVar[dict[str, tuple]] = {}  # options that take one of a few values
    formats: ClassVar[tuple[str, ...] | None] = None  # None: every format
    fixture_select: ClassVar[tuple[str, ...]] = ()  # other rules this rule's fixtures need enabled
    # a preview rule runs only when a selector names it by code or name (its precision is not yet proven)
    preview: ClassVar[bool] = False
    # a broad rule: dropped on lines a specific rule of its category already flags; 2: also on lines a
    # broad rule (1) flags (the learned line model's rules: the last word on a line)
    fallback: ClassVar[bool | int] = False
    # categories whose finding on the same line makes this one a symptom, not a second problem: a pasted
    # search query starts in lower case and repeats words, a writer's note is not a sentence to fix
    symptom_of: ClassVar[frozenset[str]] = frozenset()
    # reported by the engine, not found in the text (AL000, a crashing rule): its examples describe, they are not run
    engine_reported: ClassVar[bool] = False
    plugin: str | None = None  # filled in by the plugin manager
    source: str = ""  # module or pack file that defines the rule

    def __init__(self, **options: Any) -> None:
        self.validate_options(options)
        self.opts = {**self.options, **options}

    @classmethod
    def validate_options(cls, options: dict[str, Any]) -> None:
        """Raise ValueError naming the first unknown option or the first value of the wrong type."""
        unknown = set(options) - set(cls.options)
        if unknown:
            known = ", ".join(sorted(cls.options)) or "none"
            raise ValueError(f"unknown option(s) for {cls.code}: {', '.join(sorted(unknown))} (options: {known})")
        for key, value in options.items():
            default = cls.options[key]
            expected = cls.option_types.get(key) or (type(default) if default is not None else object)
            expected = expected if isinstance(expected, tuple) else (expected,)
            if float in expected:
                expected = (*expected, int)  # 3 is a fine float
            if not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected):
                want = " or ".join(_TYPE_WORDS.get(t, t.__name__) for t in dict.fromkeys(expected))
                raise ValueError(f"option {key} must be {want}, not {value!r}")
            choices = cls.option_choices.get(key)
            if choices and value not in choices:
                raise ValueError(f"option {key} must be one of {', '.join(map(repr, choices))}, not {value!r}")

    def check(self, doc: Document) -> Iterable[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError

    def warm(self) -> None:
        """Build now what the rule otherwise builds at first use (expressions): called before a run forks
        its workers, so they share it instead of each building its own. Nothing by default."""

    def hit(self, message: str, block: Block | None = None, start: int = 0, end: int | None = None, **kw) -> Hit:
        return Hit(message, block, start, end, **kw)

    def metadata(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "summary": self.summary,
            "rationale": self.rationale,
            "bad": self.bad,
            "good": self.good,
            "options": dict(self.options),
            "plugin": self.plugin,
        }


def finding_from_hit(rule: Rule, doc: Document, hit: Hit, severity: str) -> Finding:
    context = ""
    if hit.block is None:
        line = col = eline = ecol = None
        excerpt = ""
    else:
        loc = doc.locate(hit.block, hit.start, hit.end)
        line, col, eline, ecol = loc.line, loc.column, loc.end_line, loc.end_column
        end = len(hit.block.text) if hit.end is None else hit.end
        excerpt = hit.block.text[hit.start : end]
        if len(excerpt) > 160:
            excerpt = excerpt[:157] + "..."
        context = hit.block.text[max(0, hit.start - 40) : end + 40]
    related = []
    for block, s, e, msg in hit.related:
        loc = doc.locate(block, s, e)
        related.append(Related(loc.line, loc.column, msg))
    return Finding(
        fix=source_fix(doc, hit) if hit.fix else None,
        path=doc.path,
        rule=rule.code,
        name=rule.name,
        category=rule.category,
        severity=hit.severity or severity,
        message=hit.message,
        line=line,
        column=col,
        end_line=eline,
        end_column=ecol,
        excerpt=excerpt,
        related=tuple(related),
        plugin=rule.plugin,
        context=context,
    )


_MARKUP_LINE_RE = re.compile(r"[ \t]*(?:[-*+>][ \t]+|#{1,6}[ \t]+|\d{1,3}[.)][ \t]+)*")


def source_fix(doc: Document, hit: Hit) -> Fix | None:
    """The hit's edits in the source's coordinates, or None when one cannot be placed safely.

    An edit must fall inside one verbatim run of the block's text (never in markup, an entity, a tag or
    an attribute) and the source there must read exactly as the block does. Code blocks get no edits.
    A removal of the whole line (replacement None) is allowed only where the line holds nothing but
    the block's text and Markdown markers (plain text and Markdown), and never for a heading (the
    outline stays as it was: a person decides whether a section goes).
    """
    block = hit.block
    if block is None or block.kind == "code" or hit.fix_applicability not in FIX_APPLICABILITY:
        return None
    source = doc.source
    edits = []
    for start, end, replacement in hit.fix:
        if replacement is None:
            if doc.format == "html" or block.is_heading or len(block.segments) != 1:
                return None
            seg = block.segments[0]
            if seg.length != len(block.text) or source[seg.src_start : seg.src_start + seg.length] != block.text:
                return None
            s = source.rfind("\n", 0, seg.src_start) + 1
            e = source.find("\n", seg.src_start + seg.length)
            e = len(source) if e < 0 else e + 1
            if not _MARKUP_LINE_RE.fullmatch(source[s : seg.src_start]) or source[seg.src_start + seg.length : e].strip():
                return None
            if source[e : e + 1] == "\n" and (s == 0 or source[s - 2 : s] == "\n\n" or s == 1):
                e += 1  # a line between blank lines: one blank line goes with it, so no gap is left
            elif e == len(source) and source[s - 2 : s] == "\n\n":
                s -= 1  # the last line, after a blank one: the blank one goes too
            edits.append((s, e, ""))
            continue
        for seg in block.segments:
            if seg.text_start <= start and end <= seg.text_start + seg.length and (end > start or start < seg.text_start + seg.length):
                s = seg.src_start + start - seg.text_start
                e = s + end - start
                if source[s:e] != block.text[start:end]:
                    return None
                edits.append((s, e, replacement))
                break
        else:
            return None
    out = []
    for s, e, r in sorted(edits):
        line, col = doc.position(s)
        eline, ecol = doc.position(e)
        out.append(Edit(s, e, r, line, col, eline, ecol))
    return Fix(tuple(out), hit.fix_applicability)


def validate_rule_class(rule: type[Rule] | Rule) -> list[str]:
    """Problems with a rule's metadata (empty list when it is well formed)."""
    problems = []
    if not CODE_RE.match(getattr(rule, "code", "") or ""):
        problems.append("code must look like AL123")
    if not NAME_RE.match(getattr(rule, "name", "") or ""):
        problems.append("name must be kebab-case")
    if getattr(rule, "category", None) not in CATEGORIES:
        problems.append(f"category must be one of {', '.join(CATEGORIES)}")
    if getattr(rule, "severity", None) not in SEVERITIES:
        problems.append("severity must be error, warning or info")
    for attr in ("summary", "rationale", "bad", "good"):
        if not str(getattr(rule, attr, "") or "").strip():
            problems.append(f"{attr} is empty")
    return problems


@dataclass
class RuleSet:
    """The rules of a run, by code."""

    rules: dict[str, Rule] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules[c] for c in sorted(self.rules))

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, key: str) -> Rule | None:
        key_l = key.lower()
        for r in self.rules.values():
            if r.code.lower() == key_l or r.name == key_l:
                return r
        return None


_TYPE_WORDS = {int: "an integer", float: "a number", bool: "true or false", str: "a string", list: "a list", dict: "a table"}

_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


def pack_findings(findings) -> bytes:
    """Findings as compact bytes: a report of 10,000 files keeps its findings in a fraction of the memory."""
    return marshal.dumps(tuple(f.as_tuple() for f in findings))


def unpack_findings(data: bytes) -> list[Finding]:
    return [Finding.from_tuple(t) for t in marshal.loads(data)]
