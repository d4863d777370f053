"""The first paint's HTML: Dash components written as the HTML React would draw, escaped."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import dash_leaflet as dl
from dash import dash_table, dcc, html

from explorer.layout.static_html import to_html


def test_html_components_become_their_tags_with_html_attribute_names():
    page = html.Div(
        [html.Label("Search", htmlFor="q", className="form-label"), html.A("Help", href="/help", tabIndex="-1")],
        id="box", className="a b", hidden=True, role="note", **{"aria-label": "Box"},
    )
    assert str(to_html(page)) == (
        '<div id="box" class="a b" hidden role="note" aria-label="Box">'
        '<label class="form-label" for="q">Search</label><a href="/help" tabindex="-1">Help</a></div>'
    )


def test_text_and_attributes_are_escaped():
    hostile = '<script>alert("x")</script>&'
    out = str(to_html(html.P(hostile, title=hostile)))
    assert "<script>" not in out
    assert out == ('<p title="&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&amp;">'
                   "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&amp;</p>")


def test_dash_only_properties_and_pattern_ids_are_left_out():
    out = str(to_html(html.Button("Go", id={"type": "pager", "index": 2}, n_clicks=0, className="btn")))
    assert out == '<button class="btn">Go</button>'


def test_void_elements_boolean_attributes_and_numbers():
    out = str(to_html([html.Br(), html.Details([html.Summary("More"), 3], open=True), html.Ol(start=21)]))
    assert out == '<br><details open><summary>More</summary>3</details><ol start="21"></ol>'


def test_style_objects_become_css_with_react_units():
    out = str(to_html(html.Div(style={"minHeight": 320, "opacity": 0.5, "marginTop": 0, "color": "red"})))
    assert out == '<div style="min-height: 320px; opacity: 0.5; margin-top: 0; color: red"></div>'


def test_stores_and_locations_draw_nothing_and_links_are_anchors():
    out = str(to_html([dcc.Store(id="s", data={"a": 1}), dcc.Location(id="u"), dcc.Link("Next", href="/n")]))
    assert out == '<a href="/n">Next</a>'


def test_inputs_keep_their_value_and_bootstrap_classes():
    out = str(to_html(dbc.Input(id="q", type="search", value="domestic abuse", size="lg", maxLength=500,
                                debounce=True, placeholder="Topic")))
    assert out == ('<input id="q" value="domestic abuse" type="search" placeholder="Topic" maxlength="500" '
                   'class="form-control form-control-lg">')


def test_select_and_choices_show_what_is_chosen():
    select = str(to_html(dbc.Select(id="m", options=[{"label": "A & B", "value": "a"}, {"label": "C", "value": "c"}],
                                    value="c")))
    assert select == ('<select id="m" class="form-select"><option value="a">A &amp; B</option>'
                      '<option value="c" selected>C</option></select>')
    boxes = str(to_html(dbc.Checklist(id="b", options=[{"label": "Lambeth", "value": "L"}], value=["L"])))
    assert 'type="checkbox"' in boxes and " checked" in boxes and ">Lambeth</label>" in boxes


def test_map_graph_and_frame_become_boxes_of_their_size():
    out = str(to_html([dl.Map(id="map", className="result-map", children=[dl.TileLayer(url="x")]),
                       dcc.Graph(id="g", figure={"layout": {"height": 280}}),
                       html.Iframe(src="/embed", className="embed-preview")]))
    assert out == ('<div id="map" class="leaflet-container result-map"></div>'
                   '<div id="g" class="dash-graph" style="height: 280px"></div>'
                   '<div class="embed-preview"></div>')


def test_a_data_table_is_a_plain_table_of_its_rows():
    out = str(to_html(dash_table.DataTable(columns=[{"name": "Name", "id": "n"}], data=[{"n": "<b>x</b>"}])))
    assert out == ('<div class="dash-table-container"><table><thead><tr><th>Name</th></tr></thead>'
                   "<tbody><tr><td>&lt;b&gt;x&lt;/b&gt;</td></tr></tbody></table></div>")


def test_markdown_is_always_escaped_text():
    """No page draws raw HTML through Markdown; the first paint never does either, whatever the flag."""
    assert str(to_html(dcc.Markdown("<b>x</b>"))) == "<div>&lt;b&gt;x&lt;/b&gt;</div>"
    assert str(to_html(dcc.Markdown(["<b>x</b>", "y"]))) == "<div>&lt;b&gt;x&lt;/b&gt;\ny</div>"


def test_stylesheets_select_by_class_never_by_id():
    """The first paint's ids are prefixed (explorer/layout/first_paint.py), so a rule keyed on an id
    would style React's page and not the server's, and the page would jump at the swap."""
    import re
    from pathlib import Path

    assets = Path(__file__).resolve().parents[3] / "assets"
    for sheet in assets.glob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        rules = re.sub(r"\{[^{}]*\}", "{}", text)  # selectors only (colours like #fff live in the bodies)
        assert not re.search(r"#[A-Za-z_-]", rules), f"{sheet.name} selects by id"
