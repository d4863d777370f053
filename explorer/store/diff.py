"""Store layer: what changed between two versions of an entity (added, changed, removed records, by key, per table)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from explorer.store.schema import ENTITIES
from explorer.store.store import PublishError, Store

#: The columns that identify a record of each table (the same keys validation keeps unique).
KEYS: dict[str, tuple[str, ...]] = {
    "taxonomy_term": ("id",),
    "commissioner": ("code",),
    "organization": ("id",),
    "service": ("id",),
    "service_area": ("service_id", "borough_code"),
    "service_taxonomy": ("service_id", "term_id"),
    "location": ("id",),
    "service_at_location": ("service_id", "location_id"),
    "measure": ("id",),
    "measure_value": ("measure_id", "period"),
    "spend": ("service_id", "period"),
    "reach": ("service_id", "borough_code", "period"),
    "funding_opportunity": ("id",),
    "lcpf_allocation": ("borough_code", "financial_year"),
    "lcpf_total": ("financial_year", "measure"),
    "crime": ("borough_code", "financial_year", "category"),
}


@dataclass(frozen=True)
class Change:
    """One record present in both versions whose values differ.

    Attributes:
        key: The record's key, ``/``-joined.
        fields: Each changed column with its old and new value.
    """

    key: str
    fields: dict[str, tuple[Any, Any]]


@dataclass(frozen=True)
class TableDiff:
    """The differences in one table."""

    table: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[Change, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the table is the same in both versions."""
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class VersionDiff:
    """The differences between two versions of one entity, table by table."""

    entity: str
    old: int
    new: int
    tables: tuple[TableDiff, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        """True when nothing differs."""
        return all(t.empty for t in self.tables)

    def as_dict(self) -> dict:
        """A JSON-ready form."""
        return {
            "entity": self.entity,
            "old": self.old,
            "new": self.new,
            "tables": {
                t.table: {
                    "added": list(t.added),
                    "removed": list(t.removed),
                    "changed": [
                        {"key": c.key, "fields": {k: [_json(a), _json(b)] for k, (a, b) in c.fields.items()}}
                        for c in t.changed
                    ],
                }
                for t in self.tables
            },
        }


def diff_versions(store: Store, old: int, new: int) -> VersionDiff:
    """Compares two versions of the same entity.

    Raises:
        PublishError: A version does not exist, or the two are of different entities.
    """
    old_info, new_info = store.version(old), store.version(new)
    for number, info in ((old, old_info), (new, new_info)):
        if info is None:
            raise PublishError(f"there is no version {number}")
    if old_info.entity != new_info.entity:
        raise PublishError(
            f"version {old} is {old_info.entity} and version {new} is {new_info.entity}: "
            "only versions of the same data can be compared"
        )
    before, after = store.read_version(old), store.read_version(new)
    return VersionDiff(
        old_info.entity, old, new,
        tuple(diff_rows(t, before.get(t, []), after.get(t, [])) for t in ENTITIES[old_info.entity]),
    )


def diff_rows(table: str, before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> TableDiff:
    """Compares two lists of rows of ``table`` by their key columns (pure)."""
    keys = KEYS[table]
    old = {_key(r, keys): r for r in before}
    new = {_key(r, keys): r for r in after}
    changed = []
    for key in sorted(old.keys() & new.keys()):
        a, b = old[key], new[key]
        fields = {c: (a.get(c), b.get(c)) for c in sorted(set(a) | set(b)) if a.get(c) != b.get(c)}
        if fields:
            changed.append(Change(key, fields))
    return TableDiff(
        table,
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        changed=tuple(changed),
    )


def _key(row: Mapping[str, Any], keys: Sequence[str]) -> str:
    return "/".join(str(row.get(k)) for k in keys)


def _json(value: Any) -> Any:
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)
