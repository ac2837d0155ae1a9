"""Site audit: problems that only show across articles.

- near-duplicate articles: MinHash signatures of word 5-shingles, LSH banding; only articles that share
  a band are compared (no all-pairs);
- paragraphs copied across articles (normalised text fingerprints);
- keyphrase cannibalisation: articles whose front-matter keyphrase, title, or top topic terms agree
  (terms are lemmas, weighed against the site's own document frequencies as well as general English);
- template chrome: sentences and phrases inside paragraphs (leads, sign-offs) repeated across many
  articles (never shared section headings), offered as a rule pack for ``check``.

Each document is read, parsed and sketched independently (``sketch``), in local worker processes or
on a Dask cluster; everything after that works on the small sketches.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from artlint import text as textutil
from artlint.report import json_header
from artlint.version import __version__

# MinHash permutations: datasketch's default. The estimate of a Jaccard similarity J has a standard error of
# sqrt(J(1-J)/128), 0.035 at J = 0.8: small beside the gap between near-duplicates and related articles.
NUM_PERM = 128
# Words per shingle: 5-word runs rarely match between two different articles by chance (common 2-3 word
# phrases do), yet a lightly edited copy still shares most of them (the w-shingles of Broder's near-duplicate
# detection, with w in the usual 4-10 range).
SHINGLE = 5


class AuditError(Exception):
    pass


@dataclass
class Sketch:
    id: str
    words: int = 0
    title: str | None = None
    keyphrase: str | None = None
    keyphrase_source: str | None = None
    topic: tuple[str, ...] = ()  # top topic stems
    surface: dict = field(default_factory=dict)  # stem -> most frequent surface form
    signature: bytes = b""  # MinHash hash values (uint64)
    bands: tuple[str, ...] = ()
    blocks: tuple[tuple[str, int, str, int], ...] = ()  # (fingerprint, line, excerpt, words)
    sentences: tuple[tuple[str, int, int, str], ...] = ()  # paragraphs' sentences: (text, line, column, position)
    titles: tuple[tuple[str, ...], ...] = ()  # the title and a different first H1, as lemmas of their words
    vocabulary: frozenset = frozenset()  # lemmas of every content word (the site's document frequencies)
    error: str | None = None


def read_records(paths) -> tuple[list[tuple[str, str | None, str | None]], list[tuple[str, str]]]:
    """(id, text or None to read the file, format) records from files, folders and .jsonl files."""
    from artlint.parsers import format_for
    from artlint.sources import collect

    records, errors = [], []
    plain = []
    for p in paths:
        if str(p).endswith(".jsonl"):
            try:
                with open(p, encoding="utf-8") as fh:
                    for n, line in enumerate(fh, 1):
                        if not line.strip():
                            continue
                        try:
                            rec = json.loads(line)
                            rid = str(rec.get("url") or rec.get("path") or f"{p}:{n}")
                            if "html" in rec:
                                records.append((rid, str(rec["html"]), "html"))
                            else:
                                records.append((rid, str(rec["text"]), format_for(rid) or "text"))
                        except (ValueError, KeyError, AttributeError):
                            errors.append((f"{p}:{n}", "not a JSON object with url|path and text|html"))
            except OSError as exc:
                errors.append((str(p), exc.strerror or str(exc)))
        else:
            plain.append(p)
    files, errs = collect(plain) if plain else ([], [])
    errors.extend(errs)
    records.extend((f, None, None) for f in files)
    return records, errors


@lru_cache(maxsize=8)
def lsh_params(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """Bands and rows per band, chosen by datasketch for this threshold with missed pairs weighted 9:1
    over extra candidates: every candidate is verified against the signatures, a missed pair is lost."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=(0.1, 0.9))
    return lsh.b, lsh.r


def sketch(record, threshold: float = 0.8, keyword: str | None = None) -> Sketch:
    """Read, parse and summarise one document. Runs on workers; never raises."""
    import numpy as np
    from datasketch import MinHash

    from artlint.parsers import ParseError, format_for, parse
    from artlint.sources import InputError, read_file

    rid, text, fmt = record
    try:
        if text is None:
            text = read_file(Path(rid)).text
        fmt = fmt or format_for(rid) or "text"
        doc = parse(text, rid, fmt, keyword)
    except (InputError, ParseError, OSError) as exc:
        return Sketch(rid, error=str(exc))
    body = [b for b in doc.blocks if b.kind != "code" and b.index != doc.title_block]
    words = " ".join(b.norm for b in body).split()
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))} if words else set()
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    if shingles:
        mh.update_batch([s.encode() for s in shingles])
    hv = np.asarray(mh.hashvalues, dtype=np.uint64)
    b, r = lsh_params(threshold)
    bands = (
        tuple(hashlib.blake2b(hv[i * r : (i + 1) * r].tobytes() + bytes([i]), digest_size=12).hexdigest() for i in range(b))
        if shingles
        else ()
    )
    blocks = []
    for blk in body:
        if blk.kind in ("paragraph", "quote", "list_item") and blk.words >= 20:
            fp = hashlib.blake2b(blk.norm.encode(), digest_size=12).hexdigest()
            blocks.append((fp, doc.position(blk.start)[0], blk.text[:100], blk.words))
    topic, surface = _topic(doc)
    return Sketch(
        id=rid,
        words=doc.words,
        title=doc.title,
        keyphrase=doc.keyphrase if doc.keyphrase_source in ("option", "front-matter") else None,
        keyphrase_source=doc.keyphrase_source,
        topic=topic,
        surface=surface,
        signature=hv.tobytes(),
        bands=bands,
        blocks=tuple(blocks),
        sentences=_sentences(doc, body),
        titles=_titles(doc),
        vocabulary=frozenset(lemma(w) for b in body for w in _content_words(b.text)),
    )


MAX_SENTENCE_WORDS = 60  # template sentences are short; longer ones are article prose (and memory)


def _sentences(doc, body) -> tuple:
    """The sentences of the article's paragraphs, each with its line, column and position: "lead" (first
    paragraph), "sign-off" (last) or "body". A section heading is not template text (many articles
    share "Conclusion"), nor are list items and tables; a heading-like line that heads no section (the
    last line, or one followed by another heading) is a line of text and counts."""
    prose = []
    for k, blk in enumerate(body):
        if blk.kind in ("paragraph", "quote"):
            prose.append(blk)
        elif blk.kind == "heading" and (k + 1 == len(body) or body[k + 1].kind == "heading"):
            prose.append(blk)
    out = []
    for k, blk in enumerate(prose):
        position = "lead" if k == 0 else "sign-off" if k == len(prose) - 1 else "body"
        for sent in blk.sentences:
            text = blk.text[sent.start : sent.end]
            if 1 <= textutil.count_words(text) <= MAX_SENTENCE_WORDS:
                line, col = doc.position(blk.source_offset(sent.start))
                out.append((text, line, col, position))
    return tuple(out)


def _titles(doc) -> tuple:
    """The article's title and, when it differs, its first H1, each as the lemmas of its words."""
    texts = [doc.title or ""] + [b.text for b in doc.blocks if b.kind == "heading" and b.level == 1][:1]
    out = []
    for text in texts:
        words = tuple(lemma(w) for w in textutil.words(text))
        if words and words not in out:
            out.append(words)
    return tuple(out)


def _content_words(text: str) -> list[str]:
    stop = textutil.stopwords()
    return [w for token in textutil.words(text) for w in token.split("-") if len(w) >= 3 and not w[0].isdigit() and w.lower() not in stop]


def lemma(word: str) -> str:
    """One term for a word's singular and plural ("recipes", "recipe"; "dishes", "dish"; "berries", "berry";
    "cookies", "cookie"): the suffix rules of English plurals, and where two singulars are possible
    the one that is a common English word."""
    return _LEMMA[word]


def _lemma(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return w
    known = textutil.common_rank()
    if w.endswith("ies") and len(w) > 4:
        return w[:-1] if w[:-1] in known and w[:-3] + "y" not in known else w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")) and len(w) > 4:
        return w[:-1] if w[:-1] in known and w[:-2] not in known else w[:-2]
    return w[:-1]


_LEMMA = textutil.Memo(_lemma)


def _topic(doc, top: int = 4):
    """What the article targets: the top terms of its keyphrase, title, headings and lead paragraph
    (the body only breaks ties). Hyphenated compounds count as their parts, and "US" in capitals is a term."""
    weights: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)

    def add(text: str, weight: float) -> None:
        for token in textutil.words(text):
            for w in token.split("-"):
                if not w or w[0].isdigit() or (w.lower() in textutil.stopwords() and not w.isupper()) or (len(w) < 3 and not w.isupper()):
                    continue
                s = lemma(w)
                weights[s] += weight
                forms[s][w[:-2] if w.endswith(("'s", "’s")) else w] += 1

    if doc.keyphrase:
        add(doc.keyphrase, 3.0)
    headings = [b for b in doc.blocks if b.kind == "heading" and b.index != doc.title_block]
    title = doc.title or (headings[0].text if headings else "")  # untitled: the first heading stands in
    add(title, 3.0)
    names = set()  # words capitalised mid-sentence in paragraphs: names, not Title Case
    lead = 0
    for b in doc.blocks:
        if b.kind == "paragraph":
            names.update(lemma(m) for m in _MID_CAPS.findall(b.text))
        if b.kind == "heading" and b.index != doc.title_block:
            add(b.text, 1.0)
        elif b.kind == "paragraph" and lead < 1:
            add(b.text, 1.0)
            lead += 1
        elif b.kind != "code":
            add(b.text, 0.02)
    terms = tuple(s for s, _ in weights.most_common(top))
    return terms, {s: ("!" if s in names else "") + forms[s].most_common(1)[0][0] for s in terms}


_MID_CAPS = re.compile(r"(?<=[a-z,;] )([A-Z][A-Za-z]+|[A-Z]{2,})")


SITE_MIN_DOCS = 10  # fewer articles than this say nothing about which words a site uses everywhere
SITE_PAIR_SHARE = 0.25  # two terms found together in more than a quarter of a site's articles are its subject, not a query
PAIR_FOCUS = 0.5  # ordinary words tie articles when at least half the articles using both are about them


def _anchored(pair, surface, site=None) -> bool:
    """Whether two shared top terms tie articles together.

    Against general English: one is a name ("!" mark) or both are uncommon words (so "Beginner's
    Guide" alone does not join a garlic article to a skincare one). Against the site (``site``: its
    number of articles, how many use both terms, how many have both among their top terms): a pair
    a large share of the site uses is not specific ("cook" and "recipe" on a food blog), and a pair of
    ordinary words ("dinner party") is, when most articles that use both are about it."""
    general = any(surface.get(t, "").startswith("!") for t in pair) or all(textutil.rarity(textutil.stem(t)) >= 0.5 for t in pair)
    if site is None:
        return general
    n, together, focused = site
    if n < SITE_MIN_DOCS:
        return general
    if together > SITE_PAIR_SHARE * n:
        return False
    return general or focused >= PAIR_FOCUS * together


def audit(
    paths, threshold: float = 0.8, chrome_share: float = 0.3, chrome_min: int = 3, jobs: int = 1, dask_address=None, keyword=None
) -> dict:
    records, errors = read_records(paths)
    if dask_address:
        sketches, near = _audit_dask(records, threshold, keyword, dask_address)
        return build_report(sketches, errors, threshold, chrome_share, chrome_min, near=near)
    if jobs > 1 and len(records) > 8:  # below a handful of documents, starting processes costs more than it saves
        from artlint.runner import parallel_map

        sketches = parallel_map(_sketch_star, [(r, threshold, keyword) for r in records], jobs)
    else:
        sketches = [sketch(r, threshold, keyword) for r in records]
    return build_report(sketches, errors, threshold, chrome_share, chrome_min)


def _sketch_star(args):
    return sketch(*args)


def _audit_dask(records, threshold, keyword, address):
    """On the cluster: read, parse and sketch every document on the workers, group LSH bands across the
    cluster (foldby) and compare only the candidate pairs there. Signatures never leave the workers;
    the client receives the near-duplicate pairs and the small per-document summaries."""
    import dask.bag as db

    from artlint.dask_api import ClusterError, connect

    try:
        client = connect(address)
    except ClusterError as exc:
        raise AuditError(str(exc)) from None
    with client:
        workers = max(1, len(client.scheduler_info()["workers"]))
        sketches = db.from_sequence(records, npartitions=max(1, min(len(records), 4 * workers))).map(sketch, threshold, keyword)
        sketches = client.persist(sketches)
        near = (
            sketches.filter(lambda s: s.error is None)
            .map(lambda s: [(band, (s.id, s.signature)) for band in s.bands])
            .flatten()
            .foldby(lambda kv: kv[0], lambda acc, kv: acc + [kv[1]], [], lambda a, b: a + b, [])
            .map(lambda kv: _similar_pairs(kv[1], threshold))
            .flatten()
            .distinct()
        )
        summaries = sketches.map(lambda s: Sketch(**{**s.__dict__, "signature": b"", "bands": ()}))
        pairs, summaries = client.compute([near, summaries], sync=True)
    near = [{"a": a, "b": b, "similarity": sim} for a, b, sim in sorted(pairs)]
    return summaries, near


def _similar_pairs(members, threshold):
    """(a, b, similarity) for the pairs in one LSH bucket whose signatures agree at least ``threshold``."""
    import numpy as np

    if len(members) > 1000:  # a bucket this full is boilerplate-only text, not near-duplicate articles
        return []
    sigs = {i: np.frombuffer(sig, dtype=np.uint64) for i, sig in members}
    out = []
    for a, b in combinations(sorted(sigs), 2):
        sim = float(np.mean(sigs[a] == sigs[b]))
        if sim >= threshold:
            out.append((a, b, round(sim, 3)))
    return out


def build_report(sketches, errors, threshold, chrome_share, chrome_min, near=None) -> dict:
    good = [s for s in sketches if s.error is None]
    errors = sorted(list(errors) + [(s.id, s.error) for s in sketches if s.error])
    by_id = {s.id: s for s in good}

    if near is None:
        # near duplicates: only documents that share an LSH band are compared
        buckets: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
        for s in good:
            for band in s.bands:
                buckets[band].append((s.id, s.signature))
        pairs = {p for members in buckets.values() for p in _similar_pairs(members, threshold)}
        near = [{"a": a, "b": b, "similarity": sim} for a, b, sim in sorted(pairs)]

    # paragraphs copied across articles
    where: dict[str, list] = defaultdict(list)
    for s in good:
        for fp, line, excerpt, words in s.blocks:
            where[fp].append((s.id, line, excerpt, words))
    copied = []
    for occ in where.values():
        docs = {o[0] for o in occ}
        if len(docs) > 1:
            copied.append(
                {
                    "excerpt": occ[0][2],
                    "words": occ[0][3],
                    "occurrences": [{"document": d, "line": ln} for d, ln, _, _ in sorted(occ)],
                }
            )
    copied.sort(key=lambda c: (-len(c["occurrences"]), c["excerpt"]))

    cannibal = _cannibalisation(good, by_id)
    chrome = _template_chrome(good, chrome_share, chrome_min)

    return {
        **json_header(),
        "corpus": {"documents": len(good), "words": sum(s.words for s in good), "threshold": threshold},
        "near_duplicates": near,
        "copied_blocks": copied,
        "cannibalisation": cannibal,
        "template_chrome": chrome,
        "errors": [{"path": p, "message": m} for p, m in errors],
    }


def _cannibalisation(good, by_id) -> list[dict]:
    """Groups of articles chasing one query: the same front-matter keyphrase, the same or nearly the
    same title, or two specific top terms in common (see :func:`_anchored`). Each group says what joined it."""
    parent = {s.id: s.id for s in good}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    joins: list[tuple[str, str, str, tuple]] = []  # (a, b, by, terms)

    def union(a, b, by, terms=()):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
            joins.append((a, b, by, tuple(terms)))

    by_kp: dict[str, list[str]] = defaultdict(list)
    for s in good:
        if s.keyphrase:
            by_kp[textutil.normalise(s.keyphrase)].append(s.id)
    for kp, ids in by_kp.items():
        for other in ids[1:]:
            union(ids[0], other, "keyphrase", (kp,))
    for a, b, shared in _same_titles(good):
        union(a, b, "title", shared)
    by_pair: dict[tuple, list[str]] = defaultdict(list)
    for s in good:
        for pair in combinations(sorted(s.topic), 2):
            by_pair[pair].append(s.id)
    index: dict[str, set[int]] = defaultdict(set)  # lemma -> articles using it (only the terms asked about)
    wanted = {t for pair, ids in by_pair.items() if len(ids) > 1 for t in pair}
    for k, s in enumerate(good):
        for t in wanted & s.vocabulary:
            index[t].add(k)
    for pair, ids in by_pair.items():
        if len(ids) < 2:
            continue
        surface = {t: by_id[i].surface.get(t, "") for i in ids for t in pair if by_id[i].surface.get(t, "").startswith("!")}
        surface = surface or by_id[ids[0]].surface
        together = len(index[pair[0]] & index[pair[1]]) if len(good) >= SITE_MIN_DOCS else 0
        if _anchored(pair, surface, (len(good), max(together, len(ids)), len(ids))):
            for other in ids[1:]:
                union(ids[0], other, "terms", pair)
    n = len(good)
    if n >= SITE_MIN_DOCS:
        # one shared top term is enough when the site itself says it is specific: every article that uses
        # it has it among its top terms, few articles do, and the two share the site-specific vocabulary
        df: Counter = Counter()
        for s in good:
            df.update(s.vocabulary | set(s.topic))
        by_term: dict[str, list] = defaultdict(list)
        for s in good:
            for t in s.topic:
                by_term[t].append(s)
        for t, members in sorted(by_term.items()):
            if len(members) < 2 or df[t] > len(members) or len(members) > SITE_PAIR_SHARE * n:
                continue
            for a, b in combinations(members, 2):
                if _shared_vocabulary(a, b, df, n) >= VOCABULARY_OVERLAP:
                    union(a.id, b.id, "terms", (t,))
    groups: dict[str, list[str]] = defaultdict(list)
    for s in good:
        groups[find(s.id)].append(s.id)
    cannibal = []
    for root, ids in groups.items():
        if len(ids) < 2:
            continue
        members = [by_id[i] for i in sorted(ids)]
        kps = Counter(textutil.normalise(m.keyphrase) for m in members if m.keyphrase)
        terms = Counter(t for m in members for t in m.topic)
        shared = [t for t, n in terms.most_common() if n >= 2][:3]
        titles = Counter(textutil.normalise(m.title) for m in members if m.title)
        if kps:
            label = kps.most_common(1)[0][0]
        elif shared:
            label = " ".join(_surface(members, t) for t in shared)
        else:
            label = titles.most_common(1)[0][0] if titles else ""
        joined = [
            {"documents": sorted([a, b]), "by": by, "terms": [_surface(members, t) if by == "terms" else t for t in tt]}
            for a, b, by, tt in sorted(joins)
            if find(a) == root
        ]
        cannibal.append({"keyphrase": label, "terms": shared, "documents": [m.id for m in members], "joined_by": joined})
    cannibal.sort(key=lambda g: (-len(g["documents"]), g["keyphrase"]))
    return cannibal


VOCABULARY_OVERLAP = 0.1  # a tenth of two articles' site-specific vocabulary (weighted) in common: the same subject;
# articles that merely share a template share only words the whole site uses, which weigh next to nothing


def _shared_vocabulary(a, b, df, n) -> float:
    """Weighted Jaccard of two articles' lemmas; a word weighs its rarity on the site (log n/df) times its
    rarity in English, so the site's everyday words ("recipe", "cook") count for little."""
    va, vb = a.vocabulary | set(a.topic), b.vocabulary | set(b.topic)

    def weight(w):
        return math.log(n / df[w]) * textutil.rarity(textutil.stem(w)) if df[w] else 0.0

    union = sum(weight(w) for w in va | vb)
    return sum(weight(w) for w in va & vb) / union if union else 0.0


TITLE_EXTRA_WORDS = 2  # "Things to Do in Kyoto" and "The Best Things to Do in Kyoto": two common words apart


def _specific(word: str) -> bool:
    """A word that says what an article is about: not a stop word or number, uncommon in English."""
    return len(word) >= 3 and not word[0].isdigit() and word not in textutil.stopwords() and textutil.rarity(textutil.stem(word)) >= 0.5


def _same_titles(good):
    """(a, b, shared terms) for articles with the same title (or H1), or titles with the same specific
    words that differ by at most two common ones ("best", "easy", "the").

    Candidates share a key (the title itself, or its specific words), so titles are not compared all
    against all."""
    exact: dict[tuple, list] = defaultdict(list)
    keys: dict[tuple, list] = defaultdict(list)
    for s in good:
        for words in s.titles:
            exact[words].append(s.id)
            specific = tuple(sorted({w for w in words if _specific(w)}))
            if specific:
                keys[specific].append((s.id, frozenset(words)))
    out = set()
    for words, ids in exact.items():
        shared = tuple(sorted({w for w in words if _specific(w)})) or words
        for a, b in combinations(sorted(set(ids)), 2):
            out.add((a, b, shared))
    for specific, members in keys.items():
        if len(members) > 200:  # a title everyone uses is no one's query
            continue
        for (a, wa), (b, wb) in combinations(sorted(set(members)), 2):
            if a != b and len(wa ^ wb) <= TITLE_EXTRA_WORDS:
                out.add((min(a, b), max(a, b), specific))
    best: dict[tuple, tuple] = {}
    for a, b, shared in sorted(out):
        best.setdefault((a, b), shared)
    return [(a, b, shared) for (a, b), shared in sorted(best.items())]


PHRASE_GRAM = 5  # words per shingle when looking for a template phrase with the article's own words in its slots
PHRASE_MIN_WORDS = 8  # a repeated run this long is a template, not a common turn of phrase ("at the end of the day")


def _template_chrome(good, chrome_share, chrome_min) -> list[dict]:
    """Sentences (and long phrases within sentences) of paragraphs repeated across many articles."""
    need = max(chrome_min, int(chrome_share * len(good) + 0.999))
    parsed = []  # per article: [(words, text, line, column, position)]
    for s in good:
        sents = []
        for text, line, col, position in s.sentences:
            words = textutil.normalise(text).split()
            if words:
                sents.append((words, text, line, col, position))
        parsed.append(sents)
    found: dict[str, dict] = {}

    def record(key, text, doc_id, line, col, position, kind):
        entry = found.setdefault(key, {"text": text, "kind": kind, "occurrences": {}})
        entry["occurrences"].setdefault(doc_id, {"document": doc_id, "line": line, "column": col, "position": position})

    # whole sentences repeated verbatim (two words at least: "Happy baking!" is a sign-off, "Yes." is not)
    sent_docs: Counter = Counter()
    for sents in parsed:
        sent_docs.update({" ".join(w) for w, *_ in sents if len(w) >= 2})
    exact = {k for k, n in sent_docs.items() if n >= need}
    # phrases: runs of frequent word 5-grams inside sentences that are not repeated whole
    gram_docs: Counter = Counter()
    for sents in parsed:
        gram_docs.update(
            {tuple(w[i : i + PHRASE_GRAM]) for w, *_ in sents if " ".join(w) not in exact for i in range(len(w) - PHRASE_GRAM + 1)}
        )
    frequent = {g for g, n in gram_docs.items() if n >= need}
    for s, sents in zip(good, parsed, strict=True):
        for words, text, line, col, position in sents:
            key = " ".join(words)
            if key in exact:
                record(key, text.strip(), s.id, line, col, position, "sentence")
                continue
            if not frequent:
                continue
            covered = [False] * len(words)
            for i in range(len(words) - PHRASE_GRAM + 1):
                if tuple(words[i : i + PHRASE_GRAM]) in frequent:
                    covered[i : i + PHRASE_GRAM] = [True] * PHRASE_GRAM
            i = 0
            while i < len(words):
                if not covered[i]:
                    i += 1
                    continue
                j = i
                while j < len(words) and covered[j]:
                    j += 1
                if j - i >= PHRASE_MIN_WORDS:
                    surface, offset = _surface_span(text, i, j)  # the column: the phrase's, on the sentence's line
                    record(" ".join(words[i:j]), surface, s.id, line, col + offset, position, "phrase")
                i = j
    chrome = []
    for entry in found.values():
        occ = sorted(entry["occurrences"].values(), key=lambda o: o["document"])
        if len(occ) < need:
            continue
        where = Counter(o["position"] for o in occ).most_common(1)[0][0]
        chrome.append(
            {
                "text": entry["text"],
                "kind": entry["kind"],
                "documents": len(occ),
                "share": round(len(occ) / len(good), 3),
                "position": where,
                "occurrences": occ,
            }
        )
    chrome.sort(key=lambda c: (-c["documents"], c["text"]))
    return chrome


def _surface_span(text: str, i: int, j: int) -> tuple[str, int]:
    """The original text of words ``i`` to ``j`` (exclusive) of ``text``, and where it starts in ``text``."""
    spans = [m.span() for m in textutil.WORD_RE.finditer(text)]
    return (text[spans[i][0] : spans[j - 1][1]], spans[i][0]) if j <= len(spans) else (text, 0)


def _surface(members, stem: str) -> str:
    forms = Counter(m.surface.get(stem).lstrip("!") for m in members if m.surface.get(stem))
    return forms.most_common(1)[0][0] if forms else stem


def chrome_pack(report: dict, code: str = "SITE001") -> str:
    """A rule pack flagging the site's template text (sentences and phrases found by the audit) for ``artlint check``."""
    import yaml

    items = report["template_chrome"]
    if not items:
        raise AuditError("no template chrome found: nothing to put in a pack")
    pack = {
        "pack": "site-chrome",
        "description": f"Generated by artlint audit {__version__} from {report['corpus']['documents']} documents.",
        "rules": [
            {
                "code": code,
                "name": "site-template-chrome",
                "category": "boilerplate",
                "severity": "warning",
                "kind": "existence",
                "scope": "block",
                "patterns": [chrome_pattern(c["text"], whole_sentence=c.get("kind") == "sentence") for c in items],
                "message": "Template text repeated across the site: '{match}'.",
                "summary": "A sentence or phrase of the site's template (found in many articles by artlint audit) inside an article.",
                "rationale": "Text repeated across a large share of a site's articles says nothing about any one of them: it is template chrome, not content.",
                "bad": items[0]["text"],
                "good": "An ordinary paragraph of the article.",
            }
        ],
    }
    return yaml.safe_dump(pack, sort_keys=False, allow_unicode=True)


# How serious each section of the report is, for ``artlint audit --fail-on``: two articles that are
# nearly the same compete for one search result and one of them is usually dropped (error); a paragraph
# copied between articles or two articles chasing one keyphrase is worth a look (warning); template
# chrome is a fact about the site's layout, not a defect of its articles (info).
SECTION_SEVERITY = {"near_duplicates": "error", "copied_blocks": "warning", "cannibalisation": "warning", "template_chrome": "info"}


def reaches(report: dict, level: str) -> bool:
    """True when a non-empty section of ``report`` is at or above ``level`` (never: False)."""
    from artlint.rule import SEVERITY_RANK

    if level == "never":
        return False
    return any(report[k] and SEVERITY_RANK[sev] >= SEVERITY_RANK[level] for k, sev in SECTION_SEVERITY.items())


SHORT_SENTENCE = 4  # a repeated sentence shorter than this ("Happy baking!") is flagged only as a whole sentence


def chrome_pattern(text: str, whole_sentence: bool = False) -> str:
    """An expression for ``text``'s words in order, whatever the punctuation and spacing between them;
    a short sentence matches only as a sentence of its own."""
    words = [re.escape(w.lower().replace("’", "'")).replace("'", "['’]") for w in textutil.words(text)]
    core = r"(?<!\w)" + r"\W+".join(words) + r"(?!\w)"
    if whole_sentence and len(words) < SHORT_SENTENCE:
        return r"(?:^|(?<=[.!?]\s))" + core + r"(?=[.!?…]*(?:\s|$))"
    return core


def default_jobs() -> int:
    return os.cpu_count() or 1
