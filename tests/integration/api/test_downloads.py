"""Integration tests: the downloads by URL and by the command line (same code, same bytes)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from explorer.cli import main as cli_main
from explorer.services.exports import FORMULA_START, GRANT_COLUMNS, SAMPLE_NOTE

HACKNEY = "E09000012"
CONFIDENTIAL = {
    "svc-london-survivors-gateway", "svc-rape-crisis-east-london", "svc-rape-crisis-north-london",
    "svc-rape-crisis-south-london", "svc-solace-refuges-sample", "svc-stalking-threat-assessment-centre",
    "svc-west-london-rape-crisis",
}


def read_csv(body: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "url, media, filename",
    [
        ("/api/v1/exports/services.csv", "text/csv", "services.csv"),
        (f"/api/v1/exports/services.csv?borough={HACKNEY}", "text/csv", f"services-{HACKNEY}.csv"),
        ("/api/v1/exports/services.geojson", "application/geo+json", "services.geojson"),
        ("/api/v1/exports/grants.json", "application/json", "grants-360giving.json"),
        ("/api/v1/exports/grants.csv", "text/csv", "grants-360giving.csv"),
        ("/api/v1/exports/opportunities.csv", "text/csv", "funding-opportunities.csv"),
    ],
)
def test_each_download_is_an_attachment(client, url, media, filename):
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == media
    assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}"'


@pytest.mark.parametrize(
    "url", ["/api/v1/exports/nothing.csv", "/api/v1/exports/services.csv?borough=E09999999", "/api/v1/exports/grants.csv?borough=E09000012"]
)
def test_bad_downloads_are_json_errors(client, url):
    response = client.get(url)
    assert response.status_code in (400, 404) and response.get_json()["error"]


def test_services_csv_flags_sample_rows_and_hides_confidential_locations(client, provider):
    rows = read_csv(client.get("/api/v1/exports/services.csv").get_data())
    by_id = {s.id: s for s in provider.current().services}
    assert len(rows) == len(by_id)
    for row in rows:
        service = by_id[row["id"]]
        assert row["illustrative"] == ("true" if service.illustrative else "false")
        assert row["note"] == (SAMPLE_NOTE if service.illustrative else "")
        if row["id"] in CONFIDENTIAL:
            assert row["confidential_location"] == "true" and row["delivery_points"] == ""
    assert any(r["delivery_points"] for r in rows)


def test_services_per_borough(client):
    rows = read_csv(client.get(f"/api/v1/exports/services.csv?borough={HACKNEY.lower()}").get_data())
    everything = read_csv(client.get("/api/v1/exports/services.csv").get_data())
    assert 0 < len(rows) < len(everything)
    assert all(HACKNEY in r["borough_codes"].split(";") for r in rows)


def test_geojson_has_no_geometry_for_confidential_services(client):
    data = json.loads(client.get("/api/v1/exports/services.geojson").get_data())
    assert data["type"] == "FeatureCollection"
    confidential = [f for f in data["features"] if f["properties"]["id"] in CONFIDENTIAL]
    assert confidential and all(f["geometry"] is None and "postcode" not in f["properties"] for f in confidential)
    points = [f for f in data["features"] if f["geometry"]]
    assert points and all(-0.6 < f["geometry"]["coordinates"][0] < 0.4 for f in points)
    assert all("illustrative" in f["properties"] for f in data["features"])


def test_grants_validate_against_the_360giving_schema(client, grant_validator, provider):
    package = json.loads(client.get("/api/v1/exports/grants.json").get_data())
    grants = package["grants"]
    snapshot = provider.current()
    own = {c.organization_id for c in snapshot.commissioners if c.organization_id}
    # Issue 16: a funder's own programme budget (provider = funder) is not a grant to anyone.
    expected = [s for s in snapshot.services if s.contract_value_gbp is not None and s.start_date
                and s.provider_id not in own and not s.variation_of]
    assert len(grants) == len(expected) > 10
    for grant in grants:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in grant_validator.iter_errors(grant)]
        assert errors == [], grant["id"]
    assert {g["illustrative"] for g in grants} <= {True, False}


def test_no_grant_goes_from_a_funder_to_itself(client, provider):
    snapshot = provider.current()
    assert {"org-mopac", "org-london-vru"} <= {c.organization_id for c in snapshot.commissioners}
    grants = json.loads(client.get("/api/v1/exports/grants.json").get_data())["grants"]
    for grant in grants:
        recipient = grant["recipientOrganization"][0]["name"]
        funders = {f["name"] for f in grant["fundingOrganization"]}
        assert recipient not in funders, grant["id"]
        assert grant["id"].removeprefix("360G-LCSE-") not in {"svc-myends", "svc-mopac-offender-budget-2018"}
    barnet = [g for g in grants if g["id"].endswith("svc-safer-streets-1-barnet")]
    assert [f["name"] for f in barnet[0]["fundingOrganization"]] == ["Home Office", "Mayor's Office for Policing and Crime"]
    assert snapshot.service("svc-ylf-havering-think-forward").commissioners == ("GLA",)


def test_the_360giving_check_can_fail(grant_validator):
    assert list(grant_validator.iter_errors({"id": "x", "title": "t", "awardDate": "1 April 2024"}))


def test_grants_csv_uses_the_standard_column_titles(client, schemas_dir):
    with open(schemas_dir / "360giving" / "360giving_grant_fields.csv", newline="", encoding="utf-8") as stream:
        titles = {r["column_title"] for r in csv.DictReader(stream)}
    body = client.get("/api/v1/exports/grants.csv").get_data()
    header = next(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    ours = {"Funding Orgs (all)", "Beneficiary Locations (all)", "illustrative", "note"}
    assert set(header) - ours <= titles
    assert {"Identifier", "Title", "Amount Awarded", "Award Date", "Recipient Org:Identifier", "Funding Org:Name"} <= set(header)
    rows = read_csv(body)
    assert rows and {r["illustrative"] for r in rows} <= {"true", "false"}


def test_opportunities_csv(client, provider):
    rows = read_csv(client.get("/api/v1/exports/opportunities.csv").get_data())
    assert len(rows) == len(provider.current().opportunities)
    assert {"true", "false"} >= {r["illustrative"] for r in rows}


def test_formula_injection_is_neutralised_in_every_export(client, provider):
    snapshot = provider.current()
    store = provider._store
    rows = store.read_version(snapshot.versions["services"])
    hostile = dict(rows["service"][0], name='=HYPERLINK("http://evil.example","click")', description="+cmd|' /C calc'!A0")
    org = dict(rows["organization"][0], name="@SUM(1+1)")
    store.publish(
        "services",
        {**rows, "service": [hostile] + rows["service"][1:], "organization": [org] + rows["organization"][1:]},
        source="test", published_by="tester",
    )
    try:
        for url in ["/api/v1/exports/services.csv", "/api/v1/exports/grants.csv"]:
            for row in read_csv(client.get(url).get_data()):
                assert not any(str(v).startswith(FORMULA_START) for v in row.values()), (url, row)
        services = read_csv(client.get("/api/v1/exports/services.csv").get_data())
        assert services[[r["id"] for r in services].index(hostile["id"])]["name"].startswith("'=HYPERLINK")
        # JSON and GeoJSON are not spreadsheets: they carry the record's text exactly (issue 13),
        # never the apostrophe a CSV cell gets.
        for url in ["/api/v1/exports/services.geojson", "/api/v1/exports/grants.json"]:
            text = client.get(url).get_data(as_text=True)
            assert '"=HYPERLINK' in text and "'=HYPERLINK" not in text
    finally:
        store.rollback(snapshot.versions["services"], published_by="tester")


@pytest.mark.parametrize(
    "fmt, url",
    [
        ("csv", "/api/v1/exports/services.csv"),
        ("geojson", f"/api/v1/exports/services.geojson?borough={HACKNEY}"),
        ("360giving-json", "/api/v1/exports/grants.json"),
        ("360giving-csv", "/api/v1/exports/grants.csv"),
        ("opportunities-csv", "/api/v1/exports/opportunities.csv"),
    ],
)
def test_the_command_writes_the_same_file_as_the_download(client, api_settings, monkeypatch, tmp_path, fmt, url):
    monkeypatch.setenv("EXPLORER_DATABASE_URL", api_settings.database_url)
    monkeypatch.setenv("EXPLORER_SEED_SAMPLE", "0")
    out = tmp_path / "out"
    argv = ["export", fmt, "--output", str(out)] + (["--borough", HACKNEY] if "borough" in url else [])
    assert cli_main(argv) == 0
    assert out.read_bytes() == client.get(url).get_data()


@pytest.mark.parametrize("argv", [["export", "csv", "--borough", "E09999999"], ["export", "360giving-csv", "--borough", HACKNEY]])
def test_the_command_refuses_bad_arguments(api_settings, monkeypatch, argv):
    monkeypatch.setenv("EXPLORER_DATABASE_URL", api_settings.database_url)
    assert cli_main(argv) == 2


def test_the_command_refuses_an_unknown_format():
    with pytest.raises(SystemExit) as exc:
        cli_main(["export", "xlsx"])
    assert exc.value.code == 2


def test_the_grant_columns_are_unique():
    titles = [t for t, _ in GRANT_COLUMNS]
    assert len(titles) == len(set(titles))
