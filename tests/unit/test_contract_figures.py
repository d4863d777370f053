"""Issue 16: a matched notice's value and period stand in where the register has none (never over a sample)."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.domain.records import Contract
from explorer.services.contracts import contract_line, with_published_figures
from explorer.services.snapshot import ServiceEntry

NOTICE = "https://www.find-tender.service.gov.uk/Notice/000001-2026"


def service(**changes) -> ServiceEntry:
    fields = dict(
        id="svc-a", name="A", description=None, status="active", commissioners=("MOPAC",), programme="P",
        funding_stream=None, provider_id="org-a", provider_name="Org A", url=None, email=None, phone=None,
        minimum_age=None, maximum_age=None, eligibility=None, access="both", confidential_location=False,
        contract_value_gbp=None, start_date=None, end_date=None, last_verified=None, illustrative=False,
        source_url=NOTICE, borough_codes=(), term_ids=(), points=(),
    )
    return ServiceEntry(**{**fields, **changes})


def contract(ocid="ocds-1", **changes) -> Contract:
    return Contract(**{"ocid": ocid, "buyer_name": "MOPAC", "source_url": NOTICE, "service_id": "svc-a", **changes})


TENDER = contract(value_gbp=1_000_000, value_basis="tender", start_date=dt.date(2025, 5, 1), end_date=dt.date(2027, 3, 31))
VARIATION = contract("ocds-2", value_gbp=50_000, value_basis="award", parent_ocid="ocds-1")


@pytest.mark.parametrize(
    ("entry", "contracts", "expected"),
    [
        (service(), [TENDER], (1_000_000, dt.date(2025, 5, 1), dt.date(2027, 3, 31))),
        (service(contract_value_gbp=900.0), [TENDER], (900.0, dt.date(2025, 5, 1), dt.date(2027, 3, 31))),
        (service(end_date=dt.date(2026, 1, 1)), [TENDER], (1_000_000, None, dt.date(2026, 1, 1))),
        (service(illustrative=True), [TENDER], (None, None, None)),  # never a published figure under a sample label
        (service(), [VARIATION, TENDER], (1_000_000, dt.date(2025, 5, 1), dt.date(2027, 3, 31))),  # not the variation
        (service(), [contract(title="No figures")], (None, None, None)),
        (service(), [], (None, None, None)),
    ],
)
def test_a_notice_fills_only_what_the_register_lacks(entry, contracts, expected):
    filled = with_published_figures(entry, contracts)
    assert (filled.contract_value_gbp, filled.start_date, filled.end_date) == expected


def test_a_contract_in_one_line_says_what_its_value_is():
    assert contract_line(TENDER.model_copy(update={"title": "Support"})) == (
        "Support, £1,000,000 (estimated value in the tender notice), 1 May 2025 to 31 Mar 2027")
    assert contract_line(contract(title="Bare")) == "Bare, no value or period in the notice's published fields"
