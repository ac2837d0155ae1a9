"""The fast Flesch engine agrees with textstat's, and textstat runs offline."""

from pathlib import Path

import pytest

from artlint.readability import flesch_reading_ease

from .conftest import SEEDS

TEXTS = sorted(SEEDS.glob("*.txt")) + sorted((Path(__file__).parent / "corpus_clean").glob("*.md"))[:4]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:30])
def test_fast_engine_tracks_textstat(path):
    text = path.read_text(encoding="utf-8")
    fast = flesch_reading_ease(text, "fast")
    ref = flesch_reading_ease(text, "textstat")
    assert abs(fast - ref) <= 10, (fast, ref)


def test_textstat_engine_needs_no_network(tmp_path):
    from .conftest import run_cli

    art = tmp_path / "hard.txt"
    art.write_text(
        "Hard Text\n\n"
        + "Notwithstanding considerable institutional heterogeneity, comprehensive regulation necessitates sophisticated implementation. "
        * 30
    )
    (tmp_path / "artlint.toml").write_text('select = ["AL014"]\n[rules.AL014]\nengine = "textstat"\n')
    proc = run_cli("check", art, "--format", "json")
    assert b"AL014" in proc.stdout and b"Traceback" not in proc.stderr, proc.stderr.decode()[-800:]
