"""Ingest format ``find-a-grant``: one CSV or XLSX of opportunities, in our columns or GOV.UK Find a Grant's.

Its headers are matched to our fields and its values (amounts, dates, who can apply, places,
service areas) normalised by :mod:`explorer.ingest.opportunities`, which also validates them,
so the records it returns are ready to publish.
"""

from __future__ import annotations

from pathlib import Path

from explorer.domain.records import TaxonomyTerm
from explorer.ingest import opportunities, sources
from explorer.ingest.formats import Format, Request


def read(request: Request) -> sources.RawInput:
    terms = [TaxonomyTerm.model_construct(**opportunities.split_synonyms(r))
             for r in request.current.get("taxonomy_term", [])]
    validated = opportunities.validate_opportunity_file(
        request.path, boroughs=request.boroughs, terms=terms, today=request.today, max_bytes=request.max_bytes,
    )
    table = opportunities.TABLE
    return sources.RawInput(
        request.entity, {table: validated.records.get(table, [])}, {table: request.path.name},
        source=str(request.path), format="find-a-grant", report=validated.report,
    )


def sniff(entity: str, path: Path) -> bool:
    return entity == "opportunities" and path.is_file() and path.suffix.lower() in opportunities.SUFFIXES


FORMAT = Format("find-a-grant", ("opportunities",), "one file of funding opportunities", sniff, read)
