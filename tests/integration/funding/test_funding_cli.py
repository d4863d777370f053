"""`explorer ingest opportunities FILE`: our CSV, Find a Grant's XLSX, and a bad file that publishes nothing."""

from __future__ import annotations

import json

import pytest

from explorer import cli
from explorer.settings import ROOT
from explorer.store.store import Store

SAMPLE = ROOT / "data" / "sample" / "opportunities.csv"


@pytest.fixture()
def env(sample_settings, monkeypatch):
    """Points the command at a private copy of the sample store."""
    monkeypatch.setenv("EXPLORER_DATABASE_URL", sample_settings.database_url)
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(sample_settings.data_dir))
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(sample_settings.cache_dir))
    return sample_settings


def current_opportunities(settings) -> int:
    store = Store.open(settings.store_url)
    try:
        return store.current_versions()["opportunities"]
    finally:
        store.dispose()


def test_the_sample_file_is_valid(env, capsys):
    assert cli.main(["ingest", "opportunities", str(SAMPLE), "--dry-run"]) == 0
    assert "opportunities: valid" in capsys.readouterr().out


def test_find_a_grant_xlsx_publishes_a_version(env, tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["grantName", "grantFunder", "grantShortDescription", "grantApplicantType", "grantLocation",
                  "grantMaximumAward", "grantApplicationOpenDate", "grantApplicationCloseDate", "grantWebpageUrl"])
    sheet.append(["Enfield youth fund", "VRU", "Mentoring.", "Non-profit", "Enfield", "£50,000",
                  "2026-03-01T09:00", "2026-04-03T23:59", "https://example.org/enfield"])
    path = tmp_path / "find-a-grant.xlsx"
    book.save(path)
    before = current_opportunities(env)
    assert cli.main(["ingest", "opportunities", str(path), "--by", "test"]) == 0
    out = capsys.readouterr().out
    assert "opportunities: published as version" in out
    assert current_opportunities(env) > before


def test_a_bad_file_reports_every_bad_row_and_publishes_nothing(env, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(
        "title,funder,boroughs,closes,opens,max_award_gbp,source_url\n"
        "Good fund,MOPAC,Enfield,2026-04-01,2026-03-01,5000,https://example.org/a\n"
        "Leeds fund,MOPAC,Leeds,2026-04-01,2026-03-01,5000,https://example.org/b\n"
        "Backwards,MOPAC,Enfield,2026-02-01,2026-03-01,lots,https://example.org/c\n",
        encoding="utf-8",
    )
    before = current_opportunities(env)
    assert cli.main(["ingest", "opportunities", str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    errors = {(p["row"], p["field"], p["value"]) for p in report["problems"] if p["level"] == "error"}
    assert errors == {(3, "boroughs", "Leeds"), (4, "closes", "2026-02-01"), (4, "max_award_gbp", "lots")}
    assert report["version"] is None
    assert current_opportunities(env) == before
