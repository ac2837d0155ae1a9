"""artlint on Dask: lint a corpus on a cluster, or map linting over a dask.bag or a DataFrame column.

Needs the optional extra: ``pip install 'artlint[dask]'``. The core install never imports Dask.

    import dask.bag as db
    from artlint.dask_api import lint_bag, lint_series

    findings = lint_bag(db.from_sequence(texts), format="markdown").compute()
    df["findings"] = lint_series(df["body"], format="html")       # a dask DataFrame column
"""

from __future__ import annotations

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


def _linter(args):
    """One Linter per worker process and configuration, built on first use."""
    from artlint.engine import Linter

    key = repr(args)
    if key not in _LINTERS:
        config, select, ignore, keyword, keep_source, cache_dir = args
        _LINTERS[key] = Linter(config, select=select, ignore=ignore, keyword=keyword, keep_source=keep_source, cache_dir=None)
    return _LINTERS[key]


def _lint_path(path, args):
    return _linter(args)._one(path)


def lint_files_on_cluster(files, linter_args, address):
    """(path, FileResult | None, error | None) for each file, linted on the cluster's workers, in input order."""
    with connect(address) as client:
        return map_on_cluster(client, files, _lint_path, linter_args)


def _lint_one_text(text, fmt, args):
    from artlint.parsers import REGISTRY
    from artlint.sources import InputError

    if fmt not in REGISTRY:
        raise ValueError(f"unknown input format {fmt!r} (choose from {', '.join(REGISTRY)})")
    ext = REGISTRY[fmt].extensions[0]
    try:
        result = _linter(args).lint_text(text, f"<text>{ext}", fmt)
    except InputError:
        return []
    return [f.to_json() for f in result.findings]


def lint_bag(bag, format: str = "text", select=(), ignore=(), keyword=None, config=None):
    """A bag of texts -> a bag of finding lists (JSON-ready dicts, as in the JSON report)."""
    args = (config, tuple(select), tuple(ignore), keyword, False, None)
    return bag.map(_lint_one_text, format, args)


def lint_series(series, format: str = "text", select=(), ignore=(), keyword=None, config=None):
    """A dask (or pandas) Series of texts -> a Series of finding lists."""
    args = (config, tuple(select), tuple(ignore), keyword, False, None)
    return (
        series.apply(_lint_one_text, args=(format, args), meta=(series.name, "object"))
        if hasattr(series, "npartitions")
        else series.apply(_lint_one_text, args=(format, args))
    )
