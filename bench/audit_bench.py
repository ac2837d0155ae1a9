#!/usr/bin/env python3
"""Scale benchmark for `artlint audit`: synthetic articles with planted near-duplicates.

    python bench/audit_bench.py --sizes 10000 100000            # local processes, all cores
    python bench/audit_bench.py --sizes 10000 --dask tcp://host:8786

Articles are 150-450 words drawn from a 5,000-word vocabulary (Zipf-like), written as JSON Lines.
1% of articles get a planted near-duplicate: a copy with 1% of its words replaced (shingle
Jaccard about 0.9). Reports throughput (articles/s), peak RSS (the parent and, separately, the
largest worker), recall of the planted pairs, false pairs, and how time grows with size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path


def generate(n: int, path: Path, seed: int = 11) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    weights = [1 / (i + 1) ** 0.8 for i in range(len(vocab))]
    base = n - n // 100
    planted = []
    with open(path, "w", encoding="utf-8") as fh:
        docs = []
        for i in range(base):
            words = rng.choices(vocab, weights, k=rng.randint(150, 450))
            docs.append(words)
            fh.write(json.dumps({"url": f"https://site.test/{i}", "text": f"Article {i}\n\n" + " ".join(words) + "."}) + "\n")
        for k in range(n - base):
            src = rng.randrange(base)
            copy = list(docs[src])
            for j in rng.sample(range(len(copy)), max(1, len(copy) // 100)):
                copy[j] = rng.choice(vocab)
            fh.write(json.dumps({"url": f"https://site.test/dup{k}", "text": f"Article copy {k}\n\n" + " ".join(copy) + "."}) + "\n")
            planted.append((f"https://site.test/{src}", f"https://site.test/dup{k}"))
    return planted


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--dask", help="scheduler address (default: local processes)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    from artlint.audit import audit

    tmp = Path(tempfile.mkdtemp())
    rows = []
    for n in args.sizes:
        src = tmp / f"site-{n}.jsonl"
        planted = generate(n, src)
        t0, c0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        s0 = resource.getrusage(resource.RUSAGE_SELF)
        report = audit([str(src)], jobs=args.jobs, dask_address=args.dask)
        wall = time.perf_counter() - t0
        c1, s1 = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
        cpu = (c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime) + (s1.ru_utime + s1.ru_stime - s0.ru_utime - s0.ru_stime)
        found = {tuple(sorted((d["a"], d["b"]))) for d in report["near_duplicates"]}
        want = {tuple(sorted(p)) for p in planted}
        recall = len(found & want) / len(want) if want else 1.0
        rows.append((n, wall, cpu, recall, len(found - want), s1.ru_maxrss / 1024, c1.ru_maxrss / 1024))
        print(
            f"{n:8d} articles: wall {wall:8.1f} s, CPU {cpu:8.1f} s, {n / wall:7.0f} articles/s, "
            f"recall {recall:.3f} ({len(found & want)}/{len(want)}), false pairs {len(found - want)}, "
            f"peak RSS parent {s1.ru_maxrss / 1024:.0f} MB, largest worker {c1.ru_maxrss / 1024:.0f} MB",
            flush=True,
        )
    if len(rows) > 1:
        (n0, w0, c0_, *_), (n1, w1, c1_, *_) = rows[0], rows[-1]
        print(f"growth {n0} -> {n1} articles ({n1 / n0:.0f}x): wall x{w1 / w0:.1f}, CPU x{c1_ / c0_:.1f} (linear = x{n1 / n0:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
