"""Riding out faults (issue 17, build 3): the database going away and coming back (PostgreSQL:
503 with a plain message while it is down, reconnects by itself), and the disk filling during
a publish (the previous version keeps serving; the publish is reported as failed)."""

from __future__ import annotations

import errno
import shutil

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from explorer.api.unavailable import MESSAGE
from explorer.settings import Settings
from explorer.store.store import PublishError, Store, sqlite_url
from tests.conftest import CACHE_DIR, DATA_DIR, postgres_database


@pytest.fixture()
def pg_app(postcode_lookup):
    from explorer.app import create_app
    from explorer.ingest.publish import seed_sample

    url = postgres_database()
    store = Store.open(url)
    assert all(r.published for r in seed_sample(store, DATA_DIR / "sample", postcode_lookup))
    store.dispose()
    app = create_app(Settings(database_url=url, data_dir=DATA_DIR, cache_dir=CACHE_DIR, check_interval=0.0,
                              seed_sample=False))
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    yield app, admin, make_url(url).database
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{make_url(url).database}" ALLOW_CONNECTIONS true'))
    admin.dispose()


PAGES = ["/healthz", "/", "/funding", "/funding.ics", "/api/v1/services", "/api/v1/exports/services.csv"]


def _down(admin, name: str) -> None:
    """The database stops answering: no new connections, and every open one is cut."""
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name})


def _up(admin, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))


def test_a_database_outage_is_a_plain_503_and_the_app_reconnects_by_itself(pg_app):
    app, admin, name = pg_app
    client = app.server.test_client()
    assert all(client.get(p).status_code == 200 for p in PAGES)

    _down(admin, name)
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 503, path
        assert MESSAGE in response.get_data(as_text=True) and "Traceback" not in response.get_data(as_text=True)
        assert response.headers["Retry-After"] == "5"
    assert client.get("/api/v1/services").get_json()["error"] == "service_unavailable"
    assert client.get("/").mimetype == "text/plain"

    _up(admin, name)
    for path in PAGES:  # the pool's pre-ping drops the cut connections; no restart needed
        assert client.get(path).status_code == 200, path


# -- the disk fills during a publish ---------------------------------------------------------


@pytest.fixture()
def sqlite_app(sample_db, tmp_path):
    from explorer.app import create_app

    path = tmp_path / "app.db"
    shutil.copy(sample_db, path)
    app = create_app(Settings(database_url=sqlite_url(path), data_dir=DATA_DIR, cache_dir=CACHE_DIR,
                              check_interval=0.0))
    return app, path


def _spend_file(tmp_path):
    source = (DATA_DIR / "sample" / "spend.csv").read_text(encoding="utf-8")
    path = tmp_path / "spend.csv"
    path.write_text(source.replace("249745,248608", "249745,200000"), encoding="utf-8")
    return path


def _served_version(app) -> int:
    return app.server.test_client().get("/healthz").get_json()["versions"]["spend"]


def test_no_space_left_during_a_publish_keeps_the_previous_version(sqlite_app, tmp_path, monkeypatch, capsys):
    from explorer.cli import main
    from explorer.store import store as store_module

    app, path = sqlite_app
    before = _served_version(app)
    real_insert = store_module._insert_values
    calls = []

    def insert_then_fill_the_disk(conn, table, values, version_id):
        calls.append(table.name)
        real_insert(conn, table, values, version_id)  # some rows are written first...
        raise OSError(errno.ENOSPC, "No space left on device")  # ...then the disk is full

    monkeypatch.setattr(store_module, "_insert_values", insert_then_fill_the_disk)
    monkeypatch.setenv("EXPLORER_DATABASE_URL", sqlite_url(path))
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(DATA_DIR))
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(CACHE_DIR))
    assert main(["ingest", "spend", str(_spend_file(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert calls and "publish of spend failed, nothing changed" in err and "No space left on device" in err
    assert _served_version(app) == before
    assert Store.open(sqlite_url(path)).current_versions()["spend"] == before


def test_sqlite_reporting_a_full_database_keeps_the_previous_version(sqlite_app, tmp_path, postcode_lookup):
    """SQLite's own "database or disk is full", made real by capping the file's size."""
    from explorer.ingest.publish import ingest_path

    app, path = sqlite_app
    before = _served_version(app)
    store = Store.open(sqlite_url(path))
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    store.engine.dispose()
    with pytest.raises(PublishError, match="full"):
        ingest_path(store, "spend", _spend_file(tmp_path), postcode_lookup)
    assert store.current_versions()["spend"] == before
    assert _served_version(app) == before
