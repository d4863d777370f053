"""``explorer backup`` / ``explorer restore`` on SQLite and PostgreSQL (issue 17, build 2): a
consistent copy taken while versions are being published, brought back as new versions."""

from __future__ import annotations

import threading

import pytest

from explorer.store.backup import BackupError, backup, restore
from explorer.store.store import Store, checksum, sqlite_url
from explorer.store.schema import ENTITIES
from tests.conftest import DATA_DIR


@pytest.fixture()
def seeded(store, postcode_lookup):
    from explorer.ingest.publish import seed_sample

    assert all(r.published for r in seed_sample(store, DATA_DIR / "sample", postcode_lookup))
    return store


def test_backup_while_publishing_then_restore(seeded, tmp_path):
    store = seeded
    before_versions, before_rows = store.read_current()
    lcpf = store.read_version(before_versions["lcpf"])
    stop = threading.Event()
    published: list[int] = []

    def keep_publishing():  # the app's writers carry on while the backup is taken
        while not stop.is_set():
            published.append(store.publish("lcpf", lcpf, source="republish during backup"))

    writer = threading.Thread(target=keep_publishing)
    writer.start()
    try:
        path = backup(store, tmp_path / "explorer.backup")
    finally:
        stop.set()
        writer.join()
    assert published, "the writer published nothing while the backup ran"

    # The copy is one moment's state: each current version's rows match its checksum.
    if store.engine.dialect.name == "sqlite":
        copy = Store.open(sqlite_url(path))
        versions, rows = copy.read_current()
        for entity, version in versions.items():
            assert checksum({t: rows[t] for t in ENTITIES[entity]}) == copy.version(version).checksum
        copy.dispose()

    # Something changes after the backup; the restore brings the backup's register back.
    store.publish("spend", {"spend": []}, source="a mistake")
    latest = store.latest_version_id()
    restored = restore(store, path, published_by="tester")
    assert {r.entity for r in restored} == set(before_versions)
    assert all(r.version_id > latest for r in restored)
    after_versions, after_rows = store.read_current()
    for entity in before_versions:
        for table in ENTITIES[entity]:  # the same rows (the store promises no order on PostgreSQL)
            assert _sorted(after_rows[table]) == _sorted(before_rows[table]), table
    info = store.version(after_versions["spend"])
    assert info.source == "backup explorer.backup" and info.published_by == "tester"
    assert len(store.versions("spend")) >= 3  # the history is kept: sample, mistake, restore


def _sorted(rows):
    return sorted(repr(sorted(r.items())) for r in rows)


def test_the_command_line(seeded, tmp_path, monkeypatch, capsys):
    from explorer.cli import main

    monkeypatch.setenv("EXPLORER_DATABASE_URL", seeded.engine.url.render_as_string(hide_password=False))
    path = tmp_path / "copy.backup"
    assert main(["backup", str(path)]) == 0 and path.stat().st_size > 0
    assert main(["restore", str(path)]) == 0
    assert "restored as version" in capsys.readouterr().out
    assert main(["restore", str(tmp_path / "missing")]) == 2


def test_a_file_that_is_not_a_backup_is_refused(seeded, tmp_path):
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a backup at all")
    before = seeded.current_versions()
    with pytest.raises(BackupError, match="neither"):
        restore(seeded, junk)
    assert seeded.current_versions() == before
