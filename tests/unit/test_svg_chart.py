"""Unit tests: simple plotly figures drawn on the server as SVG (lines, bars, a choropleth), escaped, one line."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import pytest

from explorer.layout.svg_chart import LABEL_CHARS, chart_model, figure_svg


def traces(svg: str) -> list[tuple[str, int]]:
    return [(name, int(n)) for name, n in re.findall(r'<g class="trace[^"]*" data-name="([^"]*)" data-n="(\d+)"', svg)]


def test_a_line_over_categories_breaks_at_a_missing_figure_and_escapes_its_words():
    fig = go.Figure(go.Scatter(x=["2021", "2022", "2023", "2024"], y=[1, 2, None, 4], name="<b>crime</b>",
                               mode="lines+markers"))
    fig.update_layout(title={"text": "Outer<br>London & more"}, height=300)
    svg = figure_svg(fig, chart_id="c").children
    assert "\n" not in svg  # one line: the sample-label walk reads blocks line by line
    assert 'data-title="Outer · London &amp; more"' in svg and "<b>" not in svg
    assert traces(svg) == [("&lt;b&gt;crime&lt;/b&gt;", 4)]
    line = re.findall(r'<path d="(M[^"]*)" fill="none"', svg)
    assert len(line) == 1 and line[0].count("L") == 1  # 2021-2022 joined; 2024 alone draws no line
    assert svg.count("<circle") == 3  # a marker for each figure that exists
    assert "<title>&lt;b&gt;crime&lt;/b&gt;: 2024, 4</title>" in svg


def test_horizontal_bars_grow_from_zero_and_long_labels_are_shortened_with_the_full_name_kept():
    long_name = "A programme with a very long name indeed"
    fig = go.Figure(go.Bar(x=[10, 40], y=["Short", long_name], orientation="h"))
    chart = chart_model(fig)
    rects = chart["traces"][0]["rects"]
    assert all(r["w"] > 0 and r["h"] > 0 for r in rects)
    assert rects[1]["w"] == pytest.approx(4 * rects[0]["w"], rel=0.01)
    labels = {t["label"] for t in chart["ticks_y"]}
    assert "Short" in labels and long_name not in labels and any(len(label) == LABEL_CHARS for label in labels)
    assert f"<title>{long_name}</title>" in figure_svg(fig).children


def test_stacked_bars_sit_on_each_other_with_patterns_and_a_legend_in_words():
    fig = go.Figure([
        go.Bar(name="Red", x=["Q1", "Q2"], y=[2, 3], marker={"color": "#d4351c", "pattern": {"shape": "x"}}),
        go.Bar(name="Green", x=["Q1", "Q2"], y=[5, 1], marker={"color": "#00703c"}),
    ])
    fig.update_layout(barmode="stack")
    chart = chart_model(fig)
    red, green = chart["traces"][0]["rects"], chart["traces"][1]["rects"]
    for below, above in zip(red, green):
        assert above["y"] + above["h"] == pytest.approx(below["y"], abs=0.2)  # green starts where red ends
    svg = figure_svg(fig).children
    assert "<pattern id=" in svg and 'fill="url(#pattern-' in svg
    assert re.findall(r"</svg> (\w+)</li>", svg) == ["Red", "Green"]


def test_a_choropleth_draws_one_path_per_borough_filled_from_its_colour_scale():
    def square(code, x):
        ring = [[x, 51.5], [x + 0.1, 51.5], [x + 0.1, 51.6], [x, 51.6], [x, 51.5]]
        return {"type": "Feature", "properties": {"code": code}, "geometry": {"type": "Polygon", "coordinates": [ring]}}

    shapes = {"type": "FeatureCollection", "features": [square("A", -0.3), square("B", -0.1), square("C", 0.1)]}
    fig = go.Figure(go.Choropleth(geojson=shapes, featureidkey="properties.code", locations=["A", "B", "C"],
                                  z=[0, 5, 10], text=["A<br>none", "B", "C"],
                                  colorscale=[[0, "#000000"], [1, "#ffffff"]]))
    svg = figure_svg(fig).children
    fills = dict(re.findall(r'fill="(#[0-9a-f]{6})" stroke="#ffffff" stroke-width="0.8" data-code="(\w)"', svg))
    assert {code: colour for colour, code in fills.items()} == {"A": "#000000", "B": "#808080", "C": "#ffffff"}
    assert traces(svg) == [("", 3)] and "<title>A · none</title>" in svg


def test_a_kind_of_chart_it_cannot_draw_is_refused():
    with pytest.raises(TypeError, match="cannot draw"):
        figure_svg(go.Figure(go.Pie(values=[1, 2])))
