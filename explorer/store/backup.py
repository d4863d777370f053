"""Store layer: a consistent backup of the whole store while the app serves, and restoring a
backup's register as new versions.

- SQLite: the online backup API (``sqlite3.Connection.backup``) copies the database in one
  step under one read transaction, so writers keep going and the copy is one moment's state.
- PostgreSQL: ``pg_dump --format=custom`` (one snapshot, taken in a repeatable-read transaction).

``restore`` never overwrites the store. It opens the backup (a SQLite copy, or the dump loaded
into a scratch PostgreSQL database that is dropped afterwards), reads each entity's version
that was current in it, and publishes those rows as a new version of each entity, with the
backup named as the source: the history stays, and a restore can itself be rolled back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from explorer.store.store import PublishError, Store, sqlite_url

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupError(RuntimeError):
    """A backup or restore could not be done; says why. Nothing was changed."""


@dataclass(frozen=True)
class Restored:
    """One entity brought back from a backup."""

    entity: str
    version_id: int
    backup_version: int


def backup(store: Store, path: Path) -> Path:
    """Writes a consistent copy of the store to ``path`` (written beside it, then renamed into place).

    Raises:
        BackupError: The copy failed (the file at ``path``, if any, is left as it was).
    """
    path = Path(path)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        if store.engine.dialect.name == "sqlite":
            _sqlite_backup(store, partial)
        else:
            _pg_dump(store.engine.url, partial)
        os.replace(partial, path)
    except (OSError, sqlite3.Error, subprocess.CalledProcessError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"the backup to {path} failed: {_reason(exc)}") from exc
    return path


def restore(store: Store, path: Path, *, published_by: str = "explorer restore") -> list[Restored]:
    """Publishes each entity's current version in the backup at ``path`` as a new version.

    Raises:
        BackupError: The file is not a backup this store can read, or publishing failed.
    """
    path = Path(path)
    try:
        head = path.open("rb").read(16)
    except OSError as exc:
        raise BackupError(f"{path} cannot be read ({exc.strerror})") from exc
    if head.startswith(SQLITE_MAGIC):
        with tempfile.TemporaryDirectory(prefix="explorer-restore-") as folder:
            copy = Path(folder) / "backup.db"
            shutil.copyfile(path, copy)
            return _restore_from(store, Store.open(sqlite_url(copy)), path.name, published_by)
    if head.startswith(PGDUMP_MAGIC):
        if store.engine.dialect.name != "postgresql":
            raise BackupError(f"{path.name} is a PostgreSQL dump; restore it into a PostgreSQL store")
        return _restore_pg_dump(store, path, published_by)
    raise BackupError(f"{path.name} is neither a SQLite backup nor a PostgreSQL dump made by `explorer backup`")


def _restore_from(store: Store, source: Store, name: str, published_by: str) -> list[Restored]:
    try:
        versions, rows = source.read_current()
    finally:
        source.dispose()
    if not versions:
        raise BackupError(f"{name} holds no published version")
    from explorer.store.schema import ENTITIES

    restored = []
    try:
        for entity, old_version in versions.items():
            new = store.publish(
                entity,
                {table: rows[table] for table in ENTITIES[entity]},
                source=f"backup {name}",
                report={"restored_from_backup": name, "backup_version": old_version},
                published_by=published_by,
                note=f"restored from backup {name} (its version {old_version})",
            )
            restored.append(Restored(entity, new, old_version))
    except PublishError as exc:
        raise BackupError(f"restoring {name} stopped: {exc}") from exc
    return restored


def _sqlite_backup(store: Store, target: Path) -> None:
    raw = store.engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(destination)  # pages=-1: one step, one consistent read
        finally:
            destination.close()
    finally:
        raw.close()


def _pg_dump(url, target: Path) -> None:
    dsn, env = _libpq(url)
    subprocess.run(
        [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target), "--dbname", dsn],
        check=True, env=env, capture_output=True, text=True, timeout=3600,
    )


def _restore_pg_dump(store: Store, path: Path, published_by: str) -> list[Restored]:
    scratch = f"explorer_restore_{uuid.uuid4().hex[:12]}"
    admin = create_engine(store.engine.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{scratch}"'))
        scratch_url = store.engine.url.set(database=scratch)
        dsn, env = _libpq(scratch_url)
        try:
            subprocess.run(
                [_pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", dsn, str(path)],
                check=True, env=env, capture_output=True, text=True, timeout=3600,
            )
        except subprocess.CalledProcessError as exc:
            raise BackupError(f"{path.name} could not be loaded: {_reason(exc)}") from exc
        source = Store.open(scratch_url.render_as_string(hide_password=False))
        return _restore_from(store, source, path.name, published_by)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{scratch}"'))
        admin.dispose()


def _libpq(url) -> tuple[str, dict[str, str]]:
    """A libpq connection string without the password (which goes in PGPASSWORD, not the process list)."""
    url = make_url(url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return url.set(drivername="postgresql", password=None).render_as_string(hide_password=False), env


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    if versions:
        return str(versions[-1])
    raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, subprocess.CalledProcessError):
        return (exc.stderr or "").strip().splitlines()[-1] if (exc.stderr or "").strip() else f"exit {exc.returncode}"
    return str(exc)
