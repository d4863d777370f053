"""Layout layer: a tree of plain ``html`` components drawn as one block of HTML, for long, static parts.

Every Dash component costs the browser a React element, a wrapper and a store subscription; a list
of a hundred cards or a table of a thousand cells takes seconds to draw on a mid-range phone. Parts
that no callback reads or writes inside (lists, tables, captions) are built with the same ``html``
builders as everywhere else and then handed to :func:`static_block`, which draws them through the
autoescaping template engine (:mod:`explorer.templates`) into one :class:`StaticHtml` element
(``assets/static_html.js``: a div whose inner HTML is the block): one component instead of hundreds,
parsed by the browser itself rather than by a Markdown parser, and no markup from the register
reaches the page unescaped.

Each table row and list item ends a line of the block, so a row's text stays on one line (the
sample-label walk in the tests reads a block line by line).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from dash import html
from dash.development.base_component import Component, _explicitize_args

from explorer.templates import render

#: The html components that may be drawn this way (their tag is the component's name, lower case).
TAGS = frozenset({
    "a", "abbr", "aside", "br", "caption", "code", "dd", "details", "div", "dl", "dt", "em", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "section", "small", "span",
    "strong", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "time", "label", "b", "i",
    "blockquote", "cite", "q", "sub", "sup", "mark",
})
VOID = frozenset({"br", "hr"})
#: After these a new line starts (never a blank one: a blank line would end the HTML block).
LINE_ENDS = frozenset({"tr", "li", "dd", "caption", "thead"})
#: Dash's property names that differ from the HTML attribute's.
RENAMED = {"className": "class", "htmlFor": "for", "tabIndex": "tabindex", "colSpan": "colspan",
           "rowSpan": "rowspan", "dateTime": "datetime"}
PLAIN = frozenset({"id", "title", "href", "rel", "scope", "role", "target", "lang", "hidden", "open",
                   "headers"})
ATTRIBUTE = re.compile(r"^(aria|data)-[a-z][a-z0-9-]*$")
#: Dash's own properties that are not attributes of the element.
IGNORED = frozenset({"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key", "loading_state"})


class Node(NamedTuple):
    """An element (tag, attributes, children) or a run of text (``text`` set)."""

    tag: str | None = None
    attrs: tuple[tuple[str, str | None], ...] = ()
    children: tuple["Node", ...] = ()
    text: str | None = None


class StaticHtml(Component):
    """A div whose content is a block of HTML built by :func:`static_block` (drawn by assets/static_html.js).

    Keyword arguments:
        children: The block of HTML (a string), escaped by the template engine.
        id: The element's id.
        className: The element's classes.
    """

    _children_props: list[str] = []
    _base_nodes = ["children"]
    _namespace = "explorerStatic"
    _type = "StaticHtml"

    def __init__(self, children=None, id=None, className=None, **kwargs):  # noqa: A002 - Dash's prop name
        self._prop_names = ["children", "id", "className"]
        self._valid_wildcard_attributes = []
        self.available_properties = ["children", "id", "className"]
        self.available_wildcard_properties = []
        _explicit_args = kwargs.pop("_explicit_args")
        _locals = locals()
        args = {k: _locals[k] for k in _explicit_args}
        super().__init__(**args)


StaticHtml.__init__ = _explicitize_args(StaticHtml.__init__)


def static_block(children: Any, *, class_name: str = "", block_id: str | None = None) -> StaticHtml:
    """``children`` (html components, text, lists) drawn as one block of escaped HTML.

    Raises:
        TypeError: A child is not a plain ``html`` component (a dcc or bootstrap control, a dict id),
            or a property has no HTML attribute: such parts must stay Dash components.
    """
    nodes = _nodes(children)
    markup = render("static_block.html", nodes=nodes, void=VOID, line_ends=LINE_ENDS)
    props = {"id": block_id} if block_id else {}
    return StaticHtml(markup, className=f"static-block {class_name}".strip(), **props)


def _nodes(children: Any) -> tuple[Node, ...]:
    if children is None or children is False:
        return ()
    if isinstance(children, (list, tuple)):
        return tuple(node for child in children for node in _nodes(child))
    if isinstance(children, bool):
        raise TypeError(f"static_block cannot draw the value {children!r}")
    if isinstance(children, (str, int, float)):
        # A new line in text would be a blank line in the block, and HTML shows it as a space anyway.
        return (Node(text=" ".join(str(children).splitlines())),)
    return (_element(children),)


def _element(component) -> Node:
    tag = type(component).__name__.lower()
    if type(component).__module__.split(".")[:2] != ["dash", "html"] or tag not in TAGS:
        raise TypeError(f"static_block draws plain html components only, not {type(component).__name__}")
    attrs = []
    for name, value in component.to_plotly_json()["props"].items():
        if name in IGNORED or value is None or value is False:
            continue
        attrs.append((_attribute(name, value, tag), _value(name, value)))
    return Node(tag=tag, attrs=tuple(attrs), children=_nodes(getattr(component, "children", None)))


def _attribute(name: str, value: Any, tag: str) -> str:
    if name == "id" and not isinstance(value, str):
        raise TypeError(f"static_block cannot draw a pattern id {value!r} on <{tag}>: keep it a component")
    if name == "style":
        return "style"
    if name in RENAMED:
        return RENAMED[name]
    if name in PLAIN or ATTRIBUTE.match(name):
        return name
    raise TypeError(f"static_block has no HTML attribute for the property {name!r} on <{tag}>")


def _value(name: str, value: Any) -> str | None:
    if value is True:
        return None
    if name == "style":
        return "; ".join(f"{_css_name(key)}: {val}" for key, val in value.items())
    return str(value)


def _css_name(key: str) -> str:
    return re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), key)
