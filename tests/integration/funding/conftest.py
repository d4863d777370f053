"""Fixtures for the funding integration tests: borough names and a store with service areas."""

from __future__ import annotations

import pytest

SOURCE = "https://www.london.gov.uk/example"

BOROUGHS = {
    "E09000008": "Croydon",
    "E09000010": "Enfield",
    "E09000004": "Bexley",
    "E09000021": "Kingston upon Thames",
    "E09000028": "Southwark",
    "E09000012": "Hackney",
}

TERMS = [
    {"id": "youth-violence", "name": "Youth violence and exploitation",
     "synonyms": "knife crime;gangs", "source_url": SOURCE, "description": None},
    {"id": "hate-crime", "name": "Hate crime", "synonyms": "", "source_url": SOURCE, "description": None},
]


@pytest.fixture()
def boroughs() -> dict[str, str]:
    """Borough code -> name for the boroughs the test files use."""
    return dict(BOROUGHS)


@pytest.fixture()
def terms_store(store):
    """An empty store with two service areas published (as the services entity)."""
    store.publish("services", {"taxonomy_term": TERMS}, source="test", published_by="test")
    return store
