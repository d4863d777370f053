"""Integration tests: the LCPF page and its CSV download on the bundled sample, through Flask."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import plotly
import pytest

from explorer.app import create_app
from callbacks.router import PageContext, render_page


@pytest.fixture(scope="module")
def app(sample_db, tmp_path_factory):
    import shutil

    from explorer.settings import ROOT, Settings

    path = tmp_path_factory.mktemp("lcpf") / "app.db"
    shutil.copy(sample_db, path)
    return create_app(Settings(database_url=f"sqlite:///{path}", data_dir=ROOT / "data",
                               cache_dir=ROOT / "data" / "cache", check_interval=0.0))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def download(client, query=""):
    response = client.get("/lcpf/scenario.csv" + query)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def boroughs(rows):
    return [r for r in rows if r["row_type"] == "borough"]


def test_the_sample_has_crime_for_every_year_with_a_published_allocation(app):
    # Issue 16: fifteen whole years of crime (2010-11 to 2024-25), so every year whose allocations
    # were published also has crime figures to set them against.
    snapshot = app.server.config["EXPLORER_PROVIDER"].current()
    crime_years = {c.financial_year for c in snapshot.crime}
    assert crime_years == {f"{y}-{(y + 1) % 100:02d}" for y in range(2010, 2025)}
    assert len(snapshot.crime) == 15 * 32 * 5
    allocations = {(a.borough_code, a.financial_year) for a in snapshot.lcpf_allocations}
    assert allocations >= {("E09000027", "2018-19")}
    assert {year for _code, year in allocations} <= crime_years


def test_default_download_shares_the_default_pot_to_the_penny(client):
    rows = download(client)
    money = [Decimal(r["scenario_allocation_gbp"]) for r in boroughs(rows) if r["scenario_allocation_gbp"]]
    assert len(money) == 32
    assert sum(money) == Decimal(13_000_000)  # £39m for 2022-23 to 2024-25, a year
    assert {r["financial_year"] for r in rows} == {"2024-25"}
    totals = [r for r in rows if r["row_type"] == "total"]
    assert [t["borough"] for t in totals] == ["Inner London", "Outer London"]
    assert sum(Decimal(t["scenario_allocation_gbp"]) for t in totals) == Decimal(13_000_000)


def test_unpublished_allocations_say_so_and_have_no_difference(client):
    rows = {r["borough"]: r for r in boroughs(download(client, "?year=2024-25&w_crime=1"))}
    barnet = rows["Barnet"]
    assert barnet["actual_allocation_gbp"] == "not published"
    assert barnet["difference_gbp"] == "" and barnet["difference_percent"] == ""
    assert "No published allocation for Barnet 2024-25" in barnet["note"]
    assert "0.00" not in (barnet["actual_allocation_gbp"], barnet["difference_gbp"])


def test_a_published_allocation_is_compared_where_crime_exists(client):
    rows = {r["borough"]: r for r in boroughs(download(client, "?year=2018-19&basis=current"))}
    assert rows["Richmond upon Thames"]["scenario_allocation_gbp"] == "76000.00"
    assert rows["Richmond upon Thames"]["actual_source"].startswith("https://www.richmond.gov.uk/")
    assert rows["Barnet"]["scenario_allocation_gbp"] == "not published"


def test_the_download_follows_the_query_like_the_page(client):
    pop = {r["borough"]: r["scenario_allocation_gbp"] for r in boroughs(download(client, "?w_population=1&pot=1000000"))}
    crime = {r["borough"]: r["scenario_allocation_gbp"] for r in boroughs(download(client, "?w_crime=1&pot=1000000"))}
    assert pop != crime
    assert Decimal(crime["Westminster"]) > Decimal(pop["Westminster"])  # Westminster has far more crime than residents
    assert sum(Decimal(v) for v in crime.values() if v) == Decimal(1_000_000)


def test_bad_query_values_do_not_break_the_download(client):
    rows = download(client, "?w_crime=%3DSUM(A1)&pot=lots&category=%2Bcmd&year=nope")
    assert len(boroughs(rows)) == 33
    assert all(not r["crime_measure"].startswith(("=", "+", "-", "@")) for r in rows)


@pytest.mark.parametrize(
    "search, expected",
    [
        # Issue 16: the formula's figures are titled as a simulation, never as the allocation.
        ("", "What this formula would give:"),
        ("", "per 100 crimes, 2024-25"),
        ("", "Need over time: inner and outer London"),
        ("?w_crime=1&measure=crime-per-1000", "Formula: crime only"),
        ("?basis=current&year=2018-19", "Current allocation (published figures only)"),
        ("?year=2024-25", "No borough's LCPF allocation is published for 2024-25"),
        ("?w_deprivation=1", "No deprivation index is loaded"),
        ("?w_population=0", "give at least one factor a weight"),
        ("?basis=current", "No published allocation for Barnet 2024-25"),
        # Issue 16 item 4: a year's residents are the census nearest it, named as such.
        ("?year=2013-14", "Residents (Census 2011 population)"),
        ("?year=2024-25", "Residents (Census 2021 population)"),
        ("", "Census 2011 population"),  # the need-over-time table's early years
    ],
)
def test_the_page_renders_each_state(app, search, expected):
    provider = app.server.config["EXPLORER_PROVIDER"]
    page = render_page(provider, "/lcpf", search, PageContext())
    text = json.dumps(page, cls=plotly.utils.PlotlyJSONEncoder)
    assert expected in text
    assert "London Crime Prevention Fund (LCPF)" in text


def test_a_newly_ingested_allocation_is_compared_with_the_formula(sample_settings, tmp_path, monkeypatch, capsys):
    """`explorer ingest lcpf FILE` with Barnet's 2024-25 figure: the download then shows the difference."""
    import shutil

    from explorer.cli import main
    from explorer.settings import ROOT

    folder = tmp_path / "lcpf"
    folder.mkdir()
    shutil.copy(ROOT / "data" / "sample" / "lcpf_totals.csv", folder)
    allocations = (ROOT / "data" / "sample" / "lcpf_allocations.csv").read_text(encoding="utf-8").rstrip("\n")
    allocations += "\nE09000003,2024-25,500000,https://www.barnet.gov.uk/example,Test figure\n"
    (folder / "lcpf_allocations.csv").write_text(allocations, encoding="utf-8")
    monkeypatch.setenv("EXPLORER_DATABASE_URL", sample_settings.database_url)
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(sample_settings.data_dir))
    assert main(["ingest", "lcpf", str(folder / "lcpf_allocations.csv")]) == 0, capsys.readouterr().out

    client = create_app(sample_settings).server.test_client()
    rows = {r["borough"]: r for r in boroughs(download(client, "?year=2024-25&w_population=1"))}
    barnet = rows["Barnet"]
    assert barnet["actual_allocation_gbp"] == "500000.00"
    formula = Decimal(barnet["scenario_allocation_gbp"])
    assert Decimal(barnet["difference_gbp"]) == formula - 500_000
    assert float(barnet["difference_percent"]) == pytest.approx(float((formula - 500_000) / 5_000), abs=0.05)
    assert rows["Bexley"]["actual_allocation_gbp"] == "not published"


def test_the_download_names_the_census_its_residents_come_from(client):
    early, late = boroughs(download(client, "?year=2013-14")), boroughs(download(client, "?year=2024-25"))
    assert {r["population_census"] for r in early} == {"Census 2011"}
    assert {r["population_census"] for r in late} == {"Census 2021"}
    southwark = {r["financial_year"]: r["population"] for r in early + late if r["borough"] == "Southwark"}
    assert southwark == {"2013-14": "288283", "2024-25": "307100"}  # Census 2011 exact; 2021 rounded by ONS
