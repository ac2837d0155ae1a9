"""Show that a change leaves every finding as it was: snapshot the findings, then compare.

    python scripts/compare_findings.py write /tmp/before.json seeds /work/shared/eval/devset CORPUS...
    ... change the code ...
    python scripts/compare_findings.py compare /tmp/before.json

Each folder is linted with ``artlint check --no-cache --format json`` (the artlint of this Python: run it
from the virtual environment of the checkout being measured). The JSON is normalised before it is
stored: paths relative to the folder, no tool version, no timings, files and errors sorted, so two
checkouts in different places give the same snapshot. ``compare`` lints the folders the snapshot names
again and prints every difference; its exit code is 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def lint(folder: str, jobs: int) -> dict:
    """The normalised findings of one folder: {relative path: file entry}, plus the errors."""
    cmd = [sys.executable, "-m", "artlint", "check", "--no-cache", "--format", "json", "--fail-on", "never", "--jobs", str(jobs)]
    cmd += ["--no-respect-gitignore", folder]
    done = subprocess.run(cmd, capture_output=True, check=False)
    if done.returncode not in (0, 1, 2) or not done.stdout.strip():
        sys.exit(f"artlint failed on {folder} (exit {done.returncode}):\n{done.stderr.decode(errors='replace')[-2000:]}")
    report = json.loads(done.stdout)
    root = os.path.abspath(folder)

    def rel(path: str) -> str:
        full = os.path.abspath(path)
        return os.path.relpath(full, root) if full.startswith(root) else path

    files = {}
    for entry in report["files"]:
        entry = dict(entry)
        entry["path"] = rel(entry["path"])
        entry["findings"] = [{k: v for k, v in f.items() if k != "path"} for f in entry["findings"]]
        files[entry["path"]] = entry
    errors = sorted([rel(e["path"]), e["message"]] for e in report.get("errors", []))
    return {"files": dict(sorted(files.items())), "errors": errors, "summary": report.get("summary")}


def snapshot(folders, jobs: int) -> dict:
    return {"folders": list(folders), "results": {f: lint(f, jobs) for f in folders}}


def differences(before: dict, after: dict) -> list[str]:
    out = []
    for folder, old in before["results"].items():
        new = after["results"][folder]
        if old["errors"] != new["errors"]:
            out.append(f"{folder}: errors differ: {old['errors']} -> {new['errors']}")
        for path in sorted(set(old["files"]) | set(new["files"])):
            a, b = old["files"].get(path), new["files"].get(path)
            if a == b:
                continue
            if a is None or b is None:
                out.append(f"{folder}/{path}: {'new file' if a is None else 'file missing'}")
                continue
            for key in sorted(set(a) | set(b)):
                if key != "findings" and a.get(key) != b.get(key):
                    out.append(f"{folder}/{path}: {key}: {a.get(key)!r} -> {b.get(key)!r}")
            fa = {json.dumps(f, sort_keys=True) for f in a["findings"]}
            fb = {json.dumps(f, sort_keys=True) for f in b["findings"]}
            out += [f"{folder}/{path}: lost {f}" for f in sorted(fa - fb)]
            out += [f"{folder}/{path}: new  {f}" for f in sorted(fb - fa)]
            if fa == fb and a["findings"] != b["findings"]:
                out.append(f"{folder}/{path}: same findings in another order")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["write", "compare"])
    ap.add_argument("snapshot", type=Path)
    ap.add_argument("folders", nargs="*", help="folders to lint (write); compare re-lints the snapshot's folders")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    if args.command == "write":
        if not args.folders:
            ap.error("write needs at least one folder")
        snap = snapshot(args.folders, args.jobs)
        args.snapshot.write_text(json.dumps(snap, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        n = sum(len(f["files"]) for f in snap["results"].values())
        k = sum(len(e["findings"]) for f in snap["results"].values() for e in f["files"].values())
        print(f"wrote {args.snapshot}: {n} files, {k} findings in {len(args.folders)} folders")
        return 0
    before = json.loads(args.snapshot.read_text(encoding="utf-8"))
    after = snapshot(args.folders or before["folders"], args.jobs)
    diff = differences(before, after)
    for line in diff:
        print(line)
    n = sum(len(f["files"]) for f in after["results"].values())
    k = sum(len(e["findings"]) for f in after["results"].values() for e in f["files"].values())
    print(f"{'identical' if not diff else f'{len(diff)} differences'}: {n} files, {k} findings in {len(after['results'])} folders")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
