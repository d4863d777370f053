"""Reference layer: London borough boundaries: the bundled official file, an imported one, or derived.

By default the boundaries are the official London Datastore file that the repository carries
(``data/reference/london_boroughs.geojson``, see the PROVENANCE beside it). A newer official file
(ONS Open Geography Portal, London Datastore) imported with :func:`import_boundaries` replaces
them. When neither can be read, the fallback is approximate: a Voronoi tessellation of the
postcode points in and around London (each point's cell goes to its local authority), dissolved
by borough, clipped to a hull and simplified as one coverage, so neighbours still share their
edges. Imported and derived boundaries are cached as WGS84 (EPSG:4326) GeoJSON in the cache
directory; every geometry is worked on in British National Grid (EPSG:27700), where distances
are metres.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

from explorer.domain.geography import LONDON_BOROUGH_CODES
from explorer.reference.postcodes import load_boundary_points

DERIVED_FILE = "boundaries_derived.geojson"
"""The approximate boundaries derived from postcode points, inside the cache directory."""

OFFICIAL_FILE = "boundaries_official.geojson"
"""The imported official boundaries, inside the cache directory; used in preference when present."""

BUNDLED_FILE = Path("reference") / "london_boroughs.geojson"
"""The official boundaries the repository carries, inside the data directory: the default."""

BUNDLED_SOURCE = (
    "Official boundaries: London Datastore, Statistical GIS Boundary Files for London "
    "(London_Borough_Excluding_MHW), Open Government Licence v3.0. Contains National Statistics "
    "data © Crown copyright and database right; contains Ordnance Survey data © Crown copyright "
    "and database right"
)
"""The attribution line of the bundled official boundaries."""

_LOG = logging.getLogger(__name__)

FORMAT_VERSION = 1
"""Bumped whenever the cached GeoJSON changes shape, so stale derived caches are rebuilt."""

WORKING_CRS = "EPSG:27700"
"""British National Grid: metres, for areas, buffers and simplification."""

OUTPUT_CRS = "EPSG:4326"
"""WGS84 longitude/latitude, as GeoJSON and web maps expect."""

HULL_MARGIN_M = 500.0
"""How far the clipping hull reaches beyond the outermost London postcode point."""

MIN_PIECE_M2 = 50_000.0
"""Islands and holes smaller than this (5 ha) are dropped: they come from stray postcode points."""

DERIVED_TOLERANCE_M = 25.0
"""Simplification tolerance for derived boundaries: far below their accuracy (about 100 m)."""

IMPORTED_TOLERANCE_M = 5.0
"""Simplification tolerance for imported boundaries: invisible on a map, keeps the GeoJSON small."""

# A generous box (EPSG:27700) around Greater London: an import whose boroughs fall outside it
# almost certainly declares the wrong CRS.
_LONDON_EXTENT_27700 = (480_000.0, 140_000.0, 580_000.0, 220_000.0)
_METADATA_KEY = "explorer"


class BoundaryImportError(ValueError):
    """Raised when a boundary file cannot be used; the message says what is wrong and how to fix it."""


@dataclass(frozen=True, eq=False)
class Boundaries:
    """The boundaries of the 33 London boroughs, ready for a map.

    Attributes:
        geojson: A GeoJSON FeatureCollection in WGS84, one feature per borough, with the
            properties ``code`` and ``name``. Treat it as read-only.
        approximate: True when derived from postcode points; False for an imported official file.
        source: Where the boundaries came from, in words for an attribution line.
    """

    geojson: dict[str, Any]
    approximate: bool
    source: str

    @property
    def codes(self) -> tuple[str, ...]:
        """The borough codes present, in feature order."""
        return tuple(feature["properties"]["code"] for feature in self.geojson["features"])

    def with_names(self, names: Mapping[str, str]) -> Boundaries:
        """Returns a copy whose ``name`` properties come from ``names`` (by code) where given.

        Args:
            names: Borough code to name, e.g. from the borough table.

        Returns:
            New boundaries sharing the geometries of these.
        """
        features = [
            {
                **feature,
                "properties": {
                    **feature["properties"],
                    "name": names.get(feature["properties"]["code"], feature["properties"]["name"]),
                },
            }
            for feature in self.geojson["features"]
        ]
        return Boundaries({**self.geojson, "features": features}, self.approximate, self.source)

    def to_geodataframe(self) -> gpd.GeoDataFrame:
        """The boundaries as a GeoDataFrame in WGS84, with columns ``code``, ``name``, ``geometry``."""
        frame = gpd.GeoDataFrame.from_features(self.geojson["features"], crs=OUTPUT_CRS)
        return frame[["code", "name", "geometry"]]


def load_boundaries(
    cache_dir: Path, names: Mapping[str, str] | None = None, official: Path | None = None
) -> Boundaries:
    """Reads the boundaries: an imported official file, else the bundled official file, else derived ones.

    Derives (and caches) the approximate boundaries only when no official file can be read; a
    missing or unreadable bundled file is logged, so the fallback is never silent.

    Args:
        cache_dir: The directory holding generated caches.
        names: Borough code to name, used only when the boundaries have to be derived.
        official: The bundled official file (``data/reference/london_boroughs.geojson``), or
            None to skip it.

    Returns:
        The boundaries.

    Raises:
        BoundaryImportError: The imported official file in the cache is damaged.
    """
    cache_dir = Path(cache_dir)
    imported = cache_dir / OFFICIAL_FILE
    if imported.exists():
        boundaries = _read_cached(imported)
        if boundaries is None:
            raise BoundaryImportError(
                f"the imported boundary file {imported} is damaged: import the official file again, "
                "or delete it to go back to the approximate boundaries"
            )
        return boundaries
    if official is not None:
        bundled = read_official_geojson(Path(official))
        if bundled is not None:
            return bundled
        _LOG.warning("the official boundary file %s is missing or unreadable; using approximate boundaries", official)
    boundaries = _read_cached(cache_dir / DERIVED_FILE)
    if boundaries is None:
        derive_boundaries(cache_dir, names)
        boundaries = _read_cached(cache_dir / DERIVED_FILE)
        if boundaries is None:
            raise RuntimeError(f"the derived boundaries in {cache_dir} could not be read after deriving them")
    return boundaries


def read_official_geojson(path: Path) -> Boundaries | None:
    """Reads an official boundary GeoJSON in WGS84 with a ``code`` per feature, or None if unusable.

    The file must hold exactly the 33 London borough codes, each with a polygonal geometry.
    Only ``code`` and ``name`` are kept as properties, as for every other source.

    Args:
        path: The GeoJSON file (the bundled one is already simplified for display).

    Returns:
        The boundaries (``approximate`` is False), or None when the file is missing or damaged.
    """
    try:
        collection = json.loads(Path(path).read_text(encoding="utf-8"))
        features = [
            {
                "type": "Feature",
                "properties": {"code": str(f["properties"]["code"]), "name": str(f["properties"].get("name") or "")},
                "geometry": f["geometry"],
            }
            for f in collection["features"]
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if sorted(f["properties"]["code"] for f in features) != list(LONDON_BOROUGH_CODES):
        return None
    if any(not isinstance(f["geometry"], dict) or f["geometry"].get("type") not in ("Polygon", "MultiPolygon")
           for f in features):
        return None
    features.sort(key=lambda f: f["properties"]["code"])
    return Boundaries({"type": "FeatureCollection", "features": features}, approximate=False, source=BUNDLED_SOURCE)


def derive_boundaries(cache_dir: Path, names: Mapping[str, str] | None = None) -> gpd.GeoDataFrame:
    """Derives approximate borough boundaries from postcode points, and caches them.

    Each distinct postcode point in and around London gets its Voronoi cell; London cells are
    dissolved by borough, clipped to a hull around London's points, cleaned of stray islands
    and holes, and simplified together so that neighbours keep a common edge.

    Args:
        cache_dir: The directory holding generated caches; the postcode caches are built there
            first if missing.
        names: Borough code to name for the ``name`` property; a borough without one is named
            by its code.

    Returns:
        The 33 boroughs in WGS84, with columns ``code``, ``name`` and ``geometry``.
    """
    cache_dir = Path(cache_dir)
    eastings, northings, borough_index, codes = load_boundary_points(cache_dir)
    points = shapely.points(eastings.astype(np.float64), northings.astype(np.float64))
    cells = _voronoi_cells(points)
    in_london = borough_index >= 0
    hull = shapely.convex_hull(shapely.multipoints(points[in_london])).buffer(HULL_MARGIN_M)
    pieces = [
        _drop_small_pieces(shapely.intersection(shapely.coverage_union_all(cells[borough_index == i]), hull))
        for i in range(len(codes))
    ]
    simplified = shapely.coverage_simplify(np.array(pieces, dtype=object), DERIVED_TOLERANCE_M)
    frame = _frame(codes, simplified, names or {}, crs=WORKING_CRS).to_crs(OUTPUT_CRS)
    source = (
        "Approximate boundaries derived from postcode points of the ONS Postcode Directory "
        "(Voronoi cells dissolved by local authority). Contains OS data © Crown copyright and "
        "database right; contains Royal Mail data © Royal Mail copyright and database right; "
        "contains National Statistics data © Crown copyright and database right"
    )
    _write_geojson(cache_dir / DERIVED_FILE, frame, approximate=True, source=source, decimals=5)
    return frame


def import_boundaries(
    path: Path, cache_dir: Path, names: Mapping[str, str] | None = None
) -> Boundaries:
    """Imports an official borough boundary file, which then replaces the derived boundaries.

    Reads GeoJSON, GeoPackage or a zipped Shapefile (``.zip``) in any CRS, finds the column
    holding the borough codes (E09000001 to E09000033) whatever it is called, keeps those 33
    boroughs, repairs invalid geometry, reprojects to WGS84 and writes the cache atomically.
    When anything is wrong nothing is written, so the previous boundaries stay in use.

    Args:
        path: The official file.
        cache_dir: The directory holding generated caches.
        names: Borough code to name; when not given, a name column of the file is used if
            one is found, else the code.

    Returns:
        The imported boundaries (``approximate`` is False).

    Raises:
        BoundaryImportError: The file cannot be read, has no CRS, has no borough code column,
            lacks some of the 33 boroughs, or does not lie on London.
    """
    path = Path(path)
    cache_dir = Path(cache_dir)
    frame, layer = _read_boundary_file(path)
    if frame.crs is None:
        raise BoundaryImportError(
            f"{path.name} has no coordinate reference system (CRS), so its coordinates cannot be "
            "placed on a map; export it again with its CRS (e.g. EPSG:27700 or EPSG:4326)"
        )
    declared_crs = frame.crs.to_string()
    code_column = _find_code_column(frame, path.name)
    name_column = None if names else _find_name_column(frame, exclude=code_column)
    codes = frame[code_column].astype(str).str.strip().str.upper()
    frame = frame.assign(code=codes)[codes.isin(LONDON_BOROUGH_CODES)]
    missing = [code for code in LONDON_BOROUGH_CODES if code not in set(frame["code"])]
    if missing:
        listed = ", ".join(f"{code} ({names[code]})" if names and code in names else code for code in missing)
        raise BoundaryImportError(
            f"{path.name} lacks {len(missing)} of the 33 London boroughs in its column "
            f"{code_column!r}: {listed}"
        )
    file_names = {} if name_column is None else dict(zip(frame["code"], frame[name_column].astype(str)))
    working = frame.to_crs(WORKING_CRS)
    _check_extent(working.total_bounds, path.name, declared_crs)
    geometries = [_repair(working.geometry[working["code"] == code]) for code in LONDON_BOROUGH_CODES]
    empty = [code for code, geometry in zip(LONDON_BOROUGH_CODES, geometries, strict=True) if geometry.is_empty]
    if empty:
        raise BoundaryImportError(f"{path.name} has no area for the boroughs {', '.join(empty)}")
    simplified = shapely.simplify(np.array(geometries, dtype=object), IMPORTED_TOLERANCE_M, preserve_topology=True)
    result = _frame(LONDON_BOROUGH_CODES, simplified, names or file_names, crs=WORKING_CRS).to_crs(OUTPUT_CRS)
    today = dt.date.today().isoformat()
    where = f"{path.name}" + (f", layer {layer!r}" if layer else "")
    source = (
        f"Official boundaries imported from {where} on {today} (declared CRS {declared_crs}, "
        f"borough codes in column {code_column!r}; simplified to {IMPORTED_TOLERANCE_M:g} m for display)"
    )
    cache_dir.mkdir(parents=True, exist_ok=True)
    _write_geojson(cache_dir / OFFICIAL_FILE, result, approximate=False, source=source, decimals=6)
    boundaries = _read_cached(cache_dir / OFFICIAL_FILE)
    if boundaries is None:  # pragma: no cover - we just wrote it
        raise RuntimeError(f"the imported boundaries in {cache_dir} could not be read back")
    return boundaries


# --- private helpers -------------------------------------------------------------------------


def _voronoi_cells(points: np.ndarray) -> np.ndarray:
    """The Voronoi cell of each point, in the points' order, reaching a little beyond them all."""
    envelope = shapely.envelope(shapely.multipoints(points)).buffer(2 * HULL_MARGIN_M, join_style="mitre")
    diagram = shapely.voronoi_polygons(shapely.multipoints(points), extend_to=envelope, ordered=True)
    return shapely.get_parts(diagram)


def _drop_small_pieces(geometry: shapely.Geometry) -> shapely.Geometry:
    """Removes parts and holes smaller than :data:`MIN_PIECE_M2` from a polygonal geometry."""
    polygons = [part for part in shapely.get_parts(geometry) if isinstance(part, shapely.Polygon)]
    kept = []
    for polygon in polygons:
        if polygon.area < MIN_PIECE_M2:
            continue
        holes = [ring for ring in polygon.interiors if shapely.Polygon(ring).area >= MIN_PIECE_M2]
        kept.append(shapely.Polygon(polygon.exterior, holes))
    if not kept:
        return max(polygons, key=lambda polygon: polygon.area) if polygons else shapely.Polygon()
    return kept[0] if len(kept) == 1 else shapely.MultiPolygon(kept)


def _frame(
    codes: Iterable[str], geometries: Iterable[shapely.Geometry], names: Mapping[str, str], crs: str
) -> gpd.GeoDataFrame:
    codes = list(codes)
    return gpd.GeoDataFrame(
        {"code": codes, "name": [names.get(code, code) for code in codes]},
        geometry=list(geometries),
        crs=crs,
    )


def _read_boundary_file(path: Path) -> tuple[gpd.GeoDataFrame, str | None]:
    """Reads the layer of a vector file that holds London borough codes."""
    if not path.is_file():
        raise BoundaryImportError(f"there is no file at {path}")
    target = f"zip://{path.resolve()}" if path.suffix.lower() == ".zip" else str(path)
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(target)]
    except Exception as error:  # pyogrio raises several types; all mean "not a readable geo file"
        raise BoundaryImportError(
            f"{path.name} could not be read as a boundary file (GeoJSON, GeoPackage or zipped "
            f"Shapefile): {error}"
        ) from error
    first: gpd.GeoDataFrame | None = None
    for layer in layers:
        try:
            frame = gpd.read_file(target, layer=layer)
        except Exception as error:
            raise BoundaryImportError(f"layer {layer!r} of {path.name} could not be read: {error}") from error
        if "geometry" not in frame or frame.geometry.isna().all():
            continue
        if first is None:
            first = frame
        if _code_counts(frame):
            return frame, (layer if len(layers) > 1 else None)
    if first is None:
        raise BoundaryImportError(f"{path.name} holds no geometries")
    return first, None


def _code_counts(frame: gpd.GeoDataFrame) -> dict[str, int]:
    """How many distinct London borough codes each column holds (columns with none are left out)."""
    counts: dict[str, int] = {}
    for column in frame.columns:
        if column == frame.geometry.name:
            continue
        values = set(frame[column].astype(str).str.strip().str.upper())
        found = len(values.intersection(LONDON_BOROUGH_CODES))
        if found:
            counts[column] = found
    return counts


def _find_code_column(frame: gpd.GeoDataFrame, file_name: str) -> str:
    counts = _code_counts(frame)
    if not counts:
        columns = ", ".join(str(column) for column in frame.columns if column != frame.geometry.name)
        raise BoundaryImportError(
            f"{file_name} has no column of London borough codes (E09000001 to E09000033); "
            f"its columns are: {columns or 'none'}"
        )
    return max(counts, key=lambda column: counts[column])


def _find_name_column(frame: gpd.GeoDataFrame, exclude: str) -> str | None:
    """A column that looks like it holds names: ``name``, ``LAD22NM``, ``borough_name``…"""
    for column in frame.columns:
        lowered = str(column).lower()
        if column in (exclude, frame.geometry.name) or frame[column].dtype.kind in "biuf":
            continue
        if lowered in {"name", "borough", "nm"} or "name" in lowered or lowered.endswith("nm"):
            return column
    return None


def _repair(geometries: gpd.GeoSeries) -> shapely.Geometry:
    """Makes one borough's geometries valid and polygonal, and merges them into one."""
    repaired = shapely.make_valid(geometries.to_numpy())
    polygons = [
        part
        for part in shapely.get_parts(shapely.get_parts(repaired))
        if isinstance(part, shapely.Polygon) and not part.is_empty
    ]
    if not polygons:
        return shapely.Polygon()
    merged = shapely.union_all(polygons)
    return merged if merged.is_valid else shapely.make_valid(merged)


def _check_extent(bounds: np.ndarray, file_name: str, declared_crs: str) -> None:
    """Refuses boroughs that, reprojected from the declared CRS, do not fall on London."""
    west, south, east, north = (float(value) for value in bounds)
    min_x, min_y, max_x, max_y = _LONDON_EXTENT_27700
    # Written so that NaN and infinite bounds (failed reprojections) fail too.
    if not (west >= min_x and south >= min_y and east <= max_x and north <= max_y):
        raise BoundaryImportError(
            f"{file_name}'s boroughs do not lie on London when read in its declared CRS "
            f"({declared_crs}); the file probably declares the wrong CRS"
        )


def _write_geojson(
    path: Path, frame: gpd.GeoDataFrame, *, approximate: bool, source: str, decimals: int
) -> None:
    """Writes a FeatureCollection with our metadata, through a temporary file and an atomic rename."""
    features = []
    for code, name, geometry in zip(frame["code"], frame["name"], frame.geometry, strict=True):
        rounded = shapely.set_precision(geometry, 10.0**-decimals)
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "name": name},
                "geometry": json.loads(shapely.to_geojson(rounded)),
            }
        )
    collection = {
        "type": "FeatureCollection",
        _METADATA_KEY: {"format_version": FORMAT_VERSION, "approximate": approximate, "source": source},
        "features": features,
    }
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".geojson")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(collection, stream, ensure_ascii=False, separators=(",", ":"))
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the app may run as another user
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _read_cached(path: Path) -> Boundaries | None:
    """Reads a cached boundary file, or None when it is missing, damaged or of another format."""
    if not path.is_file():
        return None
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
        metadata = collection[_METADATA_KEY]
        if metadata["format_version"] != FORMAT_VERSION:
            return None
        codes = [feature["properties"]["code"] for feature in collection["features"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if sorted(codes) != list(LONDON_BOROUGH_CODES):
        return None
    return Boundaries(geojson=collection, approximate=bool(metadata["approximate"]), source=str(metadata["source"]))
