"""AL901 scans for each mark with its own pattern; together they must find what the one pattern finds."""

from hypothesis import given
from hypothesis import strategies as st

from artlint.rules.missing_space_after_punctuation import MISSING_RE, _missing


@given(st.text(alphabet=",;.!? aBc1é_T", max_size=40) | st.text(max_size=40))
def test_per_mark_patterns_find_the_same_matches(text):
    expected = [(m.start(), m.end()) for m in MISSING_RE.finditer(text)]
    assert [(m.start(), m.end()) for m in _missing(text)] == expected
