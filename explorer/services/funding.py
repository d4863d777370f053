"""Services layer: choosing, searching and ordering funding opportunities for the page and the feeds.

The page, the calendar feed and the Atom feed all read one :class:`FundingQuery` (parsed
from a URL's query string) and call :func:`search_opportunities`, so a shared link, a
subscribed calendar and the screen always agree. Free-text search goes through a
:data:`QueryParser` (text in, topic words and borough codes out), so the services search's
parser can be swapped in without touching anything else.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence
from urllib.parse import urlencode

from rapidfuzz import fuzz, process

from explorer.domain import formatting
from explorer.domain import funding as rules
from explorer.domain.funding import STATUS_FILTERS, Status
from explorer.domain.records import FundingOpportunity
from explorer.domain.versions import OpportunityChange, content_fingerprint, opportunity_changes  # noqa: F401 (re-exported)
from explorer.services.snapshot import ServiceEntry, Snapshot

#: Turns search text into (topic words, borough codes). Swappable: see :func:`simple_query_parser`
#: and :func:`services_query_parser`. A topic word ``term:<id>`` stands for a whole service area.
QueryParser = Callable[[str], tuple[tuple[str, ...], tuple[str, ...]]]
TERM_PREFIX = "term:"

#: How close a typed word must be to a word of an opportunity (rapidfuzz ratio, 0-100).
WORD_CUTOFF = 80
PLACE_CUTOFF = 85
MAX_QUERY_LENGTH = 200
STOPWORDS = frozenset(
    "a an and the for of to with in near around at by on my me i we our us is are "
    "london please about from".split()
)

#: Query-string keys, shared by the page URL and the feeds.
PARAM_TEXT, PARAM_BOROUGH, PARAM_AREA = "q", "borough", "area"
PARAM_APPLICANT, PARAM_MIN, PARAM_MAX, PARAM_STATUS = "applicant", "min", "max", "status"

_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class FundingQuery:
    """Everything that decides which opportunities are shown; it round-trips through a URL."""

    text: str = ""
    boroughs: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    applicants: tuple[str, ...] = ()
    min_award: float | None = None
    max_award: float | None = None
    statuses: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        """True when anything narrows the list."""
        return bool(
            self.text or self.boroughs or self.areas or self.applicants or self.statuses
            or self.min_award is not None or self.max_award is not None
        )

    def to_params(self) -> list[tuple[str, str]]:
        """The query as URL parameters, in a fixed order (empty ones left out)."""
        params = []
        if self.text:
            params.append((PARAM_TEXT, self.text))
        for key, values in (
            (PARAM_BOROUGH, self.boroughs),
            (PARAM_AREA, self.areas),
            (PARAM_APPLICANT, self.applicants),
            (PARAM_STATUS, self.statuses),
        ):
            if values:
                params.append((key, ",".join(values)))
        for key, value in ((PARAM_MIN, self.min_award), (PARAM_MAX, self.max_award)):
            if value is not None:
                params.append((key, f"{value:g}" if value < 1e15 else str(int(value))))
        return params

    def to_search(self) -> str:
        """The query as a URL query string (``?borough=...``), or "" when nothing is set."""
        params = self.to_params()
        return "?" + urlencode(params) if params else ""


@dataclass(frozen=True)
class OpportunityView:
    """One opportunity as a screen or feed shows it on a given day."""

    opportunity: FundingOpportunity
    status: Status
    days_left: int | None

    @property
    def id(self) -> str:
        """The opportunity's id."""
        return self.opportunity.id


@dataclass(frozen=True)
class FundingResult:
    """The answer to a :class:`FundingQuery` on one day."""

    query: FundingQuery
    today: dt.date
    current: tuple[OpportunityView, ...]
    past: tuple[OpportunityView, ...]
    topic_words: tuple[str, ...] = ()
    text_boroughs: tuple[str, ...] = ()
    hidden_without_amount: int = 0
    #: When nothing is open: the one widening of the query that finds something, as
    #: (what to say, the wider query), or None.
    wider: tuple[str, FundingQuery] | None = None

    @property
    def borough_codes(self) -> tuple[str, ...]:
        """Every borough the result is for: the filter's and those named in the search text."""
        return tuple(dict.fromkeys(self.query.boroughs + self.text_boroughs))

    @property
    def all(self) -> tuple[OpportunityView, ...]:
        """Current then past opportunities."""
        return self.current + self.past


# -- parsing the URL ---------------------------------------------------------------------------


def parse_funding_query(snapshot: Snapshot, values: Mapping[str, Sequence[str] | str]) -> FundingQuery:
    """Reads a :class:`FundingQuery` from URL parameters (as :func:`urllib.parse.parse_qs` gives).

    Unknown boroughs, service areas, applicant types and statuses are dropped, and so is an
    amount that is not a number: a mistyped link still opens a sensible page.
    """

    def items(key: str) -> list[str]:
        return [part.strip() for value in raw(key) for part in value.split(",") if part.strip()]

    def raw(key: str) -> list[str]:
        found = values.get(key, [])
        return [found] if isinstance(found, str) else list(found)

    text = " ".join(raw(PARAM_TEXT))
    return FundingQuery(
        text=" ".join(text.split())[:MAX_QUERY_LENGTH],
        boroughs=_known_boroughs(snapshot, items(PARAM_BOROUGH)),
        areas=_known_terms(snapshot, items(PARAM_AREA)),
        applicants=rules.normalise_applicant_types(items(PARAM_APPLICANT))[0],
        min_award=_amount(raw(PARAM_MIN)),
        max_award=_amount(raw(PARAM_MAX)),
        statuses=tuple(s for s in STATUS_FILTERS if s in set(items(PARAM_STATUS))),
    )


def funding_query_from_inputs(
    snapshot: Snapshot,
    *,
    text: str | None = None,
    boroughs: Sequence[str] | None = None,
    areas: Sequence[str] | None = None,
    applicants: Sequence[str] | None = None,
    min_award: float | str | None = None,
    max_award: float | str | None = None,
    statuses: Sequence[str] | None = None,
) -> FundingQuery:
    """Builds a :class:`FundingQuery` from the page's filter controls (checked like a URL)."""
    values: dict[str, list[str]] = {
        PARAM_TEXT: [text or ""],
        PARAM_BOROUGH: list(boroughs or []),
        PARAM_AREA: list(areas or []),
        PARAM_APPLICANT: list(applicants or []),
        PARAM_STATUS: list(statuses or []),
        PARAM_MIN: [] if min_award in (None, "") else [str(min_award)],
        PARAM_MAX: [] if max_award in (None, "") else [str(max_award)],
    }
    return parse_funding_query(snapshot, values)


# -- searching ---------------------------------------------------------------------------------


def funding_search(provider, query: FundingQuery, today: dt.date) -> FundingResult:
    """:func:`search_opportunities` on the provider's current version, with the services search's
    query parser and a word index built once per published version."""
    snapshot = provider.current()
    return search_opportunities(
        snapshot, query, today,
        parser=provider_query_parser(provider),
        matcher=provider.derived("funding-text", TextMatcher),
    )


def provider_query_parser(provider) -> QueryParser:
    """The services search's parser for the provider's current version (see :func:`services_query_parser`)."""
    from explorer.services.search import search_index

    return services_query_parser(search_index(provider))


def services_query_parser(index) -> QueryParser:
    """Adapts the services search (:class:`explorer.services.search.SearchIndex`) to a :data:`QueryParser`.

    Service areas it recognises ("knife crim" -> youth violence) become ``term:<id>`` words; a
    place it recognises (a borough, a neighbourhood, a postcode) becomes that place's borough.
    """

    def parse(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        understood = index.search(text, limit=0).understood
        words = tuple(TERM_PREFIX + t for t in understood.terms)
        words += tuple(understood.words) + tuple(understood.unmatched_words)
        place = understood.location
        return words, ((place.borough_code,) if place is not None else ())

    return parse


def search_opportunities(
    snapshot: Snapshot,
    query: FundingQuery,
    today: dt.date,
    parser: QueryParser | None = None,
    matcher: "TextMatcher | None" = None,
    *,
    suggest: bool = True,
) -> FundingResult:
    """The opportunities that answer ``query`` on ``today``, current first, then past ones.

    Args:
        snapshot: The published register.
        query: The filters and search text.
        today: The day statuses are worked out for.
        parser: Splits the search text into topic words and borough codes; defaults to
            :func:`simple_query_parser` for this snapshot.
        matcher: The snapshot's word index; built here when not given.
        suggest: When nothing is open, work out a wider query that finds something.
    """
    parser = parser or simple_query_parser(snapshot)
    words, text_boroughs = parser(query.text) if query.text else ((), ())
    boroughs = tuple(dict.fromkeys(query.boroughs + tuple(text_boroughs)))
    statuses = frozenset().union(*(STATUS_FILTERS[s][1] for s in query.statuses)) if query.statuses else None
    parser_used = parser
    if words and matcher is None:
        matcher = TextMatcher(snapshot)
    compiled = matcher.compile(words) if words else ()

    chosen: list[OpportunityView] = []
    hidden = 0
    for opp in snapshot.opportunities:
        status = rules.status_of(opp, today)
        if statuses is not None and status not in statuses:
            continue
        if not (
            rules.covers_borough(opp, boroughs)
            and rules.covers_service_area(opp, query.areas)
            and rules.accepts_applicant(opp, query.applicants)
        ):
            continue
        if words and not matcher.matches(opp, compiled):
            continue
        if query.min_award is not None or query.max_award is not None:
            overlap = rules.award_overlaps(opp, query.min_award, query.max_award)
            if overlap is None:
                hidden += 1
                continue
            if not overlap:
                continue
        chosen.append(OpportunityView(opp, status, rules.days_left(opp, today)))
    chosen.sort(key=lambda v: rules.order_key(v.opportunity, today))
    current = tuple(v for v in chosen if v.status is not Status.CLOSED)
    wider = None
    if suggest and not current and query.any:
        wider = _widen(snapshot, query, today, parser_used, matcher)
    return FundingResult(
        query=query,
        today=today,
        current=current,
        past=tuple(v for v in chosen if v.status is Status.CLOSED),
        topic_words=tuple(words),
        text_boroughs=tuple(b for b in text_boroughs if b not in query.boroughs),
        hidden_without_amount=hidden,
        wider=wider,
    )


#: Ways to widen a query that finds nothing open, in the order they are suggested.
WIDENINGS: tuple[tuple[str, str, dict], ...] = (
    ("boroughs", "try all boroughs", {"boroughs": ()}),
    ("areas", "try any kind of work", {"areas": ()}),
    ("applicants", "try any organisation", {"applicants": ()}),
    ("amount", "try any award size", {"min_award": None, "max_award": None}),
    ("text", "try other words", {"text": ""}),
    ("statuses", "try any status", {"statuses": ()}),
)


def _widen(snapshot, query, today, parser, matcher) -> tuple[str, FundingQuery] | None:
    """The first single widening that finds something open; else the first that applies."""
    from dataclasses import replace

    applicable = []
    for name, words, change in WIDENINGS:
        is_set = (query.min_award is not None or query.max_award is not None) if name == "amount" else bool(
            getattr(query, name))
        if is_set:
            applicable.append((words, replace(query, **change)))
    for words, wider in applicable:
        found = search_opportunities(snapshot, wider, today, parser, matcher, suggest=False)
        if found.current:
            return words, wider
    if len(applicable) > 1:
        return "try all opportunities", FundingQuery()
    return applicable[0] if applicable else None


def simple_query_parser(snapshot: Snapshot) -> QueryParser:
    """A small stand-in for the services search's parser: borough names out, other words kept.

    Borough names are found whole ("Kingston upon Thames"), by their first word where that is
    how people say them ("Kingston", "Barking"), or with a typo in a one-word name ("Croydn").
    """
    names: dict[str, str] = {}
    for borough in snapshot.boroughs:
        name = _clean(borough.name)
        names[name] = borough.code
        first = name.split()[0]
        if len(name.split()) > 1 and first not in {"city", "tower"}:
            names.setdefault(first, borough.code)
    single = [n for n in names if " " not in n]

    def parse(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        cleaned = f" {_clean(text[:MAX_QUERY_LENGTH])} "
        codes: list[str] = []
        for name in sorted(names, key=len, reverse=True):
            if f" {name} " in cleaned:
                codes.append(names[name])
                cleaned = cleaned.replace(f" {name} ", " ")
        words = []
        for word in cleaned.split():
            if word in STOPWORDS:
                continue
            best = process.extractOne(word, single, scorer=fuzz.ratio, processor=None,
                                      score_cutoff=PLACE_CUTOFF) if len(word) >= 5 else None
            if best is not None:
                codes.append(names[best[0]])
            else:
                words.append(word)
        return tuple(words), tuple(dict.fromkeys(codes))

    return parse


class TextMatcher:
    """Fuzzy word matching over each opportunity's title, programme, description and service areas.

    The vocabulary (every word of every opportunity, with the service areas' names and
    synonyms) is prepared once; a query word is looked up in it once, then each opportunity
    is a set intersection.
    """

    def __init__(self, snapshot: Snapshot):
        terms = {t.id: t for t in snapshot.terms}
        self._words: dict[str, frozenset[str]] = {}
        for opp in snapshot.opportunities:
            parts = [opp.title, opp.programme, opp.funder, opp.description or ""]
            for area in opp.service_areas:
                term = terms.get(area)
                parts.append(area.replace("-", " "))
                if term is not None:
                    parts.append(term.name)
                    parts.extend(term.synonyms)
            markers = {TERM_PREFIX + area for area in opp.service_areas}
            # "micro-grants" is also found as "microgrants".
            joined = {_clean(w.replace("-", "")) for w in " ".join(parts).split() if "-" in w}
            self._words[opp.id] = frozenset(_clean(" ".join(parts)).split()) | markers | joined
        plain = (w for words in self._words.values() for w in words if not w.startswith(TERM_PREFIX))
        self._vocabulary = sorted(set(plain))

    def expand(self, word: str) -> frozenset[str]:
        """The vocabulary words that ``word`` stands for (itself, near spellings, longer forms)."""
        if word.startswith(TERM_PREFIX):
            return frozenset({word})
        word = _clean(word)
        if not word:
            return frozenset()
        found = {v for v in self._vocabulary if len(word) >= 3 and v.startswith(word)}
        found.add(word)
        if len(word) >= 4:
            for choice, _score, _index in process.extract(
                word, self._vocabulary, scorer=fuzz.ratio, processor=None,
                score_cutoff=WORD_CUTOFF, limit=None,
            ):
                found.add(choice)
        return frozenset(found)

    def compile(self, words: Sequence[str]) -> tuple[frozenset[str], ...]:
        """Each query word's expansion, worked out once per search."""
        return tuple(self.expand(w) for w in words if w.startswith(TERM_PREFIX) or _clean(w))

    def matches(self, opportunity: FundingOpportunity, compiled: Sequence[frozenset[str]]) -> bool:
        """True when every compiled query word matches some word of the opportunity."""
        own = self._words.get(opportunity.id, frozenset())
        return all(own & alternatives for alternatives in compiled)


def describe_query(snapshot: Snapshot, result: FundingResult) -> str:
    """The query in words, for sentences and feed titles: "Enfield and youth violence"."""
    query = result.query
    parts = []
    if result.borough_codes:
        parts.append(" or ".join(snapshot.borough_name(c) for c in result.borough_codes))
    if query.areas:
        parts.append(" or ".join(snapshot.term_name(t).lower() for t in query.areas))
    terms = [snapshot.term_name(w.removeprefix(TERM_PREFIX)).lower() for w in result.topic_words
             if w.startswith(TERM_PREFIX)]
    plain = [w for w in result.topic_words if not w.startswith(TERM_PREFIX)]
    if query.text and terms:
        parts.append(" and ".join(terms))
    if query.text and plain:
        parts.append("“" + " ".join(plain) + "”")
    if query.applicants:
        parts.append(" or ".join(rules.APPLICANT_LABELS[a][1] for a in query.applicants))
    if query.min_award is not None or query.max_award is not None:
        parts.append(rules.award_filter_text(query.min_award, query.max_award))
    return " and ".join(parts)


# -- links both ways ---------------------------------------------------------------------------


def opportunity_facts(
    snapshot: Snapshot, opp: FundingOpportunity, *, full: bool = False
) -> list[tuple[str, str]]:
    """An opportunity's facts as (label, text) pairs, for its card, its page and the feeds.

    Args:
        snapshot: Names boroughs and service areas.
        opp: The opportunity.
        full: Adds when a person last checked it (its own page).
    """
    who = ", ".join(rules.APPLICANT_LABELS.get(a, (a,))[0] for a in opp.applicant_types)
    where = ", ".join(snapshot.borough_name(c) for c in opp.boroughs) or "All of London"
    areas = ", ".join(snapshot.term_name(t) for t in opp.service_areas) or "Any kind of work"
    facts = [
        ("Who can apply", who or "Not stated: check with the funder"),
        ("Award", rules.award_text(opp)),
        ("Total fund", formatting.money(opp.total_pot_gbp)),
        ("Dates", rules.dates_text(opp)),
        ("Where", where),
        ("Service areas", areas),
    ]
    if opp.awarded_note:
        facts.append(("What was awarded", opp.awarded_note))
    if full:
        facts.append(("Last checked by a person", formatting.date(opp.last_verified)))
    return facts


def opportunity_by_id(snapshot: Snapshot, opportunity_id: str) -> FundingOpportunity | None:
    """The opportunity with this id, or None."""
    return next((o for o in snapshot.opportunities if o.id == opportunity_id), None)


def view_of(opportunity: FundingOpportunity, today: dt.date) -> OpportunityView:
    """An opportunity with its status on ``today``."""
    return OpportunityView(opportunity, rules.status_of(opportunity, today), rules.days_left(opportunity, today))


def funded_services(snapshot: Snapshot, opportunity: FundingOpportunity) -> tuple[ServiceEntry, ...]:
    """The services already funded under the same programme as the opportunity."""
    programme = _clean(opportunity.programme)
    return tuple(s for s in snapshot.services if _clean(s.programme) == programme)


def opportunities_for_service(
    snapshot: Snapshot, service: ServiceEntry, today: dt.date
) -> tuple[OpportunityView, ...]:
    """Open and upcoming opportunities in a service's service areas and boroughs.

    An opportunity must name at least one of the service's areas (one that names none is
    for any kind of work, too broad to suggest here) and cover one of its boroughs.
    """
    areas = set(service.term_ids)
    chosen = [
        view_of(o, today)
        for o in snapshot.opportunities
        if areas.intersection(o.service_areas) and rules.covers_borough(o, service.borough_codes)
    ]
    chosen = [v for v in chosen if v.status is not Status.CLOSED]
    chosen.sort(key=lambda v: rules.order_key(v.opportunity, today))
    return tuple(chosen)


# -- what changed, for the Atom feed -----------------------------------------------------------


# -- private helpers ---------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("&", " and ").replace("-", " ")
    return " ".join(_WORD.findall(text))


def _known_boroughs(snapshot: Snapshot, values: Iterable[str]) -> tuple[str, ...]:
    by_code = {b.code: b.code for b in snapshot.boroughs}
    by_name = {_clean(b.name): b.code for b in snapshot.boroughs}
    found = []
    for value in values:
        code = by_code.get(value.upper()) or by_name.get(_clean(value))
        if code and code not in found:
            found.append(code)
    return tuple(found)


def _known_terms(snapshot: Snapshot, values: Iterable[str]) -> tuple[str, ...]:
    by_id = {t.id: t.id for t in snapshot.terms}
    by_name = {_clean(t.name): t.id for t in snapshot.terms}
    found = []
    for value in values:
        term = by_id.get(value) or by_name.get(_clean(value))
        if term and term not in found:
            found.append(term)
    return tuple(found)


def _amount(values: Sequence[str]) -> float | None:
    if not values:
        return None
    text = values[-1].lower().replace(",", "").replace("£", "").strip()
    factor = 1.0
    if text.endswith("k"):
        text, factor = text[:-1], 1_000.0
    elif text.endswith("m"):
        text, factor = text[:-1], 1_000_000.0
    try:
        amount = float(text) * factor
    except ValueError:
        return None
    return amount if amount >= 0 and amount == amount and amount != float("inf") else None
