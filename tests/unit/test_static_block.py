"""Unit tests: static_block draws plain html components as one block of escaped HTML, and refuses the rest.

It writes through the first paint's writer (``static_html.to_html``): one escaping path for both."""

from __future__ import annotations

import pytest
from dash import dcc, html
from markupsafe import Markup

from explorer.layout.static import PROPERTIES, StaticHtml, static_block
from explorer.layout.static_html import to_html


def test_text_and_attributes_are_escaped():
    block = static_block(html.P(['<script>alert(1)</script>', html.A('a "quoted" name', href='/x?a=1&b="2"')]))
    assert isinstance(block, StaticHtml)
    assert "<script>" not in block.children
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in block.children
    assert 'href="/x?a=1&amp;b=&#34;2&#34;"' in block.children
    assert "a &#34;quoted&#34; name" in block.children


def test_dash_property_names_become_html_attributes():
    block = static_block(html.Details(
        [html.Summary("More", className="h5"), html.Label("Box", htmlFor="box"),
         html.Span("✖", style={"backgroundColor": "#fff", "fontWeight": 700}, **{"aria-hidden": "true"}),
         html.Div("scrolls", tabIndex="0", role="region", **{"data-status": "open"})],
        open=True,
    ))
    text = block.children
    assert text.startswith("<details open><summary class=\"h5\">More</summary>")
    assert '<label for="box">Box</label>' in text
    assert '<span style="background-color: #fff; font-weight: 700" aria-hidden="true">✖</span>' in text
    assert '<div role="region" tabindex="0" data-status="open">scrolls</div>' in text


def test_each_row_and_item_is_a_line_and_no_line_is_blank():
    table = html.Table([
        html.Thead(html.Tr([html.Th("Name"), html.Th("Figure")])),
        html.Tbody([html.Tr([html.Td("A\n\nB"), html.Td("1")]), html.Tr([html.Td("C"), html.Td("sample value")])]),
    ])
    lines = static_block(table).children.splitlines()
    assert lines[1] == "</thead>"
    assert lines[2] == "<tbody><tr><td>A  B</td><td>1</td></tr>"  # a new line in text is a space
    assert lines[3] == "<tr><td>C</td><td>sample value</td></tr>"
    assert all(line.strip() for line in lines)


@pytest.mark.parametrize(
    ("component", "message"),
    [
        (html.Div(dcc.Input(id="x")), "plain html components only"),
        (html.Li("card", id={"type": "card", "index": "a"}), "pattern id"),
        (html.Button("Go", n_clicks=0, disabled=True), "plain html components only"),
        (html.Div("x", accessKey="k"), "no HTML attribute"),
        (html.P(Markup("<b>trusted?</b>")), "cannot draw the value"),  # text only: markup is never passed through
    ],
)
def test_parts_that_must_stay_components_are_refused(component, message):
    with pytest.raises(TypeError, match=message):
        static_block(component)


def test_the_component_is_one_element_with_the_block_as_its_children():
    block = static_block([html.H2("Title"), None, "text"], class_name="extra", block_id="here")
    assert block.to_plotly_json() == {
        "props": {"children": "<h2>Title</h2>text", "id": "here", "className": "static-block extra"},
        "type": "StaticHtml",
        "namespace": "explorerStatic",
    }


def test_the_first_paint_writes_the_block_as_html_not_as_escaped_text():
    written = str(to_html(html.Div(static_block(html.P(["<b>", html.A("x", href="/a?b=1&c=2")]), block_id="b"))))
    assert written == ('<div><div id="b" class="static-block"><p>&lt;b&gt;<a href="/a?b=1&amp;c=2">x</a></p>'
                       "</div></div>")


def test_the_block_and_the_first_paint_write_the_same_html_for_the_same_tree():
    """One writer: the block is what ``to_html`` writes, with a line break after each row and item."""
    tree = [
        html.H2(["Title ", html.Small("<small>")], id="head"),
        html.Table([
            html.Caption("Figures & notes"),
            html.Thead(html.Tr([html.Th("Name", scope="col", headers="h1"), html.Th("£", colSpan=2, rowSpan=1)])),
            html.Tbody([html.Tr([html.Td(html.A("x", href="/a?b=1&c=2", rel="noopener", target="_blank")),
                                 html.Td(3), html.Td(1.5)])]),
        ]),
        html.Ul([
            html.Li(["one ", html.Strong("<two>")]),
            html.Li(html.Span("s", id="t", className="c", style={"minWidth": 40, "fontWeight": 700}, role="note",
                              title='a "b" & <c>', lang="cy", hidden=True, tabIndex="0",
                              **{"aria-label": "x", "data-status": "<open>"})),
        ]),
        html.Dl([html.Dt(html.Label("Term", htmlFor="f")), html.Dd(html.Time("today", dateTime="2026-11-30"))]),
        html.Details([html.Summary("More"), html.P(["text", html.Br(), "more"])], open=True),
        None, False, "tail & end",
    ]
    block = static_block(tree).children
    assert block.count("\n") == 7  # after the caption, the two rows, the head, the two items and the dd
    assert block.replace("\n", "") == str(to_html(tree))
    assert 'title="a &#34;b&#34; &amp; &lt;c&gt;"' in block and "&lt;two&gt;" in block
    used = set().union(*(_properties(component) for component in tree if hasattr(component, "to_plotly_json")))
    assert used >= PROPERTIES  # every property a block may carry is written the same way


def _properties(component) -> set[str]:
    props = component.to_plotly_json()["props"]
    children = props.get("children")
    children = children if isinstance(children, (list, tuple)) else [children]
    return set(props) - {"children"} | {name for child in children if hasattr(child, "to_plotly_json")
                                          for name in _properties(child)}
