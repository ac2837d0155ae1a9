"""artlint.english: the word pairs English attests (data/en_bigrams.bin, from CMU Sphinx's US English model)."""

import array
import os
import subprocess
import sys
from pathlib import Path

import pytest

from artlint import english

from .conftest import ROOT


def test_prose_pairs_are_attested_and_query_salad_is_not():
    prose = "you can jump start the car from another battery in the right order".split()
    assert all(english.attested(a, b) for a, b in zip(prose, prose[1:]))
    salad = "jumper cables best cheap review buy".split()
    assert sum(english.attested(a, b) for a, b in zip(salad, salad[1:])) <= 2  # "jumper cables", "best cheap"
    assert english.attested("interest", "rate") and not english.attested("rate", "interest")


def test_table_is_well_formed():
    offsets, low = english._table()
    assert len(offsets) == english.BUCKETS + 1 and offsets[0] == 0 and offsets[-1] == len(low) > 1_900_000
    assert all(a <= b for a, b in zip(offsets, offsets[1:]))
    bucket = low[offsets[1234] : offsets[1235]]
    assert list(bucket) == sorted(bucket) and isinstance(bucket, array.array)


SOURCES = os.environ.get("ARTLINT_DATA_SOURCES")


@pytest.mark.skipif(not SOURCES, reason="set ARTLINT_DATA_SOURCES to a folder holding pocketsphinx-5.1.1-*.whl (.ci/run does)")
def test_build_script_reproduces_the_shipped_table(tmp_path):
    out = tmp_path / "en_bigrams.bin"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_bigrams.py"), SOURCES, str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    shipped = Path(english.__file__).parent / "data" / "en_bigrams.bin"
    assert out.read_bytes() == shipped.read_bytes(), "run `python scripts/build_bigrams.py DIR` and commit the table"
