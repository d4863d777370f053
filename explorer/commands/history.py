"""The ``explorer`` command: the store's versions (list, diff, roll back) and its backups."""

from __future__ import annotations

import json
from pathlib import Path

from explorer.commands import EXIT_OK, EXIT_USAGE, refuse
from explorer.settings import Settings



def on_versions(args, settings: Settings) -> int:
    from explorer.store.store import Store

    store = Store.open(settings.store_url)
    history = store.versions(args.entity)
    if args.json:
        print(json.dumps([_version_dict(v) for v in history], indent=2, default=str))
        return EXIT_OK
    for v in history:
        mark = "*" if v.current else " "
        rows = sum(v.row_counts.values())
        warnings = v.report.get("warnings", 0) if isinstance(v.report, dict) else 0
        print(f"{mark} {v.id:>5}  {v.entity:<14} {v.published_at:%Y-%m-%d %H:%M}  {rows:>7} rows  "
              f"{warnings:>4} warnings  {v.published_by}  {v.source}")
    return EXIT_OK


def _version_dict(v) -> dict:
    return {
        "id": v.id, "entity": v.entity, "source": v.source, "row_counts": v.row_counts,
        "published_by": v.published_by, "published_at": v.published_at, "current": v.current,
        "restored_from": v.restored_from, "errors": v.report.get("errors"), "warnings": v.report.get("warnings"),
    }


def on_diff(args, settings: Settings) -> int:
    from explorer.store.diff import diff_versions
    from explorer.store.store import PublishError, Store

    store = Store.open(settings.store_url)
    try:
        found = diff_versions(store, args.old, args.new)
    except PublishError as exc:
        return refuse(exc)
    if args.json:
        print(json.dumps(found.as_dict(), indent=2))
        return EXIT_OK
    print(f"{found.entity}: version {found.old} → version {found.new}")
    for table in found.tables:
        print(f"  {table.table}: {len(table.added)} added, {len(table.changed)} changed, {len(table.removed)} removed")
        for key in table.added[: args.limit]:
            print(f"    + {key}")
        for change in table.changed[: args.limit]:
            fields = "; ".join(f"{k}: {a!r} → {b!r}" for k, (a, b) in change.fields.items())
            print(f"    ~ {change.key}  {fields}")
        for key in table.removed[: args.limit]:
            print(f"    - {key}")
    if found.empty:
        print("  no differences")
    return EXIT_OK


def on_rollback(args, settings: Settings) -> int:
    from explorer.store.store import PublishError, Store

    store = Store.open(settings.store_url)
    try:
        new_id = store.rollback(args.version, published_by=args.by)
    except PublishError as exc:
        return refuse(exc)
    print(f"Version {args.version} is current again as version {new_id}.")
    return EXIT_OK


def on_backup(args, settings: Settings) -> int:
    from explorer.store.backup import BackupError, backup
    from explorer.store.store import Store

    try:
        written = backup(Store.open(settings.store_url), Path(args.path))
    except BackupError as exc:
        return refuse(exc)
    print(f"Backed up the store to {written} ({written.stat().st_size:,} bytes).")
    return EXIT_OK


def on_restore(args, settings: Settings) -> int:
    from explorer.store.backup import BackupError, restore
    from explorer.store.store import Store

    path = Path(args.path)
    if not path.is_file():
        return refuse(f"{path} does not exist", EXIT_USAGE)
    try:
        restored = restore(Store.open(settings.store_url), path, published_by=args.by)
    except BackupError as exc:
        return refuse(exc)
    for item in restored:
        print(f"{item.entity}: restored as version {item.version_id} (version {item.backup_version} in the backup)")
    return EXIT_OK
