"""API layer: the OpenAPI 3.1 document of ``/api/v1`` (every endpoint, parameter and response).

The record schemas are generated from the response models in ``explorer/api/models.py`` (a field
is declared there once); they are closed (``additionalProperties: false``) so that the test that
checks every response against this document also catches a field added to the API but not declared.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from explorer.api import models
from explorer.services import oruk

_STR = {"type": "string"}
#: One London borough code as the API reads it (any case), and a comma-separated list of them
#: (blank parts and spaces around the commas are ignored, as the API ignores them).
_CODE = r"[Ee]090000(0[1-9]|[12][0-9]|3[0-3])"
BOROUGH_LIST_PATTERN = rf"^[ \t,]*({_CODE}([ \t]*,[ \t,]*{_CODE})*)?[ \t,]*$"
_REF = "#/components/schemas/{model}"


def _ref(name: str) -> dict:
    return {"$ref": _REF.format(model=name)}


def _schemas() -> dict:
    """Every response model's JSON Schema (2020-12, as OpenAPI 3.1 reads it), named as the models are."""
    out: dict[str, dict] = {}
    for model in models.RESPONSES:
        schema = TypeAdapter(model).json_schema(ref_template=_REF)
        out.update(schema.pop("$defs", {}))
        out[model.__name__] = schema
    return {name: _untitled(schema) for name, schema in sorted(out.items())}


def _untitled(schema: Any) -> Any:
    """The schema without pydantic's generated ``title`` keywords (the names say it; a property may be called title)."""
    if isinstance(schema, list):
        return [_untitled(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    return {
        key: ({name: _untitled(s) for name, s in value.items()} if key == "properties" else _untitled(value))
        for key, value in schema.items()
        if key != "title"
    }


_CACHE_HEADERS = {
    "ETag": {"description": "Changes with the published version.", "schema": _STR},
    "Last-Modified": {"description": "When the current version was published.", "schema": _STR},
}


def _ok(schema: dict, media: str = "application/json", description: str = "OK") -> dict:
    return {
        "200": {"description": description, "headers": _CACHE_HEADERS, "content": {media: {"schema": schema}}},
        "304": {"description": "Not modified since the copy the client holds (If-None-Match / If-Modified-Since)."},
    }


_ERROR = {"content": {"application/json": {"schema": _ref("Error")}}}
_BAD = {"400": {"description": "A parameter is not valid.", **_ERROR}}
_MISSING = {"404": {"description": "No such record.", **_ERROR}}


_LON = r"-?(?:180(?:\.0+)?|1[0-7][0-9](?:\.[0-9]+)?|[0-9]{1,2}(?:\.[0-9]+)?)"
_LAT = r"-?(?:90(?:\.0+)?|[0-8]?[0-9](?:\.[0-9]+)?)"
#: A map view's bbox: west,south,east,north, each within the range of its kind.
BBOX_PATTERN = rf"^[ \t]*{_LON}[ \t]*,[ \t]*{_LAT}[ \t]*,[ \t]*{_LON}[ \t]*,[ \t]*{_LAT}[ \t]*$"


def _parameters() -> dict:
    return {
        "search": {"name": "search", "in": "query", "description": "Topic and place, as typed in the explorer's search box (for example `domestic abuse Peckham`); results come in the page's order.", "schema": {"type": "string", "maxLength": 500}},
        "page": {"name": "page", "in": "query", "description": "Page number, from 1.", "schema": {"type": "integer", "minimum": 1, "default": 1}},
        "per_page": {"name": "per_page", "in": "query", "description": f"Entities per page (default {oruk.DEFAULT_PER_PAGE}); values above {oruk.MAX_PER_PAGE} are served as {oruk.MAX_PER_PAGE}.", "schema": {"type": "integer", "minimum": 1, "default": oruk.DEFAULT_PER_PAGE}},
        "taxonomy_term_id": {"name": "taxonomy_term_id", "in": "query", "description": "Services in this service area (a taxonomy term's id or code; several separated by commas match any).", "schema": {"type": "string"}},
        "borough": {"name": "borough", "in": "query", "description": "Services covering this London borough (ONS code E09000001 to E09000033; several separated by commas match any).", "schema": {"type": "string", "pattern": BOROUGH_LIST_PATTERN}},
        "postcode": {"name": "postcode", "in": "query", "description": "A London postcode, sector (`SE15 4`) or district (`SE15`): services covering its borough or within 3 km, nearest first, as the page searches.", "schema": {"type": "string"}},
        "proximity": {"name": "proximity", "in": "query", "description": "Only services with a public delivery point within this many metres of `postcode`, which it needs: without `postcode` the answer is a 400.", "schema": {"type": "number", "minimum": 1, "maximum": 50000}},
        "minimum_age": {"name": "minimum_age", "in": "query", "description": "Services whose minimum age is at least this value (a service without one counts as 0).", "schema": {"type": "number", "minimum": 0, "maximum": 120}},
        "maximum_age": {"name": "maximum_age", "in": "query", "description": "Services whose maximum age is at most this value (services without one are left out).", "schema": {"type": "number", "minimum": 0, "maximum": 120}},
        "modified_after": {"name": "modified_after", "in": "query", "description": "Services modified on or after this date (2026-01-31) or date-time (RFC 3339: 2026-01-31T09:00:00Z).", "schema": {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}]}},
        "ended": {"name": "ended", "in": "query", "description": "`include` adds services that have ended (marked `status: inactive`); by default only active services are listed.", "schema": {"type": "string", "enum": ["include", "exclude"]}},
        "export_borough": {"name": "borough", "in": "query", "description": "Only services covering this borough (ONS code).", "schema": {"type": "string", "pattern": rf"^[ \t]*({_CODE})?[ \t]*$"}},
    }


def _p(*names: str) -> list[dict]:
    return [{"$ref": f"#/components/parameters/{n}"} for n in names]


def _id(description: str) -> list[dict]:
    return [{"name": "id", "in": "path", "required": True, "description": description, "schema": {"type": "string"}}]


def openapi_document(base_url: str = "") -> dict:
    """The OpenAPI document, with the server's address when known."""
    filters = _p("search", "page", "per_page", "taxonomy_term_id", "borough", "postcode", "proximity", "minimum_age", "maximum_age", "modified_after", "ended")
    csv = {"type": "string"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "London commissioned services: Open Referral UK API",
            "version": "1.0.0",
            "description": (
                "The services commissioned by the Mayor's Office for Policing and Crime (MOPAC) and the London "
                "Violence Reduction Unit (VRU), in the Open Referral UK profile of HSDS 3.0, with downloads. "
                f"Commissioning facts are in the `{oruk.EXTENSION}` extension. Records flagged `illustrative` hold "
                "sample values, not published figures. A service with a confidential location never has a location "
                "or coordinates."
            ),
        },
        "servers": [{"url": f"{base_url}/api/v1"}],
        "paths": {
            "/": {"get": {"operationId": "getAPIMetaInformation", "summary": "The HSDS version and profile of this API.", "responses": _ok(_ref("Meta"))}},
            "/services": {"get": {"operationId": "getPaginatedListOfServices", "summary": "A page of services.", "parameters": filters, "responses": {**_ok(_ref("ServicePage")), **_BAD}}},
            "/services/{id}": {"get": {"operationId": "getFullyNestedServiceById", "summary": "One service, fully nested.", "parameters": _id("The service's id (UUID, or the register's id)."), "responses": {**_ok(_ref("Service")), **_MISSING}}},
            "/service_at_locations": {"get": {"operationId": "getPaginatedListOfServiceAtLocation", "summary": "A page of services at their public delivery points.", "parameters": filters, "responses": {**_ok(_ref("ServiceAtLocationPage")), **_BAD}}},
            "/service_at_locations/{id}": {"get": {"operationId": "getServiceAtLocationWithNestedDataById", "summary": "One service at one delivery point.", "parameters": _id("The service at location's id."), "responses": {**_ok(_ref("ServiceAtLocation")), **_MISSING}}},
            "/taxonomies": {"get": {"operationId": "getPaginatedListOfTaxonomies", "summary": "A page of taxonomies (there is one).", "parameters": _p("page", "per_page"), "responses": {**_ok(_ref("TaxonomyPage")), **_BAD}}},
            "/taxonomies/{id}": {"get": {"operationId": "getTaxonomyById", "summary": "The taxonomy with its terms.", "parameters": _id("The taxonomy's id."), "responses": {**_ok(_ref("TaxonomyWithTerms")), **_MISSING}}},
            "/taxonomy_terms": {"get": {"operationId": "getPaginatedListOfTaxonomyTerms", "summary": "A page of the service areas.", "parameters": _p("page", "per_page"), "responses": {**_ok(_ref("TaxonomyTermPage")), **_BAD}}},
            "/taxonomy_terms/{id}": {"get": {"operationId": "getTaxonomyTermById", "summary": "One service area.", "parameters": _id("The term's id (UUID, or its code)."), "responses": {**_ok(_ref("TaxonomyTerm")), **_MISSING}}},
            "/openapi.json": {"get": {"operationId": "getOpenAPI", "summary": "This document.", "responses": _ok({"type": "object"})}},
            "/exports/services.csv": {"get": {"operationId": "exportServicesCsv", "summary": "Services as CSV (one row per service; sample values flagged in `illustrative`).", "parameters": _p("export_borough"), "responses": {**_ok(csv, "text/csv"), **_BAD}}},
            "/exports/services.geojson": {"get": {"operationId": "exportServicesGeojson", "summary": "Services' public delivery points as GeoJSON (confidential services have no geometry).", "parameters": _p("export_borough"), "responses": {**_ok(_ref("FeatureCollection"), "application/geo+json"), **_BAD}}},
            "/map": {"get": {"operationId": "getMapView", "summary": "The explorer map's clusters and public delivery points for one view (bounds and zoom) and search; confidential services are never included.", "parameters": [
                {"name": "bbox", "in": "query", "required": True, "description": "The view: west,south,east,north in degrees (WGS84); two opposite corners in either order.", "schema": {"type": "string", "pattern": BBOX_PATTERN}},
                {"name": "zoom", "in": "query", "required": True, "description": "The map's zoom level, 0 to 19 (clusters are built for it).", "schema": {"type": "number", "minimum": 0, "maximum": 19}},
                {"name": "q", "in": "query", "description": "The explorer's search (topic and place); the place centres the page's map but does not limit the points.", "schema": {"type": "string", "maxLength": 500}},
                {"name": "borough", "in": "query", "description": "Services covering these boroughs (ONS codes, comma separated).", "schema": {"type": "string"}},
                {"name": "area", "in": "query", "description": "Services in these service areas (ids, comma separated).", "schema": {"type": "string"}},
                {"name": "commissioner", "in": "query", "description": "Services paid for by these commissioners (codes, comma separated).", "schema": {"type": "string"}},
                {"name": "age", "in": "query", "description": "An age group of the explorer's filter.", "schema": {"type": "string"}},
                {"name": "access", "in": "query", "description": "How to get help: self-referral or professional-referral.", "schema": {"type": "string"}},
            ], "responses": {**_ok(_ref("FeatureCollection"), "application/json"), **_BAD}}},
            "/exports/grants.json": {"get": {"operationId": "exportGrants360Json", "summary": "Grants and contracts in the 360Giving Data Standard (JSON).", "responses": _ok(_ref("GrantPackage"))}},
            "/exports/grants.csv": {"get": {"operationId": "exportGrants360Csv", "summary": "Grants and contracts in the 360Giving Data Standard (spreadsheet columns).", "responses": _ok(csv, "text/csv")}},
            "/exports/opportunities.csv": {"get": {"operationId": "exportOpportunitiesCsv", "summary": "Funding opportunities as CSV.", "responses": _ok(csv, "text/csv")}},
        },
        "components": {"schemas": _schemas(), "parameters": _parameters()},
    }
