"""Ingest layer: reading register files, validating them and publishing them through the store."""
