"""Which configuration governs each checked file, and one linter per configuration.

As in Ruff: without ``--config``, each file follows the nearest ``artlint.toml`` (or ``pyproject.toml``
with a ``[tool.artlint]`` table) in its folder or above, so ``check siteA siteB`` lints each site with
its own configuration, in either order. ``--config`` gives one configuration for every file.
"""

from __future__ import annotations

import os
from pathlib import Path

from artlint.config import Config, find_config_here, load_config
from artlint.rule import SEVERITY_RANK


class Workspace:
    def __init__(self, config_path=None, make_linter=None):
        self.fixed = load_config(Path(config_path)) if config_path else None
        self.make_linter = make_linter  # Config -> Linter
        self._nearest: dict[str, Path | None] = {}  # folder -> its configuration file
        self._configs: dict[Path | None, Config] = {}
        self._linters: dict[int, object] = {}

    def config_for(self, folder: str) -> Config:
        """The configuration of the files in ``folder``."""
        if self.fixed is not None:
            return self.fixed
        found = self._find(os.path.abspath(folder))
        config = self._configs.get(found)
        if config is None:
            config = self._configs[found] = load_config(found) if found else Config()
        return config

    def _find(self, folder: str) -> Path | None:
        if folder in self._nearest:
            return self._nearest[folder]
        found = find_config_here(Path(folder))
        if found is None:
            parent = os.path.dirname(folder)
            found = self._find(parent) if parent != folder else None
        self._nearest[folder] = found
        return found

    def linter_for(self, config: Config):
        linter = self._linters.get(id(config))
        if linter is None:
            linter = self._linters[id(config)] = self.make_linter(config)
        return linter

    def run(self, paths, *, include=(), exclude=(), force_exclude=False, respect_gitignore=True, fail_on=None, **run_args):
        """Lint ``paths``, each file with its own configuration's linter: the report, and each file's fail-on level."""
        from artlint.report import Report
        from artlint.runner import run
        from artlint.sources import collect

        files, errors = collect(
            paths, include, exclude, config_for=self.config_for, force_exclude=force_exclude, respect_gitignore=respect_gitignore
        )
        groups: dict[int, list[str]] = {}
        configs: dict[int, Config] = {}
        for f in files:
            config = self.config_for(os.getcwd() if f == "-" else os.path.dirname(f) or ".")
            groups.setdefault(id(config), []).append(f)
            configs[id(config)] = config
        if not groups:  # nothing to lint: the errors alone, with the working directory's rules
            groups[id(self.config_for("."))] = []
            configs.update({k: self.config_for(".") for k in groups})
        results: dict[str, tuple] = {}
        level_of: dict[str, str] = {}
        reports = []
        for key, group in groups.items():
            linter = self.linter_for(configs[key])
            level = fail_on or linter.config.fail_on
            part = run(linter, paths, collected=(group, errors if not reports else []), **run_args)
            reports.append((part, level))
            for i, (shell, _packed) in enumerate(part.files._entries):
                results.setdefault(shell.path, (part, i))
                level_of[shell.path] = level
        if len(reports) == 1:
            return reports[0][0], level_of
        report = Report(rules=_union([r.rules for r, _ in reports]))
        for part, _ in reports:
            report.errors.extend(part.errors)
        report.errors.sort()
        stdin_name = run_args.get("stdin_filename", "stdin.txt")
        for f in files:  # the order of the command line and the walk, whichever configuration linted the file
            hit = results.pop(stdin_name if f == "-" else f, None)
            if hit is not None:
                report.files.append_packed(*hit[0].files._entries[hit[1]])
        return report, level_of


def fails(report, level_of: dict[str, str]) -> bool:
    """Whether any file has a finding at or above its own configuration's ``fail-on``."""
    levels = set(level_of.values())
    if len(levels) <= 1:
        return bool(levels) and report.reaches(levels.pop())
    for fr in report.files:
        level = level_of.get(fr.path, "warning")
        if level != "never" and any(SEVERITY_RANK.get(f.severity, 0) >= SEVERITY_RANK[level] for f in fr.findings):
            return True
    return False


def _union(rulesets):
    from artlint.rule import RuleSet

    out = {}
    for rs in rulesets:
        if rs is not None:
            out.update(rs.rules)
    return RuleSet(out)
