"""The ``explorer`` command: preparing the data, and ``ingest`` and ``sync`` (one ingest path for every format)."""

from __future__ import annotations

import json
from pathlib import Path

from explorer.commands import EXIT_OK, EXIT_REJECTED, EXIT_UNREADABLE, EXIT_USAGE, refuse
from explorer.settings import Settings



def on_prepare(args, settings: Settings) -> int:
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


def on_ingest(args, settings: Settings) -> int:
    from explorer.ingest.publish import ingest_path
    from explorer.ingest.report import REPORT_SUFFIXES, write_report
    from explorer.store.schema import ENTITIES

    if args.entity not in ENTITIES:
        return refuse(f"unknown entity {args.entity!r}; choose from {', '.join(ENTITIES)}", EXIT_USAGE)
    paths = [Path(args.path), *map(Path, args.more)]
    missing = [p for p in paths if not p.exists()]
    if missing:
        return refuse(f"{missing[0]} does not exist", EXIT_USAGE)
    if args.report and Path(args.report).suffix.lower() not in REPORT_SUFFIXES:
        return refuse("--report must name a .json or .csv file", EXIT_USAGE)
    if args.more and not _several_files_allowed(args, paths[0]):
        return refuse("only MPS crime files can be ingested several at once", EXIT_USAGE)
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


def on_sync(args, settings: Settings) -> int:
    from explorer.ingest.report import report_lines
    from explorer.ingest.sync import sync
    from explorer.store.schema import ENTITIES

    if args.entity not in ENTITIES:
        return refuse(f"unknown entity {args.entity!r}; choose from {', '.join(ENTITIES)}", EXIT_USAGE)
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


def _failure_code(report) -> int:
    """Exit 2 when a file could not be read at all, 1 when it was read and refused."""
    from explorer.ingest.files import could_not_read

    return EXIT_UNREADABLE if could_not_read(report.problems) else EXIT_REJECTED


def _several_files_allowed(args, path: Path) -> bool:
    from explorer.ingest.registry import choose

    return choose(args.entity, path, args.format).several_files


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
