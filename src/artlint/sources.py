"""Finding and reading input files: walking folders, decoding, refusing binaries."""

from __future__ import annotations

import codecs
import fnmatch
import os
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from artlint.parsers import FORMATS, extensions_text

# what artlint's own HTML reports carry in their first lines, so a report written into a linted folder is not
# linted on the next run
GENERATED_MARK = b'<meta name="generator" content="artlint '
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".artlint_cache", ".tox")


class InputError(Exception):
    """A file that cannot be linted; the message is one line for the user."""


@dataclass
class Decoded:
    text: str  # line endings normalised to \n
    warning: str | None = None


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"  # never in a text file


def decode(data: bytes) -> Decoded:
    """Bytes to text: BOMs honoured, invalid UTF-8 replaced (and said), binaries refused."""
    warning = None
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        sample = data[:8192]
        control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if sample and (control > len(sample) // 20 or b"\x00\x00" in sample):
            raise InputError("binary file, not an article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = data.decode("utf-8", errors="replace")
            warning = f"invalid UTF-8 at byte {exc.start}; undecodable bytes were replaced with U+FFFD"
    if "\x00" in text:
        text = text.replace("\x00", " ")
        warning = warning or "NUL bytes replaced with spaces"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, warning)


def read_file(path: Path) -> Decoded:
    return decode(read_bytes(path))


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes. Opened without blocking and checked first: a FIFO, socket or device
    (a walk can meet one, a symlink can point at one) is refused instead of read, which could wait forever."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError
            if not stat.S_ISREG(mode):
                raise InputError("not a regular file")
            with os.fdopen(fd, "rb") as fh:
                fd = -1
                return fh.read()
        finally:
            if fd >= 0:
                os.close(fd)
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def _matches(path: str, patterns) -> bool:
    """Whether the path, its file name, or its tail after a "/" matches one of the glob patterns."""
    rx = _glob_regex(tuple(patterns))
    name = path.rsplit("/", 1)[-1]
    return bool(rx.match(os.path.normcase(path)) or rx.match(os.path.normcase(name)))


@lru_cache(maxsize=64)
def _glob_regex(patterns: tuple[str, ...]) -> re.Pattern:
    """The patterns as one expression (fnmatch's translation), each also allowed after any "*/" prefix."""
    parts = [fnmatch.translate(os.path.normcase(p)) for p in patterns] + [fnmatch.translate(os.path.normcase(f"*/{p}")) for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else re.compile(r"(?!)")


def collect(
    paths, include=(), exclude=(), *, config_for=None, force_exclude=False, respect_gitignore=False
) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to lint under ``paths`` (sorted, unique), and (path, message) errors.

    ``include``/``exclude`` (the command line's) match paths as given; ``config_for(folder)`` gives the
    configuration governing a folder, whose ``include``/``exclude`` match paths relative to its file's
    folder. Files named explicitly are excluded only with ``force_exclude``; ``respect_gitignore``
    skips what the .gitignore files of the walked folders (up to the repository's root) ignore.
    """
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    exclude = tuple(exclude) + DEFAULT_EXCLUDE
    include = tuple(include)
    config_for = config_for or (lambda folder: None)

    def excluded(full: str, cfg, rel: str | None) -> bool:
        """``rel``: the path relative to the configuration's folder (None: outside it)."""
        if _matches(full, exclude):
            return True
        return cfg is not None and bool(cfg.exclude) and _matches(rel or full, cfg.exclude)

    def included(full: str, cfg, rel: str | None) -> bool:
        patterns = cfg.include if cfg is not None else ()
        if not include and not patterns:
            return True
        if include and _matches(full, include):
            return True
        return bool(patterns) and _matches(rel or full, patterns)

    def under(prefix: str | None, name: str) -> str | None:
        return None if prefix is None else name if prefix == "." else f"{prefix}/{name}"

    for p in paths:
        if p == "-":
            files.append("-")
            continue
        path = Path(p)
        if not os.path.lexists(path):
            errors.append((p, "no such file or directory"))
            continue
        if path.is_dir():
            found = 0
            visited: set[tuple[int, int]] = set()
            ignores = _GitIgnores(str(path)) if respect_gitignore else None
            for root, dirs, names in os.walk(path, followlinks=True):
                try:
                    st = os.stat(root)
                except OSError:
                    dirs[:] = []
                    continue
                key = (st.st_dev, st.st_ino)
                if key in visited:  # a symlink loop
                    dirs[:] = []
                    continue
                visited.add(key)
                cfg = config_for(root)
                # computed once per folder, not per file
                prefix = config_rel(root, cfg) if cfg is not None and (cfg.exclude or cfg.include) else None
                ignored = ignores.for_folder(root) if ignores is not None else None
                dirs[:] = sorted(
                    d for d in dirs if not excluded(_rel(root, d), cfg, under(prefix, d)) and not (ignored and ignored(d, True))
                )
                for name in sorted(names):
                    full = _rel(root, name)
                    suffix = os.path.splitext(name)[1].lower()
                    if suffix not in FORMATS or name.endswith(".gold.json"):
                        continue
                    rel = under(prefix, name)
                    if not included(full, cfg, rel) or excluded(full, cfg, rel):
                        continue
                    if ignored is not None and ignored(name, False):
                        continue
                    if suffix in (".html", ".htm") and _written_by_artlint(full):
                        continue
                    if not _regular_or_missing(full):  # a FIFO would block the read, a device never end
                        errors.append((full, "not a regular file"))
                        continue
                    if full not in seen:
                        seen.add(full)
                        files.append(full)
                        found += 1
            if not found:
                errors.append((p, f"no articles found ({extensions_text()})"))
        elif _regular_or_missing(p):  # a dangling symlink is reported when read
            key = str(path)
            if force_exclude:
                cfg = config_for(os.path.dirname(key) or ".")
                # the file and the folders it is in, from the working directory down (those above it are not ours)
                here = os.path.relpath(os.path.abspath(key)).replace(os.sep, "/")
                parts = here.split("/") if not here.startswith("../") else [key]
                chain = ["/".join(parts[: i + 1]) for i in range(len(parts))]
                if any(excluded(sub, cfg, config_rel(sub, cfg) if cfg is not None else None) for sub in chain):
                    continue
            if key not in seen:
                seen.add(key)
                files.append(key)
        else:
            errors.append((p, "not a regular file"))
    return files, errors


def config_rel(path: str, config) -> str | None:
    """``path`` relative to the folder of ``config``'s file (the working directory if it has none), with "/";
    None when the path lies outside that folder."""
    base = os.path.dirname(os.path.abspath(config.path)) if config.path else os.getcwd()
    rel = os.path.relpath(os.path.abspath(path), base)
    if rel == ".." or rel.startswith(".." + os.sep):
        return None
    return rel.replace(os.sep, "/")


class _GitIgnores:
    """The .gitignore files that apply under one walked folder: its own and its subfolders', and those
    of its parents up to the repository's root (the folder holding .git; without one, none above)."""

    def __init__(self, top: str):
        top = os.path.abspath(top)
        self.stop = top
        d = top
        while True:
            if os.path.exists(os.path.join(d, ".git")):
                self.stop = d
                break
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        self.chains: dict[str, list] = {}

    def _chain(self, folder: str) -> list:
        """(folder, compiled spec) for every .gitignore that applies in ``folder``, deepest first."""
        chain = self.chains.get(folder)
        if chain is None:
            spec = None
            try:
                with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as fh:
                    lines = fh.read().splitlines()
                import pathspec  # only when there is a .gitignore to read

                spec = pathspec.GitIgnoreSpec.from_lines(lines)
            except OSError:
                pass
            parent = os.path.dirname(folder)
            above = self._chain(parent) if folder != self.stop and parent != folder and folder.startswith(self.stop) else []
            chain = self.chains[folder] = ([(folder, spec)] if spec is not None else []) + above
        return chain

    def for_folder(self, folder: str):
        """A test ``ignored(name, is_dir)`` for the entries of ``folder`` (None when no .gitignore applies)."""
        folder = os.path.abspath(folder)
        chain = [(os.path.relpath(folder, base).replace(os.sep, "/"), spec) for base, spec in self._chain(folder)]
        if not chain:
            return None

        def ignored(name: str, is_dir: bool) -> bool:
            tail = name + ("/" if is_dir else "")
            for prefix, spec in chain:  # the deepest .gitignore that has a say decides
                verdict = spec.check_file(tail if prefix == "." else f"{prefix}/{tail}").include
                if verdict is not None:
                    return verdict
            return False

        return ignored


def _written_by_artlint(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return GENERATED_MARK in fh.read(512)
    except OSError:
        return False  # reported when the file is read


def _regular_or_missing(path: str) -> bool:
    """A regular file (symlinks followed), or nothing there at all (a dangling link: "no such file" later)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def _rel(root: str, name: str) -> str:
    return re.sub(r"^\./", "", os.path.join(root, name).replace(os.sep, "/"))
