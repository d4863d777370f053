"""Ingest format ``table``: the register's own tables, as a folder of CSVs, one CSV, an XLSX workbook or a JSON file."""

from __future__ import annotations

from pathlib import Path

from explorer.ingest import sources
from explorer.ingest.files import read_csv, read_json, read_xlsx
from explorer.ingest.formats import Format, Request


def read(request: Request) -> sources.RawInput:
    """Reads the entity's tables in our own columns (see ``data/sample/``)."""
    entity, path, limit = request.entity, request.path, request.max_bytes
    if path.is_dir():
        return sources.read_folder(entity, path, limit)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return sources.single_table(entity, path, read_csv(path, max_bytes=limit))
    if suffix == ".xlsx":
        return sources.read_workbook(entity, path, read_xlsx(path, max_bytes=limit))
    if suffix == ".json":
        return sources.read_json_tables(entity, path, read_json(path, max_bytes=limit))
    return sources.failed(entity, path, path.name, "must be a folder, or a .csv, .xlsx or .json file")


def _any(entity: str, path: Path) -> bool:
    return True


FORMAT = Format("table", (), "the register's own tables", _any, read)
