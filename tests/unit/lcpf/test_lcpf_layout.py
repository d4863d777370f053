"""Unit tests: the LCPF page's figures and table are built from the view, missing figures in words."""

from __future__ import annotations

import json
from decimal import Decimal

import plotly

from explorer.domain.lcpf import Weights
from explorer.layout.lcpf import build_map_figure, build_scatter_figure, build_table, map_traces
from explorer.layout.svg_chart import figure_svg
from explorer.services.lcpf import LcpfQuery, build_view


SHAPES = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"code": code, "name": code},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [0, 0]]]}}
        for code in ("E09000001", "E09000003", "E09000027", "E09000033")
    ],
}


def text_of(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def test_every_borough_is_on_the_map_once_with_a_figure_or_a_reason(small):
    view = build_view(small.snapshot(), LcpfQuery(basis="current", measure="allocation"))
    with_figure, without = map_traces(view, SHAPES)
    assert with_figure["locations"] == []
    assert sorted(without["locations"]) == ["E09000001", "E09000003", "E09000027", "E09000033"]
    assert any("no published allocation for Barnet 2024-25" in t for t in without["text"])
    assert any("not part of the LCPF" in t for t in without["text"])
    assert all(z == 0 for z in without["z"])  # grey, explained in words, never shown as a value


def test_the_map_figure_uses_the_borough_shapes_and_is_drawn_as_svg_shapes(small):
    view = build_view(small.snapshot(), LcpfQuery(weights=Weights(crime=1), pot_gbp=Decimal(1_000_000), measure="allocation"))
    figure = build_map_figure(view, SHAPES)
    trace = figure.data[0]
    assert trace.featureidkey == "properties.code" and figure.layout.geo.fitbounds == "locations"
    assert dict(zip(trace.locations, trace.z)) == {"E09000003": 300_000.0, "E09000027": 100_000.0, "E09000033": 600_000.0}
    assert [f["properties"]["code"] for f in figure.data[1].geojson["features"]] == ["E09000001"]
    # Drawn on the server (no plotly.js in the browser): one path per borough, its figure beside it.
    drawn = figure_svg(figure).children
    assert 'data-code="E09000033" data-z="600000.0"' in drawn and 'data-code="E09000001"' in drawn
    assert drawn.count('class="shape"') == len(trace.locations) + len(figure.data[1].locations)
    assert "<br>" not in drawn and "Westminster" in drawn


def test_the_scatter_marks_inner_and_outer_and_draws_the_line_of_proportionality(small):
    view = build_view(small.snapshot(allocations=[small.richmond]), LcpfQuery(weights=Weights(population=1), pot_gbp=Decimal(1_000_000)))
    names = [t.name for t in build_scatter_figure(view).data]
    assert names[0].startswith("Inner London") and names[1].startswith("Outer London")
    assert "Published allocation" in names and names[-1] == "Share of money = share of crime"
    line = build_scatter_figure(view).data[-1]
    assert list(line.x) == list(line.y)


def test_the_table_says_not_published_and_never_zero(small):
    view = build_view(small.snapshot(allocations=[small.richmond]), LcpfQuery(weights=Weights(crime=1), pot_gbp=Decimal(1_000_000)))
    text = text_of(build_table(view))
    assert "No published allocation for Barnet 2024-25" in text
    assert "not in the LCPF" in text and '"£0"' not in text  # no cell shows a missing figure as £0
    assert '"+£0"' in text and '"+0.0%"' in text  # Richmond: published £100,000, formula £100,000
