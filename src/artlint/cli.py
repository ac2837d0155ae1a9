"""Command line: ``artlint check``, ``artlint rules``, ``artlint explain``.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or input errors.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
from pathlib import Path

import click

from artlint.config import ConfigError
from artlint.dask_api import ClusterError  # imports Dask lazily, only when a cluster is used
from artlint.parsers import formats_text
from artlint.version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UserError(click.ClickException):
    exit_code = EXIT_ERROR

    def show(self, file=None):
        click.echo(f"artlint: error: {self.format_message()}", err=True)


def write_atomic(path: Path, text, keep_mode: bool = False) -> None:
    """Write ``text`` (a string, strings one after another, or bytes) to ``path`` via a temporary file and a rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent or "."))
    _WRITING.add(tmp)
    try:
        if keep_mode:
            import shutil

            shutil.copymode(path, tmp)
        # backslashreplace: an undecodable byte in a file name (a lone surrogate) is written as \udcff, not a crash
        binary = isinstance(text, bytes)  # a fixed article, in its own encoding
        fh = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="")
        with fh:
            if isinstance(text, str | bytes):
                fh.write(text)
            else:
                fh.writelines(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    finally:
        _WRITING.discard(tmp)


_WRITING: set[str] = set()  # temporary files being written, removed by a hard exit


def _linter(config_path, select, ignore, keyword, paths, keep_source=False, use_cache=False):
    """The linter for the first checked path's folder (or the working directory)."""
    return _linter_of(_workspace(config_path, select, ignore, keyword, keep_source, use_cache), paths)


def _linter_of(ws, paths):
    start = next((p for p in paths if p != "-" and os.path.exists(p)), ".")
    try:
        return ws.linter_for(ws.config_for(start if os.path.isdir(start) else os.path.dirname(start) or "."))
    except ConfigError as exc:
        raise UserError(str(exc)) from None


def _workspace(config_path, select, ignore, keyword, keep_source=False, use_cache=False):
    """Each file's configuration (``--config``, else the nearest one) and one linter per configuration."""
    from artlint.engine import Linter
    from artlint.packs import PackError
    from artlint.plugins import PluginError
    from artlint.workspace import Workspace

    def make(config):
        cache_dir = None
        if use_cache:
            cache_dir = (config.path.parent if config.path else Path.cwd()) / ".artlint_cache"
        try:
            return Linter(
                config, select=_split(select), ignore=_split(ignore), keyword=keyword, keep_source=keep_source, cache_dir=cache_dir
            )
        except (ConfigError, PackError, PluginError) as exc:
            raise UserError(str(exc)) from None

    try:
        return Workspace(config_path, make)
    except ConfigError as exc:
        raise UserError(str(exc)) from None


def _encode_safely(stream) -> None:
    """Undecodable bytes of a file name (lone surrogates) are printed as \\udcff instead of raising."""
    try:
        stream.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError):  # not a text stream we can reconfigure (a test's capture)
        pass


def _split(values) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _handle_interrupts() -> None:
    """Ctrl-C or SIGTERM unwinds (exit 130 or 143), so no temporary file is left; a second one ends the run at once.

    The first signal raises SystemExit, which stops the workers and removes a
    half-written report. Should that cleanup itself stall, the second signal kills the workers,
    removes the temporary files and exits without running exit handlers (which can wait on workers).
    """
    import signal

    main_pid = os.getpid()
    seen = []

    def on_signal(signum, frame):
        if os.getpid() != main_pid:  # a forked worker before its initializer ran: the parent decides
            if signum == signal.SIGTERM:
                os._exit(128 + signum)
            return
        seen.append(signum)
        if len(seen) == 1:
            raise SystemExit(128 + signum)  # not KeyboardInterrupt, which click turns into exit 1
        _hard_exit(128 + signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)


def _stop_workers() -> None:
    from artlint.runner import stop_pools

    stop_pools()


def _hard_exit(code: int) -> None:
    import multiprocessing

    for child in multiprocessing.active_children():
        child.kill()
    for tmp in list(_WRITING):
        try:
            os.unlink(tmp)
        except OSError:
            pass
    try:
        sys.stderr.flush()
    finally:
        os._exit(code)


class _Progress:
    """A rich progress bar on stderr, only on a terminal; otherwise nothing at all."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar = None

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(TextColumn("artlint"), BarColumn(), MofNCompleteColumn(), console=Console(stderr=True), transient=True)
        self.bar.start()
        self.task = self.bar.add_task("lint", total=None)
        return self.tick

    def tick(self, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="artlint")
def main():
    """artlint: find what goes wrong in SEO articles (duplicates, off-topic
    insertions, placeholders, unsourced claims, page chrome, keyword stuffing,
    spun text, broken typography)."""
    # Linting allocates millions of short-lived objects and makes almost no cycles: collect young
    # objects less often (as mypy does). About 2% of a 1,000-article run.
    gc.set_threshold(50_000, 20, 20)


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "formats",
    multiple=True,
    help="text (default), json, sarif, github, gitlab, junit, html, or a plugin's. Repeat, each with its --output, for several reports.",
)
@click.option(
    "--output",
    "-o",
    "outputs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Write the report to FILE (paired in order with --format).",
)
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes, names or categories (comma-separated).")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, code prefixes, names or categories.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: warning].",
)
@click.option("--config", "config_path", type=click.Path(), help="Configuration file (default: nearest artlint.toml or pyproject.toml).")
@click.option("--keyword", help="Target keyphrase (default: front matter, else inferred).")
@click.option("--stdin-filename", default="stdin.txt", help="Name (and so format) for text read from '-'.")
@click.option("--format-in", help=f"Input format of '-' and of files with no known extension: {formats_text()}.")
@click.option("--include", multiple=True, help="Glob of files to include when walking folders.")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip.")
@click.option("--force-exclude", is_flag=True, help="Apply exclude patterns to files named on the command line too (for pre-commit).")
@click.option(
    "--respect-gitignore/--no-respect-gitignore", default=True, help="Skip what .gitignore files ignore when walking folders [default: on]."
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: only on a terminal).")
@click.option(
    "--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Report only findings not recorded in this baseline file."
)
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record every current finding in this baseline file.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Processes to lint with [default: 0, all cores].")
@click.option("--no-cache", is_flag=True, help="Lint every file again instead of reusing .artlint_cache/ results.")
@click.option("--dask", "dask_address", help="Lint on an existing Dask cluster (scheduler address); needs artlint[dask].")
@click.option(
    "--dask-send",
    type=click.Choice(["auto", "contents", "paths"]),
    default="auto",
    show_default=True,
    help="With --dask: send file contents (workers need no access to the files), absolute paths (workers must see "
    "the same files at the same paths), or contents up to 10 MB in all, else paths.",
)
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply fixes that may change the meaning too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff and write nothing (exit 1 if there is something to fix).")
@click.option("--fix-only", is_flag=True, help="Like --fix, but exit 0 whatever remains (the report lists only what remains).")
def check(
    paths,
    formats,
    outputs,
    select,
    ignore,
    fail_on,
    config_path,
    keyword,
    stdin_filename,
    format_in,
    include,
    exclude,
    force_exclude,
    respect_gitignore,
    quiet,
    statistics,
    color,
    baseline_path,
    write_baseline,
    jobs,
    no_cache,
    dask_address,
    dask_send,
    fix,
    unsafe_fixes,
    diff,
    fix_only,
):
    """Lint articles: files, folders (walked recursively) or '-' for stdin; no path means '.'.

    Each file follows the nearest artlint.toml or pyproject.toml [tool.artlint] in its folder or above,
    unless --config names one for all."""
    _handle_interrupts()  # first thing: a signal during start-up exits 130/143 too
    from artlint.parsers import REGISTRY
    from artlint.plugins import collect_reporters
    from artlint.workspace import fails

    formats = list(formats) or ["text"]
    paths = paths or (".",)
    fix = fix or fix_only
    if (fix or diff) and "-" in paths:
        raise UserError("--fix and --diff work on files, not on stdin")
    if fix and diff:
        raise UserError("--diff shows fixes without writing them: use it without --fix")
    # fixes are computed from a fresh lint of the bytes being rewritten, never from the cache
    use_cache = not (no_cache or fix or diff)
    ws = _workspace(config_path, select, ignore, keyword, use_cache=use_cache)
    linter = _linter_of(ws, paths)
    if format_in and format_in not in REGISTRY:  # plugins' formats are registered by now
        raise UserError(f"unknown input format {format_in!r} (choose from {', '.join(REGISTRY)})")
    reporters = collect_reporters(linter.plugins)
    for f in formats:
        if f not in reporters:
            raise UserError(f"unknown format {f!r} (choose from {', '.join(sorted(reporters))})")
    if any(getattr(reporters[f], "needs_source", False) for f in formats):  # a reporter that shows the articles' text
        ws = _workspace(config_path, select, ignore, keyword, keep_source=True, use_cache=use_cache)
        linter = _linter_of(ws, paths)
    if len(outputs) > len(formats):
        raise UserError("more --output files than --format options")
    from artlint import baseline

    known = None
    if baseline_path:
        try:
            known = baseline.load(Path(baseline_path))
        except baseline.BaselineError as exc:
            raise UserError(str(exc)) from None
    stdin = sys.stdin.buffer.read() if "-" in paths else None

    def lint():
        try:
            with _Progress(enabled=not quiet and sys.stderr.isatty()) as tick:
                report, level_of = ws.run(
                    list(paths),
                    stdin=stdin,
                    stdin_filename=stdin_filename,
                    include=include,
                    exclude=exclude,
                    force_exclude=force_exclude,
                    respect_gitignore=respect_gitignore,
                    fail_on=fail_on,
                    progress=tick,
                    executor=_executor(jobs, dask_address, dask_send),
                    format_in=format_in,
                )
        except (KeyboardInterrupt, SystemExit) as exc:  # Ctrl-C or SIGTERM (see _handle_interrupts)
            _stop_workers()
            code = exc.code if isinstance(exc, SystemExit) and isinstance(exc.code, int) else 130
            _hard_exit(code)  # exit handlers could only wait on workers
        except (ConfigError, ClusterError) as exc:  # ClusterError: an unreachable Dask scheduler
            raise UserError(str(exc)) from None
        if known is not None:
            baseline.apply(report, known)  # a baselined finding is not fixed either
        return report, level_of

    report, level_of = lint()
    if diff:
        sys.exit(_print_diff(report, unsafe_fixes))
    if fix:
        fixed = files_fixed = 0
        for _ in range(_FIX_PASSES):  # a fix can make room for another (two overlapping edits): fix until nothing changes
            n, n_files = _apply_fixes(report, unsafe_fixes)
            if not n:
                break
            fixed += n
            files_fixed += n_files
            report, level_of = lint()
        if not quiet:
            click.echo(f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.", err=True)
    if write_baseline:
        try:
            write_atomic(Path(write_baseline), baseline.dump(report))
        except OSError as exc:
            raise UserError(f"cannot write {write_baseline}: {exc.strerror or exc}") from None
    threshold = fail_on or linter.config.fail_on
    _encode_safely(sys.stdout)
    for i, fmt in enumerate(formats):
        target = outputs[i] if i < len(outputs) else None
        colour = color if color is not None else (target is None and sys.stdout.isatty())
        options = {"colour": colour, "quiet": quiet, "statistics": statistics, "fail_on": threshold, "errors_on_stderr": target is None}
        text = reporters[fmt](report, {**options, "unsafe_fixes": unsafe_fixes})
        if target:
            try:
                write_atomic(Path(target), text)
            except OSError as exc:
                raise UserError(f"cannot write {target}: {exc.strerror or exc}") from None
        elif not (quiet and fmt == "text"):
            for chunk in [text] if isinstance(text, str) else text:  # reporters may stream their output
                click.echo(chunk, nl=False)
    if report.errors:
        from artlint.reporters.text_report import clean

        _encode_safely(sys.stderr)
        for path, msg in report.errors:  # input errors on stderr, whatever the format (and in JSON reports)
            click.echo(f"{clean(path)}: error: {clean(msg)}", err=True)
        sys.exit(EXIT_ERROR)
    if fix_only:
        sys.exit(EXIT_OK)
    sys.exit(EXIT_FINDINGS if fails(report, level_of) else EXIT_OK)


def _executor(jobs: int, dask_address: str | None, dask_send: str):
    """Where files are linted: on a Dask cluster, in local processes (``--jobs``, 0 for every core) or here."""
    if dask_address:
        from artlint.dask_api import DaskCluster

        return DaskCluster(dask_address, dask_send)
    from artlint.runner import Processes

    return Processes(jobs or os.cpu_count() or 1)


_FIX_PASSES = 10  # as Ruff, a bound on fix-then-lint rounds (one or two in practice)


def _fixed_files(report, unsafe: bool):
    """(path, bytes before, bytes after, number of fixes) of each file the report's fixes change."""
    from artlint.fixes import UnfixableFile, chosen_fixes, fixed_bytes
    from artlint.sources import InputError, read_bytes

    for fr in report.files:
        chosen = chosen_fixes(fr.findings, unsafe)
        if not chosen:
            continue
        try:
            before = read_bytes(Path(fr.path))
            after = fixed_bytes(before, [fx for _, fx in chosen])
        except (InputError, UnfixableFile) as exc:
            report.errors.append((fr.path, f"not fixed: {exc}"))
            continue
        if after != before:
            yield fr.path, before, after, len(chosen)


def _apply_fixes(report, unsafe: bool) -> tuple[int, int]:
    """Rewrite each file the report's fixes change (atomically, keeping its mode): (fixes applied, files)."""
    n = files = 0
    for path, _before, after, count in list(_fixed_files(report, unsafe)):
        try:
            write_atomic(Path(path), after, keep_mode=True)
        except OSError as exc:
            raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
        n += count
        files += 1
    return n, files


def _print_diff(report, unsafe: bool) -> int:
    """Print the report's fixes as a unified diff; the exit code (1: something to fix)."""
    from artlint.fixes import unified_diff

    changed = 0
    for path, before, after, _count in _fixed_files(report, unsafe):
        click.echo(unified_diff(path, before, after), nl=False)
        changed += 1
    for path, msg in report.errors:
        click.echo(f"{path}: error: {msg}", err=True)
    if report.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if changed else EXIT_OK


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", help="text (default), json, html, or a plugin's.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option(
    "--threshold", type=click.FloatRange(0.1, 1.0), default=0.8, show_default=True, help="Jaccard similarity for near-duplicates."
)
@click.option(
    "--chrome-share",
    type=click.FloatRange(0.0, 1.0),
    default=0.3,
    show_default=True,
    help="Share of articles a line must appear in to be template chrome.",
)
@click.option("--write-pack", type=click.Path(dir_okay=False), help="Write the template chrome as a rule pack for `artlint check`.")
@click.option("--keyword", help="Target keyphrase for every document.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Local processes [default: 0, all cores].")
@click.option("--dask", "dask_address", help="Run on an existing Dask cluster (scheduler address, e.g. tcp://10.0.0.5:8786).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="never",
    show_default=True,
    help="Exit 1 when a section at or above this level is not empty: near-duplicates are errors, "
    "copied paragraphs and cannibalisation warnings, template chrome info.",
)
def audit(paths, fmt, output, threshold, chrome_share, write_pack, keyword, jobs, dask_address, fail_on):
    """Audit a site: near-duplicate articles, copied paragraphs, keyphrase cannibalisation, template chrome.

    PATHS are files, folders, or JSON Lines files of {"url"|"path", "text"|"html"} records."""
    try:
        from artlint import audit as site
    except ImportError:
        raise UserError("artlint audit needs the audit extra: pip install 'artlint[audit]'") from None
    from artlint.plugins import PluginError, collect_reporters, make_manager

    try:
        reporters = collect_reporters(make_manager(), "artlint_audit_reporters")
    except PluginError as exc:
        raise UserError(str(exc)) from None
    if fmt not in reporters:
        raise UserError(f"unknown format {fmt!r} (choose from {', '.join(sorted(reporters))})")
    _handle_interrupts()  # Ctrl-C or SIGTERM stops the sketching workers at once, as in `check`
    try:
        report = site.audit(
            list(paths),
            threshold=threshold,
            chrome_share=chrome_share,
            jobs=jobs or site.default_jobs(),
            dask_address=dask_address,
            keyword=keyword,
        )
    except (KeyboardInterrupt, SystemExit) as exc:
        _stop_workers()
        _hard_exit(exc.code if isinstance(exc, SystemExit) and isinstance(exc.code, int) else 130)
    except ImportError as exc:
        raise UserError(f"artlint audit needs the audit extra ({exc.name} is missing): pip install 'artlint[audit]'") from None
    except site.AuditError as exc:
        raise UserError(str(exc)) from None
    text = reporters[fmt](report, {})
    try:
        if output:
            write_atomic(Path(output), text)
        else:
            click.echo(text, nl=False)
        if write_pack:
            write_atomic(Path(write_pack), site.chrome_pack(report))
    except site.AuditError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"cannot write: {exc.strerror or exc}") from None
    if report["errors"]:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if site.reaches(report, fail_on) else EXIT_OK)


@main.command()
def server():
    """Run the language server (LSP over stdio): diagnostics and quick fixes in the editor; needs artlint[lsp]."""
    try:
        from artlint.server import main as serve
    except ImportError:
        raise UserError("artlint server needs the lsp extra: pip install 'artlint[lsp]'") from None
    serve()


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_path", type=click.Path())
def rules_cmd(fmt, config_path):
    """List every rule: code, name, category, default severity, summary."""
    linter = _linter(config_path, (), (), None, ())
    rules = list(linter.all_rules)
    if fmt == "json":
        click.echo(json.dumps([r.metadata() for r in rules], indent=2))
        return
    for r in rules:
        click.echo(f"{r.code:7} {r.name:34} {r.category:18} {r.severity:8} {r.summary}")


def _shown_example(text: str, most: int = 80) -> str:
    """An example as explain prints it: a long generated one is cut after ``most`` words, with its length."""
    text = text.strip()
    words = text.split()
    if len(words) <= most:
        return text
    cut, seen = 0, 0
    for i, ch in enumerate(text):  # cut after the most-th word, keeping the line breaks before it
        if ch.isspace() and i and not text[i - 1].isspace():
            seen += 1
            if seen == most:
                cut = i
                break
    return f"{text[:cut]} … ({len(words):,} words in all)"


@main.command()
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path())
def explain(rule, config_path):
    """Explain a rule (by code or name): why it matters, a bad and a good example."""
    linter = _linter(config_path, (), (), None, ())
    r = linter.all_rules.get(rule)
    if r is None:
        raise UserError(f"no rule {rule!r} (see `artlint rules`)")
    out = [
        f"{r.code} {r.name}",
        "",
        f"Category: {r.category}    Default severity: {r.severity}    From: {r.plugin}",
        "",
        "What it flags",
        f"  {r.summary}",
        "",
        "Why",
        *(f"  {line}" for line in r.rationale.strip().splitlines()),
        "",
        "Flagged",
        *(f"  {line}" for line in _shown_example(r.bad).splitlines()),
        "",
        "Not flagged",
        *(f"  {line}" for line in _shown_example(r.good).splitlines()),
    ]
    if r.options:
        out += ["", "Options (set under [tool.artlint.rules." + r.code + "])"]
        out += [f"  {k} = {json.dumps(v)}" for k, v in r.options.items()]
    click.echo("\n".join(out))


if __name__ == "__main__":  # pragma: no cover
    main()
