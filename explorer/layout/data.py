"""Layout layer: the data page (how fresh the register is, downloads, every publish and its report)."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from dash import dash_table, html

from explorer import ids
from explorer.domain import formatting
from explorer.domain.freshness import BAND_BY_KEY, BANDS, band_counts, freshness_by_group
from explorer.layout.components import page_intro
from explorer.layout.controls import table_region
from explorer.layout.embed import build_downloads
from explorer.layout.freshness import build_freshness_legend
from explorer.layout.contracts import build_coverage
from explorer.services.contracts import coverage
from explorer.services.snapshot import Snapshot
from explorer.domain.versions import VersionInfo
from explorer.pages.data import DataPage

#: Versions whose reports are listed in full (older ones are in ``explorer versions``).
REPORTS_SHOWN = 15
#: Problems listed per report on the page (the CLI's --report file has them all).
PROBLEMS_SHOWN = 50

ENTITY_NAMES = {
    "services": "Services, providers and areas",
    "measures": "Performance measures",
    "spend": "Spend",
    "reach": "People helped",
    "opportunities": "Funding opportunities",
    "lcpf": "Crime prevention fund",
    "crime": "Recorded crime",
    "outcomes": "Programmes' published outcomes",
    "contracts": "Public contracts (OCDS notices)",
    "evaluations": "Evaluations of programmes",
}


def build_data_page(page: DataPage) -> html.Div:
    """The data page: freshness, downloads, the publish history and the boundaries' source.

    Args:
        page: The register, the page's date (freshness is measured from it) and the publish history.
    """
    snapshot, today = page.snapshot, page.today
    return html.Div(
        [
            *page_intro(
                "Data",
                "Where the register comes from, how recently each entry was checked by a person, "
                "and every publish of it. Each publish is kept as a version, so any change can be "
                "seen and undone.",
            ),
            build_coverage(coverage(snapshot)),
            build_freshness_section(snapshot, today),
            html.Div(build_downloads(snapshot), id=ids.DATA_DOWNLOADS, className="mt-4"),
            build_history_section(list(page.history)),
            html.H2("Borough boundaries", className="h4 mt-4"),
            html.P(
                ("Approximate boundaries derived from the ONS postcode directory. " if snapshot.boundaries_approximate
                 else "Official boundaries. ") + f"Source: {snapshot.boundaries_source}"
            ),
        ]
    )


def build_freshness_section(snapshot: Snapshot, today: dt.date) -> html.Section:
    """Freshness of services (overall, by commissioner, provider and borough) and of opportunities."""
    services = snapshot.services
    overall = band_counts((s.last_verified for s in services), today)
    opportunities = band_counts((o.last_verified for o in snapshot.opportunities), today)
    by_commissioner = freshness_by_group(((s.commissioners, s.last_verified) for s in services), today)
    by_provider = freshness_by_group((((s.provider_name,), s.last_verified) for s in services), today)
    by_borough = freshness_by_group(
        (([snapshot.borough_name(c) for c in s.borough_codes], s.last_verified) for s in services), today
    )
    return html.Section(
        [
            html.H2("How fresh the register is", className="h4"),
            html.P(
                "Age is counted from the day a person last checked an entry, not from the day it was "
                "imported. The Police and Crime Committee asked for the register to be refreshed "
                "every six months."
            ),
            build_freshness_legend(),
            html.Div(
                [_summary_card("Services", overall, len(services)),
                 _summary_card("Funding opportunities", opportunities, len(snapshot.opportunities))],
                className="d-flex flex-wrap gap-3 mb-3",
                id=ids.DATA_FRESHNESS_SUMMARY,
            ),
            html.H3("By commissioner", className="h5"),
            _group_table(ids.DATA_FRESHNESS_COMMISSIONER, "Commissioner", by_commissioner),
            html.H3("By provider", className="h5 mt-3"),
            html.P("Providers with most entries needing a check come first.", className="small"),
            _group_table(ids.DATA_FRESHNESS_PROVIDER, "Provider", by_provider),
            html.H3("By borough", className="h5 mt-3"),
            html.P("A service that covers several boroughs counts in each.", className="small"),
            _group_table(ids.DATA_FRESHNESS_BOROUGH, "Borough", by_borough),
        ]
    )


def build_history_section(versions: list[VersionInfo]) -> html.Section:
    """Every publish, newest first, and the validation report of the recent ones."""
    rows = [
        {
            "Version": v.id,
            "Data": ENTITY_NAMES.get(v.entity, v.entity),
            "Published": v.published_at.strftime("%d %b %Y %H:%M"),
            "By": v.published_by,
            "Rows": sum(v.row_counts.values()),
            "Warnings": _report_count(v, "warnings"),
            "Current": "yes (current)" if v.current else "",
            "Note": _version_note(v),
            "Source": v.source,
        }
        for v in versions
    ]
    return html.Section(
        [
            html.H2("Version history", className="h4 mt-4"),
            html.P(
                "Each publish is checked first: errors stop it (nothing changes), warnings are published "
                "and listed here. Any version can be compared with another and made current again "
                "(explorer diff, explorer rollback)."
            ),
            _table(ids.DATA_VERSION_TABLE, rows) if rows else html.P("Nothing is published yet.", className="empty"),
            html.H3("Reports of recent publishes", className="h5 mt-3"),
            html.Div([_report_details(v) for v in versions[:REPORTS_SHOWN]], id=ids.DATA_VERSION_REPORTS),
        ]
    )


# -- private helpers ---------------------------------------------------------------------------


def _summary_card(title: str, counts: dict[str, int], total: int) -> html.Div:
    items = [
        html.Li([html.Span(BAND_BY_KEY[key].icon, **{"aria-hidden": "true"}), f" {BAND_BY_KEY[key].word}: ",
                 html.Strong(f"{n:,}")])
        for key, n in counts.items()
    ]
    return html.Div(
        [html.H3(f"{title} ({total:,})", className="h6"), html.Ul(items, className="list-unstyled mb-0")],
        className="border rounded p-3 freshness-card",
    )


def _group_table(table_id: str, label: str, groups: Iterable) -> dash_table.DataTable | html.P:
    data = [
        {
            label: g.group,
            "Entries": g.total,
            **{f"{b.icon} {b.word}": g.counts[b.key] for b in BANDS},
            "Oldest check": formatting.date(g.oldest) if g.oldest else "never",
        }
        for g in groups
    ]
    if not data:
        return html.P("No services are published yet.", className="empty")
    return _table(table_id, data)


def _report_details(v: VersionInfo) -> html.Details:
    report = v.report if isinstance(v.report, dict) else {}
    problems = report.get("problems") or []
    summary = (
        f"Version {v.id} · {ENTITY_NAMES.get(v.entity, v.entity)} · {v.published_at:%d %b %Y} · "
        f"{_report_count(v, 'warnings')} warnings"
    )
    body: list = []
    notes = [n for n in report.get("notes") or [] if n]
    if v.restored_from:
        body.append(html.P(f"A rollback: a copy of version {v.restored_from}."))
    body.extend(html.P(n) for n in notes)
    if problems:
        body.append(html.Ul([
            html.Li(f"{p.get('level', 'error')}: {p.get('file')} row {p.get('row')}, {p.get('field')} "
                    f"= {p.get('value')!r}: {p.get('rule')}")
            for p in problems[:PROBLEMS_SHOWN]
        ], className="small"))
        if len(problems) > PROBLEMS_SHOWN:
            body.append(html.P(f"… and {len(problems) - PROBLEMS_SHOWN} more.", className="small"))
    elif not v.restored_from:
        body.append(html.P("No problems were found.", className="small"))
    return html.Details([html.Summary(summary)] + body, className="version-report mb-2")


def _report_count(v: VersionInfo, key: str) -> int:
    report = v.report if isinstance(v.report, dict) else {}
    value = report.get(key, 0)
    return value if isinstance(value, int) else len(value or [])


def _version_note(v: VersionInfo) -> str:
    if v.restored_from:
        return f"rollback to version {v.restored_from}"
    return v.note or ""


def _table(table_id: str, data: list[dict]) -> html.Div:
    return table_region(f"Table: {', '.join(data[0])} (scrolls sideways on a small screen)", dash_table.DataTable(
        id=table_id,
        data=data,
        columns=[{"name": k, "id": k} for k in data[0]],
        sort_action="native",
        # No pager: Dash's pager buttons have no accessible names (axe: button-name). The
        # tables are short (33 boroughs, a few dozen providers); the history grows slowly.
        page_action="none",
        style_table={"overflowX": "auto"},
        style_cell={"textAlign": "left", "whiteSpace": "normal", "height": "auto", "fontFamily": "inherit"},
        style_header={"fontWeight": "700"},
        css=[{"selector": ".dash-spreadsheet", "rule": "font-size: .95rem"}],
    ))
