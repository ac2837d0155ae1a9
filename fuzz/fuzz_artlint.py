#!/usr/bin/env python3
"""Coverage-guided fuzzing of artlint's parsers and whole check (atheris). Not run in CI.

    pip install atheris
    python fuzz/fuzz_artlint.py --seconds 600            # all targets in turn
    python fuzz/fuzz_artlint.py --target html --seconds 300

Each target keeps its interesting inputs in fuzz/corpus/<target>/ (seeded from the sample
articles and test fixtures), so later runs continue where earlier ones stopped. A crash
writes crash-<hash> into fuzz/crashes/; turn it into a regression test in
tests/test_fuzz_regressions.py, then fix it. A finding outside the file or a rule crash
(AL000) counts as a crash too.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGETS = {"text": ".txt", "markdown": ".md", "html": ".html", "check": None}


def seed_corpus(target: str, corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    suffix = TARGETS[target]
    sources = list((ROOT / "seeds").glob("*.txt")) + list((ROOT / "tests").rglob("*.*"))
    for p in sources:
        if p.suffix in (".txt", ".md", ".html") and (suffix is None or p.suffix == suffix):
            data = p.read_bytes()[:20000]
            (corpus / f"seed-{p.stem[:40]}{p.suffix}").write_bytes(data)


def run_one(target: str) -> None:
    """Child process: the atheris loop for one target."""
    import atheris

    with atheris.instrument_imports():
        from artlint.engine import Linter
        from artlint.parsers import ParseError, parse
        from artlint.sources import InputError, decode

    linter = Linter()
    formats = ["text", "markdown", "html"]

    def check_findings(text, result):
        lines = text.split("\n")
        for f in result.findings:
            if f.rule == "AL000":
                raise AssertionError(f"rule crashed: {f.message}")
            if f.line is not None and not (1 <= f.line <= len(lines) and 1 <= f.column <= len(lines[f.line - 1]) + 1):
                raise AssertionError(f"finding outside the file: {f}")

    def one(data: bytes) -> None:
        try:
            text = decode(data).text
        except InputError:
            return
        if target == "check":
            fmt = formats[data[0] % 3] if data else "text"
        else:
            fmt = target
        try:
            if target == "check":
                check_findings(text, linter.lint_text(text, "fuzz", fmt))
            else:
                parse(text, "fuzz", fmt)
        except (ParseError, InputError):
            pass  # input errors are reported to the user by design

    atheris.Setup(sys.argv, one)
    atheris.Fuzz()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    ap.add_argument("--seconds", type=int, default=300, help="time per target")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args, rest = ap.parse_known_args()
    if args.child:
        sys.argv = [sys.argv[0], *rest]
        run_one(args.child)
        return 0
    targets = list(TARGETS) if args.target == "all" else [args.target]
    crashes = HERE / "crashes"
    crashes.mkdir(exist_ok=True)
    status = 0
    for t in targets:
        corpus = HERE / "corpus" / t
        seed_corpus(t, corpus)
        cmd = [
            sys.executable,
            __file__,
            "--child",
            t,
            str(corpus),
            f"-max_total_time={args.seconds}",
            "-max_len=20000",
            "-timeout=30",
            "-rss_limit_mb=2048",
            f"-artifact_prefix={crashes}/{t}-",
            "-print_final_stats=1",
        ]
        print(f"== fuzzing {t} for {args.seconds} s", flush=True)
        proc = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, capture_output=True, text=True)
        stats = [ln for ln in proc.stderr.splitlines() if ln.startswith(("stat::number_of_executed_units", "stat::peak_rss_mb", "Done "))]
        print("\n".join(stats) or proc.stderr[-2000:], flush=True)
        if proc.returncode != 0:
            status = 1
            print(f"!! {t}: crash, see {crashes}\n{proc.stderr[-3000:]}", flush=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
