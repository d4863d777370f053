"""Layout layer: "What the evidence says" on a service page, and money beside evidence on the dashboards.

Builds components from the view models of :mod:`explorer.services.evidence`. Every finding is
drawn the same way whether it is positive, null or negative: no colour, no tick or cross, the
words as published; a planned evaluation says when it is due, and "Overdue" once that has passed.
"""

from __future__ import annotations

from typing import Sequence

from dash import html

from explorer import ids
from explorer.domain import evidence as rules
from explorer.services.evidence import NO_RATIO_NOTE, EvidenceItem, ProgrammeEvidence, ServiceEvidence



def build_design_scale() -> html.Details:
    """The design-strength scale, explained once on the page."""
    return html.Details(
        [
            html.Summary("How strong is the design? The scale used here"),
            html.Ol(
                [html.Li([html.Strong(level.label), f": {level.explanation}."]) for level in rules.DESIGN_SCALE]
                + [],
                className="evidence-scale-list",
            ),
            html.P(
                f"1 is the weakest, 5 the strongest. \u201c{rules.UNCLASSIFIED}\u201d means "
                f"{rules.UNCLASSIFIED_EXPLANATION}. The step is this register's reading of the design the source "
                "describes; a strong design can still find no effect, and a finding is shown as published either way.",
                className="small",
            ),
        ],
        className="evidence-scale",
    )


def build_service_evidence(view: ServiceEvidence) -> html.Section:
    """The service page's "What the evidence says" section."""
    heading = "h-" + ids.SERVICE_EVIDENCE
    if not view.items:
        body = [html.P("No published or planned evaluation of this service or its programme is in the register.",
                       className="empty")]
    else:
        body = [
            html.P(
                f"Evaluations of the programme ({view.programme}) that this service is part of, as their "
                "sources published them. Findings are paraphrased in plain words; figures are as published.",
                className="small",
            ),
            build_design_scale(),
            html.Ul([html.Li(_item_card(i)) for i in view.items], className="evidence-list list-unstyled"),
        ]
    return html.Section(
        [html.H2("What the evidence says", className="h4", id=heading)] + body,
        id=ids.SERVICE_EVIDENCE,
        className="evidence",
        **{"aria-labelledby": heading},
    )


def _item_card(item: EvidenceItem) -> html.Article:
    facts = [
        ("Design strength", [item.strength] + ([f". {item.design}"] if item.design else [])),
        ("Outcome measured", item.outcome_measure),
        ("Effect as published", item.effect_figure),
        ("Cost per participant as published", _published_cost(item)),
        ("Participants", item.participants),
        ("Evaluated by", item.evaluator or "not named in the source"),
        ("Commissioned by", item.commissioned_by),
    ]
    return html.Article(
        [
            html.H3(_evaluator_name(item), className="h6 evidence-title"),
            html.P(html.Strong(item.when), className=f"evidence-date evidence-{item.state}"),
            html.P(item.finding, className="evidence-finding"),
            html.Dl(
                [part for label, value in facts if value for part in (html.Dt(label), html.Dd(value))],
                className="details-list evidence-facts",
            ),
            html.P(
                ["Source: "] + _source_links(item.sources),
                className="small evidence-sources",
            ),
        ],
        className="evidence-item",
        **{"data-evaluation": item.id},
    )


def _evaluator_name(item: EvidenceItem) -> str:
    """The evaluator without the bracketed note of who commissioned it (shown below)."""
    if not item.evaluator:
        return "Evaluator not yet named"
    return item.evaluator.split(" (", 1)[0]


def _published_cost(item: EvidenceItem) -> str | None:
    if item.cost_per_participant_gbp is None:
        return None
    note = f" ({item.cost_note})" if item.cost_note else ""
    return f"£{item.cost_per_participant_gbp:,.0f}{note}"


def _source_links(urls: Sequence[str]) -> list:
    links: list = []
    for number, url in enumerate(urls, start=1):
        if links:
            links.append(", ")
        label = _host(url) if len(urls) == 1 else f"{_host(url)} ({number})"
        links.append(html.A(label, href=url, rel="noopener", title=url))
    return links


def _host(url: str) -> str:
    host = url.split("://", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


# -- the dashboards ---------------------------------------------------------------------------


def build_programme_evidence(rows: Sequence[ProgrammeEvidence], *, filtered: str = "") -> html.Section:
    """Each programme's spend, people reached and cost per person (our figures) beside its evidence."""
    heading = "h-" + ids.PERF_EVIDENCE_BLOCK
    intro = [
        html.P(
            "Spend, people helped and cost per person are this register's figures for the quarters above "
            "(labelled where they are sample values). Beside them: what published evaluations found, how "
            "strong their design is, and any cost per participant a source published.",
            className="small",
        ),
        html.P(NO_RATIO_NOTE, className="small evidence-no-ratio"),
    ]
    if filtered == "none":
        intro.append(html.P("Showing only services with no evaluation published.", className="small"))
    if not rows:
        body = [html.P("No programme matches these filters.", className="empty")]
    else:
        body = [html.Div(_programme_table(rows), className="table-responsive")]
    return html.Section(
        [html.H2("Money beside evidence, by programme", className="h4", id=heading)] + intro + body,
        id=ids.PERF_EVIDENCE_BLOCK,
        className="perf-panel evidence-dashboard",
        **{"aria-labelledby": heading},
    )


_HEAD = ("Programme", "Spend", "People helped", "Cost per person (our figures)", "Evaluations, published and planned",
         "Cost per participant as published")


def _programme_table(rows: Sequence[ProgrammeEvidence]) -> html.Table:
    head = _HEAD
    return html.Table(
        [
            html.Caption("Each programme's money and reach beside its published evidence"),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
            html.Tbody([_programme_row(r) for r in rows]),
        ],
        className="table table-sm perf-table evidence-table",
    )


def _programme_row(row: ProgrammeEvidence) -> html.Tr:
    sample = [" ", html.Span("sample value", className="badge text-bg-warning")] if row.illustrative else []
    cells = (
        [_money(row.spend)] + (sample if row.spend is not None else []),
        [f"{row.people:,}" if row.people is not None else "not known"] + (sample if row.people is not None else []),
        [_money(row.cost_per_person) if row.cost_per_person is not None else "not worked out"]
        + (sample if row.cost_per_person is not None else []),
        _evidence_cell(row),
        _cost_cell(row),
    )
    return html.Tr(
        [html.Th(row.programme, scope="row")]
        # data-label: on a phone each cell is shown under its column's name (assets/evidence.css).
        + [html.Td(cell, **{"data-label": label}) for label, cell in zip(_HEAD[1:], cells)],
        **{"data-evidence": row.evidence},
    )


def _evidence_cell(row: ProgrammeEvidence) -> list:
    if not row.items:
        return ["No evaluation published or planned in the register."]
    parts: list = []
    for item in row.items:
        parts.append(
            html.P(
                [html.Strong(item.when), f" ({item.strength}). ", item.finding, " "]
                + _source_links(item.sources[:1]),
                className="evidence-row-item",
            )
        )
    return parts


def _cost_cell(row: ProgrammeEvidence) -> str:
    costs = row.published_costs
    if not costs:
        return "none published"
    return "; ".join(_published_cost(i) or "" for i in costs)


def _money(value: float | None) -> str:
    return f"£{value:,.0f}" if value is not None else "not known"
