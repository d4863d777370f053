"""Integration tests: the embed, its builder and the Downloads section render from the sample register."""

from __future__ import annotations

import json

import plotly
import pytest

from callbacks.embed import render_embed
from explorer.layout.embed import build_downloads, builder_outputs, embed_query
from explorer.pages.embed import builder_choice
from callbacks.router import PageContext, render_page


def text(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)


@pytest.mark.parametrize(
    "search, expected, absent",
    [
        ("?borough=E09000012", ["in Hackney", "embed-view-both", "service-card", "explorer-map"], []),
        ("?borough=E09000012&view=list", ["embed-view-list", "service-card"], ["explorer-map"]),
        ("?borough=E09000012&view=map", ["embed-view-map", "explorer-map"], ["service-card"]),
        ("?area=vawg,youth-violence", ["violence against women and girls and youth violence"], []),
        # Issue 15: an unknown borough code is answered with a clear message, never all of London.
        ("?borough=nonsense&view=sideways", ["There is no London borough with the code nonsense"], ["service-card"]),
        ("?borough=E09000012&view=list", ["embed-search", '"name": "q"'], ["show-area"]),
        ("?borough=E09000012&view=both", ["show-area"], []),
        ("", ["Sample data", "London commissioned services explorer", "Open Government Licence"], ["site-header"]),
    ],
)
def test_embed_renders_from_its_address(provider, search, expected, absent):
    rendered = text(render_embed(provider, search))
    for part in expected:
        assert part in rendered, part
    for part in absent:
        assert part not in rendered, part


def test_embed_links_back_to_the_same_search_on_the_full_explorer(provider):
    rendered = text(render_embed(provider, "?borough=E09000012&area=vawg"))
    assert '"/?borough=E09000012&area=vawg"' in rendered


@pytest.mark.parametrize(
    "borough, areas, view, query",
    [(None, None, None, ""), ("E09000012", [], "both", "?borough=E09000012"), ("E09000012", ["vawg"], "list", "?borough=E09000012&area=vawg&view=list")],
)
def test_embed_query(borough, areas, view, query):
    assert embed_query(borough, areas, view) == query


def test_builder_outputs_escape_the_title_and_lazy_load(provider):
    choice = builder_choice(provider.current(), "E09000012", ["vawg"], "list")
    src, snippet, title = builder_outputs(choice, "https://explorer.example/")
    assert src == "/embed?borough=E09000012&area=vawg&view=list"
    assert snippet.startswith('<iframe src="https://explorer.example/embed?borough=E09000012&amp;area=vawg&amp;view=list"')
    assert f'title="{title}"' in snippet and 'loading="lazy"' in snippet


def test_builder_page_renders(provider):
    rendered = text(render_page(provider, "/embed/builder", "?borough=E09000012", PageContext()))
    assert "Show these services on your website" in rendered and "builder-preview" in rendered


def test_downloads_section_links_every_export_and_each_borough(provider, client):
    rendered = text(build_downloads(provider.current()))
    for name in ["services.csv", "services.geojson", "grants.json", "grants.csv", "opportunities.csv"]:
        assert f"/api/v1/exports/{name}" in rendered
    assert rendered.count("services.csv?borough=E090000") == 33
    assert client.get("/api/v1/exports/services.geojson?borough=E09000033").status_code == 200


def test_a_borough_embed_lists_local_services_first(provider):
    from explorer.pages.embed import embed_page

    page = embed_page(provider, "?borough=E09000028")
    services = [item.service for item in page.result.items]
    assert services and not services[0].pan_london and len(services[0].borough_codes) < 32
    firsts = [len(s.borough_codes) >= 32 for s in services]
    assert firsts.index(True) > 0  # at least one local service before the first London-wide one
    assert page.query == "" and page.filters.boroughs == ("E09000028",)


def test_the_embed_search_keeps_its_borough(provider):
    from explorer.pages.embed import embed_page

    page = embed_page(provider, "?borough=E09000028&q=youth")
    assert page.result.total > 0 and all("E09000028" in i.service.borough_codes for i in page.result.items)
    rendered = text(render_embed(provider, "?borough=E09000028&q=youth"))
    assert '"value": "youth"' in rendered and '"value": "E09000028"' in rendered
