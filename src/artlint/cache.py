"""A cache of per-file results, so an unchanged file is not linted again.

The key covers everything that can change a result: the file's bytes and path, and the
linter's fingerprint (artlint version, every selected rule with its severity and options,
the text of every rule pack, installed plugin versions, keyword and per-file ignores).
Entries are JSON files under ``.artlint_cache/v1/``, written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from artlint.rule import Finding, Related

VERSION = "v1"


class Cache:
    def __init__(self, root: Path, linter_key: str):
        self.dir = Path(root) / VERSION
        self.linter_key = linter_key

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256(self.linter_key.encode())
        h.update(path.encode("utf-8", "surrogateescape") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key[2:]}.json"

    def get(self, key: str):
        from artlint.engine import FileResult

        try:
            data = json.loads(self._file(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        try:
            return FileResult(
                path=data["path"],
                format=data["format"],
                words=data["words"],
                title=data["title"],
                keyphrase=data["keyphrase"],
                warnings=data["warnings"],
                findings=[_finding(f) for f in data["findings"]],
            )
        except (KeyError, TypeError):
            return None

    def put(self, key: str, result) -> None:
        entry = {
            "path": result.path,
            "format": result.format,
            "words": result.words,
            "title": result.title,
            "keyphrase": result.keyphrase,
            "warnings": result.warnings,
            "findings": [{**f.to_json(), "path": f.path, "plugin": f.plugin, "context": f.context} for f in result.findings],
        }
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh)
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only or full disk only costs speed


def _finding(d: dict) -> Finding:
    return Finding(
        path=d["path"],
        rule=d["rule"],
        name=d["name"],
        category=d["category"],
        severity=d["severity"],
        message=d["message"],
        line=d["line"],
        column=d["column"],
        end_line=d["end_line"],
        end_column=d["end_column"],
        excerpt=d["excerpt"],
        related=tuple(Related(r["line"], r["column"], r["message"]) for r in d["related"]),
        plugin=d.get("plugin"),
        context=d.get("context", ""),
    )
