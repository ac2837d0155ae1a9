"""The linter: parse each file once, run the selected rules, collect a report.

A rule that raises does not stop the run: it becomes one ``internal-error``
finding for that file, naming the rule and its plugin, and the other rules'
findings stand.
"""

from __future__ import annotations

import fnmatch
import gc
import json
import marshal
import signal
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from time import monotonic as _now

from artlint import __version__
from artlint.config import Config
from artlint.document import Document
from artlint.parsers import ParseError, format_for, parse
from artlint.plugins import collect_input_formats, collect_rules, make_manager
from artlint.rule import SEVERITY_RANK, Finding, Rule, RuleSet, finding_from_hit, pack_findings, unpack_findings
from artlint.sources import InputError, collect, config_rel, decode, read_bytes, read_file

_PACKAGE = Path(__file__).resolve().parent
INTERNAL_CODE = "AL000"
UNUSED_CODE = "AL001"


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
        return {"version": 1, "tool": {"name": "artlint", "version": __version__}}

    def _tail(self) -> dict:
        return {"summary": self.summary(), "errors": [{"path": p, "message": m} for p, m in self.errors]}


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


class Linter:
    """Lints documents with a fixed rule set and configuration."""

    def __init__(
        self, config: Config | None = None, select=(), ignore=(), keyword: str | None = None, plugins=(), keep_source=False, cache_dir=None
    ):
        self._args = (config, tuple(select), tuple(ignore), keyword, keep_source, cache_dir)  # to rebuild in workers
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
        self.cache = None
        if cache_dir is not None and not keep_source:
            from artlint.cache import Cache

            self.cache = Cache(Path(cache_dir), self.fingerprint())

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

    budget_base = 30.0  # seconds per rule per file, plus budget_per_mb for every MB of text

    budget_per_mb = 10.0

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
        findings = self._without_covered_fallbacks(self._run_rules(doc))
        if doc.comments:
            findings = self._apply_suppressions(doc, findings)
        return sorted(findings, key=Finding.sort_key)

    def _without_covered_fallbacks(self, findings: set[Finding]) -> set[Finding]:
        """A fallback rule's finding on a line that a specific rule of the same category already flags says
        the same thing twice (page-chrome on a line the ad-slot pattern caught): keep the specific one."""
        fallback = {r.code for r in self.rules if r.fallback}
        if not fallback or not any(f.rule in fallback for f in findings):
            return findings
        covered = {
            (f.category, line)
            for f in findings
            if f.rule not in fallback and f.line is not None
            for line in range(f.line, (f.end_line or f.line) + 1)
        }
        return {f for f in findings if f.rule not in fallback or f.line is None or (f.category, f.line) not in covered}

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
            enabled = list(self.rules)
            for d in directives:
                # like Ruff's RUF100: only when every rule the directive names actually ran
                ran = all(any(matches(r, s) for r in enabled) for s in d.selectors) if d.selectors else len(enabled) > 1
                if not d.used and ran:
                    what = " ".join(d.selectors) or "all rules"
                    kept.add(
                        Finding(
                            path=doc.path,
                            rule=unused.code,
                            name=unused.name,
                            category=unused.category,
                            severity=self.severity_of(unused),
                            message=f"Unused suppression (artlint-{d.kind} {what}): it suppresses no finding.",
                            line=d.line,
                            column=d.column,
                            end_line=d.line,
                            end_column=d.column,
                            plugin=unused.plugin,
                        )
                    )
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
                    findings.add(_internal_error(doc.path, rule, exc))
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

    def run(
        self,
        paths,
        stdin: bytes | None = None,
        stdin_filename: str = "stdin.txt",
        include=(),
        exclude=(),
        progress=None,
        jobs: int = 1,
        dask_address: str | None = None,
        collected: tuple[list[str], list] | None = None,
        dask_send: str = "auto",
        format_in: str | None = None,
    ) -> Report:
        """Lint ``paths`` (or the ``collected`` (files, errors) of :func:`artlint.sources.collect`)."""
        self.format_in = format_in
        if collected is None:
            collected = collect(paths, include, exclude, config_for=lambda folder: self.config)
        files, errors = collected
        report = Report(errors=list(errors), rules=self.rules)
        cached = self._cached(files) if self.cache is not None and not dask_address else {}
        todo = [p for p in files if p not in cached]  # only these go to processes or a cluster
        if dask_address and "-" not in files:
            from artlint.dask_api import lint_files_on_cluster

            fresh = lint_files_on_cluster(todo, self._args, dask_address, dask_send)
        elif jobs > 1 and len(todo) >= 4 * jobs and "-" not in files:
            fresh = self._parallel(todo, jobs, progress)
        else:
            fresh = (self._one(path, stdin, stdin_filename, progress, done, len(todo)) for done, path in enumerate(todo))
        fresh = iter(fresh)
        for p in files:  # input order
            if p in cached:
                shell, packed = cached[p]
                report.errors.extend((shell.path, w) for w in shell.warnings)
                report.files.append_packed(shell, packed)
                continue
            path, result, error = next(fresh)
            if error is not None:
                report.errors.append((path, error))
                continue
            for w in result.warnings:
                report.errors.append((result.path, w))
            report.files.append(result)
        report.errors.sort()
        return report

    def _cached(self, files) -> dict:
        """Results of unchanged files, from the cache (read here: cheaper than starting processes for them)."""
        out = {}
        for path in files:
            if path == "-" or format_for(path) is None:
                continue
            try:
                raw = read_bytes(Path(path))
            except InputError:
                continue  # reported when the file is linted
            entry = self.cache.get_packed(self.cache.key(path, raw))
            if entry is not None:
                out[path] = entry
        return out

    def _one(self, path, stdin=None, stdin_filename="stdin.txt", progress=None, done=0, total=0):
        if progress is not None:
            progress(done, total)
        try:
            if path == "-":
                return stdin_filename, self.lint_file(stdin_filename, data=stdin or b"", display=stdin_filename), None
            return path, self.lint_file(path), None
        except (InputError, ParseError) as exc:
            return (stdin_filename if path == "-" else path), None, str(exc)

    def _parallel(self, files, jobs, progress):
        """Lint files across ``jobs`` processes; each builds its own Linter once. Results keep input order."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _WORKER
        chunk = max(1, min(64, len(files) // (jobs * 8)))
        if hasattr(signal, "SIGALRM"):
            # forked workers share this linter, warmed up first: its imports, word lists and compiled
            # expressions are made once here instead of once in every worker
            self._warm_up({format_for(p) for p in files})
            gc.freeze()  # the warmed-up linter: later collections skip its objects (and leave shared pages alone)
            _WORKER = self
            ctx, init, args = multiprocessing.get_context("fork"), _init_forked_worker, ()
        else:
            ctx, init, args = multiprocessing.get_context("spawn"), _init_worker, self._args
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=init, initargs=args)
        _POOLS.add(pool)
        try:
            for done, outcome in enumerate(pool.map(_worker_lint, files, chunksize=chunk)):
                if progress is not None:
                    progress(done, len(files))
                if done + 1 == len(files):  # every result is in: let the workers exit (the caller reads no further)
                    pool.shutdown(wait=True)
                yield outcome
        except BaseException:  # Ctrl-C, SIGTERM, or the caller stopped reading: stop now, not after the queued files
            stop_pool(pool)
            raise
        finally:
            _POOLS.discard(pool)
            _WORKER = None

    def _warm_up(self, formats) -> None:
        """Run every rule once on a tiny article of each format (what the first real file would pay)."""
        sample = "# A heading\n\nA first sentence with 12 words, a figure of 40% and a [link](x).\n\n- An item.\n"
        for fmt in sorted(f for f in formats if f):
            try:
                self.lint_text(sample if fmt != "html" else f"<h1>A heading</h1><p>{sample}</p>", f"warm-up.{fmt}", fmt)
            except Exception:  # noqa: BLE001, S112 - a warm-up only; real files report their own errors
                continue
        for rule in self.rules:
            try:
                rule.warm()
            except Exception:  # noqa: BLE001, S112 - the rule builds it at first use instead, and reports there
                continue


_WORKER: Linter | None = None
_POOLS: set = set()  # process pools at work, so an interrupt can stop them wherever it lands


def stop_pools() -> None:
    """Stop every process pool at work (an interrupt that landed outside :meth:`Linter._parallel`)."""
    for pool in list(_POOLS):
        stop_pool(pool)
        _POOLS.discard(pool)


def stop_pool(pool) -> None:
    """End a process pool at once: queued files are dropped and the workers killed.

    ``shutdown(wait=True)``, what ``with`` does, lets the workers finish every queued file first, and
    the pool's exit handler joins them again at interpreter exit: an interrupted run then hangs.
    """
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in workers:
        if proc.is_alive():
            proc.kill()
    for proc in workers:
        proc.join(timeout=5)


def _init_worker(config, select, ignore, keyword, keep_source, cache_dir):
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _WORKER = Linter(config, select=select, ignore=ignore, keyword=keyword, keep_source=keep_source, cache_dir=cache_dir)


def _init_forked_worker():
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C


def _worker_lint(path):
    return _WORKER._one(path)


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


def _internal_error(path: str, rule: Rule, exc: Exception) -> Finding:
    detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
    return Finding(
        path=path,
        rule=INTERNAL_CODE,
        name="internal-error",
        category="internal",
        severity="error",
        message=f"rule {rule.code} {rule.name} (plugin {rule.plugin}) failed: {detail}",
        line=None,
        column=None,
        end_line=None,
        end_column=None,
        plugin=rule.plugin,
    )
