"""Layout layer: simple plotly figures drawn on the server as SVG, so the browser never loads plotly.js.

The pages still build their charts as ``plotly.graph_objects`` figures (one description of each chart,
tested as data); :func:`figure_svg` draws the few kinds they use (lines and markers, horizontal and
stacked bars, a borough choropleth) as an SVG through the autoescaping template engine, inside one
:class:`~explorer.layout.static.StaticHtml` element. plotly.js is 1.4 MB and its evaluation and
drawing took seconds of a mid-range phone's main thread; an SVG costs the browser almost nothing.
Every chart keeps its title, a legend in words and, beside it, a table with the same numbers; each
mark has a ``<title>`` (the browser's tooltip) with its figure.
"""

from __future__ import annotations

import math
import zlib
from typing import Any, Iterable, Mapping, Sequence

import plotly.graph_objects as go
from dash import html

from explorer.layout.static import StaticHtml, static_block
from explorer.templates import render

WIDTH = 440
#: Characters of a category label that fit beside horizontal bars (longer ones end with an ellipsis).
LABEL_CHARS = 24
#: Characters of a title line (a longer title wraps, so nothing spills out of a phone's screen).
TITLE_CHARS = 48
FONT_SIZE = 14
DASHES = {"dash": "7 4", "dot": "2 4", "dashdot": "7 3 2 3", "longdash": "12 4"}
PATTERNS = ("x", "/", "\\", ".", "-", "|", "+")
#: The colour of marks with none given, plotly's first colour.
DEFAULT_COLOUR = "#1f77b4"


def figure_svg(figure: go.Figure, *, chart_id: str | None = None, class_name: str = "") -> StaticHtml:
    """The figure drawn as an SVG (with its legend in words below it), one element for the browser.

    Raises:
        TypeError: The figure holds a kind of trace this module does not draw.
    """
    chart = chart_model(figure)
    # One line: the tests' sample-label walk reads a block line by line, and the title is on it.
    markup = " ".join(render("chart_svg.html", chart=chart).split("\n"))
    props = {"id": chart_id} if chart_id else {}
    return StaticHtml(markup, className=f"static-block svg-chart {class_name}".strip(), **props)


def chart_with_table_svg(summary: str, figure: go.Figure, table, *, chart_id: str | None = None,
                         sample: bool = False, sample_mark: Any = None) -> html.Figure:
    """A chart, a sentence saying what it shows, and the same numbers as a table (as ``chart_with_table``)."""
    from explorer.layout.components import mark_sample, sample_badge  # the shared look of charts

    mark_sample(figure, sample)
    return html.Figure(
        [
            html.Figcaption([summary] + sample_badge(sample), className="chart-summary"),
            html.Div(figure_svg(figure, chart_id=chart_id), className="perf-graph-wrap"),
            html.Details([html.Summary("The same figures as a table"), static_block(table)], open=True,
                         className="chart-table"),
        ],
        className="perf-figure",
    )


# -- the chart model: plain numbers and strings for the template --------------------------------


def chart_model(figure: go.Figure) -> dict:
    """Everything the template draws, in SVG coordinates."""
    layout = figure.layout
    height = int(layout.height or 320)
    title = _plain(layout.title.text or "")
    title_lines = _wrap(title, TITLE_CHARS)
    kinds = {trace.type for trace in figure.data}
    if kinds - {"scatter", "bar", "choropleth"}:
        raise TypeError(f"figure_svg cannot draw {sorted(kinds)}")
    # A choropleth's colours are explained by its scale below it, not by a legend entry per trace.
    legend = [_legend_entry(t, i) for i, t in enumerate(figure.data)
              if t.name and t.showlegend is not False and t.type != "choropleth"]
    model = {"width": WIDTH, "height": height, "title": title, "title_lines": title_lines, "font": FONT_SIZE,
             "legend": legend,
             "traces": [], "ticks_x": [], "ticks_y": [], "axis_x": "", "axis_y": "", "patterns": [],
             "colourbar": None, "box": None, "shapes": False}
    if "choropleth" in kinds:
        model.update(_choropleth(figure, height))
        return model
    model.update(_cartesian(figure, height))
    return model


def _cartesian(figure: go.Figure, height: int) -> dict:
    layout = figure.layout
    horizontal = any(t.type == "bar" and t.orientation == "h" for t in figure.data)
    # The category axis (if any) is x, or y for horizontal bars.
    cat_axis = "y" if horizontal else "x"
    values = {"x": [], "y": []}
    for t in figure.data:
        values["x"] += [v for v in (t.x or ()) if v is not None]
        values["y"] += [v for v in (t.y or ()) if v is not None]
    categorical = {
        "x": layout.xaxis.type == "category" or any(isinstance(v, str) for v in values["x"]),
        "y": any(isinstance(v, str) for v in values["y"]),
    }
    categories = {axis: _unique(str(v) for v in values[axis]) for axis in ("x", "y") if categorical[axis]}
    stacked = layout.barmode == "stack"
    num_axis = "x" if cat_axis == "y" else "y"
    nums = values[num_axis] if not categorical[num_axis] else []
    if stacked:
        nums = nums + list(_stack_totals(figure, cat_axis, num_axis).values())
    other_nums = values[cat_axis] if not categorical[cat_axis] else []
    left = 64
    if horizontal:
        left = 16 + 7 * min(LABEL_CHARS, max((len(c) for c in categories.get("y", [""])), default=10))
    rotate = bool(categorical["x"]) and len(categories.get("x", [])) > 6
    bottom = 90 if rotate else 56
    top = 16 + 22 * len(_wrap(_plain(figure.layout.title.text or ""), TITLE_CHARS))
    box = (left, top, WIDTH - 28, height - bottom)
    scales = {}
    for axis, lo_px, hi_px in (("x", box[0], box[2]), ("y", box[3], box[1])):
        spec = getattr(layout, f"{axis}axis")
        if categorical[axis]:
            scales[axis] = _Band(categories[axis], lo_px, hi_px)
        else:
            data = nums if axis == num_axis else other_nums
            scales[axis] = _Linear(spec.range, data, lo_px, hi_px, spec.tickprefix or "", spec.tickformat == "~s",
                                   zero=any(t.type == "bar" for t in figure.data))
    traces, patterns = [], []
    base: dict[str, float] = {}
    for index, trace in enumerate(figure.data):
        if trace.type == "bar":
            drawn, pattern = _bars(trace, index, scales, horizontal, stacked, base)
            if pattern:
                patterns.append(pattern)
        else:
            drawn = _scatter(trace, index, scales)
        traces.append(drawn)
    return {
        "traces": traces,
        "patterns": patterns,
        "box": box,
        "ticks_x": scales["x"].ticks(),
        "ticks_y": scales["y"].ticks(),
        "rotate_x": rotate,
        "num_x": not categorical["x"],
        "num_y": not categorical["y"],
        "axis_x": _plain(layout.xaxis.title.text or ""),
        "axis_y": _plain(layout.yaxis.title.text or ""),
    }


class _Linear:
    """A numeric axis: nice ticks over the data (or the layout's range), mapped to pixels."""

    def __init__(self, fixed, data, lo_px, hi_px, prefix, si, zero):
        if fixed:
            lo, hi = float(fixed[0]), float(fixed[1])
        else:
            found = [float(v) for v in data] or [0.0, 1.0]
            lo, hi = min(found), max(found)
            if zero:
                lo = min(lo, 0.0)
            if lo == hi:
                lo, hi = lo - 1, hi + 1
            step = _nice_step((hi - lo) / 5)
            lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
        self.lo, self.hi, self.lo_px, self.hi_px, self.prefix, self.si = lo, hi, lo_px, hi_px, prefix, si

    def __call__(self, value) -> float:
        return self.lo_px + (float(value) - self.lo) / (self.hi - self.lo) * (self.hi_px - self.lo_px)

    def ticks(self) -> list[dict]:
        step = _nice_step((self.hi - self.lo) / 5)
        first = math.ceil(self.lo / step) * step
        out, value = [], first
        while value <= self.hi + step * 1e-9:
            out.append({"at": round(self(value), 1), "label": _number_label(value, self.prefix, self.si)})
            value += step
        return out


class _Band:
    """A category axis: one band per category, the mark at its middle."""

    def __init__(self, categories, lo_px, hi_px):
        self.categories, self.lo_px, self.hi_px = list(categories), lo_px, hi_px
        self.band = (hi_px - lo_px) / max(1, len(self.categories))

    def __call__(self, value) -> float:
        return self.lo_px + self.band * (self.categories.index(str(value)) + 0.5)

    def ticks(self) -> list[dict]:
        return [{"at": round(self(c), 1), "label": _shorten(c), "full": c} for c in self.categories]


def _scatter(trace, index: int, scales) -> dict:
    sx, sy = scales["x"], scales["y"]
    mode = trace.mode or ("lines+markers" if len(trace.x or ()) < 20 else "lines")
    points = [(x, y, i) for i, (x, y) in enumerate(zip(trace.x or (), trace.y or ())) if x is not None and y is not None]
    colour = _colour(trace.line.color if "lines" in mode else None, trace.marker.color, index)
    paths = []
    if "lines" in mode:
        run: list[str] = []
        for x, y in zip(trace.x or (), trace.y or ()):
            if x is None or y is None:
                if len(run) > 1:
                    paths.append("M" + " L".join(run))
                run = []
                continue
            run.append(f"{sx(x):.1f},{sy(y):.1f}")
        if len(run) > 1:
            paths.append("M" + " L".join(run))
    marks = []
    texts = list(trace.text) if isinstance(trace.text, (list, tuple)) else None
    if "markers" in mode or "text" in mode:
        colours = trace.marker.color if isinstance(trace.marker.color, (list, tuple)) else None
        for x, y, i in points:
            label = f"{texts[i]}: " if texts and "markers" in mode and "text" not in mode else ""
            marks.append({
                "x": round(sx(x), 1), "y": round(sy(y), 1),  # the template adds to these: keep them short
                "colour": (colours[i] if colours else colour),
                "tip": f"{trace.name + ': ' if trace.name else ''}{label}{x}, {_number_label(y, '', False)}",
                "text": str(texts[i]) if texts and "text" in mode else "",
                # Labels near an edge grow inwards, so none spills out of the chart.
                "anchor": "end" if sx(x) > WIDTH * 0.7 else "start" if sx(x) < WIDTH * 0.3 else "middle",
            })
    return {
        "kind": "scatter", "name": trace.name or "", "n": len(trace.x or ()), "colour": colour,
        "paths": paths, "dash": DASHES.get(trace.line.dash or "", ""), "width": trace.line.width or 2,
        "markers": "markers" in mode, "symbol": trace.marker.symbol or "circle",
        "size": (trace.marker.size if isinstance(trace.marker.size, (int, float)) else 7) or 7,
        "outline": (trace.marker.line.color or "") if trace.marker.line else "",
        "marks": marks,
    }


def _bars(trace, index: int, scales, horizontal: bool, stacked: bool, base: dict) -> tuple[dict, dict | None]:
    colour = _colour(None, trace.marker.color, index)
    shape = trace.marker.pattern.shape if trace.marker.pattern else None
    pattern = {"id": f"pattern-{zlib.crc32(f'{trace.name}|{shape}|{colour}'.encode()):08x}", "shape": shape,
               "colour": colour} if shape else None
    fill = f"url(#{pattern['id']})" if pattern else colour
    cats, nums = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
    cat_scale, num_scale = (scales["y"], scales["x"]) if horizontal else (scales["x"], scales["y"])
    rects = []
    thickness = abs(cat_scale.band) * 0.7
    for cat, value in zip(cats or (), nums or ()):
        if value is None:
            continue
        start = base.get(str(cat), 0.0) if stacked else 0.0
        end = start + float(value)
        if stacked:
            base[str(cat)] = end
        a, b = num_scale(start), num_scale(end)
        middle = cat_scale(cat)
        tip = f"{trace.name + ', ' if trace.name else ''}{cat}: {_number_label(value, '', False)}"
        if horizontal:
            rects.append({"x": round(min(a, b), 1), "y": round(middle - thickness / 2, 1),
                          "w": round(abs(b - a), 1), "h": round(thickness, 1), "tip": tip})
        else:
            rects.append({"x": round(middle - thickness / 2, 1), "y": round(min(a, b), 1),
                          "w": round(thickness, 1), "h": round(abs(b - a), 1), "tip": tip})
    return {"kind": "bar", "name": trace.name or "", "n": len(rects), "colour": colour, "fill": fill,
            "rects": rects}, pattern


def _stack_totals(figure, cat_axis: str, num_axis: str) -> dict:
    totals: dict[str, float] = {}
    for t in figure.data:
        for cat, value in zip(getattr(t, cat_axis) or (), getattr(t, num_axis) or ()):
            if value is not None:
                totals[str(cat)] = totals.get(str(cat), 0.0) + float(value)
    return totals


# -- the choropleth -----------------------------------------------------------------------------


def _choropleth(figure: go.Figure, height: int) -> dict:
    """Borough shapes (an equirectangular projection scaled at London's latitude), filled by value."""
    top = 12 + 22 * len(_wrap(_plain(figure.layout.title.text or ""), TITLE_CHARS))
    rings_by_code: dict[str, list] = {}
    for trace in figure.data:
        rings_by_code.update({code: rings for code, rings in _shapes_by_code(trace.geojson or {}, trace.featureidkey).items()
                              if code not in rings_by_code})
    height = _fitted_height(rings_by_code, top, height)
    project = _projection(rings_by_code, height, top)
    if project is None:
        return {"traces": [], "shapes": True}

    traces, colourbar = [], None
    for index, trace in enumerate(figure.data):
        z = list(trace.z or ())
        found = [v for v in z if v is not None]
        lo, hi = (min(found), max(found)) if found else (0, 1)
        scale_colours = _colourscale(trace.colorscale)
        texts = list(trace.text) if isinstance(trace.text, (list, tuple)) else [None] * len(z)
        shapes = []
        for code, value, text in zip(trace.locations or (), z, texts):
            d = " ".join(_ring_path(ring, project) for ring in rings_by_code.get(str(code), ()))
            position = 0.0 if hi == lo else (float(value) - lo) / (hi - lo)
            shapes.append({"code": code, "z": value, "d": d, "fill": _interpolate(scale_colours, position),
                           "tip": _plain(text or f"{code}: {value}"), "cls": "shape", "stroke": "#ffffff",
                           "width": 0.8, "dash": ""})
        traces.append({"kind": "choropleth", "name": trace.name or "", "n": len(shapes), "shapes": shapes})
        if trace.showscale is not False and found and colourbar is None:
            title = _plain(trace.colorbar.title.text or "") if trace.colorbar and trace.colorbar.title else ""
            colourbar = {"title": title, "steps": [
                {"colour": _interpolate(scale_colours, i / 4),
                 "label": _number_label(round(lo + (hi - lo) * i / 4) if hi - lo > 50 else lo + (hi - lo) * i / 4, "", False)}
                for i in range(5)
            ]}
    return {"traces": traces, "colourbar": colourbar, "shapes": True, "height": height}


def shapes_svg(geojson: Mapping, styles: Mapping[str, Mapping], *, label: str, title: str = "",
               key: str = "properties.code", height: int = 460, class_name: str = "shape") -> StaticHtml:
    """Every shape of ``geojson`` filled as ``styles[code]`` says (``fill``, ``tip``, ``dashed``, ``z``).

    For a map whose colours are worked out here (classes, "none reported") rather than from a scale.
    """
    rings_by_code = _shapes_by_code(geojson, key)
    title_lines = _wrap(title, TITLE_CHARS)
    top = 12 + 22 * len(title_lines) if title_lines else 8
    height = _fitted_height(rings_by_code, top, height)
    project = _projection(rings_by_code, height, top)
    shapes = []
    for code, rings in rings_by_code.items() if project else ():
        style = styles.get(code, {})
        shapes.append({"code": code, "z": style.get("z", ""), "fill": style.get("fill", "#f3f2f1"),
                       "d": " ".join(_ring_path(ring, project) for ring in rings), "tip": style.get("tip", code),
                       "cls": class_name, "stroke": "#0b0c0c", "width": 1, "dash": "3 3" if style.get("dashed") else ""})
    chart = {"width": WIDTH, "height": height, "title": f"{label} · {title}" if title else label,
             "title_lines": title_lines, "font": FONT_SIZE, "legend": [],
             "traces": [{"kind": "choropleth", "name": "", "n": len(shapes), "shapes": shapes}], "patterns": [],
             "colourbar": None, "box": None, "shapes": True}
    markup = " ".join(render("chart_svg.html", chart=chart).split("\n"))
    return StaticHtml(markup, className="static-block svg-chart svg-map")


def _shapes_by_code(geojson: Mapping, key: str | None) -> dict[str, list]:
    path = (key or "id").split(".")
    found: dict[str, list] = {}
    for feature in geojson.get("features", ()):
        code = feature
        for part in path:
            code = code.get(part) if isinstance(code, dict) else None
        found.setdefault(str(code), _rings(feature.get("geometry") or {}))
    return found


def _fitted_height(rings_by_code: Mapping[str, list], top: int, most: int) -> int:
    """The height at which the shapes fill the chart's width (at most ``most``): no empty band below."""
    points = [p for rings in rings_by_code.values() for ring in rings for p in ring]
    if not points:
        return most
    lat0 = math.radians(sum(p[1] for p in points) / len(points))
    dx = (max(p[0] for p in points) - min(p[0] for p in points)) * math.cos(lat0) or 1
    dy = max(p[1] for p in points) - min(p[1] for p in points)
    return min(most, math.ceil(top + 8 + dy * (WIDTH - 16) / dx))


def _projection(rings_by_code: Mapping[str, list], height: int, top: int):
    """Longitude and latitude to the chart's pixels (equirectangular, scaled at the shapes' latitude)."""
    points = [p for rings in rings_by_code.values() for ring in rings for p in ring]
    if not points:
        return None
    lat0 = math.radians(sum(p[1] for p in points) / len(points))
    xs = [p[0] * math.cos(lat0) for p in points]
    ys = [p[1] for p in points]
    scale = min((WIDTH - 16) / ((max(xs) - min(xs)) or 1), (height - top - 8) / ((max(ys) - min(ys)) or 1))
    x0, y1 = min(xs), max(ys)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return 8 + (lon * math.cos(lat0) - x0) * scale, top + (y1 - lat) * scale

    return project


def _rings(geometry: dict) -> list:
    if geometry.get("type") == "Polygon":
        return list(geometry.get("coordinates") or ())
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry.get("coordinates") or () for ring in polygon]
    return []


def _ring_path(ring: Sequence, project) -> str:
    points, last = [], None
    for lon, lat, *_rest in ring:
        x, y = project(lon, lat)
        here = (round(x), round(y))
        if here != last:  # a point in the same pixel adds nothing
            points.append(f"{here[0]},{here[1]}")
            last = here
    return ("M" + "L".join(points) + "Z") if len(points) > 2 else ""


def _colourscale(scale) -> list[tuple[float, str]]:
    if not scale:
        return [(0.0, "#eef3fa"), (1.0, "#0f2f5c")]
    return [(float(position), colour) for position, colour in scale]


def _interpolate(scale: list[tuple[float, str]], position: float) -> str:
    position = min(1.0, max(0.0, position))
    for (p0, c0), (p1, c1) in zip(scale, scale[1:]):
        if p0 <= position <= p1:
            t = 0.0 if p1 == p0 else (position - p0) / (p1 - p0)
            a, b = _rgb(c0), _rgb(c1)
            return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b))
    return scale[-1][1] if position >= scale[-1][0] else scale[0][1]


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


# -- helpers -------------------------------------------------------------------------------------


def _legend_entry(trace, index: int) -> dict:
    if trace.type == "bar":
        return {"name": trace.name, "colour": _colour(None, trace.marker.color, index), "kind": "bar",
                "pattern": bool(trace.marker.pattern and trace.marker.pattern.shape)}
    mode = trace.mode or "lines+markers"
    return {"name": trace.name, "colour": _colour(trace.line.color, trace.marker.color, index),
            "kind": "line" if "lines" in mode else "marker", "dash": DASHES.get(trace.line.dash or "", ""),
            "symbol": trace.marker.symbol or "circle"}


def _colour(line, marker, index: int) -> str:
    for colour in (line, marker):
        if isinstance(colour, str):
            return colour
    return DEFAULT_COLOUR


def _nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _number_label(value, prefix: str, si: bool) -> str:
    value = float(value)
    if si:
        for limit, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
            if abs(value) >= limit:
                return f"{prefix}{value / limit:g}{suffix}"
        return f"{prefix}{value:g}"
    if value.is_integer():
        return f"{prefix}{int(value):,}"
    return f"{prefix}{value:,.1f}"


def _plain(text: str) -> str:
    """Plotly's line breaks in titles and hover text as spaces (the template escapes the rest)."""
    return " ".join(str(text).replace("<br>", " · ").split())


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)
