"""Configuration: ``[tool.artlint]`` in pyproject.toml or ``artlint.toml``.

Each checked file follows the nearest such file in its folder or above (see
:mod:`artlint.workspace`; ``--config`` names one for every file). It is validated against ``schemas/config.schema.json``, and merged with
command-line options (which win).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from artlint.resources import schema


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and key."""


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    packs: list[Path] = field(default_factory=list)
    keyword: str | None = None
    fail_on: str = "warning"
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    path: Path | None = None  # where it came from


def find_config(start: Path) -> Path | None:
    """The nearest artlint.toml, or pyproject.toml with a [tool.artlint] table."""
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for d in (here, *here.parents):
        found = find_config_here(d)
        if found is not None:
            return found
    return None


def find_config_here(d: Path) -> Path | None:
    """``d``'s artlint.toml, else its pyproject.toml if that has a [tool.artlint] table."""
    cand = d / "artlint.toml"
    if cand.is_file():
        return cand
    cand = d / "pyproject.toml"
    if cand.is_file():
        try:
            data = tomllib.loads(cand.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            return None
        if "artlint" in data.get("tool", {}):
            return cand
    return None


def load_config(path: Path) -> Config:
    import jsonschema

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("artlint", {})
        prefix = "tool.artlint"
    else:
        prefix = ""
    validator = jsonschema.Draft202012Validator(schema("config.schema.json"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        keys = ".".join(str(p) for p in err.absolute_path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            where = ".".join(filter(None, [prefix, keys]))
            raise ConfigError(f"{path}: unknown key {', '.join(repr(e) for e in extra)}" + (f" in [{where}]" if where else ""))
        raise ConfigError(f"{path}: {'.'.join(filter(None, [prefix, keys])) or '(top level)'}: {err.message}")
    base = path.parent
    return Config(
        select=list(data.get("select", [])),
        ignore=list(data.get("ignore", [])),
        extend_select=list(data.get("extend-select", [])),
        severity=dict(data.get("severity", {})),
        rules=dict(data.get("rules", {})),
        per_file_ignores={k: list(v) for k, v in data.get("per-file-ignores", {}).items()},
        packs=[(base / p) for p in data.get("packs", [])],
        keyword=data.get("keyword"),
        fail_on=data.get("fail-on", "warning"),
        include=list(data.get("include", [])),
        exclude=list(data.get("exclude", [])),
        path=path,
    )
