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
            return FileResult.from_json(json.loads(self._file(key).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result) -> None:
        entry = {**result.to_json(full=True), "warnings": result.warnings}
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh)
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only or full disk only costs speed
