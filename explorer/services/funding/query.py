"""Services layer: a funding query read from a URL or the page's widgets, and the answer's shapes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence
from urllib.parse import urlencode


from explorer.domain import funding as rules
from explorer.domain.funding import STATUS_FILTERS, Status
from explorer.domain.query import unaccented
from explorer.domain.records import FundingOpportunity
from explorer.services.snapshot import Snapshot

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

#: Words every opportunity is about, so searching for them finds nothing more ("funding for domestic
#: abuse charities", "small grants for community groups in Lewisham"): every word of a funding search
#: must match, and no opportunity's text says all of these.
FUNDING_WORDS = frozenset(
    "fund funds funding funded funder funders grant grants money cash charity charities organisation "
    "organisations organization organizations org orgs group groups project projects apply applying "
    "application applications bid bids bidding opportunity opportunities award awards available small "
    "local voluntary sector vcs vcse".split()
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
    #: Words of the search that no opportunity holds (the group's own words: "mums", "boxing"),
    #: left out of the search and said so rather than finding nothing.
    unused_words: tuple[str, ...] = ()
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



# -- private helpers ---------------------------------------------------------------------------


def clean_text(text: str) -> str:
    text = unaccented(text or "").lower().replace("&", " and ").replace("-", " ")
    return " ".join(_WORD.findall(text))


def _known_boroughs(snapshot: Snapshot, values: Iterable[str]) -> tuple[str, ...]:
    by_code = {b.code: b.code for b in snapshot.boroughs}
    by_name = {clean_text(b.name): b.code for b in snapshot.boroughs}
    found = []
    for value in values:
        code = by_code.get(value.upper()) or by_name.get(clean_text(value))
        if code and code not in found:
            found.append(code)
    return tuple(found)


def _known_terms(snapshot: Snapshot, values: Iterable[str]) -> tuple[str, ...]:
    by_id = {t.id: t.id for t in snapshot.terms}
    by_name = {clean_text(t.name): t.id for t in snapshot.terms}
    found = []
    for value in values:
        term = by_id.get(value) or by_name.get(clean_text(value))
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
