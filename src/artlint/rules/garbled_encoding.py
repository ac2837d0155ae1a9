"""AL908: text garbled by a wrong character encoding ('Donâ€™t', 'cafÃ©'): mojibake."""

import re

from artlint.rule import Rule

# UTF-8 writes every character beyond ASCII as a lead byte (0xC2-0xF4) and continuation bytes (0x80-0xBF).
# Read as Windows-1252 (or Latin-1) those bytes become 'Â'..'ô' followed by '€', '™', '©', '¢'...: a run of
# that shape is the fingerprint. Whether a run IS garbled text is decided by encoding it back and decoding
# it as UTF-8 (so "château", "São", "naïve" never match: their letters are not a valid UTF-8 sequence).
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
SUSPECT_RE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]+")


def _as_bytes(run: str) -> bytes | None:
    """The bytes Windows-1252 (Latin-1 for the five bytes it leaves undefined) gives ``run``, or None."""
    out = bytearray()
    for c in run:
        try:
            out += c.encode("cp1252")
        except UnicodeEncodeError:
            if ord(c) > 0xFF:
                return None
            out.append(ord(c))
    return bytes(out)


def repaired(run: str) -> str | None:
    """What ``run`` said before a wrong decoding garbled it, or None when it is not garbled text."""
    raw = _as_bytes(run)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if text != run else None


class GarbledEncoding(Rule):
    """'Donâ€™t', 'cafÃ©': UTF-8 text read as Windows-1252 somewhere between the writer and the page."""

    code = "AL908"
    name = "garbled-encoding"
    category = "typography"
    severity = "warning"
    summary = "Characters garbled by a wrong text encoding (mojibake): 'Donâ€™t' for 'Don’t', 'cafÃ©' for 'café'."
    rationale = (
        "Scraped and re-published text often passes through a tool that reads UTF-8 as Windows-1252: every "
        "curly quote, dash and accented letter turns into two or three odd characters. Readers see it at "
        "once and search engines index it. A run is reported only when encoding it back and decoding it as "
        "UTF-8 gives the character it stood for, which the message names; correct accents are never flagged."
    )
    bad = "Donâ€™t let the clamps touch; the cafÃ© owner says so."
    good = "Don’t let the clamps touch; the café owner in São Paulo says the château is naïve."

    def check(self, doc):
        if doc.text.isascii() or SUSPECT_RE.search(doc.text) is None:
            return
        for b in doc.blocks:
            if b.kind == "code":
                continue
            for m in SUSPECT_RE.finditer(b.text):
                fixed = repaired(m.group())
                if fixed is not None:
                    yield self.hit(
                        f"Garbled characters '{m.group()}': UTF-8 text read as Windows-1252; it should read '{fixed}'.",
                        b,
                        m.start(),
                        m.end(),
                    )
