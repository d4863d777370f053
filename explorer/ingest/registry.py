"""Ingest layer: the registry of formats, tried in order; the first whose sniff says yes reads the file.

To add a format, write one module in :mod:`explorer.ingest.formats` (a ``read`` and a ``sniff``)
and add its ``FORMAT`` to :data:`FORMATS` below, before ``table`` (the catch-all).
"""

from __future__ import annotations

from explorer.domain.problems import Problem
from explorer.ingest.files import FileFormatError
from explorer.ingest.formats import Format, Request, find_a_grant, giving360, met_crime, ocds, open_referral, table
from explorer.ingest.sources import RawInput

FORMATS: tuple[Format, ...] = (
    met_crime.FORMAT,
    ocds.FORMAT,
    giving360.FORMAT,
    open_referral.FORMAT,
    find_a_grant.FORMAT,
    table.FORMAT,
)

#: What ``--format`` accepts: ``auto`` (sniff) or a format's name.
NAMES: tuple[str, ...] = ("auto", *(f.name for f in FORMATS))


def choose(entity: str, path, fmt: str = "auto") -> Format:
    """The format of ``path`` for ``entity``: the one named, or the first whose sniff says yes.

    Raises:
        ValueError: ``fmt`` names no registered format.
    """
    if fmt != "auto":
        for candidate in FORMATS:
            if candidate.name == fmt:
                return candidate
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(NAMES)}")
    return next(f for f in FORMATS if f.sniff(entity, path))


def read(request: Request, fmt: str = "auto") -> RawInput:
    """Reads the request's files in their format; whatever goes wrong becomes a problem in the result."""
    path = request.path
    try:
        chosen = choose(request.entity, path, fmt)
        if not chosen.loads(request.entity):
            rule = f"is {chosen.describes}, which loads as {' or '.join(chosen.entities)}"
            return RawInput(request.entity, {}, {}, (Problem(path.name, 0, "", "", rule),), str(path), chosen.name)
        if len(request.paths) > 1 and not chosen.several_files:
            rule = f"is {chosen.describes}: only MPS crime files can be read several at once"
            return RawInput(request.entity, {}, {}, (Problem(path.name, 0, "", "", rule),), str(path), chosen.name)
        return chosen.read(request)
    except FileFormatError as exc:
        return RawInput(request.entity, {}, {}, (Problem(exc.file, exc.row, exc.field, exc.value, exc.rule),), str(path), "")
