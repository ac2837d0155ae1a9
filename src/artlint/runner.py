"""The many-file run: which files are read from the cache, which are linted, where, and in what order.

The caller hands in an executor: :class:`Serial` (this process), :class:`Processes` (a local pool,
forked from a warmed-up linter where the platform allows) or ``artlint.dask_api.DaskCluster``. Each
yields ``(path, FileResult | None, error | None)`` for the files it is given, in their order; the run
puts the cached results back in place and builds the :class:`~artlint.report.Report`.

Above the engine (it drives a :class:`~artlint.engine.Linter`), below the workspace and the CLI.
"""

from __future__ import annotations

import gc
import signal
from pathlib import Path

from artlint.engine import Linter, LinterSettings
from artlint.parsers import ParseError, format_for
from artlint.report import Report
from artlint.sources import InputError, collect, read_bytes


def run(
    linter: Linter,
    paths,
    stdin: bytes | None = None,
    stdin_filename: str = "stdin.txt",
    include=(),
    exclude=(),
    progress=None,
    executor=None,
    collected: tuple[list[str], list] | None = None,
    format_in: str | None = None,
) -> Report:
    """Lint ``paths`` (or the ``collected`` (files, errors) of :func:`artlint.sources.collect`) with ``executor``."""
    linter.format_in = format_in
    executor = executor or Serial()
    if collected is None:
        collected = collect(paths, include, exclude, config_for=lambda folder: linter.config)
    files, errors = collected
    report = Report(errors=list(errors), rules=linter.rules)
    cached = _cached(linter, files) if linter.cache is not None and executor.uses_local_cache else {}
    todo = [p for p in files if p not in cached]  # only these go to processes or a cluster
    if "-" in files or not executor.worth_it(todo):
        executor = Serial()  # stdin is read here; a handful of files do not pay for starting workers
    fresh = iter(executor.lint(linter, todo, progress, stdin=stdin, stdin_filename=stdin_filename))
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


def lint_one(linter: Linter, path: str, stdin: bytes | None = None, stdin_filename: str = "stdin.txt"):
    """``(shown path, FileResult | None, error | None)`` for one file, or for stdin when ``path`` is ``-``."""
    try:
        if path == "-":
            return stdin_filename, linter.lint_file(stdin_filename, data=stdin or b"", display=stdin_filename), None
        return path, linter.lint_file(path), None
    except (InputError, ParseError) as exc:
        return (stdin_filename if path == "-" else path), None, str(exc)


def _cached(linter: Linter, files) -> dict:
    """Results of unchanged files, from the cache (read here: cheaper than starting processes for them)."""
    out = {}
    for path in files:
        if path == "-" or format_for(path) is None:
            continue
        try:
            raw = read_bytes(Path(path))
        except InputError:
            continue  # reported when the file is linted
        entry = linter.cache.get_packed(linter.cache.key(path, raw))
        if entry is not None:
            out[path] = entry
    return out


class Serial:
    """Lint in this process, one file after another."""

    uses_local_cache = True

    def worth_it(self, todo) -> bool:
        return True

    def lint(self, linter: Linter, todo, progress=None, stdin=None, stdin_filename="stdin.txt"):
        for done, path in enumerate(todo):
            if progress is not None:
                progress(done, len(todo))
            yield lint_one(linter, path, stdin, stdin_filename)


class Processes:
    """Lint across ``jobs`` local processes; each has its own Linter, built once. Results keep input order."""

    uses_local_cache = True
    files_per_job = 4  # below 4 files per process, starting the pool costs more than it saves

    def __init__(self, jobs: int):
        self.jobs = jobs

    def worth_it(self, todo) -> bool:
        return self.jobs > 1 and len(todo) >= self.files_per_job * self.jobs

    def lint(self, linter: Linter, todo, progress=None, stdin=None, stdin_filename="stdin.txt"):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _WORKER
        # at most 64 files a task (a slow file does not hold many others back), about 8 tasks per process
        chunk = max(1, min(64, len(todo) // (self.jobs * 8)))
        if hasattr(signal, "SIGALRM"):
            # forked workers share this linter, warmed up first: its imports, word lists and compiled
            # expressions are made once here instead of once in every worker
            _warm_up(linter, {format_for(p) for p in todo})
            gc.freeze()  # the warmed-up linter: later collections skip its objects (and leave shared pages alone)
            _WORKER = linter
            ctx, init, args = multiprocessing.get_context("fork"), _init_forked_worker, ()
        else:
            ctx, init, args = multiprocessing.get_context("spawn"), _init_worker, (linter.settings,)
        pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=init, initargs=args)
        _POOLS.add(pool)
        try:
            for done, outcome in enumerate(pool.map(_worker_lint, todo, chunksize=chunk)):
                if progress is not None:
                    progress(done, len(todo))
                if done + 1 == len(todo):  # every result is in: let the workers exit (the caller reads no further)
                    pool.shutdown(wait=True)
                yield outcome
        except BaseException:  # Ctrl-C, SIGTERM, or the caller stopped reading: stop now, not after the queued files
            stop_pool(pool)
            raise
        finally:
            _POOLS.discard(pool)
            _WORKER = None


def parallel_map(fn, items: list, jobs: int):
    """``fn`` over ``items`` in ``jobs`` local processes, results in input order, with the linter pool's
    interrupt handling: workers ignore Ctrl-C, and an interrupt (or a caller that stops reading) kills them
    at once instead of letting them finish the queue. ``fn`` must be a module-level function (picklable)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(items) // (jobs * 8))  # about 8 tasks per process
    ctx = multiprocessing.get_context("fork" if hasattr(signal, "SIGALRM") else "spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_forked_worker)
    _POOLS.add(pool)
    try:
        out = list(pool.map(fn, items, chunksize=chunk))
        pool.shutdown(wait=True)
        return out
    except BaseException:
        stop_pool(pool)
        raise
    finally:
        _POOLS.discard(pool)


def _warm_up(linter: Linter, formats) -> None:
    """Run every rule once on a tiny article of each format (what the first real file would pay)."""
    sample = "# A heading\n\nA first sentence with 12 words, a figure of 40% and a [link](x).\n\n- An item.\n"
    for fmt in sorted(f for f in formats if f):
        try:
            linter.lint_text(sample if fmt != "html" else f"<h1>A heading</h1><p>{sample}</p>", f"warm-up.{fmt}", fmt)
        except Exception:  # noqa: BLE001, S112 - a warm-up only; real files report their own errors
            continue
    for rule in linter.rules:
        try:
            rule.warm()
        except Exception:  # noqa: BLE001, S112 - the rule builds it at first use instead, and reports there
            continue


_WORKER: Linter | None = None
_POOLS: set = set()  # process pools at work, so an interrupt can stop them wherever it lands


def stop_pools() -> None:
    """Stop every process pool at work (an interrupt that landed outside :meth:`Processes.lint`)."""
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


def _init_worker(settings: LinterSettings):
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _WORKER = Linter.from_settings(settings)


def _init_forked_worker():
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C


def _worker_lint(path):
    return lint_one(_WORKER, path)
