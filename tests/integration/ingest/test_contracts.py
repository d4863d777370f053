"""Public contract notices (OCDS): validated, turned into MOPAC/GLA contracts, matched, reviewed, published and shown."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from explorer.cli import main
from explorer.domain import formatting
from explorer.ingest import matching, ocds
from explorer.ingest.publish import ingest_path
from explorer.services.contracts import coverage, headline_contracts, service_contracts
from explorer.services.snapshot import SnapshotProvider
from explorer.settings import ROOT
from explorer.store.store import Store

PACKAGE = ROOT / "tests" / "data" / "ocds" / "mopac_release_package.json"
NOTICES = json.loads(PACKAGE.read_text(encoding="utf-8"))
PAN_LONDON_SV = "ocds-b5fd17-abff81c6-f0cd-47d6-a8ad-ca9478fac6be"
REJECT = f"ocid,service_id,decision\n{PAN_LONDON_SV},svc-london-violence-exploitation-support,no\n"
PAN_LONDON_SV_SERVICE = "svc-pan-london-sexual-violence-support"
VICTIM_WITNESS = "ocds-h6vhtk-068f39"
SAMPLE_CONFIRMATIONS = ROOT / "data" / "sample" / "contracts_confirmations.csv"
NOTICE_URL = "https://www.find-tender.service.gov.uk/Notice/000001-2026"


def mopac_release(ocid, **extra):
    return {"ocid": ocid, "id": f"{ocid}-1", "date": "2026-01-10T10:00:00Z", "tag": ["award"], "initiationType": "tender",
            "buyer": {"id": "GB-PPON-PTMT-7816-YCQG", "name": "Mayor's Office for Policing and Crime"},
            "links": [{"rel": "canonical", "href": NOTICE_URL}], **extra}


ADVANCE = mopac_release(
    "ocds-h6vhtk-test01",
    tender={"id": "t1", "title": "Female offender service", "status": "complete"},
    awards=[{"id": "a1", "status": "active", "value": {"amount": 250000, "currency": "GBP"},
             "suppliers": [{"id": "GB-CHC-1080235", "name": "Advance"}],
             "contractPeriod": {"startDate": "2026-04-01T00:00:00+01:00", "endDate": "2028-03-31T23:59:59+01:00"}}],
)
VARIATION = mopac_release(
    "ocds-h6vhtk-test02",
    tender={"id": "t2", "title": "Female offender service: extra sessions"},
    awards=[{"id": "a2", "value": {"amount": 40000, "currency": "GBP"}, "suppliers": [{"name": "Advance"}]}],
    relatedProcesses=[{"id": "1", "relationship": ["parent"], "scheme": "ocid", "identifier": "ocds-h6vhtk-test01"}],
)
OTHER_BUYER = {**mopac_release("ocds-h6vhtk-test03", tender={"id": "t3", "title": "Uniforms"}),
               "buyer": {"id": "GB-X", "name": "Metropolitan Police Service"}}


def package(*releases):
    return {"version": "1.1", "uri": "https://example.org/package.json", "publishedDate": "2026-01-10T10:00:00Z",
            "releases": list(releases)}


def write(tmp_path, data, name="notices.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_notices_fixture_is_a_valid_ocds_package_of_only_published_fields():
    assert ocds.check_package(NOTICES, "p") == []
    contracts, problems, notes = ocds.to_contracts(NOTICES, "p")
    assert problems == [] and len(contracts) == 21 and "8 contracting processes" in notes[0]
    sv = next(c for c in contracts if c["ocid"] == PAN_LONDON_SV)
    assert (sv["value_gbp"], sv["value_basis"], str(sv["start_date"]), str(sv["end_date"]), sv["status"]) == (
        65387492.0, "tender", "2025-05-01", "2032-03-31", "active")
    unisys = next(c for c in contracts if c["ocid"] == "ocds-h6vhtk-0665be")
    assert (unisys["value_gbp"], unisys["value_basis"], unisys["supplier_scheme"]) == (2042826.0, "contract", "Companies House")


def test_the_sample_register_carries_the_notices_with_their_source(sample_store, geography):
    # Issue 16 item 2 changed this: two notices are confirmed by a person (with the reason in
    # data/sample/contracts_confirmations.csv), one of them a notice that names no buyer, so 22.
    snapshot = SnapshotProvider(sample_store, geography).current()
    assert len(snapshot.contracts) == 22
    assert all(c.source_url.startswith("https://") for c in snapshot.contracts)
    matched = {c.ocid: c.service_id for c in snapshot.contracts if c.service_id}
    assert matched == {PAN_LONDON_SV: PAN_LONDON_SV_SERVICE, VICTIM_WITNESS: "svc-london-victim-witness-service"}
    assert all(c.match == "confirmed by a person" for c in snapshot.contracts if c.service_id)
    lvws = next(c for c in snapshot.contracts if c.ocid == VICTIM_WITNESS)
    assert lvws.buyer_name == ocds.UNNAMED_BUYER and lvws.value_gbp is None  # nothing filled in
    sv = service_contracts(snapshot, PAN_LONDON_SV_SERVICE)[0]
    assert (sv.value_gbp, sv.value_basis, sv.start_date, sv.end_date) == (
        65387492.0, "tender", dt.date(2025, 5, 1), dt.date(2032, 3, 31))


def test_every_sample_confirmation_gives_its_reason_and_source():
    import csv

    with SAMPLE_CONFIRMATIONS.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(len(r["reason"]) > 80 and r["source_url"].startswith("https://") for r in rows)
    assert {r["decision"] for r in rows} == {"yes", "no"}


def test_a_notice_naming_no_buyer_is_kept_only_when_a_person_confirmed_it():
    contracts, _problems, notes = ocds.to_contracts(NOTICES, "p", vouched={VICTIM_WITNESS})
    assert len(contracts) == 22 and "7 contracting processes" in notes[0] and VICTIM_WITNESS in notes[1]
    other = copy.deepcopy(NOTICES)
    release = next(r for r in other["releases"] if r["ocid"] == VICTIM_WITNESS)
    release["buyer"] = {"id": "GB-X", "name": "Metropolitan Police Service"}  # a named other buyer: never kept
    assert VICTIM_WITNESS not in {c["ocid"] for c in ocds.to_contracts(other, "p", vouched={VICTIM_WITNESS})[0]}


def test_an_uncertain_match_blocks_the_publish_until_a_person_decides(sample_store, tmp_path):
    before = sample_store.current_versions()["contracts"]
    result = ingest_path(sample_store, "contracts", PACKAGE)
    assert not result.published
    (problem,) = result.report.errors
    # Issue 16: the register now holds the service this notice is for, proposed by its title (never certain).
    assert (problem.row, problem.field, problem.value) == (1, "service_id", PAN_LONDON_SV_SERVICE)
    assert "uncertain match" in problem.rule and "--confirmations" in problem.rule
    assert sample_store.current_versions()["contracts"] == before
    decided = tmp_path / "decided.csv"
    decided.write_text(REJECT, encoding="utf-8")
    assert ingest_path(sample_store, "contracts", PACKAGE, confirmations=decided).published


@pytest.mark.parametrize(
    "change, row, field, rule",
    [
        (lambda p: p["releases"][2].pop("date"), 3, "releases/2", "'date' is a required property"),
        (lambda p: p["releases"][0]["tender"]["value"].update(amount="lots"), 1, "releases/0/tender/value/amount",
         "is not of type"),
        (lambda p: p["releases"][0].update(tag="tender"), 1, "releases/0/tag", "is not of type 'array'"),
        (lambda p: p.pop("version"), 0, "(package)", "'version' is a required property"),
    ],
)
def test_a_bad_package_gets_a_row_field_value_rule_report_and_publishes_nothing(env, tmp_path, capsys, change, row, field, rule):
    bad = copy.deepcopy(NOTICES)
    change(bad)
    before = current(env)
    assert main(["ingest", "contracts", str(write(tmp_path, bad)), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert any(p["row"] == row and p["field"] == field and rule in p["rule"] for p in problems), problems
    assert current(env) == before


def test_a_matched_contract_shows_on_its_service_page_with_the_notice_and_counts_once(env, tmp_path, capsys):
    from explorer.app import create_app

    path = write(tmp_path, package(ADVANCE, VARIATION, OTHER_BUYER))
    assert main(["ingest", "contracts", str(path), "--dry-run"]) == 0
    assert "dry run, nothing published" in capsys.readouterr().out
    assert main(["ingest", "contracts", str(path)]) == 0
    assert "2 contracts whose buyer is MOPAC or the GLA; 2 matched" in capsys.readouterr().out
    app = create_app(env)
    snapshot = app.server.config["EXPLORER_PROVIDER"].current()
    found = service_contracts(snapshot, "svc-advance-female-offender-service")
    assert [c.ocid for c in headline_contracts(found)] == ["ocds-h6vhtk-test01"]
    assert {c.parent_ocid for c in found} == {None, "ocds-h6vhtk-test01"}
    assert found[0].ocid == "ocds-h6vhtk-test01" and found[0].supplier_scheme == "Charity Commission (England and Wales)"
    assert coverage(snapshot).funded >= 1 and "have published funding" in coverage(snapshot).sentence

    from callbacks.router import PageContext, render_page

    page = str(render_page(app.server.config["EXPLORER_PROVIDER"], "/service/svc-advance-female-offender-service",
                           "", PageContext()))
    assert "Published contracts" in page and "£250,000" in page and NOTICE_URL in page
    assert formatting.date(dt.date(2026, 4, 1)) in page and formatting.date(dt.date(2028, 3, 31)) in page
    data_page = str(render_page(app.server.config["EXPLORER_PROVIDER"], "/data", "", PageContext()))
    assert "services have published funding;" in data_page


def test_a_record_package_reads_like_its_compiled_release(tmp_path, sample_store):
    records = {"version": "1.1", "uri": "https://example.org/r.json", "publishedDate": "2026-01-10T10:00:00Z",
               "records": [{"ocid": ADVANCE["ocid"], "compiledRelease": ADVANCE}]}
    result = ingest_path(sample_store, "contracts", write(tmp_path, records), dry_run=True)
    assert result.report.ok and result.format == "ocds", [p.as_text() for p in result.report.errors]


def test_matching_by_identifier_comes_before_names():
    contract = {"ocid": "x", "supplier_id": "GB-CHC-01080235", "supplier_name": "Someone else", "title": "Anything"}
    orgs = [{"id": "org-a", "name": "Advance", "charity_number": "1080235"}, {"id": "org-b", "name": "Someone else"}]
    services = [{"id": "svc-a", "name": "A", "organization_id": "org-a"}, {"id": "svc-b", "name": "B", "organization_id": "org-b"}]
    proposal = matching.propose(contract, services, orgs)
    assert proposal == matching.Proposal("svc-a", "supplier's charity number 01080235", True)
    rows = [dict(contract)]
    assert matching.match_contracts(rows, services, orgs, {}, "f") == [] and rows[0]["service_id"] == "svc-a"
    assert matching.propose({"ocid": "y", "title": "Nothing like it"}, services, orgs) is None


def test_a_bad_confirmations_file_is_reported(sample_store, tmp_path):
    decided = tmp_path / "decided.csv"
    decided.write_text(f"ocid,service_id,decision\n{PAN_LONDON_SV},svc-x,maybe\n", encoding="utf-8")
    result = ingest_path(sample_store, "contracts", PACKAGE, confirmations=decided)
    assert any(p.field == "decision" and p.value == "maybe" and p.rule == "must be yes or no" for p in result.report.errors)


@pytest.fixture()
def env(sample_settings, monkeypatch):
    monkeypatch.setenv("EXPLORER_DATABASE_URL", sample_settings.database_url)
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(sample_settings.data_dir))
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(sample_settings.cache_dir))
    return sample_settings


def current(settings):
    store = Store.open(settings.store_url)
    try:
        return store.current_versions().get("contracts")
    finally:
        store.dispose()
