"""A cache of per-file results, so an unchanged file is not linted again.

The key covers everything that can change a result: the file's bytes and path, and the
linter's fingerprint (artlint version, every selected rule with its severity and options,
the text of every rule pack, installed plugin versions, keyword and per-file ignores).
Entries are files under ``.artlint_cache/v2-pyXY/``, written atomically: the result's fields
with its findings packed by ``marshal`` (several times faster to read back than JSON, which is
what makes a re-run of an unchanged corpus cheap). marshal's format belongs to the Python
version, hence the version in the folder name; an unreadable entry is simply a miss.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

VERSION = f"v2-py{sys.version_info[0]}{sys.version_info[1]}"


class Cache:
    def __init__(self, root: Path, linter_key: str):
        self.root = Path(root)
        self.dir = self.root / VERSION
        self.linter_key = linter_key
        self._ignored = False

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256(self.linter_key.encode())
        h.update(path.encode("utf-8", "surrogateescape") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.dir / key[:2] / key[2:]

    def get_packed(self, key: str):
        """(FileResult without its findings, the findings packed) or None."""
        from artlint.report import FileResult

        try:
            e = marshal.loads(self._file(key).read_bytes())
            shell = FileResult(e["path"], e["format"], e["words"], [], e["title"], e["keyphrase"], list(e["warnings"]))
            shell.keyphrase_source = e.get("keyphrase_source")
            if not isinstance(marshal.loads(e["findings"]), tuple):  # a damaged entry is a miss, not a crash later
                return None
            return shell, e["findings"]
        except (OSError, ValueError, EOFError, KeyError, TypeError, IndexError):
            return None

    def get(self, key: str):
        from artlint.rule import unpack_findings

        entry = self.get_packed(key)
        if entry is None:
            return None
        shell, packed = entry
        try:
            shell.findings = unpack_findings(packed)
        except (ValueError, TypeError, IndexError):
            return None
        return shell

    def put(self, key: str, result) -> None:
        from artlint.rule import pack_findings

        entry = {
            "path": result.path,
            "format": result.format,
            "words": result.words,
            "title": result.title,
            "keyphrase": result.keyphrase,
            "keyphrase_source": result.keyphrase_source,
            "warnings": list(result.warnings),
            "findings": pack_findings(result.findings),
        }
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not self._ignored:  # as Ruff and pytest do: the cache never shows up in `git status`
                ignore = self.root / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# written by artlint\n*\n", encoding="utf-8")
                self._ignored = True
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(entry))
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only or full disk only costs speed
