"""Finding and reading input files: walking folders, decoding, refusing binaries."""

from __future__ import annotations

import codecs
import fnmatch
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from artlint.parsers import FORMATS, extensions_text

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
    try:
        return path.read_bytes()
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


def collect(paths, include=(), exclude=()) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to lint under ``paths`` (sorted, unique), and (path, message) errors."""
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    exclude = tuple(exclude) + DEFAULT_EXCLUDE
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
                dirs[:] = sorted(d for d in dirs if not _matches(_rel(root, d), exclude))
                for name in sorted(names):
                    full = _rel(root, name)
                    suffix = os.path.splitext(name)[1].lower()
                    if suffix not in FORMATS or name.endswith(".gold.json"):
                        continue
                    if include and not _matches(full, include):
                        continue
                    if _matches(full, exclude):
                        continue
                    if full not in seen:
                        seen.add(full)
                        files.append(full)
                        found += 1
            if not found:
                errors.append((p, f"no articles found ({extensions_text()})"))
        elif path.is_file() or path.is_symlink():
            key = str(path)
            if key not in seen:
                seen.add(key)
                files.append(key)
        else:
            errors.append((p, "not a regular file"))
    return files, errors


def _rel(root: str, name: str) -> str:
    return re.sub(r"^\./", "", os.path.join(root, name).replace(os.sep, "/"))
