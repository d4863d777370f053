"""Services layer: the immutable read model of one published version, and who hands it out.

A :class:`Snapshot` is built once per published version from the store's rows and the
reference geography; every screen reads it and nothing else. :class:`SnapshotProvider`
keeps the current snapshot and rebuilds it when the store's newest version changes, so a
running app shows a new publish without a restart.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Mapping

from explorer.domain.geography import Borough
from explorer.domain.versions import OpportunityChange, VersionInfo, opportunity_changes
from explorer.prefork import MasterReload, refreeze
from explorer.services.excerpt import EXCERPT_SERVICES, ExcerptProvider  # noqa: F401 (imported from here)

if TYPE_CHECKING:  # the store (SQLAlchemy) and the record models (pydantic) are needed only to build one
    from explorer.domain.evidence import Evaluation
    from explorer.domain.records import (
        Commissioner,
        Contract,
        Crime,
        ProgrammeOutcome,
        FundingOpportunity,
        LcpfAllocation,
        LcpfTotal,
        Measure,
        MeasureValue,
        Organization,
        Reach,
        Spend,
        TaxonomyTerm,
    )
    from explorer.store.store import RegisterRows, Store

PAN_LONDON_BOROUGHS = 33


@dataclass(frozen=True, slots=True)
class DeliveryPoint:
    """A public place where a service is delivered."""

    location_id: str
    name: str
    address: str | None
    postcode: str
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class Coverage:
    """A borough a service covers, from ``start`` to ``end`` (None: not bounded that side)."""

    borough_code: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ServiceEntry:
    """Everything a screen shows about one service.

    Slotted (no per-object ``__dict__``): a snapshot holds one per service, 100,000 at scale.
    """

    id: str
    name: str
    description: str | None
    status: str
    commissioners: tuple[str, ...]
    programme: str
    funding_stream: str | None
    provider_id: str
    provider_name: str
    url: str | None
    email: str | None
    phone: str | None
    minimum_age: int | None
    maximum_age: int | None
    eligibility: str | None
    access: str
    confidential_location: bool
    contract_value_gbp: float | None
    start_date: dt.date | None
    end_date: dt.date | None
    last_verified: dt.date | None
    illustrative: bool
    source_url: str
    borough_codes: tuple[str, ...]
    term_ids: tuple[str, ...]
    points: tuple[DeliveryPoint, ...]
    #: ``published`` when an evaluation of it is published, ``planned`` when one is only planned, else ``none``.
    evidence: str = "none"
    funder_of_record: str | None = None
    variation_of: str | None = None
    coverage: tuple[Coverage, ...] = ()
    audience: str = "public"

    @property
    def pan_london(self) -> bool:
        """True when the service covers every London borough."""
        return len(self.borough_codes) >= PAN_LONDON_BOROUGHS

    @property
    def funder(self) -> str:
        """The body whose money it is: the funder of record, else the first commissioner."""
        return self.funder_of_record or (self.commissioners[0] if self.commissioners else "")

    @property
    def coverage_dates(self) -> tuple[dt.date | None, dt.date | None] | None:
        """The span of the dated coverage, when any coverage row carries a date; else None."""
        starts = [c.start for c in self.coverage]
        ends = [c.end for c in self.coverage]
        if not any(starts) and not any(ends):
            return None
        return (
            None if None in starts else min(starts),
            None if None in ends else max(ends),
        )


@dataclass(frozen=True)
class Snapshot:
    """One published version of the register joined with London's reference geography."""

    version_key: int
    versions: Mapping[str, int]
    boroughs: tuple[Borough, ...]
    boundaries_geojson: Mapping[str, Any]
    boundaries_approximate: bool
    boundaries_source: str
    services: tuple[ServiceEntry, ...]
    terms: tuple[TaxonomyTerm, ...]
    opportunities: tuple[FundingOpportunity, ...]
    measures: tuple[Measure, ...]
    measure_values: tuple[MeasureValue, ...]
    spend: tuple[Spend, ...]
    reach: tuple[Reach, ...]
    lcpf_allocations: tuple[LcpfAllocation, ...]
    lcpf_totals: tuple[LcpfTotal, ...]
    on_sample: bool
    history: tuple[VersionInfo, ...] = ()
    organizations: tuple[Organization, ...] = ()
    built_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    crime: tuple[Crime, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    outcomes: tuple[ProgrammeOutcome, ...] = ()
    contracts: tuple[Contract, ...] = ()
    commissioners: tuple[Commissioner, ...] = ()
    #: When each current opportunity was added and last changed, from the publish history.
    opportunity_changes: Mapping[str, OpportunityChange] = field(default_factory=dict)

    def commissioner_name(self, code: str) -> str:
        """The full name of a commissioner, or its code when the register does not name it."""
        return next((c.name for c in self.commissioners if c.code == code), code)

    def service(self, service_id: str) -> ServiceEntry | None:
        """The service with this id, or None."""
        return self._services_by_id.get(service_id)

    def organization(self, organization_id: str) -> Organization | None:
        """The provider with this id, or None."""
        return self._organizations_by_id.get(organization_id)

    def evaluations_for(self, service_id: str) -> tuple[Evaluation, ...]:
        """The evaluations that cover this service (published and planned), in register order."""
        return self._evaluations_by_service.get(service_id, ())

    def borough_name(self, code: str) -> str:
        """The name of a borough, or the code itself when unknown."""
        return self._borough_names.get(code, code)

    def term_name(self, term_id: str) -> str:
        """The name of a service area, or its id when unknown."""
        return self._term_names.get(term_id, term_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_services_by_id", {s.id: s for s in self.services})
        object.__setattr__(self, "_borough_names", {b.code: b.name for b in self.boroughs})
        object.__setattr__(self, "_term_names", {t.id: t.name for t in self.terms})
        object.__setattr__(self, "_organizations_by_id", {o.id: o for o in self.organizations})
        by_service: dict[str, list[Evaluation]] = {}
        for evaluation in self.evaluations:
            for service_id in evaluation.service_ids:
                by_service.setdefault(service_id, []).append(evaluation)
        object.__setattr__(self, "_evaluations_by_service", {k: tuple(v) for k, v in by_service.items()})


def build_snapshot(
    version_key: int,
    versions: Mapping[str, int],
    rows: RegisterRows,
    geography: Any,
    *,
    on_sample: bool,
    history: tuple[VersionInfo, ...] = (),
    opportunity_changes: Mapping[str, OpportunityChange] | None = None,
) -> Snapshot:
    """Joins the register's rows into a snapshot (pure: no I/O).

    Args:
        version_key: The newest version id in the store when the rows were read.
        versions: The current version of each entity.
        rows: Every table's rows, as read by :meth:`Store.read_current`.
        geography: The loaded :class:`explorer.reference.Geography`.
        on_sample: Whether any current version is the bundled sample register.
        history: The publish history, newest first.
        opportunity_changes: When each current opportunity was added and last changed.
    """
    from explorer.domain.evidence import Evaluation
    from explorer.domain.records import (
        Commissioner, Contract, Crime, FundingOpportunity, LcpfAllocation, LcpfTotal, Measure, MeasureValue,
        Organization, ProgrammeOutcome, Reach, Spend, TaxonomyTerm,
    )

    # Values many services repeat (statuses, programmes, commissioners, dates, borough and term
    # lists, coverage) are kept once: at 100,000 services this is most of the snapshot's memory.
    share = {}.setdefault

    def one(value: Any) -> Any:
        """The first object equal to ``value`` met in this build (None stays None)."""
        return share(value, value)

    providers = {o["id"]: o["name"] for o in rows["organization"]}
    areas = _group(rows["service_area"], "service_id", "borough_code")
    coverage: dict[str, list[Coverage]] = {}
    for area in rows["service_area"]:
        coverage.setdefault(area["service_id"], []).append(
            one(Coverage(one(area["borough_code"]), one(area.get("from_date")), one(area.get("to_date"))))
        )
    terms = _group(rows["service_taxonomy"], "service_id", "term_id")
    locations = {loc["id"]: loc for loc in rows["location"]}
    points: dict[str, list[DeliveryPoint]] = {}
    for link in rows["service_at_location"]:
        loc = locations.get(link["location_id"])
        if loc is None or loc["latitude"] is None:
            continue
        points.setdefault(link["service_id"], []).append(
            DeliveryPoint(
                loc["id"], loc["name"], loc["address"], loc["postcode"],
                loc["latitude"], loc["longitude"],
            )
        )
    evidence: dict[str, str] = {}
    for row in rows.get("evaluation", ()):
        for service_id in (row["service_ids"] or "").split(";"):
            if evidence.get(service_id) != "published":
                evidence[service_id] = "published" if row["status"] == "published" else "planned"
    services = []
    for s in rows["service"]:
        confidential = bool(s["confidential_location"])
        service_id = s["id"]
        organization_id = s["organization_id"]
        services.append(
            ServiceEntry(
                id=service_id,
                name=s["name"],
                description=s["description"],
                status=one(s["status"]),
                commissioners=one(tuple(map(one, s["commissioner"].split(";")))),
                programme=one(s["programme"]),
                funding_stream=one(s["funding_stream"]),
                provider_id=one(organization_id),
                provider_name=providers.get(organization_id, organization_id),
                url=s["url"],
                email=s["email"],
                phone=one(s["phone"]),
                minimum_age=s["minimum_age"],
                maximum_age=s["maximum_age"],
                eligibility=one(s["eligibility"]),
                access=one(s["access"]),
                confidential_location=confidential,
                contract_value_gbp=s["contract_value_gbp"],
                start_date=one(s["start_date"]),
                end_date=one(s["end_date"]),
                last_verified=one(s["last_verified"]),
                illustrative=bool(s["illustrative"]),
                source_url=one(s["source_url"]),
                borough_codes=one(tuple(sorted(set(map(one, areas.get(service_id, ())))))),
                term_ids=one(tuple(map(one, terms.get(service_id, ())))),
                # A confidential service never has a public pin, whatever the data says.
                points=() if confidential else tuple(points.get(service_id, ())),
                evidence=evidence.get(service_id, "none"),
                funder_of_record=one(s.get("funder_of_record")),
                variation_of=s.get("variation_of"),
                coverage=one(tuple(sorted(coverage.get(service_id, ()), key=_borough_code))),
                audience=one(s.get("audience") or "public"),
            )
        )
    services.sort(key=lambda e: e.name.lower())
    boundaries = geography.boundaries
    return Snapshot(
        version_key=version_key,
        versions=dict(versions),
        boroughs=tuple(geography.boroughs),
        boundaries_geojson=boundaries.geojson,
        boundaries_approximate=boundaries.approximate,
        boundaries_source=boundaries.source,
        services=tuple(services),
        terms=tuple(TaxonomyTerm.model_construct(**_split(r, "synonyms")) for r in rows["taxonomy_term"]),
        opportunities=tuple(
            FundingOpportunity.model_construct(
                **_split(r, "applicant_types", "boroughs", "service_areas")
            )
            for r in rows["funding_opportunity"]
        ),
        measures=tuple(Measure.model_construct(**r) for r in rows["measure"]),
        measure_values=tuple(MeasureValue.model_construct(**r) for r in rows["measure_value"]),
        spend=tuple(Spend.model_construct(**r) for r in rows["spend"]),
        reach=tuple(Reach.model_construct(**r) for r in rows["reach"]),
        lcpf_allocations=tuple(LcpfAllocation.model_construct(**r) for r in rows["lcpf_allocation"]),
        lcpf_totals=tuple(LcpfTotal.model_construct(**r) for r in rows["lcpf_total"]),
        crime=tuple(Crime.model_construct(**r) for r in rows["crime"]),
        evaluations=tuple(
            Evaluation.model_construct(**_split(r, "service_ids", "source_url")) for r in rows.get("evaluation", ())
        ),
        outcomes=tuple(ProgrammeOutcome.model_construct(**r) for r in rows.get("published_outcome", ())),
        contracts=tuple(Contract.model_construct(**r) for r in rows.get("contract", ())),
        on_sample=on_sample,
        history=tuple(history),
        opportunity_changes=dict(opportunity_changes or {}),
        organizations=tuple(Organization.model_construct(**r) for r in rows["organization"]),
        commissioners=tuple(Commissioner.model_construct(**r) for r in rows.get("commissioner", ())),
    )


#: How many past publishes of the opportunities are read to date new and changed feed entries.
OPPORTUNITY_HISTORY_DEPTH = 24


class SnapshotProvider:
    """Hands out the current snapshot; rebuilds it when a new version is published.

    The check against the store costs one small query and runs at most every
    ``check_interval`` seconds, so many requests share one snapshot.
    """

    def __init__(
        self,
        store: Store,
        geography: Any,
        *,
        check_interval: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._store = store
        self._geography = geography
        self._interval = check_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._checked_at = float("-inf")
        self._derived: dict[str, tuple[int, Any]] = {}
        self._kept: dict[str, Callable[[Snapshot], Any]] = {}
        self._master: MasterReload | None = None

    @property
    def geography(self) -> Any:
        """The reference geography the snapshots are built with."""
        return self._geography

    def current(self) -> Snapshot:
        """The snapshot of the newest published version (in a worker of a pre-forking server, the one it
        was forked with until the master has built the newer one: see :mod:`explorer.prefork`)."""
        now = self._clock()
        snapshot = self._snapshot
        if snapshot is not None and now - self._checked_at < self._interval:
            return snapshot
        with self._lock:
            latest = self._store.latest_version_id() or 0
            self._checked_at = now
            held = self._snapshot
            if held is None or (held.version_key != latest and not (self._master and self._master.ask(latest))):
                self._install(self._build())
            return self._snapshot

    def derived(self, name: str, factory: Callable[[Snapshot], Any]) -> Any:
        """Something built once per published version from the snapshot (a search index...).

        Args:
            name: The cache key.
            factory: Builds the value from the current snapshot.
        """
        snapshot = self.current()
        cached = self._derived.get(name)
        if cached is not None and cached[0] == snapshot.version_key:
            return cached[1]
        with self._lock:
            cached = self._derived.get(name)
            if cached is None or cached[0] != snapshot.version_key:
                cached = (snapshot.version_key, factory(snapshot))
                self._derived[name] = cached
            return cached[1]

    def keep(self, name: str, factory: Callable[[Snapshot], Any]) -> Any:
        """Builds ``name`` now and again with every new version, before any request sees that version
        (so the first search after start or after a publish is as fast as the rest)."""
        self._kept[name] = factory
        return self.derived(name, factory)

    def excerpt(self) -> ExcerptProvider:
        """A provider of a bounded excerpt of the current snapshot (see :class:`ExcerptProvider`)."""
        return ExcerptProvider(self.current(), self._geography)

    def after_fork(self) -> None:
        """In a process forked from the one that built this provider (a gunicorn worker of a
        preloaded app): stop using the parent's database connections; the snapshot is kept."""
        self._store.after_fork()

    def serve_forked(self, master: MasterReload) -> None:
        """In a pre-forking server's master, before the first fork: workers forked from here ask it to
        build each new version rather than building their own (see :mod:`explorer.prefork`)."""
        self._master = master
        self._store.dispose()  # no worker inherits a connection

    def rebuild_in_master(self) -> int | None:
        """In the master (its ``on_reload``, before gunicorn forks the new workers): builds the newest
        version if it is not the one held, then closes the database connections it used, so no worker
        inherits them. Returns the version built (None: a repeated request for a version already held).
        The master serves no request, so it lets the old version go first and the new one reuses its
        memory (else the heap grows with each publish); should the build fail, the workers forked
        without a version build it themselves."""
        with self._lock:
            try:
                latest = self._store.latest_version_id() or 0
                self._checked_at = self._clock()
                if self._snapshot is not None and self._snapshot.version_key == latest:
                    return None
                self._snapshot, self._derived = None, {}
                refreeze()
                self._install(self._build())
                return self._snapshot.version_key
            finally:
                self._store.dispose()

    def refresh(self) -> Snapshot:
        """Rebuilds the snapshot now, whatever the interval."""
        with self._lock:
            self._install(self._build())
            self._checked_at = self._clock()
            return self._snapshot

    def _install(self, snapshot: Snapshot) -> None:
        """Puts a new version in place with its kept values built, then lets the old one go (the values
        derived from it too, kept or not)."""
        derived = {name: (snapshot.version_key, factory(snapshot)) for name, factory in self._kept.items()}
        self._snapshot, self._derived = snapshot, derived
        if self._kept:
            # As at start (explorer.app.freeze_heap): the new version's objects live until the next
            # publish, so keep full collections from walking them on every request; but free the old
            # version's cycles first, or freezing would keep them for good.
            refreeze()

    def _build(self) -> Snapshot:
        latest = self._store.latest_version_id() or 0
        versions, rows = self._store.read_current(lean=True)
        history = self._store.versions()
        on_sample = any(v.published_by == "sample register" for v in history if v.current)
        return build_snapshot(
            latest, versions, rows, self._geography, on_sample=on_sample, history=tuple(history),
            opportunity_changes=self._opportunity_changes(history),
        )

    def _opportunity_changes(self, history) -> dict[str, OpportunityChange]:
        """Reads the last few publishes of the opportunities (the Atom feed dates entries from them)."""
        versions = [v for v in history if v.entity == "opportunities"][:OPPORTUNITY_HISTORY_DEPTH]
        return opportunity_changes(
            (_aware(v.published_at), self._store.read_version(v.id).get("funding_opportunity", []))
            for v in versions
        )


def _borough_code(coverage: Coverage) -> str:
    return coverage.borough_code


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)


def _group(rows, key: str, value: str) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row[value])
    return grouped


def _split(row: Mapping[str, Any], *columns: str) -> dict[str, Any]:
    out = dict(row)
    for column in columns:
        value = out.get(column)
        out[column] = tuple(v for v in (value or "").split(";") if v)
    return out
