"""Ingest format ``met-crime``: the Metropolitan Police's borough crime file(s), summed into financial years."""

from __future__ import annotations

from pathlib import Path

from explorer.domain.problems import Problem, ValidationReport
from explorer.ingest import crime, sources
from explorer.ingest.formats import Format, Request


def read(request: Request) -> sources.RawInput:
    result = crime.read_met_crime(request.paths, request.boroughs, max_bytes=request.max_bytes)
    report = result.report
    files = ", ".join(p.name for p in request.paths)
    if report.ok and not result.records:
        problem = Problem(files, 0, "", "", "has no whole financial year (April to March) to publish")
        report = ValidationReport(report.problems + (problem,), report.row_counts)
    return sources.RawInput(
        request.entity, {"crime": crime.crime_rows(result.records)}, {"crime": files},
        source=", ".join(str(p) for p in request.paths), format="met-crime", report=report,
        note=f"{crime.MET_SOURCE_NAME}; whole years {', '.join(result.complete_years)}",
    )


def sniff(entity: str, path: Path) -> bool:
    return entity == "crime" and path.is_file() and crime.is_met_format(path)


FORMAT = Format("met-crime", ("crime",), "the MPS borough crime file", sniff, read, several_files=True)
