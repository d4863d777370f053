"""The bundled register holds every row of the shared evaluations table, linked to its programme's services.

``tests/data/programme_evaluations.csv`` is a verbatim copy of the project's shared table (see
tests/data/PROVENANCE.md); the register's own ``data/sample/evaluations.csv`` adds ids, service
links, the design step and due dates. These tests check the two agree, row for row.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from explorer.ingest import registry
from explorer.ingest.publish import ingest_path
from explorer.layout.evidence import build_service_evidence
from explorer.services.evidence import programme_evidence, service_evidence
from explorer.services import performance as perf
from explorer.services.snapshot import SnapshotProvider

SHARED = Path(__file__).resolve().parents[2] / "data" / "programme_evaluations.csv"
TODAY = dt.date(2026, 11, 29)


@pytest.fixture()
def snapshot(sample_store, geography):
    return SnapshotProvider(sample_store, geography).current()


def shared_rows() -> list[dict]:
    with SHARED.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_row_of_the_shared_table_is_in_the_register_linked_to_services(snapshot):
    rows = shared_rows()
    assert len(rows) == 21
    # 18 programmes: DIVERT's two rows spell it "DIVERT" and "Divert".
    assert len({r["programme"].split(" (")[0].lower() for r in rows}) == 18
    assert sum(r["status"] == "published" for r in rows) == 12
    assert sum(r["status"] == "planned" for r in rows) == 9
    assert len(snapshot.evaluations) == len(rows)
    for row in rows:
        matches = [
            e for e in snapshot.evaluations
            if e.programme == row["programme"] and e.finding_summary == row["finding_summary"]
        ]
        assert len(matches) == 1, row["programme"]
        (e,) = matches
        assert (e.evaluator or "", e.published or "", e.status, e.effect_figure or "") == (
            row["evaluator"], row["published"], row["status"], row["effect_figure"]
        )
        assert ";".join(e.source_url) == row["source_url"]
        assert e.service_ids, e.id
        for service_id in e.service_ids:
            service = snapshot.service(service_id)
            assert service is not None, (e.id, service_id)
            assert e in snapshot.evaluations_for(service_id)


def test_every_finding_has_a_source_and_only_one_cost_per_participant_is_published(snapshot):
    for e in snapshot.evaluations:
        assert e.finding_summary.strip() and e.source_url, e.id
        assert all(url.startswith(("http://", "https://")) for url in e.source_url)
    costs = {e.id: e.cost_per_participant_gbp for e in snapshot.evaluations if e.cost_per_participant_gbp}
    assert costs == {"eval-womens-diversion-advance-2021": 2126}


def test_programmes_the_register_lacked_became_services_from_published_facts(snapshot):
    divert = snapshot.service("svc-divert")
    engage = snapshot.service("svc-engage")
    assert divert.provider_name == "Bounce Back Project" and (divert.minimum_age, divert.maximum_age) == (18, 25)
    assert "E09000022" in divert.borough_codes  # Brixton custody suite, Lambeth
    assert divert.start_date is None  # "created in 2015" is not a date: it stays in the description
    assert engage.minimum_age == 10 and "E09000001" not in engage.borough_codes
    assert not divert.illustrative and divert.source_url.startswith("https://")


def test_a_divert_page_shows_the_natcen_finding_first_and_the_overdue_impact_study(snapshot):
    view = service_evidence(snapshot, snapshot.service("svc-divert"), TODAY)
    first, second = view.items
    assert first.id == "eval-divert-natcen-2021" and first.when == "Published July 2021"
    assert "no difference" in first.finding and first.strength == "4 of 5: Quasi-experimental"
    assert first.sources[0].startswith("https://natcen.ac.uk/")
    assert second.state == "overdue" and second.when.startswith("Overdue: due 2025")
    # The same study was merely planned before its due year ended.
    assert service_evidence(snapshot, snapshot.service("svc-divert"), dt.date(2025, 6, 1)).items[1].state == "planned"
    text = str(build_service_evidence(view))
    assert "What the evidence says" in text and "Randomised trial" in text  # the scale is explained on the page


def test_a_service_without_evidence_says_so_plainly(snapshot):
    service = snapshot.service("svc-robbery-response-brent")
    view = service_evidence(snapshot, service, TODAY)
    assert view.items == ()
    assert "No published or planned evaluation" in str(build_service_evidence(view))


def test_the_no_evaluation_filter_keeps_only_services_without_a_published_evaluation(snapshot):
    filters = perf.PortfolioFilters(commissioner="VRU", evidence="none")
    result = perf.portfolio(snapshot, filters, TODAY)
    ids = {r.service.id for r in result.rows}
    assert "svc-engage" in ids and "svc-robbery-response-brent" in ids
    assert "svc-divert" not in ids and "svc-your-choice" not in ids
    assert filters.to_search() == "?commissioner=VRU&evidence=none"
    assert perf.PortfolioFilters.from_query({"evidence": ["none"]}).evidence == "none"
    published = perf.portfolio(snapshot, perf.PortfolioFilters(evidence="published"), TODAY)
    assert {r.service.evidence for r in published.rows} == {"published"}


def test_the_dashboard_sets_each_programmes_money_beside_its_evidence(snapshot):
    result = perf.portfolio(snapshot, perf.PortfolioFilters(commissioner="VRU"), TODAY)
    summary = perf.reach_summary(snapshot, result.rows, perf.dashboard_window(result.period), result.index)
    rows = {p.programme: p for p in programme_evidence(snapshot, [r.service for r in result.rows],
                                                         summary.by_programme, TODAY)}
    assert rows["DIVERT"].evidence == "published"
    assert rows["Engage"].evidence == "planned"
    assert rows["VRU Robbery Response"].evidence == "none" and rows["VRU Robbery Response"].items == ()
    assert rows["VRU Robbery Response"].spend is not None and rows["VRU Robbery Response"].illustrative


def test_an_evaluation_naming_an_unknown_service_is_refused_and_nothing_changes(sample_store, postcode_lookup, tmp_path):
    source = Path(__file__).resolve().parents[3] / "data" / "sample" / "evaluations.csv"
    lines = source.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",svc-engage,", ",svc-engage;svc-no-such-service,")
    bad = tmp_path / "evaluations.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = sample_store.current_versions()
    result = ingest_path(sample_store, "evaluations", bad, postcode_lookup)
    assert result.version_id is None
    (problem,) = result.report.errors
    assert (problem.file, problem.row, problem.field, problem.value) == ("evaluations.csv", 4, "service_ids", "svc-no-such-service")
    assert "must match an id in services.csv" in problem.rule
    assert sample_store.current_versions() == before


def test_the_sample_evaluations_load_again_through_the_one_ingest(sample_store, postcode_lookup):
    source = Path(__file__).resolve().parents[3] / "data" / "sample" / "evaluations.csv"
    assert registry.choose("evaluations", source).name == "table"  # the one pipeline's own-tables format
    result = ingest_path(sample_store, "evaluations", source, postcode_lookup, dry_run=True)
    assert result.report.ok and result.report.row_counts == {"evaluation": 21}
