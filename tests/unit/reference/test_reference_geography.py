"""Unit tests: the reference geography as one value, its one-off set-up, and distance on the globe."""

from __future__ import annotations

import dataclasses
import time

import pytest

from explorer.domain.geography import haversine_km
from explorer.reference import Geography, load_geography, prepare
from explorer.reference.boundaries import DERIVED_FILE
from explorer.reference.postcodes import BOUNDARY_POINTS_FILE, INDEX_FILE


def test_the_geography_holds_everything(reference_geography):
    assert isinstance(reference_geography, Geography)
    assert len(reference_geography.boroughs) == 33
    assert len(reference_geography.places) >= 300
    assert len(reference_geography.postcodes) > 300_000
    assert len(reference_geography.boundaries.geojson["features"]) == 33


def test_the_geography_is_read_only(reference_geography):
    with pytest.raises(dataclasses.FrozenInstanceError):
        reference_geography.places = ()  # type: ignore[misc]


def test_boundary_names_come_from_the_borough_table(reference_geography):
    names = {b.code: b.name for b in reference_geography.boroughs}
    for feature in reference_geography.boundaries.geojson["features"]:
        assert feature["properties"]["name"] == names[feature["properties"]["code"]]


@pytest.mark.parametrize(
    ("query", "code"),
    [("E09000028", "E09000028"), ("e09000013", "E09000013"), ("E09000099", None)],
)
def test_borough_by_code(reference_geography, query, code):
    found = reference_geography.borough_by_code(query)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(
    ("query", "code"),
    [("Southwark", "E09000028"), ("KENSINGTON & CHELSEA", "E09000020"), ("Peckham", None)],
)
def test_borough_by_name(reference_geography, query, code):
    found = reference_geography.borough_by_name(query)
    assert (found.code if found else None) == code


def test_prepare_is_quick_and_changes_nothing_when_the_caches_exist(reference_cache, paths, build_timings):
    files = [INDEX_FILE, BOUNDARY_POINTS_FILE, DERIVED_FILE]
    before = {name: (reference_cache / name).stat().st_mtime_ns for name in files}

    started = time.perf_counter()
    prepare(paths.data, reference_cache)
    elapsed = time.perf_counter() - started

    assert {name: (reference_cache / name).stat().st_mtime_ns for name in files} == before
    assert elapsed < 2.0, f"prepare with caches in place took {elapsed:.2f} s"
    assert build_timings["prepare"] < 40, "the one-off build should take seconds, not minutes"


def test_loading_the_geography_from_caches_is_quick(reference_cache, paths):
    started = time.perf_counter()
    load_geography(paths.data, reference_cache)
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((51.5074, -0.1278), (51.5074, -0.1278), 0.0),
        ((51.0, 0.0), (52.0, 0.0), 111.195),  # one degree of latitude
        ((51.5074, -0.1278), (48.8566, 2.3522), 343.56),  # London to Paris
        ((0.0, 0.0), (0.0, 180.0), 20015.1),  # half-way round the equator
        ((51.4672, -0.0760), (51.5014, -0.1419), 5.9),  # Peckham to Buckingham Palace
    ],
)
def test_haversine_km(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.05)
    assert haversine_km(*b, *a) == pytest.approx(km, abs=0.05)


def test_cache_files_are_readable_by_other_users(reference_cache):
    # The caches are often built by a set-up step and read by a server running as another user.
    for path in reference_cache.iterdir():
        assert path.stat().st_mode & 0o044 == 0o044, path.name
