"""Integration tests: the MPS borough crime files the repository carries (data/reference/met_crime) read as they come.

Each yearly total is checked against the file's own sums, worked out here independently with
pandas, and against the yearly table derived in the mirror (mps_borough_crime_by_year.csv).
"""

from __future__ import annotations

import pandas as pd
import pytest

from explorer.ingest.crime import ALL_CRIME, PAGE_CATEGORIES, read_met_crime
from explorer.reference import load_boroughs
from explorer.settings import ROOT

HISTORICAL = "mps_borough_crime_monthly_2010-04_to_2023-11.csv"
RECENT = "mps_borough_crime_monthly_2023-12_to_2025-11.csv"


@pytest.fixture(scope="module")
def names():
    return {b.code: b.name for b in load_boroughs(ROOT / "data")}


@pytest.fixture(scope="module")
def both(met_crime_dir, names):
    return read_met_crime([met_crime_dir / HISTORICAL, met_crime_dir / RECENT], names)


def file_sums(paths) -> dict[tuple[str, str], int]:
    """(borough name, financial year) -> all offences, straight from the files."""
    frames = [pd.read_csv(p) for p in paths]
    long = pd.concat(
        [f.melt(id_vars=["MajorText", "MinorText", "BoroughName"], var_name="month", value_name="n") for f in frames]
    )
    month = long["month"].astype(int)
    start = month // 100 - (month % 100 < 4)
    long["year"] = start.astype(str) + "-" + ((start + 1) % 100).astype(str).str.zfill(2)
    return long.groupby(["BoroughName", "year"])["n"].sum().astype(int).to_dict()


def test_both_files_give_whole_years_2010_11_to_2024_25(both):
    assert both.report.ok, [p.as_text() for p in both.report.errors][:10]
    assert both.complete_years == tuple(f"{y}-{(y + 1) % 100:02d}" for y in range(2010, 2025))
    assert set(both.partial_years) == {"2025-26"}
    assert set(both.excluded) == {"London Heathrow and London City Airports", "Unknown"}
    boroughs = {r.borough_code for r in both.records}
    assert len(boroughs) == 32 and "E09000001" not in boroughs  # the City is not MPS ground


def test_yearly_totals_match_the_files_own_sums(met_crime_dir, both, names):
    expected = file_sums([met_crime_dir / HISTORICAL, met_crime_dir / RECENT])
    code_of = {name: code for code, name in names.items()}
    got = {(r.borough_code, r.financial_year): r.count for r in both.records if r.category == ALL_CRIME}
    checked = 0
    for (borough, year), total in expected.items():
        if borough in ("Unknown", "London Heathrow and London City Airports") or year == "2025-26":
            continue
        assert got[(code_of[borough], year)] == total, (borough, year)
        checked += 1
    assert checked == len(got) == 32 * 15


def test_2023_24_spans_the_two_files(met_crime_dir, names, both):
    alone = read_met_crime([met_crime_dir / RECENT], names)
    assert alone.complete_years == ("2024-25",)
    assert "2023-24" in alone.partial_years and "2023-24" in both.complete_years
    same = {(r.borough_code, r.category): r.count for r in alone.records}
    assert same == {(r.borough_code, r.category): r.count for r in both.records if r.financial_year == "2024-25"}


def test_categories_match_the_mirror_yearly_table(met_crime_dir, both):
    mirror = pd.read_csv(met_crime_dir / "mps_borough_crime_by_year.csv")
    mirror = mirror[mirror["period"].isin(["2023-24", "2024-25"]) & mirror["borough_code"].notna()]
    assert len(mirror) == 64
    got = {(r.borough_code, r.financial_year, r.category): r.count for r in both.records}
    columns = {c: c.replace(" ", "_") for c in PAGE_CATEGORIES}
    columns[ALL_CRIME] = "total"
    for row in mirror.itertuples():
        for category, column in columns.items():
            assert got[(row.borough_code, row.period, category)] == getattr(row, column)


def test_the_bundled_sample_is_what_the_ingest_gives(both):
    """data/sample/crime.csv holds facts: exactly the ingest's sums for 2010-11 to 2024-25 (issue 16)."""
    bundled = pd.read_csv(ROOT / "data" / "sample" / "crime.csv", dtype={"count": int})
    years = {f"{y}-{(y + 1) % 100:02d}" for y in range(2010, 2025)}
    assert set(bundled["financial_year"]) == years
    assert set(bundled["category"]) == set(PAGE_CATEGORIES)
    assert set(bundled["source_url"]) == {"https://data.london.gov.uk/dataset/recorded_crime_summary"}
    got = {(r.borough_code, r.financial_year, r.category): r.count for r in both.records}
    rows = {(r.borough_code, r.financial_year, r.category): r.count for r in bundled.itertuples()}
    assert len(rows) == len(bundled) == 32 * len(years) * 5
    assert rows == {key: got[key] for key in rows}
