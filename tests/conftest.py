import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NONET = Path(__file__).resolve().parent / "nonet"


def install_plugin(site: Path, module: str, source: str, entry: str, version: str = "0.1") -> dict:
    """A real distribution in ``site``: ``module``.py and a .dist-info with an ``artlint`` entry point ``entry``.
    Returns the environment that puts it on the path of a CLI run."""
    site.mkdir(exist_ok=True)
    (site / f"{module}.py").write_text(source)
    info = site / f"{module}-{version}.dist-info"
    info.mkdir()
    dist = module.replace("_", "-")
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[artlint]\n{entry} = {module}\n")
    return {"PYTHONPATH": str(site)}


def run_cli(*args, input=None, cwd=None, env=None, timeout=120, network=False):
    """Run the installed `artlint` CLI in a subprocess, with the network blocked unless ``network``."""
    full_env = dict(os.environ)
    if not network:
        full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(NONET), full_env.get("PYTHONPATH", "")]))
    full_env.pop("FORCE_COLOR", None)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "artlint", *map(str, args)],
        input=input,
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
    )


def run_json(*args, **kw):
    proc = run_cli("check", "--format", "json", *args, **kw)
    assert proc.returncode in (0, 1, 2), proc.stderr.decode()
    return proc, json.loads(proc.stdout)


@pytest.fixture(scope="session")
def report_schema():
    return json.loads((ROOT / "schemas" / "report.schema.json").read_text())


@pytest.fixture(scope="session")
def validate_report(report_schema):
    import jsonschema

    validator = jsonschema.Draft202012Validator(report_schema)

    def check(report):
        errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
        assert not errors, errors[0].message + " at " + "/".join(map(str, errors[0].path))

    return check
