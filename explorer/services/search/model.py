"""What a search takes and gives: filters, the place and words it understood, its results; and
how they are described to people ("Showing: ...", the API's ``x_query``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import numpy as np

from explorer.domain.thesaurus import AUDIENCES
from explorer.services.snapshot import ServiceEntry, Snapshot

NEARBY_KM = 3.0
DEFAULT_LIMIT = 50
#: Place bands: covering the place, pan-London, nearby in another borough (labelled).
BAND_COVERS, BAND_PAN, BAND_NEARBY = 0, 1, 2
#: How many of the nearest services elsewhere a search near a place that nothing covers gives, and
#: how many of the best-fitting ones they are chosen from (:meth:`SearchIndex.nearest_elsewhere`).
NEARBY, NEARBY_POOL = 3, 200
EXAMPLE = "domestic abuse Peckham"
#: Age groups people filter by: label, youngest, oldest (inclusive).
AGE_GROUPS: dict[str, tuple[str, int, int]] = {
    "children": ("Children (under 11)", 0, 10),
    "young-people": ("Young people (11 to 17)", 11, 17),
    "young-adults": ("Young adults (18 to 25)", 18, 25),
    "adults": ("Adults (18 and over)", 18, 120),
}
ACCESS_FILTERS = {
    "self-referral": "You can refer yourself",
    "professional-referral": "Referral by a professional",
}


def commissioner_options(snapshot: Snapshot) -> tuple[tuple[str, str], ...]:
    """Every commissioner or funder of record that at least one service names: (code, full name).

    In the order of the register's ``commissioners`` table, then any other code a service names.
    The home page's "Paid for by" filter offers these, so a filter never lists a body that pays for
    nothing and a new commissioner in the data needs no change to the code.
    """
    named = {c for s in snapshot.services for c in (*s.commissioners, s.funder_of_record) if c}
    order = [c.code for c in snapshot.commissioners] + sorted(named)
    return tuple((code, snapshot.commissioner_name(code)) for code in dict.fromkeys(order) if code in named)


@dataclass(frozen=True)
class Filters:
    """The filters next to the search box (all optional)."""

    boroughs: tuple[str, ...] = ()
    commissioners: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    age: str | None = None
    access: str | None = None
    include_ended: bool = False  # "ended=1" in the address: services that have ended are listed too

    @property
    def any(self) -> bool:
        """True when at least one filter is set."""
        return bool(self.boroughs or self.commissioners or self.areas or self.age or self.access)


@dataclass(frozen=True)
class Location:
    """Where the search is centred."""

    kind: str  # "postcode", "sector", "district", "place" or "borough"
    label: str
    latitude: float
    longitude: float
    borough_code: str


@dataclass(frozen=True)
class OtherPlace:
    """A place with the same name as the one searched, in another borough, and the search that
    finds it (the borough's name after the place's: "youth club Hayes, Bromley")."""

    location: Location
    borough: str  # the borough's name
    query: str


@dataclass(frozen=True)
class Understood:
    """What the search made of the query, to show back to the person."""

    terms: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    location: Location | None = None
    unmatched_place: str = ""
    unmatched_words: tuple[str, ...] = ()  # words no service uses: with nothing else, no result
    audience: str | None = None
    corrections: tuple[tuple[str, str], ...] = ()
    ignored_words: tuple[str, ...] = ()  # words not searched on their own (weak words, a second place)
    also_places: tuple[OtherPlace, ...] = ()  # places of the same name in other boroughs ("Hayes")
    place_not_found: str = ""  # a place London does not have ("in Pakistan"): the topic answered London-wide
    place_outside: bool = False  # that place is one the search knows is outside London ("leeds", "kent")
    words_left_out: tuple[str, ...] = ()  # words no service uses, with a place: the place's services shown


@dataclass(frozen=True)
class ResultItem:
    """One service in the results, with why and how far."""

    service: ServiceEntry
    score: float
    distance_km: float | None
    covers_place: bool
    band: int = BAND_COVERS
    named: bool = False
    #: For a service that only sits nearby in another borough: the names of (at most two of) the
    #: boroughs it works in.
    sits_in: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        """Where a service that only sits nearby works, and how far ("in Lambeth, 1.2 km"); else ""."""
        if self.band != BAND_NEARBY:
            return ""
        km = "" if self.distance_km is None else f", {self.distance_km:.1f} km"
        return f"in {self._boroughs}{km}"

    @property
    def place_note(self) -> str:
        """The label of a service that only sits nearby in another borough ("in Lambeth, 1.2 km;
        may serve Lambeth residents only"); else ""."""
        if not self.where:
            return ""
        return f"{self.where}; may serve {' and '.join(self.sits_in) or 'its own'} residents only"

    @property
    def _boroughs(self) -> str:
        return " and ".join(self.sits_in) or "another borough"

    @property
    def ended(self) -> bool:
        """True when the service has ended (shown only on request, marked as ended)."""
        return self.service.status != "active"


@dataclass(frozen=True)
class TopicElsewhere:
    """A topic of a search that found services around its place, though none of this topic covers
    the place or is near it: the nearest of the topic elsewhere
    (:meth:`SearchIndex.topics_elsewhere`; "No drugs and alcohol service covers Croydon")."""

    topic: str
    name: str
    borough: str
    nearest: tuple[ResultItem, ...]

    @property
    def sentence(self) -> str:
        """What the page and the CLI say before naming the nearest ("No drugs and alcohol service
        covers Croydon or is within 3 km.")."""
        return f"No {self.name.lower()} service covers {self.borough} or is within {NEARBY_KM:g} km."


@dataclass(frozen=True)
class SearchResult:
    """The answer to one search."""

    query: str
    filters: Filters
    understood: Understood
    items: tuple[ResultItem, ...]
    total: int
    message: str
    summary: str
    matched: tuple[ServiceEntry, ...] = field(default=(), repr=False)
    ended_count: int = 0
    include_ended: bool = False
    #: Of the first two topics of a search that found services at its place, those none of them
    #: has (:meth:`SearchIndex.topics_elsewhere` names the nearest of each elsewhere).
    uncovered: tuple[str, ...] = ()

    @property
    def matched_ids(self) -> tuple[str, ...]:
        """The ids of every matching service, best first (the list shows the first ``limit``)."""
        return tuple(s.id for s in self.matched)


@dataclass(frozen=True, eq=False)
class _Reading:
    """What one query text says, before any service is scored (see :meth:`SearchIndex._read_text`)."""

    understood: Understood
    message: str = ""  # when set, the search stops here with this message
    concepts: tuple = ()  # (service areas, words, required words) per concept
    word_stems: tuple[str, ...] = ()  # the stems of words that are concepts on their own
    named: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # services it names


@dataclass(frozen=True, eq=False)
class SearchGeography:
    """The part of the reference geography a search reads (no boundaries), for the cached index."""

    boroughs: tuple
    places: tuple
    postcodes: Any = None

    def borough_by_code(self, code: str):
        """Finds a borough by its ONS code, or returns None."""
        return next((b for b in self.boroughs if b.code == str(code).upper()), None)


@dataclass(frozen=True)
class Postings:
    """What a search reads of the ``bm25s`` index: its vocabulary (stem -> row) and its sparse
    score matrix (``data``/``indices``/``indptr``: for row r, the services
    ``indices[indptr[r]:indptr[r + 1]]`` and their BM25 scores)."""

    vocab_dict: dict
    scores: dict


@dataclass(frozen=True)
class CachedTerm:
    """A service area as the cached index keeps it (what search reads of a taxonomy term)."""

    id: str
    name: str
    synonyms: tuple[str, ...] = ()


def describe(understood: Understood, filters: Filters, snapshot: Snapshot) -> str:
    """What the search understood, as shown above the results.

    >>> # "Showing: domestic abuse · within 3 km of Peckham (Southwark)"
    """
    parts = [snapshot.term_name(t) for t in understood.terms]
    typed = {right: wrong for wrong, right in understood.corrections}
    parts += [f"\u201c{w}\u201d" + (f" (for \u201c{typed[w]}\u201d)" if w in typed else "") for w in understood.words]
    if understood.audience:
        parts.append(f"for {AUDIENCES[understood.audience].lower()}" if understood.audience != "professionals"
                     else "for professionals")
    loc = understood.location
    if loc is not None:
        borough = snapshot.borough_name(loc.borough_code)
        if loc.kind == "borough":
            parts.append(borough)
        else:
            parts.append(f"{loc.label} ({borough}): services covering {borough} or within {NEARBY_KM:g} km")
        if understood.words_left_out:
            words = " or ".join(f"\u201c{w}\u201d" for w in dict.fromkeys(understood.words_left_out))
            parts.append(f"every service there: no service mentions {words}")
    elif understood.place_not_found:  # (answered London-wide: the place is none London has)
        said = "is outside London" if understood.place_outside else "is not a London place we know"
        parts.append(f"across London (\u2018{understood.place_not_found}\u2019 {said})")
    if filters.boroughs:
        parts.append(", ".join(snapshot.borough_name(c) for c in filters.boroughs))
    if filters.commissioners:
        parts.append(" or ".join(filters.commissioners))
    if filters.areas:
        parts.append(" or ".join(snapshot.term_name(t) for t in filters.areas))
    if filters.age in AGE_GROUPS:
        parts.append(AGE_GROUPS[filters.age][0].lower())
    if filters.access in ACCESS_FILTERS:
        parts.append(ACCESS_FILTERS[filters.access].lower())
    if not parts and understood.unmatched_words:  # "suicide": no word the search could use
        words = " or ".join(f"\u201c{w}\u201d" for w in dict.fromkeys(understood.unmatched_words))
        return f"Showing: no match for {words}"
    return "Showing: " + (" \u00b7 ".join(parts) if parts else "all services")


def understood_json(result: SearchResult, snapshot: Snapshot) -> dict:
    """What a search understood, as JSON (the API's ``x_query`` and the CLI's ``--json``).

    A directory that calls the API can show the same "Showing: ..." line as the page.
    """
    u = result.understood
    loc = u.location
    return {
        "text": result.query,
        "showing": result.summary,
        "place": None if loc is None else {
            "label": loc.label, "kind": loc.kind,
            "latitude": round(loc.latitude, 5), "longitude": round(loc.longitude, 5),
        },
        "borough": None if loc is None else {"code": loc.borough_code, "name": snapshot.borough_name(loc.borough_code)},
        "other_places_of_the_name": [
            {"label": o.location.label, "search": o.query,
             "borough": {"code": o.location.borough_code, "name": snapshot.borough_name(o.location.borough_code)}}
            for o in u.also_places
        ],
        "topics": [{"id": t, "name": snapshot.term_name(t)} for t in u.terms],
        "words": list(u.words),
        "words_not_used": list(u.unmatched_words) + list(u.ignored_words)
        + ([u.unmatched_place] if u.unmatched_place else []) + ([u.place_not_found] if u.place_not_found else [])
        + list(u.words_left_out),
        "corrections": [{"typed": a, "read_as": b} for a, b in u.corrections],
        "audience": u.audience,
        "include_ended": result.include_ended,
        "ended_also_match": result.ended_count,
    }


def ended_line(result: SearchResult) -> str:
    """ "2 ended services also match" when ended services were left out, else ""."""
    n = result.ended_count
    if not n or result.include_ended:
        return ""
    return f"{n} ended service{'s' if n != 1 else ''} also match{'es' if n == 1 else ''}"


def parse_filters(query: Mapping[str, Sequence[str]], snapshot: Snapshot) -> Filters:
    """Reads filters from URL query values, dropping values the register does not know."""
    def values(key: str) -> list[str]:
        out: list[str] = []
        for v in query.get(key, []):
            out.extend(x.strip() for x in re.split(r"[,;]", v) if x.strip())
        return out

    codes = {b.code for b in snapshot.boroughs}
    terms = {t.id for t in snapshot.terms}
    age = next(iter(values("age")), None)
    access = next(iter(values("access")), None)
    commissioners = {code.casefold(): code for code, _name in commissioner_options(snapshot)}
    return Filters(
        boroughs=tuple(dict.fromkeys(c.upper() for c in values("borough") if c.upper() in codes)),
        commissioners=tuple(dict.fromkeys(commissioners[c.casefold()] for c in values("commissioner")
                                          if c.casefold() in commissioners)),
        areas=tuple(dict.fromkeys(t for t in values("area") if t in terms)),
        age=age if age in AGE_GROUPS else None,
        access=access if access in ACCESS_FILTERS else None,
        include_ended=next(iter(values("ended")), "").lower() in {"1", "true", "include", "show"},
    )
