"""Store layer: the system of record (schema, migrations, versioned publish, history, rollback)."""
