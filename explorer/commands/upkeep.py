"""The ``explorer`` command: freshness checks, the public's suggestions, boundaries and downloads."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from explorer.commands import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, refuse
from explorer.settings import Settings



def on_check(args, settings: Settings) -> int:
    import datetime as dt

    from explorer.ingest.check import check_freshness, worse_than
    from explorer.store.store import Store

    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    entries = check_freshness(Store.open(settings.store_url), today)
    shown = [e for e in entries if args.all or e.freshness.band.key != "fresh"]
    if args.json:
        print(json.dumps([
            {"kind": e.kind, "id": e.id, "name": e.name, "owner": e.owner, "band": e.freshness.band.key,
             "days": e.freshness.days, "last_verified": e.freshness.last_verified}
            for e in shown
        ], indent=2, default=str))
    else:
        for e in shown:
            print(f"{e.freshness.band.icon} {e.freshness.band.word:<16} {e.freshness.phrase:<22} {e.kind:<11} "
                  f"{e.name} ({e.owner})")
        counts = {}
        for e in entries:
            counts[e.freshness.band.word] = counts.get(e.freshness.band.word, 0) + 1
        print("; ".join(f"{word}: {n}" for word, n in counts.items()) or "Nothing is published.")
    failing = [e for e in entries if args.fail_on and worse_than(e, args.fail_on)]
    return EXIT_REJECTED if failing else EXIT_OK


def on_suggestions(args, settings: Settings) -> int:
    from explorer.store.store import Store
    from explorer.store.suggestions import SuggestionBox

    items = SuggestionBox(Store.open(settings.store_url)).list(limit=args.limit)
    if args.json:
        print(json.dumps([s.__dict__ for s in items], indent=2, default=str))
        return EXIT_OK
    if not items:
        print("No suggestions.")
    for s in items:
        contact = f"  contact: {s.contact}" if s.contact else ""
        print(f"{s.id:>5}  {s.created_at:%Y-%m-%d %H:%M}  {s.service_id}  [{s.status}]{contact}")
        print("       " + s.message.replace("\n", "\n       "))
    return EXIT_OK


def on_boundaries(args, settings: Settings) -> int:
    from explorer.reference.boundaries import BoundaryImportError, import_boundaries

    try:
        result = import_boundaries(Path(args.file), settings.cache_dir)
    except BoundaryImportError as exc:
        return refuse(exc)
    print(f"Imported {len(result.geojson['features'])} borough boundaries from {args.file}.")
    return EXIT_OK


def on_export(args, settings: Settings) -> int:
    from explorer.reference import load_geography
    from explorer.services.exports import build_export, published_at
    from explorer.services.snapshot import SnapshotProvider
    from explorer.store.store import Store

    borough = args.borough.upper() if args.borough else None
    geography = load_geography(settings.data_dir, settings.cache_dir)
    if borough and geography.borough_by_code(borough) is None:
        return refuse(f"{args.borough!r} is not a London borough code (E09000001 to E09000033)", EXIT_USAGE)
    store = Store.open(settings.store_url)
    snapshot = SnapshotProvider(store, geography).current()
    try:
        export = build_export(snapshot, args.format, published_at(snapshot), borough)
    except ValueError as exc:
        return refuse(exc, EXIT_USAGE)
    if args.output:
        Path(args.output).write_bytes(export.body)
        print(f"Wrote {export.filename} ({len(export.body):,} bytes) to {args.output}.", file=sys.stderr)
    else:
        sys.stdout.buffer.write(export.body)
        sys.stdout.flush()
    return EXIT_OK
