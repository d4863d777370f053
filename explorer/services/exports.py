"""Services layer: the downloads (CSV, GeoJSON, 360Giving JSON and CSV), built from a snapshot.

Pure functions shared by the HTTP downloads and the ``explorer export`` command. Every table
says which rows hold sample values (``illustrative``), every CSV is written by the one safe
tabular writer (:mod:`explorer.domain.tabular`: a text cell starting ``=``, ``+``, ``-`` or ``@``
is made inert), JSON and GeoJSON carry text exactly as it is, and a confidential service never
has a location, postcode or coordinate in any of them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from explorer.domain.tabular import FORMULA_START, csv_bytes, inert  # noqa: F401 (FORMULA_START, inert: re-exported)
from explorer.services.snapshot import ServiceEntry, Snapshot

#: The 360Giving identifier prefix. A publisher registers its own with 360Giving before publishing
#: to GrantNav; until MOPAC has one, the grants carry this placeholder so they are not mistaken for it.
GRANT_PREFIX = "360G-LCSE"
FUNDERS = {
    "MOPAC": "Mayor's Office for Policing and Crime",
    "VRU": "London Violence Reduction Unit",
}
LONDON_REGION = {"name": "London", "geoCode": "E12000007", "geoCodeType": "RGN", "countryCode": "GB"}
SAMPLE_NOTE = "sample value: not a published figure"
FORMATS = ("csv", "geojson", "360giving-json", "360giving-csv", "opportunities-csv")
DOWNLOAD_PATH = "/api/v1/exports/"
#: Download file name -> (export format, whether it takes ?borough=).
DOWNLOADS = {
    "services.csv": ("csv", True),
    "services.geojson": ("geojson", True),
    "grants.json": ("360giving-json", False),
    "grants.csv": ("360giving-csv", False),
    "opportunities.csv": ("opportunities-csv", False),
}


def download_url(name: str, borough: str | None = None) -> str:
    """The address of a download (``/api/v1/exports/services.csv?borough=E09000012``)."""
    return DOWNLOAD_PATH + name + (f"?borough={borough}" if borough else "")


@dataclass(frozen=True)
class Export:
    """One download: its bytes, media type and file name."""

    body: bytes
    media_type: str
    filename: str


def to_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> bytes:
    """Writes rows (dicts by column) as UTF-8 CSV with a byte-order mark, by the one safe tabular writer."""
    return csv_bytes(columns, ([row.get(c) for c in columns] for row in rows))


# -- services -------------------------------------------------------------------------------


SERVICE_COLUMNS = (
    "id", "name", "description", "status", "provider", "commissioners", "programme", "funding_stream",
    "service_areas", "pan_london", "borough_codes", "boroughs", "access", "minimum_age", "maximum_age",
    "eligibility", "url", "email", "phone", "confidential_location", "delivery_points",
    "contract_value_gbp", "start_date", "end_date", "last_verified", "source_url", "illustrative", "note",
)


def select_services(snapshot: Snapshot, borough: str | None = None) -> list[ServiceEntry]:
    """Every service (active or not), or those covering one borough."""
    return [s for s in snapshot.services if borough is None or borough in s.borough_codes]


def service_rows(snapshot: Snapshot, services: Sequence[ServiceEntry]) -> list[dict[str, Any]]:
    """One row per service, in SERVICE_COLUMNS."""
    rows = []
    for s in services:
        points = () if s.confidential_location else s.points
        rows.append(
            {
                "id": s.id,
                "name": s.name,
                "description": s.description,
                "status": s.status,
                "provider": s.provider_name,
                "commissioners": ";".join(s.commissioners),
                "programme": s.programme,
                "funding_stream": s.funding_stream,
                "service_areas": ";".join(snapshot.term_name(t) for t in s.term_ids),
                "pan_london": s.pan_london,
                "borough_codes": ";".join(s.borough_codes),
                "boroughs": ";".join(snapshot.borough_name(c) for c in s.borough_codes),
                "access": s.access,
                "minimum_age": s.minimum_age,
                "maximum_age": s.maximum_age,
                "eligibility": s.eligibility,
                "url": s.url,
                "email": s.email,
                "phone": s.phone,
                "confidential_location": s.confidential_location,
                "delivery_points": ";".join(f"{p.name}, {p.postcode}" for p in points),
                "contract_value_gbp": s.contract_value_gbp,
                "start_date": s.start_date,
                "end_date": s.end_date,
                "last_verified": s.last_verified,
                "source_url": s.source_url,
                "illustrative": s.illustrative,
                "note": SAMPLE_NOTE if s.illustrative else "",
            }
        )
    return rows


def services_geojson(snapshot: Snapshot, services: Sequence[ServiceEntry]) -> dict:
    """One feature per public delivery point; a service without one (or confidential) has no geometry."""
    features = []
    for s in services:
        props = {k: _json_value(v) for k, v in service_rows(snapshot, [s])[0].items()}
        points = () if s.confidential_location else s.points
        if not points:
            features.append({"type": "Feature", "geometry": None, "properties": {**props, "location": None}})
        for p in points:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [round(p.longitude, 6), round(p.latitude, 6)]},
                    "properties": {**props, "location": p.name, "postcode": p.postcode},
                }
            )
    return {"type": "FeatureCollection", "features": features}


# -- 360Giving --------------------------------------------------------------------------------


def grants(snapshot: Snapshot, modified: dt.datetime) -> list[dict]:
    """Services with a published contract value and start date, as 360Giving grants.

    Award Date is the contract's start date: the register does not hold the decision's date.
    Services without a value or a start date cannot be 360Giving grants and are left out, and
    so are a funder's own programme budgets (the provider is the funder itself: a grant needs
    a recipient other than its funder) and variations (their value is part of the parent's).
    """
    stamp = _stamp(modified)
    own_org = {c.code: c.organization_id for c in snapshot.commissioners if c.organization_id}
    out = []
    for s in snapshot.services:
        if s.contract_value_gbp is None or s.start_date is None or s.variation_of:
            continue
        funders = tuple(dict.fromkeys((s.funder, *s.commissioners)))
        if any(own_org.get(c) == s.provider_id for c in funders):
            continue
        planned = {"startDate": s.start_date.isoformat()}
        if s.end_date:
            planned["endDate"] = s.end_date.isoformat()
        grant = {
            "id": f"{GRANT_PREFIX}-{s.id}",
            "title": s.name,
            "description": s.description or s.name,
            "currency": "GBP",
            "amountAwarded": s.contract_value_gbp,
            "awardDate": s.start_date.isoformat(),
            "plannedDates": [planned],
            "recipientOrganization": [_recipient(snapshot, s)],
            "fundingOrganization": [
                {"id": f"{GRANT_PREFIX}-{c.replace(' ', '-')}", "name": FUNDERS.get(c) or snapshot.commissioner_name(c)}
                for c in funders
            ],
            "grantProgramme": [{"code": _slug(s.programme), "title": s.programme}],
            "beneficiaryLocation": _beneficiaries(snapshot, s),
            "locationScope": "GLS040" if s.pan_london else "GLS050",
            "dataSource": s.source_url,
            "dateModified": stamp,
            "illustrative": s.illustrative,
        }
        out.append(grant)
    return out


#: The grants spreadsheet: 360Giving's column titles, then our extra columns.
GRANT_COLUMNS: tuple[tuple[str, Callable[[dict], Any]], ...] = (
    ("Identifier", lambda g: g["id"]),
    ("Title", lambda g: g["title"]),
    ("Description", lambda g: g["description"]),
    ("Currency", lambda g: g["currency"]),
    ("Amount Awarded", lambda g: g["amountAwarded"]),
    ("Award Date", lambda g: g["awardDate"]),
    ("Planned Dates:Start Date", lambda g: g["plannedDates"][0].get("startDate")),
    ("Planned Dates:End Date", lambda g: g["plannedDates"][0].get("endDate")),
    ("Recipient Org:Identifier", lambda g: g["recipientOrganization"][0]["id"]),
    ("Recipient Org:Name", lambda g: g["recipientOrganization"][0]["name"]),
    ("Recipient Org:Charity Number", lambda g: g["recipientOrganization"][0].get("charityNumber")),
    ("Recipient Org:Company Number", lambda g: g["recipientOrganization"][0].get("companyNumber")),
    ("Recipient Org:Web Address", lambda g: g["recipientOrganization"][0].get("url")),
    ("Funding Org:Identifier", lambda g: g["fundingOrganization"][0]["id"]),
    ("Funding Org:Name", lambda g: g["fundingOrganization"][0]["name"]),
    ("Grant Programme:Code", lambda g: g["grantProgramme"][0]["code"]),
    ("Grant Programme:Title", lambda g: g["grantProgramme"][0]["title"]),
    ("Beneficiary Location:Name", lambda g: g["beneficiaryLocation"][0]["name"]),
    ("Beneficiary Location:Geographic Code", lambda g: g["beneficiaryLocation"][0]["geoCode"]),
    ("Beneficiary Location:Geographic Code Type", lambda g: g["beneficiaryLocation"][0]["geoCodeType"]),
    ("Beneficiary Location:Country Code", lambda g: g["beneficiaryLocation"][0]["countryCode"]),
    ("Location Scope", lambda g: g["locationScope"]),
    ("Data Source", lambda g: g["dataSource"]),
    ("Last Modified", lambda g: g["dateModified"]),
    # Not 360Giving columns: every funder and beneficiary area when there are several, and the sample flag.
    ("Funding Orgs (all)", lambda g: ";".join(f["name"] for f in g["fundingOrganization"])),
    ("Beneficiary Locations (all)", lambda g: ";".join(b["geoCode"] for b in g["beneficiaryLocation"])),
    ("illustrative", lambda g: g["illustrative"]),
    ("note", lambda g: SAMPLE_NOTE if g["illustrative"] else ""),
)


def grant_rows(items: Sequence[dict]) -> list[dict[str, Any]]:
    """The grants flattened to the 360Giving spreadsheet columns."""
    return [{title: get(g) for title, get in GRANT_COLUMNS} for g in items]


# -- funding opportunities --------------------------------------------------------------------


OPPORTUNITY_COLUMNS = (
    "id", "title", "funder", "programme", "description", "applicant_types", "min_award_gbp",
    "max_award_gbp", "total_pot_gbp", "opens", "closes", "boroughs", "service_areas", "url",
    "awarded_note", "last_verified", "source_url", "illustrative", "note",
)


def opportunity_rows(snapshot: Snapshot) -> list[dict[str, Any]]:
    """One row per funding opportunity (no status column: it depends on the day it is read)."""
    return [
        {
            "id": o.id,
            "title": o.title,
            "funder": o.funder,
            "programme": o.programme,
            "description": o.description,
            "applicant_types": ";".join(o.applicant_types),
            "min_award_gbp": o.min_award_gbp,
            "max_award_gbp": o.max_award_gbp,
            "total_pot_gbp": o.total_pot_gbp,
            "opens": o.opens,
            "closes": o.closes,
            "boroughs": ";".join(snapshot.borough_name(c) for c in o.boroughs) or "all London",
            "service_areas": ";".join(snapshot.term_name(t) for t in o.service_areas),
            "url": o.url,
            "awarded_note": o.awarded_note,
            "last_verified": o.last_verified,
            "source_url": o.source_url,
            "illustrative": bool(o.illustrative),
            "note": SAMPLE_NOTE if o.illustrative else "",
        }
        for o in snapshot.opportunities
    ]


# -- one entry point for the downloads and the command line -----------------------------------


def build_export(snapshot: Snapshot, fmt: str, modified: dt.datetime, borough: str | None = None) -> Export:
    """Builds a download.

    Args:
        snapshot: The published version.
        fmt: One of FORMATS.
        modified: When the version was published (360Giving's Last Modified).
        borough: Only services covering this borough (services formats only).

    Raises:
        ValueError: Unknown format, or a borough with a format that has no boroughs.
    """
    suffix = f"-{borough}" if borough else ""
    if borough and fmt not in {"csv", "geojson"}:
        raise ValueError(f"{fmt} has no borough filter; only csv and geojson do")
    if fmt == "csv":
        rows = service_rows(snapshot, select_services(snapshot, borough))
        return Export(to_csv(SERVICE_COLUMNS, rows), "text/csv", f"services{suffix}.csv")
    if fmt == "geojson":
        data = services_geojson(snapshot, select_services(snapshot, borough))
        return Export(_json_bytes(data), "application/geo+json", f"services{suffix}.geojson")
    if fmt == "360giving-json":
        return Export(_json_bytes({"grants": grants(snapshot, modified)}), "application/json", "grants-360giving.json")
    if fmt == "360giving-csv":
        rows = grant_rows(grants(snapshot, modified))
        return Export(to_csv([t for t, _ in GRANT_COLUMNS], rows), "text/csv", "grants-360giving.csv")
    if fmt == "opportunities-csv":
        return Export(to_csv(OPPORTUNITY_COLUMNS, opportunity_rows(snapshot)), "text/csv", "funding-opportunities.csv")
    raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")


def published_at(snapshot: Snapshot) -> dt.datetime:
    """When the newest current part of the register was published (UTC; the snapshot's build time if none)."""
    moments = [_utc(v.published_at) for v in snapshot.history if v.current]
    return max(moments) if moments else _utc(snapshot.built_at)


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


# -- private helpers -------------------------------------------------------------------------


def _recipient(snapshot: Snapshot, s: ServiceEntry) -> dict:
    org = snapshot.organization(s.provider_id)
    recipient: dict[str, Any] = {"id": f"{GRANT_PREFIX}-{s.provider_id}", "name": s.provider_name}
    if org is not None:
        if org.charity_number:
            recipient["id"] = f"GB-CHC-{org.charity_number}"
            recipient["charityNumber"] = org.charity_number
        if org.company_number:
            recipient["companyNumber"] = org.company_number
            if not org.charity_number:
                recipient["id"] = f"GB-COH-{org.company_number}"
        if org.website:
            recipient["url"] = org.website
        if org.description:
            recipient["description"] = org.description
    return recipient


def _beneficiaries(snapshot: Snapshot, s: ServiceEntry) -> list[dict]:
    if s.pan_london or not s.borough_codes:
        return [dict(LONDON_REGION)]
    return [
        {"name": snapshot.borough_name(c), "geoCode": c, "geoCodeType": "LONB", "countryCode": "GB"}
        for c in s.borough_codes
    ]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _stamp(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _json_bytes(data: Any) -> bytes:
    # JSON is not a spreadsheet: its text is exactly the record's (no spreadsheet escaping).
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
