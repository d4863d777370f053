"""Shared fixtures: the reference geography (built once into data/cache), stores and the sample."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from explorer.settings import ROOT, Settings

DATA_DIR = ROOT / "data"
CACHE_DIR = DATA_DIR / "cache"
TEST_DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def met_crime_dir() -> Path:
    """The Met borough crime files the repository carries (data/reference/met_crime, with provenance)."""
    return DATA_DIR / "reference" / "met_crime"


@pytest.fixture(scope="session")
def schemas_dir() -> Path:
    """The published schemas the tests validate against (tests/data/schemas: ORUK, 360Giving)."""
    return TEST_DATA / "schemas"


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


def postgres_database() -> str:
    """A new, empty PostgreSQL database on the test server; returns its URL.

    The server comes from ``scripts/with-postgres.sh`` (``make test`` uses it). Without it the
    test fails in CI, and is skipped with the reason on a developer's machine.
    """
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = os.environ.get("EXPLORER_TEST_DATABASE_URL")
    if not base:
        message = (
            "PostgreSQL tests need EXPLORER_TEST_DATABASE_URL; run them with `make test`, "
            "which starts a throwaway server (scripts/with-postgres.sh)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


@pytest.fixture()
def postgres_url() -> str:
    """A fresh PostgreSQL database on the test server."""
    return postgres_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """An empty, migrated store: a temporary SQLite file, then a fresh PostgreSQL database."""
    from explorer.store.store import Store, sqlite_url

    url = sqlite_url(tmp_path / "test.db") if request.param == "sqlite" else postgres_database()
    s = Store.open(url)
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


# Every app the tests build (in-process, gunicorn subprocesses, browser tests) needs the secret
# that keys senders' address hashes; a fixed one for tests, never used elsewhere.
os.environ.setdefault("EXPLORER_SECRET_KEY", "tests-only-secret-key-not-for-production")
