"""Store layer: Alembic environment; runs migrations on the connection the store hands in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from explorer.store.schema import metadata

config = context.config


def run_migrations_online() -> None:
    """Runs migrations on ``config.attributes['connection']`` or on ``sqlalchemy.url``."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _run(conn)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run them against a database")
run_migrations_online()
