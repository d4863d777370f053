"""Layout layer: a tree of plain ``html`` components drawn as one block of HTML, for long, static parts.

Every Dash component costs the browser a React element, a wrapper and a store subscription; a list
of a hundred cards or a table of a thousand cells takes seconds to draw on a mid-range phone. Parts
that no callback reads or writes inside (lists, tables, captions) are built with the same ``html``
builders as everywhere else and then handed to :func:`static_block`, which writes them with the
first paint's writer (:func:`explorer.layout.static_html.to_html`, every value escaped by
``markupsafe``) into one :class:`StaticHtml` element (``assets/static_html.js``: a div whose inner
HTML is the block): one component instead of hundreds, parsed by the browser itself, and no markup
from the register reaches the page unescaped.

What is this module's own: what it refuses (anything that must stay a live component), and its
lines: each table row and list item ends a line of the block, so a row's text stays on one line
(the sample-label walk in the tests reads a block line by line).
"""

from __future__ import annotations

import re
from typing import Any

from dash.development.base_component import Component, _explicitize_args

from explorer.layout.static_html import to_html

#: The html components that may be drawn this way (their tag is the component's name, lower case).
TAGS = frozenset({
    "a", "abbr", "aside", "br", "caption", "code", "dd", "details", "div", "dl", "dt", "em", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "section", "small", "span",
    "strong", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "time", "label", "b", "i",
    "blockquote", "cite", "q", "sub", "sup", "mark",
})
#: After these a new line starts (never a blank one: a text's own line breaks become spaces).
LINE_ENDS = frozenset({"tr", "li", "dd", "caption", "thead"})
#: The properties a block may carry, by Dash's names (``to_html`` writes them as HTML attributes).
PROPERTIES = frozenset({"id", "className", "style", "title", "href", "rel", "scope", "role", "target", "lang",
                        "hidden", "open", "headers", "htmlFor", "tabIndex", "colSpan", "rowSpan", "dateTime"})
ATTRIBUTE = re.compile(r"^(aria|data)-[a-z][a-z0-9-]*$")
#: Dash's own properties that are not attributes of the element (``to_html`` leaves them out).
IGNORED = frozenset({"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key", "loading_state"})
_LINE_END = re.compile("(</(?:" + "|".join(sorted(LINE_ENDS)) + ")>)")


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
    _check(children)
    # Escaped text holds no "<", so the only "</tr>" (and so on) left are the rows' own closing tags.
    markup = _LINE_END.sub("\\1\n", " ".join(str(to_html(children)).splitlines()))
    props = {"id": block_id} if block_id else {}
    return StaticHtml(markup, className=f"static-block {class_name}".strip(), **props)


def _check(children: Any) -> None:
    """Refuses what must stay a component; text, numbers and plain ``html`` elements pass."""
    if children is None or children is False:
        return
    if isinstance(children, (list, tuple)):
        for child in children:
            _check(child)
    elif isinstance(children, bool) or hasattr(children, "__html__"):  # True, or markup passed as text
        raise TypeError(f"static_block cannot draw the value {children!r}")
    elif not isinstance(children, (str, int, float)):
        _check_element(children)


def _check_element(component: Any) -> None:
    tag = type(component).__name__.lower()
    if type(component).__module__.split(".")[:2] != ["dash", "html"] or tag not in TAGS:
        raise TypeError(f"static_block draws plain html components only, not {type(component).__name__}")
    for name, value in component.to_plotly_json()["props"].items():
        if name in IGNORED or value is None or value is False:
            continue
        if name == "id" and not isinstance(value, str):
            raise TypeError(f"static_block cannot draw a pattern id {value!r} on <{tag}>: keep it a component")
        if name not in PROPERTIES and not ATTRIBUTE.match(name):
            raise TypeError(f"static_block has no HTML attribute for the property {name!r} on <{tag}>")
    _check(getattr(component, "children", None))
