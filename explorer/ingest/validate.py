"""Ingest layer: validating the rows of an entity, row by row and across rows.

Two levels, as 360Giving and Open Referral UK do: errors block a publish (a missing
required field, a duplicate id, an unknown borough, a non-London postcode, an end before a
start, negative money, a bad URL, a broken reference); warnings are reported but publish
(not verified for 12 months, no contact route).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from pydantic import BaseModel, ValidationError

from explorer.domain import records
from explorer.domain.problems import Problem, ValidationReport, shorten

#: For each table: the file it is read from, its record type, and its key columns.
TABLES: dict[str, tuple[str, type[BaseModel], tuple[str, ...]]] = {
    "taxonomy_term": ("taxonomy.csv", records.TaxonomyTerm, ("id",)),
    "organization": ("organizations.csv", records.Organization, ("id",)),
    "service": ("services.csv", records.Service, ("id",)),
    "service_area": ("service_areas.csv", records.ServiceArea, ("service_id", "borough_code")),
    "service_taxonomy": ("service_taxonomy.csv", records.ServiceTaxonomy, ("service_id", "term_id")),
    "location": ("locations.csv", records.Location, ("id",)),
    "service_at_location": (
        "service_at_location.csv",
        records.ServiceAtLocation,
        ("service_id", "location_id"),
    ),
    "measure": ("measures.csv", records.Measure, ("id",)),
    "measure_value": ("measure_values.csv", records.MeasureValue, ("measure_id", "period")),
    "spend": ("spend.csv", records.Spend, ("service_id", "period")),
    "reach": ("reach.csv", records.Reach, ("service_id", "borough_code", "period")),
    "funding_opportunity": ("opportunities.csv", records.FundingOpportunity, ("id",)),
    "lcpf_allocation": (
        "lcpf_allocations.csv",
        records.LcpfAllocation,
        ("borough_code", "financial_year"),
    ),
    "lcpf_total": ("lcpf_totals.csv", records.LcpfTotal, ("financial_year", "measure")),
    "crime": ("crime.csv", records.Crime, ("borough_code", "financial_year", "category")),
}

#: (table, column) -> (referenced table, referenced column)
REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("service", "organization_id"): ("organization", "id"),
    ("service_area", "service_id"): ("service", "id"),
    ("service_taxonomy", "service_id"): ("service", "id"),
    ("service_taxonomy", "term_id"): ("taxonomy_term", "id"),
    ("service_at_location", "service_id"): ("service", "id"),
    ("service_at_location", "location_id"): ("location", "id"),
    ("measure", "service_id"): ("service", "id"),
    ("measure_value", "measure_id"): ("measure", "id"),
    ("spend", "service_id"): ("service", "id"),
    ("reach", "service_id"): ("service", "id"),
}

STALE_AFTER_DAYS = 365

#: Looks a postcode up; returns (latitude, longitude, borough code) or raises ValueError.
PostcodeLookup = Callable[[str], tuple[float, float, str]]


@dataclass(frozen=True)
class Validated:
    """The outcome of validating an entity: its clean records and the report."""

    records: dict[str, list[BaseModel]]
    report: ValidationReport


def validate_tables(
    raw: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    postcode_lookup: PostcodeLookup,
    context: Mapping[str, Sequence[BaseModel]] | None = None,
    today: dt.date | None = None,
) -> Validated:
    """Validates the raw rows of one or more tables.

    Args:
        raw: Table name to its rows as read from a file (strings).
        postcode_lookup: Resolves a postcode to coordinates and borough; raises ValueError
            for a postcode that is not in London.
        context: Records already published that references may point to (for example the
            current services when only measures are being loaded).
        today: The date freshness warnings are measured from.

    Returns:
        The records that passed row-level checks and the full report.
    """
    today = today or dt.date.today()
    problems: list[Problem] = []
    clean: dict[str, list[BaseModel]] = {}
    rows_of: dict[str, list[int]] = {}
    for table, rows in raw.items():
        file_name, model, keys = TABLES[table]
        clean[table], rows_of[table] = [], []
        for index, row in enumerate(rows, start=2):
            try:
                record = model.model_validate(dict(row))
            except ValidationError as exc:
                problems.extend(_problems_from(exc, file_name, index, row))
                continue
            clean[table].append(record)
            rows_of[table].append(index)
        problems.extend(_duplicates(clean[table], rows_of[table], file_name, keys))

    if "location" in clean:
        clean["location"] = _place_locations(
            clean["location"], rows_of["location"], postcode_lookup, problems
        )
    problems.extend(_broken_references(clean, rows_of, context or {}))
    problems.extend(_confidential_pins(clean, rows_of))
    problems.extend(_service_warnings(clean, rows_of, today))
    report = ValidationReport(
        problems=tuple(problems), row_counts={t: len(r) for t, r in raw.items()}
    )
    return Validated(records=clean, report=report)


def record_rows(records_by_table: Mapping[str, Sequence[BaseModel]]) -> dict[str, list[dict]]:
    """Turns validated records into plain rows for the store."""
    return {t: [r.model_dump() for r in recs] for t, recs in records_by_table.items()}


# -- private helpers ---------------------------------------------------------------------------


def _problems_from(exc: ValidationError, file_name: str, row: int, raw: Mapping) -> list[Problem]:
    found = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else ""
        message = error["msg"].removeprefix("Value error, ")
        if not field and ": " in message:  # a cross-field rule names its field first
            field, message = message.split(": ", 1)
        if error["type"] == "missing" or (error.get("input") is None and field):
            message = "is required"
        value = raw.get(field, "") if field else ""
        found.append(Problem(file_name, row, field, shorten(value), message))
    return found


def _duplicates(recs, rows, file_name, keys) -> list[Problem]:
    seen: Counter = Counter()
    found = []
    for record, row in zip(recs, rows):
        key = tuple(getattr(record, k) for k in keys)
        seen[key] += 1
        if seen[key] >= 2:
            found.append(
                Problem(file_name, row, keys[0], shorten("/".join(map(str, key))),
                        "must be unique: this " + " + ".join(keys) + " appears more than once")
            )
    return found


def _place_locations(locations, rows, postcode_lookup, problems) -> list[BaseModel]:
    placed = []
    for record, row in zip(locations, rows):
        try:
            lat, lon, _borough = postcode_lookup(record.postcode)
        except ValueError as exc:
            problems.append(Problem("locations.csv", row, "postcode", record.postcode, str(exc)))
            continue
        placed.append(record.model_copy(update={"latitude": lat, "longitude": lon}))
    return placed


def _broken_references(clean, rows_of, context) -> list[Problem]:
    found = []
    for (table, column), (target, target_column) in REFERENCES.items():
        if table not in clean:
            continue
        pool = clean.get(target) if target in clean else context.get(target)
        if pool is None:
            continue
        known = {getattr(r, target_column) for r in pool}
        for record, row in zip(clean[table], rows_of[table]):
            value = getattr(record, column)
            if value not in known:
                found.append(
                    Problem(TABLES[table][0], row, column, value,
                            f"must match an {target_column} in {TABLES[target][0]}")
                )
    return found


def _confidential_pins(clean, rows_of) -> list[Problem]:
    if "service" not in clean or "service_at_location" not in clean:
        return []
    confidential = {s.id for s in clean["service"] if s.confidential_location}
    return [
        Problem("service_at_location.csv", row, "service_id", link.service_id,
                "a service with a confidential location must not have a public location")
        for link, row in zip(clean["service_at_location"], rows_of["service_at_location"])
        if link.service_id in confidential
    ]


def _service_warnings(clean, rows_of, today: dt.date) -> list[Problem]:
    found = []
    for svc, row in zip(clean.get("service", ()), rows_of.get("service", ())):
        if svc.last_verified is None:
            found.append(Problem("services.csv", row, "last_verified", "",
                                 "has never been verified by a person", "warning"))
        elif (today - svc.last_verified).days > STALE_AFTER_DAYS:
            found.append(Problem("services.csv", row, "last_verified", str(svc.last_verified),
                                 "not verified for over 12 months", "warning"))
        if not (svc.url or svc.email or svc.phone):
            found.append(Problem("services.csv", row, "url", "",
                                 "has no contact route (url, email or phone)", "warning"))
    return found
