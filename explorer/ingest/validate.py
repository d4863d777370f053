"""Ingest layer: validating the rows of an entity, row by row and across rows.

Two levels, as 360Giving and Open Referral UK do: errors block a publish (a missing
required field, a duplicate id, an unknown borough, a non-London postcode, an end before a
start, negative money, a bad URL, a broken reference); warnings are reported but publish
(not verified for 12 months, no contact route).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

from pydantic import BaseModel, TypeAdapter, ValidationError

from explorer.domain import freshness as freshness_rules
from explorer.domain import records
from explorer.domain.evidence import Evaluation
from explorer.domain.problems import Problem, ValidationReport, shorten
from explorer.ingest.files import ROW_KEY
from explorer.ingest.tables import check_table

#: For each table: the file it is read from, its record type, and its key columns.
TABLES: dict[str, tuple[str, type[BaseModel], tuple[str, ...]]] = {
    "taxonomy_term": ("taxonomy.csv", records.TaxonomyTerm, ("id",)),
    "commissioner": ("commissioners.csv", records.Commissioner, ("code",)),
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
    "published_outcome": ("published_outcomes.csv", records.ProgrammeOutcome, ("programme",)),
    "contract": ("contracts.csv", records.Contract, ("ocid",)),
    "evaluation": ("evaluations.csv", Evaluation, ("id",)),
}

#: (table, column) -> (referenced table, referenced column)
REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("service", "organization_id"): ("organization", "id"),
    ("service", "variation_of"): ("service", "id"),
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

OPTIONAL_TABLES = frozenset({"lcpf_total", "service_at_location", "location", "commissioner"})
"""Tables an entity may be published without (the new version then has no rows in them)."""

STALE_AFTER_DAYS = freshness_rules.STALE_AFTER_DAYS

#: The shape of a UK postcode (checked before the London lookup, to tell typos from places).
UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}$", re.IGNORECASE)

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
    file_names: Mapping[str, str] | None = None,
    consume: bool = False,
) -> Validated:
    """Validates the raw rows of one or more tables.

    Three passes: the whole table (pandera: columns, uniqueness, plain text), each row
    (pydantic: types, ranges, shapes), then across rows and tables (references,
    postcodes, confidential locations, freshness and contact warnings).

    Args:
        raw: Table name to its rows as read from a file (strings; a row may carry its
            spreadsheet row number under ``_row``).
        postcode_lookup: Resolves a postcode to coordinates and borough; raises ValueError
            for a postcode that is not in London.
        context: Records already published that references may point to (for example the
            current services when only measures are being loaded).
        today: The date freshness warnings are measured from.
        file_names: How to name each table's file in problems (default: its CSV name).
        consume: Take each table's rows out of ``raw`` (a dict) once they are checked, so they can be
            freed while the next table is checked (a large import holds less at once).

    Returns:
        The records that passed row-level checks and the full report.
    """
    today = today or dt.date.today()
    names = {t: (file_names or {}).get(t) or TABLES[t][0] for t in raw}
    problems: list[Problem] = []
    clean: dict[str, list[BaseModel]] = {}
    rows_of: dict[str, list[int]] = {}
    failed: dict[str, set[str]] = {}
    row_counts = {t: len(r) for t, r in raw.items()}
    for table in list(raw):
        rows = raw.pop(table) if consume else raw[table]  # type: ignore[attr-defined]
        _file, model, keys = TABLES[table]
        table_problems, checkable = check_table(
            rows, columns=_columns(model), keys=keys, label=names[table]
        )
        problems.extend(table_problems)
        if not checkable:
            clean[table], rows_of[table] = [], []
            continue
        clean[table], rows_of[table], row_problems, failed_ids = _validate_rows(
            model, rows, names[table], release=consume and isinstance(rows, list)
        )
        problems.extend(row_problems)
        if row_problems and keys == ("id",):
            # Rows that point at a record already reported as bad are not reported again.
            failed[table] = failed_ids - {r.id for r in clean[table]}

    if "location" in clean:
        clean["location"] = _place_locations(
            clean["location"], rows_of["location"], postcode_lookup, problems, names.get("location", "")
        )
    problems.extend(_broken_references(clean, rows_of, context or {}, names, failed))
    problems.extend(_unknown_commissioners(clean, rows_of, context or {}, names))
    problems.extend(_evaluation_services(clean, rows_of, context or {}, names))
    problems.extend(_confidential_pins(clean, rows_of, names))
    problems.extend(_warnings(clean, rows_of, today, names))
    problems.extend(_measure_warnings(clean, rows_of, context or {}, names))
    report = ValidationReport(
        problems=tuple(problems), row_counts=row_counts
    )
    return Validated(records=clean, report=report)


def record_rows(records_by_table: Mapping[str, Sequence[BaseModel]]) -> dict[str, list[dict]]:
    """Turns validated records into plain rows for the store."""
    out = {}
    for table, recs in records_by_table.items():
        model = TABLES[table][1]
        out[table] = _list_adapter(model).dump_python(list(recs)) if recs else []
    return out


# -- private helpers ---------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _columns(model: type[BaseModel]) -> dict[str, bool]:
    return {name: field.is_required() for name, field in model.model_fields.items()}


@lru_cache(maxsize=None)
def _list_adapter(model: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(list[model])


def _validate_rows(
    model, rows, label, *, release: bool = False
) -> tuple[list[BaseModel], list[int], list[Problem], set[str]]:
    """Validates every row, a part at a time (the common case, all good, is one call per part).

    Returns the records of the good rows, their row numbers, the problems, and the ids of the rows
    that failed. With ``release``, each part's rows are dropped from ``rows`` (a list) once its
    records are made, so a large table's rows as read and its records are not all held at once.
    """
    numbers = [row.get(ROW_KEY, i) for i, row in enumerate(rows, start=2)]
    adapter = _list_adapter(model)
    found: list[BaseModel] = []
    kept_numbers: list[int] = []
    problems: list[Problem] = []
    failed_ids: set[str] = set()
    names_sets: list[set[str]] = []
    for start in range(0, len(rows), VALIDATE_CHUNK):
        part = rows[start:start + VALIDATE_CHUNK]
        try:
            records = adapter.validate_python(part)
            keep: Sequence[int] = range(len(part))
        except ValidationError as exc:
            by_row: dict[int, list[dict]] = {}
            for error in exc.errors():
                by_row.setdefault(error["loc"][0], []).append({**error, "loc": error["loc"][1:]})
            for index in sorted(by_row):
                problems.extend(_problems_from(by_row[index], label, numbers[start + index], part[index]))
                failed_ids.add(str(part[index].get("id", "")).strip())
            keep = [i for i in range(len(part)) if i not in by_row]
            records = adapter.validate_python([part[i] for i in keep]) if keep else []
        _share_names(records, names_sets)
        found.extend(records)
        kept_numbers.extend(numbers[start + i] for i in keep)
        if release:
            rows[start:start + len(part)] = [None] * len(part)
        del part
    return found, kept_numbers, problems, failed_ids


#: Rows validated per call (a part's field-name sets are shared, and its rows released, after it).
VALIDATE_CHUNK = 5_000


def _share_names(records: Sequence[Any], kept: list[set[str]]) -> None:
    """Gives records that set the same fields one set of their names: pydantic makes a set per record
    (about 2 KB for a service, over 200 MB for 100,000 rows). Records are frozen, so nothing adds to
    a set afterwards (``model_copy`` copies it first)."""
    for record in records:
        names = getattr(record, "__pydantic_fields_set__", None)
        if names is None:  # not a pydantic model (a dataclass record)
            continue
        for same in kept:
            if same == names:
                object.__setattr__(record, "__pydantic_fields_set__", same)
                break
        else:
            kept.append(names)


def _problems_from(errors: list[dict], file_name: str, row: int, raw: Mapping) -> list[Problem]:
    found = []
    for error in errors:
        field = str(error["loc"][0]) if error["loc"] else ""
        message = error["msg"].removeprefix("Value error, ")
        if not field and ": " in message:  # a cross-field rule names its field first
            field, message = message.split(": ", 1)
        if error["type"] == "missing" or (error.get("input") is None and field):
            message = "is required"
        value = raw.get(field, "") if field else ""
        found.append(Problem(file_name, row, field, shorten(value), message))
    return found


def _place_locations(locations, rows, postcode_lookup, problems, label) -> list[BaseModel]:
    placed = []
    for record, row in zip(locations, rows):
        if not UK_POSTCODE.match(record.postcode):
            problems.append(Problem(label, row, "postcode", shorten(record.postcode),
                                    "must be a UK postcode like SE15 4AB"))
            continue
        try:
            lat, lon, _borough = postcode_lookup(record.postcode)
        except ValueError:
            problems.append(Problem(label, row, "postcode", record.postcode,
                                    "must be a postcode in a London borough"))
            continue
        placed.append(record.model_copy(update={"latitude": lat, "longitude": lon}))
    return placed


def _broken_references(clean, rows_of, context, names, failed) -> list[Problem]:
    found = []
    for (table, column), (target, target_column) in REFERENCES.items():
        if table not in clean:
            continue
        pool = clean.get(target) if target in clean else context.get(target)
        if pool is None:
            continue
        known = {getattr(r, target_column) for r in pool} | failed.get(target, set())
        target_name = names.get(target) or TABLES[target][0]
        for record, row in zip(clean[table], rows_of[table]):
            value = getattr(record, column)
            if value is not None and value not in known:
                found.append(
                    Problem(names[table], row, column, value,
                            f"must match an {target_column} in {target_name}")
                )
    return found


def _unknown_commissioners(clean, rows_of, context, names) -> list[Problem]:
    """Each service's commissioners and funder of record must be named in the commissioners table.

    Without a commissioners table (in this load or already published) the register's
    default list, :data:`explorer.domain.records.COMMISSIONERS`, is the table.
    """
    if "service" not in clean:
        return []
    pool = clean.get("commissioner") or context.get("commissioner")
    known = {c.code for c in pool} if pool else set(records.COMMISSIONERS)
    where = names.get("commissioner") or TABLES["commissioner"][0]
    found = []
    for svc, row in zip(clean["service"], rows_of["service"]):
        for column, values in (("commissioner", svc.commissioner), ("funder_of_record", (svc.funder_of_record,))):
            for value in values:
                if value is not None and value not in known:
                    found.append(Problem(names["service"], row, column, value,
                                         f"must be a code in {where}: " + ", ".join(sorted(known))))
    return found


def _evaluation_services(clean, rows_of, context, names) -> list[Problem]:
    """Every service an evaluation names must be in the register (its ``service_ids`` is a list)."""
    if "evaluation" not in clean:
        return []
    pool = clean.get("service") if "service" in clean else context.get("service")
    if pool is None:
        return []
    known = {s.id for s in pool}
    return [
        Problem(names["evaluation"], row, "service_ids", service_id,
                f"must match an id in {names.get('service') or TABLES['service'][0]}")
        for record, row in zip(clean["evaluation"], rows_of["evaluation"])
        for service_id in record.service_ids
        if service_id not in known
    ]


def _confidential_pins(clean, rows_of, names) -> list[Problem]:
    if "service" not in clean or "service_at_location" not in clean:
        return []
    confidential = {s.id for s in clean["service"] if s.confidential_location}
    return [
        Problem(names["service_at_location"], row, "service_id", link.service_id,
                "a service with a confidential location must not have a public location")
        for link, row in zip(clean["service_at_location"], rows_of["service_at_location"])
        if link.service_id in confidential
    ]


def _freshness_warning(label, row, value: dt.date | None, today: dt.date) -> Problem | None:
    if value is None:
        return Problem(label, row, "last_verified", "", "has never been verified by a person", "warning")
    if (today - value).days > STALE_AFTER_DAYS:
        return Problem(label, row, "last_verified", str(value), "not verified for over 12 months", "warning")
    return None


def _no_contact(label, row, service) -> Problem | None:
    if service.url or service.email or service.phone:
        return None
    return Problem(label, row, "url", "", "has no contact route (url, email or phone)", "warning")


#: The warnings each record of a table may get beyond its freshness, in the order they are listed.
_MORE_WARNINGS = {"service": (_no_contact,), "funding_opportunity": ()}


def _warnings(clean, rows_of, today: dt.date, names) -> list[Problem]:
    """Per record, in row order: not verified lately (or never), then the table's own warnings."""
    found = []
    for table, more in _MORE_WARNINGS.items():
        for record, row in zip(clean.get(table, ()), rows_of.get(table, ())):
            checks = (_freshness_warning(names[table], row, record.last_verified, today),
                      *(check(names[table], row, record) for check in more))
            found.extend(problem for problem in checks if problem)
    return found


def _measure_warnings(clean, rows_of, context, names) -> list[Problem]:
    """Services without any performance measure (the Committee asks for one for every service).

    Checked in both directions: new services against the published measures, and new
    measures against the published services. Quiet until both have been published once.
    """
    if "service" in clean and context.get("measure"):
        measured = {m.service_id for m in context["measure"]}
        return [
            Problem(names["service"], row, "id", svc.id, "has no performance measure", "warning")
            for svc, row in zip(clean["service"], rows_of["service"])
            if svc.id not in measured and svc.status == "active"
        ]
    if "measure" in clean and context.get("service"):
        measured = {m.service_id for m in clean["measure"]}
        return [
            Problem(names["measure"], 0, "service_id", svc.id, "this published service has no performance measure", "warning")
            for svc in context["service"]
            if svc.id not in measured and getattr(svc, "status", "active") == "active"
        ]
    return []
