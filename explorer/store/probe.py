"""Store layer: the newest version id, read without SQLAlchemy when the store is a SQLite file.

The CLI's search asks only "has anything been published since the cached index was built?";
for the embedded SQLite store the standard library answers that in a millisecond, where
importing SQLAlchemy and Alembic would cost most of the command's time budget.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_PREFIX = "sqlite:///"


def latest_version(url: str) -> tuple[int | None, str]:
    """The newest version id and when it was published (as text), to tell one store's versions apart.

    Args:
        url: The store's SQLAlchemy URL.
    """
    if url.startswith(_PREFIX) and "?" not in url:
        path = Path(url[len(_PREFIX):])
        if not path.is_file():
            return None, ""
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT id, published_at FROM dataset_version ORDER BY id DESC LIMIT 1"
            ).fetchone()
            return (row[0], str(row[1])) if row else (None, "")
        except sqlite3.Error:
            pass
        finally:
            connection.close()
    from explorer.store.store import Store

    store = Store.open(url)
    try:
        latest = store.latest_version_id()
        info = store.version(latest) if latest is not None else None
        return latest, str(info.published_at) if info is not None else ""
    finally:
        store.dispose()


def latest_version_id(url: str) -> int | None:
    """The id of the newest publish of any entity (as :meth:`Store.latest_version_id`).

    Args:
        url: The store's SQLAlchemy URL.

    Returns:
        The id, or None when nothing has been published (or the SQLite file does not exist).
    """
    if url.startswith(_PREFIX) and "?" not in url:
        path = Path(url[len(_PREFIX):])
        if not path.is_file():
            return None
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT max(id) FROM dataset_version").fetchone()
        except sqlite3.Error:
            row = None
        finally:
            connection.close()
        if row is not None:
            return row[0]
    from explorer.store.store import Store

    store = Store.open(url)
    try:
        return store.latest_version_id()
    finally:
        store.dispose()
