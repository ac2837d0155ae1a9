"""The learned line model: reproducible from its training units, shipped in the package, read without the
network, and its rules yield a line to any other rule of their category."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from artlint.engine import Linter
from artlint.rules._line_model import CLASSES, model

from .conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
MODEL_RULES = ("AL408", "AL507", "AL614", "AL706")


@pytest.mark.skipif(not (importlib.util.find_spec("numpy") and importlib.util.find_spec("scipy")), reason="training needs numpy and scipy")
def test_training_script_reproduces_the_shipped_model(tmp_path):
    out = tmp_path / "line_model.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_line_model.py"), "train", "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    shipped = ROOT / "src" / "artlint" / "data" / "line_model.json"
    if out.read_bytes() == shipped.read_bytes():
        return
    # another machine's floating point may move a weight by one unit of the rounding (a thousandth), no more
    new, old = json.loads(out.read_text(encoding="utf-8")), json.loads(shipped.read_text(encoding="utf-8"))
    for part in ("weights", "pairs"):
        assert new[part].keys() == old[part].keys(), f"retrain: python scripts/train_line_model.py train ({part} differ)"
        for key, row in new[part].items():
            assert all(abs(a - b) <= 1 for a, b in zip(row, old[part][key])), key
    assert all(abs(a - b) <= 1 for a, b in zip(new["bias"], old["bias"]))
    assert all(abs(new["thresholds"][c] - old["thresholds"][c]) <= 0.01 for c in old["thresholds"])


def test_model_has_a_threshold_per_class_and_stays_small():
    data = json.loads((ROOT / "src" / "artlint" / "data" / "line_model.json").read_text(encoding="utf-8"))
    assert data["classes"] == list(CLASSES[1:])
    assert set(data["thresholds"]) == set(CLASSES[1:])
    assert all(0.5 <= t <= 1.0 for t in data["thresholds"].values())
    assert len(data["bias"]) == len(CLASSES) - 1
    assert all(len(w) == len(CLASSES) - 1 for w in [*data["weights"].values(), *data["pairs"].values()])
    assert all(len(k.split(" ")) == 2 for k in data["pairs"])
    assert (ROOT / "src" / "artlint" / "data" / "line_model.json").stat().st_size < 400_000


def test_model_tells_a_note_a_query_and_a_claim_from_content():
    m = model()
    assert m.score("Need a photo of the finished shelf here before this goes live.", "line")["placeholder"] > 0.5
    assert m.score("best cordless drill for beginners 2025 cheap", "line")["search-query"] > 0.5
    assert m.score("Homes with a smart thermostat cut their heating bills by 31%.", "line")["unsupported-claim"] > 0.5
    assert m.score("Drill a pilot hole first so the screw does not split the wood.", "line")["content"] > 0.5


def test_model_rules_run_without_network(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("# Shelves\n\nDrill a pilot hole first.\n\nbest cordless drill for beginners 2025 cheap\n", encoding="utf-8")
    done = run_cli("check", "--no-cache", "--select", ",".join(MODEL_RULES), "--format", "json", post)
    assert done.returncode == 1, done.stderr
    found = json.loads(done.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["line"]) for f in found] == [("AL706", 5)]
    assert "p=" in found[0]["message"] and "strongest features" in found[0]["message"]


def test_model_rules_are_preview_rules():
    text = "# Shelves\n\nDrill a pilot hole first.\n\nbest cordless drill for beginners 2025 cheap\n"
    found = Linter().lint_text(text, path="post.md", fmt="markdown").findings
    assert not [f for f in found if f.rule in MODEL_RULES]


def test_a_model_finding_yields_to_another_rule_of_its_category_on_the_same_line():
    text = "# Shelves\n\nDrill a pilot hole first.\n\n[EDITOR: add a photo of the finished shelf here before this goes live]\n"
    both = Linter(select=["AL406", "AL408"]).lint_text(text, path="post.md", fmt="markdown").findings
    alone = Linter(select=["AL408"]).lint_text(text, path="post.md", fmt="markdown").findings
    assert [f.rule for f in alone] == ["AL408"]  # the model flags the note on its own
    assert [f.rule for f in both] == ["AL406"]  # but the specific rule keeps the line
