"""Ingest format ``oruk``: an Open Referral UK service list (JSON), loaded as services."""

from __future__ import annotations

from pathlib import Path

from explorer.ingest import oruk, sources
from explorer.ingest.files import read_json
from explorer.ingest.formats import Format, Request, json_file_like


def read(request: Request) -> sources.RawInput:
    path = request.path
    data = read_json(path, max_bytes=request.max_bytes)
    tables, problems = oruk.to_tables(data, label=path.name, borough_code=request.borough_code,
                                      source_url=request.source_url)
    return sources.RawInput(request.entity, tables, sources.names(tables, path.name), tuple(problems), str(path), "oruk")


def sniff(entity: str, path: Path) -> bool:
    return entity == "services" and json_file_like(path, oruk.looks_like)


FORMAT = Format("oruk", ("services",), "Open Referral UK data", sniff, read)
