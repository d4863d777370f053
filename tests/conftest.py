"""Shared fixtures: the reference geography (built once into data/cache), stores and the sample."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer.settings import ROOT, Settings

SHARED_DATA = ROOT.parent / "shared" / "data"
DATA_DIR = ROOT / "data"
CACHE_DIR = DATA_DIR / "cache"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The reference mirror beside the project (../shared/data); tests may read it."""
    if not SHARED_DATA.exists():
        pytest.fail(f"the reference mirror {SHARED_DATA} is missing; clone the project beside shared/")
    return SHARED_DATA


@pytest.fixture(scope="session")
def geography():
    """London's reference geography, built once per machine into data/cache/."""
    from explorer.reference import load_geography, prepare

    prepare(DATA_DIR, CACHE_DIR)
    return load_geography(DATA_DIR, CACHE_DIR)


@pytest.fixture(scope="session")
def postcode_lookup(geography):
    """The ingest layer's postcode lookup."""
    from explorer.app import postcode_lookup_for

    return postcode_lookup_for(geography)


@pytest.fixture()
def store(tmp_path):
    """An empty, migrated store in a temporary SQLite file."""
    from explorer.store.store import Store, sqlite_url

    s = Store.open(sqlite_url(tmp_path / "test.db"))
    yield s
    s.dispose()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, postcode_lookup) -> Path:
    """A SQLite file with the bundled sample published into it (built once; copy before writing)."""
    from explorer.ingest.publish import seed_sample
    from explorer.store.store import Store, sqlite_url

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    s = Store.open(sqlite_url(path))
    results = seed_sample(s, DATA_DIR / "sample", postcode_lookup)
    failed = [r for r in results if not r.published]
    assert not failed, [p.as_text() for r in failed for p in r.report.errors][:20]
    s.dispose()
    return path


@pytest.fixture()
def sample_store(sample_db, tmp_path):
    """A private copy of the sample store that a test may change."""
    from explorer.store.store import Store, sqlite_url

    path = tmp_path / "sample.db"
    shutil.copy(sample_db, path)
    s = Store.open(sqlite_url(path))
    yield s
    s.dispose()


@pytest.fixture()
def sample_settings(sample_db, tmp_path) -> Settings:
    """Settings for an app on a private copy of the sample store."""
    path = tmp_path / "app.db"
    shutil.copy(sample_db, path)
    return Settings(
        database_url=f"sqlite:///{path}",
        data_dir=DATA_DIR,
        cache_dir=CACHE_DIR,
        check_interval=0.0,
    )
