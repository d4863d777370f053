"""Services layer: the register as Open Referral UK (HSDS 3.0 UK profile) records, and the API's queries.

Everything here is pure: a snapshot (and its search index) in, plain dicts out. Identifiers
are UUIDs, as the profile asks, derived from the register's own ids (``uuid5``), so they are
stable across publishes; the register's id travels in the ``x_commissioning`` extension.
Our commissioning fields (commissioner, programme, contract value, performance and RAG) are
in that one extension object, so a directory that only knows the profile can ignore them.
A service with a confidential location has no location, address or coordinates anywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import uuid
from dataclasses import dataclass
from typing import Any, Iterable, NamedTuple, Sequence

from explorer.domain import rag
from explorer.domain.geography import haversine_km
from explorer.services.evidence import api_evaluations
from explorer.services.search import Filters, ResultItem, SearchIndex, TopicElsewhere, understood_json
from explorer.services.snapshot import DeliveryPoint, ServiceEntry, Snapshot

#: The namespace of every ORUK identifier this explorer mints (uuid5 of kind and register id).
NAMESPACE = uuid.UUID("7d8f1f55-1b1e-4a57-9a3f-3c6b0f3a2e91")
_NAMESPACE_BYTES = NAMESPACE.bytes
HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
TAXONOMY_KEY = "service-areas"
TAXONOMY_NAME = "MOPAC and VRU service areas"
TAXONOMY_DESCRIPTION = (
    "The service areas people search the London commissioned services explorer by, such as "
    "violence against women and girls, youth violence and reducing reoffending."
)
EXTENSION = "x_commissioning"
ONS_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100


def oruk_id(kind: str, key: str) -> str:
    """The stable UUID of a register record of this kind (``service``, ``location``...).

    ``str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))``, written out: the SHA-1's first 32 hex digits
    with the version digit set to 5 and the variant bits to RFC 4122's (the 17th digit's top two
    bits ``10``). A page of the API mints about thirty, the id index one for each of 100,000
    services, and ``uuid.UUID`` checks each one it builds.
    """
    h = hashlib.sha1(_NAMESPACE_BYTES + f"{kind}:{key}".encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT_DIGIT[h[16]]}{h[17:20]}-{h[20:32]}"


#: The 17th hex digit of a UUID with RFC 4122's variant bits set, by the hash's digit there.
_VARIANT_DIGIT = {d: "89ab"[int(d, 16) & 0x3] for d in "0123456789abcdef"}


@dataclass(frozen=True)
class ServiceQuery:
    """The ``/services`` filters, already checked (register ids, not UUIDs).

    Attributes:
        search: Free text, searched exactly as the explorer page searches it.
        term_ids: Service areas (taxonomy terms); a service in any of them matches.
        boroughs: ONS borough codes; a service covering any of them matches.
        postcode: A London postcode, sector or district, already known to exist.
        proximity_m: With a postcode: only services with a public delivery point this near.
        minimum_age: Services whose minimum age is at least this (no minimum counts as 0).
        maximum_age: Services whose maximum age is at most this (no maximum never matches).
        modified_after: Services changed on or after this moment.
    """

    search: str = ""
    term_ids: tuple[str, ...] = ()
    boroughs: tuple[str, ...] = ()
    postcode: str = ""
    proximity_m: float | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    modified_after: dt.datetime | None = None
    include_ended: bool = False


def find_services(
    index: SearchIndex, query: ServiceQuery, *, modified: dt.datetime, origin: tuple[float, float] | None = None
) -> list[ServiceEntry]:
    """The services a query matches, in the explorer page's order.

    The text and the postcode go through :meth:`SearchIndex.search` together, as if typed in
    the page's search box, with the borough and service-area filters as the page's filters;
    so ``search=domestic abuse Peckham`` lists what the page lists, in the same order.

    Args:
        index: The current version's search index.
        query: The checked filters.
        modified: When the register's services were last published (every service's last_modified).
        origin: The postcode's point (latitude, longitude); needed with ``proximity_m``.
    """
    return search_services(index, query, modified=modified, origin=origin)[0]


class ServiceSearch(NamedTuple):
    """What :func:`search_services` found: the services, what the search understood (``x_query``;
    None without text or a postcode) and, when it found a place but no service covering it, the
    nearest matching services elsewhere (``x_nearest_elsewhere``), as the explorer page lists them."""

    services: Sequence[ServiceEntry]
    understood: dict | None
    nearby: tuple[ResultItem, ...] = ()
    #: The topics of a search that found services that none covers at its place, each with the
    #: nearest elsewhere (``x_topics_elsewhere``; :meth:`SearchIndex.topics_elsewhere`).
    elsewhere: tuple[TopicElsewhere, ...] = ()


def search_services(
    index: SearchIndex, query: ServiceQuery, *, modified: dt.datetime, origin: tuple[float, float] | None = None
) -> ServiceSearch:
    """:func:`find_services`, what the search understood and the nearest services elsewhere."""
    if query.modified_after is not None and modified < query.modified_after:
        return ServiceSearch([], None)
    text = " ".join(part for part in (query.search.strip(), query.postcode) if part)
    result = index.search(text, Filters(boroughs=query.boroughs, areas=query.term_ids), limit=0,
                          include_ended=query.include_ended)
    understood = understood_json(result, index.snapshot) if text else None
    nearby = index.nearest_elsewhere(result) if text else ()
    elsewhere = index.topics_elsewhere(result) if text else ()
    if query.proximity_m is None and query.minimum_age is None and query.maximum_age is None:
        # (read lazily: a page of 10 never looks at the other 50,000)
        return ServiceSearch(result.matched, understood, nearby, elsewhere)
    services = list(result.matched)
    if query.proximity_m is not None and origin is not None:
        services = [s for s in services if _nearest_km(s.points, origin) * 1000 <= query.proximity_m]
    if query.minimum_age is not None:
        services = [s for s in services if (s.minimum_age or 0) >= query.minimum_age]
    if query.maximum_age is not None:
        services = [s for s in services if s.maximum_age is not None and s.maximum_age <= query.maximum_age]
    return ServiceSearch(services, understood, nearby, elsewhere)


def nearby_record(item: ResultItem, summary: Any) -> dict:
    """One of ``x_nearest_elsewhere``: the service's summary, how far it is and where it works."""
    return {"service": summary, "distance_km": round(item.distance_km, 1), "note": item.place_note}


def topic_elsewhere_record(gap: TopicElsewhere, summaries: Sequence[Any]) -> dict:
    """One of ``x_topics_elsewhere``: a topic none of the found services covers at the place, and
    the nearest of it elsewhere (``summaries``: theirs, in order) as :func:`nearby_record`."""
    return {"topic": gap.topic, "name": gap.name, "borough": gap.borough,
            "nearest": [nearby_record(i, f) for i, f in zip(gap.nearest, summaries)]}


def paginate(items: Sequence[Any], page: int, per_page: int) -> tuple[Sequence[Any], dict]:
    """One page of ``items`` and the profile's paging fields (pages count from 1).

    A page past the end is empty (``empty`` true) and still reports the totals.
    """
    total = len(items)
    total_pages = math.ceil(total / per_page) if total else 0
    contents = items[(page - 1) * per_page : page * per_page]
    return contents, {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
    }


# -- records ---------------------------------------------------------------------------------


def service_summary(snapshot: Snapshot, service: ServiceEntry, modified: dt.datetime, base_url: str = "") -> dict:
    """A service's one-to-one fields and its organization (``compiled/service_list.json``)."""
    return {
        **summary_fields(service, iso_datetime(modified)),
        "organization": organization_record(snapshot, service.provider_id, service.provider_name),
        EXTENSION: commissioning(snapshot, service, base_url),
    }


def summary_fields(service: ServiceEntry, last_modified: str, organization_id: str | None = None) -> dict:
    """A service summary's own fields, the ones before ``organization`` and the extension (unknown
    values dropped); ``last_modified`` is the version's :func:`iso_datetime`, ``organization_id``
    the provider's :func:`oruk_id` when the caller holds it."""
    return _clean(
        {
            "id": oruk_id("service", service.id),
            "organization_id": organization_id or oruk_id("organization", service.provider_id),
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "eligibility_description": service.eligibility,
            "application_process": _ACCESS_TEXT.get(service.access),
            "assured_date": _iso_date(service.last_verified),
            "last_modified": last_modified,
        }
    )


def service_record(snapshot: Snapshot, service: ServiceEntry, modified: dt.datetime, base_url: str = "") -> dict:
    """A service fully nested: organization, areas, locations, taxonomy, phones, funding (``compiled/service.json``)."""
    sid = oruk_id("service", service.id)
    record = service_summary(snapshot, service, modified, base_url)
    record.update(
        {
            "service_areas": [
                {
                    "id": oruk_id("service_area", f"{service.id}/{code}"),
                    "service_id": sid,
                    "name": snapshot.borough_name(code),
                    "service_area": snapshot.borough_name(code),
                    "uri": ONS_GEOGRAPHY + code,
                }
                for code in service.borough_codes
            ],
            # A confidential service's points are already empty in the snapshot; never add any here.
            "service_at_locations": [
                {
                    "id": oruk_id("service_at_location", f"{service.id}/{p.location_id}"),
                    "service_id": sid,
                    "location_id": oruk_id("location", p.location_id),
                    "location": location_record(p),
                }
                for p in ([] if service.confidential_location else service.points)
            ],
            "attributes": [
                {
                    "id": oruk_id("attribute", f"{service.id}/{term}"),
                    "link_id": sid,
                    "taxonomy_term_id": oruk_id("taxonomy_term", term),
                    "taxonomy_term": taxonomy_term_record(snapshot, term),
                }
                for term in service.term_ids
            ],
            "phones": [{"id": oruk_id("phone", service.id), "service_id": sid, "number": service.phone}]
            if service.phone
            else [],
            "funding": [
                {
                    "id": oruk_id("funding", f"{service.id}/{c}"),
                    "service_id": sid,
                    "source": f"{_COMMISSIONER_NAMES.get(c, c)}: {service.programme}",
                }
                for c in service.commissioners
            ],
        }
    )
    record[EXTENSION] = {**record.pop(EXTENSION), "performance": performance(snapshot, service.id)}
    return record


def service_at_location_summary(
    snapshot: Snapshot, service: ServiceEntry, point: DeliveryPoint, modified: dt.datetime, base_url: str = ""
) -> dict:
    """A service at one public delivery point (``compiled/service_at_location_list.json``)."""
    return _service_at_location(
        service, point,
        _clean({k: v for k, v in location_record(point).items() if k != "addresses"}),
        service_summary(snapshot, service, modified, base_url),
    )


def service_at_location_record(
    snapshot: Snapshot, service: ServiceEntry, point: DeliveryPoint, modified: dt.datetime, base_url: str = ""
) -> dict:
    """A service at one public delivery point, fully nested."""
    return _service_at_location(
        service, point, location_record(point), service_record(snapshot, service, modified, base_url)
    )


def _service_at_location(service: ServiceEntry, point: DeliveryPoint, location: dict, nested: dict) -> dict:
    return {
        "id": oruk_id("service_at_location", f"{service.id}/{point.location_id}"),
        "service_id": oruk_id("service", service.id),
        "location_id": oruk_id("location", point.location_id),
        "location": location,
        "service": nested,
    }


def service_at_locations(services: Iterable[ServiceEntry]) -> list[tuple[ServiceEntry, DeliveryPoint]]:
    """Every (service, public delivery point) pair; confidential services have none."""
    return [(s, p) for s in services if not s.confidential_location for p in s.points]


def location_record(point: DeliveryPoint) -> dict:
    """A public delivery point with its postal address."""
    lid = oruk_id("location", point.location_id)
    return _clean(
        {
            "id": lid,
            "location_type": "physical",
            "name": point.name,
            "latitude": round(point.latitude, 6),
            "longitude": round(point.longitude, 6),
            "addresses": [
                {
                    "id": oruk_id("address", point.location_id),
                    "location_id": lid,
                    "address_1": point.address or point.name,
                    "city": "London",
                    "state_province": "Greater London",
                    "postal_code": point.postcode,
                    "country": "GB",
                    "address_type": "physical",
                }
            ],
            EXTENSION: {"register_id": point.location_id},
        }
    )


def organization_record(snapshot: Snapshot, organization_id: str, fallback_name: str) -> dict:
    """A provider; its charity and company numbers as organization identifiers."""
    org = snapshot.organization(organization_id)
    oid = oruk_id("organization", organization_id)
    identifiers = []
    if org is not None:
        for scheme, kind, value in (
            ("GB-CHC", "Charity number", org.charity_number),
            ("GB-COH", "Company number", org.company_number),
        ):
            if value:
                identifiers.append(
                    {
                        "id": oruk_id("organization_identifier", f"{organization_id}/{scheme}"),
                        "organization_id": oid,
                        "identifier_scheme": scheme,
                        "identifier_type": kind,
                        "identifier": value,
                    }
                )
    return _clean(
        {
            "id": oid,
            "name": org.name if org else fallback_name,
            # The profile requires a description; an unknown one is sent empty, never invented.
            "description": (org.description if org else None) or "",
            "website": org.website if org else None,
            "organization_identifiers": identifiers or None,
            EXTENSION: {"register_id": organization_id},
        }
    )


def taxonomy_record(snapshot: Snapshot, *, with_terms: bool = False) -> dict:
    """The one taxonomy: the explorer's service areas."""
    record = {
        "id": oruk_id("taxonomy", TAXONOMY_KEY),
        "name": TAXONOMY_NAME,
        "description": TAXONOMY_DESCRIPTION,
        "version": "1",
    }
    if with_terms:
        record["taxonomy_terms"] = [taxonomy_term_record(snapshot, t.id) for t in snapshot.terms]
    return record


def taxonomy_term_record(snapshot: Snapshot, term_id: str) -> dict:
    """A service area as a taxonomy term (its register id and synonyms in the extension)."""
    term = next((t for t in snapshot.terms if t.id == term_id), None)
    return _clean(
        {
            "id": oruk_id("taxonomy_term", term_id),
            "code": term_id,
            "name": term.name if term else term_id,
            "description": (term.description if term else None) or "",
            "taxonomy": TAXONOMY_NAME,
            "taxonomy_id": oruk_id("taxonomy", TAXONOMY_KEY),
            EXTENSION: {"register_id": term_id, "synonyms": list(term.synonyms) if term else []},
        }
    )


def commissioning(snapshot: Snapshot, service: ServiceEntry, base_url: str = "") -> dict:
    """The extension: who commissions the service, under which programme, for how much."""
    return {
        "register_id": service.id,
        "commissioners": list(service.commissioners),
        "programme": service.programme,
        "funding_stream": service.funding_stream,
        "contract_value_gbp": service.contract_value_gbp,
        "contract_start_date": _iso_date(service.start_date),
        "contract_end_date": _iso_date(service.end_date),
        "access": service.access,
        "audience": service.audience,
        "pan_london": service.pan_london,
        "borough_codes": list(service.borough_codes),
        "confidential_location": service.confidential_location,
        "last_verified": _iso_date(service.last_verified),
        "illustrative": service.illustrative,
        "source_url": service.source_url,
        "explorer_url": f"{base_url}/service/{service.id}",
        # Published and planned evaluations of the service's programme, facts as published.
        "evaluations": api_evaluations(snapshot, service.id),
    }


def performance(snapshot: Snapshot, service_id: str) -> list[dict]:
    """Each measure of a service with its latest figure and RAG rating (None when there is none)."""
    out = []
    for m in snapshot.measures:
        if m.service_id != service_id:
            continue
        values = sorted((v for v in snapshot.measure_values if v.measure_id == m.id), key=lambda v: v.period)
        latest = values[-1] if values else None
        actual = latest.actual if latest else None
        out.append(
            {
                "measure": m.name,
                "unit": m.unit,
                "direction": m.direction,
                "target": m.target,
                "period": latest.period if latest else None,
                "actual": actual,
                "rag": api_rag(m.direction, m.target, actual, m.green_at, m.amber_at),
                "illustrative": bool(m.illustrative or (latest is not None and latest.illustrative)),
            }
        )
    return out


def api_rag(
    direction: str, target: float | None, actual: float | None, green_at: float | None, amber_at: float | None
) -> str | None:
    """The API's rating: the domain rule's red, amber or green, else None (not reported, no target)."""
    rating = rag.rate(direction, target, actual, green_at, amber_at)
    return rating.value if rating in (rag.Rag.GREEN, rag.Rag.AMBER, rag.Rag.RED) else None


def iso_datetime(moment: dt.datetime) -> str:
    """An ISO 8601 UTC date-time with milliseconds, as the profile asks (``2026-11-26T11:22:04.000Z``)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# -- private helpers -------------------------------------------------------------------------

_ACCESS_TEXT = {
    "self-referral": "You can refer yourself.",
    "professional-referral": "A professional (for example a police officer, social worker or GP) refers you.",
    "both": "You can refer yourself or be referred by a professional.",
}
_COMMISSIONER_NAMES = {"MOPAC": "Mayor's Office for Policing and Crime", "VRU": "London Violence Reduction Unit"}


def _nearest_km(points: Sequence[DeliveryPoint], origin: tuple[float, float]) -> float:
    return min((haversine_km(origin[0], origin[1], p.latitude, p.longitude) for p in points), default=math.inf)


def _iso_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _clean(record: dict) -> dict:
    """Drops unknown (None) values: the profile's fields are typed, and missing stays missing."""
    return {k: v for k, v in record.items() if v is not None}


@dataclass(frozen=True)
class IdIndex:
    """Resolves the ids a client sends (our UUIDs or the register's own ids) to register ids."""

    services: dict[str, str]
    terms: dict[str, str]
    service_at_locations: dict[str, tuple[str, str]]


#: The name the id index is kept under, per published version (built at start and with each publish).
ID_INDEX = "oruk-ids"


def id_index(snapshot: Snapshot) -> IdIndex:
    """Builds the id look-ups of one version (both UUIDs and register ids are accepted)."""
    services = {}
    for s in snapshot.services:
        services[s.id] = s.id
        services[oruk_id("service", s.id)] = s.id
    terms = {}
    for t in snapshot.terms:
        terms[t.id] = t.id
        terms[oruk_id("taxonomy_term", t.id)] = t.id
    pairs = {}
    for s, p in service_at_locations(snapshot.services):
        pairs[oruk_id("service_at_location", f"{s.id}/{p.location_id}")] = (s.id, p.location_id)
    return IdIndex(services=services, terms=terms, service_at_locations=pairs)
