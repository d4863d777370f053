"""Unit tests: borough boundaries derived from postcode points, and official ones imported from a file."""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from explorer.domain.geography import LONDON_BOROUGH_CODES
from explorer.reference.boundaries import (
    DERIVED_FILE,
    OFFICIAL_FILE,
    BoundaryImportError,
    import_boundaries,
    load_boundaries,
)

MIN_IOU = 0.85


@pytest.fixture(scope="session")
def derived_boundaries(reference_cache) -> gpd.GeoDataFrame:
    """The derived boundaries of the session cache, in British National Grid, indexed by code."""
    boundaries = load_boundaries(reference_cache)
    assert boundaries.approximate
    return boundaries.to_geodataframe().to_crs("EPSG:27700").set_index("code")


@pytest.fixture(scope="session")
def ious(derived_boundaries, official_boundaries) -> dict[str, float]:
    """Intersection over union of each derived borough with the official one."""
    return {
        code: _iou(derived_boundaries.geometry[code], official_boundaries.geometry[code])
        for code in LONDON_BOROUGH_CODES
    }


@pytest.fixture(scope="session")
def borough_names(paths) -> dict[str, str]:
    from explorer.reference.boroughs import load_boroughs

    return {borough.code: borough.name for borough in load_boroughs(paths.data)}


# --- the bundled official file: the default --------------------------------------------------


def test_the_geography_draws_the_bundled_official_boundaries(reference_geography, paths):
    boundaries = reference_geography.boundaries
    assert boundaries.approximate is False
    assert "London Datastore" in boundaries.source and "Ordnance Survey" in boundaries.source
    official = json.loads(paths.official.read_text(encoding="utf-8"))
    expected = {f["properties"]["code"]: f["geometry"] for f in official["features"]}
    assert {f["properties"]["code"]: f["geometry"] for f in boundaries.geojson["features"]} == expected
    assert _names(boundaries)["E09000028"] == "Southwark"


def test_the_bundled_boundaries_are_a_valid_coverage_of_london(reference_geography):
    frame = reference_geography.boundaries.to_geodataframe().to_crs("EPSG:27700").set_index("code")
    assert frame.geometry.is_valid.all()
    union = shapely.union_all(frame.geometry.to_numpy())
    assert union.geom_type == "Polygon", "London is one piece"
    assert 1_560e6 < union.area < 1_600e6  # Greater London is about 1,572 km²
    overlaps = sum(a.intersection(b).area for i, a in enumerate(frame.geometry) for b in frame.geometry[i + 1:])
    assert overlaps < 1e-4 * union.area


def test_an_imported_file_takes_precedence_over_the_bundled_one(cache_with_derived, paths, borough_names):
    import_boundaries(_official_path(paths), cache_with_derived, names=borough_names)
    loaded = load_boundaries(cache_with_derived, official=paths.official)
    assert loaded.approximate is False and loaded.source.startswith("Official boundaries imported from")


@pytest.mark.parametrize(
    "write",
    [
        lambda path: None,
        lambda path: path.write_text("{not json", encoding="utf-8"),
        lambda path: path.write_text(json.dumps({"type": "FeatureCollection", "features": []}), encoding="utf-8"),
    ],
    ids=["missing", "not-json", "no-boroughs"],
)
def test_a_missing_or_broken_bundled_file_falls_back_to_approximate(cache_with_derived, tmp_path, write, caplog):
    path = tmp_path / "london_boroughs.geojson"
    write(path)
    with caplog.at_level("WARNING"):
        loaded = load_boundaries(cache_with_derived, official=path)
    assert loaded.approximate is True and "ONS Postcode Directory" in loaded.source
    assert "approximate boundaries" in caplog.text


# --- derived boundaries ----------------------------------------------------------------------


@pytest.mark.parametrize("code", LONDON_BOROUGH_CODES)
def test_each_derived_borough_matches_the_official_one(ious, code):
    assert ious[code] >= MIN_IOU, f"{code}: intersection over union {ious[code]:.3f}"


def test_derived_boundaries_match_well_overall(ious):
    assert np.median(list(ious.values())) >= 0.9


def test_derived_boundaries_are_a_small_valid_wgs84_feature_collection(reference_cache):
    path = reference_cache / DERIVED_FILE
    assert path.stat().st_size < 400_000
    boundaries = load_boundaries(reference_cache)
    assert boundaries.approximate is True
    assert "ONS Postcode Directory" in boundaries.source
    assert boundaries.geojson["type"] == "FeatureCollection"
    assert sorted(boundaries.codes) == list(LONDON_BOROUGH_CODES)
    names = {f["properties"]["code"]: f["properties"]["name"] for f in boundaries.geojson["features"]}
    assert names["E09000001"] == "City of London" and names["E09000028"] == "Southwark"
    frame = boundaries.to_geodataframe()
    assert frame.geometry.is_valid.all()
    assert set(frame.geom_type) <= {"Polygon", "MultiPolygon"}
    west, south, east, north = frame.total_bounds
    assert -0.6 < west < east < 0.4 and 51.2 < south < north < 51.8, "longitude first, in degrees"


def test_derived_boroughs_do_not_overlap(derived_boundaries):
    geometries = derived_boundaries.geometry.to_numpy()
    total = shapely.union_all(geometries)
    overlap = sum(g.area for g in geometries) - total.area
    assert overlap < 0.001 * total.area


def test_derived_london_has_about_the_right_area(derived_boundaries, official_boundaries):
    derived = derived_boundaries.geometry.area.sum()
    official = official_boundaries.geometry.area.sum()
    # The derived boundaries also cover the Thames, which the official file leaves out.
    assert 0.98 < derived / official < 1.06


# --- importing an official file --------------------------------------------------------------


def _as_is(tmp_path: Path, paths) -> Path:
    return _official_path(paths)


def _geopackage_27700(tmp_path: Path, paths) -> Path:
    frame = _official(paths, columns={"code": "LAD22CD", "name": "LAD22NM"}).to_crs("EPSG:27700")
    path = tmp_path / "boroughs.gpkg"
    frame.to_file(path, layer="london_boroughs", driver="GPKG")
    return path


def _zipped_shapefile_27700(tmp_path: Path, paths) -> Path:
    frame = _official(paths, columns={"code": "gss_code", "name": "borough"}).to_crs("EPSG:27700")
    return _zip_shapefile(frame, tmp_path / "boroughs.zip")


def _geojson_27700(tmp_path: Path, paths) -> Path:
    frame = _official(paths, columns={"code": "GSS_CODE"}).to_crs("EPSG:27700")
    path = tmp_path / "boroughs_bng.geojson"
    frame.to_file(path, driver="GeoJSON")
    return path


@pytest.mark.parametrize(
    ("make_file", "code_column"),
    [
        (_as_is, "code"),
        (_geopackage_27700, "LAD22CD"),
        (_zipped_shapefile_27700, "gss_code"),
        (_geojson_27700, "GSS_CODE"),
    ],
    ids=["geojson-wgs84", "geopackage-bng", "zipped-shapefile-bng", "geojson-bng"],
)
def test_an_official_file_is_imported_and_replaces_the_derived_boundaries(
    cache_with_derived, official_boundaries, tmp_path, paths, make_file, code_column
):
    path = make_file(tmp_path, paths)
    imported = import_boundaries(path, cache_with_derived)

    assert imported.approximate is False
    assert path.name in imported.source and repr(code_column) in imported.source
    assert sorted(imported.codes) == list(LONDON_BOROUGH_CODES)
    loaded = load_boundaries(cache_with_derived)
    assert loaded.approximate is False and loaded.source == imported.source
    frame = loaded.to_geodataframe()
    assert frame.geometry.is_valid.all()
    assert frame.crs.to_epsg() == 4326
    working = frame.to_crs("EPSG:27700").set_index("code")
    for code in LONDON_BOROUGH_CODES:
        assert _iou(working.geometry[code], official_boundaries.geometry[code]) > 0.99, code
    assert sorted(p.name for p in cache_with_derived.iterdir()) == sorted([DERIVED_FILE, OFFICIAL_FILE])


def test_imported_names_come_from_the_file_or_from_the_borough_table(
    cache_with_derived, tmp_path, paths, borough_names
):
    from_file = import_boundaries(_geopackage_27700(tmp_path, paths), cache_with_derived)
    assert _names(from_file)["E09000033"] == "Westminster"
    renamed = _official(paths, columns={"code": "LAD22CD", "name": "LAD22NM"})
    renamed["LAD22NM"] = "City of " + renamed["LAD22NM"]
    path = tmp_path / "renamed.geojson"
    renamed.to_file(path, driver="GeoJSON")
    assert _names(import_boundaries(path, cache_with_derived))["E09000033"] == "City of Westminster"
    assert _names(import_boundaries(path, cache_with_derived, names=borough_names))["E09000033"] == "Westminster"


def test_invalid_geometry_is_repaired(cache_with_derived, tmp_path, paths):
    frame = _official(paths)
    west, south, east, north = frame.geometry[frame["code"] == "E09000001"].total_bounds
    bowtie = shapely.Polygon([(west, south), (east, north), (east, south), (west, north), (west, south)])
    assert not bowtie.is_valid
    frame.loc[frame["code"] == "E09000001", "geometry"] = bowtie
    path = tmp_path / "bowtie.geojson"
    frame.to_file(path, driver="GeoJSON")

    imported = import_boundaries(path, cache_with_derived)

    assert imported.to_geodataframe().geometry.is_valid.all()


def _no_crs(tmp_path: Path, paths) -> Path:
    frame = _official(paths).to_crs("EPSG:27700").set_crs(None, allow_override=True)
    return _zip_shapefile(frame, tmp_path / "no_crs.zip")


def _two_missing(tmp_path: Path, paths) -> Path:
    frame = _official(paths, columns={"code": "LAD22CD"})
    frame = frame[~frame["LAD22CD"].isin(["E09000001", "E09000033"])]
    path = tmp_path / "missing.gpkg"
    frame.to_file(path, driver="GPKG")
    return path


def _no_geometry(tmp_path: Path, paths) -> Path:
    path = tmp_path / "boroughs.csv"
    path.write_text("code,name\nE09000001,City of London\n", encoding="utf-8")
    return path


def _wrong_crs(tmp_path: Path, paths) -> Path:
    frame = _official(paths).to_crs("EPSG:27700").set_crs("EPSG:4326", allow_override=True)
    path = tmp_path / "wrong_crs.gpkg"
    frame.to_file(path, driver="GPKG")
    return path


def _empty_zip(tmp_path: Path, paths) -> Path:
    path = tmp_path / "empty.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    return path


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (_no_crs, r"no_crs\.zip has no coordinate reference system \(CRS\)"),
        (_two_missing, r"lacks 2 of the 33 London boroughs .*E09000001 \(City of London\), E09000033 \(Westminster\)"),
        (lambda tmp, paths: paths.fixtures / "not_geographic.geojson", r"could not be read as a boundary file"),
        (lambda tmp, paths: paths.fixtures / "no_borough_codes.geojson", r"has no column of London borough codes.*code, name"),
        (_no_geometry, r"holds no geometries"),
        (_wrong_crs, r"do not lie on London .*EPSG:4326.*wrong CRS"),
        (_empty_zip, r"empty\.zip could not be read"),
        (lambda tmp, paths: tmp / "nowhere.gpkg", r"there is no file at"),
    ],
    ids=["no-crs", "missing-boroughs", "not-geographic", "no-code-column", "no-geometry", "wrong-crs", "empty-zip", "no-file"],
)
def test_a_bad_file_is_refused_and_changes_nothing(
    cache_with_derived, tmp_path, paths, borough_names, make_file, message
):
    before = _snapshot(cache_with_derived)

    with pytest.raises(BoundaryImportError, match=message):
        import_boundaries(make_file(tmp_path, paths), cache_with_derived, names=borough_names)

    assert _snapshot(cache_with_derived) == before, "a failed import leaves the cache as it was"
    assert load_boundaries(cache_with_derived).approximate is True


def test_a_bad_file_after_an_import_keeps_the_imported_boundaries(cache_with_derived, tmp_path, paths):
    import_boundaries(_official_path(paths), cache_with_derived)
    before = _snapshot(cache_with_derived)

    with pytest.raises(BoundaryImportError):
        import_boundaries(_two_missing(tmp_path, paths), cache_with_derived)

    assert _snapshot(cache_with_derived) == before
    assert load_boundaries(cache_with_derived).approximate is False


def test_a_damaged_official_cache_is_reported(cache_with_derived):
    (cache_with_derived / OFFICIAL_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(BoundaryImportError, match="damaged"):
        load_boundaries(cache_with_derived)


# --- helpers ---------------------------------------------------------------------------------


def _iou(a: shapely.Geometry, b: shapely.Geometry) -> float:
    return shapely.intersection(a, b).area / shapely.union(a, b).area


def _official_path(paths) -> Path:
    assert paths.official.is_file(), f"the repository lacks its official boundary file {paths.official}"
    return paths.official


def _official(paths, columns: dict[str, str] | None = None) -> gpd.GeoDataFrame:
    frame = gpd.read_file(_official_path(paths))[["code", "name", "inner_outer", "geometry"]]
    return frame.rename(columns=columns or {})


def _zip_shapefile(frame: gpd.GeoDataFrame, path: Path) -> Path:
    folder = path.with_suffix("")
    folder.mkdir()
    with warnings.catch_warnings():
        # A shapefile without a CRS is what some tests want; GDAL warns about it.
        warnings.filterwarnings("ignore", message="'crs' was not provided")
        frame.drop(columns=["inner_outer"]).to_file(folder / "boroughs.shp", driver="ESRI Shapefile")
    with zipfile.ZipFile(path, "w") as archive:
        for member in sorted(folder.iterdir()):
            archive.write(member, member.name)
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _names(boundaries) -> dict[str, str]:
    return {f["properties"]["code"]: f["properties"]["name"] for f in boundaries.geojson["features"]}


def test_cached_geojson_is_plain_json(reference_cache):
    collection = json.loads((reference_cache / DERIVED_FILE).read_text(encoding="utf-8"))
    assert {"type", "features"} <= set(collection)
    assert all(set(f["properties"]) == {"code", "name"} for f in collection["features"])
