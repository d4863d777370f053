"""Ingest layer: the formats a file may come in, each a small reader from a file to an entity's tables.

A format is a :class:`Format`: its name (what ``--format`` forces), the entities it loads, a
``sniff`` that says from the entity and the file whether the file is in this format, and a
``read`` that turns a :class:`Request` into a :class:`~explorer.ingest.sources.RawInput`.
:mod:`explorer.ingest.registry` lists them in the order they are tried; adding a format is one
module here and one line there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from explorer.ingest.files import MAX_BYTES, FileFormatError, read_json

#: Finds a borough's ONS code from a name or a code (any case); None when unknown.
BoroughResolver = Callable[[str], "str | None"]


def _no_borough(text: str) -> None:
    return None


@dataclass(frozen=True)
class Request:
    """What a reader is asked to read.

    Attributes:
        entity: The entity being loaded.
        paths: The file (or folder) handed in; MPS crime files may be several.
        max_bytes: The largest file accepted (``EXPLORER_MAX_INGEST_MB``).
        borough_code: Resolves a borough name or code to its ONS code.
        boroughs: Borough code to name (for formats that read place names).
        source_url: The published address records rest on, for formats without one per record.
        current: Every table's current published rows (for formats that add to them).
        today: The day freshness checks are made from.
        confirmations: A person's decisions on uncertain matches (OCDS contracts), if any.
    """

    entity: str
    paths: tuple[Path, ...]
    max_bytes: int = MAX_BYTES
    borough_code: BoroughResolver = _no_borough
    boroughs: Mapping[str, str] = field(default_factory=dict)
    source_url: str | None = None
    current: Mapping[str, list[dict[str, Any]]] = field(default_factory=dict)
    today: dt.date | None = None
    confirmations: Path | None = None

    @property
    def path(self) -> Path:
        """The first (usually the only) file."""
        return self.paths[0]


@dataclass(frozen=True)
class Format:
    """One registered format.

    Attributes:
        name: What ``--format`` calls it (``table``, ``oruk``...).
        entities: The entities it loads (empty: any).
        describes: What a file in it is, for messages ("Open Referral UK data").
        sniff: ``sniff(entity, path)``: True when the file is in this format.
        read: ``read(request)``: the entity's tables as read (or already validated).
        several_files: Whether several files may be read together.
    """

    name: str
    entities: tuple[str, ...]
    describes: str
    sniff: Callable[[str, Path], bool]
    read: Callable[[Request], Any]
    several_files: bool = False

    def loads(self, entity: str) -> bool:
        """True when this format can load ``entity``."""
        return not self.entities or entity in self.entities


def json_file_like(path: Path, looks_like: Callable[[Any], bool]) -> bool:
    """Whether ``path`` is a readable JSON file whose content ``looks_like`` accepts (a sniff's test)."""
    if path.suffix.lower() != ".json" or not path.is_file():
        return False
    try:
        return looks_like(read_json(path))
    except FileFormatError:
        return False
