"""Evaluations reach borough directories and researchers: the API's extension object and the services CSV."""

from __future__ import annotations

import csv
import io

from explorer.services.oruk import EXTENSION, oruk_id


def test_a_service_record_carries_its_evaluations_in_the_extension(client, provider):
    snapshot = provider.current()
    body = client.get(f"/api/v1/services/{oruk_id('service', 'svc-divert')}").get_json()
    evaluations = body[EXTENSION]["evaluations"]
    assert [e["id"] for e in evaluations] == ["eval-divert-natcen-2021", "eval-divert-mopac-impact"]
    natcen = evaluations[0]
    assert natcen["status"] == "published" and natcen["published"] == "2021-07"
    assert natcen["design_level"] == "quasi-experimental" and natcen["design_strength"] == 4
    assert natcen["source_urls"][0].startswith("https://natcen.ac.uk/")
    assert evaluations[1]["status"] == "planned" and evaluations[1]["due"] == "2025"
    assert snapshot.service("svc-divert") is not None


def test_a_service_without_evaluations_has_an_empty_list(client):
    body = client.get(f"/api/v1/services/{oruk_id('service', 'svc-robbery-response-brent')}").get_json()
    assert body[EXTENSION]["evaluations"] == []


def test_the_services_csv_has_an_evidence_column(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/exports/services.csv").get_data().decode("utf-8-sig"))))
    by_id = {r["id"]: r for r in rows}
    divert = by_id["svc-divert"]["evidence"]
    assert divert.startswith("published (2021-07): In the first six months participants were re-arrested more often")
    assert "[https://natcen.ac.uk/" in divert and " | planned (2025): " in divert
    assert by_id["svc-robbery-response-brent"]["evidence"] == ""
