"""Integration tests: ``explorer ingest crime FILE`` with the Met's CSV as published, and a bad one."""

from __future__ import annotations

import shutil

import pytest

from explorer.cli import main
from explorer.settings import ROOT
from explorer.store.store import Store, sqlite_url

RECENT = "mps_borough_crime_monthly_2023-12_to_2025-11.csv"
HISTORICAL = "mps_borough_crime_monthly_2010-04_to_2023-11.csv"


@pytest.fixture()
def db(tmp_path, monkeypatch):
    path = tmp_path / "cli.db"
    monkeypatch.setenv("EXPLORER_DATABASE_URL", sqlite_url(path))
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(ROOT / "data"))
    return path


def crime_rows(path):
    store = Store.open(sqlite_url(path))
    try:
        _versions, rows = store.read_current()
        return rows["crime"]
    finally:
        store.dispose()


def test_ingest_the_two_met_files_publishes_whole_years(db, met_crime_dir, capsys):
    code = main(["ingest", "crime", str(met_crime_dir / HISTORICAL), str(met_crime_dir / RECENT), "--by", "test"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "crime: published as version" in out
    assert "London Heathrow and London City Airports" in out and "2025-26" in out
    rows = crime_rows(db)
    assert {r["financial_year"] for r in rows} == {f"{y}-{(y + 1) % 100:02d}" for y in range(2010, 2025)}
    westminster = next(
        r for r in rows
        if (r["borough_code"], r["financial_year"], r["category"]) == ("E09000033", "2024-25", "all crime")
    )
    assert westminster["count"] == 89_558


def test_dry_run_reports_and_publishes_nothing(db, met_crime_dir, capsys):
    assert main(["ingest", "crime", str(met_crime_dir / RECENT), "--dry-run"]) == 0
    assert "dry run, nothing published" in capsys.readouterr().out
    assert crime_rows(db) == []


def test_a_bad_file_is_rejected_with_row_field_value_and_rule(db, met_crime_dir, tmp_path, capsys):
    bad = tmp_path / "met.csv"
    lines = (met_crime_dir / RECENT).read_text().splitlines()
    lines[2] = lines[2].replace("Barking and Dagenham", "Barking & Dagenhem")
    cells = lines[5].split(",")
    cells[4] = "twelve"
    lines[5] = ",".join(cells)
    bad.write_text("\n".join(lines) + "\n")
    assert main(["ingest", "crime", str(bad), "--json"]) == 1
    out = capsys.readouterr().out
    assert '"row": 3' in out and '"value": "Barking & Dagenhem"' in out and "did you mean" in out
    assert '"row": 6' in out and '"field": "202401"' in out and '"value": "twelve"' in out
    assert crime_rows(db) == []


def test_the_register_format_still_goes_through_the_ordinary_ingest(db, tmp_path, capsys):
    shutil.copy(ROOT / "data" / "sample" / "crime.csv", tmp_path / "crime.csv")
    assert main(["ingest", "crime", str(tmp_path / "crime.csv")]) == 0
    assert len(crime_rows(db)) == 2400  # issue 16: 15 years x 32 boroughs x 5 categories


def test_several_files_only_for_met_crime(db, tmp_path, capsys):
    shutil.copy(ROOT / "data" / "sample" / "crime.csv", tmp_path / "crime.csv")
    assert main(["ingest", "crime", str(tmp_path / "crime.csv"), str(tmp_path / "crime.csv")]) == 2
