"""AL805's gate (data/spun_pairs.bin) is what scripts/build_spun_pairs.py derives from the shipped index,
and the gate never hides a variant: every finding of the model at every score comes through it."""

import sys
from pathlib import Path

from artlint.parsers import parse
from artlint.rules import spun_collocation as sc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import build_spun_pairs  # noqa: E402


def test_gate_file_is_current():
    assert build_spun_pairs.OUT.read_bytes() == build_spun_pairs.render(), "run `python scripts/build_spun_pairs.py`"


def test_each_variant_passes_the_gate():
    """Every variant of a sample of trigger words, written as a sentence, is found at every score."""
    rule = sc.SpunCollocation(min_score=3)
    triggers = sc._index()[0][::997]  # about twenty trigger words spread over the index
    checked = 0
    for trigger in triggers:
        for _, _, table in sc._records(trigger)[1]:
            for variant, (original, _) in list(table.items())[:3]:
                doc = parse(f"Notes\n\nWe said it was {' '.join(variant)} today.\n", "t.txt", "text")
                found = [f.message for f in rule.check(doc)]
                assert any(f"'{original}'" in m for m in found), (variant, original, found)
                checked += 1
    assert checked >= 20
