"""Ingest layer: the Metropolitan Police's borough-level crime CSV, summed into financial years.

The MPS publishes recorded crime by borough on the London Datastore ("MPS Borough Level
Crime", most recent 24 months and historical) as one row per major category, minor category
and borough, with one column of offence counts per month (``MajorText, MinorText,
BoroughName, 201004, 201005, ...``). This module reads one or more of those files as they
come and turns them into :class:`~explorer.domain.records.Crime` rows: one per borough,
financial year (April to March) and major category, plus an ``all crime`` total.

It reads in named phases (read, check the header, check and resolve each row, sum by year,
keep whole years only), and reports every problem by file, row, field, value and rule:

* errors (block a publish): an unknown borough name, a count that is blank, negative or not a
  whole number, a gap in the month columns, an unexpected column, a row with the wrong number
  of cells, the same series twice, two files disagreeing about the same month;
* warnings (reported, excluded, publish goes ahead): the MPS pseudo-boroughs "London Heathrow
  and London City Airports" and "Unknown", and financial years with missing months, which are
  never summed as if they were whole years.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from explorer.domain.problems import Problem, ValidationReport, shorten
from explorer.domain.records import Crime
from explorer.ingest.files import MAX_BYTES, RULE_FORMULA, FileFormatError, cell_text, is_formula, read_grid

MET_SOURCE_URL = "https://data.london.gov.uk/dataset/recorded_crime_summary"
"""The London Datastore page of "MPS Borough Level Crime" (Open Government Licence)."""

MET_SOURCE_NAME = 'London Datastore, "MPS Borough Level Crime" (Metropolitan Police Service)'

KEY_COLUMNS = ("MajorText", "MinorText", "BoroughName")
PSEUDO_BOROUGHS = ("London Heathrow and London City Airports", "Unknown")
ALL_CRIME = "all crime"
CRIME_CSV_COLUMNS = ("borough_code", "financial_year", "category", "count", "source_url")

#: The categories the LCPF page offers, in the order it offers them.
PAGE_CATEGORIES = (
    ALL_CRIME,
    "violence against the person",
    "robbery",
    "possession of weapons",
    "sexual offences",
)

_MONTH = re.compile(r"^(\d{4})(\d{2})$")
_COUNT = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


@dataclass(frozen=True)
class MetCrime:
    """What a read of MPS crime files gives.

    Attributes:
        records: One per borough, whole financial year and category (including ``all crime``).
        report: Every problem found; errors block a publish.
        complete_years: Financial years with all twelve months, oldest first.
        partial_years: Financial years with missing months, each with the months it has.
        excluded: Offences in pseudo-boroughs, left out, by pseudo-borough name.
        sources: The files read, in order.
    """

    records: tuple[Crime, ...]
    report: ValidationReport
    complete_years: tuple[str, ...] = ()
    partial_years: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    excluded: Mapping[str, int] = field(default_factory=dict)
    sources: tuple[str, ...] = ()


def is_met_format(path: Path) -> bool:
    """True when a CSV file's header starts like the MPS borough crime file."""
    try:
        header, _rows = _read_table(Path(path))
    except FileFormatError:
        return False
    return [h.strip().lower() for h in header[:3]] == [c.lower() for c in KEY_COLUMNS]


def financial_year_of(month: str) -> str:
    """The April-to-March financial year of a month written ``YYYYMM``.

    >>> financial_year_of("202403"), financial_year_of("202404")
    ('2023-24', '2024-25')
    """
    year, number = int(month[:4]), int(month[4:])
    start = year if number >= 4 else year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def months_of_year(financial_year: str) -> tuple[str, ...]:
    """The twelve ``YYYYMM`` months of a financial year such as ``2024-25``."""
    start = int(financial_year[:4])
    return tuple(f"{start}{m:02d}" for m in range(4, 13)) + tuple(f"{start + 1}{m:02d}" for m in range(1, 4))


def read_met_crime(
    paths: Sequence[Path | str],
    borough_names: Mapping[str, str],
    *,
    source_url: str = MET_SOURCE_URL,
    max_bytes: int = MAX_BYTES,
) -> MetCrime:
    """Reads MPS borough crime files into yearly crime records with a report.

    Several files (the historical file and the most recent 24 months) may be read together;
    their months are joined, so a financial year split between them is whole.

    Args:
        paths: The CSV files, as downloaded.
        borough_names: Borough code to name (the reference borough table).
        source_url: The source named on every record.
        max_bytes: The largest file accepted.

    Returns:
        The records and the report. When the report has errors the records cover only the
        rows that were read without one; do not publish them.
    """
    resolve = _BoroughResolver(borough_names)
    problems: list[Problem] = []
    monthly: dict[tuple[str, str, str, str], tuple[int, str, int]] = {}
    coverage: dict[str, set[str]] = defaultdict(set)
    excluded: dict[str, int] = defaultdict(int)
    pseudo: dict[tuple[str, str], tuple[int, int, int]] = {}
    row_count = 0
    for path in map(Path, paths):
        try:
            header, rows = _read_table(path, max_bytes)
        except FileFormatError as exc:
            problems.append(Problem(exc.file, exc.row, exc.field, exc.value, exc.rule))
            continue
        months, header_problems = _check_header(path.name, header)
        problems.extend(header_problems)
        if any(p.rule.startswith("the file must have") for p in header_problems):
            continue
        row_count += len(rows)
        seen: dict[tuple[str, str, str], int] = {}
        for number, cells in enumerate(rows, start=2):
            row = _check_row(path.name, number, header, cells, months, resolve, problems)
            if row is None:
                continue
            major, minor, borough, code, counts = row
            if code is None:
                offences = sum(counts.values())
                excluded[borough] += offences
                first, rows_out, total = pseudo.get((path.name, borough), (number, 0, 0))
                pseudo[(path.name, borough)] = (first, rows_out + 1, total + offences)
                continue
            key = (major, minor, code)
            if key in seen:
                problems.append(Problem(path.name, number, "BoroughName", shorten(borough),
                                        f"must be unique: {major} / {minor} / {borough} is also on row {seen[key]}"))
                continue
            seen[key] = number
            coverage[code].update(months)
            for month, count in counts.items():
                earlier = monthly.get((code, major, minor, month))
                if earlier is not None and earlier[0] != count:
                    problems.append(Problem(path.name, number, month, str(count),
                                            f"must agree with {earlier[1]} row {earlier[2]}, which has {earlier[0]}"))
                    continue
                monthly[(code, major, minor, month)] = (count, path.name, number)
    for (file_name, name), (number, rows_out, offences) in pseudo.items():
        problems.append(Problem(file_name, number, "BoroughName", name,
                                f"is not a London borough: {rows_out} rows ({offences:,} offences) left out",
                                level="warning"))
    complete, partial, year_problems = _whole_years(coverage, ", ".join(Path(p).name for p in paths))
    problems.extend(year_problems)
    records = _yearly_records(monthly, complete, source_url)
    return MetCrime(
        records=records,
        report=ValidationReport(problems=tuple(problems), row_counts={"crime": row_count}),
        complete_years=tuple(sorted({y for years in complete.values() for y in years})),
        partial_years=partial,
        excluded=dict(excluded),
        sources=tuple(str(p) for p in paths),
    )


def crime_rows(records: Iterable[Crime]) -> list[dict]:
    """Crime records as plain rows (the columns of ``crime.csv`` and the store's table)."""
    return [
        {
            "borough_code": r.borough_code,
            "financial_year": r.financial_year,
            "category": r.category,
            "count": r.count,
            "source_url": r.source_url,
        }
        for r in records
    ]


def write_crime_csv(
    records: Iterable[Crime],
    path: Path,
    *,
    years: Sequence[str] | None = None,
    categories: Sequence[str] | None = None,
) -> int:
    """Writes crime records in the register's ``crime.csv`` format; returns the rows written.

    Args:
        records: The records to write.
        path: The file to write.
        years: Only these financial years (all when None).
        categories: Only these categories (all when None).
    """
    chosen = [
        r for r in records
        if (years is None or r.financial_year in years) and (categories is None or r.category in categories)
    ]
    order = {c: i for i, c in enumerate(categories or ())}
    chosen.sort(key=lambda r: (r.financial_year, r.borough_code, order.get(r.category, len(order)), r.category))
    with Path(path).open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=CRIME_CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(crime_rows(chosen))
    return len(chosen)


# -- phases ---------------------------------------------------------------------------------


def _read_table(path: Path, max_bytes: int = MAX_BYTES) -> tuple[list[str], list[list[str]]]:
    rows = [cells for _n, cells in read_grid(path, max_bytes=max_bytes) if any(str(c or "").strip() for c in cells)]
    if not rows:
        raise FileFormatError(path.name, "is empty; expected a header row")
    return [str(h or "").strip() for h in rows[0]], [[cell_text(c) for c in row] for row in rows[1:]]


def _check_header(file_name: str, header: list[str]) -> tuple[list[str], list[Problem]]:
    problems = []
    lowered = [h.lower() for h in header]
    for column in KEY_COLUMNS:
        if column.lower() not in lowered:
            problems.append(Problem(file_name, 1, column, "",
                                    "the file must have the columns MajorText, MinorText and BoroughName"))
    months, seen = [], set()
    for column in header:
        if column.lower() in {c.lower() for c in KEY_COLUMNS}:
            continue
        match = _MONTH.match(column)
        if not match or not 1 <= int(match.group(2)) <= 12:
            problems.append(Problem(file_name, 1, column, shorten(column),
                                    "is not a month column: months are written YYYYMM, such as 202404"))
            continue
        if column in seen:
            problems.append(Problem(file_name, 1, column, column, "month column appears more than once"))
            continue
        seen.add(column)
        months.append(column)
    if not months:
        problems.append(Problem(file_name, 1, "", "", "the file must have one column per month, written YYYYMM"))
        return [], problems
    expected = _month_range(min(months), max(months))
    gaps = [m for m in expected if m not in seen]
    if gaps:
        problems.append(Problem(file_name, 1, gaps[0], "", (
            f"month columns must run without a gap from {min(months)} to {max(months)}; "
            f"missing: {', '.join(gaps[:12])}{' …' if len(gaps) > 12 else ''}"
        )))
    return months, problems


def _check_row(file_name, number, header, cells, months, resolve, problems):
    if len(cells) != len(header):
        problems.append(Problem(file_name, number, "", shorten(",".join(cells)),
                                f"has {len(cells)} cells; the header has {len(header)}"))
        return None
    row = {h.lower(): c.strip() for h, c in zip(header, cells)}
    major, minor, borough = (row.get(c.lower(), "") for c in KEY_COLUMNS)
    ok = True
    for column, value in zip(KEY_COLUMNS, (major, minor, borough)):
        if not value:
            problems.append(Problem(file_name, number, column, "", "is required"))
            ok = False
        elif is_formula(value):
            problems.append(Problem(file_name, number, column, shorten(value), RULE_FORMULA))
            ok = False
            borough = "" if column == "BoroughName" else borough
    code = None
    if borough:
        code, rule = resolve(borough)
        if rule is not None:
            problems.append(Problem(file_name, number, "BoroughName", shorten(borough), rule))
            ok = False
    counts = {}
    for month in months:
        value = row.get(month.lower(), "")
        if value == "":
            problems.append(Problem(file_name, number, month, "",
                                    "is required: a blank month cannot be told from zero offences"))
            ok = False
        elif not _COUNT.match(value):
            problems.append(Problem(file_name, number, month, shorten(value),
                                    "must be a whole number of offences, 0 or more"))
            ok = False
        else:
            counts[month] = int(value.replace(",", ""))
    if not ok:
        return None
    return major.strip().lower(), minor.strip().lower(), borough, code, counts


def _whole_years(coverage: Mapping[str, set[str]], files: str):
    complete: dict[str, set[str]] = {}
    partial_by_year: dict[str, dict[tuple[str, ...], list[str]]] = defaultdict(lambda: defaultdict(list))
    for code, months in coverage.items():
        complete[code] = set()
        for year in sorted({financial_year_of(m) for m in months}):
            have = tuple(m for m in months_of_year(year) if m in months)
            if len(have) == 12:
                complete[code].add(year)
            else:
                partial_by_year[year][have].append(code)
    problems, partial = [], {}
    for year in sorted(partial_by_year):
        groups = partial_by_year[year]
        partial[year] = max(groups, key=len)
        for have, codes in sorted(groups.items()):
            who = "every borough" if len(codes) == len(coverage) else ", ".join(sorted(codes))
            problems.append(Problem(files, 0, "financial_year", year, (
                f"is a part year for {who}: {len(have)} of 12 months, missing "
                f"{_month_spans([m for m in months_of_year(year) if m not in have])}; "
                "a part year is not summed or published as a year total"
            ), level="warning"))
    return complete, partial, problems


def _yearly_records(monthly, complete: Mapping[str, set[str]], source_url: str) -> tuple[Crime, ...]:
    sums: dict[tuple[str, str, str], int] = defaultdict(int)
    for (code, major, _minor, month), (count, _file, _row) in monthly.items():
        year = financial_year_of(month)
        if year not in complete.get(code, ()):
            continue
        sums[(code, year, major)] += count
        sums[(code, year, ALL_CRIME)] += count
    return tuple(
        Crime(borough_code=code, financial_year=year, category=category, count=count, source_url=source_url)
        for (code, year, category), count in sorted(sums.items())
    )


# -- helpers --------------------------------------------------------------------------------


class _BoroughResolver:
    """Borough name as the MPS writes it -> code; pseudo-boroughs -> None; else a rule."""

    def __init__(self, borough_names: Mapping[str, str]):
        self._codes = {_normalise(name): code for code, name in borough_names.items()}
        self._pseudo = {_normalise(name) for name in PSEUDO_BOROUGHS}
        self._names = list(borough_names.values())

    def __call__(self, name: str) -> tuple[str | None, str | None]:
        key = _normalise(name)
        if key in self._codes:
            return self._codes[key], None
        if key in self._pseudo:
            return None, None
        close = difflib.get_close_matches(name, self._names, n=1, cutoff=0.75)
        hint = f" (did you mean {close[0]}?)" if close else ""
        return None, (
            f"is not a London borough name{hint}; use the names the MPS publishes, "
            "such as Barking and Dagenham"
        )


def _normalise(name: str) -> str:
    return " ".join(name.replace("&", " and ").lower().split())


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[4:])
    out = []
    while f"{year}{month:02d}" <= last:
        out.append(f"{year}{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def _month_spans(months: Sequence[str]) -> str:
    """Consecutive months as ranges: ``Dec 2025 to Mar 2026, Jun 2026``."""
    def label(m: str) -> str:
        return dt.date(int(m[:4]), int(m[4:]), 1).strftime("%b %Y")

    runs: list[list[str]] = []
    for month in months:
        if runs and _month_range(runs[-1][-1], month)[1:] == [month]:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ", ".join(label(r[0]) if len(r) == 1 else f"{label(r[0])} to {label(r[-1])}" for r in runs)
