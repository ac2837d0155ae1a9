"""Declarative rule packs: phrase and pattern rules written as YAML.

A pack is a YAML file with a list of rules, each of a Vale-like kind:
``existence`` (flag any of these phrases or patterns) or ``substitution``
(flag a phrase and suggest its replacement), applied in a scope (title,
heading, paragraph, list_item, table_row, block, sentence). ``match: whole``
flags a block only when the phrase is the whole block (page chrome such as
"Leave a reply" alone on a line), so the same word inside a sentence is fine.
Packs load with ``yaml.safe_load`` only and are validated against
``schemas/rule-pack.schema.json``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from artlint.document import Document
from artlint.matching import BlockScan, phrase_alternation
from artlint.resources import schema
from artlint.rule import Hit, Rule


class PackError(Exception):
    """A rule pack that cannot be loaded; the message names the file and field."""


SCOPES = {
    "title": None,
    "heading": ("heading",),
    "paragraph": ("paragraph", "quote", "list_item"),
    "list_item": ("list_item",),
    "table_row": ("table_row",),
    "block": ("heading", "paragraph", "quote", "list_item", "table_row"),
    "sentence": ("heading", "paragraph", "quote", "list_item", "table_row"),
}


class PackRule(Rule):
    """A rule defined by one entry of a YAML pack."""

    kind = "existence"
    scope = "sentence"
    match_whole = False
    regex_source = ""
    regex_flags = 0
    message = "{match}"
    swap: dict[str, str] = {}
    ignorecase = True
    limit = 0  # at most this many findings per scope unit (0: no limit)
    entry: dict = {}  # the pack entry the rule was made from

    @cached_property
    def scan(self) -> BlockScan:
        """How the entry's phrases and patterns are found (artlint.matching picks the fastest equivalent way)."""
        entry = self.entry
        return BlockScan(
            self.regex_source,
            self.regex_flags,
            phrases=list(entry.get("swap", {})) + list(entry.get("tokens", ())),
            patterns=entry.get("patterns", ()),
            substrings=entry.get("prefilter", ()),
            whole=self.match_whole,
        )

    @property
    def regex(self) -> re.Pattern:
        """The entry's expression (compiled on first use: a run that never reaches the rule does not pay for it)."""
        return self.scan.regex

    def warm(self) -> None:
        self.scan.warm()

    def _targets(self, doc: Document) -> list:
        """Blocks in scope. Sentence scope scans whole blocks (one regex pass) and uses sentences for ``limit``."""
        if self.scope == "title":
            return [doc.blocks[doc.title_block]] if doc.title_block is not None else []
        kinds = SCOPES[self.scope]
        if self.match_whole:  # page chrome is short; whole-block rules never match a real paragraph
            return [b for b in doc.short_blocks if b.kind in kinds]
        return [b for b in doc.blocks if b.kind in kinds]

    def check(self, doc: Document) -> Iterable[Hit]:
        limit = 0 if self.match_whole else self.limit
        counted: dict[tuple[int, int], int] = {}
        applicability = self.entry.get("fix-applicability", "safe")
        for block, start, end in self.scan.spans(doc, self._targets):
            if limit:
                unit = bisect.bisect_right([s.start for s in block.sentences], start) if self.scope == "sentence" else 0
                counted[block.index, unit] = n = counted.get((block.index, unit), 0) + 1
                if n > limit:
                    continue
            found = block.text[start:end]
            yield self.hit(
                self._message(found), block, start, end, fix=self._fix(block, start, end, found), fix_applicability=applicability
            )

    def _fix(self, block, start: int, end: int, found: str) -> tuple:
        """``match: whole`` with ``fix: remove-line``: the line goes; ``fix: replace``: the swap's replacement."""
        if self.match_whole:
            return ((0, len(block.text), None),) if self.entry.get("fix") == "remove-line" else ()
        if not (self.swap and self.entry.get("fix") == "replace"):
            return ()
        new = self._replacement(found)
        if new and found[:1].isupper() and new[:1].islower():
            new = new[0].upper() + new[1:]  # the phrase opened a sentence: so does its replacement
        return ((start, end, new),) if new else ()

    def _message(self, found: str | re.Match) -> str:
        if isinstance(found, re.Match):
            found = found.group(0)
        return self.message.format(match=found, replacement=self._replacement(found))

    def _replacement(self, found: str) -> str:
        """The swap's replacement for ``found`` ("" when it has none)."""
        replacement = ""
        if self.swap:
            key = found.lower() if self.ignorecase else found
            replacement = self.swap.get(key, "")
            if not replacement:
                for k, v in self.swap.items():
                    if re.fullmatch(k, found, re.I if self.ignorecase else 0):
                        replacement = v
                        break
        return replacement


def load_pack(path: Path, validate: bool = True) -> list[Rule]:
    """Rules of the pack at ``path``; :class:`PackError` if it is invalid.

    Built-in packs skip schema validation at run time (the test suite validates them).
    """
    import yaml

    where = str(path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available; safe either way
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a SafeLoader
    except OSError as exc:
        raise PackError(f"{where}: cannot read rule pack: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1})" if mark else ""
        raise PackError(f"{where}{at}: not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    if validate:
        from artlint.matching.backtracking import backtracking_risk  # user packs only: not imported at start

        _validate(data, where)
    rules = []
    for i, entry in enumerate(data["rules"]):
        if validate:
            for k, pattern in enumerate(entry.get("patterns", [])):
                problem = backtracking_risk(pattern)
                if problem:
                    raise PackError(f"{where}: rules[{i}] ({entry['code']}).patterns[{k}] {pattern!r}: {problem}")
        try:
            rule = _make_rule(entry, path)
            if validate:  # user packs: a bad pattern is reported when the pack loads
                rule.regex  # noqa: B018
            rules.append(rule)
        except re.error as exc:
            raise PackError(f"{where}: rules[{i}] ({entry['code']}): bad pattern: {exc}") from None
    return rules


def _validate(data, where: str) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema("rule-pack.schema.json"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        raise PackError(f"{where}: {_field_name(data, list(err.absolute_path))}: {err.message}")


def _field_name(data, path: list) -> str:
    if not path:
        return "(top level)"
    out = ""
    node = data
    for p in path:
        if isinstance(p, int):
            code = node[p].get("code") if isinstance(node, list) and isinstance(node[p], dict) else None
            out += f"[{p}]" + (f" ({code})" if code else "")
        else:
            out += f".{p}" if out else str(p)
        node = node[p]
    return out


def _make_rule(entry: dict, path: Path) -> Rule:
    flags = re.I if entry.get("ignorecase", True) else 0
    pieces = []
    swap = {}
    if entry["kind"] == "substitution":
        swap = {(k.lower() if flags else k): v for k, v in entry["swap"].items()}
        pieces.append(phrase_alternation(list(entry["swap"])))
    if entry.get("tokens"):
        pieces.append(phrase_alternation(entry["tokens"]))
    pieces.extend(f"(?:{p})" for p in entry.get("patterns", []))
    regex_source = "|".join(pieces)
    default_msg = "Use '{replacement}' instead of '{match}'." if swap else "'{match}'"
    attrs = {
        "code": entry["code"],
        "name": entry["name"],
        "category": entry["category"],
        "severity": entry.get("severity", "warning"),
        "summary": entry["summary"],
        "rationale": entry["rationale"],
        "bad": entry["bad"],
        "good": entry["good"],
        "kind": entry["kind"],
        "scope": entry.get("scope", "sentence"),
        "match_whole": entry.get("match", "anywhere") == "whole",
        "regex_source": regex_source,
        "regex_flags": flags,
        "message": entry.get("message", default_msg),
        "swap": swap,
        "limit": entry.get("limit", 0),
        "example_format": entry.get("example_format", "markdown"),
        "entry": entry,
        "ignorecase": bool(flags),
        "source": str(path),
        "__doc__": entry["summary"],
    }
    cls = type(f"Pack_{entry['code']}", (PackRule,), attrs)
    return cls()
