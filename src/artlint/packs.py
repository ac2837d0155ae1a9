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
from artlint.literals import required_texts
from artlint.resources import schema
from artlint.rule import Hit, Prefilter, Rule, lower_case_twin


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
_ALNUM_RUN = re.compile(r"[^\W_]+")


class PackRule(Rule):
    """A rule defined by one entry of a YAML pack."""

    kind = "existence"
    scope = "sentence"
    match_whole = False
    regex_source = ""
    regex_flags = 0
    lower_source = ""  # phrase lists: the same phrases in lower case, matched against lower-cased text

    # compiled on first use: a run that never reaches a rule (a cached re-run) does not pay for it
    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.regex_source, self.regex_flags)

    @cached_property
    def lower_regex(self) -> re.Pattern | None:
        """The same spans in lower-cased text, found faster: the phrase scan, or the patterns' twin."""
        if self.lower_source:
            return re.compile(self.lower_source)
        return None if self.match_whole else lower_case_twin(self.regex)

    @cached_property
    def longest_whole(self) -> int:
        """The longest text a ``match: whole`` expression can match (page chrome is short; 400 at most)."""
        from re import _parser

        return min(400, _parser.parse(self.regex_source, self.regex_flags).getwidth()[1])

    message = "{match}"
    swap: dict[str, str] = {}
    ignorecase = True
    limit = 0  # at most this many findings per scope unit (0: no limit)
    entry: dict = {}  # the pack entry the rule was made from

    @cached_property
    def gate(self) -> PatternGate | None:
        """For pattern lists: which patterns can match a document or block (None: run them all)."""
        patterns = self.entry.get("patterns")
        # Whole-block rules test short blocks, where a failed fullmatch costs less than searching the
        # document for their needles (measured: 6% more instructions with them gated).
        if not patterns or self.match_whole or self.entry.get("tokens") or self.entry.get("swap"):
            return None
        if not self.regex_flags & re.IGNORECASE:
            return PatternGate(patterns, self.regex_flags, lower=False)
        twins = [lower_case_twin(re.compile(p, self.regex_flags)) for p in patterns]
        if any(t is None for t in twins):
            return None
        return PatternGate([t.pattern for t in twins], twins[0].flags, lower=True)

    @cached_property
    def prefilter(self) -> Prefilter:
        """A block that does not pass is skipped. Built on first use, like the expressions: phrase
        lists read the word-frequency list, which a cached re-run should not load."""
        if self.phrase_gate is not None:
            return self.phrase_gate.prefilter
        return _prefilter(self.entry)

    @cached_property
    def phrase_gate(self) -> PhraseGate | None:
        """For phrase lists scanned in lower case: which phrases a block can hold (None: scan them all)."""
        if not self.lower_source or self.entry.get("prefilter"):
            return None
        return PhraseGate(list(self.entry.get("swap", {})) + list(self.entry.get("tokens", ())))

    def warm(self) -> None:
        self.regex, self.lower_regex, self.gate, self.phrase_gate, self.prefilter  # noqa: B018 - built now, before workers fork

    def _targets(self, doc: Document) -> list:
        """Blocks in scope. Sentence scope scans whole blocks (one regex pass) and uses sentences for ``limit``."""
        if self.scope == "title":
            return [doc.blocks[doc.title_block]] if doc.title_block is not None else []
        kinds = SCOPES[self.scope]
        if self.match_whole:  # page chrome is short; whole-block rules never match a real paragraph
            return [b for b in doc.short_blocks if b.kind in kinds]
        return [b for b in doc.blocks if b.kind in kinds]

    def check(self, doc: Document) -> Iterable[Hit]:
        prefilter = self.prefilter.narrowed_to(doc) if self.prefilter else None
        if prefilter is None and self.prefilter:
            return
        if self.match_whole:
            yield from self._whole_blocks(doc, prefilter)
            return
        gate, phrase_gate, lower_regex = self.gate, self.phrase_gate, self.lower_regex
        live = gate.live(doc) if gate is not None else None
        if live == []:
            return  # no pattern can match anywhere in the document
        limit = self.limit
        by_sentence = limit and self.scope == "sentence"
        for block in self._targets(doc):
            if prefilter is not None and not prefilter.passes(block):
                continue
            text, lower = block.text, block.lower
            same_length = len(lower) == len(text)  # else lower-casing moved offsets ("İ"): scan the text itself
            if gate is not None and (same_length or not gate.lower):
                subject = lower if gate.lower else text
                regex = gate.regex_for(live, subject)
                if regex is None:
                    continue
                matches = regex.finditer(subject)  # the same spans: only patterns that cannot match are left out
            elif phrase_gate is not None and same_length:
                matches = phrase_gate.regex_for(prefilter, block).finditer(lower)  # the same spans
            elif lower_regex is not None and same_length:
                matches = lower_regex.finditer(lower)  # the same spans, found faster
            else:
                matches = self.regex.finditer(text)
            counted: dict[int, int] = {}
            starts = [s.start for s in block.sentences] if by_sentence else None
            for m in matches:
                if limit:
                    unit = bisect.bisect_right(starts, m.start()) if starts is not None else 0
                    counted[unit] = counted.get(unit, 0) + 1
                    if counted[unit] > limit:
                        continue
                found = text[m.start() : m.end()]
                fix = ()
                if self.swap and self.entry.get("fix") == "replace":
                    new = self._replacement(found)
                    if new and found[:1].isupper() and new[:1].islower():
                        new = new[0].upper() + new[1:]  # the phrase opened a sentence: so does its replacement
                    fix = ((m.start(), m.end(), new),) if new else ()
                applicability = self.entry.get("fix-applicability", "safe")
                yield self.hit(self._message(found), block, m.start(), m.end(), fix=fix, fix_applicability=applicability)

    def _whole_blocks(self, doc: Document, prefilter: Prefilter | None) -> Iterable[Hit]:
        """Blocks that are, trimmed, one of the phrases or patterns: page chrome on a line of its own."""
        fullmatch, longest = self.regex.fullmatch, self.longest_whole
        for block in self._targets(doc):
            core = block.trimmed
            if not core or len(core) > longest or (prefilter is not None and not prefilter.passes(block)):
                continue
            m = fullmatch(core)
            if m:
                off = block.text.find(core)
                fix = ((0, len(block.text), None),) if self.entry.get("fix") == "remove-line" else ()
                applicability = self.entry.get("fix-applicability", "safe")
                yield self.hit(self._message(m), block, off, off + len(core), fix=fix, fix_applicability=applicability)

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


class PatternGate:
    """Runs only the patterns of a list that can match a text, judged by texts every match contains.

    A pattern whose every match contains one needle of each of its sets (:func:`required_texts`)
    cannot match a text that lacks one, so leaving it out of the alternation changes no match.
    ``lower``: the patterns are lower-case twins, run on lower-cased text.
    """

    def __init__(self, sources: list[str], flags: int, *, lower: bool):
        self.sources = sources
        self.flags = flags
        self.lower = lower
        self.needles = [required_texts(p, flags) for p in sources]
        self._compiled: dict[tuple[int, ...], re.Pattern] = {}

    def live(self, doc: Document) -> list[tuple[int, tuple[tuple[str, ...], ...] | None]]:
        """(pattern, its needle sets cut to what ``doc`` has, or None: not known) for each pattern that can match in ``doc``.

        A needle's whole word is looked up in the document's runs first: most needles are ruled out without a search.
        """
        text = doc.lower if self.lower else doc.text
        runs = doc.alnum_runs
        searched: dict[str, bool] = {}  # patterns share needles ("[" and "]"): search for each once

        def in_doc(n) -> bool:
            if n.word is not None and n.word not in runs:
                return False  # ruled out without a search
            if n.text not in searched:
                searched[n.text] = n.text in text
            return searched[n.text]

        out = []
        for i, sets in enumerate(self.needles):
            if sets is None:
                out.append((i, None))
                continue
            present = []
            for needles in sets:
                found = tuple(n.text for n in needles if in_doc(n))
                if not found:
                    break  # this pattern cannot match here: its other sets need no search
                present.append(found)
            else:
                out.append((i, tuple(sorted(present, key=len))))  # the set with fewest needles here first: most likely to fail
        return out

    def regex_for(self, live, text: str) -> re.Pattern | None:
        """The alternation of the live patterns ``text`` has needles for, in their order; None if none."""
        key = tuple([i for i, sets in live if sets is None or _meets(sets, text)])
        if not key:
            return None
        regex = self._compiled.get(key)
        if regex is None:
            if len(self._compiled) >= 256:
                self._compiled.clear()
            regex = self._compiled[key] = re.compile("|".join(f"(?:{self.sources[i]})" for i in key), self.flags)
        return regex


def _meets(sets, text: str) -> bool:
    """``text`` has a needle of every set (plain loops: this runs for every block)."""
    for needles in sets:
        for n in needles:
            if n in text:
                break
        else:
            return False
    return True


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` could backtrack catastrophically (a repeat inside an unbounded repeat), or None."""
    from re import _constants as c
    from re import _parser

    try:
        tree = _parser.parse(pattern)
    except re.error as exc:
        return f"bad pattern: {exc}"

    repeats = {c.MAX_REPEAT, c.MIN_REPEAT} | ({c.POSSESSIVE_REPEAT} if hasattr(c, "POSSESSIVE_REPEAT") else set())

    def walk(items, inside, repeated=False, body=None):
        """``inside``: we are in the body of a repeat that can run more than once without a delimiter;
        ``repeated``: in the body of any repeat that can run more than once (its alternatives must differ)."""
        for k, (op, av) in enumerate(items):
            if op in repeats:
                lo, hi, sub = av
                variable = lo != hi
                if inside and variable and (hi == c.MAXREPEAT or hi > 100):
                    return "a variable repeat inside another repeat, such as (a+)+ or (.*x){20}, can take exponential time; rewrite it"
                delimited = bool(sub) and sub[0][0] in (c.LITERAL, c.NOT_LITERAL, c.AT)
                found = walk(sub, inside or (hi > 1 and not delimited), repeated or hi > 1, sub if hi > 1 else body)
                if found:
                    return found
            elif op == c.SUBPATTERN:
                found = walk(av[-1], inside, repeated, body)
                if found:
                    return found
            elif op == c.BRANCH:
                follow = _char_run(items[k + 1 :], c) or _char_run(body or [], c)  # what comes next: the rest, or the next round
                if repeated and _branches_overlap(av[1], follow, c):
                    return (
                        "alternatives that can match the same text inside a repeat, such as (a|aa)+ or (\\w|\\d\\d)+, "
                        "can take exponential time; make the alternatives exclusive or use one character class"
                    )
                for branch in av[1]:
                    found = walk(branch, inside, repeated, body)
                    if found:
                        return found
            elif op in (c.ASSERT, c.ASSERT_NOT):
                found = walk(av[1], inside, repeated, body)
                if found:
                    return found
        return None

    return walk(tree, False)


# Characters a branch's first characters are compared on: ASCII and a few others that classes split on.
_PROBE = [chr(i) for i in range(128)] + list("\u00a0\u00e9\u00df\u2019\u2014\u0661\u4e2d")


def _branches_overlap(branches, follow, c) -> bool:
    """Whether two alternatives can match the same text, so a repeat around them can split a string many ways.

    Each branch is read as a run of single characters (literals, classes, ``.``) up to its first other
    item. Two branches differ if at some position both runs reach no character fits both. When one
    branch is a shorter complete run (``a`` against ``aa``), they differ too if what follows the
    alternation (``follow``) cannot start with the longer one's next character: ``(?:\\s+(?:a|an))+``
    is fine, ``(a|aa)+`` is not. Anything the runs do not cover counts as a possible overlap.
    """
    runs = [(_char_run(branch, c), len(_char_run(branch, c)) == len(branch)) for branch in branches]
    for i, (a, a_whole) in enumerate(runs):
        for b, b_whole in runs[i + 1 :]:
            if not all(_meet(x, y) for x, y in zip(a, b)):
                continue
            if len(a) != len(b):
                (short, short_whole), (long_, _) = sorted([(a, a_whole), (b, b_whole)], key=lambda r: len(r[0]))
                if short_whole and follow and not _meet(follow[0], long_[len(short)]):
                    continue
            return True
    return False


def _meet(x: frozenset, y: frozenset) -> bool:
    return bool(x & y)


def _char_run(items, c) -> list[frozenset]:
    """The probe characters each of a branch's first single characters can be (case folded: packs may use re.I).

    A repeat of one character that must match at least once gives its first character and ends the run."""
    run = []
    for op, av in items:
        chars = _char_set(op, av, c)
        if chars is None and op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and len(av[2]) == 1:
            chars = _char_set(*av[2][0], c)
            if chars is not None:
                run.append(chars)
            break
        if chars is None:
            break
        run.append(chars)
    return run


def _char_set(op, av, c) -> frozenset | None:
    """The probe characters one item matches, or None when the item is not one character."""
    if op == c.LITERAL:
        return _folded(chr(av))
    if op == c.NOT_LITERAL:
        return _ALL - _folded(chr(av))
    if op == c.ANY:
        return _ALL
    if op != c.IN:
        return None
    out, negate = set(), False
    for iop, iav in av:
        if iop == c.NEGATE:
            negate = True
        elif iop == c.LITERAL:
            out |= _folded(chr(iav))
        elif iop == c.RANGE:
            out |= {ch for ch in _PROBE if any(iav[0] <= ord(f) <= iav[1] for f in (ch, ch.lower(), ch.upper()) if len(f) == 1)}
        elif iop == c.CATEGORY and str(iav) in _CATEGORY_TESTS:
            out |= {ch for ch in _PROBE if _CATEGORY_TESTS[str(iav)](ch)}
        else:
            out |= _ALL  # anything else: assume it can overlap
    return _ALL - out if negate else frozenset(out)


def _folded(ch: str) -> frozenset:
    return frozenset(p for p in _PROBE if p.lower() == ch.lower())


_ALL = frozenset(_PROBE)
_CATEGORY_TESTS = {
    "CATEGORY_DIGIT": str.isdigit,
    "CATEGORY_NOT_DIGIT": lambda ch: not ch.isdigit(),
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda ch: not ch.isspace(),
    "CATEGORY_WORD": lambda ch: ch.isalnum() or ch == "_",
    "CATEGORY_NOT_WORD": lambda ch: not (ch.isalnum() or ch == "_"),
}


class PhraseGate:
    """Scans a block only for the phrases of a list whose trigger it holds.

    Each phrase's trigger is its rarest word, or the phrase itself when it has no letters or digits
    (:func:`_trigger`); a phrase cannot match a block without its trigger. Leaving such phrases
    out of the lower-case scan changes no match, and a scan of one or two phrases lets the
    regular-expression engine skip ahead to their first letter instead of trying every position.
    """

    def __init__(self, phrases: list[str]):
        self.by_trigger: dict[str, list[str]] = {}
        for phrase in phrases:
            self.by_trigger.setdefault(_trigger(phrase), []).append(phrase)
        self.prefilter = _trigger_prefilter(self.by_trigger)
        self._compiled: dict[frozenset[str], re.Pattern] = {}

    def regex_for(self, narrowed: Prefilter, block) -> re.Pattern:
        """The lower-case scan of the phrases whose triggers ``block`` has (``narrowed``: the prefilter cut to its document)."""
        key = frozenset(narrowed.words & block.alnum_runs).union([s for s in narrowed.substrings if s in block.lower])
        regex = self._compiled.get(key)
        if regex is None:
            if len(self._compiled) >= 256:
                self._compiled.clear()
            regex = self._compiled[key] = re.compile(_lower_case_scan([p for t in key for p in self.by_trigger[t]]) or "(?!)")
        return regex


def _prefilter(entry: dict) -> Prefilter:
    """The pack's own ``prefilter`` substrings; for phrase lists, the trigger of every phrase (:func:`_trigger`)."""
    if entry.get("prefilter"):
        return Prefilter(substrings=[p.lower() for p in entry["prefilter"]])
    if entry.get("patterns"):
        return Prefilter()
    return _trigger_prefilter({_trigger(p) for p in list(entry.get("tokens", ())) + list(entry.get("swap", {}))})


def _trigger(phrase: str) -> str:
    """The rarest (by English word frequency) run of letters and digits of ``phrase``, lower case; else the phrase.

    A phrase's runs of letters and digits are bounded by its spaces and punctuation and its edges
    are guarded as words, so each of them occurs in a matching block as a whole run; the rarest
    lets the fewest blocks through.
    """
    from artlint.text import common_rank

    rank = common_rank()
    runs = _ALNUM_RUN.findall(phrase.lower())
    if not runs:
        return phrase.lower()
    return max(runs, key=lambda w: (rank.get(w, len(rank)), len(w)))  # a word missing from the list is rarest


def _trigger_prefilter(triggers) -> Prefilter:
    """Triggers that are words are looked up in a block's runs; the rest are searched for as text."""
    texts = {t for t in triggers if not _ALNUM_RUN.search(t)}
    return Prefilter(substrings=texts, words=set(triggers) - texts)


def _alternation(tokens: list[str]) -> str:
    """Literal phrases as one alternation; word edges are guarded once per group, not per phrase."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for t in sorted(tokens, key=len, reverse=True):
        groups.setdefault((t[:1].isalnum(), t[-1:].isalnum()), []).append(re.escape(t).replace(r"\ ", r"\s+"))
    parts = []
    for (left, right), escaped in groups.items():
        before = r"(?<!\w)" if left else ""
        after = r"(?!\w)" if right else ""
        parts.append(before + "(?:" + "|".join(escaped) + ")" + after)
    return "|".join(parts)


def _lower_case_scan(phrases: list[str]) -> str:
    """Phrases (lower case) as a case-sensitive pattern for lower-cased text, grouped by first character.

    Every alternative starts with a literal, so the regular-expression engine skips ahead to the
    characters that can start a phrase; the left word-edge guard is a look-behind after that
    character. Under re.IGNORECASE, or with the guard first, it would try every position.
    """
    by_first: dict[str, list[str]] = {}
    for p in sorted({p.lower() for p in phrases if p}, key=len, reverse=True):
        rest = re.escape(p[1:]).replace(r"\ ", r"\s+") + (r"(?!\w)" if p[-1].isalnum() else "")
        by_first.setdefault(p[0], []).append(rest)
    parts = []
    for first, rests in by_first.items():
        guard = r"(?<!\w.)" if first.isalnum() else ""
        parts.append(re.escape(first) + guard + "(?:" + "|".join(rests) + ")")
    return "|".join(parts)


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
        pieces.append(_alternation(list(entry["swap"])))
    if entry.get("tokens"):
        pieces.append(_alternation(entry["tokens"]))
    pieces.extend(f"(?:{p})" for p in entry.get("patterns", []))
    regex_source = "|".join(pieces)
    phrases = list(entry.get("swap", {})) + list(entry.get("tokens", ()))
    lower_source = _lower_case_scan(phrases) if flags and phrases and not entry.get("patterns") else ""
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
        "lower_source": lower_source,
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
