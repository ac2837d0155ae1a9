"""A learned line/sentence classifier, scored once per document and shared by the rules that read it.

The model (``data/line_model.json``, written by ``scripts/train_line_model.py``) is a multinomial logistic
regression over general features of a unit of text (a heading, a one-sentence line, or a sentence of a
longer paragraph): lower-cased words and word pairs (with start and end marks, so the first word of an
imperative counts), word shapes (ALL CAPS and Title Case ratios, digits, %, currency), brackets and template
markers, separators between short items, the share of function words, length, the final character, the
unit's kind and its position (top or tail of the article). Classes: content, placeholder (notes and
prompts), boilerplate (page chrome), search-query, unsupported-claim. No list of defect phrases: the
weights come from labelled lines (training/README.md).

Cost: one regular-expression pass per unit for its words, one dictionary lookup per feature; scores are
computed once per document (kept on it, like the claim rules' shared index).
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from typing import ClassVar, NamedTuple

from artlint.matching import LazyPattern
from artlint.rule import Rule
from artlint.text import stopwords

# compiled at first use (the rules are preview rules: a default run never needs them)
_WORD = LazyPattern(r"[^\W_]+(?:['’][^\W_]+)*", 0)
_DOUBLED = LazyPattern(r"([^\w\s])\1", 0)
_SEPS = "|•›»·▸/–—>"
_CURRENCY = frozenset("$£€¥₹")
_MARK_CHARS = frozenset('[{<(…@#*:?!"“_%')  # each is a feature "#m" + the mark ("#m%": a per cent sign)
_MARK_RUNS = ("{{", "{%", "[[")  # template markers, tested only when their first mark is there
_SYMBOL = LazyPattern("[\u2600-\U0010ffff]", 0)  # emoji and pictographs
_DIGITS = str.maketrans("123456789", "000000000")  # numbers by their shape: "2019" and "1984" are both "0000"
START, END = "<s>", "</s>"
TOP, TAIL = 3, 3  # blocks from each end of the article that count as its top and its tail (page chrome sits there)


def _bucket(x: float) -> str:
    return "0" if x == 0 else "1" if x < 0.34 else "2" if x < 0.67 else "3"


def _len_bucket(n: int) -> str:
    return (
        "1"
        if n <= 1
        else "2"
        if n <= 2
        else "3"
        if n <= 3
        else "6"
        if n <= 6
        else "10"
        if n <= 10
        else "16"
        if n <= 16
        else "25"
        if n <= 25
        else "40"
        if n <= 40
        else "L"
    )


def _char_class(c: str) -> str:
    if c.isalpha():
        return "U" if c.isupper() else "a"
    if c.isdigit():
        return "9"
    return c if c in ".!?:;,)]}\"'”’([{<*#-–—|…" else "x"


def features(text: str, kind: str, position: str = "") -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """The unit's features: (named features, distinct words, distinct word pairs). ``kind`` is line, item, row,
    sentence or heading; ``position`` top, tail or "" (the middle, or unknown). Each counts 1 (scaling words
    by 1/sqrt(length) was tried: grouped-CV mean F1 0.718 -> 0.68-0.705)."""
    stripped = text.strip()
    lower = stripped.lower().translate(_DIGITS)
    written = _WORD.get().findall(stripped)  # one pass: the words as written, then lower-cased all at once
    words = " ".join(written).lower().translate(_DIGITS).split()
    n = len(words)
    pairs = list(dict.fromkeys(zip([START, *words], [*words, END])))
    nb = _len_bucket(n)
    f = ["#k=" + kind, "#n=" + nb, "#kn=" + kind + nb]
    if position:
        f.append("#p=" + position)
        f.append("#kp=" + kind + position)
    if stripped:
        f.append("#s=" + _char_class(stripped[0]))
        f.append("#e=" + _char_class(stripped[-1]))
    if n:
        f.append("#caps" + _bucket(sum(map(str.isupper, written)) / n))  # "NOTE", "SEO", "A"
        f.append("#title" + _bucket(sum(map(str.istitle, written)) / n))  # "Share", "Us"
        f.append("#fw" + _bucket(sum(map(stopwords().__contains__, words)) / n))
    if "0" in lower:  # every digit is a 0 there
        f.append("#digit")
    chars = set(stripped)
    marks = chars & _MARK_CHARS
    if marks:
        f += ["#m" + c for c in sorted(marks)]
        f += ["#m" + m for m in _MARK_RUNS if m[0] in marks and m in stripped]
        if _DOUBLED.get().search(stripped):
            f.append("#dbl")  # "???", "%%", "!!", "--": marks doubled
    if "." in chars and "..." in stripped:
        f.append("#m...")
    if "h" in chars and "http" in lower:
        f.append("#mhttp")
    if "w" in chars and "www." in lower:
        f.append("#mwww.")
    if chars & _CURRENCY:
        f.append("#cur")
    seps = sum(map(stripped.count, _SEPS))
    if seps:
        f.append("#sep" + ("1" if seps == 1 else "2" if seps <= 3 else "4"))
    colon = stripped.find(":")
    if 0 < colon and stripped.count(" ", 0, colon) <= 3:
        f.append("#label")  # "Image idea: ...", "Filed under: ..."
    if not stripped.isascii() and _SYMBOL.get().search(stripped):
        f.append("#sym")  # emoji and pictographs
    return f, list(dict.fromkeys(words)), pairs


# page chrome is a block of its own, never one sentence of a paragraph: the model reports it only on whole blocks
NOT_IN_SENTENCES = frozenset(("boilerplate",))
CLASSES = ("content", "placeholder", "boilerplate", "search-query", "unsupported-claim")


_LINE_KIND = {"list_item": "item", "table_row": "row"}  # a one-sentence block: a line, a list item or a table row


def units(doc, with_index: bool = False):
    """(block, start, end, kind, position) of every unit the model scores: each heading; each other block
    that is one sentence (a line, a list item, a table row: also a line with as many '|' or tabs as the
    line next to it); each sentence of a longer block. Code is skipped. ``with_index`` adds the sentence's
    index in its block."""
    blocks = [b for b in doc.blocks if b.kind != "code"]
    last = len(blocks) - TAIL
    cells = [b.text.count("|") + b.text.count("\t") for b in blocks]
    for i, b in enumerate(blocks):
        pos = "top" if i < TOP else "tail" if i >= last else ""
        if b.kind == "heading":
            yield (b, 0, len(b.text), "heading", pos, 0) if with_index else (b, 0, len(b.text), "heading", pos)
            continue
        sentences = b.sentences
        if len(sentences) <= 1:
            kind = _LINE_KIND.get(b.kind, "line")
            if cells[i] >= 2 and ((i and cells[i - 1] == cells[i]) or (i + 1 < len(cells) and cells[i + 1] == cells[i])):
                kind = "row"  # a line of cells like its neighbour's: a table row, flattened or not
            yield (b, 0, len(b.text), kind, pos, 0) if with_index else (b, 0, len(b.text), kind, pos)
        else:
            for k, s in enumerate(sentences):
                yield (b, s.start, s.end, "sentence", pos, k) if with_index else (b, s.start, s.end, "sentence", pos)


_MILLI = 1000  # weights are stored as whole thousandths: integers parse three times faster than decimals


class LineModel:
    """The shipped weights: per feature, one weight per class but content (the reference, its weights are 0),
    in thousandths."""

    __slots__ = ("classes", "bias", "weights", "pair_weights", "thresholds")

    def __init__(self, data: dict):
        self.classes = tuple(data["classes"])
        self.bias = tuple(data["bias"])
        self.thresholds = dict(data["thresholds"])
        self.weights = data["weights"]  # word or named feature -> weights (lists, read as they are)
        self.pair_weights = {tuple(k.split(" ")): v for k, v in data["pairs"].items()}  # "a b" -> ("a", "b")

    def rows(self, feats, words, pairs) -> list[tuple]:
        """The weights of each feature the model knows (lookups in C: this runs for every unit)."""
        w = self.weights
        return [*filter(None, map(w.get, feats)), *filter(None, map(w.get, words)), *filter(None, map(self.pair_weights.get, pairs))]

    def keyed_rows(self, feats, words, pairs) -> list[tuple[object, tuple]]:
        """(feature, weights) of each feature the model knows: for naming the strongest in a message."""
        w, pw = self.weights, self.pair_weights
        return [(k, w[k]) for k in (*feats, *words) if k in w] + [(k, pw[k]) for k in pairs if k in pw]

    def probabilities(self, rows) -> list[float]:
        """Probabilities of content and of each of :attr:`classes`, in that order."""
        scores = [0.0, *(s / _MILLI for s in map(sum, zip(self.bias, *rows)))]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def score(self, text: str, kind: str, position: str = "") -> dict[str, float]:
        probs = self.probabilities(self.rows(*features(text, kind, position)))
        return dict(zip(("content", *self.classes), probs))


@cache
def model() -> LineModel:
    data = resources.files("artlint.data").joinpath("line_model.json").read_text(encoding="utf-8")
    return LineModel(json.loads(data))


def feature_name(key) -> str:
    """A feature as a reader sees it in a message."""
    if isinstance(key, tuple):
        a, b = key
        return (
            "'"
            + " ".join(w for w in (a, b) if w not in (START, END))
            + ("' at the start" if a == START else "' at the end" if b == END else "'")
        )
    names = {
        "#digit": "digits",
        "#m%": "a % sign",
        "#cur": "a currency sign",
        "#label": "a label before a colon",
        "#sym": "symbols or emoji",
    }
    if key in names:
        return names[key]
    if key.startswith("#m"):
        return f"the mark {key[2:]!r}"
    if key.startswith("#sep"):
        return "separators between items"
    if key.startswith("#caps"):
        return "words in capitals"
    if key.startswith("#title"):
        return "Title Case words"
    if key.startswith("#fw"):
        return "few function words" if key in ("#fw0", "#fw1") else "function words"
    if key.startswith("#n=") or key.startswith("#kn="):
        return "its length"
    if key.startswith("#p=") or key.startswith("#kp="):
        return "its place at the " + ("top" if key.endswith("top") else "tail") + " of the article"
    if key.startswith("#s="):
        c = key[3:]
        return {"U": "a capital first letter", "a": "a lower-case start", "9": "a digit first"}.get(c, f"{c!r} first")
    if key.startswith("#e="):
        c = key[3:]
        return {"U": "no final punctuation", "a": "no final punctuation", "9": "a number last"}.get(c, f"{c!r} last")
    if key.startswith("#k="):
        return "its kind"
    return f"'{key}'"


class Scored(NamedTuple):
    """A unit the model puts in a class other than content at or above that class's threshold."""

    block: object
    start: int
    end: int
    sentence: int  # the sentence's index in its block (0 for a heading or a line)
    kind: str
    cls: str
    probability: float
    strongest: tuple[str, ...]  # the features that raised the class most, as a reader names them


def scored(doc) -> list[Scored]:
    """Every unit of ``doc`` the model flags, found once and kept on the document (the rules share it)."""
    found = doc.__dict__.get("_line_model")
    if found is not None:
        return found
    m = model()
    thresholds = [m.thresholds[c] for c in m.classes]
    found = []
    for block, start, end, kind, pos, k in units(doc, with_index=True):
        feats = features(block.text[start:end], kind, pos)
        probs = m.probabilities(m.rows(*feats))
        c = max(range(len(thresholds)), key=lambda i: probs[i + 1])
        if probs[c + 1] >= thresholds[c] and not (kind == "sentence" and m.classes[c] in NOT_IN_SENTENCES):
            top = sorted(m.keyed_rows(*feats), key=lambda r: -r[1][c])[:3]
            names = tuple(dict.fromkeys(feature_name(key) for key, w in top if w[c] > 0))
            found.append(Scored(block, start, end, k, kind, m.classes[c], probs[c + 1], names))
    doc.__dict__["_line_model"] = found
    return found


class LearnedLineRule(Rule):
    """A rule that reports the units the shared line model puts in one class (``model_class``).

    Model-only findings: a warning, a fallback of the second tier (dropped on any line another rule of the
    same category already flags), the message naming the class, the probability and the strongest features.
    Preview rules for now: they run only when a selector names them.
    """

    model_class: ClassVar[str]
    what: ClassVar[str]
    severity = "warning"
    fallback = 2
    # preview (run only with --select CODE): on 6 new articles no one trained on it added 1 true finding and 3
    # false ones, on the devset 5 false ones, and it costs ~19 M instructions per article (training/README.md)
    preview = True

    def accept(self, doc, unit: Scored) -> bool:
        return True

    def check(self, doc):
        for unit in scored(doc):
            if unit.cls == self.model_class and self.accept(doc, unit):
                why = ", ".join(unit.strongest) or "its overall shape"
                yield self.hit(
                    f"{self.what} (line model: {unit.cls}, p={unit.probability:.2f}; strongest features: {why}).",
                    unit.block,
                    unit.start,
                    unit.end,
                )
