"""The ``explorer`` command: serve the app, prepare data, ingest and sync, list, diff and roll back versions.

Exit codes: 0 success, 1 rejected or failed (a report says why), 2 usage error or a file that
could not be read at all (past a reading limit: too many columns, JSON nested too deep).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from explorer.settings import Settings

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
EXIT_UNREADABLE = 2  # the same code as a usage error: the command could not do what was asked


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    settings = Settings.from_env()
    try:
        return args.handler(args, settings)
    except Exception as exc:
        # A PublishError can only come from the store module, so it is looked up only when that
        # was imported: a command that never opens the store (``explorer search``) never loads
        # SQLAlchemy and Alembic.
        store = sys.modules.get("explorer.store.store")
        if store is not None and isinstance(exc, store.PublishError):
            # e.g. the disk filled during a publish: the store rolled it back
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_REJECTED
        raise


def _serve(args, settings: Settings) -> int:
    from explorer.app import create_app
    from explorer.settings import MissingSecretKey

    try:
        settings.require_secret()
    except MissingSecretKey as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    app = create_app(settings)
    print(f"London commissioned services explorer: http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=settings.debug)
    return EXIT_OK


def _prepare(args, settings: Settings) -> int:
    from explorer.app import postcode_lookup_for
    from explorer.ingest.publish import seed_sample
    from explorer.ingest.report import report_lines
    from explorer.reference import load_geography, prepare
    from explorer.store.store import Store

    prepare(settings.data_dir, settings.cache_dir)
    geography = load_geography(settings.data_dir, settings.cache_dir)
    store = Store.open(settings.store_url)
    if settings.seed_sample:
        for result in seed_sample(store, settings.sample_dir, postcode_lookup_for(geography)):
            print("\n".join(report_lines(result.entity, result.report, version_id=result.version_id)))
            if not result.published:
                return EXIT_REJECTED
    print(f"Reference data ready in {settings.cache_dir}; store at {settings.store_url}")
    return EXIT_OK


def _ingest(args, settings: Settings) -> int:
    from explorer.ingest.publish import ingest_path
    from explorer.ingest.report import REPORT_SUFFIXES, write_report
    from explorer.store.schema import ENTITIES

    if args.entity not in ENTITIES:
        print(f"error: unknown entity {args.entity!r}; choose from {', '.join(ENTITIES)}", file=sys.stderr)
        return EXIT_USAGE
    paths = [Path(args.path), *map(Path, args.more)]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"error: {missing[0]} does not exist", file=sys.stderr)
        return EXIT_USAGE
    if args.report and Path(args.report).suffix.lower() not in REPORT_SUFFIXES:
        print("error: --report must name a .json or .csv file", file=sys.stderr)
        return EXIT_USAGE
    if args.more and not _several_files_allowed(args, paths[0]):
        print("error: only MPS crime files can be ingested several at once", file=sys.stderr)
        return EXIT_USAGE
    store, lookup, resolver, boroughs = _ingest_tools(settings)
    result = ingest_path(
        store, args.entity, paths[0], lookup, published_by=args.by, dry_run=args.dry_run, fmt=args.format,
        max_bytes=_max_bytes(settings), borough_code=resolver, boroughs=boroughs, more=tuple(paths[1:]),
        source_url=args.source_url, confirmations=args.confirmations,
    )
    _finish_report(args, result, dry_run=args.dry_run)
    if args.report:
        write_report(result.report, Path(args.report), extra=_report_extra(args.entity, result))
    return EXIT_OK if result.report.ok else _failure_code(result.report)


def _failure_code(report) -> int:
    """Exit 2 when a file could not be read at all, 1 when it was read and refused."""
    from explorer.ingest.files import could_not_read

    return EXIT_UNREADABLE if could_not_read(report.problems) else EXIT_REJECTED


def _several_files_allowed(args, path: Path) -> bool:
    from explorer.ingest.registry import choose

    return choose(args.entity, path, args.format).several_files


def _sync(args, settings: Settings) -> int:
    from explorer.ingest.report import report_lines
    from explorer.ingest.sync import sync
    from explorer.store.schema import ENTITIES

    if args.entity not in ENTITIES:
        print(f"error: unknown entity {args.entity!r}; choose from {', '.join(ENTITIES)}", file=sys.stderr)
        return EXIT_USAGE
    store, lookup, resolver, boroughs = _ingest_tools(settings)
    outcome = sync(
        store, args.url, args.entity, lookup, max_bytes=_max_bytes(settings), published_by=args.by,
        borough_code=resolver, boroughs=boroughs, fmt=args.format, confirmations=args.confirmations,
    )
    if outcome.result is not None and outcome.outcome in {"rejected", "published"}:
        for line in report_lines(args.entity, outcome.report, version_id=outcome.result.version_id)[:-1]:
            print(line)
    print(outcome.message)
    if outcome.outcome in {"published", "unchanged"}:
        return EXIT_OK
    return _failure_code(outcome.report) if outcome.result is not None else EXIT_REJECTED


def _search(args, settings: Settings) -> int:
    from explorer.services.search import ended_line, parse_filters
    from explorer.services.search_cache import load_or_build

    index, _cached = load_or_build(settings)
    snapshot = index.snapshot
    filters = parse_filters(
        {"borough": args.borough, "commissioner": args.commissioner, "area": args.area,
         "age": [args.age] if args.age else [], "access": [args.access] if args.access else []},
        snapshot,
    )
    result = index.search(args.query, filters, limit=args.limit, include_ended=args.ended)
    if args.json:
        print(json.dumps(search_result_json(result, snapshot), indent=2, ensure_ascii=False))
        return EXIT_OK
    print(result.summary)
    if result.message:
        print(result.message)
    for n, item in enumerate(result.items, start=1):
        s = item.service
        where = "pan-London" if s.pan_london else ", ".join(snapshot.borough_name(c) for c in s.borough_codes[:3])
        distance = f"  {item.distance_km:.1f} km" if item.distance_km is not None else ""
        note = f"  [{item.place_note}]" if item.place_note else ""
        ended = "  [ended]" if item.ended else ""
        print(f"{n:>3}. {s.name} ({s.provider_name}; {where}){distance}{note}{ended}")
    print(f"{result.total} services.")
    if ended_line(result):
        print(f"{ended_line(result)}: add --ended to show them.")
    return EXIT_OK


def search_result_json(result, snapshot) -> dict:
    """The search result as plain JSON: the same services, in the same order, as the page."""
    from explorer.services.search import understood_json

    return {
        "query": result.query,
        "understood": result.summary,
        "x_query": understood_json(result, snapshot),
        "message": result.message,
        "total": result.total,
        "results": [
            {
                "id": i.service.id,
                "name": i.service.name,
                "provider": i.service.provider_name,
                "pan_london": i.service.pan_london,
                "boroughs": list(i.service.borough_codes),
                "service_areas": list(i.service.term_ids),
                "access": i.service.access,
                "distance_km": None if i.distance_km is None else round(i.distance_km, 2),
                "confidential_location": i.service.confidential_location,
                "illustrative": i.service.illustrative,
                "url": i.service.url,
                "audience": i.service.audience,
                "ended": i.ended,
                "place_note": i.place_note or None,
            }
            for i in result.items
        ],
    }


def _versions(args, settings: Settings) -> int:
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


def _diff(args, settings: Settings) -> int:
    from explorer.store.diff import diff_versions
    from explorer.store.store import PublishError, Store

    store = Store.open(settings.store_url)
    try:
        found = diff_versions(store, args.old, args.new)
    except PublishError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REJECTED
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


def _backup(args, settings: Settings) -> int:
    from explorer.store.backup import BackupError, backup
    from explorer.store.store import Store

    try:
        written = backup(Store.open(settings.store_url), Path(args.path))
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    print(f"Backed up the store to {written} ({written.stat().st_size:,} bytes).")
    return EXIT_OK


def _restore(args, settings: Settings) -> int:
    from explorer.store.backup import BackupError, restore
    from explorer.store.store import Store

    path = Path(args.path)
    if not path.is_file():
        print(f"error: {path} does not exist", file=sys.stderr)
        return EXIT_USAGE
    try:
        restored = restore(Store.open(settings.store_url), path, published_by=args.by)
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    for item in restored:
        print(f"{item.entity}: restored as version {item.version_id} (version {item.backup_version} in the backup)")
    return EXIT_OK


def _rollback(args, settings: Settings) -> int:
    from explorer.store.store import PublishError, Store

    store = Store.open(settings.store_url)
    try:
        new_id = store.rollback(args.version, published_by=args.by)
    except PublishError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    print(f"Version {args.version} is current again as version {new_id}.")
    return EXIT_OK


def _check(args, settings: Settings) -> int:
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


def _suggestions(args, settings: Settings) -> int:
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


def _ingest_tools(settings: Settings):
    from explorer.app import postcode_lookup_for
    from explorer.ingest.publish import borough_resolver
    from explorer.reference import load_geography
    from explorer.store.store import Store

    geography = load_geography(settings.data_dir, settings.cache_dir)
    store = Store.open(settings.store_url)
    boroughs = {b.code: b.name for b in geography.boroughs}
    return store, postcode_lookup_for(geography), borough_resolver(geography.boroughs), boroughs


def _max_bytes(settings: Settings) -> int:
    return int(settings.max_ingest_mb * 1024 * 1024)


def _finish_report(args, result, *, dry_run: bool) -> None:
    from explorer.ingest.report import report_lines

    if args.json:
        print(json.dumps({**_report_extra(args.entity, result), **result.report.as_dict()}, indent=2))
        return
    for line in report_lines(args.entity, result.report, version_id=result.version_id, dry_run=dry_run,
                             unchanged=result.unchanged, notes=result.notes):
        print(line)


def _report_extra(entity: str, result) -> dict:
    return {"entity": entity, "version": result.version_id, "format": result.format, "notes": list(result.notes)}


def _version_dict(v) -> dict:
    return {
        "id": v.id, "entity": v.entity, "source": v.source, "row_counts": v.row_counts,
        "published_by": v.published_by, "published_at": v.published_at, "current": v.current,
        "restored_from": v.restored_from, "errors": v.report.get("errors"), "warnings": v.report.get("warnings"),
    }


def _boundaries(args, settings: Settings) -> int:
    from explorer.reference.boundaries import BoundaryImportError, import_boundaries

    try:
        result = import_boundaries(Path(args.file), settings.cache_dir)
    except BoundaryImportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    print(f"Imported {len(result.geojson['features'])} borough boundaries from {args.file}.")
    return EXIT_OK


def _export(args, settings: Settings) -> int:
    from explorer.reference import load_geography
    from explorer.services.exports import build_export, published_at
    from explorer.services.snapshot import SnapshotProvider
    from explorer.store.store import Store

    borough = args.borough.upper() if args.borough else None
    geography = load_geography(settings.data_dir, settings.cache_dir)
    if borough and geography.borough_by_code(borough) is None:
        print(f"error: {args.borough!r} is not a London borough code (E09000001 to E09000033)", file=sys.stderr)
        return EXIT_USAGE
    store = Store.open(settings.store_url)
    snapshot = SnapshotProvider(store, geography).current()
    try:
        export = build_export(snapshot, args.format, published_at(snapshot), borough)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.output:
        Path(args.output).write_bytes(export.body)
        print(f"Wrote {export.filename} ({len(export.body):,} bytes) to {args.output}.", file=sys.stderr)
    else:
        sys.stdout.buffer.write(export.body)
        sys.stdout.flush()
    return EXIT_OK


class _FormatNames:
    """The ingest formats' names, read from the registry only when an option needs them, so a
    command that takes no ``--format`` (``explorer search``) never imports every reader."""

    def _names(self) -> tuple[str, ...]:
        from explorer.ingest.registry import NAMES

        return NAMES

    def __contains__(self, value) -> bool:
        return value in self._names()

    def __iter__(self):
        return iter(self._names())


class _ExportFormats(_FormatNames):
    """The export formats, read only when ``explorer export`` needs them (the exports module
    imports the record models and the evidence rules)."""

    def _names(self) -> tuple[str, ...]:
        from explorer.services.exports import FORMATS

        return FORMATS


def _parser() -> argparse.ArgumentParser:
    FORMAT_NAMES = _FormatNames()  # noqa: N806

    parser = argparse.ArgumentParser(prog="explorer", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")

    serve = sub.add_parser("serve", help="run the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.set_defaults(handler=_serve)

    prep = sub.add_parser("prepare", help="build reference caches and publish the sample into an empty store")
    prep.set_defaults(handler=_prepare)

    ingest = sub.add_parser("ingest", help="validate and publish an entity from CSV, XLSX or JSON")
    ingest.add_argument("entity")
    ingest.add_argument("path", help="a folder of the entity's CSV files, or one CSV, XLSX or JSON file "
                        "(or any registered format: Open Referral UK, 360Giving, Find a Grant, the MPS crime file)")
    ingest.add_argument("more", nargs="*", help="crime only: more MPS borough crime files, read together")
    ingest.add_argument("--dry-run", action="store_true", help="validate and report; publish nothing")
    ingest.add_argument("--json", action="store_true", help="print the report as JSON")
    ingest.add_argument("--report", default=None, help="also write the report to FILE.json or FILE.csv")
    ingest.add_argument("--format", default="auto", choices=FORMAT_NAMES, metavar="FORMAT",
                        help="the file's format: auto (the default: worked out from the file) or a format's name")
    ingest.add_argument("--source-url", default=None,
                        help="the published address of the file (Open Referral UK and 360Giving input)")
    ingest.add_argument("--by", default="explorer", help="who is publishing")
    ingest.add_argument("--confirmations", default=None, type=Path,
                        help="contracts: a CSV (ocid,service_id,decision) confirming or rejecting uncertain matches")
    ingest.set_defaults(handler=_ingest)

    search = sub.add_parser("search", help="search services as the home page does")
    search.add_argument("query")
    search.add_argument("--json", action="store_true", help="print the results as JSON")
    search.add_argument("--borough", action="append", default=[], help="borough code (repeatable)")
    search.add_argument("--commissioner", action="append", default=[], help="MOPAC or VRU")
    search.add_argument("--area", action="append", default=[], help="service area id (repeatable)")
    search.add_argument("--age", default=None)
    search.add_argument("--access", default=None)
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--ended", action="store_true", help="include services that have ended")
    search.set_defaults(handler=_search)

    sync_cmd = sub.add_parser("sync", help="fetch a published file over HTTP and ingest it if it changed (for cron)")
    sync_cmd.add_argument("url")
    sync_cmd.add_argument("entity")
    sync_cmd.add_argument("--format", default="auto", choices=FORMAT_NAMES, metavar="FORMAT",
                          help="the file's format: auto (the default: worked out from the file) or a format's name")
    sync_cmd.add_argument("--by", default="sync")
    sync_cmd.add_argument("--confirmations", default=None, type=Path,
                          help="contracts: a CSV (ocid,service_id,decision) confirming or rejecting uncertain matches")
    sync_cmd.set_defaults(handler=_sync)

    versions = sub.add_parser("versions", help="list published versions (* = current)")
    versions.add_argument("--entity", default=None)
    versions.add_argument("--json", action="store_true")
    versions.set_defaults(handler=_versions)

    diff = sub.add_parser("diff", help="show the records added, changed and removed between two versions")
    diff.add_argument("old", type=int)
    diff.add_argument("new", type=int)
    diff.add_argument("--json", action="store_true")
    diff.add_argument("--limit", type=int, default=50, help="records listed per table and kind")
    diff.set_defaults(handler=_diff)

    check = sub.add_parser("check", help="list services and opportunities due for a check (six months) or stale (a year)")
    check.add_argument("--all", action="store_true", help="list fresh entries too")
    check.add_argument("--json", action="store_true")
    check.add_argument("--fail-on", choices=("due", "stale", "never"), default=None,
                       help="exit 1 when any entry is this old or older (for cron alerts)")
    check.add_argument("--today", default=None, help="measure from this date (YYYY-MM-DD) instead of today")
    check.set_defaults(handler=_check)

    suggestions = sub.add_parser("suggestions", help="list the changes the public has suggested")
    suggestions.add_argument("--json", action="store_true")
    suggestions.add_argument("--limit", type=int, default=200)
    suggestions.set_defaults(handler=_suggestions)

    backup = sub.add_parser("backup", help="write a consistent copy of the store (SQLite backup API; pg_dump)")
    backup.add_argument("path")
    backup.set_defaults(handler=_backup)

    restore = sub.add_parser("restore", help="publish a backup's register as new versions (history is kept)")
    restore.add_argument("path")
    restore.add_argument("--by", default="explorer restore")
    restore.set_defaults(handler=_restore)

    rollback = sub.add_parser("rollback", help="make an old version current again")
    rollback.add_argument("version", type=int)
    rollback.add_argument("--by", default="explorer")
    rollback.set_defaults(handler=_rollback)

    export = sub.add_parser("export", help="write a download: services, grants (360Giving) or funding opportunities")
    export.add_argument("format", choices=_ExportFormats(), metavar="FORMAT", help="the download's format: %(choices)s")
    export.add_argument("--borough", default=None, help="only services covering this borough (csv, geojson)")
    export.add_argument("--output", default=None, help="file to write (default: standard output)")
    export.set_defaults(handler=_export)

    reference = sub.add_parser("reference", help="reference geography")
    ref_sub = reference.add_subparsers(dest="reference_command", required=True)
    boundaries = ref_sub.add_parser("boundaries", help="import an official borough boundary file")
    boundaries.add_argument("file")
    boundaries.set_defaults(handler=_boundaries)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
