"""Inputs found by fuzz/fuzz_artlint.py that once crashed artlint. Each must now lint cleanly."""

import base64

import pytest

from artlint.engine import Linter
from artlint.sources import decode

CASES = [
    # html: the standard library's tokenizer asserted on an unknown marked section ("<![DCTX ...")
    ("html", "TzwhW0RDVFgAdGhlbiC7L2h0bWx5ZXMgbWVudHJhdGlvbqysrKysrKysb3JrPg=="),
]


@pytest.mark.parametrize("fmt,data", CASES)
def test_fuzz_regression(fmt, data):
    text = decode(base64.b64decode(data)).text
    result = Linter().lint_text(text, "fuzz", fmt)
    assert not [f for f in result.findings if f.rule == "AL000"]
