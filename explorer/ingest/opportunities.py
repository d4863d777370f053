"""Ingest layer: reading funding opportunities from CSV or XLSX (ours or GOV.UK Find a Grant's columns) and publishing them.

The phases run in order, each small: ``read`` (a file into numbered rows of cells),
``map_columns`` (the file's headers to our fields), ``normalise`` (amounts, dates, who can
apply, places and service areas to our values), ``validate`` (the record rules shared with
every other import); :mod:`explorer.ingest.formats.find_a_grant` registers it as a format, and
the one ingest path publishes (one new version, or nothing). A bad file gets a report
naming every bad row, field, value and rule, and publishes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from explorer.domain import funding as rules
from explorer.domain.problems import Problem, ValidationReport, shorten
from explorer.domain.records import TaxonomyTerm
from explorer.ingest.files import MAX_BYTES, FileFormatError, read_grid
from explorer.ingest.validate import validate_tables

ENTITY = "opportunities"
TABLE = "funding_opportunity"
SUFFIXES = (".csv", ".xlsx")

#: Our field -> the headers it may have in a file: ours, Find a Grant's advert fields, and the
#: labels Find a Grant shows on an advert. Headers are compared without case, spaces or punctuation.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "label", "grant id", "grant reference", "reference", "contentful slug"),
    "funder": ("funder", "grantFunder", "grantFundingOrganisation", "funding organisation",
               "funding organization", "funding body"),
    "programme": ("programme", "program", "grant programme", "fund", "scheme"),
    "title": ("title", "name", "grantName", "grant name", "name of grant", "opportunity"),
    "description": ("description", "grantShortDescription", "short description", "grantDescription",
                    "summary", "grant summary"),
    "applicant_types": ("applicant_types", "applicant types", "grantApplicantType", "who can apply",
                        "eligible applicants", "applicant type"),
    "min_award_gbp": ("min_award_gbp", "grantMinimumAward", "minimum award", "minimum amount",
                      "min award", "minimum grant"),
    "max_award_gbp": ("max_award_gbp", "grantMaximumAward", "maximum award", "maximum amount",
                      "max award", "maximum grant", "size of grant"),
    "total_pot_gbp": ("total_pot_gbp", "grantTotalAwardAmount", "total size of grant scheme",
                      "total award amount", "total fund", "total funding", "total pot",
                      "total amount available"),
    "opens": ("opens", "grantApplicationOpenDate", "opening date", "open date", "opens on"),
    "closes": ("closes", "grantApplicationCloseDate", "closing date", "close date", "deadline",
               "closes on"),
    "boroughs": ("boroughs", "grantLocation", "location", "locations", "where", "borough"),
    "service_areas": ("service_areas", "service areas", "service area", "themes", "topics"),
    "url": ("url", "grantWebpageUrl", "link", "grant webpage", "grant webpage url", "apply url",
            "how to apply", "application link", "website"),
    "source_url": ("source_url", "source", "source url", "advert url", "find a grant link"),
    "last_verified": ("last_verified", "last verified", "last checked", "verified on"),
    "illustrative": ("illustrative", "sample", "example"),
    "awarded_note": ("awarded_note", "awarded", "what was awarded", "awarded note"),
}

MONEY_FIELDS = ("min_award_gbp", "max_award_gbp", "total_pot_gbp")
DATE_FIELDS = ("opens", "closes", "last_verified")
_SPLIT = re.compile(r"\s*[;,|\n]\s*")
_UK_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MONEY = re.compile(r"^(?:up to|upto|from|about|around)?\s*£?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(k|m|million|thousand|bn)?$")


@dataclass(frozen=True)
class SheetRow:
    """One data row as read: its row number as a spreadsheet shows it, and its cells by header."""

    number: int
    cells: dict[str, Any]


@dataclass(frozen=True)
class Sheet:
    """A table read from a file: its name, its headers in order, and its data rows."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[SheetRow, ...]


# -- read ---------------------------------------------------------------------------------------


def read_opportunity_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Sheet:
    """Reads a CSV or XLSX file whose first non-empty row holds the headers.

    Fully empty rows are skipped, but row numbers stay those a spreadsheet shows. The file is
    read by :func:`explorer.ingest.files.read_grid` (the size limit, and formulas as their text).

    Raises:
        FileFormatError: The file is missing, of another type, too large, unreadable or has no header.
    """
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise FileFormatError(path.name, "must be a .csv or .xlsx file")
    grid = read_grid(path, max_bytes=max_bytes)
    header_at = next((i for i, (_n, cells) in enumerate(grid) if any(_present(c) for c in cells)), None)
    if header_at is None:
        raise FileFormatError(path.name, "is empty; expected a header row")
    header_number, header_cells = grid[header_at]
    headers = tuple(str(c).strip() if _present(c) else "" for c in header_cells)
    rows = []
    for number, cells in grid[header_at + 1 :]:
        if not any(_present(c) for c in cells):
            continue
        values = {h: (cells[i] if i < len(cells) else None) for i, h in enumerate(headers) if h}
        rows.append(SheetRow(number, values))
    return Sheet(path.name, headers, tuple(rows))


# -- map columns --------------------------------------------------------------------------------


def map_columns(headers: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """Matches a file's headers to our fields.

    Returns:
        Our field -> the file's header for it, and the headers that matched nothing.
    """
    lookup = {_key(alias): field for field, aliases in COLUMN_ALIASES.items() for alias in aliases}
    mapping: dict[str, str] = {}
    unused: list[str] = []
    for header in headers:
        if not header:
            continue
        field = lookup.get(_key(header))
        if field is None or field in mapping:
            unused.append(header)
        else:
            mapping[field] = header
    return mapping, unused


# -- normalise ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabularies:
    """What places and service areas may be called, for turning names into codes and ids."""

    borough_codes: Mapping[str, str]  # cleaned name or code -> code
    term_ids: Mapping[str, str]  # cleaned id, name or synonym -> term id
    terms_known: bool

    @classmethod
    def build(cls, boroughs: Mapping[str, str], terms: Iterable[TaxonomyTerm]) -> "Vocabularies":
        """From borough code -> name, and the published service areas (may be empty)."""
        codes: dict[str, str] = {}
        for code, name in boroughs.items():
            codes[_key(code)] = code
            codes[_key(name)] = code
            codes[_key(f"London Borough of {name}")] = code
            codes[_key(f"Royal Borough of {name}")] = code
        term_ids: dict[str, str] = {}
        terms = list(terms)
        for term in terms:
            for alias in (term.id, term.name, *term.synonyms):
                term_ids.setdefault(_key(alias), term.id)
        return cls(codes, term_ids, bool(terms))


def normalise_row(
    row: SheetRow, mapping: Mapping[str, str], vocab: Vocabularies, file_name: str
) -> tuple[dict[str, Any], list[Problem]]:
    """Turns one row's cells into our fields' values; says what could not be turned.

    A value that cannot be read is reported against the file's own header and left empty,
    so the record rules do not report it twice.
    """
    problems: list[Problem] = []
    out: dict[str, Any] = {}

    def cell(field: str) -> Any:
        header = mapping.get(field)
        return None if header is None else row.cells.get(header)

    def bad(field: str, value: Any, rule: str) -> None:
        problems.append(Problem(file_name, row.number, mapping.get(field, field), shorten(value), rule))

    for field in ("id", "funder", "programme", "title", "description", "url", "source_url", "awarded_note"):
        value = cell(field)
        out[field] = None if not _present(value) else str(value).strip()
    out["illustrative"] = cell("illustrative") if _present(cell("illustrative")) else False

    for fields, parse in ((MONEY_FIELDS, parse_money), (DATE_FIELDS, parse_date)):
        for field in fields:
            value = cell(field)
            try:
                out[field] = parse(value)
            except ValueError as exc:
                bad(field, value, str(exc))
                out[field] = None

    # The record checks these too, but only once every field is readable: check them here
    # as well, so one pass reports every problem of a row.
    if out["opens"] and out["closes"] and out["closes"] < out["opens"]:
        bad("closes", cell("closes"), "must not be before opens")
    if out["min_award_gbp"] is not None and out["max_award_gbp"] is not None and out["max_award_gbp"] < out["min_award_gbp"]:
        bad("max_award_gbp", cell("max_award_gbp"), "must not be below min_award_gbp")

    applicants = _parts(cell("applicant_types"))
    known, unknown = rules.normalise_applicant_types(applicants)
    for value in unknown:
        bad("applicant_types", value,
            "must be a kind of applicant: " + ", ".join(rules.APPLICANT_TYPES)
            + " (or Find a Grant's Non-profit, Public Sector, Private Sector, Local authority, Personal / Individual)")
    out["applicant_types"] = ";".join(known)

    out["boroughs"], place_problem = _boroughs(_parts(cell("boroughs")), vocab)
    if place_problem:
        bad("boroughs", cell("boroughs"), place_problem)

    areas: list[str] = []
    for value in _parts(cell("service_areas")):
        term = vocab.term_ids.get(_key(value))
        if term is None and vocab.terms_known:
            bad("service_areas", value, "must be a service area id or name from taxonomy.csv")
        elif term is None:
            areas.append(value)
        elif term not in areas:
            areas.append(term)
    out["service_areas"] = ";".join(areas)

    # Find a Grant adverts have no id, programme or separate source: fill them in plainly.
    if not out["id"] and out["title"]:
        out["id"] = _slug(out["title"])
    if not out["programme"]:
        out["programme"] = out["title"]
    if not out["source_url"]:
        out["source_url"] = out["url"]
    return out, problems


def parse_money(value: Any) -> float | None:
    """Reads an amount in pounds: 5000, "£5,000", "£1 million", "£2.5m", "10k", "up to £10,000"."""
    if not _present(value):
        return None
    if isinstance(value, bool):
        raise ValueError("must be an amount in pounds, like 5000 or £5,000")
    if isinstance(value, (int, float)):
        if value < 0 or value != value:
            raise ValueError("must be an amount in pounds of 0 or more")
        return float(value)
    text = str(value).strip().lower()
    match = _MONEY.match(text)
    if not match:
        raise ValueError("must be an amount in pounds, like 5000, £5,000 or £1.5 million")
    amount = float(match.group(1).replace(",", ""))
    unit = match.group(2)
    factor = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9}.get(unit or "", 1.0)
    return amount * factor


def parse_date(value: Any) -> dt.date | None:
    """Reads a date: a spreadsheet date, 2026-03-14, 2026-03-14T23:59, 14/03/2026, 14 March 2026.

    A time of day, as Find a Grant gives for closing dates, is dropped: the day is kept.
    """
    if not _present(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", text) else _written_date(text)
    except ValueError:
        raise ValueError("must be a date like 2026-03-14 or 14/03/2026") from None


def _written_date(text: str) -> dt.date:
    match = _UK_DATE.match(text)
    if match:
        day, month, year = map(int, match.groups())
        return dt.date(year, month, day)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(",", " "))
    cleaned = re.sub(r"\s+\d{1,2}[:.]\d{2}\s*(am|pm)?$", "", cleaned, flags=re.I).strip()
    for fmt in ("%d %B %Y", "%d %b %Y", "%A %d %B %Y", "%a %d %b %Y", "%B %d %Y"):
        try:
            return dt.datetime.strptime(" ".join(cleaned.split()), fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _boroughs(values: Sequence[str], vocab: Vocabularies) -> tuple[str, str | None]:
    """Borough codes ";"-joined ("" for all of London), and a rule broken, if any."""
    if not values:
        return "", None
    codes: list[str] = []
    outside: list[str] = []
    pan_london = False
    for value in values:
        if value.strip().lower() in rules.PAN_LONDON_WORDS:
            pan_london = True
            continue
        code = vocab.borough_codes.get(_key(value))
        if code is None:
            outside.append(value)
        elif code not in codes:
            codes.append(code)
    if pan_london:
        return "", None
    if outside and not codes:
        return "", "must include London, a London borough, or National (the explorer lists London funding only)"
    if outside:
        return ";".join(codes), f"has places that are not a London borough code or name: {', '.join(outside)}"
    return ";".join(codes), None


# -- validate and publish -----------------------------------------------------------------------


@dataclass(frozen=True)
class ValidatedFile:
    """A file's clean records and its report."""

    records: dict[str, list]
    report: ValidationReport


def validate_opportunity_file(
    path: Path,
    *,
    boroughs: Mapping[str, str],
    terms: Iterable[TaxonomyTerm] = (),
    today: dt.date | None = None,
    max_bytes: int = MAX_BYTES,
) -> ValidatedFile:
    """Reads, maps, normalises and validates a file of opportunities.

    Args:
        path: A .csv or .xlsx file with our columns or Find a Grant's.
        boroughs: Borough code -> name, for reading the location column.
        terms: The published service areas, for reading the service area column.
        today: The day the checks are made (warnings about verification use it).
    """
    today = today or dt.date.today()
    path = Path(path)
    try:
        sheet = read_opportunity_file(path, max_bytes=max_bytes)
    except FileFormatError as exc:
        return ValidatedFile({}, ValidationReport(problems=(Problem(exc.file, exc.row, exc.field, exc.value, exc.rule),)))
    mapping, unused = map_columns(sheet.headers)
    problems: list[Problem] = [
        Problem(sheet.name, 1, header, "", "is not a column the explorer reads; it was ignored", "warning")
        for header in unused
    ]
    if "title" not in mapping:
        problems.append(Problem(sheet.name, 1, "title", "",
                                "a column with the opportunity's name is required (title, name or grantName)"))
    if "funder" not in mapping:
        problems.append(Problem(sheet.name, 1, "funder", "",
                                "a column with the funder is required (funder, grantFunder or Funding organisation)"))
    for field, meaning in (
        ("id", "each opportunity's id is made from its title"),
        ("programme", "each opportunity's programme is taken to be its title"),
        ("source_url", "each opportunity's source is taken to be its link"),
    ):
        if field not in mapping:
            problems.append(Problem(sheet.name, 1, field, "", f"no such column: {meaning}", "warning"))
    if not sheet.rows:
        problems.append(Problem(sheet.name, 2, "", "", "the file has a header but no rows"))
    if any(p.level == "error" for p in problems):
        return ValidatedFile({}, ValidationReport(problems=tuple(problems), row_counts={TABLE: len(sheet.rows)}))

    vocab = Vocabularies.build(boroughs, terms)
    normalised: list[dict[str, Any]] = []
    for row in sheet.rows:
        values, row_problems = normalise_row(row, mapping, vocab, sheet.name)
        normalised.append(values)
        problems.extend(row_problems)

    validated = validate_tables({TABLE: normalised}, postcode_lookup=_no_postcodes, today=today)
    numbers = [r.number for r in sheet.rows]
    for problem in validated.report.problems:
        index = problem.row - 2  # validate_tables numbers rows from 2, in the order given
        problems.append(
            replace(
                problem,
                file=sheet.name,
                row=numbers[index] if 0 <= index < len(numbers) else problem.row,
                field=mapping.get(problem.field, problem.field),
            )
        )
    clean = validated.records.get(TABLE, [])
    problems.extend(
        Problem(sheet.name, numbers[i], mapping.get("last_verified", "last_verified"), "",
                "has never been checked by a person", "warning")
        for i, values in enumerate(normalised)
        if values.get("last_verified") is None
    )
    problems = _without_repeats(problems, derived_source="source_url" not in mapping, url_header=mapping.get("url"))
    problems.sort(key=lambda p: (p.row, p.level != "error"))
    report = ValidationReport(problems=tuple(problems), row_counts={TABLE: len(sheet.rows)})
    return ValidatedFile({TABLE: clean}, report)


# -- private helpers ----------------------------------------------------------------------------


def _without_repeats(problems: list[Problem], *, derived_source: bool, url_header: str | None) -> list[Problem]:
    """Drops a problem said twice (by this module and by the record rules), and a source that
    was copied from a bad link (the link's own problem says it)."""
    seen: set[tuple] = set()
    bad_links = {p.row for p in problems if url_header and p.field == url_header}
    kept = []
    for problem in problems:
        key = (problem.row, problem.field, problem.rule, problem.level)
        if key in seen:
            continue
        if derived_source and problem.field == "source_url" and problem.row in bad_links:
            continue
        seen.add(key)
        kept.append(problem)
    return kept



def _no_postcodes(text: str):
    raise ValueError("opportunities have no postcodes")


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and value != value:
        return False
    return not (isinstance(value, str) and not value.strip())


def _parts(value: Any) -> list[str]:
    if not _present(value):
        return []
    return [p for p in _SPLIT.split(str(value).strip()) if p]


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:100] or "opportunity"


def split_synonyms(row: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["synonyms"] = tuple(v for v in (row.get("synonyms") or "").split(";") if v)
    return out
