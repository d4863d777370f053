"""Integration tests: API responses against the official Open Referral UK schemas and our OpenAPI document."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.integration.api.conftest import all_pages


def _errors(validator, instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)][:10]


def test_every_services_page_item_validates_against_the_profile(client, oruk_schema):
    validator = oruk_schema("compiled/service_list.json")
    items = all_pages(client, "/api/v1/services")
    assert len(items) > 50
    for item in items:
        assert _errors(validator, item) == [], item["name"]


def test_every_full_service_validates_against_the_profile(client, provider, oruk_schema):
    validator = oruk_schema("compiled/service.json")
    for service in provider.current().services:
        body = client.get(f"/api/v1/services/{service.id}").get_json()
        assert _errors(validator, body) == [], service.id


def test_service_at_locations_validate_against_the_profile(client, oruk_schema):
    listed = oruk_schema("compiled/service_at_location_list.json")
    full = oruk_schema("compiled/service_at_location.json")
    items = all_pages(client, "/api/v1/service_at_locations")
    assert items
    for item in items:
        assert _errors(listed, item) == []
    body = client.get(f"/api/v1/service_at_locations/{items[0]['id']}").get_json()
    assert _errors(full, body) == []


def test_taxonomy_records_validate_against_the_profile(client, oruk_schema):
    term = oruk_schema("taxonomy_term.json")
    taxonomy = oruk_schema("taxonomy.json")
    for item in all_pages(client, "/api/v1/taxonomy_terms"):
        assert _errors(term, item) == []
    for item in all_pages(client, "/api/v1/taxonomies"):
        assert _errors(taxonomy, item) == []


def test_the_openapi_document_describes_every_api_route(api_app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    described = {"/api/v1" + path for path in document["paths"]}
    routes = {
        rule.rule.replace("<service_id>", "{id}").replace("<pair_id>", "{id}").replace("<taxonomy_id>", "{id}").replace("<term_id>", "{id}")
        for rule in api_app.server.url_map.iter_rules()
        if rule.rule.startswith("/api/v1") and "<path:rest>" not in rule.rule
    }
    routes = {r for r in routes if "<name>" not in r} | {
        "/api/v1/exports/" + name for name in ("services.csv", "services.geojson", "grants.json", "grants.csv", "opportunities.csv")
    }
    assert routes == described


# -- every response against our OpenAPI document (schemathesis) -----------------------------------

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def openapi_schema(api_app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", api_app.server)


OPERATIONS = [
    "/", "/services", "/services/{id}", "/service_at_locations", "/service_at_locations/{id}", "/taxonomies",
    "/taxonomies/{id}", "/taxonomy_terms", "/taxonomy_terms/{id}", "/openapi.json", "/exports/services.csv",
    "/exports/services.geojson", "/exports/grants.json", "/exports/grants.csv", "/exports/opportunities.csv",
]


#: Operations with query parameters that can be given invalid values.
WITH_PARAMETERS = ["/services", "/service_at_locations", "/taxonomies", "/taxonomy_terms", "/exports/services.csv", "/exports/services.geojson"]


@pytest.mark.parametrize(
    "path, mode",
    [(p, GenerationMode.POSITIVE) for p in OPERATIONS] + [(p, GenerationMode.NEGATIVE) for p in WITH_PARAMETERS],
)
def test_every_response_matches_the_openapi_document(openapi_schema, path, mode):
    """Generated requests (valid and invalid) to each operation get documented, schema-valid answers."""
    operation = openapi_schema[path]["GET"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case):
        # The WSGI client does not decompress; Flask-Compress is tested by its own project.
        case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})

    check()
