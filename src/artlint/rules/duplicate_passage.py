from collections import defaultdict

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
    bad = "Our team reviews every order by hand before shipping.\n\n...\n\nOur team reviews each order by hand before it ships."
    good = "Our team reviews every order by hand before shipping.\n\n...\n\nShipping takes two to four days."

    def check(self, doc):
        from rapidfuzz import fuzz

        units = []
        for b in doc.blocks:
            # quotes (pull quotes repeat the text by design) and list items (parallel checklists) are left out
            if b.kind in ("paragraph", "table_row") and b.words >= self.opts["min_words"]:
                units.append((b, b.norm))
        index: dict[tuple, list[int]] = defaultdict(list)
        shingles_of = []
        for i, (_b, norm) in enumerate(units):
            words = norm.split()
            sh = set(zip(words, words[1:], words[2:]))
            shingles_of.append(sh)
            for s in sh:
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
        threshold = self.opts["threshold"]
        for i, (b, norm) in enumerate(units):
            counts: dict[int, int] = defaultdict(int)
            for s in shingles_of[i]:
                posting = index[s]
                if len(posting) > 50:
                    continue  # a stock phrase, not evidence of a copy
                for j in posting:
                    if j < i:
                        counts[j] += 1
            best = None
            for j, shared in counts.items():
                small = min(len(shingles_of[i]), len(shingles_of[j])) or 1
                if shared / small < 0.3:
                    continue
                other = units[j][1]
                score = max(fuzz.ratio(norm, other), fuzz.token_sort_ratio(norm, other))
                if len(norm) < len(other) * 0.9 or len(other) < len(norm) * 0.9:
                    # a shorter passage restated inside a longer one (a table row that copies a paragraph)
                    score = max(score, fuzz.partial_ratio(norm, other) if shared / small >= 0.5 else 0)
                if score >= threshold and (best is None or score > best[1]):
                    best = (j, score)
            if best is not None and i not in reported:
                first = units[best[0]][0]
                reported.add(i)
                what = b.kind.replace("_", " ")
                yield self.hit(
                    f"This {what} repeats the {first.kind.replace('_', ' ')} at line {doc.position(first.start)[0]} ({best[1]:.0f}% similar).",
                    b,
                    0,
                    min(len(b.text), 80),
                    related=((first, 0, min(len(first.text), 80), "first occurrence"),),
                )

    def _restatements(self, doc):
        """Short passages (often table rows) whose key words mostly come from one of the three paragraphs before."""
        out = {}
        voc = doc.vocabulary
        for b in doc.blocks:
            if b.kind not in ("table_row", "paragraph") or b.header:
                continue
            terms = set(voc.block_terms.get(b.index, ()))
            if len(terms) < 8:
                continue
            seen = 0
            for prev in reversed(doc.blocks[: b.index]):
                if prev.kind == "heading" and seen:
                    break
                if prev.kind not in ("paragraph", "quote"):
                    continue
                seen += 1
                prev_terms = set(voc.block_terms.get(prev.index, ()))
                share = len(terms & prev_terms) / len(terms)
                if share >= self.opts["row_containment"] and len(prev_terms) > len(terms):
                    out[b.index] = (b, prev, share)
                    break
                if seen >= 3:
                    break
        return out
