"""Layout layer: a page's Dash components written as plain HTML, for the first paint.

The server sends this HTML inside the page itself, so a phone shows the page as soon as the
document and its stylesheets arrive, before the scripts have downloaded and React has drawn the
same components (``assets/first_paint.js`` then swaps the two in one frame). It is also the page
for a browser that runs no script: links are real links and forms are real forms.

Only what is visible is written: stores and locations are skipped, a map or a chart becomes an
empty box of the size it will have, a select shows its options. Every text and attribute value is
escaped (``markupsafe``); the only markup passed through is a ``StaticHtml`` block, which was
written by this module too (``explorer/layout/static.py`` draws its html components with
:func:`to_html`) or by the autoescaping template engine (the report's block, the SVG charts). A
``dcc.Markdown`` block is written as its text, escaped, whatever its flags (no page uses Markdown).
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from dash.development.base_component import Component
from markupsafe import Markup, escape

#: Elements that have no closing tag.
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

#: Boolean attributes: written bare when true, left out when false.
BOOLEAN = frozenset({"hidden", "open", "disabled", "checked", "selected", "required", "readonly", "multiple"})

#: Dash's camel-case property names for HTML attributes whose HTML name differs.
RENAMED = {
    "className": "class", "htmlFor": "for", "tabIndex": "tabindex", "colSpan": "colspan", "rowSpan": "rowspan",
    "accessKey": "accesskey", "dateTime": "datetime", "encType": "enctype", "autoComplete": "autocomplete",
    "autocomplete": "autocomplete", "maxLength": "maxlength", "minLength": "minlength", "readOnly": "readonly",
    "spellCheck": "spellcheck", "inputMode": "inputmode", "contentEditable": "contenteditable",
    "srcSet": "srcset", "crossOrigin": "crossorigin", "referrerPolicy": "referrerpolicy",
}

#: HTML attributes written as they are named.
PLAIN = frozenset({
    "href", "target", "rel", "title", "role", "lang", "dir", "alt", "src", "width", "height", "type", "name",
    "value", "placeholder", "action", "method", "scope", "headers", "abbr", "cite", "download", "min", "max",
    "step", "pattern", "rows", "cols", "label", "span", "start", "reversed", "loading", "sizes", "media",
} | BOOLEAN)

#: Dash html components whose tag is not their lower-cased name.
TAGS = {"ObjectEl": "object", "MapEl": "map"}

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def to_html(component: Any) -> Markup:
    """``component`` (a Dash component, a list of them, a string or a number) as escaped HTML."""
    if component is None or isinstance(component, bool):
        return Markup("")
    if isinstance(component, Markup):  # already written by this module
        return component
    if isinstance(component, (list, tuple)):
        return Markup("").join(to_html(child) for child in component)
    if isinstance(component, Component):
        return _component(component)
    return escape(str(component))


def _component(component: Component) -> Markup:
    namespace = component._namespace  # noqa: SLF001 (Dash's own component metadata)
    kind = component._type  # noqa: SLF001
    props = {name: value for name, value in component.to_plotly_json()["props"].items() if value is not None}
    special = _SPECIAL.get((namespace, kind))
    if special is not None:
        return special(props)
    if namespace == "dash_html_components":
        return _element(TAGS.get(kind, kind.lower()), props, props.get("children"))
    # Anything else (an unknown library's component): a box with its id and classes around its children.
    return _element("div", _box(props), props.get("children"))


def _element(tag: str, props: dict, children: Any = None) -> Markup:
    attributes = _attributes(props)
    if tag in VOID:
        return Markup(f"<{tag}{attributes}>")
    return Markup(f"<{tag}{attributes}>") + to_html(children) + Markup(f"</{tag}>")


def _attributes(props: dict) -> str:
    out = []
    for key, value in props.items():
        if key == "children" or value is None:
            continue
        if key == "id":
            if isinstance(value, dict):  # a pattern-matching id: React writes no id attribute for it either
                continue
            name = "id"
        elif key == "style":
            value = _style(value)
            name = "style"
        elif key.startswith(("aria-", "data-")):
            name = key
        else:
            name = RENAMED.get(key, key if key in PLAIN else None)
        if name is None or value is False or value == "":
            if name in {"value", "alt"} and value == "":
                out.append(f' {name}=""')
            continue
        if value is True:
            out.append(f" {name}" if name in BOOLEAN else f' {name}="true"')
        else:
            if isinstance(value, (dict, list)):
                value = json.dumps(value, sort_keys=True)
            out.append(f' {name}="{escape(str(value))}"')
    return "".join(out)


def _style(style: dict) -> str:
    """React's inline style object as CSS (numbers other than zero get ``px``, as React adds them)."""
    parts = []
    for key, value in style.items():
        name = key if key.startswith("--") else _CAMEL.sub("-", key).lower()
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value != 0 and name not in _UNITLESS:
            value = f"{value}px"
        parts.append(f"{name}: {value}")
    return "; ".join(parts)


_UNITLESS = frozenset({"opacity", "z-index", "flex", "flex-grow", "flex-shrink", "font-weight", "line-height",
                       "order", "zoom", "grid-row", "grid-column"})


def _box(props: dict, *, extra_class: str = "") -> dict:
    """The id, classes, style and ARIA of a component drawn as a plain box."""
    kept = {key: value for key, value in props.items()
            if key in {"id", "className", "style", "role", "hidden"} or key.startswith(("aria-", "data-"))}
    if extra_class:
        kept["className"] = " ".join(filter(None, [extra_class, kept.get("className")]))
    return kept


def _nothing(_props: dict) -> Markup:
    return Markup("")


def _link(props: dict) -> Markup:
    return _element("a", {key: props[key] for key in props if key != "refresh"}, props.get("children"))


def _input(props: dict, *, css: str = "") -> Markup:
    kept = {key: value for key, value in props.items()
            if key in {"id", "type", "name", "value", "placeholder", "min", "max", "step", "maxLength",
                       "minLength", "autoComplete", "autocomplete", "inputMode", "pattern", "required",
                       "disabled", "readOnly", "className", "style", "title"}
            or key.startswith(("aria-", "data-"))}
    kept.setdefault("type", "text")
    if css:
        kept["className"] = " ".join(filter(None, [css, props.get("className")]))
    if isinstance(kept.get("value"), float) and kept["value"].is_integer():
        kept["value"] = int(kept["value"])
    return _element("input", kept)


def _bootstrap_input(props: dict) -> Markup:
    size = props.get("size")
    css = "form-control" + (f" form-control-{size}" if size in {"sm", "lg"} else "")
    return _input(props, css=css)


def _textarea(props: dict) -> Markup:
    kept = _box(props, extra_class="form-control")
    kept.update({key: props[key] for key in ("name", "placeholder", "rows", "maxLength", "required") if key in props})
    return _element("textarea", kept, props.get("value") or "")


def _options(options: Any) -> list[tuple[str, Any]]:
    if isinstance(options, dict):
        return [(str(label), value) for value, label in options.items()]
    out = []
    for option in options or ():
        if isinstance(option, dict):
            out.append((option.get("label", option.get("value")), option.get("value")))
        else:
            out.append((str(option), option))
    return out


def _select(props: dict) -> Markup:
    chosen = props.get("value")
    options = [
        _element("option", {"value": value, "selected": value == chosen}, label)
        for label, value in _options(props.get("options"))
    ]
    return _element("select", _box(props, extra_class="form-select"), options)


def _choices(props: dict, kind: str) -> Markup:
    """A Bootstrap checklist or radio group, drawn as dash-bootstrap-components draws it."""
    chosen = props.get("value")
    chosen = set(chosen) if isinstance(chosen, (list, tuple)) else {chosen}
    inline = " form-check-inline" if props.get("inline") else ""
    base = props.get("id") if isinstance(props.get("id"), str) else None
    rows = []
    for index, (label, value) in enumerate(_options(props.get("options"))):
        input_id = f"_dbcprivate_{kind}_{base}_input_{value}" if base else None
        rows.append(_element("div", {"className": "form-check" + inline}, [
            _element("input", {"id": input_id, "type": kind, "className": "form-check-input",
                               "checked": value in chosen, "value": value, "name": base}),
            _element("label", {"htmlFor": input_id, "className": "form-check-label"}, label),
        ]))
    return _element("div", _box(props), rows)


def _markdown(props: dict) -> Markup:
    """Markdown as its escaped text (never as HTML, even when marked so)."""
    children = props.get("children")
    if isinstance(children, (list, tuple)):
        children = "\n".join(str(child) for child in children)
    return _element("div", _box(props), escape(children or ""))


def _static_block(props: dict) -> Markup:
    """A block of HTML already written, escaped (by :func:`to_html` or the autoescaping template engine)."""
    return _element("div", _box(props), Markup(props.get("children") or ""))


def _graph(props: dict) -> Markup:
    """An empty box of the chart's height (the figure's own, or Plotly's 450 px)."""
    box = _box(props, extra_class="dash-graph")
    height = ((props.get("figure") or {}).get("layout") or {}).get("height") if isinstance(props.get("figure"), dict) \
        else getattr(getattr(props.get("figure"), "layout", None), "height", None)
    style = dict(props.get("style") or {})
    style.setdefault("height", height or 450)
    box["style"] = style
    return _element("div", box)


def _map(props: dict) -> Markup:
    """The map's box (Leaflet draws into it); its size comes from its classes and style."""
    return _element("div", _box(props, extra_class="leaflet-container"))


def _table(props: dict) -> Markup:
    """A DataTable as a plain table of its rows (React then draws the interactive one)."""
    columns = props.get("columns") or []
    head = _element("tr", {}, [_element("th", {}, column.get("name", column.get("id"))) for column in columns])
    rows = [
        _element("tr", {}, [_element("td", {}, row.get(column.get("id"))) for column in columns])
        for row in (props.get("data") or [])[: props.get("page_size") or 250]
    ]
    table = _element("table", {}, [_element("thead", {}, head), _element("tbody", {}, rows)])
    return _element("div", _box(props, extra_class="dash-table-container"), table)


def _iframe(props: dict) -> Markup:
    """A box in place of a frame: the frame itself loads once, when React draws it."""
    return _element("div", _box(props))


_SPECIAL: dict[tuple[str, str], Callable[[dict], Markup]] = {
    ("dash_core_components", "Location"): _nothing,
    ("dash_core_components", "Store"): _nothing,
    ("dash_core_components", "Interval"): _nothing,
    ("dash_core_components", "Clipboard"): _nothing,
    ("dash_core_components", "Link"): _link,
    ("dash_core_components", "Input"): _input,
    ("dash_core_components", "Textarea"): _textarea,
    ("dash_core_components", "Markdown"): _markdown,
    ("dash_core_components", "Graph"): _graph,
    ("dash_core_components", "Loading"): lambda props: _element("div", _box(props), props.get("children")),
    ("dash_bootstrap_components", "Input"): _bootstrap_input,
    ("dash_bootstrap_components", "Textarea"): _textarea,
    ("dash_bootstrap_components", "Select"): _select,
    ("dash_bootstrap_components", "Checklist"): lambda props: _choices(props, "checkbox"),
    ("dash_bootstrap_components", "RadioItems"): lambda props: _choices(props, "radio"),
    ("dash_leaflet", "MapContainer"): _map,
    ("dash_html_components", "Iframe"): _iframe,
    ("dash_table", "DataTable"): _table,
    ("explorerStatic", "StaticHtml"): _static_block,
}
