"""Domain rules of the map: a service's main area, the colours of the key, and point clustering.

Pure: numpy and the standard library only, so every rule here has a plain unit test.

* **Main area.** A service may sit in several service areas (a rape crisis centre is in "Sexual
  violence" and "Violence against women and girls"). Its pin shows one: the most specific of its
  areas, by :data:`MAIN_AREA_ORDER` (specific harms first, broad cross-cutting areas last). The
  order is a published rule, not the alphabet, so "Community safety" never wins just by its name.
* **Colours.** Paul Tol's *muted* qualitative scheme (nine colours chosen to stay distinct with
  the common colour-vision deficiencies) plus a dark grey, one per area, with a dark outline on
  every pin so each reaches 3:1 against a light map. Colour is never the only label: the legend
  names each area and every pin's card says it in words.
* **Clusters.** A grid clusterer in Web Mercator: at zoom ``z`` points within the same cell of
  ``radius`` screen pixels form one cluster at their mean position, labelled with its count and
  coloured by its most common main area. It answers one view (bounds and zoom) at a time, over
  only the points that match a search, so filters apply to clusters too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

#: Service areas from most to least specific: a service's main area is the first of its areas here.
MAIN_AREA_ORDER: tuple[str, ...] = (
    "sexual-violence",
    "vawg",
    "hate-crime",
    "exploitation",
    "youth-violence",
    "substance-misuse",
    "reducing-reoffending",
    "victims-witnesses",
    "early-intervention",
    "community-safety",
)

#: Pin colour per main area: Paul Tol's "muted" scheme (https://personal.sron.nl/~pault/) and a grey.
AREA_COLOURS: dict[str, str] = {
    "sexual-violence": "#882255",  # wine
    "vawg": "#AA4499",  # purple
    "hate-crime": "#CC6677",  # rose
    "exploitation": "#332288",  # indigo
    "youth-violence": "#DDCC77",  # sand
    "substance-misuse": "#999933",  # olive
    "reducing-reoffending": "#117733",  # green
    "victims-witnesses": "#88CCEE",  # cyan
    "early-intervention": "#44AA99",  # teal
    "community-safety": "#555555",  # dark grey
}
#: The colour of a service with no known area.
OTHER_COLOUR = "#0B0C0C"
#: The outline drawn around every pin and cluster (3:1 or more against light map grounds).
OUTLINE = "#0B0C0C"

#: Screen pixels within which points join a cluster; 256 px tiles.
CLUSTER_RADIUS_PX = 48
#: The least distance between two pins or clusters drawn (24 px targets that never overlap).
MIN_SEPARATION_PX = 34
TILE_PX = 256
#: From this zoom on, every point is drawn on its own.
MAX_CLUSTER_ZOOM = 18
MIN_ZOOM, MAX_ZOOM = 0, 19
#: Web Mercator's latitude limit.
MAX_LATITUDE = 85.05112878


def main_area(term_ids: Iterable[str], order: Sequence[str] = MAIN_AREA_ORDER) -> str:
    """A service's main area: the first of its areas in ``order``; else its first area; else ""."""
    terms = list(term_ids)
    ranked = [t for t in order if t in terms]
    if ranked:
        return ranked[0]
    return terms[0] if terms else ""


def area_colour(term_id: str) -> str:
    """The pin colour of a main area."""
    return AREA_COLOURS.get(term_id, OTHER_COLOUR)


@dataclass(frozen=True)
class Bounds:
    """A view's bounds in degrees (south-west and north-east corners)."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def parse(cls, text: str) -> "Bounds":
        """Reads ``west,south,east,north`` (the order of GeoJSON and OGC bbox), or raises ValueError.

        Two opposite corners name one box whichever comes first, so corners given the other way
        round (east before west, north before south) are read as the same box.
        """
        parts = [p.strip() for p in (text or "").split(",")]
        if len(parts) != 4:
            raise ValueError(f"bbox: {text!r} is not four numbers west,south,east,north")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise ValueError(f"bbox: {text!r} is not four numbers west,south,east,north") from None
        if not all(math.isfinite(v) for v in (west, south, east, north)):
            raise ValueError(f"bbox: {text!r} must be finite numbers")
        if not (-90 <= south <= 90 and -90 <= north <= 90):
            raise ValueError(f"bbox: {text!r} needs latitudes between -90 and 90")
        if not (-180 <= west <= 180 and -180 <= east <= 180):
            raise ValueError(f"bbox: {text!r} needs longitudes between -180 and 180")
        west, east = sorted((west, east))
        south, north = sorted((south, north))
        return cls(south=south, west=west, north=north, east=east)

    def padded(self, fraction: float) -> "Bounds":
        """The bounds grown by ``fraction`` of their size on each side (clusters at the edge stay whole)."""
        dlat = (self.north - self.south) * fraction
        dlon = (self.east - self.west) * fraction
        return Bounds(max(-90.0, self.south - dlat), max(-180.0, self.west - dlon),
                      min(90.0, self.north + dlat), min(180.0, self.east + dlon))

    def as_leaflet(self) -> list[list[float]]:
        """``[[south, west], [north, east]]``, as Leaflet's fitBounds takes them."""
        return [[self.south, self.west], [self.north, self.east]]


def parse_zoom(text: str | None) -> int:
    """A map zoom level from text (a whole number 0 to 19), or raises ValueError naming the rule."""
    try:
        value = float(text if text is not None else "")
    except ValueError:
        raise ValueError(f"zoom: {text!r} is not a number from {MIN_ZOOM} to {MAX_ZOOM}") from None
    if not math.isfinite(value) or not MIN_ZOOM <= value <= MAX_ZOOM:
        raise ValueError(f"zoom: {text!r} is not a number from {MIN_ZOOM} to {MAX_ZOOM}")
    return int(math.floor(value))


def mercator(latitudes: np.ndarray, longitudes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator x and y in [0, 1] (y grows southwards, as on screen)."""
    lat = np.clip(np.asarray(latitudes, dtype=np.float64), -MAX_LATITUDE, MAX_LATITUDE)
    x = (np.asarray(longitudes, dtype=np.float64) + 180.0) / 360.0
    sin = np.sin(np.radians(lat))
    y = 0.5 - np.log((1 + sin) / (1 - sin)) / (4 * math.pi)
    return x, y


@dataclass(frozen=True)
class Clusters:
    """One view's clusters (count > 1) and lone points, as indices into the input points."""

    latitudes: np.ndarray
    longitudes: np.ndarray
    counts: np.ndarray
    areas: np.ndarray
    singles: np.ndarray


def cluster_grid(
    x: np.ndarray,
    y: np.ndarray,
    areas: np.ndarray,
    zoom: int,
    *,
    radius_px: int = CLUSTER_RADIUS_PX,
    separation_px: int = MIN_SEPARATION_PX,
    max_cluster_zoom: int = MAX_CLUSTER_ZOOM,
    n_areas: int | None = None,
) -> Clusters:
    """Groups points (Web Mercator x, y in [0, 1]) into clusters for one zoom level.

    First a grid pass: points in the same cell of ``radius_px`` screen pixels form one group at
    their mean position. Then a separation pass, greedy from the largest group: a group absorbs
    every group not yet placed within ``separation_px`` of it, so every pin and cluster drawn is at
    least that far from the next (each stays a 24 px touch target that does not overlap another,
    WCAG 2.2 target size) and every point is counted once.

    Args:
        x, y: The points' Web Mercator coordinates.
        areas: Each point's main-area number (0 .. n_areas-1), for the cluster's colour.
        zoom: The map's zoom; at or above ``max_cluster_zoom`` nothing is clustered.
        radius_px: Cell size in screen pixels.
        separation_px: The least distance between two drawn items (less than ``radius_px``).
        n_areas: How many area numbers there are (defaults to the largest seen plus one).

    Returns:
        :class:`Clusters`: each cluster's position (degrees), count and most common area;
        ``singles`` are the indices of points drawn on their own.
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    areas = np.asarray(areas, dtype=np.int64)
    none = np.zeros(0, dtype=np.int64)
    if not len(x):
        return Clusters(np.zeros(0), np.zeros(0), none, none, none)
    if zoom >= max_cluster_zoom:
        return Clusters(np.zeros(0), np.zeros(0), none, none, np.arange(len(x), dtype=np.int64))
    scale = TILE_PX * (2 ** zoom)
    cells_per_side = scale / radius_px
    ix = np.floor(x * cells_per_side).astype(np.int64)
    iy = np.floor(y * cells_per_side).astype(np.int64)
    key = ix * (int(cells_per_side) + 2) + iy
    _unique, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    n = len(counts)
    mean_x = np.bincount(inverse, weights=x, minlength=n) / counts
    mean_y = np.bincount(inverse, weights=y, minlength=n) / counts
    k = max(int(n_areas if n_areas is not None else areas.max() + 1), 1)
    tally = np.bincount(inverse * k + np.clip(areas, 0, k - 1), minlength=n * k).reshape(n, k)
    first = np.full(n, -1, dtype=np.int64)
    first[inverse[::-1]] = np.arange(len(x) - 1, -1, -1)  # a member of each group (the one point of a lone one)
    cell_x = np.floor(mean_x * cells_per_side).astype(np.int64)
    cell_y = np.floor(mean_y * cells_per_side).astype(np.int64)
    parent = _separate(mean_x * scale, mean_y * scale, counts, cell_x, cell_y, separation_px)
    seeds = np.flatnonzero(parent == np.arange(n))
    total = np.bincount(parent, weights=counts, minlength=n).astype(np.int64)[seeds]
    merged = np.zeros((n, k), dtype=np.int64)
    np.add.at(merged, parent, tally)
    lone = total == 1
    singles = np.sort(first[seeds[lone]])
    grouped = seeds[~lone]
    lat, lon = unmercator(mean_x[grouped], mean_y[grouped])
    return Clusters(lat, lon, total[~lone], merged[grouped].argmax(axis=1), singles)


def _separate(px: np.ndarray, py: np.ndarray, counts: np.ndarray, cx: np.ndarray, cy: np.ndarray,
              separation: float) -> np.ndarray:
    """Each group's representative after the greedy separation pass (itself for the groups drawn)."""
    n = len(counts)
    parent = np.arange(n)
    by_cell: dict[tuple[int, int], list[int]] = {}
    for i, cell in enumerate(zip(cx.tolist(), cy.tolist())):
        by_cell.setdefault(cell, []).append(i)
    placed = np.zeros(n, dtype=bool)
    limit = separation * separation
    xs, ys = px.tolist(), py.tolist()
    cxs, cys = cx.tolist(), cy.tolist()
    for i in np.argsort(-counts, kind="stable").tolist():
        if placed[i]:
            continue
        placed[i] = True
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for j in by_cell.get((cxs[i] + dx, cys[i] + dy), ()):
                    if not placed[j] and (xs[j] - xs[i]) ** 2 + (ys[j] - ys[i]) ** 2 < limit:
                        placed[j] = True
                        parent[j] = i
    return parent


def unmercator(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Degrees from Web Mercator x and y in [0, 1]."""
    lon = np.asarray(x) * 360.0 - 180.0
    lat = np.degrees(np.arctan(np.sinh(math.pi * (1 - 2 * np.asarray(y)))))
    return lat, lon


def fit_bounds(
    points: Sequence[tuple[float, float]], *, min_span_deg: float = 0.02
) -> Bounds | None:
    """The smallest bounds holding every (lat, lon), at least ``min_span_deg`` wide and tall."""
    if not points:
        return None
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    if north - south < min_span_deg:
        mid = (north + south) / 2
        south, north = mid - min_span_deg / 2, mid + min_span_deg / 2
    if east - west < min_span_deg:
        mid = (east + west) / 2
        west, east = mid - min_span_deg / 2, mid + min_span_deg / 2
    return Bounds(south=south, west=west, north=north, east=east)


def fit_around(
    centre: tuple[float, float], points: Sequence[tuple[float, float]], *, min_span_deg: float = 0.02
) -> Bounds:
    """The smallest bounds centred on ``centre`` (lat, lon) that hold every point, at least
    ``min_span_deg`` wide and tall: the searched place in the middle of the map, its nearby results
    around it (not at an edge because the results lie to one side)."""
    lat, lon = centre
    half_lat = max([abs(p[0] - lat) for p in points] + [min_span_deg / 2])
    half_lon = max([abs(p[1] - lon) for p in points] + [min_span_deg / 2])
    return Bounds(south=lat - half_lat, west=lon - half_lon, north=lat + half_lat, east=lon + half_lon)
