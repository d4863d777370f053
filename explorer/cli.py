"""The ``explorer`` command: serve the app, prepare data, ingest and sync, list, diff and roll back versions.

Exit codes: 0 success, 1 rejected or failed (a report says why), 2 usage error or a file that
could not be read at all (past a reading limit: too many columns, JSON nested too deep).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence

from explorer.commands import EXIT_OK, EXIT_REJECTED, EXIT_UNREADABLE, EXIT_USAGE, history, ingest, refuse, upkeep
from explorer.settings import Settings

__all__ = ["EXIT_OK", "EXIT_REJECTED", "EXIT_UNREADABLE", "EXIT_USAGE", "main", "search_result_json"]


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
            return refuse(exc)  # e.g. the disk filled during a publish: the store rolled it back
        raise


def _serve(args, settings: Settings) -> int:
    from explorer.app import create_app
    from explorer.settings import MissingSecretKey

    try:
        settings.require_secret()
    except MissingSecretKey as exc:
        return refuse(exc, EXIT_USAGE)
    app = create_app(settings)
    print(f"London commissioned services explorer: http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=settings.debug)
    return EXIT_OK


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
    nearby = index.nearest_elsewhere(result)
    elsewhere = index.topics_elsewhere(result)
    if args.json:
        print(json.dumps(search_result_json(result, snapshot, nearby, elsewhere), indent=2, ensure_ascii=False))
        return EXIT_OK
    print(result.summary)
    for other in result.understood.also_places:  # "Hayes" is in Hillingdon and in Bromley
        print(f"There is also a {other.location.label} in {other.borough}: search \"{other.query}\".")
    if result.message:
        print(result.message)
    for n, item in enumerate(result.items, start=1):
        print(_item_line(n, item, snapshot))
    print(f"{result.total} services.")
    if nearby:  # as the page: nothing covers the place, so the nearest elsewhere
        print(f"The nearest {len(nearby)} elsewhere in London, closest first (check with them that they can help you):")
        for n, item in enumerate(nearby, start=1):
            print(_item_line(n, item, snapshot))
    for gap in elsewhere:  # as the page: a topic of the search that nothing covers at the place
        print(f"{gap.sentence} The nearest elsewhere (check with them that they can help you):")
        for n, item in enumerate(gap.nearest, start=1):
            print(_item_line(n, item, snapshot))
    if ended_line(result):
        print(f"{ended_line(result)}: add --ended to show them.")
    return EXIT_OK


def _item_line(n: int, item, snapshot) -> str:
    """One listed service: its name, provider, where it works, distance and notes."""
    s = item.service
    where = "pan-London" if s.pan_london else ", ".join(snapshot.borough_name(c) for c in s.borough_codes[:3])
    distance = f"  {item.distance_km:.1f} km" if item.distance_km is not None else ""
    note = f"  [{item.place_note}]" if item.place_note else ""
    ended = "  [ended]" if item.ended else ""
    return f"{n:>3}. {s.name} ({s.provider_name}; {where}){distance}{note}{ended}"


def search_result_json(result, snapshot, nearby=(), elsewhere=()) -> dict:
    """The search result as plain JSON: the same services, in the same order, as the page; the
    nearest elsewhere when nothing covers the place; and each topic of the search that nothing
    covers there, with the nearest of it elsewhere."""
    from explorer.services.search import understood_json

    return {
        "query": result.query,
        "understood": result.summary,
        "x_query": understood_json(result, snapshot),
        "message": result.message,
        "total": result.total,
        "results": [_item_json(i) for i in result.items],
        "nearest_elsewhere": [_item_json(i) for i in nearby],
        "topics_elsewhere": [{"topic": g.topic, "name": g.name, "borough": g.borough,
                              "nearest": [_item_json(i) for i in g.nearest]} for g in elsewhere],
    }


def _item_json(i) -> dict:
    return {
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


_FLAG = {"action": "store_true"}
_JSON = ("--json", _FLAG)
_FORMAT_HELP = "the file's format: auto (the default: worked out from the file) or a format's name"
_CONFIRMATIONS_HELP = "contracts: a CSV (ocid,service_id,decision) confirming or rejecting uncertain matches"


def _commands(formats) -> list[tuple[str, str, Callable[..., int], tuple[tuple[str, dict], ...]]]:
    """Every subcommand: its name, its help, its handler and its arguments (name, ``add_argument`` options)."""
    fmt = ("--format", {"default": "auto", "choices": formats, "metavar": "FORMAT", "help": _FORMAT_HELP})
    confirmations = ("--confirmations", {"default": None, "type": Path, "help": _CONFIRMATIONS_HELP})
    return [
        ("serve", "run the web app", _serve,
         (("--host", {"default": "127.0.0.1"}), ("--port", {"type": int, "default": 8050}))),
        ("prepare", "build reference caches and publish the sample into an empty store", ingest.on_prepare, ()),
        ("ingest", "validate and publish an entity from CSV, XLSX or JSON", ingest.on_ingest, (
            ("entity", {}),
            ("path", {"help": "a folder of the entity's CSV files, or one CSV, XLSX or JSON file (or any registered "
                              "format: Open Referral UK, 360Giving, Find a Grant, the MPS crime file)"}),
            ("more", {"nargs": "*", "help": "crime only: more MPS borough crime files, read together"}),
            ("--dry-run", {**_FLAG, "help": "validate and report; publish nothing"}),
            ("--json", {**_FLAG, "help": "print the report as JSON"}),
            ("--report", {"default": None, "help": "also write the report to FILE.json or FILE.csv"}),
            fmt,
            ("--source-url", {"default": None,
                              "help": "the published address of the file (Open Referral UK and 360Giving input)"}),
            ("--by", {"default": "explorer", "help": "who is publishing"}),
            confirmations,
        )),
        ("search", "search services as the home page does", _search, (
            ("query", {}),
            ("--json", {**_FLAG, "help": "print the results as JSON"}),
            ("--borough", {"action": "append", "default": [], "help": "borough code (repeatable)"}),
            ("--commissioner", {"action": "append", "default": [],
                                "help": "a commissioner or funder of record: MOPAC, VRU, GLA, 'Home Office' ... (repeatable)"}),
            ("--area", {"action": "append", "default": [], "help": "service area id (repeatable)"}),
            ("--age", {"default": None}),
            ("--access", {"default": None}),
            ("--limit", {"type": int, "default": 50}),
            ("--ended", {**_FLAG, "help": "include services that have ended"}),
        )),
        ("sync", "fetch a published file over HTTP and ingest it if it changed (for cron)", ingest.on_sync,
         (("url", {}), ("entity", {}), fmt, ("--by", {"default": "sync"}), confirmations)),
        ("versions", "list published versions (* = current)", history.on_versions, (("--entity", {"default": None}), _JSON)),
        ("diff", "show the records added, changed and removed between two versions", history.on_diff, (
            ("old", {"type": int}), ("new", {"type": int}), _JSON,
            ("--limit", {"type": int, "default": 50, "help": "records listed per table and kind"}),
        )),
        ("check", "list services and opportunities due for a check (six months) or stale (a year)", upkeep.on_check, (
            ("--all", {**_FLAG, "help": "list fresh entries too"}), _JSON,
            ("--fail-on", {"choices": ("due", "stale", "never"), "default": None,
                           "help": "exit 1 when any entry is this old or older (for cron alerts)"}),
            ("--today", {"default": None, "help": "measure from this date (YYYY-MM-DD) instead of today"}),
        )),
        ("suggestions", "list the changes the public has suggested", upkeep.on_suggestions,
         (_JSON, ("--limit", {"type": int, "default": 200}))),
        ("backup", "write a consistent copy of the store (SQLite backup API; pg_dump)", history.on_backup, (("path", {}),)),
        ("restore", "publish a backup's register as new versions (history is kept)", history.on_restore,
         (("path", {}), ("--by", {"default": "explorer restore"}))),
        ("rollback", "make an old version current again", history.on_rollback,
         (("version", {"type": int}), ("--by", {"default": "explorer"}))),
        ("export", "write a download: services, grants (360Giving) or funding opportunities", upkeep.on_export, (
            ("format", {"choices": _ExportFormats(), "metavar": "FORMAT", "help": "the download's format: %(choices)s"}),
            ("--borough", {"default": None, "help": "only services covering this borough (csv, geojson)"}),
            ("--output", {"default": None, "help": "file to write (default: standard output)"}),
        )),
    ]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="explorer", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    for name, help_text, handler, arguments in _commands(_FormatNames()):
        command = sub.add_parser(name, help=help_text)
        for argument, options in arguments:
            command.add_argument(argument, **options)
        command.set_defaults(handler=handler)
    reference = sub.add_parser("reference", help="reference geography")
    ref_sub = reference.add_subparsers(dest="reference_command", required=True)
    boundaries = ref_sub.add_parser("boundaries", help="import an official borough boundary file")
    boundaries.add_argument("file")
    boundaries.set_defaults(handler=upkeep.on_boundaries)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
