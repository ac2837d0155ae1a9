"""Files shipped with artlint: JSON Schemas and the built-in YAML rule packs.

In a wheel they live inside the package (``artlint/schemas``, ``artlint/packs``);
in a source checkout they are the top-level ``schemas/`` and ``rules/`` folders.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent


def _dir(packaged: str, checkout: str) -> Path:
    inside = _PACKAGE / packaged
    return inside if inside.is_dir() else _CHECKOUT / checkout


def schemas_dir() -> Path:
    return _dir("schemas", "schemas")


def packs_dir() -> Path:
    return _dir("packs", "rules")


@cache
def schema(name: str) -> dict:
    return json.loads((schemas_dir() / name).read_text(encoding="utf-8"))
