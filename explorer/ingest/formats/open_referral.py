"""Ingest format ``oruk``: an Open Referral UK service list (JSON), loaded as services."""

from __future__ import annotations

from pathlib import Path

from explorer.ingest import oruk, sources
from explorer.ingest.files import FileFormatError, read_json
from explorer.ingest.formats import Format, Request


def read(request: Request) -> sources.RawInput:
    path = request.path
    data = read_json(path, max_bytes=request.max_bytes)
    tables, problems = oruk.to_tables(data, label=path.name, borough_code=request.borough_code,
                                      source_url=request.source_url)
    return sources.RawInput(request.entity, tables, sources.names(tables, path.name), tuple(problems), str(path), "oruk")


def sniff(entity: str, path: Path) -> bool:
    if entity != "services" or path.suffix.lower() != ".json" or not path.is_file():
        return False
    try:
        return oruk.looks_like(read_json(path))
    except FileFormatError:
        return False


FORMAT = Format("oruk", ("services",), "Open Referral UK data", sniff, read)
