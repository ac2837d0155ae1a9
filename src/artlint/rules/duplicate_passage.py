from collections import Counter, defaultdict
from itertools import chain

from artlint.rule import Rule


class DuplicatePassage(Rule):
    """Repeated paragraphs, list items or table rows: copy-paste or generation loops."""

    code = "AL202"
    name = "duplicate-passage"
    category = "duplicate"
    severity = "warning"
    options = {"min_words": 12, "threshold": 80, "row_containment": 0.65}
    summary = (
        "A paragraph or table row repeated verbatim or lightly reworded (about 80% the same), or restating a paragraph just before it."
    )
    rationale = (
        "Generated and scraped articles repeat passages: a section pasted twice, a table row that restates "
        "the paragraph above it, a conclusion that copies the introduction. Candidates are found through "
        "shared word 3-grams (no all-pairs comparison), then confirmed with a fuzzy ratio."
    )
    bad = (
        "Our team reviews every order by hand before it leaves the warehouse, checking each item against the packing list.\n\n"
        "Shipping takes two to four days within the country.\n\n"
        "Our team reviews each order by hand before it leaves the warehouse, checking every item against the packing list."
    )
    good = (
        "Our team reviews every order by hand before it leaves the warehouse, checking each item against the packing list.\n\n"
        "Shipping takes two to four days within the country, and a tracking link arrives by email on the day it ships."
    )

    def check(self, doc):
        units = []
        for b in doc.blocks:
            # quotes (pull quotes repeat the text by design) and list items (parallel checklists) are left out
            if b.kind in ("paragraph", "table_row") and b.words >= self.opts["min_words"]:
                units.append((b, b.norm))
        # exact copies are matched by their text; the others through the 3-grams they share with other units
        first_copy: dict[str, int] = {}
        copy_of: dict[int, int] = {}
        shingles_of: dict[int, set] = {}
        for i, (b, norm) in enumerate(units):
            if norm in first_copy:
                copy_of[i] = first_copy[norm]
                continue
            first_copy[norm] = i
            words = b.norm_words
            shingles_of[i] = set(zip(words, words[1:], words[2:]))
        seen, repeated = set(), set()  # set operations: most 3-grams occur once and are never counted
        for sh in shingles_of.values():
            repeated |= sh & seen
            seen |= sh
        if repeated:
            in_units = Counter(chain.from_iterable(sh & repeated for sh in shingles_of.values()))
            repeated = {s for s, n in in_units.items() if n <= 50}  # in over 50 units: a stock phrase
        index: dict[tuple, list[int]] = defaultdict(list)
        shared_of = {}  # unit -> its 3-grams that other units have too
        for i, sh in shingles_of.items():
            shared_of[i] = sh & repeated
            for s in shared_of[i]:
                index[s].append(i)
        restated = self._restatements(doc)
        reported = {i for i, (b, _n) in enumerate(units) if b.index in restated}
        for b, first, share in restated.values():
            yield self.hit(
                f"This {b.kind.replace('_', ' ')} restates the paragraph at line {doc.position(first.start)[0]} ({share:.0%} of its key words).",
                b,
                0,
                min(len(b.text), 80),
                related=((first, 0, min(len(first.text), 80), "paragraph it restates"),),
            )
        for i, (b, norm) in enumerate(units):
            if i in reported:
                continue
            if i in copy_of:
                best = (copy_of[i], 100.0)
            else:
                best = self._most_similar(i, norm, units, shingles_of, shared_of[i], index)
            if best is not None:
                first = units[best[0]][0]
                reported.add(i)
                what = b.kind.replace("_", " ")
                # an exact copy can go (unsafe: which copy a reader needs is a person's call); a reworded one cannot
                fix = ((0, len(b.text), None),) if best[1] >= 100.0 and b.kind == "paragraph" else ()
                yield self.hit(
                    f"This {what} repeats the {first.kind.replace('_', ' ')} at line {doc.position(first.start)[0]} ({best[1]:.0f}% similar).",
                    b,
                    0,
                    min(len(b.text), 80),
                    related=((first, 0, min(len(first.text), 80), "first occurrence"),),
                    fix=fix,
                    fix_applicability="unsafe",
                )

    def _most_similar(self, i, norm, units, shingles_of, common, index):
        """(earlier unit, score) most like unit ``i`` at or above the threshold (the earliest of equals), or None.

        ``common``: the unit's 3-grams that other units have too; ``index``: 3-gram -> units, in order.
        """
        if not common:
            return None
        from rapidfuzz import fuzz

        counts: dict[int, int] = defaultdict(int)
        for s in common:
            for j in index[s]:
                if j >= i:
                    break  # postings are in unit order
                counts[j] += 1
        best = None
        threshold = self.opts["threshold"]
        for j, shared in counts.items():
            small = min(len(shingles_of[i]), len(shingles_of[j])) or 1
            if shared / small < 0.3:
                continue
            other = units[j][1]
            score = max(fuzz.ratio(norm, other), fuzz.token_sort_ratio(norm, other))
            if len(norm) < len(other) * 0.9 or len(other) < len(norm) * 0.9:
                # a shorter passage restated inside a longer one (a table row that copies a paragraph)
                score = max(score, fuzz.partial_ratio(norm, other) if shared / small >= 0.5 else 0)
            if score >= threshold and (best is None or (-score, j) < (-best[1], best[0])):
                best = (j, score)  # the most similar; the earliest of equals
        return best

    def _restatements(self, doc):
        """Short passages (often table rows) whose key words mostly come from one of the three paragraphs before."""
        out = {}
        blocks = doc.blocks
        terms_of = [doc.vocabulary.block_terms.get(b.index, {}).keys() for b in blocks]
        for b in blocks:
            if b.kind not in ("table_row", "paragraph") or b.header:
                continue
            terms = terms_of[b.index]
            if len(terms) < 8:
                continue
            seen = 0
            for k in range(b.index - 1, -1, -1):
                prev = blocks[k]
                if prev.kind == "heading" and seen:
                    break
                if prev.kind not in ("paragraph", "quote"):
                    continue
                seen += 1
                prev_terms = terms_of[k]
                if len(prev_terms) > len(terms):  # only a longer paragraph can be the one restated
                    share = len(terms & prev_terms) / len(terms)
                    if share >= self.opts["row_containment"]:
                        out[b.index] = (b, prev, share)
                        break
                if seen >= 3:
                    break
        return out
