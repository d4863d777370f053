"""Small hand-made snapshots for the performance tests (no store, no geography files)."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.domain.records import Measure, MeasureValue, Reach, Spend
from explorer.services.snapshot import ServiceEntry, Snapshot

SRC = "https://www.london.gov.uk/example"


class _Borough:
    def __init__(self, code, name):
        self.code, self.name = code, name


BOROUGHS = (
    _Borough("E09000012", "Hackney"),
    _Borough("E09000022", "Lambeth"),
    _Borough("E09000028", "Southwark"),
)


def entry(service_id: str, **overrides) -> ServiceEntry:
    """A service with plain defaults; any field can be overridden."""
    fields = dict(
        id=service_id, name=service_id.replace("-", " ").title(), description=None, status="active",
        commissioners=("VRU",), programme="Programme A", funding_stream="VRU core",
        provider_id="org-1", provider_name="Provider One", url=None, email=None, phone=None,
        minimum_age=None, maximum_age=None, eligibility=None, access="both",
        confidential_location=False, contract_value_gbp=100_000.0,
        start_date=dt.date(2025, 4, 1), end_date=dt.date(2027, 3, 31), last_verified=None,
        illustrative=False, source_url=SRC, borough_codes=("E09000012",), term_ids=("youth-violence",),
        points=(),
    )
    fields.update(overrides)
    return ServiceEntry(**fields)


def measure(measure_id, service_id, direction="higher", target=100.0, **kw):
    return Measure.model_construct(
        id=measure_id, service_id=service_id, name=kw.pop("name", measure_id), unit=kw.pop("unit", "people"),
        direction=direction, target=target, green_at=kw.pop("green_at", None), amber_at=kw.pop("amber_at", None),
        illustrative=kw.pop("illustrative", False), source_url=SRC,
    )


def value(measure_id, period, actual, narrative=None, illustrative=False):
    return MeasureValue.model_construct(
        measure_id=measure_id, period=period, actual=actual, narrative=narrative,
        illustrative=illustrative, source_url=SRC,
    )


def spend(service_id, period, budget, actual, illustrative=False):
    return Spend.model_construct(
        service_id=service_id, period=period, budget_gbp=budget, actual_gbp=actual,
        illustrative=illustrative, source_url=SRC,
    )


def reach(service_id, borough, period, people, illustrative=False):
    return Reach.model_construct(
        service_id=service_id, borough_code=borough, period=period, people=people,
        illustrative=illustrative, source_url=SRC,
    )


def make_snapshot(services=(), measures=(), values=(), spends=(), reaches=(), versions=None) -> Snapshot:
    return Snapshot(
        version_key=7, versions=versions or {"services": 3, "measures": 5}, boroughs=BOROUGHS,
        boundaries_geojson={"type": "FeatureCollection", "features": []}, boundaries_approximate=False,
        boundaries_source="test", services=tuple(services), terms=(), opportunities=(),
        measures=tuple(measures), measure_values=tuple(values), spend=tuple(spends), reach=tuple(reaches),
        lcpf_allocations=(), lcpf_totals=(), on_sample=True,
    )


@pytest.fixture()
def portfolio_snapshot() -> Snapshot:
    """Four services: one red, one green with a gap, one without measures, one ending soon."""
    return make_snapshot(
        services=[
            entry("svc-red", programme="DIVERT", commissioners=("VRU",)),
            entry("svc-green", programme="MyEnds", commissioners=("MOPAC", "VRU"),
                  borough_codes=("E09000022",), illustrative=True),
            entry("svc-none", programme="MyEnds", commissioners=("MOPAC",), end_date=dt.date(2026, 1, 31)),
            entry("svc-ended", programme="DIVERT", end_date=dt.date(2025, 6, 30), status="inactive"),
        ],
        measures=[
            measure("m-red", "svc-red", target=100),
            measure("m-green-1", "svc-green", direction="lower", target=10, illustrative=True),
            measure("m-green-2", "svc-green", target=50),
        ],
        values=[
            value("m-red", "2025-Q2", 95),
            value("m-red", "2025-Q3", 80, narrative="Staff vacancies."),
            value("m-green-1", "2025-Q2", 12, illustrative=True),
            value("m-green-1", "2025-Q3", 9, illustrative=True),
            value("m-green-2", "2025-Q2", 60),
            value("m-red", "2026-Q1", 200),  # a future quarter: not the latest period
        ],
        spends=[
            spend("svc-red", "2025-Q2", 25_000, 24_000),
            spend("svc-red", "2025-Q3", 25_000, None),
            spend("svc-green", "2025-Q3", 10_000, 12_000, illustrative=True),
        ],
        reaches=[
            reach("svc-red", "E09000012", "2025-Q2", 40),
            reach("svc-red", "E09000028", "2025-Q2", 20),
            reach("svc-red", "E09000012", "2025-Q3", 30),
            reach("svc-green", "E09000022", "2025-Q3", 100, illustrative=True),
        ],
    )
