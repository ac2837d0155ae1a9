"""Applying findings' fixes to files: choosing edits, mapping them onto the file's bytes, rewriting it.

A fix's edits are in the coordinates of the text the rules read (the decoded file, line endings as LF,
no BOM). Here they are mapped back onto the file as written: its encoding, byte-order mark and line
endings are kept, and every byte outside the edits is left as it was.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
from dataclasses import dataclass

from artlint.rule import Edit, Finding, Fix


def chosen_fixes(findings, unsafe: bool = False) -> list[tuple[Finding, Fix]]:
    """The fixes to apply, in order: safe ones (and unsafe ones with ``unsafe``), each with all its edits.

    Fixes are taken in order of their first edit (then rule and message); a fix with an edit that
    overlaps one already taken is skipped, so the outcome does not depend on the order rules ran in.
    Two edits overlap when their ranges share a character, or both insert at the same place.
    """
    candidates = [(f, f.fix) for f in findings if f.fix is not None and f.fix.edits and (f.fix.applicability == "safe" or unsafe)]
    candidates.sort(key=lambda ff: (ff[1].edits[0].start, ff[1].edits[0].end, ff[0].rule, ff[0].message))
    taken: list[Edit] = []
    out = []
    for f, fix in candidates:
        if any(_overlap(e, t) for e in fix.edits for t in taken):
            continue
        taken.extend(fix.edits)
        out.append((f, fix))
    return out


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True
    return (
        a.start < b.end
        and b.start < a.end
        or (a.start == a.end and b.start < a.start < b.end)
        or (b.start == b.end and a.start < b.start < a.end)
    )


def apply_edits(text: str, edits) -> str:
    """``text`` with the (non-overlapping) edits applied."""
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


class UnfixableFile(Exception):
    """A file whose bytes would not survive decoding and encoding again (invalid UTF-8, NUL bytes)."""


@dataclass
class RawText:
    """A file's text as written: BOM, encoding and line endings kept, with the map to the rules' coordinates."""

    bom: bytes
    encoding: str
    text: str  # line endings as in the file
    lead: int  # characters dropped before the rules' text (a U+FEFF the parser skipped)
    crlf: list[int]  # positions, in the rules' text, of each LF that was a CRLF in the file

    @classmethod
    def of(cls, raw: bytes) -> RawText:
        bom, encoding = next(
            (
                (b, e)
                for b, e in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
                if raw.startswith(b)
            ),
            (b"", "utf-8"),
        )
        try:
            text = raw[len(bom) :].decode(encoding)
        except UnicodeDecodeError:
            raise UnfixableFile("not valid " + encoding.upper()) from None
        if "\x00" in text:
            raise UnfixableFile("NUL characters")
        lead = 1 if text.startswith("\ufeff") else 0
        crlf = []
        if "\r\n" in text:
            removed = 0
            i = text.find("\r\n")
            while i >= 0:
                crlf.append(i - lead - removed)  # where its LF lands once every CRLF before it is one character
                removed += 1
                i = text.find("\r\n", i + 2)
        return cls(bom, encoding, text, lead, crlf)

    def offset(self, i: int) -> int:
        """Position in :attr:`text` of position ``i`` of the rules' text."""
        return i + self.lead + bisect.bisect_left(self.crlf, i)

    def edited(self, edits) -> bytes:
        """The file's bytes with the edits applied (their replacements written with the file's line ending)."""
        newline = "\r\n" if self.crlf else "\n"
        mapped = [Edit(self.offset(e.start), self.offset(e.end), e.replacement.replace("\n", newline)) for e in edits]
        return self.bom + apply_edits(self.text, mapped).encode(self.encoding)


def fixed_bytes(raw: bytes, fixes) -> bytes:
    """``raw`` with the edits of ``fixes`` applied (raises UnfixableFile)."""
    return RawText.of(raw).edited([e for fix in fixes for e in fix.edits])


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """A unified diff of a file before and after its fixes."""
    a = RawText.of(before).text.splitlines(keepends=True)
    b = RawText.of(after).text.splitlines(keepends=True)
    lines = difflib.unified_diff(a, b, f"a/{path}", f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
