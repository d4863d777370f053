"""Services layer: searching funding opportunities (free text, filters, widening when nothing matches)."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from rapidfuzz import fuzz, process

from explorer.domain import funding as rules
from explorer.domain.funding import STATUS_FILTERS, Status
from explorer.domain.records import FundingOpportunity
from explorer.services.snapshot import Snapshot
from explorer.services.funding.query import FUNDING_WORDS, FundingQuery, FundingResult, MAX_QUERY_LENGTH, OpportunityView, PLACE_CUTOFF, QueryParser, STOPWORDS, TERM_PREFIX, WORD_CUTOFF, clean_text

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
        understood = index.search(applicants_words_out(text), limit=0).understood
        words = tuple(TERM_PREFIX + t for t in understood.terms)
        words += tuple(w for w in understood.words + understood.unmatched_words + understood.words_left_out
                       if w not in FUNDING_WORDS)
        place = understood.location
        return words, ((place.borough_code,) if place is not None else ())

    return parse


#: Words that describe who is applying rather than the work ("community groups", "grassroots
#: organisations", "residents association"): read as a topic, "community" became community safety.
APPLICANT_WORDS = frozenset("community grassroots residents resident association associations led".split())


def applicants_words_out(text: str) -> str:
    """The search text without the words about the applicant or funding itself ("small community
    groups", "grants"), except "community safety", which is a kind of work."""
    words = clean_text(text[:MAX_QUERY_LENGTH]).split()
    kept = [w for i, w in enumerate(words)
            if not ((w in APPLICANT_WORDS or w in FUNDING_WORDS)
                    and not (w == "community" and words[i + 1:i + 2] == ["safety"]))]
    return " ".join(kept)


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
    # A word no opportunity holds is the group's own ("mums group", "boxing club"): it is left out
    # and said, not a reason to find nothing. Service areas are alternatives: an opportunity for any
    # of them answers ("hate crime and community safety projects").
    areas = frozenset(w for w in words if w.startswith(TERM_PREFIX))
    expanded = {w: matcher.expand(w) for w in words if not w.startswith(TERM_PREFIX)}  # (each once)
    unused = tuple(w for w, alternatives in expanded.items() if not matcher.anywhere(alternatives))
    plain = [w for w in expanded if w not in unused]
    if unused and not areas and not plain and not text_boroughs:  # ("xyzzy": nothing else to search by)
        unused, plain = (), list(expanded)
    compiled = ((areas,) if areas else ()) + tuple(expanded[w] for w in plain if expanded[w])
    chosen, hidden = _choose(snapshot, query, today, boroughs, statuses, matcher, compiled)
    if areas and plain and not any(statuses is not None or v.status is not Status.CLOSED for v in chosen):
        # Nothing open holds every word ("football club ... streets"): the kind of work and the
        # place still find what the group could apply for; the words are said to be left out.
        chosen, hidden = _choose(snapshot, query, today, boroughs, statuses, matcher, (areas,))
        unused += tuple(plain)
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
        topic_words=tuple(w for w in words if w not in unused),
        text_boroughs=tuple(b for b in text_boroughs if b not in query.boroughs),
        hidden_without_amount=hidden,
        unused_words=unused,
        wider=wider,
    )


def _choose(snapshot, query, today, boroughs, statuses, matcher, compiled) -> tuple[list[OpportunityView], int]:
    """The opportunities that pass the filters and hold the compiled words, and how many the award
    filter left out for publishing no award size."""
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
        if compiled and not matcher.matches(opp, compiled):
            continue
        if query.min_award is not None or query.max_award is not None:
            overlap = rules.award_overlaps(opp, query.min_award, query.max_award)
            if overlap is None:
                hidden += 1
                continue
            if not overlap:
                continue
        chosen.append(OpportunityView(opp, status, rules.days_left(opp, today)))
    return chosen, hidden


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
        name = clean_text(borough.name)
        names[name] = borough.code
        first = name.split()[0]
        if len(name.split()) > 1 and first not in {"city", "tower"}:
            names.setdefault(first, borough.code)
    single = [n for n in names if " " not in n]

    def parse(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        cleaned = f" {clean_text(text[:MAX_QUERY_LENGTH])} "
        codes: list[str] = []
        for name in sorted(names, key=len, reverse=True):
            if f" {name} " in cleaned:
                codes.append(names[name])
                cleaned = cleaned.replace(f" {name} ", " ")
        words = []
        for word in cleaned.split():
            if word in STOPWORDS or word in FUNDING_WORDS:
                continue
            best = process.extractOne(word, single, scorer=fuzz.ratio, processor=None,
                                      score_cutoff=PLACE_CUTOFF) if len(word) >= 5 else None
            if best is not None:
                codes.append(names[best[0]])
            else:
                words.append(word)
        return tuple(words), tuple(dict.fromkeys(codes))

    return parse


#: The funders' names in full, so "violence reduction unit funding" finds the VRU's.
FUNDER_NAMES = {
    "MOPAC": "Mayor's Office for Policing and Crime",
    "VRU": "Violence Reduction Unit",
    "GLA": "Greater London Authority",
}


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
            parts += [name for short, name in FUNDER_NAMES.items() if short in opp.funder.split(" ")]
            for area in opp.service_areas:
                term = terms.get(area)
                parts.append(area.replace("-", " "))
                if term is not None:
                    parts.append(term.name)
                    parts.extend(term.synonyms)
            markers = {TERM_PREFIX + area for area in opp.service_areas}
            # "micro-grants" is also found as "microgrants".
            joined = {clean_text(w.replace("-", "")) for w in " ".join(parts).split() if "-" in w}
            self._words[opp.id] = frozenset(clean_text(" ".join(parts)).split()) | markers | joined
        plain = (w for words in self._words.values() for w in words if not w.startswith(TERM_PREFIX))
        self._vocabulary = sorted(set(plain))

    def expand(self, word: str) -> frozenset[str]:
        """The vocabulary words that ``word`` stands for (itself, near spellings, longer forms)."""
        if word.startswith(TERM_PREFIX):
            return frozenset({word})
        word = clean_text(word)
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

    def anywhere(self, alternatives: frozenset[str]) -> bool:
        """True when some opportunity holds one of a word's alternatives (:meth:`expand`)."""
        return any(own & alternatives for own in self._words.values())

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
