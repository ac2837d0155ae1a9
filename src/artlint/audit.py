"""Site audit: problems that only show across articles.

- near-duplicate articles: MinHash signatures of word 5-shingles, LSH banding; only articles that share
  a band are compared (no all-pairs);
- paragraphs copied across articles (normalised text fingerprints);
- keyphrase cannibalisation: articles whose front-matter keyphrase, or whose top topic terms, agree;
- template chrome: short lines repeated across many articles, offered as a rule pack for ``check``.

Each document is read, parsed and sketched independently (``sketch``), in local worker processes or
on a Dask cluster; everything after that works on the small sketches.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from artlint import __version__
from artlint import text as textutil

NUM_PERM = 128
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
    short_lines: tuple[str, ...] = ()
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
    short = tuple(sorted({b.norm for b in body if 1 <= b.words <= 12 and b.norm}))
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
        short_lines=short,
    )


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
                s = textutil.stem(w)
                weights[s] += weight
                forms[s][w] += 1

    if doc.keyphrase:
        add(doc.keyphrase, 3.0)
    headings = [b for b in doc.blocks if b.kind == "heading" and b.index != doc.title_block]
    title = doc.title or (headings[0].text if headings else "")  # untitled: the first heading stands in
    add(title, 3.0)
    names = set()  # words capitalised mid-sentence in paragraphs: names, not Title Case
    lead = 0
    for b in doc.blocks:
        if b.kind == "paragraph":
            names.update(textutil.stem(m) for m in _MID_CAPS.findall(b.text))
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


def _anchored(pair, surface) -> bool:
    """Two shared terms tie articles together when one is a name ("!" mark) or both are uncommon words
    (so "Beginner's Guide" alone does not join a garlic article to a skincare one)."""
    if any(surface.get(t, "").startswith("!") for t in pair):
        return True
    return all(textutil.rarity(t) >= 0.5 for t in pair)


def audit(
    paths, threshold: float = 0.8, chrome_share: float = 0.3, chrome_min: int = 3, jobs: int = 1, dask_address=None, keyword=None
) -> dict:
    records, errors = read_records(paths)
    if dask_address:
        sketches, near = _audit_dask(records, threshold, keyword, dask_address)
        return build_report(sketches, errors, threshold, chrome_share, chrome_min, near=near)
    if jobs > 1 and len(records) > 8:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            sketches = list(
                pool.map(_sketch_star, [(r, threshold, keyword) for r in records], chunksize=max(1, len(records) // (jobs * 8)))
            )
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

    # cannibalisation: the same front-matter keyphrase, or two of the top four target terms in common
    # that are specific enough (see _anchored)
    parent = {s.id: s.id for s in good}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_kp: dict[str, list[str]] = defaultdict(list)
    by_pair: dict[tuple, list[str]] = defaultdict(list)
    for s in good:
        if s.keyphrase:
            by_kp[textutil.normalise(s.keyphrase)].append(s.id)
        for pair in combinations(sorted(s.topic), 2):
            if _anchored(pair, s.surface):
                by_pair[pair].append(s.id)
    for ids in list(by_kp.values()) + list(by_pair.values()):
        for other in ids[1:]:
            union(ids[0], other)
    groups: dict[str, list[str]] = defaultdict(list)
    for s in good:
        groups[find(s.id)].append(s.id)
    cannibal = []
    for ids in groups.values():
        if len(ids) < 2:
            continue
        members = [by_id[i] for i in sorted(ids)]
        kps = Counter(textutil.normalise(m.keyphrase) for m in members if m.keyphrase)
        terms = Counter(t for m in members for t in m.topic)
        shared = [t for t, n in terms.most_common() if n >= 2][:3]
        label = kps.most_common(1)[0][0] if kps else " ".join(_surface(members, t) for t in shared)
        cannibal.append({"keyphrase": label, "terms": shared, "documents": [m.id for m in members]})
    cannibal.sort(key=lambda g: (-len(g["documents"]), g["keyphrase"]))

    # template chrome: short lines in many articles
    line_docs: Counter = Counter()
    for s in good:
        line_docs.update(set(s.short_lines))
    need = max(chrome_min, int(chrome_share * len(good) + 0.999))
    chrome = [{"text": t, "documents": n, "share": round(n / len(good), 3)} for t, n in line_docs.items() if n >= need]
    chrome.sort(key=lambda c: (-c["documents"], c["text"]))

    return {
        "version": 1,
        "tool": {"name": "artlint", "version": __version__},
        "corpus": {"documents": len(good), "words": sum(s.words for s in good), "threshold": threshold},
        "near_duplicates": near,
        "copied_blocks": copied,
        "cannibalisation": cannibal,
        "template_chrome": chrome,
        "errors": [{"path": p, "message": m} for p, m in errors],
    }


def _surface(members, stem: str) -> str:
    forms = Counter(m.surface.get(stem).lstrip("!") for m in members if m.surface.get(stem))
    return forms.most_common(1)[0][0] if forms else stem


def chrome_pack(report: dict, code: str = "SITE001") -> str:
    """A rule pack flagging the site's template chrome as boilerplate, for ``artlint check``."""
    import yaml

    lines = [c["text"] for c in report["template_chrome"]]
    if not lines:
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
                "match": "whole",
                "tokens": lines,
                "message": "Template chrome repeated across the site: '{match}'.",
                "summary": "A line of the site's template (found in many articles by artlint audit) inside an article.",
                "rationale": "Lines repeated verbatim across a large share of a site's articles are page chrome, not content.",
                "bad": lines[0],
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


def render_text(report: dict) -> str:
    c = report["corpus"]
    out = [f"{c['documents']} documents, {c['words']:,} words (near-duplicate threshold {c['threshold']})", ""]
    out.append(f"Near-duplicate articles: {len(report['near_duplicates'])}")
    out += [f"  {d['similarity']:.2f}  {d['a']}  ~  {d['b']}" for d in report["near_duplicates"]]
    out.append(f"Paragraphs copied across articles: {len(report['copied_blocks'])}")
    for blk in report["copied_blocks"][:50]:
        out.append(
            f"  {blk['excerpt'][:70]!r} ({blk['words']} words) in " + ", ".join(f"{o['document']}:{o['line']}" for o in blk["occurrences"])
        )
    out.append(f"Keyphrase cannibalisation: {len(report['cannibalisation'])} group(s)")
    for g in report["cannibalisation"]:
        out.append(f"  '{g['keyphrase']}': {len(g['documents'])} articles: " + ", ".join(g["documents"]))
    out.append(f"Template chrome: {len(report['template_chrome'])} line(s)")
    out += [f"  {t['share']:.0%} of articles: {t['text']!r}" for t in report["template_chrome"][:50]]
    for e in report["errors"]:
        out.append(f"{e['path']}: error: {e['message']}")
    return "\n".join(out) + "\n"


def render_html(report: dict) -> str:
    import html

    e = html.escape

    def table(rows, headers):
        head = "".join(f"<th>{e(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table><tr>{head}</tr>{body}</table>"

    c = report["corpus"]
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f'<meta name="generator" content="artlint {__version__}">',  # walks skip what artlint wrote (sources.GENERATED_MARK)
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        "<title>artlint site audit</title><style>body{font:14px system-ui;margin:24px}table{border-collapse:collapse;margin-bottom:24px}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}</style></head><body>",
        f"<h1>artlint site audit: {c['documents']} documents, {c['words']:,} words</h1>",
        "<h2>Near-duplicate articles</h2>",
        table([(d["similarity"], d["a"], d["b"]) for d in report["near_duplicates"]], ["similarity", "article", "article"]),
        "<h2>Paragraphs copied across articles</h2>",
        table(
            [(b["excerpt"], ", ".join(f"{o['document']}:{o['line']}" for o in b["occurrences"])) for b in report["copied_blocks"]],
            ["paragraph", "where"],
        ),
        "<h2>Keyphrase cannibalisation</h2>",
        table([(g["keyphrase"], "\n".join(g["documents"])) for g in report["cannibalisation"]], ["keyphrase", "articles"]),
        "<h2>Template chrome</h2>",
        table([(t["text"], t["documents"], f"{t['share']:.0%}") for t in report["template_chrome"]], ["line", "articles", "share"]),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def default_jobs() -> int:
    return os.cpu_count() or 1
