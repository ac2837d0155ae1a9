"""artlint on Dask: lint a corpus on a cluster, or map linting over a dask.bag or a DataFrame column.

Needs the optional extra: ``pip install 'artlint[dask]'``. The core install never imports Dask.

    import dask.bag as db
    from artlint.dask_api import lint_bag, lint_series

    findings = lint_bag(db.from_sequence(texts), format="markdown").compute()
    df["findings"] = lint_series(df["body"], format="html")       # a dask DataFrame column
"""

from __future__ import annotations

from pathlib import Path

_LINTERS: dict = {}


class ClusterError(Exception):
    """The Dask extra is missing or the scheduler cannot be reached (message for the user)."""


def connect(address: str):
    """A client for the scheduler at ``address``, or ClusterError with a one-line reason."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise ClusterError("--dask needs the dask extra: pip install 'artlint[dask]'") from None
    try:
        return Client(address, set_as_default=False, timeout="10s")
    except OSError as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {str(exc).splitlines()[0]}") from None


def map_on_cluster(client, items, fn, *args):
    """``fn(item, *args)`` for every item on the cluster's workers, in input order."""
    import dask.bag as db

    workers = max(1, len(client.scheduler_info()["workers"]))
    bag = db.from_sequence(items, npartitions=max(1, min(len(items), 4 * workers)))
    return bag.map(fn, *args).compute(scheduler=client.get)


def _linter(settings):
    """One Linter per worker process and configuration, built on first use (without a cache: workers share none)."""
    from artlint.engine import Linter

    key = repr(settings)
    if key not in _LINTERS:
        _LINTERS[key] = Linter.from_settings(settings, cache_dir=None)
    return _LINTERS[key]


class DaskCluster:
    """An executor for :func:`artlint.runner.run`: lint the files on an existing Dask cluster.

    The local cache is not read (the cluster lints every file it is given); see
    :func:`lint_files_on_cluster` for ``send``.
    """

    uses_local_cache = False

    def __init__(self, address: str, send: str = "auto"):
        self.address = address
        self.send = send

    def worth_it(self, todo) -> bool:
        return True

    def lint(self, linter, todo, progress=None, stdin=None, stdin_filename="stdin.txt"):
        return lint_files_on_cluster(todo, linter.settings, self.address, self.send)


# Dask warns about task graphs over 10 MB; up to that total the client sends the files' contents, above
# it each worker reads the files itself (by absolute path: they must see the same file system).
SHIP_LIMIT = 10_000_000
SEND_MODES = ("auto", "contents", "paths")


def lint_files_on_cluster(files, settings, address, send: str = "auto"):
    """(path, FileResult | None, error | None) for each file, linted on the cluster's workers, in input order.

    ``send``: "contents" reads each file here and ships its bytes (the workers need no access to the
    files); "paths" ships absolute paths (the workers must see the same files at the same paths);
    "auto" ships contents when the files total at most SHIP_LIMIT bytes.
    """
    import os

    from artlint.sources import InputError, read_bytes

    if send == "auto":
        send = "contents" if _total_size(files) <= SHIP_LIMIT else "paths"
    items, unread = [], {}
    for path in files:
        full = os.path.abspath(path)  # a worker's working directory is not ours
        data = None
        if send == "contents":
            try:
                data = read_bytes(Path(full))
            except InputError as exc:
                unread[path] = str(exc)
                continue
        items.append((path, full, data))
    with connect(address) as client:
        done = iter(map_on_cluster(client, items, _lint_item, settings)) if items else iter(())
    return [(path, None, unread[path]) if path in unread else next(done) for path in files]


def _total_size(files) -> int:
    import os

    total = 0
    for path in files:
        try:
            total += os.stat(path).st_size
        except OSError:
            continue
        if total > SHIP_LIMIT:
            break
    return total


def _lint_item(item, settings):
    """Lint ``(shown path, absolute path, bytes or None)`` on a worker: the bytes when sent, else the file."""
    from artlint.parsers import ParseError
    from artlint.sources import InputError

    shown, full, data = item
    try:
        return shown, _linter(settings).lint_file(full, data=data, display=shown), None
    except (InputError, ParseError) as exc:
        return shown, None, str(exc)


def _lint_one_text(text, fmt, settings):
    from artlint.parsers import REGISTRY
    from artlint.sources import InputError

    if fmt not in REGISTRY:
        raise ValueError(f"unknown input format {fmt!r} (choose from {', '.join(REGISTRY)})")
    ext = REGISTRY[fmt].extensions[0]
    try:
        result = _linter(settings).lint_text(text, f"<text>{ext}", fmt)
    except InputError:
        return []
    return [f.to_json() for f in result.findings]


def lint_bag(bag, format: str = "text", select=(), ignore=(), keyword=None, config=None):
    """A bag of texts -> a bag of finding lists (JSON-ready dicts, as in the JSON report)."""
    return bag.map(_lint_one_text, format, _settings(config, select, ignore, keyword))


def lint_series(series, format: str = "text", select=(), ignore=(), keyword=None, config=None):
    """A dask (or pandas) Series of texts -> a Series of finding lists."""
    args = _settings(config, select, ignore, keyword)
    return (
        series.apply(_lint_one_text, args=(format, args), meta=(series.name, "object"))
        if hasattr(series, "npartitions")
        else series.apply(_lint_one_text, args=(format, args))
    )


def _settings(config, select, ignore, keyword):
    from artlint.engine import LinterSettings

    return LinterSettings(config, tuple(select), tuple(ignore), keyword)
