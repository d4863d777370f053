"""Ingest format ``360giving``: a 360Giving grants file (JSON or flattened CSV), merged into opportunities as closed rounds."""

from __future__ import annotations

from pathlib import Path

from explorer.ingest import sources, threesixty
from explorer.ingest.files import FileFormatError, read_csv, read_json
from explorer.ingest.formats import Format, Request


def read(request: Request) -> sources.RawInput:
    path = request.path
    if path.suffix.lower() == ".csv":
        data = threesixty.unflatten_csv(read_csv(path, max_bytes=request.max_bytes))
    else:
        data = read_json(path, max_bytes=request.max_bytes)
    rows, problems, notes = threesixty.to_opportunities(
        data, label=path.name, source_url=request.source_url,
        current=list(request.current.get("funding_opportunity", [])), borough_code=request.borough_code,
    )
    return sources.RawInput(request.entity, {"funding_opportunity": rows}, {"funding_opportunity": path.name},
                            tuple(problems), str(path), "360giving", tuple(notes))


def sniff(entity: str, path: Path) -> bool:
    suffix = path.suffix.lower()
    try:
        if suffix == ".json" and path.is_file():
            return threesixty.looks_like_json(read_json(path))
        if suffix == ".csv" and entity == "opportunities" and path.is_file():
            return threesixty.looks_like_csv(read_csv(path))
    except FileFormatError:
        return False
    return False


FORMAT = Format("360giving", ("opportunities",), "360Giving grants data", sniff, read)
