"""Fixtures for the reference-geography tests: caches built once per session into a temporary directory."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import geopandas as gpd
import pytest

from explorer.reference import Geography, load_boroughs, load_geography, prepare
from explorer.reference.boundaries import DERIVED_FILE, derive_boundaries

ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = ROOT / "data"
FIXTURES = ROOT / "tests" / "data" / "reference"
OFFICIAL_BOUNDARIES = DATA_DIR / "reference" / "london_boroughs.geojson"


def write_table(folder: Path, relative: Path, text: str) -> Path:
    """Writes ``text`` to ``folder / relative`` (making its folders) and returns ``folder``: a data
    directory holding one small reference table, for a loader's tests."""
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def paths() -> SimpleNamespace:
    """Where things are: ``data`` (the project's data folder), ``fixtures`` (small test files) and
    ``official`` (the official boundary file the repository carries)."""
    return SimpleNamespace(data=DATA_DIR, fixtures=FIXTURES, official=OFFICIAL_BOUNDARIES)


@pytest.fixture(scope="session")
def build_timings() -> dict[str, float]:
    """Seconds taken by the one-off builds, for tests that check speed."""
    return {}


@pytest.fixture(scope="session")
def reference_cache(tmp_path_factory, build_timings) -> Path:
    """A cache directory with the postcode index and derived boundaries, built once per session.

    A fresh directory rather than ``data/cache``, so that the tests exercise today's build code
    and never see an official boundary file someone imported on this machine.
    """
    cache = tmp_path_factory.mktemp("reference-cache")
    started = time.perf_counter()
    prepare(DATA_DIR, cache)
    build_timings["prepare"] = time.perf_counter() - started
    # The fallback, which prepare no longer builds while the official file reads.
    derive_boundaries(cache, {b.code: b.name for b in load_boroughs(DATA_DIR)})
    return cache


@pytest.fixture(scope="session")
def reference_geography(reference_cache) -> Geography:
    """The reference geography loaded from the session's cache."""
    return load_geography(DATA_DIR, reference_cache)


@pytest.fixture(scope="session")
def postcodes(reference_geography):
    """The London postcode index."""
    return reference_geography.postcodes


@pytest.fixture(scope="session")
def official_boundaries() -> gpd.GeoDataFrame:
    """The official borough boundaries the repository carries, in British National Grid, indexed by code."""
    return gpd.read_file(OFFICIAL_BOUNDARIES).to_crs("EPSG:27700").set_index("code")


@pytest.fixture()
def cache_with_derived(reference_cache, tmp_path) -> Path:
    """A private cache directory holding only a copy of the derived boundaries."""
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / DERIVED_FILE).write_bytes((reference_cache / DERIVED_FILE).read_bytes())
    return cache
