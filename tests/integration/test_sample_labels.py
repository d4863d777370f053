"""Every sample value is labelled, wherever it is shown (issue 16).

The walk renders every page of the bundled register twice: once as published, and once with
every illustrative (sample) record's figures changed. Whatever differs between the two renders
is derived from a sample record; each such block (a sentence, a list item, a definition, a table
row, a chart's title and legend) must carry the sample label ("sample value") itself, or, for a
table row, in the row's own cells. Charts must say so in their title or legend.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import plotly
import pytest

from callbacks.embed import render_embed
from callbacks.router import PageContext, render_page
from explorer.services.snapshot import SnapshotProvider

TODAY = dt.date(2026, 11, 29)
LABEL = "sample"
#: The elements whose text is read as one block, and whether a label there covers it.
BLOCKS = {"P", "Li", "Dd", "Tr", "Figcaption", "Caption", "Td", "Th", "H1", "H2", "H3", "H4", "Summary", "Small"}


class Frozen:
    """A provider that hands out one fixed snapshot (the page builders' only door to the data)."""

    def __init__(self, snapshot, geography):
        self._snapshot, self.geography, self._derived = snapshot, geography, {}

    def current(self):
        return self._snapshot

    def derived(self, name, factory):
        if name not in self._derived:
            self._derived[name] = factory(self._snapshot)
        return self._derived[name]


def perturbed(snapshot):
    """The same register with every illustrative record's figures changed (published ones untouched)."""

    def bump(value, factor=3.0, plus=7):
        return None if value is None else type(value)(value * factor + plus)

    services = tuple(
        dataclasses.replace(
            s,
            contract_value_gbp=bump(s.contract_value_gbp),
            start_date=s.start_date and s.start_date.replace(day=2),
            end_date=s.end_date and s.end_date.replace(day=2),
        ) if s.illustrative else s
        for s in snapshot.services
    )
    return dataclasses.replace(
        snapshot,
        services=services,
        measure_values=tuple(
            v.model_copy(update={"actual": bump(v.actual, 1.0, 1)}) if v.illustrative else v
            for v in snapshot.measure_values
        ),
        spend=tuple(
            s.model_copy(update={"budget_gbp": bump(s.budget_gbp), "actual_gbp": bump(s.actual_gbp)})
            if s.illustrative else s
            for s in snapshot.spend
        ),
        reach=tuple(r.model_copy(update={"people": r.people * 3 + 7}) if r.illustrative else r for r in snapshot.reach),
    )


def blocks(component, path=()) -> list[tuple[tuple, str, str]]:
    """(path, kind, text) of each block in document order; a chart's text is its title and legend."""
    found = []
    data = component.to_plotly_json() if hasattr(component, "to_plotly_json") else component
    if isinstance(data, (list, tuple)):
        for i, child in enumerate(data):
            found += blocks(child, path + (i,))
        return found
    if not isinstance(data, dict) or "props" not in data:
        return found
    kind, props = data.get("type"), data["props"]
    here = path + (kind, props.get("id") if isinstance(props.get("id"), str) else None)
    if kind == "Graph":
        figure = json.loads(json.dumps(props.get("figure") or {}, cls=plotly.utils.PlotlyJSONEncoder))
        layout = figure.get("layout") or {}
        words = [((layout.get("title") or {}).get("text") or "")] + [t.get("name") or "" for t in figure.get("data", [])]
        numbers = [t.get(k) for t in figure.get("data", []) for k in ("x", "y", "z", "text", "values")]
        found.append((here, "Graph", " | ".join(words), json.dumps(numbers, sort_keys=True)))
        return found
    if kind in ("Markdown", "StaticHtml"):  # blocks of HTML (a row or list item a line)
        text = props.get("children") or ""
        text = "\n".join(text) if isinstance(text, list) else str(text)
        for i, line in enumerate(text.splitlines()):
            found.append((here + (i,), "Line", line, line))
        return found
    if kind in BLOCKS:
        text = flat_text(props.get("children"))
        found.append((here, kind, text, text))
    found += blocks(props.get("children"), here)
    return found


def flat_text(children) -> str:
    if children is None:
        return ""
    if isinstance(children, (str, int, float)):
        return str(children)
    if isinstance(children, (list, tuple)):
        return " ".join(flat_text(c) for c in children)
    data = children.to_plotly_json() if hasattr(children, "to_plotly_json") else children
    if isinstance(data, dict) and "props" in data:
        props = data["props"]
        if data.get("type") == "Graph":
            return ""
        return flat_text(props.get("children"))
    return ""


def unlabelled(before, after) -> list[str]:
    """The blocks whose figures changed with the sample records but which carry no sample label."""
    faults = []
    mine = {b[0]: b for b in before}
    for path, kind, words, content in after:
        old = mine.get(path)
        if old is None or old[3] == content:
            continue
        if kind == "Tr" and LABEL in content.lower():
            continue
        if kind in ("Td", "Th"):  # a cell is covered by its row, checked as a Tr
            continue
        if LABEL not in words.lower():
            faults.append(f"{kind} {'/'.join(str(p) for p in path[-4:] if p is not None)}: {words[:140]!r}")
    return faults


def pages(snapshot) -> list[tuple[str, str]]:
    addresses = [("/", ""), ("/funding", ""), ("/performance", ""), ("/performance/report", ""),
                 ("/lcpf", ""), ("/data", ""), ("/embed/builder", "")]
    addresses += [(f"/service/{s.id}", "") for s in snapshot.services]
    return addresses


@pytest.fixture(scope="module")
def providers(sample_db, geography):
    from explorer.store.store import Store, sqlite_url

    store = Store.open(sqlite_url(sample_db))
    snapshot = SnapshotProvider(store, geography).current()
    store.dispose()
    return Frozen(snapshot, geography), Frozen(perturbed(snapshot), geography)


def test_the_perturbation_changes_every_sample_figure_and_nothing_published(providers):
    real, fake = providers[0].current(), providers[1].current()
    assert any(s.illustrative and s.contract_value_gbp for s in real.services)
    for a, b in zip(real.services, fake.services, strict=True):
        assert (a == b) is (not a.illustrative or (a.contract_value_gbp is None and a.start_date is None
                                                  and a.end_date is None))


def test_the_walk_finds_an_unlabelled_figure():
    """The check can fail: a sentence whose number changed without a label is reported."""
    from dash import html

    before = blocks(html.Div([html.P("940 people helped"), html.P(["91 people ", html.Span("sample value")])]))
    after = blocks(html.Div([html.P("941 people helped"), html.P(["94 people ", html.Span("sample value")])]))
    (fault,) = unlabelled(before, after)
    assert fault.startswith("P ") and fault.endswith("'941 people helped'")


@pytest.mark.parametrize("search", ["", "?view=both&q=youth"])
def test_the_embed_labels_every_sample_figure(providers, search):
    real, fake = providers
    before = blocks(render_embed(real, search))
    after = blocks(render_embed(fake, search))
    assert unlabelled(before, after) == []


def callback_outputs(provider) -> list:
    """What the performance page's callbacks put on it: the portfolio, dashboard and a measure's detail."""
    from explorer.layout.performance import build_measure_detail, build_performance_view
    from explorer.pages.performance import measure_detail, portfolio_page
    from explorer.services.performance import PortfolioFilters

    snapshot = provider.current()
    view = build_performance_view(portfolio_page(snapshot, PortfolioFilters(), TODAY))  # outcomes: the snapshot's
    details = [build_measure_detail(measure_detail(snapshot, m.id, TODAY)) for m in snapshot.measures[:12]]
    return [view.results, view.dashboard_intro, view.reach_key, view.dashboard, details]


def test_the_performance_callbacks_label_every_sample_figure(providers):
    real, fake = providers
    assert unlabelled(blocks(callback_outputs(real)), blocks(callback_outputs(fake))) == []


def test_every_page_labels_every_sample_figure(providers):
    real, fake = providers
    context = PageContext(today=lambda: TODAY)
    faults = {}
    for path, search in pages(real.current()):
        found = unlabelled(blocks(render_page(real, path, search, context)),
                           blocks(render_page(fake, path, search, context)))
        if found:
            faults[path] = found[:4]
    assert faults == {}, json.dumps(faults, indent=1, ensure_ascii=False)[:6000]


def test_every_export_row_from_a_sample_record_says_so(sample_settings):
    """The downloads: a row resting on an illustrative record carries the flag and the note."""
    import csv
    import io

    from explorer.app import create_app

    app = create_app(sample_settings)
    client = app.server.test_client()
    snapshot = app.server.config["EXPLORER_PROVIDER"].current()
    sample_services = {s.id for s in snapshot.services if s.illustrative}
    sample_opportunities = {o.id for o in snapshot.opportunities if o.illustrative}

    def rows(path):
        return list(csv.DictReader(io.StringIO(client.get(path).get_data(as_text=True).lstrip("\ufeff"))))

    services = rows("/api/v1/exports/services.csv")
    assert {r["id"] for r in services if r["note"].startswith("sample value")} == sample_services
    grants = rows("/api/v1/exports/grants.csv")
    marked = {r["Identifier"].removeprefix("360G-LCSE-") for r in grants if r["note"].startswith("sample value")}
    assert marked == sample_services & {r["Identifier"].removeprefix("360G-LCSE-") for r in grants}
    opportunities = rows("/api/v1/exports/opportunities.csv")
    assert {r["id"] for r in opportunities if r["note"].startswith("sample value")} == sample_opportunities
    report = rows("/performance/report.csv?period=2026-H1")
    assert report and all(r["Illustrative"] in ("sample value", "published") for r in report)
    assert {r["Service ID"] for r in report if r["Illustrative"] == "sample value"} >= sample_services & {
        r["Service ID"] for r in report}
    geojson = client.get("/api/v1/exports/services.geojson").get_json()
    assert all(f["properties"]["illustrative"] == (f["properties"]["id"] in sample_services)
               for f in geojson["features"])
