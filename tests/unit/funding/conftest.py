"""Fixtures for the funding unit tests: a small snapshot built in memory, and a fixed day."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from explorer.domain.geography import Borough
from explorer.domain.records import FundingOpportunity, TaxonomyTerm
from explorer.services.snapshot import ServiceEntry, Snapshot

#: A Monday; the clocks go forward on Sunday 29 Mar 2026.
TODAY = dt.date(2026, 3, 2)
SOURCE = "https://www.london.gov.uk/example"

BOROUGHS = {
    "E09000008": "Croydon",
    "E09000010": "Enfield",
    "E09000004": "Bexley",
    "E09000021": "Kingston upon Thames",
    "E09000028": "Southwark",
}


def make_opportunity(id: str, **fields) -> FundingOpportunity:
    """A validated opportunity with sensible defaults."""
    base = dict(
        id=id,
        funder="MOPAC",
        programme="London Crime Prevention Fund",
        title=f"Opportunity {id}",
        description="",
        source_url=SOURCE,
    )
    base.update(fields)
    return FundingOpportunity.model_validate(base)


def make_service(id: str, **fields) -> ServiceEntry:
    """A service entry with sensible defaults."""
    base = dict(
        id=id, name=f"Service {id}", description=None, status="active", commissioners=("MOPAC",),
        programme="London Crime Prevention Fund", funding_stream="LCPF", provider_id="org",
        provider_name="Provider", url=None, email=None, phone=None, minimum_age=None,
        maximum_age=None, eligibility=None, access="both", confidential_location=False,
        contract_value_gbp=None, start_date=None, end_date=None, last_verified=None,
        illustrative=False, source_url=SOURCE, borough_codes=("E09000010",),
        term_ids=("youth-violence",), points=(),
    )
    base.update(fields)
    return ServiceEntry(**base)


def make_snapshot(opportunities=(), services=()) -> Snapshot:
    """A snapshot holding only what the funding screens read."""
    return Snapshot(
        version_key=1,
        versions={},
        boroughs=tuple(
            Borough(code, name, "Outer", 100_000, 1000.0, SOURCE) for code, name in BOROUGHS.items()
        ),
        boundaries_geojson={"type": "FeatureCollection", "features": []},
        boundaries_approximate=True,
        boundaries_source="test",
        services=tuple(services),
        terms=(
            TaxonomyTerm(id="youth-violence", name="Youth violence and exploitation",
                         synonyms=("knife crime", "gangs", "serious violence"), source_url=SOURCE),
            TaxonomyTerm(id="hate-crime", name="Hate crime", synonyms=("racism",), source_url=SOURCE),
            TaxonomyTerm(id="vawg", name="Violence against women and girls",
                         synonyms=("domestic abuse",), source_url=SOURCE),
        ),
        opportunities=tuple(opportunities),
        measures=(), measure_values=(), spend=(), reach=(), lcpf_allocations=(), lcpf_totals=(),
        on_sample=True,
    )


@pytest.fixture()
def today() -> dt.date:
    """The fixed day the tests run on, whatever the real date."""
    return TODAY


class FakeProvider:
    """Stands in for :class:`SnapshotProvider`: one snapshot, derived values built on demand."""

    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot
        by_code = {b.code: b for b in snapshot.boroughs}
        self.geography = SimpleNamespace(
            places=(),
            borough_by_code=by_code.get,
            postcodes=SimpleNamespace(lookup=_no_postcode),
        )
        self._derived: dict = {}

    def current(self) -> Snapshot:
        return self.snapshot

    def derived(self, name, factory):
        if name not in self._derived:
            self._derived[name] = factory(self.snapshot)
        return self._derived[name]


def _no_postcode(text):
    raise ValueError(text)


@pytest.fixture()
def make():
    """The builders above, for tests: ``make.opportunity``, ``.service``, ``.snapshot``, ``.provider``."""
    return SimpleNamespace(
        opportunity=make_opportunity, service=make_service, snapshot=make_snapshot, provider=FakeProvider
    )
