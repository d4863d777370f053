"""Ingest layer: what a reader gives (:class:`RawInput`), and the readers of the register's own tables.

Which format a file is in is worked out by :mod:`explorer.ingest.registry`; the helpers here
read our own columns (a folder of CSVs, one CSV, an XLSX workbook with a sheet per table, or a
JSON file with a list per table). Whatever goes wrong while reading becomes a
:class:`Problem`, never an exception, so the report says it and nothing is published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from explorer.domain.problems import Problem, ValidationReport
from explorer.ingest.files import (
    MAX_BYTES,
    ROW_KEY,
    FileFormatError,
    cell_text,
    read_csv,
)
from explorer.ingest.validate import OPTIONAL_TABLES, TABLES
from explorer.store.schema import ENTITIES


@dataclass(frozen=True)
class RawInput:
    """An entity's tables as read, before validation (or, for formats that validate as they read, after).

    Attributes:
        entity: The entity being loaded.
        tables: Table name to its rows (text values, each with its row number under ``_row``);
            when ``report`` is set, the validated records instead.
        file_names: How to name each table's origin in problems (``services.csv``,
            ``register.xlsx › services``...).
        problems: Problems found while reading (a blocking error means nothing can publish).
        source: The path or URL read.
        format: What was read: ``csv folder``, ``csv``, ``xlsx``, ``json``, ``oruk``, ``360giving``,
            ``find-a-grant``, ``met-crime``.
        notes: Plain sentences about what was done (merges, skipped sheets...).
        report: The full report, for a format that validated its records as it read them.
        note: A note to keep with the published version.
    """

    entity: str
    tables: dict[str, list[Any]]
    file_names: dict[str, str]
    problems: tuple[Problem, ...] = ()
    source: str = ""
    format: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    report: ValidationReport | None = None
    note: str | None = None


def read_entity(
    entity: str,
    path: Path,
    *,
    fmt: str = "auto",
    max_bytes: int = MAX_BYTES,
    borough_code=None,
    source_url: str | None = None,
    current: Mapping[str, list[dict[str, Any]]] | None = None,
    boroughs: Mapping[str, str] | None = None,
    more: tuple[Path, ...] = (),
    today=None,
    confirmations: Path | None = None,
) -> RawInput:
    """Reads one entity's tables from ``path`` in whichever registered format it is in.

    Args:
        entity: One of the store's entities (``services``, ``spend``...).
        path: A folder of CSV files, or one ``.csv``, ``.xlsx`` or ``.json`` file.
        fmt: ``auto``, or a registered format's name (see :data:`explorer.ingest.registry.NAMES`).
        max_bytes: The largest file accepted.
        borough_code: Resolves borough names to ONS codes.
        source_url: The published address the records rest on (for formats that do not
            carry one per record, such as Open Referral UK and 360Giving).
        current: The current published rows, for formats that add to them.
        boroughs: Borough code to name (Find a Grant locations, MPS borough names).
        more: Further files read together with ``path`` (MPS crime files).
        today: The day freshness checks are made from.
        confirmations: A person's decisions on uncertain contract matches (a CSV), if any.

    Returns:
        The raw tables, or problems saying why they could not be read.
    """
    from explorer.ingest import registry
    from explorer.ingest.formats import Request

    request = Request(
        entity, (Path(path), *map(Path, more)), max_bytes=max_bytes, borough_code=borough_code or (lambda t: None),
        boroughs=dict(boroughs or {}), source_url=source_url, current=current or {}, today=today,
        confirmations=Path(confirmations) if confirmations else None,
    )
    return registry.read(request, fmt)


def required_tables(entity: str) -> tuple[str, ...]:
    """The tables an entity cannot be published without."""
    return tuple(t for t in ENTITIES[entity] if t not in OPTIONAL_TABLES)


def table_for_name(entity: str, name: str) -> str | None:
    """Which of the entity's tables a sheet, file or JSON key names, or None.

    ``services``, ``Services``, ``service``, ``services.csv`` and ``service areas`` all work.
    """
    key = re.sub(r"[\s\-]+", "_", name.strip().lower()).removesuffix(".csv")
    for table in ENTITIES[entity]:
        stem = TABLES[table][0].removesuffix(".csv")
        if key in {table, stem, table + "s", stem.rstrip("s")}:
            return table
    return None


# -- readers of our own tables (the ``table`` format) --------------------------------------------


def read_folder(entity: str, directory: Path, max_bytes: int) -> RawInput:
    tables, problems = {}, []
    for table in ENTITIES[entity]:
        file_name = TABLES[table][0]
        path = directory / file_name
        if not path.exists():
            problems.append(_missing(entity, table, file_name, f"{directory.name}/"))
            if table in OPTIONAL_TABLES:
                tables[table] = []
            continue
        try:
            tables[table] = read_csv(path, max_bytes=max_bytes)
        except FileFormatError as exc:
            problems.append(Problem(exc.file, exc.row, exc.field, exc.value, exc.rule))
    problems.extend(_empty_tables(entity, tables, {t: TABLES[t][0] for t in tables}))
    return RawInput(entity, tables, {t: TABLES[t][0] for t in tables}, tuple(problems), str(directory), "csv folder")


def single_table(entity: str, path: Path, rows: list[dict]) -> RawInput:
    named = table_for_name(entity, path.stem)
    required = required_tables(entity)
    table = named if named in required else (required[0] if len(required) == 1 else None)
    if table is None:
        tables_list = ", ".join(TABLES[t][0] for t in ENTITIES[entity])
        return failed(
            entity, path, path.name,
            f"is one CSV, but {entity} has several tables ({tables_list}): give a folder with "
            "those files, one XLSX workbook with a sheet for each, or one JSON file",
        )
    tables = {table: rows}
    problems = []
    for other in ENTITIES[entity]:
        if other != table:
            tables[other] = []
            problems.append(_missing(entity, other, TABLES[other][0], ""))
    names = {t: (path.name if t == table else TABLES[t][0]) for t in tables}
    problems.extend(_empty_tables(entity, {table: rows}, names))
    return RawInput(entity, tables, names, tuple(problems), str(path), "csv")


def read_workbook(entity: str, path: Path, sheets: dict[str, list[dict]]) -> RawInput:
    tables, names, problems = {}, {}, []
    for title, rows in sheets.items():
        table = table_for_name(entity, title)
        if table is None:
            problems.append(Problem(f"{path.name} › {title}", 0, "", "",
                                    f"is not a table of {entity}; the sheet was ignored", "warning"))
            continue
        if table in tables:
            problems.append(Problem(f"{path.name} › {title}", 0, "", "", f"is a second sheet for {table}"))
            continue
        tables[table], names[table] = rows, f"{path.name} › {title}"
    return _named_tables(entity, path, tables, names, problems, "xlsx", "a sheet")


def read_json_tables(entity: str, path: Path, data: Any) -> RawInput:
    required = required_tables(entity)
    if isinstance(data, list):
        if len(required) != 1:
            return failed(entity, path, path.name,
                           f"is a JSON list, but {entity} has several tables: give an object with a list for each")
        data = {required[0]: data}
    if not isinstance(data, dict):
        return failed(entity, path, path.name, "must be a JSON object with a list of records for each table")
    tables, names, problems = {}, {}, []
    for key, records in data.items():
        table = table_for_name(entity, key)
        if table is None:
            problems.append(Problem(path.name, 0, str(key), "", f"is not a table of {entity}"))
            continue
        label = f"{path.name} › {key}"
        rows, row_problems = _json_rows(records, label)
        problems.extend(row_problems)
        tables[table], names[table] = rows, label
    return _named_tables(entity, path, tables, names, problems, "json", "a list")


def _json_rows(records: Any, label: str) -> tuple[list[dict], list[Problem]]:
    if not isinstance(records, list):
        return [], [Problem(label, 0, "", "", "must be a list of records")]
    rows, problems = [], []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            problems.append(Problem(label, number, "", "", "must be an object of field names and values"))
            continue
        row: dict[str, Any] = {ROW_KEY: number}
        for key, value in record.items():
            try:
                row[str(key).strip().lower()] = cell_text(value)
            except ValueError as exc:
                problems.append(Problem(label, number, str(key), "", str(exc)))
        rows.append(row)
    return rows, problems


def _named_tables(entity: str, path: Path, tables: dict, names: dict, problems: list, kind: str, part: str) -> RawInput:
    """A workbook's sheets or a JSON file's lists as the entity's tables: each missing one named
    (an optional one is read as empty), and each empty one reported."""
    for table in ENTITIES[entity]:
        if table not in tables:
            problems.append(_missing(entity, table, f"{part} named {TABLES[table][0].removesuffix('.csv')}", f"{path.name}: "))
            if table in OPTIONAL_TABLES:
                tables[table], names[table] = [], path.name
    problems.extend(_empty_tables(entity, tables, names))
    return RawInput(entity, tables, names, tuple(problems), str(path), kind)


def _missing(entity: str, table: str, what: str, where: str) -> Problem:
    if table in OPTIONAL_TABLES:
        return Problem(TABLES[table][0], 0, "", "",
                       f"was not given, so the new version of {entity} has no {table.replace('_', ' ')} rows", "warning")
    return Problem(TABLES[table][0], 0, "", "", f"is missing: {entity} needs {where}{what}")


def _empty_tables(entity: str, tables: Mapping[str, list], names: Mapping[str, str]) -> list[Problem]:
    return [
        Problem(names.get(table, TABLES[table][0]), 1, "", "", "has a header but no rows of data")
        for table in required_tables(entity)
        if table in tables and not tables[table]
    ]


def names(tables: Mapping[str, list], label: str) -> dict[str, str]:
    return {t: f"{label} › {t}" for t in tables}


def failed(entity: str, path: Path, name: str, rule: str) -> RawInput:
    return RawInput(entity, {}, {}, (Problem(name, 0, "", "", rule),), str(path), "")
