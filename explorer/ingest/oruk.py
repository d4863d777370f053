"""Ingest layer: mapping Open Referral UK service records onto the register's services tables.

Accepts a list of ORUK service records (``service.json`` shape, with the organisation, service
areas, locations and taxonomy attributes embedded), a paged ``/services`` response
(``{"contents": [...], "total_items": ...}``), or one service record.

How fields map (``tests/data/schemas/oruk/`` holds the profile's schema):

==========================================  =====================================================
ORUK                                        register
==========================================  =====================================================
``id, name, description, url, email``       the same service fields
``status``                                  ``active`` stays active; anything else is inactive
``minimum_age, maximum_age``                the same
``assured_date``                            ``last_verified`` (the day the record was checked)
``organization`` (embedded)                 an ``organization`` row; identifiers GB-CHC/GB-COH
                                            give the charity and company numbers
``funding[].source``                        ``commissioner`` (MOPAC / VRU named in the text),
                                            ``programme`` (the first source's text),
                                            ``funding_stream`` (a known stream named in it)
``service_areas[]``                         ``service_area`` rows: a borough name or E09 code in
                                            ``name``, ``service_area`` or ``uri``; "London" or
                                            "Greater London" means all 33 boroughs
``service_at_locations[].location``         ``location`` + ``service_at_location`` rows (physical
                                            locations with a postcode; never for a service whose
                                            location is confidential)
``attributes[].taxonomy_term``              ``taxonomy_term`` + ``service_taxonomy`` rows
==========================================  =====================================================

Fields the register has and ORUK does not (``commissioner``, ``programme``, ``access``,
``contract_value_gbp``, ``start_date``, ``end_date``, ``confidential_location``, ``phone``,
``illustrative``, ``source_url``) are read from the service record when present as extension
fields, or from the ``x_commissioning`` object where the explorer's own ORUK output writes them
(its ``register_id`` becomes the service's id), so that output loads back as it was; a service
is confidential when either place says so. Nothing is invented: a service
whose commissioner cannot be found is reported, not guessed.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from explorer.domain.geography import LONDON_BOROUGH_CODES
from explorer.domain.problems import Problem, shorten
from explorer.domain.records import FUNDING_STREAMS
from explorer.ingest.files import ROW_KEY, cell_text

_EXTENSIONS = (
    "commissioner", "programme", "funding_stream", "access", "contract_value_gbp", "start_date",
    "end_date", "confidential_location", "phone", "illustrative", "eligibility", "audience",
)
#: The explorer's own extension object (explorer/services/oruk.py) and the register column each
#: of its fields is read into.
EXTENSION = "x_commissioning"
_EXTENSION_FIELDS = {
    "register_id": "id", "commissioners": "commissioner", "programme": "programme",
    "funding_stream": "funding_stream", "access": "access", "contract_value_gbp": "contract_value_gbp",
    "contract_start_date": "start_date", "contract_end_date": "end_date",
    "confidential_location": "confidential_location", "last_verified": "last_verified",
    "illustrative": "illustrative", "source_url": "source_url", "audience": "audience",
}
_TRUE = {"true", "yes", "1"}
_WHOLE_LONDON = {"london", "greater london", "pan-london", "pan london", "all london boroughs"}
_CODE = re.compile(r"E09\d{6}")
_COMMISSIONERS = (
    ("MOPAC", re.compile(r"\bMOPAC\b|Mayor'?s Office for Policing and Crime", re.IGNORECASE)),
    ("VRU", re.compile(r"\bVRU\b|Violence Reduction Unit", re.IGNORECASE)),
)


def looks_like(data: Any) -> bool:
    """Tells whether JSON data is Open Referral UK services rather than the register's own tables."""
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        return True
    records = data if isinstance(data, list) else [data]
    first = next((r for r in records if isinstance(r, dict)), None)
    oruk_keys = {"organization", "service_areas", "service_at_locations", "assured_date", "organization_id", "attributes"}
    return first is not None and "name" in first and bool(oruk_keys & set(first))


def to_tables(
    data: Any,
    *,
    label: str,
    borough_code: Callable[[str], str | None],
    source_url: str | None = None,
) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
    """Maps ORUK services onto the register's seven services tables.

    Args:
        data: The parsed JSON (a list, a paged response or one service).
        label: The file name, for problems.
        borough_code: Resolves a borough name or code to its ONS code (None when unknown).
        source_url: The address of the ORUK feed, used as each record's ``source_url`` when
            the record has none of its own.

    Returns:
        The raw tables (text values, ``_row`` = the service's position in the list) and the
        problems found while mapping.
    """
    services = _records(data)
    tables: dict[str, list[dict[str, Any]]] = {
        name: [] for name in ("taxonomy_term", "organization", "service", "service_area",
                              "service_taxonomy", "location", "service_at_location")
    }
    problems: list[Problem] = []
    if services is None:
        return tables, [Problem(label, 0, "", "", "must be a list of Open Referral UK services or a paged /services response")]
    seen_orgs: set[str] = set()
    seen_terms: set[str] = set()
    seen_locations: set[str] = set()
    for number, record in enumerate(services, start=1):
        if not isinstance(record, dict):
            problems.append(Problem(label, number, "", "", "must be an Open Referral UK service object"))
            continue
        service = _service_row(record, number, source_url)
        tables["service"].append(service)
        source = service["source_url"]
        org = record.get("organization")
        if isinstance(org, dict) and _own_id(org) and _own_id(org) not in seen_orgs:
            seen_orgs.add(_own_id(org))
            tables["organization"].append(_organization_row(org, number, source))
        for area in _list(record.get("service_areas")):
            codes = _area_codes(area, borough_code)
            if not codes:
                problems.append(Problem(label, number, "service_areas", shorten(_area_text(area)),
                                        "must name a London borough (or London for all 33)"))
            for code in codes:
                tables["service_area"].append({ROW_KEY: number, "service_id": service["id"], "borough_code": code})
        for attribute in _list(record.get("attributes")):
            term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
            if not isinstance(term, dict) or not _text(term.get("id")):
                continue
            term_id = _own_id(term)
            if term_id not in seen_terms:
                seen_terms.add(term_id)
                tables["taxonomy_term"].append({
                    ROW_KEY: number, "id": term_id, "name": _text(term.get("name")),
                    "description": _text(term.get("description")),
                    "synonyms": _text(_extension(term).get("synonyms")),
                    "source_url": _text(term.get("term_uri")) if _text(term.get("term_uri")).startswith("http") else source,
                })
            tables["service_taxonomy"].append({ROW_KEY: number, "service_id": service["id"], "term_id": term_id})
        if service.get("confidential_location", "").lower() in _TRUE:
            continue  # a confidential service never gets a public location, whatever the feed says
        for link in _list(record.get("service_at_locations")):
            location = link.get("location") if isinstance(link, dict) else None
            if not isinstance(location, dict) or _text(location.get("location_type")) == "virtual":
                continue
            row = _location_row(location, number, source)
            if row is None:
                continue
            if row["id"] not in seen_locations:
                seen_locations.add(row["id"])
                tables["location"].append(row)
            tables["service_at_location"].append({ROW_KEY: number, "service_id": service["id"], "location_id": row["id"]})
    return tables, problems


def _records(data: Any) -> list | None:
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        return data["contents"]
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and "name" in data:
        return [data]
    return None


def _service_row(record: dict, number: int, source_url: str | None) -> dict[str, Any]:
    funding = [_text(f.get("source")) for f in _list(record.get("funding")) if isinstance(f, dict)]
    funding_text = " ".join(funding)
    commissioners = [name for name, pattern in _COMMISSIONERS if pattern.search(funding_text)]
    stream = next((s for s in FUNDING_STREAMS if s != "Other" and s.lower() in funding_text.lower()), "")
    status = _text(record.get("status")).lower()
    row = {
        ROW_KEY: number,
        "id": _text(record.get("id")),
        "name": _text(record.get("name")),
        "description": _text(record.get("description")),
        "status": "active" if status in {"", "active"} else "inactive",
        "organization_id": _own_id(record["organization"]) if isinstance(record.get("organization"), dict)
        else _text(record.get("organization_id")),
        "url": _text(record.get("url")),
        "email": _text(record.get("email")),
        "minimum_age": _text(record.get("minimum_age")),
        "maximum_age": _text(record.get("maximum_age")),
        "last_verified": _text(record.get("assured_date"))[:10],
        "eligibility": _text(record.get("eligibility_description")),
        "phone": next((_text(p.get("number")) for p in _list(record.get("phones")) if isinstance(p, dict)), ""),
        "commissioner": ";".join(commissioners),
        "programme": funding[0] if funding else "",
        "funding_stream": stream,
    }
    extension = _extension(record)
    for name, column in _EXTENSION_FIELDS.items():
        if extension.get(name) not in (None, "", []):
            row[column] = _text(extension[name])
    for name in _EXTENSIONS:
        if record.get(name) not in (None, ""):
            row[name] = _text(record[name])
    if any(_text(place.get("confidential_location")).lower() in _TRUE for place in (record, extension)):
        row["confidential_location"] = "true"  # either place saying so is enough
    row["source_url"] = _text(record.get("source_url")) or row.get("source_url") or source_url or row["url"]
    return row


def _organization_row(org: dict, number: int, source: str) -> dict[str, Any]:
    identifiers = {
        _text(i.get("identifier_scheme")).upper(): _text(i.get("identifier"))
        for i in _list(org.get("organization_identifiers")) if isinstance(i, dict)
    }
    return {
        ROW_KEY: number,
        "id": _own_id(org),
        "name": _text(org.get("name")),
        "description": _text(org.get("description")),
        "website": _text(org.get("website")),
        "charity_number": identifiers.get("GB-CHC", ""),
        "company_number": identifiers.get("GB-COH", ""),
        "source_url": _text(org.get("uri")) if _text(org.get("uri")).startswith("http") else source,
    }


def _location_row(location: dict, number: int, source: str) -> dict[str, Any] | None:
    addresses = [a for a in _list(location.get("addresses")) if isinstance(a, dict)]
    physical = [a for a in addresses if _text(a.get("address_type")) in {"", "physical"}] or addresses
    if not physical or not _text(physical[0].get("postal_code")):
        return None
    address = physical[0]
    # The explorer's own output adds "London" as the city of every address; don't add it twice.
    parts = (address.get("address_1"),) if _extension(location) else (address.get("address_1"), address.get("city"))
    return {
        ROW_KEY: number,
        "id": _own_id(location),
        "name": _text(location.get("name")) or _text(address.get("address_1")),
        "address": ", ".join(p for p in map(_text, parts) if p),
        "postcode": _text(address.get("postal_code")),
        "source_url": source,
    }


def _area_text(area: Any) -> str:
    if not isinstance(area, dict):
        return _text(area)
    return " ".join(_text(area.get(k)) for k in ("name", "service_area", "uri") if area.get(k))


def _area_codes(area: Any, borough_code: Callable[[str], str | None]) -> list[str]:
    text = _area_text(area)
    codes = sorted(set(_CODE.findall(text)) & set(LONDON_BOROUGH_CODES))
    if codes:
        return codes
    names = [_text(area.get(k)) for k in ("name", "service_area")] if isinstance(area, dict) else [text]
    for name in filter(None, names):
        if name.strip().lower() in _WHOLE_LONDON:
            return list(LONDON_BOROUGH_CODES)
        code = borough_code(name)
        if code:
            return [code]
    return []


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _extension(record: dict) -> dict:
    """The explorer's extension object of an ORUK record, or an empty one."""
    value = record.get(EXTENSION)
    return value if isinstance(value, dict) else {}


def _own_id(record: dict) -> str:
    """A record's register id where the explorer wrote one, else its ORUK id."""
    return _text(_extension(record).get("register_id")) or _text(record.get("id"))


def _text(value: Any) -> str:
    try:
        return cell_text(value).strip()
    except ValueError:
        return ""
