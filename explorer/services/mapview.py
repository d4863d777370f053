"""Services layer: the home map's index, built once per published version, and one view of it.

:class:`MapIndex` keeps every public delivery point as compact arrays (Web Mercator position, the
owning service's row, its main area). :func:`map_view` answers one view, the visible bounds and
zoom for a search, with only the clusters and points in it, so a page never carries the whole
register: at 100,000 services a view is a few kilobytes. Confidential services have no points in
the snapshot, so they can never appear here.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.ops import polylabel

from explorer.domain import formatting
from explorer.domain.geography import haversine_km
from explorer.domain.mapping import (
    AREA_COLOURS,
    MAIN_AREA_ORDER,
    MAX_CLUSTER_ZOOM,
    Bounds,
    cluster_grid,
    fit_around,
    fit_bounds,
    main_area,
    mercator,
    parse_zoom,
)
from explorer.services.search import SearchIndex, SearchResult, parse_filters, search_index
from explorer.services.snapshot import Snapshot

#: The search parameters the map endpoint reads (the home page's own query names).
SEARCH_KEYS = ("q", "borough", "commissioner", "area", "age", "access")
#: How far around a searched place the first view looks for pins to include.
FIT_RADIUS_KM = 10.0
#: How many of the nearest pins the first view includes when none of the listed results has one.
FIT_NEAREST = 3
#: How many searches' masks a map index keeps (100 KB each at 100,000 services).
MASK_CACHE = 64
#: Views are answered for a little more than the screen, so clusters at the edge stay whole.
VIEW_PADDING = 0.25


@dataclass(frozen=True)
class InitialView:
    """Where the map opens for a search: bounds to fit, and the searched place if there was one."""

    bounds: Bounds
    place: dict | None


class MapIndex:
    """The public delivery points of one version as compact arrays, and the boroughs' labels."""

    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot
        self.areas: tuple[str, ...] = tuple(
            dict.fromkeys([*MAIN_AREA_ORDER, *(t.id for t in snapshot.terms)])
        )
        area_number = {a: i for i, a in enumerate(self.areas)}
        lat, lon, owner, point_row, area = [], [], [], [], []
        service_area = np.zeros(len(snapshot.services), dtype=np.int16)
        for i, s in enumerate(snapshot.services):
            number = area_number.get(main_area(s.term_ids), len(self.areas))
            service_area[i] = number
            for j, p in enumerate(s.points):
                lat.append(p.latitude)
                lon.append(p.longitude)
                owner.append(i)
                point_row.append(j)
                area.append(number)
        self.latitude = np.array(lat, dtype=np.float64)
        self.longitude = np.array(lon, dtype=np.float64)
        self.x, self.y = mercator(self.latitude, self.longitude)
        self.owner = np.array(owner, dtype=np.int32)
        self.point_row = np.array(point_row, dtype=np.int16)
        self.area = np.array(area, dtype=np.int16)
        self.service_area = service_area
        self.borough_labels, self.borough_bounds = _borough_labels(snapshot.boundaries_geojson)
        # The last few searches' masks: a pan or zoom repeats the page's search, so it is run once.
        self._masks: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._masks_lock = threading.Lock()

    def mask_for(self, key: tuple, compute: Callable[[], np.ndarray]) -> np.ndarray:
        """The services matching a search (``key``), computed once and kept for the next views."""
        with self._masks_lock:
            found = self._masks.get(key)
            if found is not None:
                self._masks.move_to_end(key)
                return found
        mask = compute()
        mask.setflags(write=False)
        with self._masks_lock:
            self._masks[key] = mask
            while len(self._masks) > MASK_CACHE:
                self._masks.popitem(last=False)
        return mask

    def __len__(self) -> int:
        return int(len(self.owner))

    def area_id(self, number: int) -> str:
        """The service area id of an area number ("" for none)."""
        return self.areas[number] if 0 <= number < len(self.areas) else ""

    def view(self, service_mask: np.ndarray | None, bounds: Bounds, zoom: int) -> dict:
        """The clusters and points inside ``bounds`` at ``zoom`` for the services in ``service_mask``."""
        box = bounds.padded(VIEW_PADDING)
        inside = (
            (self.latitude >= box.south) & (self.latitude <= box.north)
            & (self.longitude >= box.west) & (self.longitude <= box.east)
        )
        if service_mask is not None:
            inside &= service_mask[self.owner]
        chosen = np.flatnonzero(inside)
        clusters = cluster_grid(self.x[chosen], self.y[chosen], self.area[chosen], zoom,
                                n_areas=len(self.areas) + 1)
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(float(lo), 5), round(float(la), 5)]},
                "properties": {
                    "cluster": True,
                    "count": int(n),
                    "t": self.area_id(int(a)),
                    "z": min(zoom + 2, MAX_CLUSTER_ZOOM),
                },
            }
            for la, lo, n, a in zip(clusters.latitudes, clusters.longitudes, clusters.counts, clusters.areas)
        ]
        features += [self._point_feature(int(chosen[k])) for k in clusters.singles]
        return {
            "type": "FeatureCollection",
            "features": features,
            "matched": int(len(chosen)),
            "zoom": zoom,
        }

    def _point_feature(self, k: int) -> dict:
        service = self.snapshot.services[int(self.owner[k])]
        point = service.points[int(self.point_row[k])]
        who = service.eligibility or f"People of {formatting.age_range(service.minimum_age, service.maximum_age)}"
        props: dict[str, Any] = {
            "id": service.id,
            "n": service.name,
            "t": self.area_id(int(self.area[k])),
            "l": point.name,
            "w": who,
            "a": formatting.access(service.access),
        }
        if service.phone:
            props["p"] = service.phone
        if service.email:
            props["e"] = service.email
        if service.illustrative:
            props["s"] = 1
        return {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(point.longitude, 5), round(point.latitude, 5)]},
            "properties": props,
        }

    def initial_view(self, index: SearchIndex, result: SearchResult, anywhere: SearchResult | None = None) -> InitialView:
        """Where the map opens: the searched place in the middle with the results near it around it,
        else the chosen boroughs, else the results, else all of London."""
        loc = result.understood.location
        if loc is not None:
            near = []
            for item in result.items:
                for p in item.service.points:
                    if haversine_km(loc.latitude, loc.longitude, p.latitude, p.longitude) <= FIT_RADIUS_KM:
                        near.append((p.latitude, p.longitude))
            if not near and anywhere is not None:
                near = self._nearest(anywhere, loc.latitude, loc.longitude)
            bounds = fit_around((loc.latitude, loc.longitude), near)
            place = {"lat": loc.latitude, "lon": loc.longitude, "label": loc.label}
            return InitialView(bounds, place)
        chosen = [self.borough_bounds[c] for c in result.filters.boroughs if c in self.borough_bounds]
        if chosen:
            return InitialView(_union(chosen), None)
        mask = service_mask(self.snapshot, result)
        if mask is not None and len(self) and len(np.flatnonzero(mask[self.owner])) < len(self):
            pts = np.flatnonzero(mask[self.owner])
            if len(pts):
                return InitialView(
                    fit_bounds(list(zip(self.latitude[pts].tolist(), self.longitude[pts].tolist()))), None
                )
        return InitialView(self.london_bounds, None)

    @property
    def london_bounds(self) -> Bounds:
        """The bounds of every borough."""
        return _union(list(self.borough_bounds.values())) if self.borough_bounds else Bounds(51.28, -0.51, 51.69, 0.33)

    def _nearest(self, anywhere: SearchResult, lat: float, lon: float) -> list[tuple[float, float]]:
        mask = service_mask(self.snapshot, anywhere)
        if mask is None or not len(self):
            return []
        pts = np.flatnonzero(mask[self.owner])
        if not len(pts):
            return []
        dlat = np.radians(self.latitude[pts] - lat)
        dlon = np.radians(self.longitude[pts] - lon) * math.cos(math.radians(lat))
        km = 6371.0088 * np.hypot(dlat, dlon)
        order = np.argsort(km)[:FIT_NEAREST]
        order = order[km[order] <= 2 * FIT_RADIUS_KM]
        return [(float(self.latitude[pts[i]]), float(self.longitude[pts[i]])) for i in order]


def service_mask(snapshot: Snapshot, result: SearchResult) -> np.ndarray | None:
    """A boolean per service of the snapshot: True when the search matched it."""
    indices = getattr(result.matched, "indices", None)
    mask = np.zeros(len(snapshot.services), dtype=bool)
    if indices is None:
        return mask
    mask[np.asarray(indices, dtype=np.int64)] = True
    return mask


def map_index(provider) -> MapIndex:
    """The map index of the provider's current version, built once per version."""
    return provider.derived("map", MapIndex)


def map_search(provider, query: Mapping[str, Sequence[str]]) -> tuple[SearchIndex, SearchResult]:
    """The map's search: the page's query and filters, anywhere in London (the place only centres)."""
    snapshot = provider.current()
    index = search_index(provider)
    q = (query.get("q") or [""])[0]
    return index, index.search(q, parse_filters(query, snapshot), limit=0, anywhere=True)


def map_view(provider, query: Mapping[str, Sequence[str]]) -> dict:
    """The clusters and points for one view; ``query`` holds bbox, zoom and the page's search.

    Raises:
        ValueError: bbox or zoom missing or malformed (the message names the field, value and rule).
    """
    bbox = (query.get("bbox") or [None])[0]
    if bbox is None:
        raise ValueError("bbox: missing; give west,south,east,north in degrees")
    bounds = Bounds.parse(bbox)
    zoom = parse_zoom((query.get("zoom") or [None])[0])
    snapshot = provider.current()
    index = map_index(provider)
    key = tuple((k, tuple(query.get(k, ()))) for k in SEARCH_KEYS)
    mask = index.mask_for(key, lambda: service_mask(snapshot, map_search(provider, query)[1]))
    view = index.view(mask, bounds, zoom)
    view["version"] = snapshot.version_key
    return view


def initial_map(provider, index: SearchIndex, result: SearchResult) -> InitialView:
    """Where the home map opens for a search already run."""
    anywhere = index.search(result.query, result.filters, limit=0, anywhere=True)
    return map_index(provider).initial_view(index, result, anywhere)


def map_query(result: SearchResult) -> str:
    """The search part of the map endpoint's address (no bbox or zoom), for the page to send."""
    from urllib.parse import urlencode

    f = result.filters
    params = {
        "q": result.query.strip(),
        "borough": ",".join(f.boroughs),
        "commissioner": ",".join(f.commissioners),
        "area": ",".join(f.areas),
        "age": f.age or "",
        "access": f.access or "",
    }
    return urlencode({k: v for k, v in params.items() if v})


def legend_areas(snapshot: Snapshot) -> list[tuple[str, str, str]]:
    """The map key: (area id, name, colour) for every area, in the order of :data:`MAIN_AREA_ORDER`."""
    known = {t.id: t.name for t in snapshot.terms}
    ordered = [a for a in MAIN_AREA_ORDER if a in known] + sorted(a for a in known if a not in MAIN_AREA_ORDER)
    return [(a, known[a], AREA_COLOURS.get(a, "#0B0C0C")) for a in ordered]


def _union(bounds: list[Bounds]) -> Bounds:
    return Bounds(
        south=min(b.south for b in bounds), west=min(b.west for b in bounds),
        north=max(b.north for b in bounds), east=max(b.east for b in bounds),
    )


def _borough_labels(geojson: Mapping[str, Any]) -> tuple[dict, dict[str, Bounds]]:
    """A point inside each borough (pole of inaccessibility of its largest part) for its name, and its bounds."""
    features, bounds = [], {}
    for f in (geojson or {}).get("features", []):
        props = f.get("properties") or {}
        try:
            geom = shape(f["geometry"])
        except (KeyError, ValueError, TypeError, AttributeError):
            continue
        if geom.is_empty:
            continue
        parts = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
        largest = max(parts, key=lambda g: g.area)
        try:
            point = polylabel(largest, tolerance=0.0005)
        except Exception:  # a broken ring: fall back to a point surely inside
            point = shapely.point_on_surface(largest)
        west, south, east, north = geom.bounds
        code = props.get("code", "")
        bounds[code] = Bounds(south=south, west=west, north=north, east=east)
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(point.x, 5), round(point.y, 5)]},
            "properties": {"code": code, "name": props.get("name", code)},
        })
    return {"type": "FeatureCollection", "features": features}, bounds


@dataclass(frozen=True)
class MapState:
    """What the layout needs to draw the home map for a search (no points: the page asks for them)."""

    bounds: Bounds
    place: dict | None
    labels: dict
    query: str
    legend: tuple[tuple[str, str, str], ...]


def home_map_state(provider, index: SearchIndex, result: SearchResult) -> MapState:
    """The home map's first view for a search: where it opens, the place marker, labels and key."""
    initial = initial_map(provider, index, result)
    mi = map_index(provider)
    return MapState(
        bounds=initial.bounds,
        place=initial.place,
        labels=mi.borough_labels,
        query=map_query(result),
        legend=tuple(legend_areas(provider.current())),
    )
