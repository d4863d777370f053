"""Unit tests: reading CSV (three encodings), XLSX, JSON, Open Referral UK and 360Giving into the register's tables."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from openpyxl import Workbook

from explorer.ingest.files import read_csv
from explorer.ingest.report import write_report
from explorer.ingest.sources import read_entity, table_for_name
from explorer.ingest.validate import validate_tables

SRC = "https://www.london.gov.uk/mopac"
TODAY = dt.date(2026, 11, 26)
BOROUGHS = {"southwark": "E09000028", "hackney": "E09000012"}


def lookup(postcode):
    if postcode.replace(" ", "").upper() == "SE154AB":
        return 51.47, -0.07, "E09000028"
    raise ValueError("not London")


def resolve(text):
    return BOROUGHS.get(text.strip().lower())


def validate(raw):
    return validate_tables(raw.tables, postcode_lookup=lookup, today=TODAY, file_names=raw.file_names).report


SPEND_TEXT = "Service_ID , period,budget_gbp,actual_gbp,source_url,note_free\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_in_each_encoding_excel_writes_reads_the_same(tmp_path, encoding):
    path = tmp_path / "lcpf_allocations.csv"
    text = "Borough_Code,financial_year,amount_gbp,source_url,note\n\nE09000028,2024-25,£1000,%s,Southwark’s share\n\n" % SRC
    path.write_bytes(text.encode(encoding))
    (row,) = read_csv(path)
    assert row["borough_code"] == "E09000028" and row["note"] == "Southwark’s share" and row["_row"] == 3
    raw = read_entity("lcpf", path)
    report = validate(raw)
    assert report.ok, [p.as_text() for p in report.problems]
    assert raw.format == "csv" and raw.tables["lcpf_total"] == []
    assert [p.rule for p in raw.problems if p.level == "warning"] == [
        "was not given, so the new version of lcpf has no lcpf total rows"
    ]


@pytest.mark.parametrize(
    "name, table",
    [("services", "service"), ("Services", "service"), ("service areas", "service_area"),
     ("service_taxonomy.csv", "service_taxonomy"), ("Organisations", None), ("organizations", "organization")],
)
def test_sheet_and_key_names(name, table):
    assert table_for_name("services", name) == table


def services_tables():
    return {
        "taxonomy": [["id", "name", "source_url"], ["vawg", "VAWG", SRC]],
        "organizations": [["id", "name", "source_url"], ["org-1", "Provider", SRC]],
        "services": [
            ["id", "name", "commissioner", "programme", "organization_id", "url", "source_url", "last_verified",
             "start_date", "contract_value_gbp", "confidential_location"],
            ["svc-1", "Helpline", "MOPAC;VRU", "LCPF", "org-1", "https://example.org", SRC,
             dt.datetime(2026, 10, 1), dt.date(2025, 4, 1), 125000.0, False],
        ],
        "service_areas": [["service_id", "borough_code"], ["svc-1", "E09000028"]],
        "service_taxonomy": [["service_id", "term_id"], ["svc-1", "vawg"]],
        "locations": [["id", "name", "postcode", "source_url"], ["loc-1", "Office", "SE15 4AB", SRC]],
        "service_at_location": [["service_id", "location_id"], ["svc-1", "loc-1"]],
    }


def test_an_xlsx_workbook_with_one_sheet_per_table(tmp_path):
    book = Workbook()
    book.remove(book.active)
    for title, rows in services_tables().items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.create_sheet("Notes").append(["this sheet is ignored"])
    path = tmp_path / "register.xlsx"
    book.save(path)
    raw = read_entity("services", path)
    assert raw.format == "xlsx"
    report = validate(raw)
    assert report.ok, [p.as_text() for p in report.problems]
    (service,) = raw.tables["service"]
    assert (service["last_verified"], service["start_date"], service["contract_value_gbp"],
            service["confidential_location"]) == ("2026-10-01", "2025-04-01", "125000", "false")
    assert any("Notes" in p.file and p.level == "warning" for p in raw.problems)


def test_a_json_file_with_a_list_per_table(tmp_path):
    data = {name: [dict(zip(rows[0], row)) for row in rows[1:]] for name, rows in services_tables().items()}
    path = tmp_path / "register.json"
    path.write_text(json.dumps(data, default=str))
    raw = read_entity("services", path)
    assert raw.format == "json" and validate(raw).ok


ORUK_SERVICE = {
    "id": "3f2b", "name": "Victim support helpline", "description": "Free support", "url": "https://example.org/help",
    "email": "help@example.org", "status": "active", "minimum_age": 16, "assured_date": "2026-09-30T10:00:00Z",
    "organization": {"id": "org-a", "name": "Support Org", "website": "https://example.org",
                     "organization_identifiers": [{"identifier_scheme": "GB-CHC", "identifier": "1234567"}]},
    "funding": [{"source": "MOPAC Victims grant"}],
    "service_areas": [{"name": "Southwark"}, {"service_area": "Hackney"}, {"uri": "http://statistics.data.gov.uk/id/statistical-geography/E09000001"}],
    "attributes": [{"taxonomy_term": {"id": "victims", "name": "Victims and witnesses"}}],
    "service_at_locations": [{"location": {"id": "loc-a", "name": "Office", "location_type": "physical",
                                           "addresses": [{"address_1": "1 High St", "city": "London", "postal_code": "SE15 4AB"}]}}],
}


@pytest.mark.parametrize("shape", ["list", "paged", "one"])
def test_open_referral_uk_services_map_onto_the_register(tmp_path, shape):
    data = {"list": [ORUK_SERVICE], "paged": {"total_items": 1, "page_number": 1, "contents": [ORUK_SERVICE]},
            "one": ORUK_SERVICE}[shape]
    path = tmp_path / "services.json"
    path.write_text(json.dumps(data))
    raw = read_entity("services", path, borough_code=resolve, source_url="https://directory.example.org/services")
    assert raw.format == "oruk"
    report = validate(raw)
    assert report.ok, [p.as_text() for p in report.problems]
    (service,) = raw.tables["service"]
    assert (service["commissioner"], service["funding_stream"], service["last_verified"], service["programme"]) == (
        "MOPAC", "Victims grant", "2026-09-30", "MOPAC Victims grant")
    assert service["source_url"] == "https://directory.example.org/services"
    assert {a["borough_code"] for a in raw.tables["service_area"]} == {"E09000028", "E09000012", "E09000001"}
    assert raw.tables["organization"][0]["charity_number"] == "1234567"
    assert raw.tables["location"][0]["postcode"] == "SE15 4AB"
    assert raw.tables["service_taxonomy"] == [{"_row": 1, "service_id": "3f2b", "term_id": "victims"}]


def test_an_oruk_service_without_a_known_commissioner_is_reported_not_guessed(tmp_path):
    path = tmp_path / "services.json"
    path.write_text(json.dumps([{**ORUK_SERVICE, "funding": [{"source": "National Lottery"}]}]))
    report = validate(read_entity("services", path, borough_code=resolve))
    # Issue 16: commissioners are data, so the rule names the need, not a fixed list.
    assert [(p.field, p.rule) for p in report.errors] == [("commissioner", "must name at least one commissioner, like MOPAC or MOPAC;VRU")]


GRANTS = {"grants": [
    {"id": "360G-mopac-1", "title": "Youth project", "currency": "GBP", "amountAwarded": 20000, "awardDate": "2025-04-01",
     "fundingOrganization": [{"id": "GB-GOR-PC390", "name": "MOPAC"}], "dateModified": "2025-05-01",
     "grantProgramme": [{"code": "seed", "title": "Community Seed Fund", "url": "https://example.org/seed"}],
     "beneficiaryLocation": [{"geoCode": "E09000028", "name": "Southwark"}]},
    {"id": "360G-mopac-2", "title": "Mentoring", "currency": "GBP", "amountAwarded": 50000, "awardDate": "2025-06-01",
     "fundingOrganization": [{"id": "GB-GOR-PC390", "name": "MOPAC"}],
     "grantProgramme": [{"code": "seed", "title": "Community Seed Fund"}],
     "beneficiaryLocation": [{"name": "Hackney"}]},
]}
CURRENT_OPPORTUNITY = {"id": "opp-open-now", "funder": "VRU", "programme": "MyEnds", "title": "Open call",
                       "opens": dt.date(2026, 11, 1), "closes": dt.date(2026, 12, 15), "min_award_gbp": 1000.0,
                       "boroughs": "E09000028;E09000012", "illustrative": False, "source_url": SRC}


def test_360giving_grants_become_one_closed_round_per_programme_merged_into_the_current(tmp_path):
    path = tmp_path / "grants.json"
    path.write_text(json.dumps(GRANTS))
    stale_round = {**CURRENT_OPPORTUNITY, "id": "360g-seed", "title": "old"}
    raw = read_entity("opportunities", path, borough_code=resolve, source_url="https://example.org/grants.json",
                      current={"funding_opportunity": [CURRENT_OPPORTUNITY, stale_round]})
    assert raw.format == "360giving"
    report = validate(raw)
    assert report.ok, [p.as_text() for p in report.problems]
    kept, new = raw.tables["funding_opportunity"]
    assert kept["id"] == "opp-open-now" and kept["closes"] == "2026-12-15"
    assert (new["id"], new["min_award_gbp"], new["max_award_gbp"], new["boroughs"], new["total_pot_gbp"]) == (
        "360g-seed", "20000", "50000", "E09000012;E09000028", "")
    assert "2 grants awarded between 2025-04-01 and 2025-06-01, £70,000 in all" in new["awarded_note"]
    assert new["last_verified"] == "2025-05-01" and new["source_url"] == "https://example.org/grants.json"
    assert "1 earlier round(s) replaced; 1 current opportunities kept" in raw.notes[0]


def test_360giving_csv_is_read_like_its_json(tmp_path):
    path = tmp_path / "grants.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Identifier", "Title", "Currency", "Amount Awarded", "Award Date", "Funding Org:Identifier",
                         "Funding Org:Name", "Grant Programme:Code", "Grant Programme:Title", "Beneficiary Location:Geographic Code"])
        writer.writerow(["360G-1", "A", "GBP", "1500", "2025-01-10", "GB-GOR-PC390", "MOPAC", "small", "Small grants", "E09000001"])
    raw = read_entity("opportunities", path, source_url="https://example.org/g.csv")
    assert raw.format == "360giving"
    (row,) = raw.tables["funding_opportunity"]
    assert (row["id"], row["max_award_gbp"], row["boroughs"]) == ("360g-small", "1500", "E09000001")


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_the_report_file_names_row_field_value_and_rule(tmp_path, suffix):
    bad = tmp_path / "spend.csv"
    bad.write_text(SPEND_TEXT.replace(",note_free", "") + f"svc-1,2025-Q9,=1+2,10,{SRC}\n")
    report = validate(read_entity("spend", bad))
    out = tmp_path / f"report{suffix}"
    write_report(report, out, extra={"entity": "spend"})
    if suffix == ".json":
        data = json.loads(out.read_text())
        assert data["entity"] == "spend" and data["ok"] is False
        assert {(p["row"], p["field"]) for p in data["problems"]} >= {(2, "period"), (2, "budget_gbp")}
    else:
        rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
        formula = next(r for r in rows if r["field"] == "budget_gbp" and "formula" in r["rule"])
        assert formula["value"] == "'=1+2"  # the report itself cannot run as a formula
        assert set(rows[0]) == {"level", "file", "row", "field", "value", "rule"}
