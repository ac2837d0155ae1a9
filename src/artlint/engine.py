"""The linter: parse each file once, run the selected rules, collect a report.

A rule that raises does not stop the run: it becomes one ``internal-error``
finding for that file, naming the rule and its plugin, and the other rules'
findings stand.
"""

from __future__ import annotations

import fnmatch
import signal
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from time import monotonic as _now

from artlint.config import Config
from artlint.document import Document
from artlint.parsers import format_for, parse
from artlint.plugins import collect_input_formats, collect_rules, make_manager
from artlint.report import FileList, FileResult, Report  # noqa: F401 - FileList and Report: for code written against engine
from artlint.rule import Finding, Rule, RuleSet, finding_from_hit
from artlint.rules.internal_error import InternalError
from artlint.sources import InputError, config_rel, decode, read_bytes, read_file
from artlint.version import __version__

_PACKAGE = Path(__file__).resolve().parent
INTERNAL_CODE = "AL000"
UNUSED_CODE = "AL001"


def selects(selector: str, code: str, name: str, category: str) -> bool:
    """A selector is a code, a code prefix (AL2), a rule name, a category or ALL."""
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    return code.upper().startswith(s.upper()) or name == s.lower() or category == s.lower()


def matches(rule: Rule, selector: str) -> bool:
    return selects(selector, rule.code, rule.name, rule.category)


def check_selectors(selectors, rules: RuleSet, where: str) -> None:
    """Raise ConfigError for the first selector that names no rule (a typo must not run zero rules)."""
    from artlint.config import ConfigError
    from artlint.rule import CATEGORIES

    for s in selectors:
        if s.strip().upper() == "ALL" or s.strip().lower() in CATEGORIES or any(matches(r, s) for r in rules):
            continue
        raise ConfigError(f"{where}: unknown rule selector {s!r}{_did_you_mean(s, rules)}")


def _did_you_mean(s: str, rules: RuleSet) -> str:
    import difflib

    from artlint.rule import CATEGORIES

    candidates = ["ALL", *CATEGORIES, *(r.code for r in rules), *(r.name for r in rules)]
    upper = {c.upper(): c for c in candidates}
    close = difflib.get_close_matches(s.strip().upper(), list(upper), n=1, cutoff=0.6)
    hint = f" (did you mean {upper[close[0]]!r}?)" if close else ""
    return hint + "; see `artlint rules`"


def severity_rank(selector: str, rule: Rule) -> tuple | None:
    """How specifically ``selector`` names ``rule`` (higher wins): code, name, longer prefix, category, ALL."""
    s = selector.strip()
    if s.upper() == rule.code:
        return (4, 0)
    if s.lower() == rule.name:
        return (3, 0)
    if rule.code.startswith(s.upper()):
        return (2, len(s))
    if s.lower() == rule.category:
        return (1, 0)
    if s.upper() == "ALL":
        return (0, 0)
    return None


@dataclass(frozen=True)
class LinterSettings:
    """What a Linter is built from (besides plugin objects): a worker process or a Dask worker builds its
    own Linter from these, so they must pickle."""

    config: Config | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    keyword: str | None = None
    keep_source: bool = False
    cache_dir: Path | str | None = None


class Linter:
    """Lints documents with a fixed rule set and configuration."""

    def __init__(
        self, config: Config | None = None, select=(), ignore=(), keyword: str | None = None, plugins=(), keep_source=False, cache_dir=None
    ):
        self.settings = LinterSettings(config, tuple(select), tuple(ignore), keyword, keep_source, cache_dir)  # to rebuild in workers
        self.config = config or Config()
        self.keep_source = keep_source
        self.plugins = make_manager(extra=plugins)
        collect_input_formats(self.plugins)
        self.format_in: str | None = None  # the format of inputs whose name has no known extension (--format-in)
        self.all_rules = collect_rules(self.plugins, self.config.packs)
        self._check_config(select, ignore)
        self._severity: dict[str, str] = {}
        select = list(select) or self.config.select or ["ALL"]
        select = select + self.config.extend_select
        ignore = list(ignore) + self.config.ignore
        chosen: dict[str, Rule] = {}
        for rule in self.all_rules:
            if rule.preview and not any((severity_rank(s, rule) or (0,))[0] >= 3 for s in select):
                continue  # preview rules run only when named
            if any(matches(rule, s) for s in select) and not any(matches(rule, s) for s in ignore):
                opts = {}
                for key, value in self.config.rules.items():
                    if self.all_rules.get(key) is rule:  # a code or a name, as _check_config accepted it
                        opts.update(value)
                if opts:
                    try:
                        rule = type(rule)(**opts)
                        rule.plugin = self.all_rules.rules[rule.code].plugin
                    except (TypeError, ValueError) as exc:
                        from artlint.config import ConfigError

                        raise ConfigError(f"{self.config.path}: rules.{rule.code}: {exc}") from None
                chosen[rule.code] = rule
        self.rules = RuleSet(chosen)
        self.keyword = keyword or self.config.keyword
        self._timeouts: Counter = Counter()  # rule code -> files it ran past its budget on, in this run
        self._incomplete = False  # the last document skipped a disabled rule
        # AL000 reports a crash whatever is selected: a rule that failed must never pass unnoticed
        self._internal = self.all_rules.rules.get(INTERNAL_CODE) or InternalError()
        self.cache = None
        if cache_dir is not None and not keep_source:
            from artlint.cache import Cache

            self.cache = Cache(Path(cache_dir), self.fingerprint())

    @classmethod
    def from_settings(cls, settings: LinterSettings, **changes) -> Linter:
        """The Linter ``settings`` describe (``changes`` override some of them: a Dask worker has no cache)."""
        s = replace(settings, **changes) if changes else settings
        return cls(s.config, select=s.select, ignore=s.ignore, keyword=s.keyword, keep_source=s.keep_source, cache_dir=s.cache_dir)

    def _check_config(self, select, ignore) -> None:
        """Every selector names a rule, every [rules.X] a rule whose options have the right types."""
        from artlint.config import ConfigError

        where = str(self.config.path) if self.config.path else "configuration"
        check_selectors(select, self.all_rules, "--select")
        check_selectors(ignore, self.all_rules, "--ignore")
        for key in ("select", "ignore", "extend_select"):
            check_selectors(getattr(self.config, key), self.all_rules, f"{where}: {key.replace('_', '-')}")
        check_selectors(self.config.severity, self.all_rules, f"{where}: [severity]")
        for pattern, selectors in self.config.per_file_ignores.items():
            check_selectors(selectors, self.all_rules, f"{where}: per-file-ignores {pattern!r}")
        for key, opts in self.config.rules.items():
            rule = self.all_rules.get(key)
            if rule is None:
                raise ConfigError(f"{where}: [rules.{key}]: no rule {key!r} (give a rule code or name){_did_you_mean(key, self.all_rules)}")
            try:
                type(rule).validate_options(opts)
            except ValueError as exc:
                raise ConfigError(f"{where}: [rules.{key}]: {exc}") from None

    def fingerprint(self) -> str:
        """Everything besides the file itself that can change a result (the cache key's other half)."""
        import hashlib
        import json
        from importlib import metadata

        packs = sorted({r.source for r in self.rules if str(r.source).endswith((".yaml", ".yml"))})
        state = {
            "artlint": __version__,
            "rules": [[r.code, r.name, self.severity_of(r), getattr(r, "opts", {}), r.plugin, type(r).__module__] for r in self.rules],
            "packs": {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in packs if Path(p).is_file()},
            "plugins": sorted(f"{ep.name}={ep.dist.version if ep.dist else '?'}" for ep in metadata.entry_points(group="artlint")),
            "keyword": self.keyword,
            "per_file_ignores": self.config.per_file_ignores,
            "config": str(self.config.path.resolve()) if self.config.path else None,  # per-file-ignores are relative to it
            "budget": [self.budget_base, self.budget_per_mb],
            # the code itself, so an edited rule invalidates old entries even without a version bump
            "code": sorted((str(p.relative_to(_PACKAGE)), p.stat().st_size, p.stat().st_mtime_ns) for p in _PACKAGE.rglob("*.py")),
        }
        return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()

    # Seconds per rule per file, plus budget_per_mb for every MB of text. Far above what a linear rule needs
    # (tests/test_hostile.py runs every rule on 500 KB adversarial inputs in seconds at most), so only a
    # runaway rule or pattern reaches it; low enough that one costs a file half a minute, not hours.
    budget_base = 30.0

    budget_per_mb = 10.0  # grows with the text, so a long legitimate file is not cut short (10 MB: 130 s per rule)

    def rule_budget(self, doc: Document) -> float:
        return self.budget_base + self.budget_per_mb * len(doc.source) / 1_000_000

    def severity_of(self, rule: Rule) -> str:
        """The configured severity of the most specific [severity] selector naming the rule, else its own."""
        sev = self._severity.get(rule.code)
        if sev is None:
            ranked = [(r, v) for k, v in self.config.severity.items() if (r := severity_rank(k, rule)) is not None]
            sev = self._severity[rule.code] = max(ranked, key=lambda rv: rv[0])[1] if ranked else rule.severity
        return sev

    def _ignored_here(self, path: str) -> list[str]:
        if not self.config.per_file_ignores:
            return []
        out = []
        path = config_rel(path, self.config) or path  # patterns are relative to the configuration's folder
        for pattern, selectors in self.config.per_file_ignores.items():
            name = path.rsplit("/", 1)[-1]
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(path, f"*/{pattern}"):
                out.extend(selectors)
        return out

    def lint_document(self, doc: Document) -> list[Finding]:
        findings = self._without_symptoms(self._without_covered_fallbacks(self._run_rules(doc)))
        if doc.comments:
            findings = self._apply_suppressions(doc, findings)
        return sorted(findings, key=Finding.sort_key)

    def _without_covered_fallbacks(self, findings: set[Finding]) -> set[Finding]:
        """A fallback rule's finding on a line that a specific rule of the same category already flags says
        the same thing twice (page-chrome on a line the ad-slot pattern caught): keep the specific one."""
        fallback = {r.code: int(r.fallback) for r in self.rules if r.fallback}  # its tier: 1, or 2 (yields to tier 1 too)
        if not fallback or not any(f.rule in fallback for f in findings):
            return findings
        covered: dict[tuple[str, int], int] = {}  # (category, line) -> the lowest tier of a finding there
        for f in findings:
            if f.line is not None:
                tier = fallback.get(f.rule, 0)
                for line in range(f.line, (f.end_line or f.line) + 1):
                    key = (f.category, line)
                    if covered.get(key, 9) > tier:
                        covered[key] = tier
        return {f for f in findings if f.rule not in fallback or f.line is None or covered.get((f.category, f.line), 9) >= fallback[f.rule]}

    def _without_symptoms(self, findings: set[Finding]) -> set[Finding]:
        """A finding of a rule whose ``symptom_of`` categories another finding reports on its line says less
        than that one (the lower-case start of a pasted search query): keep the cause."""
        symptom_of = {r.code: r.symptom_of for r in self.rules if r.symptom_of}
        if not symptom_of or not any(f.rule in symptom_of for f in findings):
            return findings
        causes: dict[int, set[str]] = {}  # line -> categories reported there
        for f in findings:
            if f.line is not None and f.rule not in symptom_of:
                for line in range(f.line, (f.end_line or f.line) + 1):
                    causes.setdefault(line, set()).add(f.category)
        return {f for f in findings if f.rule not in symptom_of or f.line is None or symptom_of[f.rule].isdisjoint(causes.get(f.line, ()))}

    def _apply_suppressions(self, doc: Document, findings: set[Finding]) -> set[Finding]:
        from artlint.suppressions import covers, parse_directives

        directives = parse_directives(doc)
        if not directives:
            return findings

        def hits(f, s):
            return selects(s, f.rule, f.name, f.category)

        kept = set()
        for f in findings:
            match = [d for d in directives if covers(d, f, hits)]
            for d in match:
                d.used = True
            if not match:
                kept.add(f)
        unused = self.rules.rules.get(UNUSED_CODE)
        if unused is not None and not any(matches(unused, s) for s in self._ignored_here(doc.path)):
            enabled = [r for r in self.rules if r.code != INTERNAL_CODE]  # AL000 checks no text: it does not count as a rule that ran
            kept.update(unused.unused(doc, directives, enabled, matches, self.severity_of(unused)))
        return kept

    timeouts_before_disabled = 3  # a rule past its budget on this many files is not run again (a slow pattern would cost hours)

    def _run_rules(self, doc: Document) -> set[Finding]:
        skip = self._ignored_here(doc.path)
        findings: set[Finding] = set()
        self._incomplete = False
        with rule_timer(self.rule_budget(doc)) as clock:
            for rule in self.rules:
                if rule.formats and doc.format not in rule.formats:
                    continue
                if skip and any(matches(rule, s) for s in skip):
                    continue
                if self._timeouts[rule.code] >= self.timeouts_before_disabled:
                    self._incomplete = True  # this result lacks the rule's findings: not for the cache
                    continue
                severity = self.severity_of(rule)
                try:
                    clock.started = _now()
                    produced = [finding_from_hit(rule, doc, h, severity) for h in rule.check(doc)]
                    clock.started = None
                except Exception as exc:  # a broken or runaway rule (RuleTimeout) must not stop the run
                    clock.started = None
                    if isinstance(exc, RuleTimeout):
                        self._timeouts[rule.code] += 1
                        if self._timeouts[rule.code] >= self.timeouts_before_disabled:
                            exc = RuleTimeout(f"{exc}, on {self._timeouts[rule.code]} files: disabled for the rest of this run")
                    findings.add(self._internal.failure(doc.path, rule, exc))
                    continue
                findings.update(produced)
        return findings

    def lint_text(self, text: str, path: str = "<text>", fmt: str | None = None) -> FileResult:
        fmt = fmt or format_for(path) or "text"
        doc = parse(text, path, fmt, self.keyword)
        if not any(b.kind != "code" for b in doc.blocks) and not doc.title:
            raise InputError("no article text found" + (" (front matter only)" if doc.metadata else ""))
        source = text if self.keep_source else None
        findings = self.lint_document(doc)
        topic = doc.topic
        return FileResult(
            path, fmt, doc.words, findings, doc.title, topic.keyphrase, source=source, keyphrase_source=topic.keyphrase_source
        )

    def lint_file(self, path: str, data: bytes | None = None, display: str | None = None) -> FileResult:
        """Lint one file (or ``data`` read from stdin); raises InputError/ParseError."""
        shown = display or path
        fmt = format_for(shown)
        if fmt is None and self.format_in is None:
            from artlint.parsers import REGISTRY, extensions_text

            raise InputError(f"unknown file type (expected {extensions_text()}); name its format with --format-in ({', '.join(REGISTRY)})")
        if fmt is None:
            fmt = self.format_in
        elif data is None and self.cache is not None:
            raw = read_bytes(Path(path))
            key = self.cache.key(shown, raw)
            cached = self.cache.get(key)
            if cached is not None:
                return cached
            result = self._lint_decoded(decode(raw), shown, fmt)
            if not self._incomplete:
                self.cache.put(key, result)
            return result
        decoded = decode(data) if data is not None else read_file(Path(path))
        return self._lint_decoded(decoded, shown, fmt)

    def _lint_decoded(self, decoded, shown: str, fmt: str) -> FileResult:
        if not decoded.text.strip():
            raise InputError("empty file")
        result = self.lint_text(decoded.text, shown, fmt)
        if decoded.warning:
            result.warnings.append(decoded.warning)
        return result


class RuleTimeout(Exception):
    """A rule ran past its time budget on one file."""


class _RuleClock:
    """When the running rule started (None between rules), and how long a rule may run."""

    __slots__ = ("budget", "started")

    def __init__(self, budget: float):
        self.budget = budget
        self.started: float | None = None


@contextmanager
def rule_timer(budget: float):
    """Give each rule ``budget`` seconds per document: yields a clock whose ``started`` the caller sets.

    One SIGALRM ticks every quarter budget for the whole document (arming a timer per rule cost two
    system calls per rule and file); a tick that finds the running rule past its budget raises
    RuleTimeout in it, so a runaway rule stops after 1 to 1.25 budgets. Main thread on POSIX only;
    elsewhere there is no limit.
    """
    clock = _RuleClock(budget)
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield clock
        return

    def tick(signum, frame):
        started = clock.started
        if started is not None and _now() - started >= clock.budget:
            clock.started = None  # raise once per rule
            raise RuleTimeout(f"ran past its time budget of {clock.budget:.0f} s")

    previous = signal.signal(signal.SIGALRM, tick)
    signal.setitimer(signal.ITIMER_REAL, budget / 4, budget / 4)
    try:
        yield clock
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
