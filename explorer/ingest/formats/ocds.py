"""Ingest format ``ocds``: public contract notices (OCDS 1.1 release or record packages, JSON), loaded as contracts.

The package is validated against the OCDS 1.1 schema first (a breach publishes nothing); the
processes whose buyer is MOPAC or the GLA become contracts, matched to the register's services
(:mod:`explorer.ingest.matching`); an uncertain match blocks the publish until confirmed.
"""

from __future__ import annotations

from pathlib import Path

from explorer.ingest import matching, ocds, sources
from explorer.ingest.files import cell_text, read_csv, read_json
from explorer.ingest.formats import Format, Request, json_file_like


def read(request: Request) -> sources.RawInput:
    path = request.path
    data = read_json(path, max_bytes=request.max_bytes)
    problems = ocds.check_package(data, path.name)
    if problems:
        return sources.RawInput(request.entity, {}, {}, tuple(problems), str(path), "ocds")
    confirmations, bad = {}, []
    if request.confirmations is not None:
        rows = read_csv(request.confirmations, max_bytes=request.max_bytes)
        confirmations, bad = matching.read_confirmations(rows, request.confirmations.name)
    vouched = {ocid for ocid, (_service, yes) in confirmations.items() if yes}
    contracts, problems, notes = ocds.to_contracts(data, path.name, source_url=request.source_url, vouched=vouched)
    problems.extend(bad)
    problems.extend(matching.match_contracts(
        contracts, request.current.get("service", []), request.current.get("organization", []),
        confirmations, path.name,
    ))
    rows = [{k: (v if k == "_row" else cell_text(v)) for k, v in c.items()} for c in contracts]
    matched = sum(1 for c in contracts if c.get("service_id"))
    notes.append(f"{len(contracts)} contracts whose buyer is MOPAC or the GLA; {matched} matched to a service")
    return sources.RawInput(request.entity, {"contract": rows}, {"contract": path.name}, tuple(problems),
                            str(path), "ocds", tuple(notes))


def sniff(entity: str, path: Path) -> bool:
    return json_file_like(path, ocds.looks_like)


FORMAT = Format("ocds", ("contracts",), "OCDS contract notices", sniff, read)
