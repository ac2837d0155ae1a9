"""The import layers of pyproject.toml hold: no cycles, no module importing from a layer above its own.

docs/architecture.md explains the layers; this runs ``lint-imports`` on them, so a cycle fails CI.
"""

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import artlint

ROOT = Path(__file__).resolve().parent.parent


def _contracts():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def test_import_contracts_are_kept():
    exe = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(exe), "--no-cache", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert f"{len(_contracts())} kept, 0 broken" in done.stdout


def test_every_module_has_a_layer():
    """A new module outside every layer would escape the layers contract: name its layer in pyproject.toml."""
    (layers,) = [c["layers"] for c in _contracts() if c["type"] == "layers"]
    named = {m.strip() for layer in layers for m in layer.split("|")}
    modules = {m.name for m in pkgutil.iter_modules(artlint.__path__)}
    assert modules - named == set(), "modules in no layer"
    assert named - modules == set(), "layers naming no module"


def test_a_cycle_breaks_the_contract(tmp_path):
    """The contract can fail: the same check on a copy of the package with one upward import added."""
    import shutil

    pkg = tmp_path / "artlint"
    shutil.copytree(Path(artlint.__file__).parent, pkg, ignore=shutil.ignore_patterns("__pycache__", "data"))
    (pkg / "data").mkdir()
    (pkg / "data" / "__init__.py").write_text("")
    with open(pkg / "text.py", "a", encoding="utf-8") as fh:
        fh.write("\n\ndef _upward():\n    from artlint import engine\n\n    return engine\n")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    exe = Path(sys.executable).with_name("lint-imports")
    env = {"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([str(exe), "--no-cache"], cwd=tmp_path, capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-2000:]
    assert "BROKEN" in done.stdout
