"""Ingest layer: validating a directory of register files and publishing it as one version."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from explorer.domain.problems import Problem, ValidationReport
from explorer.ingest.files import FileFormatError, read_csv
from explorer.ingest.validate import PostcodeLookup, TABLES, record_rows, validate_tables
from explorer.store.schema import ENTITIES
from explorer.store.store import Store


@dataclass(frozen=True)
class PublishResult:
    """What happened to one entity: its report, and the new version id if it was published."""

    entity: str
    report: ValidationReport
    version_id: int | None

    @property
    def published(self) -> bool:
        """True when a new version was written."""
        return self.version_id is not None


def read_entity_directory(entity: str, directory: Path) -> dict[str, list[dict[str, str]]]:
    """Reads the files of every table that ``entity`` owns from ``directory``.

    Raises:
        FileFormatError: A required file is missing or unreadable.
    """
    raw = {}
    for table in ENTITIES[entity]:
        path = Path(directory) / TABLES[table][0]
        if not path.exists():
            if table in _OPTIONAL:
                raw[table] = []
                continue
            raise FileFormatError(f"{path.name}: is missing from {directory}")
        raw[table] = read_csv(path)
    return raw


def publish_directory(
    store: Store,
    entity: str,
    directory: Path,
    postcode_lookup: PostcodeLookup,
    *,
    published_by: str = "explorer",
    today: dt.date | None = None,
    dry_run: bool = False,
) -> PublishResult:
    """Validates one entity's files and, when nothing blocks it, publishes them.

    A file that cannot be read gives a report with one error and publishes nothing.
    """
    try:
        raw = read_entity_directory(entity, directory)
    except FileFormatError as exc:
        problem = Problem(str(directory), 0, "", "", str(exc))
        return PublishResult(entity, ValidationReport(problems=(problem,)), None)
    context = _published_context(store) if entity != "services" else {}
    validated = validate_tables(raw, postcode_lookup=postcode_lookup, context=context, today=today)
    if not validated.report.ok or dry_run:
        return PublishResult(entity, validated.report, None)
    version_id = store.publish(
        entity,
        record_rows(validated.records),
        source=str(directory),
        report=validated.report.as_dict(),
        published_by=published_by,
    )
    return PublishResult(entity, validated.report, version_id)


def seed_sample(
    store: Store, sample_dir: Path, postcode_lookup: PostcodeLookup
) -> list[PublishResult]:
    """Publishes every entity of the bundled sample that has never been published.

    Entities are published in dependency order (services before measures, spend and reach).
    """
    current = store.current_versions()
    results = []
    for entity in ENTITIES:
        if entity in current or not _has_files(entity, sample_dir):
            continue
        result = publish_directory(
            store, entity, sample_dir, postcode_lookup, published_by="sample register"
        )
        results.append(result)
    return results


_OPTIONAL = {"lcpf_total", "service_at_location", "location"}


def _has_files(entity: str, directory: Path) -> bool:
    return any((Path(directory) / TABLES[t][0]).exists() for t in ENTITIES[entity])


def _published_context(store: Store) -> dict:
    from explorer.domain import records

    _versions, rows = store.read_current()
    return {
        "service": [records.Service.model_construct(**r) for r in rows["service"]],
        "measure": [records.Measure.model_construct(**r) for r in rows["measure"]],
    }
