"""Store layer: opening the database, the one publish step, version history and rollback.

SQLite in WAL mode is the default (one file, many readers, one writer); PostgreSQL is used
when the URL says so. A publish writes the entity's rows and its ``dataset_version`` row in
one transaction, then points ``current_version`` at it: readers see the old version or the
new one, never a mix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from operator import itemgetter
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from alembic import command
from alembic.config import Config
from sqlalchemy import Date, DateTime, Engine, create_engine, event, func, insert, select, update
from sqlalchemy.engine import Connection

from explorer.domain.versions import VersionInfo
from explorer.store import schema
from explorer.store.schema import ENTITIES, current_version, dataset_version, metadata

_MIGRATIONS = Path(__file__).parent / "migrations"


class PublishError(RuntimeError):
    """A publish was refused or failed; nothing was changed."""


#: Rows of every table of the current register, keyed by table name.
RegisterRows = dict[str, list[dict[str, Any]]]


def sqlite_url(path: Path) -> str:
    """Returns the SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path).resolve()}"


class Store:
    """The system of record. Create with :meth:`open`, which also migrates the schema."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> "Store":
        """Connects to ``url`` (SQLite or PostgreSQL) and brings the schema up to date."""
        engine = _make_engine(url)
        store = cls(engine)
        if migrate:
            store.migrate()
        return store

    def migrate(self) -> None:
        """Runs the Alembic migrations up to head."""
        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def dispose(self) -> None:
        """Closes every pooled connection."""
        self.engine.dispose()

    def after_fork(self) -> None:
        """In a forked child: forgets the pooled connections inherited from the parent without closing
        them (the parent still owns them); the child opens its own on first use."""
        self.engine.dispose(close=False)

    # -- writing ---------------------------------------------------------------------------

    def publish(
        self,
        entity: str,
        rows: Mapping[str, Sequence[Mapping[str, Any]]],
        *,
        source: str,
        report: Mapping[str, Any] | None = None,
        published_by: str = "explorer",
        note: str | None = None,
        restored_from: int | None = None,
    ) -> int:
        """Writes a complete new version of one entity and makes it current, atomically.

        Args:
            entity: One of :data:`ENTITIES`.
            rows: For each table the entity owns, every row (plain dicts of column values,
                or records with the columns as attributes; tuples are stored ``;``-joined).
            source: Where the data came from (a file name or URL).
            report: The validation report to keep with the version.
            published_by: Who published.
            note: A free-text note.
            restored_from: The version this one copies, for a rollback.

        Returns:
            The new version's id.

        Raises:
            PublishError: The entity or a table is unknown, or the database refused the
                rows. Nothing was changed.
        """
        tables = _entity_tables(entity)
        unknown = set(rows) - set(tables)
        if unknown:
            raise PublishError(f"{entity} does not own tables {sorted(unknown)}")
        prepared = {name: _table_values(name, rows.get(name, ())) for name in tables}
        counts = {name: len(prepared[name]) for name in tables}
        digest = _digest(prepared)
        try:
            with self.engine.begin() as conn:
                version_id = conn.execute(
                    insert(dataset_version).values(
                        entity=entity,
                        source=source,
                        row_counts=json.dumps(counts),
                        checksum=digest,
                        report=json.dumps(dict(report or {}), default=str),
                        published_by=published_by,
                        published_at=dt.datetime.now(dt.timezone.utc),
                        restored_from=restored_from,
                        note=note,
                    )
                ).inserted_primary_key[0]
                for name in tables:
                    if prepared[name]:
                        _insert_values(conn, metadata.tables[name], prepared[name], version_id)
                _set_current(conn, entity, version_id)
        except PublishError:
            raise
        except Exception as exc:  # the transaction has rolled back
            raise PublishError(f"publish of {entity} failed, nothing changed: {exc}") from exc
        return int(version_id)

    def rollback(self, version_id: int, *, published_by: str = "explorer") -> int:
        """Makes an old version current again, as a new version that copies it."""
        info = self.version(version_id)
        if info is None:
            raise PublishError(f"there is no version {version_id}")
        rows = self.read_version(version_id)
        return self.publish(
            info.entity,
            rows,
            source=f"rollback to version {version_id} ({info.source})",
            report={"rollback_of": version_id},
            published_by=published_by,
            note=f"rollback to version {version_id}",
            restored_from=version_id,
        )

    # -- reading ---------------------------------------------------------------------------

    def latest_version_id(self) -> int | None:
        """The id of the newest publish of any entity; changes whenever anything is published."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(dataset_version.c.id))).scalar()

    def current_versions(self) -> dict[str, int]:
        """Maps each published entity to its current version id."""
        with self.engine.connect() as conn:
            return _current(conn)

    def read_current(self, *, lean: bool = False) -> tuple[dict[str, int], RegisterRows]:
        """Reads every table of every entity's current version in one read transaction.

        Args:
            lean: Give each row as a read-only mapping over the fetched tuple (about half the memory
                of a dict and quicker to make) rather than a dict: for readers that only look values up
                (the snapshot build reads 100,000 service rows at once).

        Returns:
            The current version id of each entity, and the rows of every table.
        """
        with self.engine.connect() as conn:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                versions = _current(conn)
                rows: RegisterRows = {}
                for entity, tables in ENTITIES.items():
                    for name in tables:
                        rows[name] = (
                            _read_table(conn, name, versions[entity], lean=lean) if entity in versions else []
                        )
        return versions, rows

    def read_version(self, version_id: int) -> RegisterRows:
        """Reads the tables of one version, whatever is current."""
        info = self.version(version_id)
        if info is None:
            raise PublishError(f"there is no version {version_id}")
        with self.engine.connect() as conn:
            return {name: _read_table(conn, name, version_id) for name in ENTITIES[info.entity]}

    def version(self, version_id: int) -> VersionInfo | None:
        """One version's history row, or None."""
        found = [v for v in self.versions() if v.id == version_id]
        return found[0] if found else None

    def versions(self, entity: str | None = None) -> list[VersionInfo]:
        """The publish history, newest first."""
        with self.engine.connect() as conn:
            current = set(_current(conn).values())
            query = select(dataset_version).order_by(dataset_version.c.id.desc())
            if entity is not None:
                query = query.where(dataset_version.c.entity == entity)
            return [
                VersionInfo(
                    id=r.id,
                    entity=r.entity,
                    source=r.source,
                    row_counts=json.loads(r.row_counts),
                    checksum=r.checksum,
                    report=json.loads(r.report),
                    published_by=r.published_by,
                    published_at=r.published_at,
                    restored_from=r.restored_from,
                    note=r.note,
                    current=r.id in current,
                )
                for r in conn.execute(query)
            ]


def checksum(rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> str:
    """A SHA-256 of the rows in a canonical form, to tell identical publishes apart.

    The same rows give the same checksum whether they come from validation (tuples, dates)
    or from the store (``;``-joined text, dates), so a rollback's checksum equals the
    checksum of the version it copies.
    """
    return _digest({name: _table_values(name, table_rows) for name, table_rows in rows.items()})


#: Rows per executemany call: large enough to be quick, small enough to bound memory.
INSERT_CHUNK = 20_000


def _columns_of(name: str) -> list[str]:
    return [c.name for c in metadata.tables[name].c if c.name != "version_id"]


def _table_values(name: str, rows: Iterable[Any]) -> list[list[Any]]:
    """Each row as a list of its values in the table's column order, tuples ``;``-joined.

    A row is a mapping of column values, or an object with the columns as attributes (a
    validated record), which saves turning 100,000 records into dicts first.
    """
    columns = _columns_of(name)
    rows = list(rows)
    if not rows:
        return []
    if isinstance(rows[0], Mapping):
        values = [[row.get(c) for c in columns] for row in rows]
    else:
        try:  # a record's field values are in its __dict__: reading them there is quickest
            get = itemgetter(*columns)
            values = [list(get(row.__dict__)) for row in rows] if len(columns) > 1 else [[get(row.__dict__)] for row in rows]
        except (AttributeError, KeyError):
            values = [[getattr(row, c, None) for c in columns] for row in rows]
    # A column added later with a default ("audience": "public") gets it when a row has no value.
    table = metadata.tables[name]
    for i, c in enumerate(columns):
        default = table.c[c].server_default
        text = getattr(getattr(default, "arg", None), "text", getattr(default, "arg", None))
        if isinstance(text, str) and any(v[i] is None for v in values):
            for v in values:
                if v[i] is None:
                    v[i] = text
    sample = values[:100]
    for i in range(len(columns)):
        if any(isinstance(v[i], (tuple, list)) for v in sample):
            for v in values:
                if isinstance(v[i], (tuple, list)):
                    v[i] = ";".join(v[i])
    return values


def _digest(prepared: Mapping[str, list[list[Any]]]) -> str:
    """SHA-256 of each table's name, columns and ``repr`` of its rows, fed a row at a time (the same
    bytes as ``repr`` of the whole list, without making a string of 100,000 rows)."""
    digest = hashlib.sha256()
    for name in sorted(prepared):
        digest.update(name.encode())
        digest.update(repr(_columns_of(name)).encode())
        digest.update(b"[")
        for i, row in enumerate(prepared[name]):
            digest.update((", " + repr(row) if i else repr(row)).encode())
        digest.update(b"]")
    return digest.hexdigest()


def _insert_values(conn: Connection, table, values: list[list[Any]], version_id: int) -> None:
    """Inserts many rows; on SQLite straight through the driver's executemany (the hot path)."""
    names = _columns_of(table.name)
    if conn.dialect.name != "sqlite":
        for start in range(0, len(values), INSERT_CHUNK):
            conn.execute(
                insert(table),
                [{"version_id": version_id, **dict(zip(names, v))} for v in values[start:start + INSERT_CHUNK]],
            )
        return
    dates = [i for i, n in enumerate(names) if isinstance(table.c[n].type, (Date, DateTime))]
    quoted = ", ".join(f'"{n}"' for n in [*names, "version_id"])
    # The version id is our own integer, so it goes into the statement itself: no per-row copy.
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))}, {int(version_id)})'
    cursor = conn.connection.driver_connection.cursor()
    try:
        for start in range(0, len(values), INSERT_CHUNK):
            batch = values[start:start + INSERT_CHUNK]
            for i in dates:  # stored as SQLAlchemy stores them: ISO text
                for row in batch:
                    value = row[i]
                    if value is not None and value.__class__ is not str:
                        row[i] = value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
            cursor.executemany(sql, batch)
    finally:
        cursor.close()


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            # The driver's own transaction handling starts a transaction only before a write,
            # so the several SELECTs of one read would each see the newest commit and could
            # mix two versions. Take control: no implicit transactions, an explicit BEGIN below.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # One snapshot per transaction: every read in it sees the same committed state.
            conn.exec_driver_sql("BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


def _entity_tables(entity: str) -> tuple[str, ...]:
    if entity not in ENTITIES:
        raise PublishError(f"unknown entity {entity!r}; expected one of {', '.join(ENTITIES)}")
    return ENTITIES[entity]



def _set_current(conn: Connection, entity: str, version_id: int) -> None:
    updated = conn.execute(
        update(current_version)
        .where(current_version.c.entity == entity)
        .values(version_id=version_id)
    )
    if updated.rowcount == 0:
        conn.execute(insert(current_version).values(entity=entity, version_id=version_id))


def _current(conn: Connection) -> dict[str, int]:
    return {r.entity: r.version_id for r in conn.execute(select(current_version))}


def _read_table(conn: Connection, name: str, version_id: int, *, lean: bool = False) -> list[Mapping[str, Any]]:
    """One table's rows of one version: dicts, or (``lean``) SQLAlchemy's read-only row mappings.

    Rows are fetched all at once (one driver call rather than one per row), which is quicker for a
    table of 100,000 rows.
    """
    table = metadata.tables[name]
    columns = [c for c in table.c if c.name != "version_id"]
    result = conn.execute(select(*columns).where(table.c.version_id == version_id))
    fetched = result.fetchall()
    if lean:
        return [r._mapping for r in fetched]
    keys = list(result.keys())
    return [dict(zip(keys, r)) for r in fetched]


__all__ = [
    "PublishError",
    "RegisterRows",
    "Store",
    "VersionInfo",
    "checksum",
    "schema",
    "sqlite_url",
]
