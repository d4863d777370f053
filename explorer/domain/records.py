"""Domain layer: the register's record types (Open Referral UK core, extended for commissioning).

Each model validates one row on its own (types, enumerations, ranges, URL shape). Rules that
need other rows or reference data (duplicate ids, foreign keys, borough codes, London
postcodes) live in :mod:`explorer.ingest.validate`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

BOROUGH_CODE = re.compile(r"^E090000(0[1-9]|[12][0-9]|3[0-3])$")
PERIOD = re.compile(r"^(20\d\d)-Q([1-4])$")
FINANCIAL_YEAR = re.compile(r"^(20\d\d)-(\d\d)$")

#: The commissioners every register knows; a register may name others in its ``commissioners`` table.
COMMISSIONERS = ("MOPAC", "VRU", "GLA", "Home Office", "MoJ", "NHS England")
ACCESS = ("self-referral", "professional-referral", "both")
FUNDING_STREAMS = (
    "LCPF",
    "VRU core",
    "Victims grant",
    "VAWG fund",
    "Home Office",
    "Young Londoners Fund",
    "Other",
)


def _blank_to_none(value: object) -> object:
    if value.__class__ is str:  # the common case first: this runs for every cell of an import
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _to_bool(value: object) -> object:
    value = _blank_to_none(value)
    if value is None:
        return False
    if isinstance(value, str):
        lowered = value.lower()
        if lowered in {"true", "yes", "1", "y"}:
            return True
        if lowered in {"false", "no", "0", "n"}:
            return False
        raise ValueError("must be true or false")
    return value


def _to_list(value: object) -> object:
    value = _blank_to_none(value)
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(";") if part.strip())
    return tuple(value)


def _to_number(value: object) -> object:
    value = _blank_to_none(value)
    if isinstance(value, str):
        cleaned = value.replace(",", "").replace("£", "").strip()
        try:
            return float(cleaned)
        except ValueError as exc:
            raise ValueError("must be a number") from exc
    return value


Text = Annotated[str, BeforeValidator(_blank_to_none)]
OptText = Annotated[str | None, BeforeValidator(_blank_to_none)]
Flag = Annotated[bool, BeforeValidator(_to_bool)]
Names = Annotated[tuple[str, ...], BeforeValidator(_to_list)]
Money = Annotated[Annotated[float, Field(ge=0)] | None, BeforeValidator(_to_number)]
Number = Annotated[float | None, BeforeValidator(_to_number)]
OptDate = Annotated[dt.date | None, BeforeValidator(_blank_to_none)]
OptAge = Annotated[Annotated[int, Field(ge=0, le=120)] | None, BeforeValidator(_blank_to_none)]


_WEB_ADDRESS = re.compile(r"(?i:https?)://[^/?#\s\x00-\x1f\x7f]+[^\s\x00-\x1f\x7f]*")


@lru_cache(maxsize=8192)  # a register repeats a few source URLs on every row
def check_url(value: str | None) -> str | None:
    """Accepts an absolute http(s) URL with a host; rejects anything else.

    (A regular expression rather than ``urlparse``: this runs for every URL of an import of
    100,000 rows, and says the same: an http or https scheme, a host, no spaces.)
    """
    if value is None:
        return None
    if not _WEB_ADDRESS.fullmatch(value):
        raise ValueError("must be a web address starting http:// or https://")
    return value


def check_borough_code(value: str) -> str:
    """Accepts an ONS London borough code E09000001 to E09000033."""
    if not BOROUGH_CODE.match(value):
        raise ValueError("must be a London borough code, E09000001 to E09000033")
    return value


def check_financial_year(value: str) -> str:
    """Accepts a financial year written ``2024-25`` (consecutive years)."""
    match = FINANCIAL_YEAR.match(value)
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValueError("must be a financial year like 2024-25")
    return value


def check_period(value: str) -> str:
    """Accepts a calendar quarter written ``2025-Q3``."""
    if not PERIOD.match(value):
        raise ValueError("must be a calendar quarter like 2025-Q3")
    return value


#: Validated text fields, declared once and used by every record that has one.
Url = Annotated[Text, AfterValidator(check_url)]
OptUrl = Annotated[OptText, AfterValidator(check_url)]
BoroughCode = Annotated[Text, AfterValidator(check_borough_code)]
BoroughCodes = Annotated[Names, AfterValidator(lambda codes: tuple(check_borough_code(c) for c in codes))]
Period = Annotated[Text, AfterValidator(check_period)]
FinancialYear = Annotated[Text, AfterValidator(check_financial_year)]


class Record(BaseModel):
    """Base for every register record: strict about unknown shapes, frozen once read."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)


class Sourced(Record):
    """A record that names the published source it rests on."""

    source_url: Url


class TaxonomyTerm(Sourced):
    """A service area people search by, with its synonyms."""

    id: Text
    name: Text
    description: OptText = None
    synonyms: Names = ()


class Organization(Sourced):
    """A provider of commissioned services."""

    id: Text
    name: Text
    description: OptText = None
    website: OptUrl = None
    charity_number: OptText = None
    company_number: OptText = None


class Commissioner(Sourced):
    """A body that commissions or funds services (MOPAC, the VRU, the GLA, the Home Office, the NHS ...).

    ``code`` is what a service's ``commissioner`` and ``funder_of_record`` columns name;
    ``organization_id`` is the body's own row in ``organizations.csv``, when it also appears as
    a provider (so a grant from a body to itself can be recognised and left out of 360Giving).
    """

    code: Text
    name: Text
    organization_id: OptText = None
    website: OptUrl = None


class Service(Sourced):
    """A commissioned service.

    ``commissioner`` names who commissions it (codes from the ``commissioners`` table);
    ``funder_of_record`` the body whose money it is, when that differs (the Home Office for
    Safer Streets grants MOPAC passes on). ``variation_of`` names the service whose contract
    this one varies: its value is part of that contract's and is never added to it again.
    """

    id: Text
    name: Text
    description: OptText = None
    status: Literal["active", "inactive"] = "active"
    commissioner: Names
    funder_of_record: OptText = None
    variation_of: OptText = None
    programme: Text
    funding_stream: OptText = None
    organization_id: Text
    url: OptUrl = None
    email: OptText = None
    phone: OptText = None
    minimum_age: OptAge = None
    maximum_age: OptAge = None
    eligibility: OptText = None
    access: Literal["self-referral", "professional-referral", "both"] = "both"
    confidential_location: Flag = False
    contract_value_gbp: Money = None
    start_date: OptDate = None
    end_date: OptDate = None
    last_verified: OptDate = None
    illustrative: Flag = False
    #: Who the service is for: public, victims-survivors, people-who-harm, children-young-people,
    #: parents-families or professionals (see :data:`explorer.domain.thesaurus.AUDIENCES`).
    audience: Literal[
        "public", "victims-survivors", "people-who-harm", "children-young-people", "parents-families", "professionals"
    ] = "public"

    @field_validator("email")
    @classmethod
    def _email_shape(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}", value):
            raise ValueError("must be an email address like name@example.org")
        return value

    @field_validator("commissioner")
    @classmethod
    def _known_commissioner(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value or any(not v for v in value):
            raise ValueError("must name at least one commissioner, like MOPAC or MOPAC;VRU")
        return value

    @field_validator("funding_stream")
    @classmethod
    def _known_stream(cls, value: str | None) -> str | None:
        if value is not None and value not in FUNDING_STREAMS:
            raise ValueError("must be one of " + ", ".join(FUNDING_STREAMS))
        return value

    @model_validator(mode="after")
    def _ranges(self) -> "Service":
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date: must not be before start_date")
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.maximum_age < self.minimum_age
        ):
            raise ValueError("maximum_age: must not be below minimum_age")
        if self.variation_of is not None and self.variation_of == self.id:
            raise ValueError("variation_of: must name another service, not this one")
        return self


class Inherited(Record):
    """A link row (service x borough, place or term) that may name its own source.

    A blank ``source_url`` means the row inherits the source of its service (``services.csv``),
    which is what the README states for these files.
    """

    source_url: OptUrl = None


class ServiceArea(Inherited):
    """A borough a service covers, from ``from_date`` to ``to_date`` (blank: open-ended)."""

    service_id: Text
    borough_code: BoroughCode
    from_date: OptDate = None
    to_date: OptDate = None

    @model_validator(mode="after")
    def _dates(self) -> "ServiceArea":
        if self.from_date and self.to_date and self.to_date < self.from_date:
            raise ValueError("to_date: must not be before from_date")
        return self


class ServiceTaxonomy(Inherited):
    """A service area (taxonomy term) a service belongs to."""

    service_id: Text
    term_id: Text


class Location(Sourced):
    """A public delivery point; coordinates come from the postcode at ingest."""

    id: Text
    name: Text
    address: OptText = None
    postcode: Text
    latitude: Number = None
    longitude: Number = None


class ServiceAtLocation(Inherited):
    """A service delivered at a location."""

    service_id: Text
    location_id: Text


class Measure(Sourced):
    """A performance measure of a service, with its target and RAG thresholds."""

    id: Text
    service_id: Text
    name: Text
    unit: OptText = None
    direction: Literal["higher", "lower"]
    target: Number = None
    green_at: Number = None
    amber_at: Number = None
    illustrative: Flag = False


class MeasureValue(Sourced):
    """The actual figure of a measure for one quarter."""

    measure_id: Text
    period: Period
    actual: Number = None
    narrative: OptText = None
    illustrative: Flag = False


class Spend(Sourced):
    """Budget and actual spend of a service in one quarter."""

    service_id: Text
    period: Period
    budget_gbp: Money = None
    actual_gbp: Money = None
    illustrative: Flag = False


class Reach(Sourced):
    """People helped by a service in one borough in one quarter."""

    service_id: Text
    borough_code: BoroughCode
    period: Period
    people: Annotated[int, BeforeValidator(_blank_to_none), Field(ge=0)]
    illustrative: Flag = False


class FundingOpportunity(Sourced):
    """A funding opportunity; its status is derived from today's date, never stored."""

    id: Text
    funder: Text
    programme: Text
    title: Text
    description: OptText = None
    applicant_types: Names = ()
    min_award_gbp: Money = None
    max_award_gbp: Money = None
    total_pot_gbp: Money = None
    opens: OptDate = None
    closes: OptDate = None
    boroughs: BoroughCodes = ()
    service_areas: Names = ()
    url: OptUrl = None
    last_verified: OptDate = None
    illustrative: Flag = False
    awarded_note: OptText = None

    @model_validator(mode="after")
    def _ranges(self) -> "FundingOpportunity":
        if self.opens and self.closes and self.closes < self.opens:
            raise ValueError("closes: must not be before opens")
        if (
            self.min_award_gbp is not None
            and self.max_award_gbp is not None
            and self.max_award_gbp < self.min_award_gbp
        ):
            raise ValueError("max_award_gbp: must not be below min_award_gbp")
        return self


class LcpfAllocation(Sourced):
    """A published London Crime Prevention Fund allocation to one borough for one year."""

    borough_code: BoroughCode
    financial_year: FinancialYear
    amount_gbp: Money
    note: OptText = None


class LcpfTotal(Sourced):
    """A published London-level LCPF total for a period."""

    financial_year: Text
    measure: Text
    amount_gbp: Money
    note: OptText = None


class ProgrammeOutcome(Sourced):
    """A figure a programme has published about its money, reach or results, with its source.

    ``people_basis`` says what ``people`` counts and whether it is planned or achieved; a cost
    per person is derived from these figures on screen, never stored.
    """

    programme: Text
    commissioner: OptText = None
    invested_gbp: Money = None
    people: Annotated[Annotated[int, Field(ge=0)] | None, BeforeValidator(_blank_to_none)] = None
    people_basis: OptText = None
    period: OptText = None
    finding: OptText = None
    source_date: OptText = None  # as published: a day (2019-10-01) or a month (2021-07)


class Contract(Sourced):
    """A public contract notice (OCDS) whose buyer is MOPAC or the GLA, as published.

    ``source_url`` is the notice itself. ``value_basis`` says which published figure ``value_gbp``
    is: ``contract`` (a signed contract's value), ``award`` or ``tender`` (the value the notice
    estimated). A variation names its parent contract in ``parent_ocid`` and is never counted in
    a total beside it. ``service_id`` is the register service the contract funds, when matched
    (by the supplier's identifier, or by name and confirmed by a person).
    """

    ocid: Text
    title: OptText = None
    buyer_name: Text
    buyer_id: OptText = None
    supplier_name: OptText = None
    supplier_id: OptText = None
    supplier_scheme: OptText = None
    value_gbp: Money = None
    value_basis: OptText = None
    start_date: OptDate = None
    end_date: OptDate = None
    status: OptText = None
    release_date: OptDate = None
    parent_ocid: OptText = None
    service_id: OptText = None
    match: OptText = None

    @model_validator(mode="after")
    def _period_in_order(self) -> "Contract":
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date must not be before start_date")
        return self


class Crime(Sourced):
    """Recorded crime in one borough, one financial year, one major category."""

    borough_code: BoroughCode
    financial_year: FinancialYear
    category: Text
    count: Annotated[int, BeforeValidator(_blank_to_none), Field(ge=0)]
