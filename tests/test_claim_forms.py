"""AL502 on quantity forms through the real CLI: a change stated without "by", and a specification word
that cancels a figure only when it stands next to it (not anywhere in the sentence)."""

from .conftest import run_json

BAD = """Damp Basements

Concrete is porous. Nearly 3 in 5 homes with a basement are dealing with a moisture problem right now.

Nine out of ten basement leaks start with a blocked gutter, so this is not a job to put off.

Saunas add around 15 percent to a home's resale value.

Bookings for this winter are up 300% on last year.
"""

GOOD = """Damp Basements

Keep the wood at 15% moisture before you fit it.

The dehumidifier is 20% off this week.

Reduce the fan speed by 10% at night.

Visits to CDC sites increased 254% in a year, as the agency reported.
"""


def _lines(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    _, report = run_json("--no-cache", "--select", "AL502", path)
    return [f["line"] for f in report["files"][0]["findings"]]


def test_change_and_share_forms_are_claims(tmp_path):
    assert _lines(tmp_path, BAD) == [3, 5, 7, 9]


def test_specifications_discounts_instructions_and_named_bodies_stay_quiet(tmp_path):
    assert _lines(tmp_path, GOOD) == []
