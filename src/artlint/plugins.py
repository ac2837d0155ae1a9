"""The plugin manager: built-ins and third-party plugins, loaded the same way."""

from __future__ import annotations

from pathlib import Path

import pluggy

from artlint import hookspecs
from artlint.rule import Rule, RuleSet, validate_rule_class

ENTRY_POINT_GROUP = "artlint"


class PluginError(Exception):
    """A plugin or rule pack that cannot be used (message names it)."""


def make_manager(load_entry_points: bool = True, extra=()) -> pluggy.PluginManager:
    """A fresh plugin manager: the ``artlint`` entry points, then ``extra`` objects."""
    pm = pluggy.PluginManager("artlint")
    pm.add_hookspecs(hookspecs)
    if load_entry_points:
        _load_entry_points(pm)
    if pm.get_plugin("builtin") is None:
        # running from a source tree without installed metadata
        from artlint import builtin

        pm.register(builtin, name="builtin")
    for obj in extra:
        pm.register(obj)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"plugin {_name_of(pm, exc.plugin)}: {exc}") from None
    return pm


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    """pluggy's load_setuptools_entrypoints, with a one-line error naming the plugin that cannot load."""
    from importlib import metadata

    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        origin = f"{ep.name} ({ep.value}" + (f", from {ep.dist.name} {ep.dist.version})" if ep.dist else ")")
        try:
            plugin = ep.load()
        except Exception as exc:  # any failure inside a third party's import
            detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
            raise PluginError(f"plugin {origin} cannot be loaded: {detail}") from None
        try:
            pm.register(plugin, name=ep.name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            raise PluginError(f"plugin {origin}: {exc}") from None


def _name_of(pm: pluggy.PluginManager, plugin) -> str:
    return pm.get_name(plugin) or getattr(plugin, "__name__", repr(plugin))


def plugin_name(pm: pluggy.PluginManager, impl) -> str:
    return pm.get_name(impl.plugin) or getattr(impl.plugin, "__name__", "plugin")


def collect_rules(pm: pluggy.PluginManager, extra_packs=()) -> RuleSet:
    """Every rule from every plugin and pack, checked for well-formed metadata."""
    from artlint.packs import load_pack

    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}

    def add(rule: Rule, origin: str) -> None:
        problems = validate_rule_class(rule)
        if problems:
            raise PluginError(f"{origin}: rule {getattr(rule, 'code', '?')}: {'; '.join(problems)}")
        if rule.code in rules:
            raise PluginError(f"{origin}: rule code {rule.code} is already used by {rules[rule.code].plugin}")
        if rule.name in names:
            raise PluginError(f"{origin}: rule name {rule.name} is already used by {names[rule.name]}")
        rule.plugin = origin
        rules[rule.code] = rule
        names[rule.name] = rule.code

    for impl in pm.hook.artlint_rules.get_hookimpls():
        origin = plugin_name(pm, impl)
        try:
            classes = impl.function() or []
        except Exception as exc:
            raise PluginError(f"plugin {origin}: artlint_rules() failed: {exc}") from None
        for cls in classes:
            if not (isinstance(cls, type) and issubclass(cls, Rule)):
                raise PluginError(f"plugin {origin}: artlint_rules() returned {cls!r}, not a Rule subclass")
            add(cls(), origin)
    pack_paths: list[tuple[str, Path]] = []
    for impl in pm.hook.artlint_rule_packs.get_hookimpls():
        origin = plugin_name(pm, impl)
        for p in impl.function() or []:
            pack_paths.append((origin, Path(p)))
    for p in extra_packs:
        pack_paths.append(("config", Path(p)))
    for origin, path in pack_paths:
        for rule in load_pack(path, validate=origin != "builtin"):
            add(rule, origin if origin != "config" else f"pack {path.name}")
    return RuleSet(rules)


def collect_reporters(pm: pluggy.PluginManager, hook: str = "artlint_reporters") -> dict:
    """Output format name -> reporter, from every plugin's ``hook`` (artlint_reporters, or artlint_audit_reporters)."""
    out: dict = {}
    impls = sorted(getattr(pm.hook, hook).get_hookimpls(), key=lambda i: plugin_name(pm, i) != "builtin")
    for impl in impls:
        for name, fn in (impl.function() or {}).items():
            out.setdefault(name, fn)
    return out


def collect_input_formats(pm: pluggy.PluginManager) -> None:
    """Register every plugin's input formats in the one registry (:data:`artlint.parsers.REGISTRY`)."""
    from artlint.parsers import InputFormat, register_format

    for impl in pm.hook.artlint_input_formats.get_hookimpls():
        origin = plugin_name(pm, impl)
        try:
            formats = impl.function() or []
        except Exception as exc:
            raise PluginError(f"plugin {origin}: artlint_input_formats() failed: {exc}") from None
        for fmt in formats:
            if not isinstance(fmt, InputFormat):
                raise PluginError(f"plugin {origin}: artlint_input_formats() returned {fmt!r}, not an InputFormat")
            try:
                register_format(fmt)
            except ValueError as exc:
                raise PluginError(f"plugin {origin}: {exc}") from None
