"""Builds the bundled sample's data/sample/crime.csv from the MPS borough crime files.

Usage: python scripts/build_sample_crime.py [HISTORICAL.csv RECENT.csv]

Defaults to the two files in data/reference/met_crime (see the PROVENANCE there). The rows are facts summed by the project's own
ingest code (explorer.ingest.crime): 32 boroughs x every whole financial year the files cover
(2010-11 to 2024-25) x the five categories the LCPF page offers, each naming the London
Datastore as its source. Fifteen years let the LCPF page set need over time beside the years
whose allocations were published (2013-14, 2017-18, 2018-19).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.ingest.crime import PAGE_CATEGORIES, read_met_crime, write_crime_csv  # noqa: E402
from explorer.reference import load_boroughs  # noqa: E402

MET_CRIME = ROOT / "data" / "reference" / "met_crime"
FILES = ("mps_borough_crime_monthly_2010-04_to_2023-11.csv", "mps_borough_crime_monthly_2023-12_to_2025-11.csv")
YEARS = tuple(f"{y}-{(y + 1) % 100:02d}" for y in range(2010, 2025))


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [MET_CRIME / f for f in FILES]
    names = {b.code: b.name for b in load_boroughs(ROOT / "data")}
    result = read_met_crime(paths, names)
    for problem in result.report.problems:
        print(problem.as_text(), file=sys.stderr)
    if not result.report.ok:
        return 1
    out = ROOT / "data" / "sample" / "crime.csv"
    written = write_crime_csv(result.records, out, years=YEARS, categories=PAGE_CATEGORIES)
    print(f"Wrote {written} rows to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
