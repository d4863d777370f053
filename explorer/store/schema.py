"""Store layer: the SQLAlchemy tables of the register and of its publish history.

Every register table carries ``version_id``: a publish writes a complete new copy of one
entity's tables under a new ``dataset_version`` row, so old versions stay readable, can be
diffed and can be made current again.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

dataset_version = Table(
    "dataset_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity", String(40), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("row_counts", Text, nullable=False),  # JSON: table -> rows
    Column("checksum", String(64), nullable=False),
    Column("report", Text, nullable=False),  # JSON validation report
    Column("published_by", String(200), nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("restored_from", Integer, nullable=True),
    Column("note", Text, nullable=True),
)

current_version = Table(
    "current_version",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("version_id", Integer, ForeignKey("dataset_version.id"), nullable=False),
)


def _versioned(name: str, *columns: Column) -> Table:
    table = Table(
        name,
        metadata,
        Column("version_id", Integer, ForeignKey("dataset_version.id"), nullable=False),
        *columns,
    )
    Index(f"ix_{name}_version", table.c.version_id)
    return table


def _source() -> tuple[Column, ...]:
    return (Column("source_url", Text, nullable=False),)


def _labelled() -> tuple[Column, ...]:
    """Whether the figures are illustrative (sample) values, then their source: every figure table ends so."""
    return (Column("illustrative", Boolean, nullable=False), *_source())


taxonomy_term = _versioned(
    "taxonomy_term",
    Column("id", String(100), nullable=False),
    Column("name", Text, nullable=False),
    Column("description", Text),
    Column("synonyms", Text),
    *_source(),
)

organization = _versioned(
    "organization",
    Column("id", String(100), nullable=False),
    Column("name", Text, nullable=False),
    Column("description", Text),
    Column("website", Text),
    Column("charity_number", String(40)),
    Column("company_number", String(40)),
    *_source(),
)

commissioner = _versioned(
    "commissioner",
    Column("code", String(40), nullable=False),
    Column("name", Text, nullable=False),
    Column("organization_id", String(100)),
    Column("website", Text),
    *_source(),
)
"""Who commissions and funds services (migration 0005): MOPAC, the VRU, the GLA, the Home Office ..."""

service = _versioned(
    "service",
    Column("id", String(100), nullable=False),
    Column("name", Text, nullable=False),
    Column("description", Text),
    Column("status", String(20), nullable=False),
    Column("commissioner", String(40), nullable=False),
    Column("funder_of_record", String(40)),  # migration 0005
    Column("variation_of", String(100)),  # migration 0005
    Column("programme", Text, nullable=False),
    Column("funding_stream", String(60)),
    Column("organization_id", String(100), nullable=False),
    Column("url", Text),
    Column("email", Text),
    Column("phone", String(60)),
    Column("minimum_age", Integer),
    Column("maximum_age", Integer),
    Column("eligibility", Text),
    Column("access", String(40), nullable=False),
    Column("confidential_location", Boolean, nullable=False),
    Column("contract_value_gbp", Float),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("last_verified", Date),
    Column("illustrative", Boolean, nullable=False),
    Column("audience", String(40), nullable=False, server_default="public"),  # migration 0007
    *_source(),
)

service_area = _versioned(
    "service_area",
    Column("service_id", String(100), nullable=False),
    Column("borough_code", String(9), nullable=False),
    Column("from_date", Date),  # migration 0005: coverage over time
    Column("to_date", Date),
    Column("source_url", Text),  # blank: inherits the service's source
)

service_taxonomy = _versioned(
    "service_taxonomy",
    Column("service_id", String(100), nullable=False),
    Column("term_id", String(100), nullable=False),
    Column("source_url", Text),  # migration 0005; blank: inherits the service's source
)

location = _versioned(
    "location",
    Column("id", String(100), nullable=False),
    Column("name", Text, nullable=False),
    Column("address", Text),
    Column("postcode", String(10), nullable=False),
    Column("latitude", Float),
    Column("longitude", Float),
    *_source(),
)

service_at_location = _versioned(
    "service_at_location",
    Column("service_id", String(100), nullable=False),
    Column("location_id", String(100), nullable=False),
    Column("source_url", Text),  # migration 0005; blank: inherits the service's source
)

measure = _versioned(
    "measure",
    Column("id", String(100), nullable=False),
    Column("service_id", String(100), nullable=False),
    Column("name", Text, nullable=False),
    Column("unit", String(40)),
    Column("direction", String(10), nullable=False),
    Column("target", Float),
    Column("green_at", Float),
    Column("amber_at", Float),
    *_labelled(),
)

measure_value = _versioned(
    "measure_value",
    Column("measure_id", String(100), nullable=False),
    Column("period", String(7), nullable=False),
    Column("actual", Float),
    Column("narrative", Text),
    *_labelled(),
)

spend = _versioned(
    "spend",
    Column("service_id", String(100), nullable=False),
    Column("period", String(7), nullable=False),
    Column("budget_gbp", Float),
    Column("actual_gbp", Float),
    *_labelled(),
)

reach = _versioned(
    "reach",
    Column("service_id", String(100), nullable=False),
    Column("borough_code", String(9), nullable=False),
    Column("period", String(7), nullable=False),
    Column("people", Integer, nullable=False),
    *_labelled(),
)

funding_opportunity = _versioned(
    "funding_opportunity",
    Column("id", String(100), nullable=False),
    Column("funder", Text, nullable=False),
    Column("programme", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text),
    Column("applicant_types", Text),
    Column("min_award_gbp", Float),
    Column("max_award_gbp", Float),
    Column("total_pot_gbp", Float),
    Column("opens", Date),
    Column("closes", Date),
    Column("boroughs", Text),
    Column("service_areas", Text),
    Column("url", Text),
    Column("last_verified", Date),
    Column("illustrative", Boolean, nullable=False),
    Column("awarded_note", Text),
    *_source(),
)

lcpf_allocation = _versioned(
    "lcpf_allocation",
    Column("borough_code", String(9), nullable=False),
    Column("financial_year", String(7), nullable=False),
    Column("amount_gbp", Float, nullable=False),
    Column("note", Text),
    *_source(),
)

lcpf_total = _versioned(
    "lcpf_total",
    Column("financial_year", String(40), nullable=False),
    Column("measure", String(60), nullable=False),
    Column("amount_gbp", Float, nullable=False),
    Column("note", Text),
    *_source(),
)

crime = _versioned(
    "crime",
    Column("borough_code", String(9), nullable=False),
    Column("financial_year", String(7), nullable=False),
    Column("category", String(80), nullable=False),
    Column("count", Integer, nullable=False),
    *_source(),
)

published_outcome = _versioned(
    "published_outcome",
    Column("programme", Text, nullable=False),
    Column("commissioner", Text),
    Column("invested_gbp", Float),
    Column("people", Integer),
    Column("people_basis", Text),
    Column("period", Text),
    Column("finding", Text),
    Column("source_date", Text),
    *_source(),
)

contract = _versioned(
    "contract",
    Column("ocid", String(120), nullable=False),
    Column("title", Text),
    Column("buyer_name", Text, nullable=False),
    Column("buyer_id", Text),
    Column("supplier_name", Text),
    Column("supplier_id", Text),
    Column("supplier_scheme", Text),
    Column("value_gbp", Float),
    Column("value_basis", String(20)),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("status", String(40)),
    Column("release_date", Date),
    Column("parent_ocid", String(120)),
    Column("service_id", String(100)),
    Column("match", Text),
    *_source(),
)

evaluation = _versioned(
    "evaluation",
    Column("id", String(100), nullable=False),
    Column("programme", Text, nullable=False),
    Column("service_ids", Text, nullable=False),  # ;-joined service ids
    Column("commissioner", Text),
    Column("evaluator", Text),
    Column("commissioned_by", Text),
    Column("published", String(10)),  # as precise as the source: 2021, 2021-07 or 2021-07-15
    Column("due", String(10)),
    Column("design", Text),
    Column("design_level", String(40)),
    Column("outcome_measure", Text),
    Column("finding_summary", Text, nullable=False),
    Column("effect_figure", Text),
    Column("cost_per_participant_gbp", Float),
    Column("cost_note", Text),
    Column("participants", Text),
    Column("status", String(20), nullable=False),
    Column("source_url", Text, nullable=False),  # ;-joined web addresses
)
"""Published and planned evaluations of programmes (migration 0006), each linked to the services it covers."""

#: The units that are published together, and the tables each one owns.
ENTITIES: dict[str, tuple[str, ...]] = {
    "services": (
        "taxonomy_term",
        "commissioner",
        "organization",
        "service",
        "service_area",
        "service_taxonomy",
        "location",
        "service_at_location",
    ),
    "measures": ("measure", "measure_value"),
    "spend": ("spend",),
    "reach": ("reach",),
    "opportunities": ("funding_opportunity",),
    "lcpf": ("lcpf_allocation", "lcpf_total"),
    "crime": ("crime",),
    "outcomes": ("published_outcome",),
    "contracts": ("contract",),
    "evaluations": ("evaluation",),
}

# -- keeping the register up to date (migration 0002) -----------------------------------------

sync_source = Table(
    "sync_source",
    metadata,
    Column("url", Text, primary_key=True),
    Column("entity", String(40), nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", DateTime(timezone=True), nullable=False),
    Column("outcome", String(20), nullable=False),  # published / unchanged / rejected / failed
    Column("version_id", Integer, nullable=True),
    Column("message", Text),
)
"""The HTTP validators (ETag, Last-Modified) of each synced URL, so an unchanged file does nothing."""

suggestion = Table(
    "suggestion",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("service_id", String(100), nullable=False, index=True),
    Column("message", Text, nullable=False),
    Column("contact", Text),
    Column("client_key", String(64), nullable=False),  # a keyed hash of the address, never the address
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("status", String(20), nullable=False, default="new"),
)
Index("ix_suggestion_client_time", suggestion.c.client_key, suggestion.c.created_at)
"""Suggested corrections from the public ("report a change"): read by the commissioning team,
never applied to the register by themselves."""

rate_limit = Table(
    "rate_limit",
    metadata,
    Column("client_key", String(64), primary_key=True),  # the same keyed hash as the suggestion's
    Column("window_start", DateTime(timezone=True), nullable=False),
    Column("count", Integer, nullable=False),
)
"""One row per sender: when their current window began and how many they sent in it. Counted
by one upsert statement, so concurrent requests from one address can never pass the limit."""
