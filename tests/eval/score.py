#!/usr/bin/env python3
# Vendored from the team's shared evaluation tool (../shared/eval/score.py), unchanged below, so CI can score without ../shared.
"""Score an artlint JSON report against gold annotations.

Usage:
    python score.py REPORT.json GOLD_DIR [GOLD_DIR ...] [--verbose] [--json]

REPORT.json is what `artlint check --format json FILES...` writes. Each file
entry needs "path" and "findings"; each finding needs "category" and "line"
(1-based, or null for a document-level finding) and may have "end_line".

GOLD_DIR holds NAME.gold.json next to the article it annotates. A gold item
names one or more accepted categories and either a quote (its lines are found
in the article; "occurrence" picks which match, or a list of acceptable ones)
or "span": "document" (any finding of that category in the file). Optional
items are neither required nor counted as false positives when found.

A finding matches a gold item when a category agrees and its lines overlap the
quote's lines (one line of slack). A second finding on an item already matched
is neutral. Everything else is a false positive; unmatched required items are
misses.
"""
import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

SCORED = ["structure", "duplicate", "off-topic", "placeholder", "unsupported-claim",
          "boilerplate", "keyword-stuffing", "spun-text", "typography"]


def load_gold(dirs):
    gold = {}
    for d in dirs:
        for g in sorted(Path(d).glob("*.gold.json")):
            spec = json.loads(g.read_text(encoding="utf-8"))
            article = g.parent / spec["file"]
            text = article.read_text(encoding="utf-8")
            items = []
            for raw in spec["findings"]:
                item = dict(raw)
                if "quote" in raw:
                    item["spans"] = spans_of(text, raw["quote"], raw.get("occurrence", 1), g)
                items.append(item)
            gold[Path(spec["file"]).stem] = items
    return gold


def spans_of(text, quote, occurrence, where):
    starts, i = [], text.find(quote)
    while i >= 0:
        starts.append(i)
        i = text.find(quote, i + 1)
    wanted = occurrence if isinstance(occurrence, list) else [occurrence]
    spans = []
    for o in wanted:
        if o > len(starts):
            sys.exit(f"{where}: quote {quote!r} occurs {len(starts)} times, not {o}")
        s = starts[o - 1]
        first = text.count("\n", 0, s) + 1
        spans.append((first, first + quote.count("\n")))
    return spans


def report_files(report):
    if "files" in report:
        for f in report["files"]:
            yield f["path"], f.get("findings", [])
    else:
        by = defaultdict(list)
        for f in report.get("findings", []):
            by[f["path"]].append(f)
        yield from by.items()


def overlaps(finding, span):
    line = finding.get("line")
    if line is None:
        return False
    end = finding.get("end_line") or line
    return line <= span[1] + 1 and end >= span[0] - 1


def score(report, gold):
    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    details = []
    seen = set()
    for path, findings in report_files(report):
        stem = Path(path).stem
        if stem not in gold:
            continue
        seen.add(stem)
        items = gold[stem]
        hit = [False] * len(items)
        leftovers = []
        for f in findings:
            cat = f.get("category")
            if cat not in SCORED:
                continue
            match = None
            for want_optional in (False, True):
                for k, item in enumerate(items):
                    if hit[k] or cat not in item["category"] or bool(item.get("optional")) != want_optional:
                        continue
                    if any(overlaps(f, s) for s in item.get("spans", [])):
                        match = k
                        break
                if match is not None:
                    break
            if match is not None:
                hit[match] = True
                if not items[match].get("optional"):
                    tp[cat] += 1
                continue
            if any(cat in it["category"] and any(overlaps(f, s) for s in it.get("spans", []))
                   for it in items):
                continue  # a second finding on an item already matched
            leftovers.append(f)
        for f in leftovers:
            cat = f["category"]
            k = next((k for k, it in enumerate(items) if not hit[k] and it.get("span") == "document"
                      and cat in it["category"]), None)
            if k is not None:
                hit[k] = True
                if not items[k].get("optional"):
                    tp[cat] += 1
            elif any(it.get("span") == "document" and cat in it["category"] for it in items):
                continue
            else:
                fp[cat] += 1
                details.append(("FP", stem, cat, f.get("line"), f.get("rule"), f.get("message", "")[:90]))
        for k, item in enumerate(items):
            if not hit[k] and not item.get("optional"):
                cat = item["category"][0]
                fn[cat] += 1
                line = item["spans"][0][0] if item.get("spans") else None
                details.append(("MISS", stem, "/".join(item["category"]), line, None,
                                item.get("quote", item.get("note", ""))[:90]))
    for stem in gold:
        if stem not in seen:
            for item in gold[stem]:
                if not item.get("optional"):
                    fn[item["category"][0]] += 1
            details.append(("MISS", stem, "*", None, None, "file absent from the report"))
    return tp, fp, fn, details


def ratio(a, b):
    return a / b if b else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report")
    ap.add_argument("gold_dirs", nargs="+")
    ap.add_argument("--verbose", action="store_true", help="list every false positive and miss")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args()
    report = json.loads(Path(args.report).read_text(encoding="utf-8"))
    gold = load_gold(args.gold_dirs)
    tp, fp, fn, details = score(report, gold)
    rows = {}
    for cat in SCORED + ["all"]:
        t = sum(tp.values()) if cat == "all" else tp[cat]
        p = sum(fp.values()) if cat == "all" else fp[cat]
        n = sum(fn.values()) if cat == "all" else fn[cat]
        prec, rec = ratio(t, t + p), ratio(t, t + n)
        f1 = 2 * prec * rec / (prec + rec) if prec and rec else (0.0 if prec is not None and rec is not None else None)
        rows[cat] = {"tp": t, "fp": p, "fn": n, "precision": prec, "recall": rec, "f1": f1}
    if args.json:
        print(json.dumps({"categories": rows, "details": details}, indent=1))
        return
    fmt = lambda v: "  -  " if v is None else f"{v:5.2f}"
    print(f"{'category':18} {'tp':>4} {'fp':>4} {'fn':>4}  prec  recall  f1")
    for cat, r in rows.items():
        print(f"{cat:18} {r['tp']:4} {r['fp']:4} {r['fn']:4} {fmt(r['precision'])} {fmt(r['recall'])} {fmt(r['f1'])}")
    if args.verbose:
        for d in details:
            print(*[x for x in d if x is not None], sep="  ")
    a = rows["all"]
    print(f"overall: precision {fmt(a['precision']).strip()} recall {fmt(a['recall']).strip()} f1 {fmt(a['f1']).strip()}")


if __name__ == "__main__":
    main()
