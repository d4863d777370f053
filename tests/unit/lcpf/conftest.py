"""Fixtures for the LCPF unit tests: a small snapshot of four boroughs built in memory."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest

from explorer.domain.geography import Borough
from explorer.domain.records import Crime, LcpfAllocation, LcpfTotal
from explorer.services.snapshot import Snapshot

SRC = "https://example.org/source"
CRIME_SRC = "https://data.london.gov.uk/dataset/recorded_crime_summary"


def borough(code, name, side, population):
    return Borough(code=code, name=name, inner_outer=side, population=population, hectares=1.0, source_url=SRC)


def crime(code, year, category, count):
    return Crime(borough_code=code, financial_year=year, category=category, count=count, source_url=CRIME_SRC)


BOROUGHS = (
    borough("E09000001", "City of London", "Inner", 8_500),
    borough("E09000003", "Barnet", "Outer", 400_000),
    borough("E09000027", "Richmond upon Thames", "Outer", 200_000),
    borough("E09000033", "Westminster", "Inner", 200_000),
)
CRIME = tuple(
    crime(code, "2024-25", category, count)
    for code, counts in {
        "E09000003": (30_000, 8_000),
        "E09000027": (10_000, 2_000),
        "E09000033": (60_000, 10_000),
    }.items()
    for category, count in zip(("all crime", "violence against the person"), counts)
) + (crime("E09000003", "2023-24", "all crime", 29_000),)


def snapshot(*, allocations=(), totals=(), crime_rows=CRIME) -> Snapshot:
    return Snapshot(
        version_key=1, versions={}, boroughs=BOROUGHS, boundaries_geojson={"type": "FeatureCollection", "features": []},
        boundaries_approximate=True, boundaries_source="test", services=(), terms=(), opportunities=(), measures=(),
        measure_values=(), spend=(), reach=(), lcpf_allocations=tuple(allocations), lcpf_totals=tuple(totals),
        on_sample=True, crime=tuple(crime_rows),
    )


RICHMOND_2024 = LcpfAllocation(borough_code="E09000027", financial_year="2024-25", amount_gbp=100_000, source_url=SRC)
TOTAL = LcpfTotal(financial_year="2022-23 to 2024-25", measure="direct_borough_funding_total", amount_gbp=3_000_000,
                  source_url=SRC)


@pytest.fixture()
def small():
    """``snapshot(...)`` builds a four-borough snapshot (the City, Barnet, Richmond, Westminster);
    ``richmond`` is a published 2024-25 allocation; ``total`` a £3m three-year direct borough total;
    ``borough(...)`` makes a borough; ``replace`` is :func:`dataclasses.replace`."""
    return SimpleNamespace(snapshot=snapshot, richmond=RICHMOND_2024, total=TOTAL, borough=borough,
                           crime=CRIME, replace=dataclasses.replace)
