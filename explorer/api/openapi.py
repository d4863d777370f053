"""API layer: the OpenAPI 3.0 document of ``/api/v1`` (every endpoint, parameter and response).

The record schemas follow the Open Referral UK profile's field names and types; they are
closed (``additionalProperties: false``) so that the test that checks every response against
this document also catches a field added to the API but not described here.
"""

from __future__ import annotations

from typing import Any

from explorer.services import oruk
from explorer.domain.evidence import DESIGN_KEYS

_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
_UUID = {"type": "string", "format": "uuid"}
_NUM = {"type": "number"}
_NNUM = {"type": "number", "nullable": True}
_BOOL = {"type": "boolean"}
_DATE = {"type": "string", "format": "date"}
_NDATE = {"type": "string", "format": "date", "nullable": True}
_INT = {"type": "integer"}
#: One London borough code as the API reads it (any case), and a comma-separated list of them
#: (blank parts and spaces around the commas are ignored, as the API ignores them).
_CODE = r"[Ee]090000(0[1-9]|[12][0-9]|3[0-3])"
BOROUGH_LIST_PATTERN = rf"^[ \t,]*({_CODE}([ \t]*,[ \t,]*{_CODE})*)?[ \t,]*$"
#: The register's own id of an organization or a location, where the explorer wrote it.


def _obj(properties: dict, required: list[str], description: str = "") -> dict:
    out: dict[str, Any] = {"type": "object", "properties": properties, "required": required, "additionalProperties": False}
    if description:
        out["description"] = description
    return out


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _array(item: dict) -> dict:
    return {"type": "array", "items": item}


def _schemas() -> dict:
    commissioning = {
        "register_id": {**_STR, "description": "The service's id in the register (and in the explorer's addresses)."},
        # Codes from the register's commissioners table (MOPAC, VRU, GLA, Home Office ...): data, not a fixed list.
        "commissioners": _array({"type": "string", "description": "A commissioner code, such as MOPAC, VRU or GLA."}),
        "programme": _STR,
        "funding_stream": _NSTR,
        "contract_value_gbp": {**_NNUM, "description": "Published contract value in pounds; null when not published."},
        "contract_start_date": _NDATE,
        "contract_end_date": _NDATE,
        "access": {"type": "string", "enum": ["self-referral", "professional-referral", "both"]},
        "audience": {"type": "string", "enum": ["public", "victims-survivors", "people-who-harm", "children-young-people", "parents-families", "professionals"], "description": "Who the service is for."},
        "pan_london": _BOOL,
        "borough_codes": _array(_STR),
        "confidential_location": {**_BOOL, "description": "True: the service's location is never published."},
        "last_verified": {**_NDATE, "description": "When a person last checked the record."},
        "illustrative": {**_BOOL, "description": "True: some of the record's figures are sample values, not published facts."},
        "source_url": {**_STR, "format": "uri"},
        "explorer_url": {**_STR, "format": "uri"},
        "evaluations": {
            **_array(_ref("Evaluation")),
            "description": "Published and planned evaluations of the service's programme, facts as published.",
        },
    }
    performance = _obj(
        {
            "measure": _STR,
            "unit": _NSTR,
            "direction": {"type": "string", "enum": ["higher", "lower"]},
            "target": _NNUM,
            "period": _NSTR,
            "actual": _NNUM,
            "rag": {"type": "string", "enum": ["red", "amber", "green"], "nullable": True},
            "illustrative": _BOOL,
        },
        ["measure", "direction", "rag", "illustrative"],
    )
    summary_props = {
        "id": _UUID,
        "organization_id": _UUID,
        "name": _STR,
        "description": _STR,
        "url": {**_STR, "format": "uri"},
        "email": {**_STR, "format": "email"},
        "status": {"type": "string", "enum": ["active", "inactive", "defunct", "temporarily closed"]},
        "minimum_age": _NUM,
        "maximum_age": _NUM,
        "eligibility_description": _STR,
        "application_process": _STR,
        "assured_date": _DATE,
        "last_modified": {"type": "string", "format": "date-time"},
        "organization": _ref("Organization"),
        oruk.EXTENSION: _ref("Commissioning"),
    }
    summary_required = ["id", "organization_id", "name", "status", "last_modified", "organization", oruk.EXTENSION]
    full_props = {
        **summary_props,
        "service_areas": _array(_ref("ServiceArea")),
        "service_at_locations": _array(_ref("ServiceAtLocationNested")),
        "attributes": _array(_ref("Attribute")),
        "phones": _array(_obj({"id": _UUID, "service_id": _UUID, "number": _STR}, ["id", "number"])),
        "funding": _array(_obj({"id": _UUID, "service_id": _UUID, "source": _STR}, ["id"])),
        oruk.EXTENSION: _ref("CommissioningWithPerformance"),
    }
    register_id = _obj(
        {"register_id": {**_STR, "description": "The record's id in the register, so the explorer can load its own output back."}},
        ["register_id"],
        "Extension: the register's own id of the record.",
    )
    location_props = {
        oruk.EXTENSION: register_id,
        "id": _UUID,
        "location_type": {"type": "string", "enum": ["physical", "postal", "virtual"]},
        "name": _STR,
        "latitude": _NUM,
        "longitude": _NUM,
    }
    term = _obj(
        {
            "id": _UUID,
            "code": _STR,
            "name": _STR,
            "description": _STR,
            "taxonomy": _STR,
            "taxonomy_id": _UUID,
            oruk.EXTENSION: _obj({"register_id": _STR, "synonyms": _array(_STR)}, ["register_id", "synonyms"]),
        },
        ["id", "name", "description"],
    )
    taxonomy_props = {"id": _UUID, "name": _STR, "description": _STR, "version": _STR}
    return {
        "Error": _obj(
            {"error": _STR, "message": _STR, "parameter": _STR},
            ["error", "message"],
            "What was wrong with the request; `parameter` names the query parameter at fault.",
        ),
        "Meta": _obj(
            {"version": _STR, "profile": {**_STR, "format": "uri"}, "openapi_url": {**_STR, "format": "uri"}},
            ["version", "profile", "openapi_url"],
        ),
        "Commissioning": _obj(
            commissioning,
            list(commissioning),
            "Extension: the commissioning facts of a service (not part of the Open Referral UK profile).",
        ),
        "CommissioningWithPerformance": _obj(
            {**commissioning, "performance": _array(performance)},
            [*commissioning, "performance"],
            "Extension: the commissioning facts, with each performance measure's latest figure and RAG rating.",
        ),
        "Evaluation": _obj(
            {
                "id": _STR,
                "programme": _STR,
                "status": {"type": "string", "enum": ["published", "planned"]},
                "published": {**_NSTR, "description": "As precise as the source: 2021, 2021-07 or 2021-07-15."},
                "due": {**_NSTR, "description": "When a planned evaluation's results were due, as precise as the source."},
                "evaluator": _NSTR,
                "commissioned_by": _NSTR,
                "design": _NSTR,
                "design_level": {"type": "string", "nullable": True, "enum": [*DESIGN_KEYS, None]},
                "design_strength": {"type": "integer", "nullable": True, "minimum": 1, "maximum": 5,
                                    "description": "1 (provider's own report) to 5 (randomised trial)."},
                "outcome_measure": _NSTR,
                "finding": {**_STR, "description": "The finding in plain words (a paraphrase, not a quotation)."},
                "effect_figure": {**_NSTR, "description": "The effect as published; never worked out here."},
                "cost_per_participant_gbp": {**_NNUM, "description": "As published; null when no source gave one."},
                "participants": _NSTR,
                "source_urls": _array({**_STR, "format": "uri"}),
            },
            ["id", "programme", "status", "finding", "source_urls"],
            "A published or planned evaluation. No cost-benefit ratio is ever worked out.",
        ),
        "Organization": _obj(
            {
                "id": _UUID,
                "name": _STR,
                "description": _STR,
                "website": {**_STR, "format": "uri"},
                "organization_identifiers": _array(
                    _obj(
                        {"id": _UUID, "organization_id": _UUID, "identifier_scheme": _STR, "identifier_type": _STR, "identifier": _STR},
                        ["id", "identifier_type", "identifier"],
                    )
                ),
                oruk.EXTENSION: register_id,
            },
            ["id", "name", "description"],
        ),
        "ServiceSummary": _obj(summary_props, summary_required),
        "Service": _obj(
            full_props,
            summary_required + ["service_areas", "service_at_locations", "attributes", "phones", "funding"],
            "A service, fully nested. A service with a confidential location has no service_at_locations.",
        ),
        "ServiceArea": _obj(
            {"id": _UUID, "service_id": _UUID, "name": _STR, "service_area": _STR, "uri": _STR},
            ["id", "name", "uri"],
        ),
        "Address": _obj(
            {
                "id": _UUID,
                "location_id": _UUID,
                "address_1": _STR,
                "city": _STR,
                "state_province": _STR,
                "postal_code": _STR,
                "country": _STR,
                "address_type": {"type": "string", "enum": ["physical", "postal", "virtual"]},
            },
            ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
        ),
        "LocationSummary": _obj(location_props, ["id", "location_type"]),
        "Location": _obj({**location_props, "addresses": _array(_ref("Address"))}, ["id", "location_type", "addresses"]),
        "ServiceAtLocationNested": _obj(
            {"id": _UUID, "service_id": _UUID, "location_id": _UUID, "location": _ref("Location")},
            ["id", "service_id", "location_id", "location"],
        ),
        "ServiceAtLocationSummary": _obj(
            {"id": _UUID, "service_id": _UUID, "location_id": _UUID, "location": _ref("LocationSummary"), "service": _ref("ServiceSummary")},
            ["id", "service_id", "location_id", "location", "service"],
        ),
        "ServiceAtLocation": _obj(
            {"id": _UUID, "service_id": _UUID, "location_id": _UUID, "location": _ref("Location"), "service": _ref("Service")},
            ["id", "service_id", "location_id", "location", "service"],
        ),
        "Attribute": _obj(
            {"id": _UUID, "link_id": _UUID, "taxonomy_term_id": _UUID, "taxonomy_term": _ref("TaxonomyTerm")},
            ["id", "link_id", "taxonomy_term_id", "taxonomy_term"],
        ),
        "TaxonomyTerm": term,
        "Taxonomy": _obj(taxonomy_props, ["id", "name", "description"]),
        "TaxonomyWithTerms": _obj({**taxonomy_props, "taxonomy_terms": _array(_ref("TaxonomyTerm"))}, ["id", "name", "description", "taxonomy_terms"]),
        "ServicePage": _page(_ref("ServiceSummary"), {"x_query": _ref("QueryUnderstood")}),
        "QueryUnderstood": _query_understood(),
        "ServiceAtLocationPage": _page(_ref("ServiceAtLocationSummary")),
        "TaxonomyPage": _page(_ref("Taxonomy")),
        "TaxonomyTermPage": _page(_ref("TaxonomyTerm")),
        "FeatureCollection": {
            "type": "object",
            "required": ["type", "features"],
            "properties": {
                "type": {"type": "string", "enum": ["FeatureCollection"]},
                "features": _array(
                    {
                        "type": "object",
                        "required": ["type", "geometry", "properties"],
                        "properties": {
                            "type": {"type": "string", "enum": ["Feature"]},
                            "geometry": {"type": "object", "nullable": True},
                            "properties": {"type": "object"},
                        },
                    }
                ),
            },
        },
        "GrantPackage": {
            "type": "object",
            "required": ["grants"],
            "description": "A 360Giving data package; each grant follows the 360Giving Data Standard schema 1.4.",
            "properties": {"grants": _array({"type": "object"})},
        },
    }


def _query_understood() -> dict:
    named = lambda props: {**_obj(props, list(props)), "nullable": True}  # noqa: E731
    out = _obj(
        {
            "text": _STR,
            "showing": {**_STR, "description": "The explorer page's \"Showing: ...\" line for this search."},
            "place": named({"label": _STR, "kind": {"type": "string", "enum": ["postcode", "sector", "district", "place", "borough"]}, "latitude": _NUM, "longitude": _NUM}),
            "borough": named({"code": _STR, "name": _STR}),
            "topics": _array(_obj({"id": _STR, "name": _STR}, ["id", "name"])),
            "words": _array(_STR),
            "words_not_used": _array(_STR),
            "corrections": _array(_obj({"typed": _STR, "read_as": _STR}, ["typed", "read_as"])),
            "audience": {**_NSTR, "description": "The audience the query named (\"perpetrator\", \"for professionals\"), if any."},
            "include_ended": _BOOL,
            "ended_also_match": {**_INT, "description": "Ended services that also match but were left out (`ended=include` adds them)."},
        },
        ["text", "showing", "place", "borough", "topics", "words", "words_not_used", "corrections", "audience", "include_ended", "ended_also_match"],
    )
    out["description"] = "What the search understood (sent when `search` or `postcode` is given)."
    return out


def _page(item: dict, extra: dict | None = None) -> dict:
    return _obj(
        {
            **(extra or {}),
            "total_items": _INT,
            "total_pages": _INT,
            "page_number": _INT,
            "size": {**_INT, "description": "The number of entities in this page."},
            "first_page": _BOOL,
            "last_page": _BOOL,
            "empty": {**_BOOL, "description": "True when this page has no entities (no match, or a page past the end)."},
            "contents": _array(item),
        },
        ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
    )


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
        "openapi": "3.0.3",
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
