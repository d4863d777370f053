"""Ingest layer: the one path every entity and format takes: read, validate, publish one new version (or report why not).

The steps are named phases: **read** (:func:`explorer.ingest.sources.read_entity`: the
registry picks the format and its reader turns the file into raw tables), **validate**
(:func:`explorer.ingest.validate.validate_tables`: table, row and cross-row checks; formats that
validate as they read hand over their report instead), **publish**
(:meth:`explorer.store.store.Store.publish`: one transaction). A blocking error at any phase
stops there, and the current version is untouched. ``explorer ingest``, ``explorer sync`` and
``explorer prepare`` all come through :func:`ingest_path`.
"""

from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from explorer.domain.problems import Problem, ValidationReport
from explorer.ingest.files import MAX_BYTES
from explorer.ingest.formats import BoroughResolver
from explorer.ingest.sources import read_entity
from explorer.ingest.validate import PostcodeLookup, TABLES, validate_tables
from explorer.store.schema import ENTITIES
from explorer.store.store import Store, checksum


@dataclass(frozen=True)
class PublishResult:
    """What happened to one entity: its report, and the new version id if it was published.

    Attributes:
        entity: The entity loaded.
        report: Every problem found, with the row counts.
        version_id: The new version, or None when nothing was published.
        format: What was read (``csv folder``, ``xlsx``, ``oruk``...).
        unchanged: True when the content equals the current version's (nothing to publish).
        notes: Plain sentences about what was done (merges, skipped sheets...).
    """

    entity: str
    report: ValidationReport
    version_id: int | None
    format: str = ""
    unchanged: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def published(self) -> bool:
        """True when a new version was written."""
        return self.version_id is not None


def ingest_path(
    store: Store,
    entity: str,
    path: Path,
    postcode_lookup: PostcodeLookup | None = None,
    *,
    published_by: str = "explorer",
    today: dt.date | None = None,
    dry_run: bool = False,
    fmt: str = "auto",
    max_bytes: int = MAX_BYTES,
    borough_code: BoroughResolver | None = None,
    boroughs: Mapping[str, str] | None = None,
    more: tuple[Path, ...] = (),
    confirmations: Path | None = None,
    source: str | None = None,
    source_url: str | None = None,
    skip_unchanged: bool = False,
) -> PublishResult:
    """Reads, validates and (unless ``dry_run`` or an error) publishes one entity.

    Args:
        store: Where to publish.
        entity: One of the store's entities.
        path: A folder of CSVs, or one CSV, XLSX or JSON file.
        postcode_lookup: Places locations; refuses postcodes outside London (None: no
            postcodes are expected, as for opportunities or crime).
        published_by: Who is publishing (kept with the version).
        today: The day freshness warnings are measured from.
        dry_run: Validate and report only.
        fmt: ``auto`` or a forced format (see :data:`explorer.ingest.registry.NAMES`).
        max_bytes: The largest file accepted.
        borough_code: Resolves borough names to ONS codes (ORUK and 360Giving input).
        boroughs: Borough code to name (Find a Grant locations, MPS borough names).
        more: Further files read with ``path`` (several MPS crime files).
        confirmations: A CSV of a person's decisions on uncertain contract matches (OCDS).
        source: What to record as the version's source (default: the path).
        source_url: The published address records rest on, for ORUK and 360Giving input.
        skip_unchanged: Publish nothing when the content equals the current version's.

    Returns:
        The report and, when published, the new version id.
    """
    if entity not in ENTITIES:
        raise ValueError(f"unknown entity {entity!r}; expected one of {', '.join(ENTITIES)}")
    with _bulk_allocation():
        return _ingest(
            store, entity, Path(path), postcode_lookup or _no_postcodes, published_by=published_by, today=today,
            dry_run=dry_run, fmt=fmt, max_bytes=max_bytes, borough_code=borough_code, boroughs=boroughs,
            more=tuple(map(Path, more)), confirmations=confirmations, source=source, source_url=source_url,
            skip_unchanged=skip_unchanged,
        )


@contextmanager
def _bulk_allocation():
    """Pauses Python's cyclic garbage collector while an import builds its rows.

    An import of 100,000 rows creates millions of small objects that all stay alive until it
    ends; each automatic collection would walk all of them again and again (about a third of
    the time of a large import). Nothing here makes reference cycles, so nothing is lost;
    the collector is restored afterwards, whatever happens.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _ingest(store, entity, path, postcode_lookup, *, published_by, today, dry_run, fmt, max_bytes,
            borough_code, boroughs, more, confirmations, source, source_url, skip_unchanged) -> PublishResult:
    current = _current_rows(store)
    if boroughs is None:
        boroughs = _reference_boroughs()
    raw = read_entity(
        entity, path, fmt=fmt, max_bytes=max_bytes, borough_code=borough_code, boroughs=boroughs,
        source_url=source_url, current=current, more=more, today=today, confirmations=confirmations,
    )
    if raw.report is not None:  # the format validated its records as it read them
        report, records = raw.report, raw.tables
    elif any(p.level == "error" for p in raw.problems) and not raw.tables:
        return PublishResult(entity, ValidationReport(problems=raw.problems), None, raw.format, notes=raw.notes)
    else:
        validated = validate_tables(
            raw.tables,
            postcode_lookup=postcode_lookup,
            context=_context(current, entity),
            today=today,
            file_names=raw.file_names,
            consume=True,  # each table's rows as read are freed once checked (they are not needed again)
        )
        report = ValidationReport(
            problems=raw.problems + validated.report.problems, row_counts=validated.report.row_counts
        )
        records = validated.records
    if not report.ok or dry_run:
        return PublishResult(entity, report, None, raw.format, notes=raw.notes)
    # Records go to the store as they are: it reads their attributes (no dicts in between).
    rows = {t: records.get(t, []) for t in ENTITIES[entity]}
    if skip_unchanged and _same_as_current(store, entity, rows):
        return PublishResult(entity, report, None, raw.format, unchanged=True, notes=raw.notes)
    version_id = store.publish(
        entity,
        rows,
        source=source or ", ".join(str(p) for p in (path, *more)),
        report={**report.as_dict(), "format": raw.format, "notes": list(raw.notes)},
        published_by=published_by,
        note=raw.note,
    )
    return PublishResult(entity, report, version_id, raw.format, notes=raw.notes)


def _reference_boroughs() -> dict[str, str]:
    """Borough code to name from the repository's reference table (when a caller gives none)."""
    from explorer.reference import load_boroughs
    from explorer.settings import ROOT

    return {b.code: b.name for b in load_boroughs(ROOT / "data")}


def _no_postcodes(text: str):
    raise ValueError("no postcodes are expected in this file")


def seed_sample(
    store: Store, sample_dir: Path, postcode_lookup: PostcodeLookup
) -> list[PublishResult]:
    """Publishes every entity of the bundled sample that has never been published.

    Entities are published in dependency order (services before measures, spend and reach).
    An entity is read from its tables' CSV files in ``sample_dir``, or from one file named
    after it in any registered format (``contracts.json``, an OCDS package, with
    ``contracts_confirmations.csv`` beside it for the matches a person decided).
    """
    current = store.current_versions()
    results = []
    for entity in ENTITIES:
        own_file = Path(sample_dir) / f"{entity}.json"
        if entity in current or not (own_file.exists() or _has_files(entity, sample_dir)):
            continue
        if own_file.exists():
            decided = Path(sample_dir) / f"{entity}_confirmations.csv"
            result = ingest_path(store, entity, own_file, postcode_lookup, published_by="sample register",
                                 confirmations=decided if decided.exists() else None)
        else:
            result = ingest_path(store, entity, sample_dir, postcode_lookup, published_by="sample register",
                                 fmt="table")
        results.append(result)
    return results


def borough_resolver(boroughs) -> BoroughResolver:
    """Resolves a borough name or ONS code (any case, ``&`` for ``and``) from the reference boroughs."""
    by_key = {}
    for b in boroughs:
        by_key[b.code.lower()] = b.code
        by_key[_name_key(b.name)] = b.code
        by_key[_name_key(f"London Borough of {b.name}")] = b.code
        by_key[_name_key(f"Royal Borough of {b.name}")] = b.code
    return lambda text: by_key.get(_name_key(text)) or by_key.get(text.strip().lower())


def problem_for(message: str, file: str = "") -> ValidationReport:
    """A report with one file-level error (for a failure outside validation, e.g. a download)."""
    return ValidationReport(problems=(Problem(file, 0, "", "", message),))


def _name_key(name: str) -> str:
    return " ".join(name.lower().replace("&", "and").replace(",", " ").split())


def _has_files(entity: str, directory: Path) -> bool:
    return any((Path(directory) / TABLES[t][0]).exists() for t in ENTITIES[entity])


def _current_rows(store: Store) -> dict[str, list[Mapping[str, Any]]]:
    # Read-only row mappings: a publish beside 100,000 published services reads them all.
    _versions, rows = store.read_current(lean=True)
    return rows


class _Published:
    """A published row read by attribute, as validation reads records (ids, statuses, references)."""

    __slots__ = ("_row",)

    def __init__(self, row: Mapping[str, Any]):
        self._row = row

    def __getattr__(self, name: str) -> Any:
        try:
            return self._row[name]
        except KeyError:
            raise AttributeError(name) from None


def _context(current: Mapping[str, list[Mapping[str, Any]]], entity: str) -> dict:
    """Published records other entities' references may point to (never the entity's own)."""
    own = set(ENTITIES[entity])
    context: dict[str, list] = {}
    for table in ("service", "measure"):
        if table not in own:
            context[table] = [_Published(r) for r in current[table]]
    return context


def _same_as_current(store: Store, entity: str, rows: Mapping[str, list[dict]]) -> bool:
    versions = store.current_versions()
    if entity not in versions:
        return False
    info = store.version(versions[entity])
    return info is not None and info.checksum == checksum({name: rows.get(name, ()) for name in ENTITIES[entity]})

