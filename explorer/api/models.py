"""API layer: the response models of ``/api/v1``, each field declared once; the OpenAPI schemas are generated from them.

The records follow the Open Referral UK profile's field names and types. Every model is closed
(``extra="forbid"``, so ``additionalProperties: false``): the test that checks every response
against the OpenAPI document then also catches a field added to a response but not declared here.
``NotRequired`` marks a field the record may leave out; ``X | None`` a field sent as null when unknown.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, WithJsonSchema, with_config
from typing_extensions import NotRequired, TypedDict

from explorer.domain.evidence import DESIGN_KEYS

_CLOSED = ConfigDict(extra="forbid")

Uri = Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]
Email = Annotated[str, WithJsonSchema({"type": "string", "format": "email"})]
Uuid = uuid.UUID
LocationType = Literal["physical", "postal", "virtual"]
DesignLevel = Literal[DESIGN_KEYS]  # type: ignore[valid-type]


def _record(record_name: str, /, **fields: Any) -> Any:
    """A small closed record of the API with every field required, declared in one line."""
    return with_config(_CLOSED)(TypedDict(record_name, fields))


def _doc(text: str):
    """A field's description in the document."""
    return Field(description=text)


class Error(TypedDict):
    """What was wrong with the request; `parameter` names the query parameter at fault."""

    __pydantic_config__ = _CLOSED
    error: str
    message: str
    parameter: NotRequired[str]


class Meta(TypedDict):
    __pydantic_config__ = _CLOSED
    version: str
    profile: Uri
    openapi_url: Uri


class Evaluation(TypedDict):
    """A published or planned evaluation. No cost-benefit ratio is ever worked out."""

    __pydantic_config__ = _CLOSED
    id: str
    programme: str
    status: Literal["published", "planned"]
    published: NotRequired[Annotated[str | None, _doc("As precise as the source: 2021, 2021-07 or 2021-07-15.")]]
    due: NotRequired[Annotated[str | None, _doc("When a planned evaluation's results were due, as precise as the source.")]]
    evaluator: NotRequired[str | None]
    commissioned_by: NotRequired[str | None]
    design: NotRequired[str | None]
    design_level: NotRequired[DesignLevel | None]
    design_strength: NotRequired[
        Annotated[int | None, Field(ge=1, le=5, description="1 (provider's own report) to 5 (randomised trial).")]
    ]
    outcome_measure: NotRequired[str | None]
    finding: Annotated[str, _doc("The finding in plain words (a paraphrase, not a quotation).")]
    effect_figure: NotRequired[Annotated[str | None, _doc("The effect as published; never worked out here.")]]
    cost_per_participant_gbp: NotRequired[Annotated[float | None, _doc("As published; null when no source gave one.")]]
    participants: NotRequired[str | None]
    source_urls: list[Uri]


class Commissioning(TypedDict):
    """Extension: the commissioning facts of a service (not part of the Open Referral UK profile)."""

    __pydantic_config__ = _CLOSED
    register_id: Annotated[str, _doc("The service's id in the register (and in the explorer's addresses).")]
    # Codes from the register's commissioners table (MOPAC, VRU, GLA, Home Office ...): data, not a fixed list.
    commissioners: list[Annotated[str, _doc("A commissioner code, such as MOPAC, VRU or GLA.")]]
    programme: str
    funding_stream: str | None
    contract_value_gbp: Annotated[float | None, _doc("Published contract value in pounds; null when not published.")]
    contract_start_date: dt.date | None
    contract_end_date: dt.date | None
    access: Literal["self-referral", "professional-referral", "both"]
    audience: Annotated[
        Literal["public", "victims-survivors", "people-who-harm", "children-young-people", "parents-families", "professionals"],
        _doc("Who the service is for."),
    ]
    pan_london: bool
    borough_codes: list[str]
    confidential_location: Annotated[bool, _doc("True: the service's location is never published.")]
    last_verified: Annotated[dt.date | None, _doc("When a person last checked the record.")]
    illustrative: Annotated[bool, _doc("True: some of the record's figures are sample values, not published facts.")]
    source_url: Uri
    explorer_url: Uri
    evaluations: Annotated[
        list[Evaluation], _doc("Published and planned evaluations of the service's programme, facts as published.")
    ]


class Performance(TypedDict):
    __pydantic_config__ = _CLOSED
    measure: str
    unit: NotRequired[str | None]
    direction: Literal["higher", "lower"]
    target: NotRequired[float | None]
    period: NotRequired[str | None]
    actual: NotRequired[float | None]
    rag: Literal["red", "amber", "green"] | None
    illustrative: bool


class CommissioningWithPerformance(Commissioning):
    """Extension: the commissioning facts, with each performance measure's latest figure and RAG rating."""

    performance: list[Performance]


class RegisterId(TypedDict):
    """Extension: the register's own id of the record."""

    __pydantic_config__ = _CLOSED
    register_id: Annotated[str, _doc("The record's id in the register, so the explorer can load its own output back.")]


class OrganizationIdentifier(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    organization_id: NotRequired[Uuid]
    identifier_scheme: NotRequired[str]
    identifier_type: str
    identifier: str


class Organization(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    name: str
    description: str
    website: NotRequired[Uri]
    organization_identifiers: NotRequired[list[OrganizationIdentifier]]
    x_commissioning: NotRequired[RegisterId]


class ServiceSummary(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    organization_id: Uuid
    name: str
    description: NotRequired[str]
    url: NotRequired[Uri]
    email: NotRequired[Email]
    status: Literal["active", "inactive", "defunct", "temporarily closed"]
    minimum_age: NotRequired[float]
    maximum_age: NotRequired[float]
    eligibility_description: NotRequired[str]
    application_process: NotRequired[str]
    assured_date: NotRequired[dt.date]
    last_modified: dt.datetime
    organization: Organization
    x_commissioning: Commissioning


class ServiceArea(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    service_id: NotRequired[Uuid]
    name: str
    service_area: NotRequired[str]
    uri: str


class Address(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    location_id: NotRequired[Uuid]
    address_1: str
    city: str
    state_province: str
    postal_code: str
    country: str
    address_type: LocationType


class LocationSummary(TypedDict):
    __pydantic_config__ = _CLOSED
    x_commissioning: NotRequired[RegisterId]
    id: Uuid
    location_type: LocationType
    name: NotRequired[str]
    latitude: NotRequired[float]
    longitude: NotRequired[float]


class Location(LocationSummary):
    addresses: list[Address]


class ServiceAtLocationNested(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    service_id: Uuid
    location_id: Uuid
    location: Location


TermExtension = _record("TermExtension", register_id=str, synonyms=list[str])


class TaxonomyTerm(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    code: NotRequired[str]
    name: str
    description: str
    taxonomy: NotRequired[str]
    taxonomy_id: NotRequired[Uuid]
    x_commissioning: NotRequired[TermExtension]


class Attribute(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    link_id: Uuid
    taxonomy_term_id: Uuid
    taxonomy_term: TaxonomyTerm


class Phone(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    service_id: NotRequired[Uuid]
    number: str


class Funding(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    service_id: NotRequired[Uuid]
    source: NotRequired[str]


class Service(ServiceSummary):
    """A service, fully nested. A service with a confidential location has no service_at_locations."""

    service_areas: list[ServiceArea]
    service_at_locations: list[ServiceAtLocationNested]
    attributes: list[Attribute]
    phones: list[Phone]
    funding: list[Funding]
    x_commissioning: CommissioningWithPerformance  # type: ignore[misc]


class ServiceAtLocationSummary(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    service_id: Uuid
    location_id: Uuid
    location: LocationSummary
    service: ServiceSummary


class ServiceAtLocation(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    service_id: Uuid
    location_id: Uuid
    location: Location
    service: Service


class Taxonomy(TypedDict):
    __pydantic_config__ = _CLOSED
    id: Uuid
    name: str
    description: str
    version: NotRequired[str]


class TaxonomyWithTerms(Taxonomy):
    taxonomy_terms: list[TaxonomyTerm]


# -- what the search understood ------------------------------------------------------------------


class Place(TypedDict):
    __pydantic_config__ = _CLOSED
    label: str
    kind: Literal["postcode", "sector", "district", "place", "borough"]
    latitude: float
    longitude: float


Borough = _record("Borough", code=str, name=str)
Topic = _record("Topic", id=str, name=str)
Correction = _record("Correction", typed=str, read_as=str)
OtherPlace = _record("OtherPlace", label=str, borough=Borough, search=str)


class QueryUnderstood(TypedDict):
    """What the search understood (sent when `search` or `postcode` is given)."""

    __pydantic_config__ = _CLOSED
    text: str
    showing: Annotated[str, _doc('The explorer page\'s "Showing: ..." line for this search.')]
    place: Place | None
    borough: Borough | None
    other_places_of_the_name: Annotated[list[OtherPlace], _doc(
        'Places of the same name in other boroughs ("Hayes" is in Hillingdon and in Bromley), each with '
        "`search`, the text that finds it (the borough's name after the place's).")]
    topics: list[Topic]
    words: list[str]
    words_not_used: list[str]
    corrections: list[Correction]
    audience: Annotated[str | None, _doc('The audience the query named ("perpetrator", "for professionals"), if any.')]
    include_ended: bool
    ended_also_match: Annotated[int, _doc("Ended services that also match but were left out (`ended=include` adds them).")]


# -- pages ---------------------------------------------------------------------------------------


class _Page(TypedDict):
    __pydantic_config__ = _CLOSED
    total_items: int
    total_pages: int
    page_number: int
    size: Annotated[int, _doc("The number of entities in this page.")]
    first_page: bool
    last_page: bool
    empty: Annotated[bool, _doc("True when this page has no entities (no match, or a page past the end).")]


class NearbyService(TypedDict):
    """A service near the searched place though not covering it (sent when nothing covers it)."""

    __pydantic_config__ = _CLOSED
    service: ServiceSummary
    distance_km: Annotated[float, _doc("From the searched place to the service's nearest public point.")]
    note: Annotated[str, _doc('Where it works, for example "in Tower Hamlets, 4.5 km; may serve Tower Hamlets '
                              'residents only".')]


class TopicElsewhereRecord(TypedDict):
    """A topic of the search that none of the services found covers at its place."""

    __pydantic_config__ = _CLOSED
    topic: Annotated[str, _doc("The service area's id, for example \"substance-misuse\".")]
    name: Annotated[str, _doc("Its name, for example \"Drugs and alcohol\".")]
    borough: Annotated[str, _doc("The borough of the searched place.")]
    nearest: Annotated[list[NearbyService], _doc("The nearest services of the topic elsewhere, nearest first.")]


class ServicePage(_Page):
    x_query: NotRequired[QueryUnderstood]
    x_nearest_elsewhere: NotRequired[Annotated[list[NearbyService], _doc(
        "When the search found a place but no service covering it (\"drug treatment Hackney\"): the "
        "three nearest services elsewhere that match the rest of the search, nearest first, as the "
        "explorer page lists them.")]]
    x_topics_elsewhere: NotRequired[Annotated[list[TopicElsewhereRecord], _doc(
        "When the search found services and was read as two topics or more, each of its first two "
        "topics that no service covers at the searched place or within 3 km (\"family support when my "
        "brother is on drugs in Croydon\"), with the nearest three of it elsewhere, as the explorer "
        "page names them.")]]
    contents: list[ServiceSummary]


class ServiceAtLocationPage(_Page):
    contents: list[ServiceAtLocationSummary]


class TaxonomyPage(_Page):
    contents: list[Taxonomy]


class TaxonomyTermPage(_Page):
    contents: list[TaxonomyTerm]


# -- downloads (open objects: their own standards describe them) -----------------------------------


class Feature(TypedDict):
    type: Literal["Feature"]
    geometry: dict | None
    properties: dict


class FeatureCollection(TypedDict):
    type: Literal["FeatureCollection"]
    features: list[Feature]


class GrantPackage(TypedDict):
    """A 360Giving data package; each grant follows the 360Giving Data Standard schema 1.4."""

    grants: list[dict]


#: Every model the document names under ``components/schemas`` (the others are nested in them).
RESPONSES = (
    Error, Meta, Service, ServiceAtLocation, TaxonomyWithTerms, TaxonomyTerm,
    ServicePage, ServiceAtLocationPage, TaxonomyPage, TaxonomyTermPage, FeatureCollection, GrantPackage,
)
