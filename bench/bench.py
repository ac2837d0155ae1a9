#!/usr/bin/env python3
"""artlint benchmark: throughput, latency, memory, scaling and cache, beside its peers.

    python bench/bench.py                 # 1,000 articles (~1.5 M words), the full default rule set
    python bench/bench.py --scaling       # also 100 and 10,000 files (slow: about ten minutes more)

The corpus is generated deterministically (seed 42) by recombining the sample articles'
paragraphs and headings into 300-5,000-word articles, half .txt and half .md, under
bench/corpus-N/. Each command runs in its own process; CPU seconds and peak RSS come from
os.wait4 (the process and everything it waited for). Peers run when installed:

    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install proselint==0.16.0
    mkdir -p /tmp/tl && cd /tmp/tl && npm init -y && npm install textlint textlint-rule-write-good \\
        textlint-rule-no-todo textlint-rule-common-misspellings textlint-rule-alex   # textlint, four English rules

and pass ``--proselint /tmp/peers/bin/proselint --textlint /tmp/tl/node_modules/.bin/textlint`` (or put
them on PATH). proselint runs ``--runs`` times, each run right after one of artlint's, and the ratio of
each pair is printed too: this VM's speed drifts by 20% and more, and a pair shares the drift.
textlint (minutes per run) runs once. Subprocesses run with bytecode caching on
(PYTHONDONTWRITEBYTECODE unset), as an installed tool runs for its users.

The "regex floor" is one compiled regex over every file, in Python, in one process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def generate(n_files: int, seed: int = 42) -> Path:
    out = HERE / f"corpus-{n_files}"
    marker = out / ".complete"
    if marker.exists():
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    paragraphs, headings = [], []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        for block in re.split(r"\n\s*\n|\n(?=[A-Z][^.\n]{3,80}\n)", p.read_text(encoding="utf-8")):
            block = block.strip()
            if not block:
                continue
            (paragraphs if len(block.split()) > 15 else headings).append(block)
    rng = random.Random(seed)
    for i in range(n_files):
        target = int(300 + 4700 * rng.random() ** 3)  # 300-5,000 words, mean about 1,475 (1.48 M words per 1,000)
        words, parts = 0, []
        title = rng.choice(headings)
        while words < target:
            if rng.random() < 0.25:
                parts.append(("h", rng.choice(headings)))
            para = rng.choice(paragraphs)
            parts.append(("p", para))
            words += len(para.split())
        sub = out / f"d{i // 100:03d}"
        sub.mkdir(exist_ok=True)
        if i % 2:
            body = "\n\n".join(("## " + t) if k == "h" else t for k, t in parts)
            (sub / f"a{i:05d}.md").write_text(f"---\ntitle: {json.dumps(title)}\n---\n\n{body}\n", encoding="utf-8")
        else:
            body = "\n\n".join(t for _, t in parts)
            (sub / f"a{i:05d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    marker.touch()
    return out


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(cmd, cwd=None) -> dict:
    """Wall, CPU (user+sys, including children) and peak RSS of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024, "exit": code, "stderr": err[-400:]}


def median_of(cmd, runs, cwd=None) -> dict:
    return _median([measure(cmd, cwd) for _ in range(runs)])


def _median(results: list[dict]) -> dict:
    """The run with the median CPU time."""
    return sorted(results, key=lambda r: r["cpu"])[len(results) // 2]


def regex_floor(corpus: Path) -> dict:
    start_cpu, start = time.process_time(), time.perf_counter()
    rx = re.compile(r"\b(?:lorem ipsum|advertisement|studies show|TODO)\b|[a-z][.,][A-Z]", re.I)
    hits = 0
    for p in corpus.rglob("*"):
        if p.suffix in (".txt", ".md"):
            hits += len(rx.findall(p.read_text(encoding="utf-8")))
    return {"wall": time.perf_counter() - start, "cpu": time.process_time() - start_cpu, "rss_mb": 0.0, "exit": 0}


def corpus_stats(corpus: Path) -> tuple[int, int]:
    files = [p for p in corpus.rglob("*") if p.suffix in (".txt", ".md")]
    return len(files), sum(len(p.read_text(encoding="utf-8").split()) for p in files)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scaling", action="store_true", help="also time 100 and 10,000 files")
    ap.add_argument("--proselint", default=shutil.which("proselint"), help="proselint executable (default: on PATH)")
    ap.add_argument("--textlint", default=shutil.which("textlint"), help="textlint executable, beside its rules' node_modules")
    args = ap.parse_args()
    artlint = [sys.executable, "-m", "artlint"]
    corpus = generate(args.files)
    n_files, n_words = corpus_stats(corpus)
    tmp = Path(tempfile.mkdtemp())
    rows = {}
    jobs = os.cpu_count() or 1
    base = [*artlint, "check", str(corpus), "--no-respect-gitignore", "--format", "json", "--output", str(tmp / "r.json"), "--fail-on", "never"]
    cold = [*base, "--no-cache", "--jobs", str(jobs)]
    pairs = []  # (artlint, proselint) run back to back: the VM's speed drifts, a pair shares the drift
    if args.proselint:
        pairs = [(measure(cold), measure([args.proselint, "check", str(corpus)])) for _ in range(args.runs)]
        rows[f"artlint --jobs {jobs}"] = _median([a for a, _ in pairs])
    else:
        rows[f"artlint --jobs {jobs}"] = median_of(cold, args.runs)
    rows["artlint --jobs 1"] = median_of([*base, "--no-cache", "--jobs", "1"], args.runs)
    cache_dir = tmp / "cachewd"
    cache_dir.mkdir()
    measure([*base, "--jobs", str(jobs)], cwd=cache_dir)  # fill the cache
    rows["artlint, cached re-run"] = median_of([*base, "--jobs", str(jobs)], args.runs, cwd=cache_dir)
    if pairs:
        rows["proselint (default checks)"] = _median([p for _, p in pairs])
    if args.textlint:
        rules = ["--rule", "write-good", "--rule", "no-todo", "--rule", "common-misspellings", "--rule", "alex"]
        exe = Path(args.textlint).absolute()
        home = exe.parent.parent.parent if exe.parent.name == ".bin" else None  # the project whose node_modules hold the rules
        rows["textlint (4 rules)"] = median_of([str(exe), *rules, str(corpus)], 1, cwd=home)
    rows["regex floor (1 regex, Python)"] = regex_floor(corpus)
    one = next(corpus.rglob("*.md"))
    rows["latency: one article"] = median_of([*artlint, "check", str(one), "--no-cache", "--fail-on", "never"], 5)

    mine = rows[f"artlint --jobs {jobs}"]
    print(f"corpus: {n_files} files, {n_words:,} words ({corpus}); {jobs} cores; python {sys.version.split()[0]}")
    print(f"{'command':34} {'files/s':>9} {'words/s':>11} {'CPU s':>8} {'wall s':>8} {'peak RSS MB':>12} {'CPU vs artlint':>15}")
    for name, r in rows.items():
        n = 1 if name.startswith("latency") else n_files
        w = len(one.read_text().split()) if name.startswith("latency") else n_words
        ratio = r["cpu"] / mine["cpu"] if mine["cpu"] else 0
        print(f"{name:34} {n / r['wall']:9.1f} {w / r['wall']:11,.0f} {r['cpu']:8.2f} {r['wall']:8.2f} {r['rss_mb']:12.1f} {ratio:14.2f}x")
        if r.get("exit") not in (0, 1, None):  # 1: the linter found something, as it should here
            print(f"    exit {r['exit']}: {r.get('stderr', '')}")
    if pairs:
        ratios = sorted(p["cpu"] / a["cpu"] for a, p in pairs)
        shown = ", ".join(f"{p['cpu'] / a['cpu']:.2f}x" for a, p in pairs)
        print(f"\nproselint CPU / artlint CPU, run back to back: {shown} (median {ratios[len(ratios) // 2]:.2f}x)")
    if args.scaling:
        print("\nscaling (artlint, all cores, no cache):")
        for n in (100, 1000, 10000):
            c = generate(n)
            fcount, wcount = corpus_stats(c)
            r = measure(
                [*artlint, "check", str(c), "--no-respect-gitignore", "--format", "json", "--output", str(tmp / "s.json"), "--no-cache", "--fail-on", "never"]
            )
            print(
                f"  {fcount:6d} files {wcount:11,d} words: CPU {r['cpu']:8.2f} s, wall {r['wall']:7.2f} s, "
                f"{1e6 * r['cpu'] / wcount:6.2f} CPU us/word, peak RSS {r['rss_mb']:.0f} MB"
            )
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
