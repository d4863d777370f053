"""The bundled register's facts: sources on every row, totals that reconcile with what was published.

These read ``data/sample/`` through the register's own record types (no store), and compare it
with the published MOPAC and VRU funding facts copied into ``tests/data/`` (see PROVENANCE.md).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from explorer.domain import records, totals
from explorer.ingest.validate import TABLES
from explorer.settings import ROOT

SAMPLE = ROOT / "data" / "sample"
FACTS = ROOT / "tests" / "data" / "mopac_vru_funding_facts.csv"
#: Files whose rows may leave ``source_url`` blank and inherit it from the service they link.
INHERITS_FROM_SERVICE = {"service_areas.csv", "service_taxonomy.csv", "service_at_location.csv"}
#: Files that are not register tables but authored tables read as they are.
#: contracts_confirmations.csv is a person's decisions on uncertain contract matches (read with
#: contracts.json, an OCDS package); each decision names the notice it rests on.
AUTHORED = {"published_outcomes.csv", "contracts_confirmations.csv"}


def rows(name: str) -> list[dict[str, str]]:
    with open(SAMPLE / name, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def facts() -> dict[str, dict[str, str]]:
    with open(FACTS, newline="", encoding="utf-8") as stream:
        return {r["fact_id"]: r for r in csv.DictReader(stream)}


@pytest.fixture(scope="module")
def services() -> dict[str, records.Service]:
    return {r["id"]: records.Service.model_validate(r) for r in rows("services.csv")}


def test_every_file_is_a_register_table_or_an_authored_one():
    known = {file for file, _model, _keys in TABLES.values()} | AUTHORED
    on_disk = {p.name for p in SAMPLE.glob("*.csv")}
    assert on_disk - known == set()


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLE.glob("*.csv")))
def test_every_row_has_a_source_or_inherits_its_services(name, services):
    table = rows(name)
    assert table, name
    assert "source_url" in table[0], f"{name} has no source_url column"
    for number, row in enumerate(table, start=2):
        if row["source_url"].strip():
            assert records.check_url(row["source_url"].strip())
            continue
        assert name in INHERITS_FROM_SERVICE, f"{name} row {number}: no source_url"
        assert services[row["service_id"]].source_url, f"{name} row {number}: its service has no source"


def test_the_readme_says_which_rows_inherit():
    readme = (SAMPLE / "README.md").read_text(encoding="utf-8")
    for name in INHERITS_FROM_SERVICE:
        assert name in readme


# -- totals reconcile with the published figures ------------------------------------------------

#: fact id -> the services whose contract values make up that published figure.
RECONCILED = {
    "F026": lambda s: s.programme == "VRU Robbery Response",  # £3m for 2024/25 and 2025/26
    "F046": lambda s: s.id.startswith("svc-ylf-havering-"),  # five Havering YLF grants
    "F021": lambda s: s.programme == "Safer Streets Fund round 5",
    "F018": lambda s: s.id in {"svc-london-victim-witness-service", "svc-london-restorative-justice"},
    "F006": lambda s: s.id == "svc-advance-female-offender-service",
    "F039": lambda s: s.id == "svc-london-survivors-gateway",
    "F017": lambda s: s.id == "svc-lvws-2019-2021",
}


@pytest.mark.parametrize("fact_id", sorted(RECONCILED))
def test_programme_totals_reconcile_with_the_published_figure(fact_id, services):
    fact = facts()[fact_id]
    chosen = [s for s in services.values() if RECONCILED[fact_id](s)]
    assert chosen, fact_id
    assert totals.contract_total(chosen) == pytest.approx(float(fact["value_gbp"]), abs=1.0), (
        fact["programme"], fact["detail"])


def test_a_variation_is_never_counted_twice(services):
    rj = services["svc-london-restorative-justice"]
    assert rj.variation_of == "svc-london-victim-witness-service" and rj.contract_value_gbp == 400_000
    everything = totals.contract_total(services.values())
    assert everything == pytest.approx(sum(s.contract_value_gbp or 0 for s in services.values()) - 400_000)
    assert totals.programme_totals(services.values())["Victims' services"] == pytest.approx(41_860_000 + 15_353_600)


def test_the_rape_crisis_centres_published_annual_figure_is_given(services):
    fact = facts()["F036"]
    centres = [s for s in services.values() if s.programme == "London Rape Crisis Centres"]
    assert len(centres) == 4
    assert all("£1,260,000 a year" in (s.description or "") for s in centres), fact["detail"]
    outcome = [r for r in rows("published_outcomes.csv") if r["programme"].startswith("London Rape Crisis Centres")]
    assert outcome and float(outcome[0]["invested_gbp"]) == float(fact["value_gbp"])


# -- the faults the audit found, fixed at their cause -------------------------------------------


def test_commissioners_are_data_and_every_service_names_known_ones(services):
    codes = {r["code"] for r in rows("commissioners.csv")}
    assert {"MOPAC", "VRU", "GLA", "Home Office"} <= codes
    for s in services.values():
        assert set(s.commissioner) <= codes and (s.funder_of_record or "MOPAC") in codes, s.id


def test_young_londoners_fund_grants_are_the_glas_as_published(services):
    published = facts()["F044"]["commissioner"]
    assert published.startswith("GLA")
    ylf = [s for s in services.values() if s.programme == "Young Londoners Fund"]
    assert ylf and all(s.commissioner == ("GLA",) for s in ylf)
    opportunities = [r for r in rows("opportunities.csv") if r["programme"] == "Young Londoners Fund"]
    assert opportunities and {r["funder"] for r in opportunities} == {"GLA"}


def test_an_ended_service_is_inactive_with_its_end_date_and_no_figures_after_it(services):
    gateway = services["svc-london-survivors-gateway"]
    assert (gateway.status, gateway.start_date, gateway.end_date) == ("inactive", dt.date(2020, 4, 1), dt.date(2021, 9, 30))
    measure_service = {m["id"]: m["service_id"] for m in rows("measures.csv")}
    for name, key in (("measure_values.csv", "measure_id"), ("spend.csv", "service_id"), ("reach.csv", "service_id")):
        for row in rows(name):
            service = services[measure_service[row[key]] if key == "measure_id" else row[key]]
            year, quarter = row["period"].split("-Q")
            starts = dt.date(int(year), 3 * int(quarter) - 2, 1)
            assert service.end_date is None or starts <= service.end_date, (name, row)


def test_coverage_has_dates_where_it_changed():
    advance = [r for r in rows("service_areas.csv") if r["service_id"] == "svc-advance-female-offender-service"]
    assert len(advance) == 33 and {r["from_date"] for r in advance} == {"2021-06-01"}
    for row in rows("service_areas.csv"):
        records.ServiceArea.model_validate(row)


def test_no_invented_city_of_london_lcpf_service(services):
    # The LCPF page says the City is not in the fund, so no LCPF service covers only the City.
    lcpf = {s.id for s in services.values() if s.funding_stream == "LCPF"}
    city = {r["service_id"] for r in rows("service_areas.csv") if r["borough_code"] == "E09000001"}
    only_city = {sid for sid in city if sum(r["service_id"] == sid for r in rows("service_areas.csv")) == 1}
    assert not (lcpf & only_city)
    assert "svc-lcpf-city-of-london" not in services


def test_one_pot_per_opportunity_round():
    seen: dict[tuple[str, str, str], str] = {}
    for row in rows("opportunities.csv"):
        if not row["total_pot_gbp"]:
            continue
        key = (row["programme"], row["closes"], row["total_pot_gbp"])
        assert key not in seen, f"{row['id']} repeats the pot of {seen[key]}"
        seen[key] = row["id"]
